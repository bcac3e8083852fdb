# Sourced by the package's checks and the restart benchmark: the installed kiosk run the way
# vitale-kiosk.service runs it (as the user vitale, under cage, with SDL's Wayland backend, on
# the config in /etc/vitale-kiosk and the record in /var/lib/vitale-kiosk), with cage's output
# in a window on Xvfb (wlroots' x11 backend, software renderer) instead of the first console.
#
# Not cage's headless backend (WLR_BACKENDS=headless): measured there, clients' later frames
# never reach the output (their frame callbacks stop after the first picture) and a fullscreen
# window's scanned-out picture never reaches grim's screenshot, so a test would see a frozen or
# black screen that a real console does not show. In a window on Xvfb cage composites every
# frame. Xvfb's key events reach cage as a keyboard's (xdotool = the presenter's remote).

# begin_installed NAME: these scripts install the package, edit /etc/vitale-kiosk and purge it,
# so NAME refuses a machine that has it; then a work folder in $work, and a trap that leaves the
# machine as it was (no kiosk, no Xvfb, no package, no record), also after a failure.
begin_installed() {
    if dpkg-query -W -f='${Status}' vitale-kiosk 2>/dev/null | grep -q "ok installed" || [ -e /var/lib/vitale-kiosk ]; then
        echo "$1: vitale-kiosk is installed here (or /var/lib/vitale-kiosk exists); it would be purged. Remove it first." >&2
        exit 1
    fi
    work=$(mktemp -d)
    cage_pid= xvfb_pid=
    trap end_installed EXIT
}
end_installed() {
    [ -n "$cage_pid" ] && kill "$cage_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    pkill -9 -u vitale -x vitale-kiosk 2>/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq vitale-kiosk >/dev/null 2>&1 || true
    rm -rf "$work"
}

# prepare_installed WORK PORT: a copy of /etc/vitale-kiosk whose QR points at 127.0.0.1:PORT
# (tests never send anything to the LAN address), a runtime folder for cage, and the Xvfb
# that holds cage's output (sets screen_display and xvfb_pid; the caller stops it).
prepare_installed() {
    local work=$1 port=$2
    cp -r /etc/vitale-kiosk "$work/etc"
    sed -i "s|\"public_url\": \"[^\"]*\"|\"public_url\": \"http://127.0.0.1:$port\"|; s|\"port\": [0-9]*|\"port\": $port|" "$work/etc/kiosk.json"
    sed -i 's|"open_at_slot": true|"open_at_slot": false|; s|"hours": {[^}]*}|"hours": {}|' "$work/etc/kiosk.json"
    grep -q "\"public_url\": \"http://127.0.0.1:$port\"" "$work/etc/kiosk.json"
    local n
    for n in $(seq 160 199); do
        [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ] && break
    done
    screen_display=":$n"
    # -ac: the user vitale may draw on it (this Xvfb listens on its local socket only).
    Xvfb "$screen_display" -screen 0 1280x800x24 -nolisten tcp -ac >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do DISPLAY=$screen_display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
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
        DISPLAY="$screen_display" WLR_BACKENDS=x11 WLR_X11_OUTPUTS=1 WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
        SDL_VIDEODRIVER=wayland VITALE_KIOSK_CONFIG="$work/etc" \
        cage -s -- sh -c 'exec /usr/bin/vitale-kiosk --print-first-frame "$@" >"$0.out" 2>"$0.log"' \
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
        ms=$(sed -n 's/^first-frame-ms //p' "$1/logs/$2.out" 2>/dev/null || true)
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

# press KEY: a key on the room's keyboard (or presenter remote), into cage's window.
press() { DISPLAY=$screen_display xdotool key "$1"; }

monotonic_ms() { python3 -c 'import time; print(int(time.monotonic() * 1000))'; }

# reap PID: waits up to 10 s for a child process to end (a zombie counts as ended), then reaps
# it; false when it is still running.
reap() {
    local state
    for _ in $(seq 100); do
        state=$(ps -o stat= -p "$1" 2>/dev/null || true)
        case "$state" in "" | Z*) wait "$1" 2>/dev/null || true; return 0 ;; esac
        sleep 0.1
    done
    return 1
}
