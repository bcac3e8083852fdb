#!/usr/bin/env bash
# A clip plays in the real kiosk (fullscreen X11 under Xvfb): the clip, made here, shows a QR
# code per second ("clip-7" during its 8th second), with sound and captions. Screenshots decode
# advancing codes; Space freezes them and plays on; a kill -9 and a restart resume within a
# second of where the screen was (the kiosk's log says where it went on, and the journal heard
# it); the stage's caption is drawn; the exports list the clip.
# Usage: clip_test.sh PATH/TO/vitale-kiosk SOURCE_DIR
set -euo pipefail
kiosk=$1
source_dir=$2
source "$(dirname "$0")/../x11_helpers.sh"
source "$(dirname "$0")/../qr_clip.sh"
begin_x11_test
export VITALE_KIOSK_AUDIO=null  # no sound card in a test

make_qr_clip "$work/media" 40

start_x11 1920x1080
port=$(( 20000 + RANDOM % 20000 ))
url="http://127.0.0.1:$port"
loopback_config "$source_dir/config" "$work/config" "$url" || fail "could not set public_url"
clip_in_analysis "$work/config" "$work/media"

run_kiosk() { "$kiosk" --config "$work/config" --data "$work/data" --port "$port" 2>>"$work/log" & kiosk_pid=$!; }
# second_on_screen NAME: the second the clip's QR code shows now (a screenshot NAME.png), or "".
second_on_screen() {
    import -window root "$work/$1.png"
    clip_second "$work/$1.png"
}
# wait_for_second NAME: up to 10 s for a decodable code; prints its second.
wait_for_second() {
    local second
    for _ in $(seq 40); do
        second=$(second_on_screen "$1")
        [ -n "$second" ] && { echo "$second"; return 0; }
        sleep 0.25
    done
    fail "no clip QR code on the screen ($1.png)"
}

run_kiosk
expect_scene idle
xdotool key Return; expect_scene lobby
xdotool key F5;     expect_scene checkin
xdotool key Page_Down; expect_scene analyse
first=$(wait_for_second start)
sleep 3
later=$(wait_for_second later)
[ "$later" -ge $((first + 2)) ] || fail "the clip did not advance: second $first, 3 s later $later"
# The caption is drawn under the clip in the screen's own type (OCR of the strip below it).
tesseract "$work/later.png" - -l nld 2>/dev/null | grep -q "Ondertitel vanaf seconde" || fail "no caption on the screen"

# Space holds the clip with the stage timer, and plays on.
xdotool key space
sleep 0.5
held=$(wait_for_second held-1)
sleep 2
[ "$(wait_for_second held-2)" = "$held" ] || fail "the paused clip moved on"
xdotool key space
sleep 2.5
[ "$(wait_for_second resumed)" -ge $((held + 2)) ] || fail "the clip did not play on after Space"

# kill -9 right after a screenshot; the restarted kiosk goes on within a second of it.
sleep 3
before=$(second_on_screen before-kill)
[ -n "$before" ] || before=$(second_on_screen before-kill)
[ -n "$before" ] || fail "no QR code just before the kill"
kill -9 "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null || true
sleep 2  # the room's screen was dark this long: the clip must not have run on meanwhile
mv "$work/log" "$work/log-before-kill"  # the restarted kiosk's own log
run_kiosk
resumed_at=$(clip_resumed "$work/log" "$before") || fail "after kill -9 the clip did not go on where it was (above)"
grep -q "clip.mp4 goes on at" "$work/log" || fail "two seconds down: the kiosk did not say (and journal) where the clip goes on"
after=$(wait_for_second after-restart)
[ "$after" -ge "$before" ] && [ "$after" -le $((before + 3)) ] || fail "after the restart the screen shows second $after, before the kill $before"

# The record: walk to the wrap-up; the exports list the clip.
for stage in probleemstelling probleemstelling-vote probleemstelling-results brainstorm brainstorm-vote \
             brainstorm-results ai-voorstel validatie validatie-decide validatie-owner wrapup; do
    xdotool key Page_Down; expect_scene "$stage"
done
for _ in $(seq 30); do [ -n "$(ls "$work/data/exports/"*/*.md 2>/dev/null)" ] && break; sleep 0.1; done
grep -q "Filmpje · clip.mp4" "$work/data/exports/"*/*-sessie-1.md || fail "the Markdown export does not list the clip"
grep -q "Een QR-code per seconde" "$work/data/exports/"*/*-sessie-1.md || fail "the Markdown export lacks the clip's alt"
xdotool key ctrl+alt+q
wait "$kiosk_pid" || fail "the kiosk exited with an error"
echo "clip playback: 1 passed, 0 failed (seconds $first → $later, held at $held, killed at $before, went on at $resumed_at)"
