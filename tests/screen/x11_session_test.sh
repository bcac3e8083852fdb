#!/usr/bin/env bash
# Walks a whole session in a real fullscreen X11 window (Xvfb + a window manager) with the
# keys a presenter remote sends, and checks what the screen shows. Phones' URL on loopback.
# Usage: x11_session_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test

start_x11 1920x1080
port=$(( 20000 + RANDOM % 20000 ))
url="http://127.0.0.1:$port"
loopback_config "$source_dir/config" "$work/config" "$url" || fail "could not set public_url"
sed -i 's|"rotate_seconds": 20|"rotate_seconds": 5|' "$work/config/kiosk.json"

"$kiosk" --config "$work/config" --data "$work/data" --port "$port" 2>"$work/log" & kiosk_pid=$!

press() { xdotool key "$1"; }

expect_scene idle
# Between sessions the coffee corner's question panel carries the week's answer link. The
# panels turn every 5 s here: a screenshot that caught a cross-fade is taken again.
for _ in 1 2 3; do
    expect_panel coffee-question 12
    import -window root "$work/idle.png"
    decoded=$(zbarimg -q --raw "$work/idle.png" 2>/dev/null | tr -d '\r\n' || true)
    [[ "$decoded" =~ ^$url/k/[0-9a-f]{32}$ ]] && break
    sleep 1
done
[ "$(identify -format '%wx%h' "$work/idle.png")" = "1920x1080" ] || fail "screenshot is not 1920x1080"
[[ "$decoded" =~ ^$url/k/[0-9a-f]{32}$ ]] || fail "QR on the coffee corner says '$decoded', expected $url/k/<the week's token>"

press Return;     expect_scene lobby
sleep 0.3
import -window root "$work/lobby.png"
decoded=$(zbarimg -q --raw "$work/lobby.png" 2>/dev/null | tr -d '\r\n' || true)
[[ "$decoded" =~ ^$url/j/[0-9a-f]{32}$ ]] || fail "QR in the lobby says '$decoded', expected $url/j/<token>"
press F5;         expect_scene checkin
# A stage with a dot vote takes a "next" for its vote and one for its result.
for stage in analyse probleemstelling probleemstelling-vote probleemstelling-results brainstorm brainstorm-vote \
             brainstorm-results ai-voorstel validatie; do
    press Page_Down; expect_scene "$stage"
done
press Page_Up;    expect_scene ai-voorstel
press Right;      expect_scene validatie

# Pause: the timer must stand still for two seconds.
press b
sleep 0.3
import -window root -crop 560x330+1340+50 "$work/paused-1.png"
sleep 2
import -window root -crop 560x330+1340+50 "$work/paused-2.png"
[ "$(compare -metric AE "$work/paused-1.png" "$work/paused-2.png" null: 2>&1)" = "0" ] || fail "the paused timer moved"
press b
sleep 2.2
import -window root -crop 560x330+1340+50 "$work/running.png"
[ "$(compare -metric AE "$work/paused-2.png" "$work/running.png" null: 2>&1)" != "0" ] || fail "the resumed timer stood still"

# Help overlay, and Escape (which remotes send) never quits.
press F1; sleep 0.3
import -window root "$work/help.png"
press Escape; sleep 0.3; press Escape; sleep 0.3
kill -0 "$kiosk_pid" || fail "Escape quit the kiosk"
import -window root "$work/after-help.png"
[ "$(compare -metric AE "$work/help.png" "$work/after-help.png" null: 2>&1)" != "0" ] || fail "the help overlay did not close"

# The validation takes a "next" for the decision and one for the owner.
press Page_Down;  expect_scene validatie-decide
press Page_Down;  expect_scene validatie-owner
press Page_Down;  expect_scene wrapup
# The outcome is written at the wrap-up, in every format, and the QR leads to its download page.
for _ in $(seq 20); do [ -n "$(ls "$work/data/exports/"*/*.html 2>/dev/null)" ] && break; sleep 0.1; done
for format in md json csv html; do
    ls "$work/data/exports/"*/*-sessie-1.$format >/dev/null 2>&1 || fail "no .$format export after the wrap-up"
done
grep -q "^## Analyse van de werksituatie" "$work/data/exports/"*/*-sessie-1.md || fail "the Markdown export lacks the stages"
sleep 0.3
import -window root "$work/wrapup.png"
decoded=$(zbarimg -q --raw "$work/wrapup.png" 2>/dev/null | tr -d '\r\n' || true)
[[ "$decoded" =~ ^$url/x/[0-9a-f]{32}$ ]] || fail "QR on the wrap-up says '$decoded', expected $url/x/<token>"
press Return;     expect_scene idle

xdotool key ctrl+alt+q
for _ in $(seq 50); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$kiosk_pid" 2>/dev/null && fail "Ctrl+Alt+Q did not quit"
wait "$kiosk_pid" || fail "the kiosk exited with an error"

# The record from the command line: the finished session is listed, exports, and can be forgotten.
record() { "$kiosk" --config "$work/config" --data "$work/data" "$@"; }
record --sessions | grep -Eq '^1  [0-9-]+ [0-9:]+  [0-9]+ min$' || fail "--sessions does not list the session"
record --export last --format json --out "$work/session.json" >/dev/null || fail "--export failed"
node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1])); if (s.stages.length !== 6) process.exit(1)' \
    "$work/session.json" || fail "the exported JSON does not hold the six steps"
record --export 1 --format csv | head -1 | grep -q '"Fase-id";"Fase";"Nr."' || fail "--export to stdout failed"
{ record --export 7 2>&1 || true; } | grep -q "there is no session 7" || fail "--export of an unknown session is not explained"
week=$(date +%G-W%V)
record --export "week:$week" --format md | grep -qF "# Leerruimte Vitaal — $week" || fail "--export week:$week failed"
record --export "week:$week" --format csv | grep -Eq '^"1";"[0-9-]+ [0-9:]+";"Een werksituatie verbeteren";"[0-9]+";"0";' || fail "the week's CSV lacks the session"
forgotten=$(record --forget 1) || fail "--forget failed: $forgotten"
grep -q "session 1 of .* is forgotten" <<<"$forgotten" || fail "--forget did not say so: $forgotten"
# It names each file it removed: the session's exports made at its close.
grep -q "^removed $work/data/exports/." <<<"$forgotten" || fail "--forget did not name the export files it removed: $forgotten"
[ -z "$(record --sessions)" ] || fail "the forgotten session is still listed"
[ -z "$(find "$work/data/exports" -type f)" ] || fail "--forget left the session's export files"
echo "x11 session walk: 1 passed, 0 failed"
