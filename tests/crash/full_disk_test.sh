#!/usr/bin/env bash
# The data folder runs out of room (ulimit -f); see full_disk.mjs.
# Usage: full_disk_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
loopback_config "$source_dir/config" "$work/config" "http://127.0.0.1:$port" || fail "could not set public_url"
sed -i 's/"max_participants": [0-9]*/"max_participants": 100/' "$work/config/kiosk.json"
mkdir -p "$work/data"
start_x11 1920x1080
node "$(dirname "$0")/full_disk.mjs" "$kiosk" "$work/config" "$work/data" "$port" "$work" 600 || {
    for log in "$work"/kiosk-*.log; do echo "--- $log"; tail -5 "$log"; done
    exit 1
}
