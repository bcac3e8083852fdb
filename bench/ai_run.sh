#!/usr/bin/env bash
# The AI stage end to end: the fake provider (tests/fake_llm) streams a long answer, one piece
# every DRIP ms, to the real kiosk under Xvfb; the kiosk traces when each piece came off the
# network ("ai-chunk VERSION MS") and when each frame was presented ("frame VERSION MS"), both
# on CLOCK_MONOTONIC. Prints piece -> first frame showing it, p50/p99. Every wait has a
# deadline; exits non-zero when the answer did not come through whole or a piece never showed.
# Usage: bench/ai_run.sh BUILD_DIR [DRIP_MS] [PIECES]
set -euo pipefail
build=$(cd "$1" && pwd)
drip=${2:-40}
pieces=${3:-300}
cd "$(dirname "$0")/.."
source tests/x11_helpers.sh
begin_x11_test
"$build/fake-llm" 0 "$drip" "$pieces" >"$work/llm.out" &
llm_pid=$!
trap 'kill $llm_pid 2>/dev/null || true; end_x11_test' EXIT
for _ in $(seq 50); do grep -q "listening on port" "$work/llm.out" && break; sleep 0.1; done
llm_port=$(sed -n 's/^listening on port //p' "$work/llm.out")
[ -n "$llm_port" ] || fail "the fake provider did not start"
mkdir -p "$work/src"
cp -r config "$work/src/config"
cp -r prompts "$work/src/prompts"
# An OpenAI-compatible service on loopback; "long" is the fake's long answer; the window is 1 s.
sed -i "s|\"ai\": {[^}]*}|\"ai\": { \"provider\": \"openai\", \"base_url\": \"http://127.0.0.1:$llm_port/v1\", \"model\": \"long\", \"constraints_seconds\": 1, \"max_words\": 2000 }|" \
    "$work/src/config/kiosk.json"
grep -q "127.0.0.1:$llm_port" "$work/src/config/kiosk.json" || fail "could not point the config at the fake provider"
start_x11 1920x1080
export SDL_AUDIODRIVER=dummy
start_kiosk "$build/vitale-kiosk" "$work/src/config" "$work" --trace-frames --scene ai-voorstel || fail "the kiosk did not start"
expect_scene ai-voorstel
# The proposal starts within 60 s (the constraints window is 1 s); then the answer takes pieces x
# drip ms: wait until the pieces stop coming (nothing new for 2 s), at most that plus 60 s.
for _ in $(seq 600); do grep -q "showing ai-voorstel-proposal" "$work/log" && break; sleep 0.1; done
grep -q "showing ai-voorstel-proposal" "$work/log" || fail "the AI proposal did not start within 60 s"
deadline=$(( SECONDS + pieces * drip / 1000 + 60 ))
count=-1 still=0
while [ "$SECONDS" -lt "$deadline" ] && [ "$still" -lt 4 ]; do
    sleep 0.5
    now=$(grep -c '^ai-chunk ' "$work/stdout" || true)
    if [ "$now" -eq "$count" ]; then still=$(( still + 1 )); else still=0 count=$now; fi
done
[ "$still" -ge 4 ] || fail "the answer was still streaming after $(( pieces * drip / 1000 + 60 )) s"
kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended during the answer"
node bench/ai_latency.mjs "$work/stdout" "$pieces"
