# Sourced by the X11 session test and by bench/run.sh.

# start_x11 WIDTHxHEIGHT: Xvfb on a free display with a window manager (fullscreen windows
# under Xvfb need one). Sets DISPLAY; adds the pids to x11_pids for the caller to stop.
x11_pids=()
start_x11() {
    local n
    for n in $(seq 91 140); do
        if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then export DISPLAY=":$n"; break; fi
    done
    Xvfb "$DISPLAY" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 & x11_pids+=($!)
    for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
    matchbox-window-manager -use_titlebar no >/dev/null 2>&1 & x11_pids+=($!)
}

stop_x11() {
    local pid
    for pid in "${x11_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}

# loopback_config SOURCE_CONFIG DEST URL: a copy of the config whose QR points at URL, so that
# tests and benchmarks never direct anything at the machine's LAN address.
loopback_config() {
    cp -r "$1" "$2"
    sed -i "s|\"public_url\": \"[^\"]*\"|\"public_url\": \"$3\"|" "$2/kiosk.json"
    grep -q "\"public_url\": \"$3\"" "$2/kiosk.json"
}
