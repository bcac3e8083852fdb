#!/usr/bin/env bash
# A second screen for the coffee corner: on an X server with two monitors the kiosk opens a
# second window on display 1 (--coffee-display 1) that shows the coffee corner with the week's
# answer link, also while the room screen walks a session with its own join link. Keys go to
# the room screen. No window manager: each window keeps the bounds of its own monitor.
# Usage: coffee_two_screens_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
begin_x11_test

start_two_screens || fail "could not start an X server with two monitors (see $work/xorg.log)"
port=$(( 20000 + RANDOM % 20000 ))
url="http://127.0.0.1:$port"
loopback_config "$source_dir/config" "$work/config" "$url" || fail "could not set public_url"
sed -i 's|"rotate_seconds": 20|"rotate_seconds": 5|' "$work/config/kiosk.json"
"$kiosk" --config "$work/config" --data "$work/data" --port "$port" --coffee-display 1 2>"$work/log" & kiosk_pid=$!
xdotool mousemove 200 200  # keys go where the pointer is: the room screen

expect_scene idle
grep -q "the coffee corner also shows on display 1 (1280x720)" "$work/log" || fail "no second window on display 1"

# Reads the QR of one monitor: "room" (the left 1920x1080) or "coffee" (the right 1280x720).
qr_of() {
    import -window root "$work/both.png"
    local area=1920x1080+0+0
    [ "$1" = coffee ] && area=1280x720+1920+0
    convert "$work/both.png" -crop "$area" +repage "$work/$1.png"
    zbarimg -q --raw "$work/$1.png" 2>/dev/null | tr -d '\r\n' || true
}
# Waits up to 12 s for the coffee screen to show the week's link (its question panel comes round).
coffee_link() {
    local link=""
    for _ in $(seq 24); do
        link=$(qr_of coffee)
        [[ "$link" =~ ^$url/k/[0-9a-f]{32}$ ]] && { echo "$link"; return 0; }
        sleep 0.5
    done
    fail "the second screen shows no coffee-corner link (last read: '$link')"
}

link=$(coffee_link)
xdotool key Return; expect_scene lobby
sleep 0.5
room=$(qr_of room)
[[ "$room" =~ ^$url/j/[0-9a-f]{32}$ ]] || fail "the room screen shows '$room', expected the session's join link"
[ "$(coffee_link)" = "$link" ] || fail "the coffee screen changed its link when the session opened"
xdotool key F5; expect_scene checkin
xdotool key Next; expect_scene analyse
[ "$(coffee_link)" = "$link" ] || fail "the coffee screen does not show the week's link during the session"
# The coffee screen carries no key hints: its keys are the room's.
convert "$work/coffee.png" -crop 1280x60+0+660 +repage -resize 300% -negate "$work/coffee-foot.png"
if tesseract "$work/coffee-foot.png" - -l nld --psm 6 2>/dev/null | grep -qi "enter"; then
    fail "the coffee screen shows the room's key hints"
fi
echo "coffee two screens: 1 passed, 0 failed"
