#!/usr/bin/env bash
# Makes the samples the "vaardigheid" format ships (config/videoframes/vaardigheid.*.json): an
# intro clip per language with its captions, and a picture of the four steps of practising.
# Everything is our own text and shapes, drawn by ffmpeg and ImageMagick from Debian (packages
# ffmpeg, imagemagick, fonts-inter): no third-party footage. Run it again after changing a text;
# the files it writes are committed beside it.
# Usage: bash media/samples/make_samples.sh
set -euo pipefail
cd "$(dirname "$0")"
font=/usr/share/fonts/opentype/inter/Inter-SemiBold.otf
[ -f "$font" ] || font=$(fc-match -f '%{file}' 'Inter:semibold')

# One slide per caption, 5 s each: a calm background, a coloured bar that grows with the slide,
# the caption's words large. The sound is a soft two-tone chord (no speech), so the captions say
# what the slides say.
make_clip() {
    local lang=$1; shift
    local slides=("$@") filters="" vtt="WEBVTT"$'\n' i=0 start
    for text in "${slides[@]}"; do
        start=$((i * 5))
        local escaped=${text//:/\\:}
        escaped=${escaped//\'/\\\'}
        filters+="drawtext=fontfile=$font:text='$escaped':fontsize=54:fontcolor=0xF4F1EA:x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,$start,$((start + 5)))',"
        vtt+=$'\n'"$(printf '00:%02d.000 --> 00:%02d.000' "$start" $((start + 5)))"$'\n'"$text"$'\n'
        i=$((i + 1))
    done
    local seconds=$((i * 5))
    filters+="drawbox=x=0:y=ih-24:w=iw*mod(t\\,5)/5:h=24:color=0x5EC4B6:t=fill"
    ffmpeg -v error -y -f lavfi -i "color=c=0x102028:size=1280x720:rate=30:duration=$seconds" \
        -f lavfi -i "aevalsrc=0.05*sin(2*PI*220*t)+0.04*sin(2*PI*330*t):s=48000:d=$seconds" \
        -vf "$filters" -c:v libx264 -preset slow -crf 30 -pix_fmt yuv420p -c:a aac -b:a 48k -movflags +faststart \
        "vaardigheid-intro.$lang.mp4"
    printf '%s' "$vtt" >"vaardigheid-intro.$lang.vtt"
}

make_clip nl "Een vaardigheid oefenen" "Kies één lastige situatie uit je werk" "Oefen hem samen, kort en echt" \
    "De AI stelt een oefenplan voor" "Jullie beslissen wat je deze week probeert"
make_clip en "Practising a skill" "Choose one hard moment from your work" "Practise it together, briefly and for real" \
    "The AI proposes a practice plan" "You decide what to try this week"

# The four steps as a 2×2 grid of large boxes with arrows, 1200×900 (it is shown in the side
# column: few words, large type), in both languages.
make_steps() {
    local lang=$1 title=$2; shift 2
    local draw=() i=0 x y
    for step in "$@"; do
        x=$((40 + (i % 2) * 580)); y=$((170 + (i / 2) * 360))
        draw+=(-fill '#1C2F3C' -stroke '#5EC4B6' -strokewidth 6 -draw "roundrectangle $x,$y $((x + 540)),$((y + 300)) 24,24"
               -stroke none -fill '#5EC4B6' -pointsize 64 -annotate "+$((x + 40))+$((y + 110))" "$((i + 1))"
               -fill '#F4F1EA' -pointsize 72 -annotate "+$((x + 40))+$((y + 220))" "$step")
        i=$((i + 1))
    done
    convert -size 1200x900 xc:'#102028' -font "$font" -fill '#5EC4B6' -pointsize 76 -annotate +40+110 "$title" \
        "${draw[@]}" -strip "vaardigheid-stappen.$lang.png"
}
make_steps nl "Oefenen in vier stappen" "Situatie" "Oefenen" "Terugkijken" "Bijstellen"
make_steps en "Practising in four steps" "Situation" "Practise" "Look back" "Adjust"
ls -l vaardigheid-*
