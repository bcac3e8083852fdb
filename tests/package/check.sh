#!/usr/bin/env bash
# The Debian package on this machine, as IT would use it (needs root: CI runs as root):
# its file list, apt-get install, the installed commands from /, the unit (systemd-analyze
# verify), the installed kiosk under cage the way the unit runs it (first frame, Enter opens a
# session, a screenshot of the compositor whose QR decodes, a phone joins over loopback), kill -9
# and back on the same stage within 1 s, an upgrade (the room's edit and the record stay), a
# clip that plays under cage and goes on after kill -9, then apt-get remove (they stay) and
# purge (they go).
# Usage: check.sh build/vitale-kiosk_<version>_<arch>.deb
set -euo pipefail
deb=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/installed_kiosk.sh"
source "$here/../qr_clip.sh"
begin_installed check.sh
passed=0
pass() { passed=$((passed + 1)); }
fail() {
    echo "FAIL: $*"
    for f in "$work"/logs/*.log "$work"/*.cage; do [ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done
    exit 1
}

# 1. The file list holds the layout the README promises.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/files"
for path in /usr/bin/vitale-kiosk /usr/share/vitale-kiosk/config/kiosk.json /usr/share/vitale-kiosk/prompts/proposal.nl.txt \
    /usr/share/vitale-kiosk/fonts/ /usr/share/vitale-kiosk/media/ /usr/share/vitale-kiosk/media/samples/vaardigheid-intro.nl.mp4 \
    /usr/share/vitale-kiosk/media/samples/vaardigheid-intro.nl.vtt /etc/vitale-kiosk/kiosk.json /etc/vitale-kiosk/strings.nl.json \
    /var/lib/vitale-kiosk/ /lib/systemd/system/vitale-kiosk.service /usr/lib/sysusers.d/vitale-kiosk.conf \
    /usr/share/doc/vitale-kiosk/copyright; do
    grep -qx "$path" "$work/files" || fail "the package has no $path"
done
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/vitale-kiosk/kiosk.json "$work/control/conffiles" || fail "/etc/vitale-kiosk/kiosk.json is no conffile"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./etc/vitale-kiosk/kiosk.json >"$work/etc-kiosk.json"
grep -q '"room_name"' "$work/etc-kiosk.json" || fail "no /etc/vitale-kiosk/kiosk.json in the package"
grep -q data_dir "$work/etc-kiosk.json" && fail "data_dir in /etc's kiosk.json (the record would not be in /var/lib/vitale-kiosk)"
pass

# 2. apt-get install; the user, the record's folder, the installed commands from /.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install"; }
id vitale >/dev/null || fail "no user vitale"
# The network-facing user reads no keyboard and owns no screen of its own: logind's session
# gives cage those (issue 22); an upgrade from a version that added the groups takes them away.
for group in input video; do
    id -nG vitale | tr ' ' '\n' | grep -qx "$group" && fail "the user vitale is in the group $group"
done
grep -q '^MemoryMax=' /lib/systemd/system/vitale-kiosk.service && grep -q '^TasksMax=' /lib/systemd/system/vitale-kiosk.service ||
    fail "the unit has no MemoryMax or TasksMax"
[ -f /usr/lib/udev/rules.d/60-vitale-kiosk.rules ] || [ -f /lib/udev/rules.d/60-vitale-kiosk.rules ] || fail "no udev rule for display.power"
[ "$(stat -c %U:%a /var/lib/vitale-kiosk)" = "vitale:700" ] || fail "/var/lib/vitale-kiosk is $(stat -c %U:%a /var/lib/vitale-kiosk)"
cd /
vitale-kiosk --check-config | grep -qx "/etc/vitale-kiosk: configuration is valid" || fail "--check-config from /"
# --doctor as the service's user: no problems, but for what this machine's network may lack
# (no LAN address, the room's port taken by something else); it exits 2 exactly when it lists one.
doctor_status=0
runuser -u vitale -- env -u DISPLAY -u WAYLAND_DISPLAY vitale-kiosk --doctor >"$work/doctor" 2>&1 || doctor_status=$?
grep "PROBLEM" "$work/doctor" | grep -v "no network address\|port [0-9]* is in use" && { cat "$work/doctor"; fail "--doctor found problems"; }
if grep -q PROBLEM "$work/doctor"; then [ "$doctor_status" = 2 ]; else [ "$doctor_status" = 0 ]; fi || { cat "$work/doctor"; fail "--doctor exited $doctor_status"; }
grep -q "config     /etc/vitale-kiosk (valid)" "$work/doctor" || fail "--doctor does not name /etc/vitale-kiosk"
grep -q "data       /var/lib/vitale-kiosk (writable" "$work/doctor" || fail "--doctor does not name /var/lib/vitale-kiosk"
systemd-analyze verify /lib/systemd/system/vitale-kiosk.service >"$work/verify" 2>&1 || { cat "$work/verify"; fail "systemd-analyze verify"; }
grep -v "^$" "$work/verify" && fail "systemd-analyze verify had remarks"
pass

# 3. The installed kiosk under cage, as the unit runs it: its first frame; Enter (the
# presenter's F5) opens a session; the join QR in the compositor's screenshot; a phone joins
# over loopback.
port=$(( 20000 + RANDOM % 20000 ))
prepare_installed "$work" "$port"
start_installed "$work" first
wait_first_frame "$work" first >/dev/null || fail "no first frame under cage"
press Return
for _ in $(seq 50); do grep -q "showing lobby" "$work/logs/first.log" && break; sleep 0.1; done
grep -q "showing lobby" "$work/logs/first.log" || fail "Enter did not open the lobby"
sleep 0.5
screenshot "$work" "$work/first.png"
url=$(zbarimg -q --raw "$work/first.png" 2>/dev/null | tr -d "\r\n" || true)
case "$url" in "http://127.0.0.1:$port/j/"*) ;; *) fail "the compositor's screenshot holds no join QR (got '$url')" ;; esac
key=$(node -e 'fetch("http://127.0.0.1:" + process.argv[1] + "/api/join", {method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({token: process.argv[2]})}).then(async (r) => console.log(r.status === 200 ? (await r.json()).key : "status " + r.status))' \
    "$port" "${url##*/j/}")
