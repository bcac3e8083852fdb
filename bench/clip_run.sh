#!/usr/bin/env bash
# A clip in the real kiosk, measured: a 720p30 and a 1080p30 H.264 clip (made here: ffmpeg's
# testsrc2 and a tone) fullscreen in the analysis stage at 1080p (--scene analyse starts there),
# on X11 (Xvfb) and under cage (SDL's Wayland backend, as the unit runs it). From the kiosk's own
# line at each clip's end ("first picture after …, N of M frames shown …, frame work p50/p99")
# and from /proc: the kiosk's CPU while the clip plays (% of one core), the frames not shown, the
# stage start (or R) to the first picture, the screen loop's work per frame, the most RSS.
# Usage: bench/clip_run.sh BUILD_DIR SECONDS [HEIGHT...]   (the clip's length; heights 720 1080
# by default; bench/run.sh --smoke runs a 3 s 720p clip)
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=$2
shift 2
heights=("$@")
[ ${#heights[@]} -gt 0 ] || heights=(720 1080)
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
source tests/qr_clip.sh
work=$(mktemp -d)
cage_pid=
trap '[ -n "$cage_pid" ] && kill "$cage_pid" 2>/dev/null; [ -n "${kiosk_pid:-}" ] && kill "$kiosk_pid" 2>/dev/null; stop_x11; rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/bin" "$work/media"
cp "$build/vitale-kiosk" "$work/bin/"
for height in "${heights[@]}"; do
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=$((height * 16 / 9))x$height:rate=30:duration=$seconds" \
        -f lavfi -i "sine=frequency=440:duration=$seconds" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac \
        "$work/media/clip$height.mp4"
    printf 'WEBVTT\n\n00:00.000 --> 00:%02d.000\nEen testbeeld\n' "$seconds" >"$work/media/clip$height.vtt"
done

# config_for HEIGHT: a config whose analysis opens with that clip over the main column.
config_for() {
    local config=$work/config$1
    loopback_config config "$config" "http://127.0.0.1:8080"
    clip_in_analysis "$config" "$work/media" "clip$1.mp4"
    chmod -R a+rX "$config" "$work/prompts" "$work/media" 2>/dev/null || true
}

# cpu_ticks PID: user + system clock ticks so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure NAME PID LOG: waits for the clip's first line, samples CPU and RSS until its end line,
# and prints the figures.
measure() {
    local name=$1 pid=$2 log=$3 start_ticks=0 start_ns rss=0 now
    for _ in $(seq 200); do grep -q "playing clip" "$log" && break; sleep 0.05; done
    start_ticks=$(cpu_ticks "$pid"); start_ns=$(date +%s%N)
    for _ in $(seq $((seconds * 10 + 200))); do
        now=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${now:-0}" -gt "$rss" ] && rss=$now
        grep -q "frames shown" "$log" && break
        sleep 0.1
    done
    local ticks=$(( $(cpu_ticks "$pid") - start_ticks )) took_ns=$(( $(date +%s%N) - start_ns ))
    local line
    line=$(grep "frames shown" "$log" | tail -n 1) || { echo "$name: the clip never ended; the log:"; tail -n 20 "$log"; return 1; }
    python3 - "$name" "$line" "$ticks" "$(getconf CLK_TCK)" "$took_ns" "$rss" <<'PY'
import re, sys
name, line, ticks, hz, took_ns, rss = sys.argv[1:]
m = re.search(r"first picture after (-?\d+) ms, (\d+) of (\d+) frames shown in ([\d.]+) s, frame work p50 ([\d.]+) ms p99 ([\d.]+) ms", line)
first, shown, expected, played, p50, p99 = m.groups()
cpu = 100.0 * int(ticks) / int(hz) / (int(took_ns) / 1e9)
dropped = max(0, int(expected) - int(shown))  # the first picture (at 0:00) is one more than the seconds × rate
print(f"{name}: CPU {cpu:.0f} % of one core; {shown} of {expected} frames shown ({100.0 * dropped / max(1, int(expected)):.1f} % dropped); "
      f"first picture {first} ms after the stage began; frame work p50 {p50} ms, p99 {p99} ms; RSS at most {int(rss) // 1024} MB")
PY
}

cp -r prompts "$work/prompts"
start_x11 1920x1080
for height in "${heights[@]}"; do
    config_for $height
    rm -rf "$work/data$height"
    VITALE_KIOSK_AUDIO=null "$work/bin/vitale-kiosk" --config "$work/config$height" --data "$work/data$height" --port 0 --scene analyse \
        >/dev/null 2>"$work/x11-$height.log" &
    kiosk_pid=$!
    measure "${height}p30 fullscreen at 1080p, X11" "$kiosk_pid" "$work/x11-$height.log" || status=1
    # R plays it again: four more starts to the first picture.
    firsts=()
    for _ in 1 2 3 4; do
        xdotool key r
        sleep 1.5
    done
    kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true; kiosk_pid=
    mapfile -t firsts < <(sed -n 's/.*clip[0-9]*.mp4: first picture after \([0-9]*\) ms.*/\1/p' "$work/x11-$height.log")
    echo "  stage start or R → first picture, ${#firsts[@]} starts: ${firsts[*]} ms"
done
stop_x11

# Under cage, as nobody when root (cage refuses root), as the package check runs it.
command -v cage >/dev/null || { echo "cage is not installed: no figures under cage"; exit "${status:-0}"; }
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(runuser -u nobody --)
for height in "${heights[@]}"; do
    run="$work/cage-$height"
    mkdir -p "$run" && chmod 700 "$run"
    [ "$(id -u)" -eq 0 ] && chown nobody "$run"
    start_xvfb 1920x1080 -ac
    "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$run" XDG_RUNTIME_DIR="$run" TMPDIR="$run" DISPLAY="$xvfb_display" \
        WLR_BACKENDS=x11 WLR_X11_OUTPUTS=1 WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
        SDL_VIDEODRIVER=wayland SDL_AUDIODRIVER=dummy VITALE_KIOSK_AUDIO=null \
        cage -- "$work/bin/vitale-kiosk" --config "$work/config$height" --data "$run/data" --port 0 --scene analyse \
        >/dev/null 2>"$run/log" &
    cage_pid=$!
    window=$(cage_window "$xvfb_display")
    [ -n "$window" ] && DISPLAY=$xvfb_display xdotool windowsize "$window" 1920 1080
    pid=
    for _ in $(seq 100); do
        for candidate in $(pgrep -x vitale-kiosk || true); do
            # the kiosk itself: its start-up media check (a child, --check-config) names the config too
            grep -qa "config$height" "/proc/$candidate/cmdline" 2>/dev/null && grep -qa -- "--scene" "/proc/$candidate/cmdline" && pid=$candidate
        done
        [ -n "$pid" ] && break
        sleep 0.1
    done
    [ -n "$pid" ] || { echo "no kiosk under cage; its log:"; cat "$run/log"; exit 1; }
    measure "${height}p30 fullscreen at 1080p, under cage" "$pid" "$run/log" || status=1
    kill "$cage_pid" 2>/dev/null; wait "$cage_pid" 2>/dev/null || true; cage_pid=
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill "$xvfb_pid" 2>/dev/null || true
done
exit "${status:-0}"
