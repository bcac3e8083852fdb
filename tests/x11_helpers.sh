# Sourced by the X11 tests (session walk, demo mode, phones in a browser) and the benchmarks.

# start_x11 WIDTHxHEIGHT: Xvfb on a free display with a window manager (fullscreen windows
# under Xvfb need one). Sets DISPLAY; adds the pids to x11_pids for the caller to stop.
x11_pids=()
start_x11() {
    start_xvfb "$1"
    x11_pids+=("$xvfb_pid")
    export DISPLAY=$xvfb_display
    matchbox-window-manager -use_titlebar no >/dev/null 2>&1 & x11_pids+=($!)
}

# start_xvfb WIDTHxHEIGHT [Xvfb options]: an Xvfb alone (no window manager), for a display the
# caller hands on (cage's output window); sets xvfb_display (":N") and xvfb_pid, which the caller
# stops. Xvfb picks a free display itself and writes its number (-displayfd): two tests starting
# at once never take the same one.
start_xvfb() {
    local number size=$1
    shift
    number=$(mktemp)
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp "$@" 3>"$number" >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 100); do [ -s "$number" ] && break; sleep 0.05; done
    xvfb_display=":$(tr -d '[:space:]' <"$number")"
    rm -f "$number"
    for _ in $(seq 50); do DISPLAY=$xvfb_display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
}

# cage_window DISPLAY: cage's output window on that X display (waits up to 10 s; prints nothing
# when none showed). It has no name (wlroots' title fails on Xvfb): the root's visible child.
cage_window() {
    local root window
    root=$(DISPLAY=$1 xdotool search --maxdepth 0 --name '')
    for _ in $(seq 100); do
        window=$(DISPLAY=$1 xdotool search --maxdepth 1 --onlyvisible --name '' 2>/dev/null | grep -vx "$root" | head -n 1 || true)
        [ -n "$window" ] && { echo "$window"; return 0; }
        sleep 0.1
    done
}

# start_two_screens: an X server with two monitors side by side, 1920x1080 and 1280x720, as
# RandR outputs. SDL 2.26 counts displays by RandR output; Xvfb has one output, and its
# +xinerama heads are invisible to SDL (they also overlap at 0,0). Xorg's dummy driver gives
# 16 outputs. Needs root (CI runs as root) and xserver-xorg-video-dummy.
start_two_screens() {
    local n
    for n in $(seq 91 140); do
        if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then export DISPLAY=":$n"; break; fi
    done
    cat >"$work/xorg.conf" <<'CONF'
Section "ServerFlags"
  Option "DontVTSwitch" "true"
  Option "AllowMouseOpenFail" "true"
  Option "PciForceNone" "true"
  Option "AutoEnableDevices" "false"
  Option "AutoAddDevices" "false"
EndSection
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 1.0 - 2000.0
  VertRefresh 1.0 - 200.0
  Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 3200 1080
  EndSubSection
EndSection
CONF
    Xorg "$DISPLAY" -noreset -nolisten tcp -config "$work/xorg.conf" -configdir "$work" -logfile "$work/xorg.log" \
        >/dev/null 2>&1 & x11_pids+=($!)
    for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
    xrandr --newmode 1280x720_60 74.25 1280 1390 1430 1650 720 725 730 750 +hsync +vsync
    xrandr --addmode DUMMY1 1280x720_60
    xrandr --output DUMMY0 --mode 1920x1080 --pos 0x0 --output DUMMY1 --mode 1280x720_60 --pos 1920x0
    xrandr | grep -q "current 3200 x 1080"
}

