#!/usr/bin/env bash
# Restart to the same picture after kill -9, the way the package's unit runs the kiosk (as
# vitale, under cage with SDL's Wayland backend; cage's output in a window on Xvfb): process start + journal
# replay + first frame, N times (default 20), with a session of 8 demo phones in the journal.
# Also the package's size and its installed size. Every wait has a deadline; exits non-zero when
# a restart showed no frame in time or came back to another picture. Needs root and a package
# (./dev package); installs it, and purges it at the end.
# Usage: bench/restart_run.sh build/vitale-kiosk_<version>_<arch>.deb [N]
set -euo pipefail
deb=$(realpath "$1")
runs=${2:-20}
cd "$(dirname "$0")/.."
source tests/package/installed_kiosk.sh
begin_installed restart_run.sh
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
echo "package: $(du -k "$deb" | cut -f 1) KiB ($(basename "$deb")); installed size: $(dpkg-query -W -f='${Installed-Size}' vitale-kiosk) KiB"

port=$(( 20000 + RANDOM % 20000 ))
prepare_installed "$work" "$port"
# A session with eight phones taking part (--demo goes through the real phone API), then Enter.
start_installed "$work" demo --demo 8
wait_first_frame "$work" demo >/dev/null || { echo "FAIL: the installed kiosk showed no frame within 15 s" >&2; exit 1; }
press Return
sleep 12
times=()
for i in $(seq "$runs"); do
    pid=$(installed_kiosk_pid) || { echo "FAIL: run $i: no running kiosk to kill" >&2; exit 1; }
    killed=$(monotonic_ms)
    kill -9 "$pid"
    reap "$cage_pid" || { echo "FAIL: run $i: cage did not end within 10 s of the kill" >&2; exit 1; }
    start_installed "$work" "run$i"
    back=$(wait_first_frame "$work" "run$i") || { echo "FAIL: run $i: no first frame within 15 s" >&2; exit 1; }
    times+=($((back - killed)))
    sleep 0.5
done
# Every restart comes back to the same picture (the journal replayed): the first scene each run shows.
stage=$(grep -o 'showing [a-z-]*' "$work/logs/run1.log" | head -n 1 || true)
for i in $(seq "$runs"); do
    shown=$(grep -o 'showing [a-z-]*' "$work/logs/run$i.log" | head -n 1 || true)
    [ -n "$shown" ] && [ "$shown" = "$stage" ] || { echo "FAIL: run $i came back to '${shown:-nothing}', run 1 to '${stage:-nothing}'" >&2; exit 1; }
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v stage="$stage" '{ t[NR] = $1 } END {
    p = int(0.99 * n + 0.999); if (p < 1) p = 1
    printf "restart after kill -9 to the same picture (%s): p50 %d ms, p99 %d ms, max %d ms over %d restarts\n", stage, t[int((n + 1) / 2)], t[p], t[n], n }'
