#!/usr/bin/env bash
# Phones in a real browser against the real kiosk: the kiosk runs fullscreen under Xvfb, the
# test reads the join URL from the QR on its screen (loopback only), and phones.mjs drives
# three phone-sized Chromium contexts through the session.
# Usage: phones_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for the phone screenshots]
set -euo pipefail
kiosk=$1
source_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_x11_test
out=${3:-$work/out}
mkdir -p "$out"

# playwright-core from npm (no browser download: Debian's chromium is used).
if [ ! -d "$here/node_modules/playwright-core" ]; then
    (cd "$here" && npm install --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm install playwright-core failed"
fi

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" || fail "the kiosk did not start"
expect_scene idle
xdotool key Return
expect_scene lobby
sleep 0.3
import -window root "$work/lobby.png"
url=$(zbarimg -q --raw "$work/lobby.png" 2>/dev/null | tr -d '\r\n')
[[ "$url" =~ ^http://127\.0\.0\.1:$kiosk_port/j/[0-9a-f]{32}$ ]] || fail "the QR says '$url', expected a loopback join link"

node "$here/phones.mjs" "$url" "$out" "$work/log" || fail "the phones did not get through the session"
import -window root "$out/kiosk-brainstorm.png"
