#!/usr/bin/env bash
# No stray "null", "undefined", "NaN" or unfilled {placeholder} on any phone screen: the real
# kiosk runs under Xvfb, and placeholders.mjs walks two phones (one of them the host, by the
# host QR) through every screen of a session, in four configurations: Dutch and English, each
# with and without names. The data folder is kept between them, so the later lobbies also show
# earlier decisions to look back on. axe-core checks the host phone's screens.
# Usage: placeholders_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for the phone screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
ensure_playwright "$here"

start_x11 1920x1080

# walk LANGUAGE SHOW_NAMES(true|false): a config copy with that language and names setting,
# the kiosk started on it (same data folder each time), the phones' walk, the kiosk stopped.
walk() {
    local language=$1 names=$2
    rm -rf "$work/source" "$work/config"
    mkdir -p "$work/source"
    cp -r "$source_dir/config" "$work/source/config"
    cp -r "$source_dir/prompts" "$work/source/prompts"
    sed -i "s|\"language\": \"[a-z]*\"|\"language\": \"$language\"|" "$work/source/config/kiosk.json"
    sed -i "s|\"show_names\": [a-z]*|\"show_names\": $names|" "$work/source/config/kiosk.json"
    grep -q "\"language\": \"$language\"" "$work/source/config/kiosk.json" || fail "could not set the language"
    grep -q "\"show_names\": $names" "$work/source/config/kiosk.json" || fail "could not set show_names"
    : >"$work/stdout"  # start_kiosk reads the port from here: not the last run's
    start_kiosk "$kiosk" "$work/source/config" "$work" || fail "the kiosk did not start ($language)"
    expect_scene idle
    node "$here/placeholders.mjs" "http://127.0.0.1:$kiosk_port" "$language" "$names" "$out" "$work/log" "$work" ||
        fail "stray text or a broken screen on the phones ($language, show_names $names)"
    kill "$kiosk_pid"
    wait "$kiosk_pid" 2>/dev/null || true
    kiosk_pid=
}

walk nl false
walk en true
walk nl true
walk en false
echo "phone screens without stray placeholders (nl and en, with and without names): ok"
