#!/usr/bin/env bash
# The learning cycle made whole, in a real browser: three phones from the lobby's choices
# through the validation to the wrap-up (decide.mjs); the screen shows the score spread, the
# decision and the summary (tesseract); then the kiosk is restarted on the same data and the
# next session's lobby shows the decision to look back on.
# Usage: decide_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
ensure_playwright "$here"

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" || fail "the kiosk did not start"
open_lobby_for_phones
node "$here/decide.mjs" "$url" "$out" "$work/log" || fail "the phones did not get through the cycle"
sleep 0.5
import -window root "$out/kiosk-wrapup.png"
text=$(ocr_main_column "$out/kiosk-wrapup.png")
grep -q "Besluit: Doen" <<<"$text" || fail "the wrap-up does not show the decision: $text"
grep -q "Bram (teamco" <<<"$text" || fail "the wrap-up does not show the owner: $text"
grep -q "De overdracht van 8:30 bij de balie" <<<"$text" || fail "the wrap-up does not show the situation: $text"

# Close the session, restart the kiosk on the same data, open the next lobby.
xdotool key Return
expect_scene idle
kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true
rm -rf "$work/config"
start_kiosk "$kiosk" "$source_dir/config" "$work" || fail "the kiosk did not restart"
expect_scene idle
xdotool key Return
expect_scene lobby
sleep 0.3
import -window root "$out/kiosk-next-lobby.png"
text=$(ocr_main_column "$out/kiosk-next-lobby.png")
grep -q "Eerder besloten" <<<"$text" || fail "the next lobby does not show the earlier decision: $text"
grep -q "Vijf vragen kiezen" <<<"$text" || fail "the next lobby does not show the first step: $text"
echo "lobby -> validation -> wrap-up -> next lobby: ok"