[ -n "$key" ] && [ "${key#status }" = "$key" ] || fail "a phone could not join: $key"
pass

# 4. kill -9, restarted as systemd would (Restart=always, RestartSec=0): the room sees the same
# stage within 1 s, and the phone that joined is still in.
pid=$(installed_kiosk_pid) || fail "no kiosk process"
killed=$(monotonic_ms)
kill -9 "$pid"
reap "$cage_pid" || fail "cage did not end with its kiosk"  # systemd would start it again
start_installed "$work" second
back=$(wait_first_frame "$work" second) || fail "no first frame after kill -9"
grep -q "showing lobby" "$work/logs/second.log" || fail "after kill -9 the kiosk does not show the lobby"
echo "kill -9 to the same picture: $((back - killed)) ms"
[ $((back - killed)) -le 1000 ] || fail "back after $((back - killed)) ms (over 1 s)"
status=$(node -e 'fetch("http://127.0.0.1:" + process.argv[1] + "/api/state?key=" + process.argv[2]).then((r) => console.log(r.status))' \
    "$port" "$key")
[ "$status" = 200 ] || fail "the phone that joined is gone after kill -9 (status $status)"
sleep 0.5
screenshot "$work" "$work/second.png"
[ "$(zbarimg -q --raw "$work/second.png" 2>/dev/null | tr -d '\r\n' || true)" = "$url" ] || fail "after kill -9 the screen shows another QR"
kill "$cage_pid" 2>/dev/null || true; reap "$cage_pid" || true
cage_pid=
runuser -u vitale -- vitale-kiosk --sessions | grep -q . || fail "--sessions from / lists nothing"
# root must not write into the kiosk's record (root's files would lock the service out).
vitale-kiosk --forget last >"$work/root-forget" 2>&1 && fail "root could --forget in vitale's record"
grep -q "belongs to the user vitale; run the command as that user" "$work/root-forget" || fail "root's --forget: $(cat "$work/root-forget")"
[ -z "$(find /var/lib/vitale-kiosk -user root)" ] || fail "root left files in /var/lib/vitale-kiosk: $(find /var/lib/vitale-kiosk -user root)"
pass

