# Sourced by the clip tests (tests/screen/clip_test.sh, tests/package/check.sh).

# make_qr_clip DIR SECONDS: DIR/clip.mp4, a QR code a second on white ("clip-7" during its 8th
# second), 640×360 at 30 frames a second, H.264 with an AAC tone; and DIR/clip.vtt, a caption
# every 5 s ("Ondertitel vanaf seconde 5").
make_qr_clip() {
    local dir=$1 seconds=$2 s
    mkdir -p "$dir/frames"
    for s in $(seq 0 $((seconds - 1))); do qrencode -s 10 -m 2 -o "$(printf '%s/frames/qr%02d.png' "$dir" "$s")" "clip-$s"; done
    ffmpeg -v error -y -framerate 1 -i "$dir/frames/qr%02d.png" -f lavfi -i "sine=frequency=330:duration=$seconds" \
        -vf "pad=640:360:(ow-iw)/2:(oh-ih)/2:white,fps=30,format=yuv420p" -c:v libx264 -crf 18 -c:a aac -shortest "$dir/clip.mp4"
    rm -rf "$dir/frames"
    {
        printf 'WEBVTT\n\n'
        for s in $(seq 0 5 $((seconds - 5))); do printf '00:%02d.000 --> 00:%02d.000\nOndertitel vanaf seconde %d\n\n' "$s" $((s + 5)) "$s"; done
    } >"$dir/clip.vtt"
}

# clip_in_analysis CONFIG MEDIA_DIR [FILE]: CONFIG's werksituatie (nl) opens its analysis with
# MEDIA_DIR/FILE (clip.mp4) over the main column; kiosk.json's media_dir is MEDIA_DIR.
clip_in_analysis() {
    python3 - "$1" "$2" "${3:-clip.mp4}" <<'PY'
import json, sys
config, media, clip = sys.argv[1:]
kiosk = json.load(open(config + "/kiosk.json"))
kiosk["media_dir"] = media
json.dump(kiosk, open(config + "/kiosk.json", "w"), ensure_ascii=False, indent=2)
path = config + "/videoframes/werksituatie.nl.json"
data = json.load(open(path))
data["stages"][0]["media"] = [{"kind": "video", "file": clip, "show": "full", "when": "at_start",
                               "alt": "Een QR-code per seconde, die de seconde noemt"}]
json.dump(data, open(path, "w"), ensure_ascii=False, indent=2)
PY
}

# clip_resumed LOG BEFORE: waits up to 10 s for the restarted kiosk's "playing clip.mp4 from S s"
# in LOG and prints S; fails (saying why on stderr) unless S is within a second before, or two
# after, BEFORE: the second the screen showed just before the kill. (Back within a second, the
# session's clock is that near already; later, the kiosk says "goes on at" and journals it.)
clip_resumed() {
    local log=$1 before=$2 at
    for _ in $(seq 100); do grep -q "playing clip.mp4 from" "$log" 2>/dev/null && break; sleep 0.1; done
    at=$(sed -n 's/.*playing clip.mp4 from \([0-9.]*\) s.*/\1/p' "$log" 2>/dev/null | tail -n 1)
    [ -n "$at" ] || { echo "the restarted kiosk did not say where the clip goes on" >&2; return 1; }
    python3 -c "import sys; b, r = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if b - 1 <= r <= b + 2 else 1)" "$before" "$at" ||
        { echo "the clip went on at $at s; the screen showed second $before before the kill" >&2; return 1; }
    echo "$at"
}

# clip_second PNG: the second the clip's QR code in a screenshot names, or "".
clip_second() {
    zbarimg -q --raw "$1" 2>/dev/null | tr -d '\r' | sed -n 's/^clip-\([0-9]*\)$/\1/p' | head -n 1
}
