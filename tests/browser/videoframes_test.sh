#!/usr/bin/env bash
# The library of session formats in the room: four phones in Chromium choose a format in the
# lobby, its stage is on the kiosk's X11 screen (OCR), its surprise card comes at its minute, and
# after a kill -9 the restarted kiosk shows the same card. See videoframes.mjs.
# Usage: videoframes_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kiosk=$1
source_dir=$2
source "$here/../x11_helpers.sh"
begin_x11_test
ensure_playwright "$here"
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
loopback_config "$source_dir/config" "$work/config" "http://127.0.0.1:$port" || fail "could not set public_url"
# Every phone comes from 127.0.0.1: one address may add all four.
sed -i 's/"joins_per_address": [0-9]*/"joins_per_address": 500/' "$work/config/kiosk.json"
# The innovation format's first card comes after one minute instead of four (in both languages:
# they must agree), so the test waits one minute, not four.
for language in nl en; do
    node -e 'const fs = require("fs"); const f = process.argv[1]; const j = JSON.parse(fs.readFileSync(f));
             j.surprises[0].after_minutes = 1; fs.writeFileSync(f, JSON.stringify(j, null, 2));' \
        "$work/config/videoframes/innovatie.$language.json"
done
mkdir -p "$work/data"
start_x11 1920x1080
node "$here/videoframes.mjs" "$kiosk" "$work/config" "$work/data" "$port" "$work" || {
    for log in "$work"/kiosk-*.log; do echo "--- $log"; tail -5 "$log"; done
    exit 1
}