# 5. An upgrade (the same package with a newer version): the room's edit to a conffile and the
# whole record stay; the kiosk starts on the new version at the same stage.
sed -i 's|"room_name": "[^"]*"|"room_name": "Zaal 3"|' /etc/vitale-kiosk/kiosk.json
sessions_before=$(runuser -u vitale -- vitale-kiosk --sessions)
dpkg-deb -R "$deb" "$work/newer"
version=$(sed -n 's/^Version: //p' "$work/newer/DEBIAN/control")
sed -i "s/^Version: .*/Version: $version+upgradetest1/" "$work/newer/DEBIAN/control"
dpkg-deb -b "$work/newer" "$work/newer.deb" >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$work/newer.deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "the upgrade"; }
[ "$(dpkg-query -W -f='${Version}' vitale-kiosk)" = "$version+upgradetest1" ] || fail "the upgrade did not install"
grep -q '"room_name": "Zaal 3"' /etc/vitale-kiosk/kiosk.json || fail "the upgrade lost the room's edit to kiosk.json"
[ "$(runuser -u vitale -- vitale-kiosk --sessions)" = "$sessions_before" ] || fail "the upgrade changed the record"
start_installed "$work" upgraded
wait_first_frame "$work" upgraded >/dev/null || fail "no first frame after the upgrade"
grep -q "showing lobby" "$work/logs/upgraded.log" || fail "after the upgrade the kiosk does not show the lobby"
kill "$cage_pid" 2>/dev/null || true; reap "$cage_pid" || true
cage_pid=
pass

# 5b. A clip (a QR code a second) in the analysis, under cage: the compositor's screenshots show
# advancing codes; after kill -9 the restarted kiosk goes on within a second of where it was.
make_qr_clip "$work/media" 40
chmod -R a+rX "$work/media"
clip_in_analysis "$work/etc" "$work/media"
chmod -R a+rX "$work/etc"
start_installed "$work" clip
wait_first_frame "$work" clip >/dev/null || fail "no first frame with the clip's config"
press F5
press Page_Down
for _ in $(seq 100); do grep -q "playing clip.mp4" "$work/logs/clip.log" 2>/dev/null && break; sleep 0.1; done
clip_shot() {  # clip_shot NAME: the second on the compositor's screen, waiting up to 10 s for one
    local second
    for _ in $(seq 40); do
        screenshot "$work" "$work/$1.png"
        second=$(clip_second "$work/$1.png")
        [ -n "$second" ] && { echo "$second"; return 0; }
        sleep 0.25
    done
    fail "no clip QR code in the compositor's screenshot ($1)"
}
first=$(clip_shot clip-first)
sleep 3
later=$(clip_shot clip-later)
[ "$later" -ge $((first + 2)) ] || fail "under cage the clip did not advance: second $first, 3 s later $later"
before=$(clip_shot clip-before-kill)
pid=$(installed_kiosk_pid) || fail "no kiosk process"
kill -9 "$pid"
reap "$cage_pid" || fail "cage did not end with its kiosk"
start_installed "$work" clip-again
resumed_at=$(clip_resumed "$work/logs/clip-again.log" "$before") || fail "after kill -9 under cage the clip did not go on where it was (above)"
after=$(clip_shot clip-after)
[ "$after" -ge "$before" ] && [ "$after" -le $((before + 4)) ] || fail "after kill -9 under cage the screen shows second $after (before: $before)"
echo "a clip under cage: seconds $first → $later; killed at $before, went on at $resumed_at"
kill "$cage_pid" 2>/dev/null || true; reap "$cage_pid" || true
cage_pid=
pass

# 6. remove keeps the record and the room's configuration; purge removes them.
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq vitale-kiosk >"$work/apt.log" 2>&1 || fail "apt-get remove"
[ ! -e /usr/bin/vitale-kiosk ] || fail "remove left /usr/bin/vitale-kiosk"
ls /var/lib/vitale-kiosk/vitale.sqlite3 >/dev/null || fail "remove took the journal"
grep -q '"room_name": "Zaal 3"' /etc/vitale-kiosk/kiosk.json || fail "remove took the room's edit to /etc/vitale-kiosk/kiosk.json"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq vitale-kiosk >"$work/apt.log" 2>&1 || fail "apt-get purge"
[ ! -e /var/lib/vitale-kiosk ] || fail "purge left /var/lib/vitale-kiosk"
[ ! -e /etc/vitale-kiosk ] || fail "purge left /etc/vitale-kiosk"
pass
echo "package: $passed passed, 0 failed"
