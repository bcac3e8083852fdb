#!/usr/bin/env bash
# --check-config probes every media file a format names (kiosk/media/media_probe.cpp) and names
# the file and the problem: missing, unreadable, not media, a codec the kiosk does not play, a
# 2 GB file, a clip of 4 hours, a sound where a video should be; a clip with sound and no
# captions is a warning. The files are made here with ffmpeg (lavfi) and truncate. As root the
# check runs as nobody, so that a file without read permission is unreadable for it.
# Usage: media_files_test.sh KIOSK SOURCE_DIR
set -euo pipefail
kiosk=$(realpath "$1")
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; echo "--- --check-config said:"; cat "$work/out" 2>/dev/null; exit 1; }

cp -r "$source_dir/config" "$work/config"
cp -r "$source_dir/prompts" "$work/prompts"
mkdir -p "$work/media/clips"
cp -r "$source_dir/media/samples" "$work/media/samples"  # what the shipped "vaardigheid" plays: all good
cd "$work/media/clips"
make() { ffmpeg -v error -y "$@"; }
make -f lavfi -i testsrc=size=320x240:rate=10 -f lavfi -i sine=frequency=440 -t 2 -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest good.mp4
printf 'WEBVTT\n\n00:00.000 --> 00:02.000\nEen toon van 440 Hz\n' >good.vtt
cp good.mp4 nocaptions.mp4
make -f lavfi -i testsrc=size=320x240:rate=10 -t 2 -c:v mpeg4 mpeg4.mp4
make -f lavfi -i color=c=black:size=16x16:rate=1 -t 14400 -c:v libx264 -preset ultrafast long.mp4
make -f lavfi -i sine=frequency=440 -t 2 -c:a aac sound-only.mp4
make -f lavfi -i sine=frequency=440 -t 2 sound.mp3
make -f lavfi -i testsrc=size=320x240 -frames:v 1 picture.png
truncate -s 2G big.mp4
echo "Dit is geen filmpje." >notmedia.mp4
cp good.mp4 unreadable.mp4
chmod 000 unreadable.mp4
cd - >/dev/null

# The Dutch werksituatie names them all (at most four a stage); English names none.
python3 - "$work/config/videoframes/werksituatie.nl.json" <<'EOF'
import json, sys
path = sys.argv[1]
data = json.load(open(path))
def clip(name, kind="video", **extra):
    return dict(kind=kind, file="clips/" + name, alt="Een testbeeld", **extra)
media = [
    [clip("good.mp4"), clip("nocaptions.mp4", show="full"), clip("mpeg4.mp4"), clip("missing.mp4")],
    [clip("big.mp4"), clip("notmedia.mp4"), clip("long.mp4", when="on_key"), clip("unreadable.mp4")],
    [clip("picture.png", kind="image"), clip("sound.mp3", kind="audio", when={"after_minutes": 1}), clip("sound-only.mp4")],
]
for stage, entries in zip(data["stages"], media):
    stage["media"] = entries
json.dump(data, open(path, "w"), ensure_ascii=False, indent=2)
EOF

as_user=()
if [ "$(id -u)" -eq 0 ]; then
    as_user=(runuser -u nobody --)
    chmod -R a+rX "$work/config" "$work/prompts" "$work/media/clips"/*.mp4 "$work/media/clips"/*.png "$work/media/clips"/*.mp3 "$work/media/clips"/*.vtt
    chmod 000 "$work/media/clips/unreadable.mp4"
    chmod 755 "$work" "$work/media" "$work/media/clips" "$work/media/samples"
    chmod a+r "$work/media/samples"/*
fi
status=0
"${as_user[@]}" "$kiosk" --check-config --config "$work/config" >"$work/out" 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "--check-config ended with $status, not 2 (problems)"

file="$work/config/videoframes/werksituatie.nl.json"
expect() {  # expect WHERE NAME TEXT: one line names the file, the field, the media file and the problem
    grep -F "$file: $1.file: \"clips/$2\" " "$work/out" | grep -qF "$3" || fail "no line for $1 ($2) saying \"$3\""
}
expect "stages[0].media[2]" mpeg4.mp4 "is mpeg4 video, which the kiosk does not play; re-encode it as H.264"
expect "stages[0].media[3]" missing.mp4 "not found at $work/media/clips/missing.mp4"
expect "stages[1].media[0]" big.mp4 "is 2.0 GB, more than a room's clip needs"
expect "stages[1].media[1]" notmedia.mp4 "is not a video, picture or sound the kiosk can play"
expect "stages[1].media[2]" long.mp4 "lasts 4:00:00, longer than the 8:00 of its stage"
expect "stages[2].media[2]" sound-only.mp4 "holds no video track"
expect "stages[1].media[3]" unreadable.mp4 "cannot be read at"
grep -F "warning: $file: stages[0].media[1].file: \"clips/nocaptions.mp4\"" "$work/out" | grep -qF "has sound but no captions beside it (nocaptions.vtt or .srt)" ||
    fail "no warning for a clip with sound and no captions"
# What plays says nothing: the clip with captions, the picture, the sound.
for fine in good.mp4 picture.png sound.mp3; do
    ! grep -qF "\"clips/$fine\"" "$work/out" || fail "a line about clips/$fine, which plays: $(grep -F "clips/$fine" "$work/out")"
done
[ "$(grep -c "" "$work/out")" -eq 8 ] || fail "expected 7 problems and 1 warning, got $(grep -c "" "$work/out") lines"

# Fixed (the bad entries gone), the check passes and still warns.
python3 - "$file" <<'EOF'
import json, sys
path = sys.argv[1]
data = json.load(open(path))
keep = {"clips/good.mp4", "clips/nocaptions.mp4", "clips/picture.png", "clips/sound.mp3"}
for stage in data["stages"]:
    if "media" in stage:
        stage["media"] = [m for m in stage["media"] if m["file"] in keep]
json.dump(data, open(path, "w"), ensure_ascii=False, indent=2)
EOF
status=0
"${as_user[@]}" "$kiosk" --check-config --config "$work/config" >"$work/out" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "--check-config ended with $status once the bad files were gone"
grep -q "warning: .*nocaptions.mp4" "$work/out" || fail "the captions warning went away"
grep -q "configuration is valid" "$work/out" || fail "no 'configuration is valid'"

echo "PASS: every bad media file named with its problem"
