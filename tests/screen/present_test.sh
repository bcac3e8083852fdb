#!/usr/bin/env bash
# Every way the picture reaches the screen (kiosk/ui/presenter.hpp) shows every change: the
# window's own surface and a streaming texture on X11 (Xvfb, read back with ImageMagick's
# import), shared memory and the texture under cage with SDL's Wayland backend (as the room PC's
# service runs, cage's output in a window on Xvfb, read back with grim). present-probe shows a
# red picture, then eight squares one rectangle at a time, each twice (a wrong colour, then its
# own); the screen must hold every square in its own colour and the red between them.
# Usage: present_test.sh KIOSK PRESENT_PROBE SOURCE_DIR
set -euo pipefail
probe=$(realpath "$2")
source_dir=$3
source "$source_dir/tests/x11_helpers.sh"
work=$(mktemp -d)
cage_pid= cage_xvfb=
trap '[ -n "$cage_pid" ] && kill "$cage_pid" 2>/dev/null; [ -n "$cage_xvfb" ] && kill "$cage_xvfb" 2>/dev/null; stop_x11; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done; exit 1; }

# The sanitizers' settings reach the probe under cage too (cage runs it with a clean
# environment). Mesa, whose OpenGL the texture path loads and SDL's Wayland backend loads for
# every window, leaks from a library unloaded by the exit, which no suppression can name: the
# leak check only for X11's surface.
sanitizer_env() {
    local asan=${ASAN_OPTIONS:-}
    [ "$1" = texture ] || [ "${2:-}" = cage ] && asan="${asan:+$asan:}detect_leaks=0"
    echo "ASAN_OPTIONS=$asan" "LSAN_OPTIONS=${LSAN_OPTIONS:-}" "UBSAN_OPTIONS=${UBSAN_OPTIONS:-}"
}

colours=(0000FF 00FF00 FFFF00 00FFFF FF00FF FFFFFF 000000 808080)
# pixel FILE X Y: the colour there as RRGGBB.
pixel() { convert "$1" -crop "1x1+$2+$3" -depth 8 txt:- | sed -n 's/.*#\([0-9A-Fa-f]\{6\}\).*/\1/p' | tr a-f A-F; }
# check_picture FILE WHAT: every square's middle in its colour, the red around them.
check_picture() {
    local file=$1 what=$2 i got
    for i in "${!colours[@]}"; do
        got=$(pixel "$file" $((80 + 120 * i)) 140)
        [ "$got" = "${colours[$i]}" ] || fail "$what: square $i is #$got, not #${colours[$i]} (a change that never reached the screen)"
    done
    for spot in "20 20" "140 140" "600 250"; do
        got=$(pixel "$file" $spot)
        [ "$got" = FF0000 ] || fail "$what: the background at $spot is #$got, not red"
    done
    echo "ok: $what"
}

# probe_x11 PATH: the probe on this Xvfb, the screen read with import.
probe_x11() {
    local path=$1
    rm -f "$work/out" "$work/done"
    env $(sanitizer_env "$path") SDL_VIDEODRIVER=x11 "$probe" "$path" "$work/out" "$work/done" >"$work/x11-$path.log" 2>&1 &
    local pid=$!
    for _ in $(seq 200); do [ -s "$work/out" ] && break; sleep 0.05; done
    [ -s "$work/out" ] || fail "present-probe $path did not show its picture on X11"
    import -window root "$work/x11-$path.png"
    touch "$work/done"
    wait "$pid" || fail "present-probe $path ended with an error"
    grep -q "shown 1280x800" "$work/out" || fail "present-probe $path: $(cat "$work/out")"
    check_picture "$work/x11-$path.png" "X11, $(cut -d' ' -f3- "$work/out")"
}

start_x11 1280x800
probe_x11 surface
probe_x11 texture
stop_x11

# Under cage as the unit runs it; cage refuses root, so as root the probe runs as nobody.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    as_user=(runuser -u nobody --)
    chmod 755 "$work"
fi
probe_cage() {
    local path=$1 run="$work/run-$1"
    mkdir -p "$run" && chmod 700 "$run"
    [ "$(id -u)" -eq 0 ] && chown nobody "$run"
    start_xvfb 1280x800 -ac  # -ac: nobody's cage may draw on it
    cage_xvfb=$xvfb_pid
    local display=$xvfb_display
    "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$run" XDG_RUNTIME_DIR="$run" DISPLAY="$display" \
        WLR_BACKENDS=x11 WLR_X11_OUTPUTS=1 WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland \
        $(sanitizer_env "$path" cage) cage -- sh -c '"$0" "$@"; echo $? >"$2.status"' \
        "$probe" "$path" "$run/out" "$run/done" >"$work/cage-$path.log" 2>&1 &
    cage_pid=$!
    for _ in $(seq 200); do [ -s "$run/out" ] && break; sleep 0.05; done
    [ -s "$run/out" ] || fail "present-probe $path did not show its picture under cage"
    "${as_user[@]}" env XDG_RUNTIME_DIR="$run" WAYLAND_DISPLAY=wayland-0 grim "$run/shot.png"
    "${as_user[@]}" touch "$run/done"
    wait "$cage_pid" || fail "cage with present-probe $path ended with an error"
    # cage ends with status 0 whatever its program did: the probe's own status.
    [ "$(cat "$run/out.status" 2>/dev/null)" = 0 ] || fail "present-probe $path under cage ended with status $(cat "$run/out.status" 2>/dev/null)"
    cage_pid=
    kill "$cage_xvfb" 2>/dev/null || true
    cage_xvfb=
    check_picture "$run/shot.png" "cage, $(cut -d' ' -f3- "$run/out")"
}
probe_cage shm
probe_cage texture
grep -q "shared memory" "$work/run-shm/out" || fail "under cage the shm path fell back: $(cat "$work/run-shm/out")"
echo "PASS: every path shows every change"
