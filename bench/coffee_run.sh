#!/usr/bin/env bash
# The coffee corner on the live kiosk: fullscreen under Xvfb 1920x1080 with its default renderer
# path and --trace-frames, its QR on loopback; nothing is sent beyond 127.0.0.1.
#  1. Panels turning every 20 s (COFFEE_ROTATE_SECONDS), always open (coffee.hours {}): the kiosk's CPU over
#     COFFEE_BENCH_SECONDS (default 600) from utime+stime in /proc/PID/stat (all its threads),
#     the panel turns, and the frames presented during the fades and between them (between
#     turns only the minute clock may draw, and with 20 s turns every minute is a turn).
#  2. The night: coffee.hours open one minute on the day three days from today (so it is closed
#     now) and no slot opens the lobby (open_at_slot false, as loopback_config sets it): frames
#     and CPU over COFFEE_NIGHT_SECONDS (default 120) once the night has begun.
# The kiosk's stdout and stderr go to one file in the order written: a panel turn's log line
# ("coffee corner shows …") comes right before the frame that shows it.
#  3. A moderator's "verbergen": from the request to the first presented frame without the answer
#     (bench/moderation_bench.mjs, COFFEE_MODERATION_ROUNDS hides, default 30).
# The night switches a projector off through PJLink (pjlink-standin on 127.0.0.1, from the tests'
# build): the night's CPU is measured with that worker thread in the kiosk.
# Every wait has a deadline; exits non-zero when the kiosk ended, or no panel turned while measured.
# Usage: bench/coffee_run.sh BUILD_DIR        (COFFEE_BENCH_SECONDS=120 for a quick run;
#        COFFEE_ROTATE_SECONDS, default 20, at least 5: the panels' turn)
set -euo pipefail
build=$(cd "$1" && pwd)
idle_seconds=${COFFEE_BENCH_SECONDS:-600}
night_seconds=${COFFEE_NIGHT_SECONDS:-120}
rotate=${COFFEE_ROTATE_SECONDS:-20}
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
begin_x11_test
fail() { echo "FAIL (bench/coffee_run.sh): $*"; echo "--- kiosk output:"; tail -n 30 "${out:-/dev/null}"; exit 1; }
start_x11 1920x1080
export SDL_AUDIODRIVER=dummy
hz=$(getconf CLK_TCK)

# cpu_ticks PID: utime + stime of the whole process (every thread, ended ones too) in clock
# ticks; fields counted after the command name, which is in parentheses.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# percent TICKS MS: TICKS of CPU time in MS of wall time, as a share of one core.
percent() { awk -v t="$1" -v ms="$2" -v hz="$hz" 'BEGIN { printf "%.3f", 100 * t / hz / (ms / 1000) }'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "met" : "NOT met") }'; }

# run_kiosk NAME: the kiosk on $work/NAME/config with a data folder of its own; output in $out.
run_kiosk() {
    out="$work/$1.out"
    # The night is measured black: its one-minute notice (a kiosk started at night) is skipped.
    VITALE_KIOSK_NIGHT_NOTICE_MS=0 "$build/vitale-kiosk" --config "$work/$1/config" --data "$work/$1/data" --port 0 --trace-frames >"$out" 2>&1 &
    kiosk_pid=$!
}
stop_kiosk() {
    kill "$kiosk_pid" 2>/dev/null || true
    wait "$kiosk_pid" 2>/dev/null || true
    kiosk_pid=
}
# wait_for_lines PATTERN COUNT SECONDS: until the kiosk's output has COUNT lines with PATTERN.
wait_for_lines() {
    for _ in $(seq $(( $3 * 10 ))); do
        [ "$(grep -c "$1" "$out" || true)" -ge "$2" ] && return 0
        kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended"
        sleep 0.1
    done
    fail "not $2 lines '$1' within $3 s"
}
# measure SECONDS: the kiosk's and Xvfb's CPU over SECONDS (cpu_pct, x_pct) and the kiosk's
# output lines written meanwhile ($out.window; whole lines only).
measure() {
    local first last t0 t1 c0 c1 x0 x1
    first=$(wc -l <"$out"); t0=$(now_ms); c0=$(cpu_ticks "$kiosk_pid"); x0=$(cpu_ticks "${x11_pids[0]}")
    sleep "$1"
    kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended while measured"
    c1=$(cpu_ticks "$kiosk_pid"); x1=$(cpu_ticks "${x11_pids[0]}"); t1=$(now_ms); last=$(wc -l <"$out")
    cpu_pct=$(percent $(( c1 - c0 )) $(( t1 - t0 )))
    x_pct=$(percent $(( x1 - x0 )) $(( t1 - t0 )))
    head -n "$last" "$out" | tail -n +"$(( first + 1 ))" >"$out.window"
}

# --- 1. Panels turning every 20 s ------------------------------------------------------------
mkdir -p "$work/idle"
loopback_config config "$work/idle/config" "http://127.0.0.1:{port}"
sed -i "s|\"rotate_seconds\": [0-9]*|\"rotate_seconds\": $rotate|" "$work/idle/config/kiosk.json"
grep -q "\"rotate_seconds\": $rotate" "$work/idle/config/kiosk.json" && grep -q '"hours": {}' "$work/idle/config/kiosk.json" ||
    fail "could not set coffee.rotate_seconds and coffee.hours in the config"
