#!/usr/bin/env bash
# The frame figures the way the room PC draws: vitale-bench under cage with SDL's Wayland
# backend, as vitale-kiosk.service runs the kiosk, with cage's output in a window on Xvfb
# (wlroots' x11 backend and software renderer, as in the package check), at each size given.
# vitale-bench measures every way to the screen there: SDL's own (a texture, the whole picture
# each update), a streaming texture, and shared memory (what the kiosk takes on Wayland); then
# the kiosk's start to its first frame (--kiosk). cage refuses to run as root: as root the bench
# runs as the user nobody, on copies it can read.
# Usage: bench/cage_run.sh BUILD_DIR FRAMES SIZE...      e.g. bench/cage_run.sh build 100 1920x1080 3840x2160
set -euo pipefail
build=$(cd "$1" && pwd)
frames=$2
shift 2
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
command -v cage >/dev/null || { echo "bench/cage_run.sh: cage is not installed (./dev test installs it)"; exit 1; }
work=$(mktemp -d)
xvfb_pid= cage_pid=
trap '[ -n "$cage_pid" ] && kill "$cage_pid" 2>/dev/null; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/bench" "$work/bin"
cp -r fonts "$work/bench/fonts"
loopback_config config "$work/bench/config" "http://127.0.0.1:8080"
cp "$build/vitale-bench" "$build/vitale-kiosk" "$work/bin/"
chmod -R a+rX "$work/bench" "$work/bin"
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(runuser -u nobody --)

# run_at SIZE: Xvfb of that size, cage in it, its output window made as large, then the bench.
run_at() {
    local size=$1 window
    local run="$work/run-$size"
    mkdir -p "$run" && chmod 700 "$run"
    [ "$(id -u)" -eq 0 ] && chown nobody "$run"
    start_xvfb "$size" -ac  # -ac: nobody's cage may draw on it
    local display=$xvfb_display
    # The bench waits for the file "go": cage's output window starts at 1024x768 and follows
    # its X window's size once that is set.
    "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$run" XDG_RUNTIME_DIR="$run" TMPDIR="$run" DISPLAY="$display" \
        WLR_BACKENDS=x11 WLR_X11_OUTPUTS=1 WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
        SDL_VIDEODRIVER=wayland SDL_AUDIODRIVER=dummy \
        cage -- sh -c 'while [ ! -e "$2/go" ]; do sleep 0.1; done
                       exec "$0/vitale-bench" window --frames "$1" --config "$3" --kiosk "$0/vitale-kiosk" >"$2/out" 2>&1' \
        "$work/bin" "$frames" "$run" "$work/bench/config" >"$run/cage.log" 2>&1 &
    cage_pid=$!
    window=$(cage_window "$display")
    if [ -z "$window" ]; then
        echo "cage showed no window on $display"
        cat "$run/cage.log"
        kill "$cage_pid" "$xvfb_pid" 2>/dev/null || true
        cage_pid= xvfb_pid=
        return 1
    fi
    DISPLAY=$display xdotool windowsize "$window" "${size%x*}" "${size#*x}"
    sleep 0.5
    touch "$run/go"
    local status=0
    wait "$cage_pid" || status=$?
    cage_pid=
    kill "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=
    echo "-- under cage, $size:"
    cat "$run/out" 2>/dev/null || { echo "(the bench wrote nothing; cage's log:)"; cat "$run/cage.log"; }
    # The bench's own status is its last line ("done, no problems" or the problems).
    grep -q "vitale-bench: done, no problems" "$run/out" 2>/dev/null || status=1
    return "$status"
}

status=0
for size in "$@"; do run_at "$size" || status=1; done
exit "$status"
