#!/usr/bin/env bash
# Other devices on the kiosk's network: forged and malformed phone keys on every POST route,
# sent from 127.0.0.2, 127.0.0.3, … to the real kiosk running fullscreen under Xvfb, while one
# real phone takes part; see lan_attack.mjs for what is checked. Traffic to 127.0.0.1 only
# (the QR's public_url is on loopback; the AI provider must be "manual").
# Usage: lan_attack_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}

# The shipped config asks no AI service; the test relies on that (nothing leaves the machine).
grep -q '"provider": "manual"' "$source_dir/config/kiosk.json" || fail "the shipped config asks an AI service; this test wants provider manual"

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" || fail "the kiosk did not start"
open_lobby_for_phones

node "$here/lan_attack.mjs" "$kiosk_port" "$url" "$work/log" "$work/data" "$out" || {
    echo "--- the kiosk's log (last 40 lines):"; tail -n 40 "$work/log"
    echo "screenshots: $out"
    exit 1
}
