#!/usr/bin/env bash
# kill -9 at 24 moments during a session; see crash.mjs. Runs the kiosk fullscreen under Xvfb
# (the room's keys and the QR need a screen), phones on 127.0.0.1 only.
# Usage: crash_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
loopback_config "$source_dir/config" "$work/config" "http://127.0.0.1:$port" || fail "could not set public_url"
mkdir -p "$work/data"
start_x11 1920x1080
node "$(dirname "$0")/crash.mjs" "$kiosk" "$work/config" "$work/data" "$port" "$work" || {
    for log in "$work"/kiosk-*.log; do echo "--- $log"; tail -5 "$log"; done
    exit 1
}
