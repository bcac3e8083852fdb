#!/usr/bin/env bash
# The real kiosk with an OpenAI-compatible service configured (tests/fake_llm on 127.0.0.1):
# the answer streams onto the screen under the AI label with the model's name; then, with a
# service that answers 529 every time, the screen shows the calm line, the phones are offered
# the manual route, and the session goes on (the next stage comes on PageDown).
# Usage: ai_live_test.sh PATH/TO/vitale-kiosk PATH/TO/fake-llm SOURCE_DIR
set -euo pipefail
kiosk=$1
fake=$2
source_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_x11_test
"$fake" 0 100 >"$work/llm.out" &
llm_pid=$!
trap 'kill $llm_pid 2>/dev/null || true; end_x11_test' EXIT
for _ in $(seq 50); do grep -q "listening on port" "$work/llm.out" && break; sleep 0.1; done
llm_port=$(sed -n 's/^listening on port //p' "$work/llm.out")
[ -n "$llm_port" ] || fail "the fake provider did not start"
start_x11 1920x1080
export SDL_AUDIODRIVER=dummy MY_TEST_KEY=sk-live-test-secret

# config_for MODEL: a copy of the config asking MODEL at the fake service, window 1 s.
config_for() {
    rm -rf "$work/src" && mkdir -p "$work/src"
    cp -r "$source_dir/config" "$work/src/config"
    cp -r "$source_dir/prompts" "$work/src/prompts"
    sed -i "s|\"ai\": {[^}]*}|\"ai\": { \"provider\": \"openai\", \"base_url\": \"http://127.0.0.1:$llm_port/v1\", \"model\": \"$1\", \"api_key_env\": \"MY_TEST_KEY\", \"constraints_seconds\": 1, \"retries\": 1 }|" \
        "$work/src/config/kiosk.json"
    grep -q "\"model\": \"$1\"" "$work/src/config/kiosk.json" || fail "could not configure the fake provider"
}

[ -n "${SKIP_FIRST:-}" ] && goto_second=1
# 1. A service that answers: the proposal streams in (the fake drips a piece every 100 ms).
config_for drip
start_kiosk "$kiosk" "$work/src/config" "$work" --scene ai-voorstel || fail "the kiosk did not start"
expect_scene ai-voorstel
grep -q "AI proposal: openai at http://127.0.0.1:$llm_port/v1" "$work/log" || fail "the kiosk did not take the AI service"
for _ in $(seq 100); do grep -q "showing ai-voorstel-proposal" "$work/log" && break; sleep 0.1; done
expect_scene ai-voorstel-proposal
sleep 4  # the whole answer (a dozen pieces)
import -window root "$work/streamed.png"
text=$(ocr_main_column "$work/streamed.png")
grep -Eq "A[Il]-voorstel — controleer het" <<<"$text" || fail "no AI label: $text"
grep -q "model: drip" <<<"$text" || fail "the model's name is not on the screen: $text"
grep -q "vijf vaste vragen" <<<"$text" || fail "the streamed answer is not on the screen: $text"
grep -q "sk-live-test-secret" "$work/log" && fail "the API key appears in the log"
kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true; kiosk_pid=

# 2. A service that is overloaded: one calm line, and the session goes on.
config_for http-529
rm -rf "$work/data" "$work/config"  # start_kiosk copies the config afresh
start_kiosk "$kiosk" "$work/src/config" "$work" --scene ai-voorstel || fail "the kiosk did not start"
for _ in $(seq 100); do grep -q "showing ai-voorstel-failed" "$work/log" && break; sleep 0.1; done
expect_scene ai-voorstel-failed
grep -q "the AI answer ended early (http_529: overloaded_error: Overloaded" "$work/log" ||
    grep -q "the AI answer ended early (http_529" "$work/log" || fail "the log does not say why the AI failed"
sleep 0.3
import -window root "$work/failed.png"
text=$(ocr_main_column "$work/failed.png")
grep -q "De A[Il] reageert niet" <<<"$text" || grep -Eq "De A. reageert niet" <<<"$text" || fail "no calm failure line: $text"
xdotool key Next
expect_scene validatie
echo "ai live: ok"
