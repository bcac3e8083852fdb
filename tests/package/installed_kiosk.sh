# Sourced by the package's checks and the restart benchmark: the installed kiosk run the way
# vitale-kiosk.service runs it (as the user vitale, under cage, through Xwayland, on the config
# in /etc/vitale-kiosk and the record in /var/lib/vitale-kiosk), on cage's headless backend
# with the software renderer instead of the first console.
#
# One difference from the unit, on purpose: the window is 2 pixels short of the screen
# (--windowed --size 1280x718). cage scans a fullscreen window out directly, and on the
# headless backend a scanned-out picture never reaches grim's screenshot (measured: all
# black); a window that does not cover the output is composited and can be looked at.

# prepare_installed WORK PORT: a copy of /etc/vitale-kiosk whose QR points at 127.0.0.1:PORT
# (tests never send anything to the LAN address), and a runtime folder for cage.
prepare_installed() {
    local work=$1 port=$2
    cp -r /etc/vitale-kiosk "$work/etc"
    sed -i "s|\"public_url\": \"[^\"]*\"|\"public_url\": \"http://127.0.0.1:$port\"|; s|\"port\": [0-9]*|\"port\": $port|" "$work/etc/kiosk.json"
    sed -i 's|"open_at_slot": true|"open_at_slot": false|; s|"hours": {[^}]*}|"hours": {}|' "$work/etc/kiosk.json"
    grep -q "\"public_url\": \"http://127.0.0.1:$port\"" "$work/etc/kiosk.json"
    mkdir -p "$work/run" "$work/logs"
    chown vitale: "$work/run" "$work/logs"
    chmod 700 "$work/run"
    chmod 755 "$work"
    chmod -R a+rX "$work/etc"
}

# start_installed WORK NAME [kiosk options]: cage with the installed kiosk in it, as vitale;
# sets cage_pid. The kiosk's output goes to WORK/logs/NAME.out and WORK/logs/NAME.log.
start_installed() {
    local work=$1 name=$2
    shift 2
    runuser -u vitale -- env -i PATH=/usr/bin:/bin HOME=/var/lib/vitale-kiosk XDG_RUNTIME_DIR="$work/run" \
        WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
        SDL_VIDEODRIVER=x11 VITALE_KIOSK_CONFIG="$work/etc" \
        cage -s -- sh -c 'exec /usr/bin/vitale-kiosk --windowed --size 1280x718 --print-first-frame "$@" >"$0.out" 2>"$0.log"' \
        "$work/logs/$name" "$@" >"$work/$name.cage" 2>&1 &
    cage_pid=$!
}

# installed_kiosk_pid: the installed kiosk's pid once it has started (waits up to 10 s).
installed_kiosk_pid() {
    local pid
    for _ in $(seq 100); do
        pid=$(pgrep -u vitale -x vitale-kiosk | head -n 1 || true)
        [ -n "$pid" ] && { echo "$pid"; return 0; }
        sleep 0.1
    done
    return 1
}

# wait_first_frame WORK NAME: waits up to 15 s for the kiosk's first frame; prints its
# monotonic time in ms.
wait_first_frame() {
    local ms
    for _ in $(seq 300); do
        ms=$(sed -n 's/^first-frame-ms //p' "$1/logs/$2.out" 2>/dev/null)
        [ -n "$ms" ] && { echo "$ms"; return 0; }
        sleep 0.05
    done
    return 1
}

# screenshot WORK FILE: the compositor's picture (grim, as vitale, on cage's Wayland socket).
screenshot() {
    runuser -u vitale -- env XDG_RUNTIME_DIR="$1/run" WAYLAND_DISPLAY=wayland-0 grim "$1/run/shot.png"
    cp "$1/run/shot.png" "$2"
}

monotonic_ms() { python3 -c 'import time; print(int(time.monotonic() * 1000))'; }
