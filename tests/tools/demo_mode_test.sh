#!/usr/bin/env bash
# --demo N under Xvfb: N simulated phones join through the real phone API and take part; the
# screen shows them, and with everyone ready the kiosk moves on by itself.
# Usage: demo_mode_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" --demo 4 || fail "the kiosk did not start"
expect_scene idle
xdotool key Return
expect_scene lobby
# The demo phones join within a second or two: the lobby's band says so.
for _ in $(seq 40); do
    import -window root -crop 1250x190+50+880 -negate "$work/band.png"
    tesseract "$work/band.png" - -l nld 2>/dev/null | grep -q "4 telefoons doen mee" && break
    sleep 0.25
done
tesseract "$work/band.png" - -l nld 2>/dev/null | grep -q "4 telefoons doen mee" || fail "the lobby does not show 4 phones"
xdotool key F5
expect_scene checkin
# Each demo phone answers and says it is ready within ~15 s: the check-in then ends early.
for _ in $(seq 300); do
    grep -q "showing analyse" "$work/log" && break
    sleep 0.1
done
grep -q "showing analyse" "$work/log" || fail "the demo phones did not finish the check-in"
echo "demo mode: 1 passed, 0 failed"