stop_x11() {
    local pid
    for pid in "${x11_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}

# loopback_config SOURCE_CONFIG DEST URL: a copy of the config whose QR points at URL, so that
# tests and benchmarks never direct anything at the machine's LAN address.
loopback_config() {
    cp -r "$1" "$2"
    # The prompt templates live beside config/ (ai.prompts_dir is "../prompts").
    [ -d "$(dirname "$2")/prompts" ] || cp -r "$(dirname "$1")/prompts" "$(dirname "$2")/prompts"
    # The samples a shipped format plays (media_dir is "../media"), unless the test brings its own.
    if [ ! -d "$(dirname "$2")/media" ] && [ -d "$(dirname "$1")/media/samples" ]; then
        mkdir -p "$(dirname "$2")/media" && cp -r "$(dirname "$1")/media/samples" "$(dirname "$2")/media/samples"
    fi
    sed -i "s|\"public_url\": \"[^\"]*\"|\"public_url\": \"$3\"|" "$2/kiosk.json"
    # A test that happens to run when a slot begins must not see the lobby open by itself.
    sed -i 's|"open_at_slot": true|"open_at_slot": false|' "$2/kiosk.json"
    # Every test phone (each browser context keeps its own pool of up to 6 connections) comes
    # from 127.0.0.1: the room's default of 16 per address is for a real office network.
    sed -i 's|"connections_per_address": 16,|"connections_per_address": 64,|' "$2/kiosk.json"
    # The coffee corner never sleeps in a test (coffee.hours): a test may run at night.
    sed -i 's|"hours": {[^}]*}|"hours": {}|' "$2/kiosk.json"
    grep -q "\"public_url\": \"$3\"" "$2/kiosk.json"
}

# start_kiosk KIOSK CONFIG WORK [options]: starts the kiosk on a free port with its QR on
# loopback (public_url "http://127.0.0.1:{port}"), logs in WORK/log; sets kiosk_pid and
# kiosk_port. The caller kills kiosk_pid.
start_kiosk() {
    local kiosk=$1 config=$2 work=$3
    shift 3
    loopback_config "$config" "$work/config" "http://127.0.0.1:{port}" || return 1
    "$kiosk" --config "$work/config" --data "$work/data" --port 0 "$@" >"$work/stdout" 2>"$work/log" &
    kiosk_pid=$!
    for _ in $(seq 100); do
        kiosk_port=$(sed -n 's/^listening on port //p' "$work/stdout")
        [ -n "$kiosk_port" ] && return 0
        sleep 0.05
    done
    return 1
}

# expect_panel NAME SECONDS: waits up to SECONDS for the coffee corner to turn to panel NAME
# (coffee-question, coffee-answers, ...) and for its cross-fade to end.
expect_panel() {
    local before
    before=$(grep -c 'coffee corner shows' "$work/log" || true)
    [ "$(grep 'coffee corner shows' "$work/log" | tail -n 1)" = "vitale-kiosk: coffee corner shows $1" ] && { sleep 1; return 0; }
    for _ in $(seq $(( $2 * 10 ))); do
        [ "$(grep 'coffee corner shows' "$work/log" | tail -n 1)" = "vitale-kiosk: coffee corner shows $1" ] && { sleep 1; return 0; }
        sleep 0.1
    done
    fail "expected the coffee panel $1 within $2 s (after $before panel turns), last: $(grep 'coffee corner shows' "$work/log" | tail -n 1)"
}

# expect_scene NAME: waits up to 5 s for the kiosk to log that it shows scene NAME.
expect_scene() {
    for _ in $(seq 50); do
        [ "$(grep 'showing' "$work/log" | tail -n 1)" = "vitale-kiosk: showing $1" ] && return 0
        sleep 0.1
    done
    fail "expected scene $1, last: $(grep showing "$work/log" | tail -n 1)"
}

# begin_x11_test: a work folder in $work, removed on exit together with the kiosk and the X
# server; fail MESSAGE prints the kiosk's log and exits 1.
begin_x11_test() {
    work=$(mktemp -d)
    trap end_x11_test EXIT
}
end_x11_test() {
    if [ -n "${kiosk_pid:-}" ]; then kill "$kiosk_pid" 2>/dev/null || true; fi
    stop_x11
    rm -rf "$work"
}
# begin_kiosk_test KIOSK SOURCE_DIR [OUT_DIR]: the arguments every kiosk test script takes
# (the binary, the source folder, where screenshots go: the temp dir by default), and its
# Xvfb-test bookkeeping (begin_x11_test).
begin_kiosk_test() {
    kiosk=$1
    source_dir=$2
    begin_x11_test
    out=${3:-$work/out}
    mkdir -p "$out"
}
fail() { echo "FAIL: $*"; echo "--- kiosk log:"; cat "$work/log" 2>/dev/null; exit 1; }

# open_lobby_for_phones: the idle screen's Enter opens the lobby; sets `url` to the join link
# its QR shows (loopback only), or fails the test.
open_lobby_for_phones() {
    expect_scene idle
    xdotool key Return
    expect_scene lobby
    sleep 0.3
    url=$(join_url_on_screen) || fail "no join link in the QR on the screen"
}

# ensure_playwright DIR: playwright-core and axe-core from npm in DIR (no browser download:
# Debian's chromium is used).
ensure_playwright() {
    [ -d "$1/node_modules/playwright-core" ] && [ -d "$1/node_modules/axe-core" ] && return 0
    (cd "$1" && npm install --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm install (tests/browser) failed"
}

# join_url_on_screen: prints the join link the QR on the screen shows now; returns 1 (and says
# what it read) unless it is a loopback join link of this kiosk. Use: url=$(join_url_on_screen) || fail ...
join_url_on_screen() {
    import -window root "$work/qr.png"
    local url
    url=$(zbarimg -q --raw "$work/qr.png" 2>/dev/null | tr -d '\r\n')
    if [[ ! "$url" =~ ^http://127\.0\.0\.1:$kiosk_port/j/[0-9a-f]{32}$ ]]; then
        echo "the QR says '$url', expected a loopback join link" >&2
        return 1
    fi
    echo "$url"
}

# ocr_main_column PNG: tesseract's reading of the screen's main column, grey and inverted
# (it reads light-on-dark text poorly; "AI" may still come out as "Al").
ocr_main_column() {
    convert "$1" -crop 1300x1080+0+0 -colorspace Gray -negate "$work/ocr.png" && tesseract "$work/ocr.png" - -l nld 2>/dev/null
}
