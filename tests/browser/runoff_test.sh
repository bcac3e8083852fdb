#!/usr/bin/env bash
# A tie settled by the group, in a real browser: four phones tie on purpose, the run-off picks
# one (runoff.mjs); the chosen statement is in the AI prompt and on the wrap-up screen (OCR).
# Usage: runoff_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
ensure_playwright "$here"

# Four browsers on one machine all come from 127.0.0.1: one address may add them all.
mkdir -p "$work/src"
cp -r "$source_dir/config" "$source_dir/prompts" "$work/src/"
sed -i 's/"joins_per_address": [0-9]*/"joins_per_address": 10/' "$work/src/config/kiosk.json"
start_x11 1920x1080
start_kiosk "$kiosk" "$work/src/config" "$work" || fail "the kiosk did not start"
open_lobby_for_phones

node "$here/runoff.mjs" "$url" "$out" "$work/log" || fail "the tie was not settled by the group"

# The screen during the run-off said so, and the wrap-up shows the statement the run-off chose.
text=$(ocr_main_column "$out/kiosk-runoff.png")
grep -q "Gelijkspel" <<<"$text" || fail "the screen did not show the run-off: $text"
text=$(ocr_main_column "$out/kiosk-runoff-result.png")
grep -q "Gekozen" <<<"$text" || fail "the screen does not mark the chosen statement: $text"
sleep 0.5
import -window root "$out/kiosk-wrapup.png"
text=$(ocr_main_column "$out/kiosk-wrapup.png")
grep -q "één bron" <<<"$text" || grep -q "een bron" <<<"$text" || fail "the wrap-up does not show the chosen statement: $text"
echo "runoff: the tie went to a run-off, and its choice is in the prompt and on the wrap-up"
