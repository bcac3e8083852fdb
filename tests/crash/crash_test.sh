#!/usr/bin/env bash
# kill -9 at 24 moments during a session; see crash.mjs. Runs the kiosk fullscreen under Xvfb
# (the room's keys and the QR need a screen), phones on 127.0.0.1 only.
# Usage: crash_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test
# A free port below Linux's ephemeral range (32768-60999): a port from that range can be taken by
# some process's outgoing connection between a kill -9 and the restart, and the restarted kiosk
# then finds it in use (seen once in CI's ASan run: a 300 s timeout).
port=$(python3 -c '
import random, socket
for _ in range(200):
    port = random.randint(20000, 32000)
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break')
loopback_config "$source_dir/config" "$work/config" "http://127.0.0.1:$port" || fail "could not set public_url"
# Every simulated phone comes from 127.0.0.1: one address may add them all.
sed -i 's/"joins_per_address": [0-9]*/"joins_per_address": 500/' "$work/config/kiosk.json"
# The coffee corner's question panel (with the week's QR) comes round every few seconds.
sed -i 's/"rotate_seconds": 20/"rotate_seconds": 5/' "$work/config/kiosk.json"
mkdir -p "$work/data"
start_x11 1920x1080
node "$(dirname "$0")/crash.mjs" "$kiosk" "$work/config" "$work/data" "$port" "$work" || {
    for log in "$work"/kiosk-*.log; do echo "--- $log"; tail -5 "$log"; done
    exit 1
}
