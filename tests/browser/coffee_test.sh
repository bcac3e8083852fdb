#!/usr/bin/env bash
# The coffee corner in a real browser: the kiosk runs idle under Xvfb with its panels turning
# every 5 s; coffee.mjs reads the week's link from the QR on the real screen, answers from
# phone-sized Chromium contexts, and reads the answers back from the screen by OCR. Four runs,
# each on a fresh data folder: moderation "open" in Dutch (answer, change, withdraw), "open" in
# English (the page's texts, axe-core), "approve" (an answer waits; key H, a moderator phone
# approves it) and "word_list" (an answer with a listed word waits, one without is shown).
# Usage: coffee_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for the screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
ensure_playwright "$here"

start_x11 1920x1080

# walk MODERATION LANGUAGE: a config copy with that coffee.moderation and language, panels that
# turn every 5 s and room for every test phone on 127.0.0.1; the kiosk started idle on a fresh
# data folder (a fresh week), coffee.mjs, the kiosk stopped.
walk() {
    local moderation=$1 language=$2
    rm -rf "$work/source" "$work/config" "$work/data"
    mkdir -p "$work/source"
    cp -r "$source_dir/config" "$source_dir/prompts" "$work/source/"
    local json="$work/source/config/kiosk.json"
    sed -i -e "s|\"language\": \"[a-z]*\"|\"language\": \"$language\"|" \
           -e 's|"rotate_seconds": [0-9]*|"rotate_seconds": 5|' \
           -e "s|\"moderation\": \"[a-z_]*\"|\"moderation\": \"$moderation\"|" \
           -e 's|"joins_per_address": [0-9]*|"joins_per_address": 10|' "$json"
    grep -q "\"language\": \"$language\"" "$json" || fail "could not set the language in kiosk.json"
    grep -q '"rotate_seconds": 5' "$json" || fail "kiosk.json has no coffee.rotate_seconds to set"
    grep -q "\"moderation\": \"$moderation\"" "$json" || fail "kiosk.json has no coffee.moderation to set"
    if [ "$moderation" = word_list ]; then
        # A word of the test's own, so that the run does not depend on the shipped list.
        printf '\nprutswerk\n' >>"$work/source/config/blocked-words.nl.txt"
    fi
    : >"$work/stdout"  # start_kiosk reads the port from here: not the last run's
    start_kiosk "$kiosk" "$work/source/config" "$work" || fail "the kiosk did not start ($moderation, $language)"
    for _ in $(seq 100); do grep -q 'coffee corner shows coffee-' "$work/log" && break; sleep 0.1; done
    grep -q 'coffee corner shows coffee-' "$work/log" || fail "the idle kiosk does not show the coffee corner"
    node "$here/coffee.mjs" "http://127.0.0.1:$kiosk_port" "$moderation" "$language" "$out" "$work/log" "$work" ||
        fail "the coffee corner did not work from the phones ($moderation, $language)"
    kill "$kiosk_pid"
    wait "$kiosk_pid" 2>/dev/null || true
    kiosk_pid=
}

walk open nl
walk open en
walk approve nl
walk word_list nl
echo "coffee corner: answers from phones reach the screen, in every moderation mode: ok"
