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
# Every simulated phone comes from 127.0.0.1: one address may add them all.
sed -i 's/"joins_per_address": [0-9]*/"joins_per_address": 500/' "$work/config/kiosk.json"
sed -i 's/"max_participants": [0-9]*/"max_participants": 100/' "$work/config/kiosk.json"
mkdir -p "$work/data"
start_x11 1920x1080
# 1200 KB: each commit writes the events table's page and its index by time (journal schema 4)
# into the WAL; at 600 KB the walk to the brainstorm alone left room for only a few ideas.
node "$(dirname "$0")/full_disk.mjs" "$kiosk" "$work/config" "$work/data" "$port" "$work" 1200 || {
    for log in "$work"/kiosk-*.log; do echo "--- $log"; tail -5 "$log"; done
    exit 1
}

# A journal that cannot even be opened (here: its file name is taken by a folder, which root
# cannot write through either): the kiosk starts, says so on screen, and refuses phones.
mkdir -p "$work/blocked/vitale.sqlite3"
"$kiosk" --config "$work/config" --data "$work/blocked" --port "$port" >"$work/stdout" 2>"$work/log" & kiosk_pid=$!
expect_scene idle
grep -q "cannot open" "$work/log" || fail "the log does not say the journal cannot be opened"
xdotool key Return
expect_scene lobby
sleep 0.4
import -window root -crop 1920x100+0+0 -negate "$work/blocked-band.png"
tesseract "$work/blocked-band.png" - -l nld 2>/dev/null | grep -q "Opslaan lukt niet" || fail "no warning on screen without a journal"
import -window root "$work/blocked.png"
url=$(zbarimg -q --raw "$work/blocked.png" 2>/dev/null | tr -d '\r\n')
status=$(node -e 'fetch("http://127.0.0.1:" + process.argv[1] + "/api/join", {method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({token: process.argv[2]})}).then((r) => console.log(r.status))' "$port" "${url##*/j/}")
[ "$status" = "503" ] || fail "a phone joining without a journal got $status, expected 503"
echo "journal unavailable: 3 passed, 0 failed"
