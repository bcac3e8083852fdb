#!/usr/bin/env bash
# Other devices on the kiosk's network: forged and malformed phone keys on every POST route,
# a foreign Host header, the export before the wrap-up, a connection flood, streams that are
# too many or stop reading, and guessed join codes, sent from 127.0.0.2, 127.0.0.3, … to the
# real kiosk running fullscreen under Xvfb while one real phone takes part; see lan_attack.mjs
# and lan_cases.mjs for what is checked. Then the kiosk stops, the first session is forgotten
# (--forget) and no file in the data folder may still hold a rare word written in it.
# Traffic to 127.0.0.1 only (the QR's public_url is on loopback; the AI provider must be "manual").
# Usage: lan_attack_test.sh PATH/TO/vitale-kiosk SOURCE_DIR [OUT_DIR for screenshots]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../x11_helpers.sh"
begin_kiosk_test "$@"
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}

# The shipped config asks no AI service; the test relies on that (nothing leaves the machine).
grep -q '"provider": "manual"' "$source_dir/config/kiosk.json" || fail "the shipped config asks an AI service; this test wants provider manual"
command -v python3 >/dev/null || fail "python3 is needed (the stream that stops reading, stalled_stream.py)"

# Written into the first session (its situation and a fact), then looked for after --forget.
rare_word="zeldzaam-woord-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

start_x11 1920x1080
start_kiosk "$kiosk" "$source_dir/config" "$work" || fail "the kiosk did not start"
open_lobby_for_phones

node "$here/lan_attack.mjs" "$kiosk_port" "$url" "$work/log" "$work/data" "$out" "$rare_word" || {
    echo "--- the kiosk's log (last 40 lines):"; tail -n 40 "$work/log"
    echo "screenshots: $out"
    exit 1
}

# Last: forgetting leaves no file behind: the kiosk stops (the second session stays open in the
# journal), the first session is forgotten by its number, and nothing in the data folder
# (journal, its WAL, exports) holds the rare word any more.
kill "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null || true
kiosk_pid=
record() { "$kiosk" --config "$work/config" --data "$work/data" "$@"; }
held=$(grep -r -a -l -F "$rare_word" "$work/data" || true)
[ -n "$held" ] || fail "forget: the rare word is nowhere in the data folder before --forget (was it written?)"
sessions=$(record --sessions) || fail "forget: --sessions failed"
# "last" would be the second session, still open: forget the last finished one by its number.
first=$(echo "$sessions" | awk '$NF != "open" { id = $1 } END { print id }')
[ -n "$first" ] || fail "forget: --sessions lists no finished session: $sessions"
# Retention, on a copy of the data folder taken before --forget: the first session is made
# 400 days old in the journal, the kiosk starts on the copy with retention_days 1, and then no
# file of the copy holds the rare word either (journal, WAL, export folder).
cp -a "$work/data" "$work/data-retention"
python3 - "$work/data-retention/vitale.sqlite3" "$first" <<'PY' || fail "retention: could not age the first session"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE sessions SET closed_wall_ms = closed_wall_ms - 400 * 86400000 WHERE id = ?", (int(sys.argv[2]),))
db.commit()
PY
sed -i 's/"retention_days": [0-9]*/"retention_days": 1/' "$work/config/kiosk.json"
grep -q '"retention_days": 1' "$work/config/kiosk.json" || fail "retention: the config has no retention_days to set"
"$kiosk" --config "$work/config" --data "$work/data-retention" --port 0 >"$work/retention.out" 2>"$work/retention.log" &
retention_pid=$!
for _ in $(seq 100); do grep -q "^listening on port" "$work/retention.out" && break; sleep 0.1; done
kill "$retention_pid"; wait "$retention_pid" 2>/dev/null || true
grep -q "forgot 1 session(s)" "$work/retention.log" || fail "retention: the kiosk did not forget the aged session: $(cat "$work/retention.log")"
kept=$(grep -r -a -l -F "$rare_word" "$work/data-retention" || true)
[ -z "$kept" ] || fail "retention: after the kiosk's start-up retention the rare word is still in: $kept"
echo "lan_attack: retention: the aged session and its files are gone at start-up"

record --forget "$first" | grep -q "session $first of .* is forgotten" || fail "forget: --forget $first failed"
left=$(grep -r -a -l -F "$rare_word" "$work/data" || true)
[ -z "$left" ] || fail "forget: after --forget $first the rare word is still in: $left"
echo "lan_attack: forget: the rare word was in $(echo "$held" | wc -l) file(s), after --forget $first in none"
