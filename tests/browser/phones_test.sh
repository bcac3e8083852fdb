#!/usr/bin/env bash
# Phones in a real browser against the real kiosk: the kiosk runs fullscreen under Xvfb, the
# test reads the join URL from the QR on its screen (loopback only), and phones.mjs drives
# three phone-sized Chromium contexts through the session.
# Usage: phones_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for the phone screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"

ensure_playwright "$here"

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" || fail "the kiosk did not start"
open_lobby_for_phones

node "$here/phones.mjs" "$url" "$out" "$work/log" || fail "the phones did not get through the session"
import -window root "$out/kiosk-brainstorm.png"