run_kiosk idle
# Past start-up: the first panel turn, and its 600 ms fade over, so that the window holds whole turns.
wait_for_lines "coffee corner shows" 2 $(( rotate + 20 ))
sleep 2
measure "$idle_seconds"
# A turn is its log line, the full frame right after it and the fade's frames (the fade lasts
# 600 ms: frames up to 1 s after the turn's first count as its fade). Any other frame is between turns.
read -r turns fades between at < <(awk '
    /coffee corner shows/ { turns++; turned = 1; next }
    /^frame / {
        t = $3 + 0
        if (turned) { turn_at = t; turned = 0; fade++; next }
        if (turn_at != "" && t - turn_at <= 1000) { fade++; next }
        between++
        if (between <= 5) at = at " " t
    }
    END { printf "%d %d %d%s\n", turns, fade, between, at }' "$out.window")
[ "$turns" -gt 0 ] || fail "no panel turned in ${idle_seconds} s (coffee.rotate_seconds $rotate)"
# The minute clock redraws once a minute; only minutes that are no panel turn add a frame.
minute_frames=0
(( 60 % rotate == 0 )) || minute_frames=$(( idle_seconds / 60 + 1 ))
per_turn=$(awk -v f="$fades" -v t="$turns" 'BEGIN { printf "%.1f", (t > 0 ? f / t : 0) }')
echo "coffee_idle_cpu_pct=$cpu_pct over ${idle_seconds}s (panel turns: $turns, expected $(( idle_seconds / rotate )))" \
     "(goal <= 0.5 %: $(verdict "$cpu_pct" 0.5); Xvfb itself $x_pct %)"
echo "coffee_idle_frames during_fades=$fades ($per_turn a turn) between_turns=$between${at:+ (at monotonic ms$at)}" \
     "(goal: none besides the minute clock's, $minute_frames here: $(verdict "$between" "$minute_frames"))"
stop_kiosk

# --- 2. The night ----------------------------------------------------------------------------
mkdir -p "$work/night"
loopback_config config "$work/night/config" "http://127.0.0.1:{port}"
days=(mon tue wed thu fri sat sun)
open_day=${days[$(( ($(date +%u) - 1 + 3) % 7 ))]}  # never today or tomorrow (local time, as the kiosk's)
sed -i "s|\"hours\": {}|\"hours\": {\"$open_day\": \"00:00-00:01\"}|" "$work/night/config/kiosk.json"
grep -q "\"hours\": {\"$open_day\": \"00:00-00:01\"}" "$work/night/config/kiosk.json" &&
    grep -q '"open_at_slot": false' "$work/night/config/kiosk.json" || fail "could not set coffee.hours and open_at_slot in the config"
"$build/tests/pjlink-standin" >"$work/projector" 2>&1 & standin_pid=$!
trap 'kill "$standin_pid" 2>/dev/null || true; end_x11_test' EXIT
for _ in $(seq 50); do grep -q '^port ' "$work/projector" && break; sleep 0.1; done
projector_port=$(sed -n 's/^port //p' "$work/projector")
[ -n "$projector_port" ] || fail "the PJLink stand-in did not start ($build/tests/pjlink-standin)"
sed -i "s|\"display\": {|\"display\": { \"power\": { \"method\": \"pjlink\", \"host\": \"127.0.0.1\", \"port\": $projector_port },|" \
    "$work/night/config/kiosk.json"
run_kiosk night
wait_for_lines "coffee corner shows coffee-night" 1 20
how=$(sed -n 's/^vitale-kiosk: coffee corner shows coffee-night (\(.*\))$/\1/p' "$out" | head -n 1)
sleep 2
measure "$night_seconds"
frames=$(grep -c '^frame ' "$out.window" || true)
night_ok=$( [ "$frames" -eq 0 ] && [ "$(verdict "$cpu_pct" 0.05)" = met ] && echo met || echo "NOT met")
grep -qx "POWR 0" "$work/projector" || fail "the night did not switch the projector off: $(tr '\n' ' ' <"$work/projector")"
echo "coffee_night frames=$frames cpu_pct=$cpu_pct over ${night_seconds}s (goal 0 frames and <= 0.05 %: $night_ok;" \
     "one clock tick of CPU is $(percent 1 $(( night_seconds * 1000 ))) %; Xvfb itself $x_pct %; the night: ${how:-?})"
stop_kiosk

# --- 3. A moderator's "verbergen" --------------------------------------------------------------
mkdir -p "$work/moderate"
loopback_config config "$work/moderate/config" "http://127.0.0.1:{port}"
# The moderator's phone sends two requests a round: more than a phone's 60 a minute.
sed -i 's|"requests_per_minute": [0-9]*|"requests_per_minute": 600|' "$work/moderate/config/kiosk.json"
run_kiosk moderate
wait_for_lines "coffee corner shows" 1 20
port=$(sed -n 's/^listening on port //p' "$out" | head -n 1)
[ -n "$port" ] || fail "the kiosk did not say its port"
sleep 1
xdotool key h  # the moderator code's QR: <phone url>/k/<token>?host=<code>
link=
for _ in $(seq 30); do
    import -window root "$work/host.png"
    link=$(zbarimg -q --raw "$work/host.png" 2>/dev/null | grep -E '/k/[0-9a-f]{32}\?host=' | head -n 1 || true)
    [ -n "$link" ] && break
    sleep 0.3
done
[[ "$link" =~ /k/([0-9a-f]{32})\?host=([0-9a-f]+) ]] || fail "no moderator QR on the screen after H (read '$link')"
node bench/moderation_bench.mjs "$port" "$out" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${COFFEE_MODERATION_ROUNDS:-30}" ||
    fail "the moderation bench had problems"
stop_kiosk
