#!/usr/bin/env bash
# Runs vitale-bench on a 1920x1080 Xvfb display with a window manager, with a config whose QR
# points at loopback; then the phones, the network and the coffee corner's live runs (their own
# Xvfb). Usage: bench/run.sh BUILD_DIR [vitale-bench options, e.g. --seconds 20]
# (COFFEE_BENCH_SECONDS=120 COFFEE_NIGHT_SECONDS=30 shorten the coffee corner's run.)
set -euo pipefail
build=$(cd "$1" && pwd); shift
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
work=$(mktemp -d)
trap 'stop_x11; rm -rf "$work"' EXIT
mkdir -p "$work/bench" && cp -r fonts "$work/bench/fonts"
loopback_config config "$work/bench/config" "http://127.0.0.1:8080"
start_x11 1920x1080
export SDL_AUDIODRIVER=dummy
"$build/vitale-bench" --config "$work/bench/config" --kiosk "$build/vitale-kiosk" "$@"

echo
echo "Phones: 200 live streams, 50 contributions a second (bench/phones_bench.mjs)"
bash bench/phones_run.sh "$build" 20 200 50

echo
echo "Network: one address floods connections, twenty guess codes (tests/security/lan_attack_test.sh;"
echo "the test config allows 64 connections per address, the room's default is 16)"
bash tests/security/lan_attack_test.sh "$build/vitale-kiosk" "$PWD" 2>&1 | grep -E "lan_attack figures|CASE (a|d)\." || true

echo
echo "Coffee corner on the live kiosk: CPU while the panels turn, frames, the night (bench/coffee_run.sh;"
echo "COFFEE_BENCH_SECONDS=${COFFEE_BENCH_SECONDS:-600}, COFFEE_NIGHT_SECONDS=${COFFEE_NIGHT_SECONDS:-120})"
bash bench/coffee_run.sh "$build" || echo "(bench/coffee_run.sh failed: see above)"

echo
echo "Restart after kill -9 under the package's unit (bench/restart_run.sh; root and a package only)"
deb=$(ls build/vitale-kiosk_*.deb 2>/dev/null | head -n 1 || true)
if [ "$(id -u)" -eq 0 ] && [ -n "$deb" ]; then
    bash bench/restart_run.sh "$deb" 20 || echo "(bench/restart_run.sh failed: see above)"
else
    echo "(skipped: run ./dev package, then as root: bash bench/restart_run.sh build/vitale-kiosk_*.deb)"
fi
