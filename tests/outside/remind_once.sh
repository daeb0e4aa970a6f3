#!/usr/bin/env bash
# focusweek remind --once (for cron) gives what is due and exits, noting it
# so the next run gives nothing twice; a reminder whose moment passed while
# the computer slept is given once if its block has not ended, and dropped
# otherwise; one per data folder; without --foreground it goes to the
# background and says its pid.
. "$(dirname "$0")/lib.sh" "$1"

A=$(fw add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --title 'Pipeline') ||
	fail "add"
given() { if [ -f "$OUT/log" ]; then wc -l < "$OUT/log"; else echo 0; fi; }

# ---- on time, then never again
FOCUSWEEK_NOW=2026-12-01T11:50 fw remind --once || fail "--once failed"
[ "$(given)" -eq 0 ] || fail "a reminder at 11:50: $(cat "$OUT/log")"
FOCUSWEEK_NOW=2026-12-01T11:59 fw remind --once || fail "--once failed"
[ "$(given)" -eq 1 ] && grep -q "^start $A$" "$OUT/log" || fail "no reminder at 11:59"
FOCUSWEEK_NOW=2026-12-01T11:59:40 fw remind --once || fail "--once failed"
FOCUSWEEK_NOW=2026-12-01T12:10 fw remind --once || fail "--once failed"
[ "$(given)" -eq 1 ] || fail "given again: $(cat "$OUT/log")"
# The end, 20 seconds late (a cron line each minute): given.
FOCUSWEEK_NOW=2026-12-01T12:30:20 fw remind --once || fail "--once failed"
[ "$(given)" -eq 2 ] && grep -q "^end $A$" "$OUT/log" || fail "no end reminder at 12:30"
grep -q '^FOCUSWEEK_SUMMARY=Pipeline ended$' "$OUT/end.$A.env" || fail "the end's summary"

# ---- asleep from 11:50 to 12:10: the block runs, so its start is given,
# late; asleep from 12:10 to 12:45: its end is dropped.
rm -f "$FOCUSWEEK_DATA/.remind" "$OUT"/*
FOCUSWEEK_NOW=2026-12-01T11:50 fw remind --once || fail "--once failed"
FOCUSWEEK_NOW=2026-12-01T12:10 fw remind --once || fail "--once failed"
[ "$(given)" -eq 1 ] || fail "the start missed while asleep was not given"
grep -q '^FOCUSWEEK_SUMMARY=Pipeline started 10 min ago$' "$OUT/start.$A.env" &&
	grep -q '^FOCUSWEEK_MINUTES=-10$' "$OUT/start.$A.env" || fail "the late start's words"
FOCUSWEEK_NOW=2026-12-01T12:45 fw remind --once || fail "--once failed"
[ "$(given)" -eq 1 ] || fail "the end missed while asleep was given: $(cat "$OUT/log")"
# Asleep over a whole block: nothing at all.
rm -f "$OUT"/*
FOCUSWEEK_NOW=2026-12-01T13:00 fw remind --once || fail "--once failed"
[ "$(given)" -eq 0 ] || fail "a block long over was reminded of: $(cat "$OUT/log")"

# ---- one per data folder
start_remind 2026-12-01T13:00
asleep "$RPID"
FOCUSWEEK_NOW=2026-12-01T13:00 fw remind --once 2>"$TMP/err.txt" && fail "a second one ran"
grep -qx "focusweek remind: another focusweek remind (pid $RPID) is running for $FOCUSWEEK_DATA" \
	"$TMP/err.txt" || fail "the refusal: $(cat "$TMP/err.txt")"
stop_remind
FOCUSWEEK_NOW=2026-12-01T13:00 fw remind --once || fail "--once after the other one ended"

# ---- in the background
fw remind >"$TMP/bg.txt" 2>"$TMP/bg.log" || fail "remind failed: $(cat "$TMP/bg.log")"
BG=$(sed -n 's/^focusweek remind: running in the background (pid \([0-9]*\)) for .*; stop it with: kill [0-9]*$/\1/p' "$TMP/bg.txt")
[ -n "$BG" ] || fail "no pid said: $(cat "$TMP/bg.txt")"
PIDS+=("$BG")
asleep "$BG"
[ "$(awk '{ print $6 }' "/proc/$BG/stat")" != "$(awk '{ print $6 }' /proc/$$/stat)" ] ||
	fail "it kept the session of the terminal it was started from"
FOCUSWEEK_NOW=2026-12-01T13:00 fw remind --once 2>/dev/null && fail "--once ran beside it"
kill "$BG"
end=$(($(date +%s) + DEADLINE))
while kill -0 "$BG" 2>/dev/null && [ "$(awk '{ print $3 }' "/proc/$BG/stat" 2>/dev/null)" != Z ]; do
	[ "$(date +%s)" -ge "$end" ] && fail "SIGTERM did not end it"
	sleep 0.01
done
grep -q '^--demo reminds in the foreground only' <(fw --demo remind 2>&1 | sed 's/^focusweek remind: //') ||
	fail "--demo in the background was not refused"
echo "ok: --once, missed reminders, one per folder, the background"
