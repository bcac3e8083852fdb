#!/usr/bin/env bash
# The phones benchmark (see bench/phones_bench.mjs): the kiosk fullscreen under Xvfb with
# --trace-frames, room for 250 phones, its QR on loopback; the join token is read from the QR.
# Each simulated phone connects from its own loopback address (127.0.0.2, …), so the room's
# per-address limits stay as shipped. Exits non-zero when the bench could not do its work (a
# phone refused, the room not at the brainstorm, the kiosk gone); a goal not met is a figure.
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
grep -q '"max_participants": 250' "$work/src/config/kiosk.json" || fail "could not set phones.max_participants in the config"
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
# The whole bench within a deadline: joining, the walk, the contributions and the last frames.
seconds=${1:-20}
timeout --kill-after=5 $(( seconds + 120 )) node bench/phones_bench.mjs "$kiosk_port" "$token" "$kiosk_pid" "$work/stdout" "$@" ||
    fail "bench/phones_bench.mjs failed (status $?)"
kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended during the bench"
