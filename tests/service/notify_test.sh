#!/usr/bin/env bash
# The kiosk as a systemd service, against a stand-in notify socket (notify_listener.py):
# READY=1 only after the first frame is on the screen, WATCHDOG=1 at about half of
# WATCHDOG_USEC, and no more WATCHDOG=1 once the screen loop or the engine loop hangs
# (VITALE_KIOSK_TEST_HANG, the test-only fault), so that systemd would restart it; and log
# lines with their priorities when stderr is the journal.
# Usage: notify_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_x11_test
listener_pid=
# kill -9: a kiosk whose screen loop hangs does not answer SIGTERM.
trap 'kill "$listener_pid" 2>/dev/null || true; kill -9 "${kiosk_pid:-}" 2>/dev/null || true; end_x11_test' EXIT
start_x11 1280x720

# run_service NAME [ENV...]: the kiosk with NOTIFY_SOCKET and WATCHDOG_USEC=2 s (WATCHDOG=1
# every second); its messages land in $work/NAME.notify, its log in $work/NAME.log.
run_service() {
    local name=$1
    shift
    python3 "$here/notify_listener.py" "$work/$name.sock" "$work/$name.notify" >/dev/null 2>&1 & listener_pid=$!
    for _ in $(seq 50); do [ -S "$work/$name.sock" ] && break; sleep 0.05; done
    loopback_config "$source_dir/config" "$work/$name-config" "http://127.0.0.1:{port}" || fail "could not set public_url"
    env NOTIFY_SOCKET="$work/$name.sock" WATCHDOG_USEC=2000000 "$@" \
        "$kiosk" --config "$work/$name-config" --data "$work/$name-data" --port 0 --print-first-frame \
        >"$work/$name.out" 2>"$work/$name.log" & kiosk_pid=$!
}

stop_service() {
    kill -9 "$kiosk_pid" 2>/dev/null || true
    wait "$kiosk_pid" 2>/dev/null || true
    kill "$listener_pid" 2>/dev/null || true
}

# watchdogs FILE FROM_MS TO_MS: how many WATCHDOG=1 arrived in that window.
watchdogs() { awk -v from="$2" -v to="$3" '$2 == "WATCHDOG=1" && $1 >= from && $1 < to' "$1" | wc -l; }

# 1. A healthy kiosk: READY=1 after its first frame, then WATCHDOG=1 about every second.
run_service healthy
for _ in $(seq 100); do grep -q "READY=1" "$work/healthy.notify" 2>/dev/null && break; sleep 0.1; done
grep -q "READY=1" "$work/healthy.notify" || fail "no READY=1 within 10 s"
ready_ms=$(awk '$2 ~ /^READY=1/ { print $1; exit }' "$work/healthy.notify")
first_ms=$(sed -n 's/^first-frame-ms //p' "$work/healthy.out")
[ -n "$first_ms" ] || fail "no first frame"
# The kiosk's monotonic clock and the listener's are both CLOCK_MONOTONIC (steady_clock).
[ "$ready_ms" -ge "$first_ms" ] || fail "READY=1 ($ready_ms ms) came before the first frame ($first_ms ms)"
grep -q "READY=1|STATUS=showing idle, phones join at http://127.0.0.1:" "$work/healthy.notify" || fail "READY=1 without the status line"
sleep 6.5
count=$(watchdogs "$work/healthy.notify" "$ready_ms" $((ready_ms + 6500)))
[ "$count" -ge 5 ] && [ "$count" -le 7 ] || fail "WATCHDOG=1 came $count times in 6.5 s (expected 6, every second)"
stop_service

# 2. and 3. A loop that hangs 4 s after READY=1: the pings stop (after at most the round that
# was under way: 1 s).
for loop in screen engine; do
    run_service "$loop" VITALE_KIOSK_TEST_HANG="$loop:4"
    for _ in $(seq 100); do grep -q "READY=1" "$work/$loop.notify" 2>/dev/null && break; sleep 0.1; done
    grep -q "READY=1" "$work/$loop.notify" || fail "$loop: no READY=1"

    ready_ms=$(awk '$2 ~ /^READY=1/ { print $1; exit }' "$work/$loop.notify")
    sleep 9
    before=$(watchdogs "$work/$loop.notify" "$ready_ms" $((ready_ms + 4000)))
    after=$(watchdogs "$work/$loop.notify" $((ready_ms + 5200)) $((ready_ms + 9000)))
    [ "$before" -ge 2 ] || fail "$loop: only $before WATCHDOG=1 before the hang"
    [ "$after" = 0 ] || fail "$loop: $after WATCHDOG=1 after the $loop loop hung"
    stop_service
done
# 4. Under systemd stderr is the journal ($JOURNAL_STREAM = its device:inode): each line starts
# with its priority, which the journal keeps as the line's level. Elsewhere lines are unchanged.
: >"$work/journal"
JOURNAL_STREAM=$(stat -c '%d:%i' "$work/journal") "$kiosk" --config "$work/missing" 2>>"$work/journal" && fail "a missing config started"
grep -q '^<3>vitale-kiosk: ' "$work/journal" || fail "no <3> priority on the error line in the journal: $(cat "$work/journal")"
"$kiosk" --config "$work/missing" 2>"$work/plain" && fail "a missing config started"
grep -q '^vitale-kiosk: ' "$work/plain" || fail "a plain stderr got priorities: $(cat "$work/plain")"
JOURNAL_STREAM=1:2 "$kiosk" --config "$work/missing" 2>"$work/other" && fail "a missing config started"
grep -q '^vitale-kiosk: ' "$work/other" || fail "an inherited JOURNAL_STREAM that is not stderr changed the lines"
echo "notify, watchdog and journal priorities: 4 passed, 0 failed"
