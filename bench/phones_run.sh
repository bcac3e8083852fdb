#!/usr/bin/env bash
# The phones benchmark (see bench/phones_bench.mjs): the kiosk fullscreen under Xvfb with
# --trace-frames, room for 250 phones, its QR on loopback; the join token is read from the QR.
# Usage: bench/phones_run.sh BUILD_DIR [SECONDS] [PHONES] [RATE]
set -euo pipefail
build=$(cd "$1" && pwd); shift
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
begin_x11_test
mkdir -p "$work/src"
cp -r config "$work/src/config"
cp -r prompts "$work/src/prompts"
sed -i 's/"max_participants": [0-9]*/"max_participants": 250/' "$work/src/config/kiosk.json"
# The simulated phones all come from 127.0.0.1: one address may add them all.
sed -i 's/"joins_per_address": [0-9]*/"joins_per_address": 500/' "$work/src/config/kiosk.json"
# Every simulated phone (and its live stream) comes from 127.0.0.1.
sed -i 's/"connections_per_address": [0-9]*/"connections_per_address": 1000/' "$work/src/config/kiosk.json"
start_x11 1920x1080
export SDL_AUDIODRIVER=dummy
start_kiosk "$build/vitale-kiosk" "$work/src/config" "$work" --trace-frames || fail "the kiosk did not start"
expect_scene idle
xdotool key Return
expect_scene lobby
sleep 0.3
import -window root "$work/lobby.png"
url=$(zbarimg -q --raw "$work/lobby.png" 2>/dev/null | tr -d '\r\n')
token=${url##*/j/}
[ ${#token} -eq 32 ] || fail "no join token in the QR ('$url')"
node bench/phones_bench.mjs "$kiosk_port" "$token" "$kiosk_pid" "$work/stdout" "$@"
