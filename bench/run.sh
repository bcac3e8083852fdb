#!/usr/bin/env bash
# Every benchmark, one after the other: vitale-bench on a 1920x1080 Xvfb display with a window
# manager and a config whose QR points at loopback; its frames again under cage at 1080p and
# 4K (the room PC's path); a clip playing in the kiosk (X11 and cage); then the phones, the network, the coffee
# corner's live runs, the AI answer streamed end to end (their own Xvfb), and the restart under
# the package's unit (root and a package only). Each runs within a deadline; one that fails or
# overruns is noted and the rest still run; the exit status is 1 when any did.
# Usage: bench/run.sh BUILD_DIR [--smoke] [vitale-bench options, e.g. --seconds 20]
#   --smoke  every benchmark with tiny counts and short runs (a few minutes on 2 cores), to see
#            that each still runs to its end without a refusal or a problem; its figures mean
#            nothing. .ci/run runs it after ./dev test, on the same build.
# (COFFEE_BENCH_SECONDS=120 COFFEE_NIGHT_SECONDS=30 shorten the coffee corner's full run.)
set -euo pipefail
build=$(cd "$1" && pwd); shift
smoke=false
if [ "${1:-}" = --smoke ]; then
    smoke=true
    shift
fi
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
work=$(mktemp -d)
trap 'stop_x11; rm -rf "$work"' EXIT
export SDL_AUDIODRIVER=dummy
began=$SECONDS
failed=()
running=  # the step's timeout, while it runs
# timeout puts the step in a process group of its own, which a Ctrl-C at the terminal does not
# reach: pass it on (timeout hands it to the whole group), then stop.
stop_step() {
    if [ -n "$running" ]; then kill -TERM "$running" 2>/dev/null || true; wait "$running" 2>/dev/null || true; fi
    exit 130
}
trap stop_step INT TERM

# run_step NAME SECONDS COMMAND...: COMMAND within SECONDS (then it and everything it started
# are stopped: timeout signals its whole process group); a failure is noted, the run goes on.
run_step() {
    local name=$1 limit=$2 status=0 started=$SECONDS
    shift 2
    timeout --kill-after=10 "$limit" "$@" &
    running=$!
    wait "$running" || status=$?
    running=
    case $status in
    0) ;;
    124 | 137) failed+=("$name: did not finish within $limit s") ;;
    *) failed+=("$name: exit status $status") ;;
    esac
    echo "($name: $((SECONDS - started)) s$([ "$status" -eq 0 ] || echo ", FAILED"))"
}

if $smoke; then
    echo "Smoke run: every benchmark with tiny counts; the figures mean nothing, only that each runs to its end"
fi

mkdir -p "$work/bench" && cp -r fonts "$work/bench/fonts"
loopback_config config "$work/bench/config" "http://127.0.0.1:8080"
start_x11 1920x1080
if $smoke; then
    run_step vitale-bench 600 "$build/vitale-bench" --smoke --config "$work/bench/config" --kiosk "$build/vitale-kiosk" "$@"
else
    run_step vitale-bench 3600 "$build/vitale-bench" --config "$work/bench/config" --kiosk "$build/vitale-kiosk" "$@"
fi
stop_x11

echo
echo "The room PC's display path: vitale-bench under cage with SDL's Wayland backend, as the unit runs it (bench/cage_run.sh)"
if $smoke; then
    run_step cage 300 bash bench/cage_run.sh "$build" 3 1920x1080
else
    run_step cage 2400 bash bench/cage_run.sh "$build" 100 1920x1080 3840x2160
fi

echo
echo "A clip in the stage: CPU, frames not shown, start to first picture, frame work, RSS, on X11 and under cage (bench/clip_run.sh)"
if $smoke; then
    run_step clip 240 bash bench/clip_run.sh "$build" 3 720
else
    run_step clip 600 bash bench/clip_run.sh "$build" 20
fi

echo
if $smoke; then
    echo "Phones: 20 live streams, 10 contributions a second for 3 s (bench/phones_bench.mjs)"
    run_step phones 240 bash bench/phones_run.sh "$build" 3 20 10
else
    echo "Phones: 200 live streams, 50 contributions a second (bench/phones_bench.mjs)"
    run_step phones 600 bash bench/phones_run.sh "$build" 20 200 50
fi

echo
if $smoke; then
    echo "Network: skipped in the smoke run (tests/security/lan_attack_test.sh is a test: ctest runs it)"
else
    echo "Network: one address floods connections, twenty guess codes (tests/security/lan_attack_test.sh;"
    echo "the test config allows 64 connections per address, the room's default is 16)"
    # Its figures only: whether it passes is ctest's to say.
    run_step network 600 bash -c 'bash tests/security/lan_attack_test.sh "$0" "$1" 2>&1 | grep -E "lan_attack figures|CASE (a|d)\." ||
        echo "(tests/security/lan_attack_test.sh printed no figures)"' "$build/vitale-kiosk" "$PWD"
fi

echo
if $smoke; then
    export COFFEE_BENCH_SECONDS=12 COFFEE_NIGHT_SECONDS=5 COFFEE_ROTATE_SECONDS=5 COFFEE_MODERATION_ROUNDS=5
fi
idle=${COFFEE_BENCH_SECONDS:-600} night=${COFFEE_NIGHT_SECONDS:-120}
echo "Coffee corner on the live kiosk: CPU while the panels turn, frames, the night, a moderator's hide (bench/coffee_run.sh;"
echo "COFFEE_BENCH_SECONDS=$idle, COFFEE_NIGHT_SECONDS=$night)"
run_step coffee $((idle + night + 180)) bash bench/coffee_run.sh "$build"

echo
if $smoke; then
    echo "AI proposal: an answer of 30 pieces 20 ms apart from the fake provider (bench/ai_run.sh)"
    run_step ai 240 bash bench/ai_run.sh "$build" 20 30
else
    echo "AI proposal: a long answer streamed by the fake provider, 300 pieces 40 ms apart (bench/ai_run.sh)"
    run_step ai 300 bash bench/ai_run.sh "$build" 40 300
fi

echo
echo "Restart after kill -9 under the package's unit (bench/restart_run.sh; root and a package only)"
deb=$(ls "$build"/vitale-kiosk_*.deb 2>/dev/null | head -n 1 || true)
if [ "$(id -u)" -eq 0 ] && [ -n "$deb" ]; then
    if $smoke; then
        run_step restart 300 bash bench/restart_run.sh "$deb" 2
    else
        run_step restart 900 bash bench/restart_run.sh "$deb" 20
    fi
else
    echo "(skipped: run ./dev package, then as root: bash bench/restart_run.sh build/vitale-kiosk_*.deb)"
fi

echo
if [ ${#failed[@]} -eq 0 ]; then
    echo "bench/run.sh: every benchmark ran to its end ($((SECONDS - began)) s)"
    exit 0
fi
echo "bench/run.sh: ${#failed[@]} benchmark(s) failed ($((SECONDS - began)) s):"
printf '  %s\n' "${failed[@]}"
exit 1
