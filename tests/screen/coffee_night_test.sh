#!/usr/bin/env bash
# The coffee corner's night on a real X11 screen: outside coffee.hours a kiosk started at night
# first shows one dim line that says why and until when, then draws one black frame and then
# nothing (no frames while it sleeps), and the display — a projector on the network, here
# pjlink-standin speaking PJLink on 127.0.0.1 — is switched off; a key wakes it (the coffee
# corner again, the projector on) without doing what the key would do by day (Enter does not
# open a session).
# Usage: coffee_night_test.sh PATH/TO/vitale-kiosk PATH/TO/pjlink-standin SOURCE_DIR
set -euo pipefail
kiosk=$1
standin=$2
source_dir=$3
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test
"$standin" >"$work/projector" 2>&1 & standin_pid=$!
trap 'kill "$standin_pid" 2>/dev/null || true; end_x11_test' EXIT
for _ in $(seq 50); do grep -q '^port ' "$work/projector" && break; sleep 0.1; done
projector_port=$(sed -n 's/^port //p' "$work/projector")
[ -n "$projector_port" ] || fail "the PJLink stand-in did not start"

start_x11 1920x1080
port=$(( 20000 + RANDOM % 20000 ))
loopback_config "$source_dir/config" "$work/config" "http://127.0.0.1:$port" || fail "could not set public_url"
# Open one minute a week, on a day three days from now: now is night.
day=$(date -d '+3 days' +%a | tr 'A-Z' 'a-z' | cut -c1-3)
sed -i "s|\"hours\": {}|\"hours\": {\"$day\": \"03:00-03:01\"}|" "$work/config/kiosk.json"
grep -q "\"$day\": \"03:00-03:01\"" "$work/config/kiosk.json" || fail "could not set coffee.hours"
sed -i "s|\"display\": {|\"display\": { \"power\": { \"method\": \"pjlink\", \"host\": \"127.0.0.1\", \"port\": $projector_port },|" "$work/config/kiosk.json"
grep -q "\"method\": \"pjlink\"" "$work/config/kiosk.json" || fail "could not set display.power"
# The night's notice stays 4 s here instead of a minute.
VITALE_KIOSK_NIGHT_NOTICE_MS=4000 LC_ALL=C "$kiosk" --config "$work/config" --data "$work/data" --port "$port" --trace-frames \
    >"$work/frames" 2>"$work/log" & kiosk_pid=$!

# Started at night: first one dim line that says why the screen is dark, and until when.
for _ in $(seq 50); do grep -q "coffee corner shows the night notice" "$work/log" && break; sleep 0.1; done
grep -q "coffee corner shows the night notice" "$work/log" || fail "a kiosk started at night did not show the night notice"
# (until the next opening or the room's next slot, whichever comes first)
grep "coffee corner shows the night notice" "$work/log" | grep -Eq "Nacht — het scherm slaapt tot (ma|di|wo|do|vr|za|zo) [0-9]{2}:[0-9]{2};" ||
    fail "the notice does not say until when: $(grep 'night notice' "$work/log")"
sleep 0.3
import -window root "$work/notice.png"
mean=$(convert "$work/notice.png" -format '%[fx:mean]' info:)
awk -v m="$mean" 'BEGIN { exit !(m > 0.0001 && m < 0.02) }' || fail "the notice is not one dim line on black (mean $mean)"
convert "$work/notice.png" -crop 1920x140+0+940 +repage -colorspace Gray -negate -resize 200% "$work/notice-line.png"
tesseract "$work/notice-line.png" - -l nld --psm 6 2>/dev/null | grep -qi "slaapt" ||
    fail "the notice line cannot be read: $(tesseract "$work/notice-line.png" - -l nld --psm 6 2>/dev/null | tr '\n' ' ')"

for _ in $(seq 80); do grep -q "coffee corner shows coffee-night" "$work/log" && break; sleep 0.1; done
grep -q "coffee corner shows coffee-night" "$work/log" || fail "the kiosk did not go dark outside coffee.hours"
sleep 0.5
import -window root "$work/night.png"
mean=$(convert "$work/night.png" -format '%[fx:mean]' info:)
awk -v m="$mean" 'BEGIN { exit !(m < 0.001) }' || fail "the night screen is not black (mean $mean)"
before=$(grep -c '^frame ' "$work/frames" || true)
sleep 3
after=$(grep -c '^frame ' "$work/frames" || true)
[ "$before" = "$after" ] || fail "the kiosk drew $((after - before)) frames in 3 s of night"
grep -q "coffee corner shows coffee-night (display off through PJLink 127.0.0.1:$projector_port)" "$work/log" ||
    fail "the night does not say it switched the projector off: $(grep 'coffee-night' "$work/log")"
