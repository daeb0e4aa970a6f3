#!/usr/bin/env bash
# focusweek remind --once reaches the real notify-send (libnotify-bin) over
# a private D-Bus session bus, where a notification server of this test's
# own (notify_server.py, python3-dbus-next) writes down what it received:
# the app name, the summary as given (with & < > $( ) in the title) and the
# body with its markup escaped.  With no server, the failure is said.
# Skipped (77) when dbus-run-session, notify-send or dbus_next is missing.
HERE=$(cd "$(dirname "$0")" && pwd)
need() {
	command -v "$1" >/dev/null || { echo "SKIP: $1 is missing (package $2)"; exit 77; }
}
need dbus-run-session dbus-daemon
need dbus-daemon dbus-daemon
need notify-send libnotify-bin
FW_PY=
for p in /usr/bin/python3 python3; do
	if command -v "$p" >/dev/null && "$p" -c 'import dbus_next' 2>/dev/null; then
		FW_PY=$(command -v "$p")
		break
	fi
done
[ -n "$FW_PY" ] || { echo "SKIP: python3 with dbus_next is missing (package python3-dbus-next)"; exit 77; }

# The whole test runs on a session bus of its own, which dbus-run-session
# ends when the test ends.
if [ "${FW_PRIVATE_BUS:-}" != "$$" ]; then
	export FW_PRIVATE_BUS=$$ FW_PY
	exec dbus-run-session -- bash -c 'FW_PRIVATE_BUS=$$ exec "$0" "$@"' "$0" "$@"
fi
. "$HERE/lib.sh" "$1"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no session bus"

fw_ok settings set remind.command auto
A=$(fw add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin \
	--title 'Q&A <prep> $(id)') || fail "add"
once() {
	rm -f "$FOCUSWEEK_DATA/.remind"
	FOCUSWEEK_NOW=2026-12-01T11:59 env DISPLAY=:99 "$FW" remind --once \
		2>"$TMP/stderr.txt" >"$TMP/stdout.txt"
}

"$FW_PY" "$HERE/notify_server.py" "$OUT/notes.jsonl" "$OUT/ready" 2>"$TMP/server.log" &
SPID=$!
PIDS+=("$SPID")
end=$(($(date +%s) + DEADLINE))
until [ -e "$OUT/ready" ]; do
	kill -0 "$SPID" 2>/dev/null || fail "the server ended: $(cat "$TMP/server.log")"
	[ "$(date +%s)" -ge "$end" ] && fail "the server was not ready within ${DEADLINE}s"
	sleep 0.01
done

once || fail "--once failed: $(cat "$TMP/stderr.txt")"
[ ! -s "$TMP/stderr.txt" ] || fail "--once said: $(cat "$TMP/stderr.txt")"
wait_until -s "$OUT/notes.jsonl" "the notification"
"$FW_PY" - "$OUT/notes.jsonl" <<'PY' || fail "what the server received: $(cat "$OUT/notes.jsonl")"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 1, lines
n = json.loads(lines[0])
assert n["app_name"] == "focusweek", n
assert n["summary"] == "Q&A <prep> $(id) in 1 min", n
assert "12:00" in n["body"], n
assert n["body"] == "12:00\u201312:30 \u00b7 admin", n
PY

# A body with & < > reaches the server as markup-escaped text.
fw_ok edit "$A" --kind account --account 'Northwind Clinics'
fw_ok account add 'R&D <lab>'
fw_ok edit "$A" --account 'R&D <lab>'
once || fail "--once failed: $(cat "$TMP/stderr.txt")"
[ ! -s "$TMP/stderr.txt" ] || fail "--once said: $(cat "$TMP/stderr.txt")"
end=$(($(date +%s) + DEADLINE))
until [ "$(wc -l <"$OUT/notes.jsonl")" -ge 2 ]; do
	[ "$(date +%s)" -ge "$end" ] && fail "no second notification within ${DEADLINE}s"
	sleep 0.01
done
"$FW_PY" - "$OUT/notes.jsonl" <<'PY' || fail "the escaped body: $(cat "$OUT/notes.jsonl")"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 2, lines
n = json.loads(lines[1])
assert n["app_name"] == "focusweek", n
assert n["summary"] == "Q&A <prep> $(id) in 1 min", n
assert n["body"] == "12:00\u201312:30 \u00b7 account \u00b7 R&amp;D &lt;lab&gt;", n
PY

# No server: notify-send fails, and remind --once says so.
kill -TERM "$SPID"
wait "$SPID" || fail "the server ended with $? on SIGTERM: $(cat "$TMP/server.log")"
once
grep -qx 'focusweek remind: the reminder command failed (exit [1-9][0-9]*)' "$TMP/stderr.txt" ||
	fail "notify-send with no server was not said: $(cat "$TMP/stderr.txt")"
echo "ok: notify-send over a private session bus; the server got it; no server said"
