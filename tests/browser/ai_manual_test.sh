#!/usr/bin/env bash
# The AI stage's manual route in a real browser: no AI service is configured (the default), so
# one phone copies the prompt into "its own assistant" and another pastes the answer back; the
# screen shows it as the AI proposal, marks from the phones appear beside its paragraphs, and
# key P shows the prompt on the screen.
# Usage: ai_manual_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
ensure_playwright "$here"

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" --scene ai-voorstel || fail "the kiosk did not start"
expect_scene ai-voorstel
grep -q "AI proposal: manual route" "$work/log" || fail "without an AI service the kiosk should offer the manual route"
sleep 0.3
url=$(join_url_on_screen) || fail "no join link in the QR on the screen"

node "$here/ai_manual.mjs" "$url" "$out" "$work/log" || fail "the manual route did not work from the phones"

# The screen: the pasted answer under the AI label, the marks beside it.
expect_scene ai-voorstel-proposal
sleep 0.5
import -window root "$out/kiosk-ai-proposal.png"
text=$(ocr_main_column "$out/kiosk-ai-proposal.png")
grep -Eq "A[Il]-voorstel — controleer het" <<<"$text" || fail "no AI label on the screen: $text"
grep -q "Koffieproef" <<<"$text" || fail "the pasted answer is not on the screen: $text"
grep -q "geplakt" <<<"$text" || fail "the screen does not say the answer was pasted: $text"
grep -Eq "\+2" <<<"$text" || fail "two agree-marks are not shown beside the paragraph: $text"
xdotool key p
expect_scene ai-voorstel-prompt
sleep 0.3
import -window root "$out/kiosk-ai-prompt.png"
text=$(convert "$out/kiosk-ai-prompt.png" -colorspace Gray -negate "$work/ocr.png" && tesseract "$work/ocr.png" - -l nld 2>/dev/null)  # the whole screen: the prompt spans it
grep -q "De prompt zoals verstuurd" <<<"$text" || fail "key P does not show the prompt: $text"
grep -q "Geen extra budget" <<<"$text" || fail "the phones' constraint is not in the prompt on screen: $text"
echo "ai manual route: ok"