# During the notice the projector stays on (people must read it); then it is switched off.
for _ in $(seq 50); do grep -qx "POWR 0" "$work/projector" && break; sleep 0.1; done
grep -qx "POWR 0" "$work/projector" || fail "the projector was not switched off: $(tr '\n' ' ' <"$work/projector")"
grep -q "display: PJLink 127.0.0.1:$projector_port switched off" "$work/log" || fail "the log does not say the projector is off"

xdotool key Return
for _ in $(seq 50); do [ "$(grep -c 'coffee corner shows coffee-' "$work/log")" -ge 2 ] && break; sleep 0.1; done
[ "$(grep 'coffee corner shows' "$work/log" | tail -n 1 | grep -c 'coffee-night')" = 0 ] || fail "a key did not wake the screen"
sleep 1
import -window root "$work/woken.png"
mean=$(convert "$work/woken.png" -format '%[fx:mean]' info:)
awk -v m="$mean" 'BEGIN { exit !(m > 0.02) }' || fail "the woken screen is still dark (mean $mean)"
grep -q "showing lobby" "$work/log" && fail "the key that woke the screen also opened a session"
# Started at night nothing switched it on; the key does.
for _ in $(seq 50); do grep -qx 'POWR 1' "$work/projector" && break; sleep 0.1; done
grep -qx 'POWR 1' "$work/projector" || fail "a key did not switch the projector on: $(tr '\n' ' ' <"$work/projector")"

# The morning: the coffee corner opens in 1–2 minutes; the projector (its lamp needs
# warmup_seconds) is switched on that long before, while the screen is still black.
kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true
cp "$work/projector" "$work/projector.before"
opening=$(( ($(date +%s) / 60 + 2) * 60 ))
if [ "$(date -d "@$opening" +%H%M)" -ge 2358 ]; then  # "HH:MM-23:59" needs a minute after the opening
    echo "coffee night: 1 passed, 0 failed (the warm-up is not tried this close to midnight)"
    exit 0
fi
warmup=$(( opening - $(date +%s) - 12 ))
day=$(date -d "@$opening" +%a | tr 'A-Z' 'a-z' | cut -c1-3)
sed -i -E "s|\"hours\": \{[^}]*\}|\"hours\": {\"$day\": \"$(date -d "@$opening" +%H:%M)-23:59\"}|; s|\"port\": $projector_port \}|\"port\": $projector_port, \"warmup_seconds\": $warmup }|" \
    "$work/config/kiosk.json"
grep -q "\"warmup_seconds\": $warmup" "$work/config/kiosk.json" || fail "could not set display.power.warmup_seconds"
: >"$work/log"
VITALE_KIOSK_NIGHT_NOTICE_MS=2000 LC_ALL=C "$kiosk" --config "$work/config" --data "$work/data" --port "$port" --trace-frames \
    >"$work/frames" 2>"$work/log" & kiosk_pid=$!
for _ in $(seq 80); do grep -q "coffee corner shows coffee-night" "$work/log" && break; sleep 0.1; done
grep -q "coffee corner shows coffee-night" "$work/log" || fail "the second night did not go dark"
for _ in $(seq 200); do grep -q "the display warms up for the coming opening" "$work/log" && break; sleep 0.1; done
grep -q "the display warms up for the coming opening" "$work/log" || fail "the projector was not warmed up ${warmup} s before the opening"
(( $(date +%s) < opening - 5 )) || fail "the warm-up came too late (opening at $opening, now $(date +%s))"
for _ in $(seq 50); do [ "$(grep -cx 'POWR 1' "$work/projector")" -gt "$(grep -cx 'POWR 1' "$work/projector.before")" ] && break; sleep 0.1; done
[ "$(grep -cx 'POWR 1' "$work/projector")" -gt "$(grep -cx 'POWR 1' "$work/projector.before")" ] ||
    fail "the warm-up did not switch the projector on: $(tr '\n' ' ' <"$work/projector")"
grep -q "coffee corner shows coffee-" "$work/log" && [ "$(grep 'coffee corner shows' "$work/log" | tail -n 1 | grep -c 'coffee-night')" = 1 ] ||
    fail "the screen did not stay dark while the projector warmed up"
echo "coffee night: 2 passed, 0 failed"
