#!/usr/bin/env bash
# `focusweek timer status --watch` for a status bar: a line at the start and
# a new one only when the text changes; asleep with no timeout while no
# timer runs or it is paused; while it runs, the text (whole minutes) sleeps
# until a minute turns and the JSON (seconds) wakes each second; each JSON
# line is one object that reads; it ends when the bar reading it goes away.
. "$(dirname "$0")/lib.sh" "$1"

lines() { wc -l < "$1"; }
wait_lines() { # FILE N
	local end=$(($(date +%s) + DEADLINE))
	until [ "$(lines "$1")" -ge "$2" ]; do
		[ "$(date +%s)" -ge "$end" ] && fail "$1 has $(lines "$1") lines, not $2"
		sleep 0.01
	done
}
# PID: asleep without a timeout, and a window of a second with no wake-up.
# The save that changed the timer may still send an event of its own (its
# rename, its folder's fsync) just after the watch fell asleep, so a window
# is tried up to three times; a watch that wakes by itself (once a second)
# has no such window.
still() {
	local before after try
	for try in 1 2 3; do
		[ "${2:-}" = running ] || asleep "$1"
		before=$(switches "$1")
		sleep 1
		after=$(switches "$1")
		[ "$after" -eq "$before" ] && return 0
	done
	fail "$((after - before)) wake-ups in each of 3 windows while nothing changed"
}
# PID wakes within two seconds by itself.
wakes() {
	local before
	before=$(switches "$1")
	sleep 2
	[ "$(switches "$1")" -gt "$before" ] || fail "no wake-up in 2 s: its seconds stand still"
}

FOCUSWEEK_NOW=2026-12-01T09:00+ "$FW" timer status --watch >"$TMP/text.txt" 2>"$TMP/watch.log" &
TEXT=$!
PIDS+=("$TEXT")
FOCUSWEEK_NOW=2026-12-01T09:00+ "$FW" timer status --watch --format json >"$TMP/json.txt" \
	2>"$TMP/watch-json.log" &
JSON=$!
PIDS+=("$JSON")
wait_lines "$TMP/text.txt" 1
wait_lines "$TMP/json.txt" 1
[ "$(cat "$TMP/text.txt")" = "" ] || fail "the first line with no timer: $(cat "$TMP/text.txt")"
still "$TEXT"

FOCUSWEEK_NOW=2026-12-01T09:00 fw_ok timer start
# The text says whole minutes (rounded up), so it changes once a minute; the
# JSON carries the seconds and changes each second.
wait_lines "$TMP/text.txt" 2
grep -q '^▶ Manufacturing · Call list: plants · 2h00 left$' "$TMP/text.txt" ||
	fail "no running line: $(cat "$TMP/text.txt")"
[ "$(sed 1d "$TMP/text.txt" | sort -u | wc -l)" -eq "$(sed 1d "$TMP/text.txt" | wc -l)" ] ||
	fail "a line repeated: $(cat "$TMP/text.txt")"
wait_lines "$TMP/json.txt" 3
/usr/bin/python3 - "$TMP/json.txt" <<'PY' || fail "the JSON lines"
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
assert rows[0]["class"] == "idle" and rows[0]["text"] == "", rows[0]
assert all(r["class"] == "running" for r in rows[1:]), rows
assert rows[1]["title"] == "Call list: plants" and rows[1]["block"] == "2026W49-2", rows[1]
left = [r["remaining"] for r in rows[1:]]
assert left == sorted(left, reverse=True) and len(set(left)) == len(left), left
PY
# Its minute turns 60 s after the start: a quiet second is there to find.
still "$TEXT" running
wakes "$JSON"

FOCUSWEEK_NOW=2026-12-01T09:00 fw_ok timer pause
end=$(($(date +%s) + DEADLINE))
until tail -n 1 "$TMP/text.txt" | grep -q '^⏸'; do
	[ "$(date +%s)" -ge "$end" ] && fail "no paused line: $(tail -n 2 "$TMP/text.txt")"
	sleep 0.01
done
n=$(lines "$TMP/text.txt")
still "$TEXT"
[ "$(lines "$TMP/text.txt")" -eq "$n" ] || fail "new lines while paused"

FOCUSWEEK_NOW=2026-12-01T09:00 fw_ok timer stop --abandon
end=$(($(date +%s) + DEADLINE))
until [ -z "$(tail -n 1 "$TMP/text.txt")" ] && [ "$(lines "$TMP/text.txt")" -gt "$n" ]; do
	[ "$(date +%s)" -ge "$end" ] && fail "no empty line once stopped"
	sleep 0.01
done
still "$TEXT"

# The bar goes away: the watch ends, though nothing changes.
{ "$FW" timer status --watch; echo "$?" > "$TMP/rc"; } | head -n 1 > /dev/null
wait_until -s "$TMP/rc" "the end of a watch whose reader left"
echo "ok: --watch prints changes, sleeps while nothing runs, ends with its reader"
