#!/usr/bin/env bash
# ics_hostile.sh - calendars built to make an import run without end
# (issue 20, item 1): VTIMEZONE rules that repeat every second or minute,
# or hourly from 1970, daily from 1601, hundreds of days a year; event rules
# whose parts never meet; hundreds of rules that each walk centuries; a
# thousand zone names to look up.  Each import must end within a deadline
# taken from this machine's own speed (an ordinary import, timed first,
# times a factor; sanitizer builds are slower and get longer), in bounded
# memory, leaving no process (or thread: there is none to leave without
# its process) behind, with the import done and the hostile
# part named by its line; --strict refuses the file and writes nothing.
#
#   ics_hostile.sh path/to/focusweek
source "$(dirname "$0")/lib.sh"
rel_init "$@"
DATA="$TMP/data"
CAL="$TMP/cal"
mkdir -p "$CAL"
FACTOR=300          # a hostile import may take this many ordinary ones...
FLOOR_MS=2000       # ...and never less than this
MEMORY_MB=128       # above what an ordinary import takes

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# An ordinary import of a real calendar, five times: the slowest is the unit.
calibrate() {
	local i t0 worst=0
	for i in 1 2 3 4 5; do
		t0=$(now_ms)
		fwd "$DATA" import --ics "$REL_DIR/../data/ics/google.ics" --week 2026-03-25 --dry-run
		expect_rc 0 "an ordinary import"
		t0=$(($(now_ms) - t0))
		[ "$t0" -gt "$worst" ] && worst=$t0
	done
	DEADLINE_MS=$((worst * FACTOR))
	[ "$DEADLINE_MS" -lt "$FLOOR_MS" ] && DEADLINE_MS=$FLOOR_MS
	BASE_KB=$(rss_kb import --ics "$REL_DIR/../data/ics/google.ics" --week 2026-03-25 --dry-run)
	figure ics_ordinary_import_ms "$worst"
	figure ics_hostile_deadline_ms "$DEADLINE_MS"
}

# Peak memory of a run in KB (0 when /usr/bin/time is not there).
rss_kb() {
	if [ -x /usr/bin/time ]; then
		FOCUSWEEK_DATA="$DATA" /usr/bin/time -f %M -o "$TMP/rss" "$FW" "$@" >/dev/null 2>&1
		tail -1 "$TMP/rss"
	else
		echo 0
	fi
}

# A calendar: the lines given (LF), in a VCALENDAR.
cal() {
	local name=$1
	shift
	{
		printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//focusweek//hostile//EN\r\n'
		printf '%s\r\n' "$@"
		printf 'END:VCALENDAR\r\n'
	} >"$CAL/$name.ics"
}

# A zone of one STANDARD part with the rule given, and an event in it.
zone_cal() {
	local name=$1 tzid=$2 start=$3 rule=$4
	cal "$name" BEGIN:VTIMEZONE "TZID:$tzid" BEGIN:STANDARD "DTSTART:$start" \
		TZOFFSETFROM:+0100 TZOFFSETTO:+0100 "RRULE:$rule" END:STANDARD END:VTIMEZONE \
		BEGIN:VEVENT UID:hostile@test "DTSTART;TZID=$tzid:20260325T090000" DURATION:PT1H \
		SUMMARY:Hostile END:VEVENT \
		BEGIN:VEVENT UID:fine@test DTSTART:20260326T090000Z DURATION:PT1H SUMMARY:Fine END:VEVENT
}

# Processes carrying the mark in their environment (the import and anything
# it might have started), as "PID" lines.
marked() {
	grep -lsx -z -F -- "FW_HOSTILE_MARK=$1" /proc/[0-9]*/environ | cut -d/ -f3
}

# Imports $1 within the deadline, marked in its environment: it must end,
# leave no process carrying the mark, stay within memory, and say $2.
hostile() {
	local name=$1 says=$2 t0 rc left kb
	t0=$(now_ms)
	OUT="$TMP/out" ERR="$TMP/err"
	FW_HOSTILE_MARK="$TMP/$name" FOCUSWEEK_DATA="$DATA" \
		timeout -k 1 "$((DEADLINE_MS / 1000 + 1))" \
		"$FW" import --ics "$CAL/$name.ics" --week 2026-03-25 >"$OUT" 2>"$ERR"
	rc=$?
	t0=$(($(now_ms) - t0))
	[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || fail "$name: still importing after ${DEADLINE_MS} ms"
	[ "$t0" -le "$DEADLINE_MS" ] || fail "$name: took $t0 ms, more than ${DEADLINE_MS} ms"
	RC=$rc
	expect_rc 0 "$name: imported"
	grep -qF -- "$says" "$OUT" || fail "$name: the summary does not say \"$says\": $(cat "$OUT")"
	pass "$name: names the hostile part"
	left=$(marked "$TMP/$name")
	[ -z "$left" ] || fail "$name: processes left running: $left"
	pass "$name: nothing left running"
	kb=$(rss_kb import --ics "$CAL/$name.ics" --week 2026-03-25 --dry-run)
	[ "$kb" -le $((BASE_KB + MEMORY_MB * 1024)) ] ||
		fail "$name: $kb KB at its peak, an ordinary import $BASE_KB KB"
	pass "$name: memory bounded"
	[ "$t0" -gt "${SLOWEST:-0}" ] && SLOWEST=$t0
	COUNT=$((${COUNT:-0} + 1))
}

# AddressSanitizer keeps freed memory aside (its quarantine, 256 MB unless
# told otherwise) before using it again: a build with it may hold that much
# more at its peak.
if ldd "$FW" 2>/dev/null | grep -q libasan; then
	MEMORY_MB=$((MEMORY_MB + 256))
fi
make_plan "$DATA"
calibrate

# Zone rules (the lines of each rule: 10).
zone_cal zone-secondly Hostile 20270101T000000 FREQ=SECONDLY
hostile zone-secondly 'line 10): read as local time'
zone_cal zone-minutely-1601 Europe/Berlin 16010101T000000 FREQ=MINUTELY
hostile zone-minutely-1601 "changes its offset every minute (a zone changes a few times a year) (line 10): read in the system's Europe/Berlin"
zone_cal zone-hourly-1970 Europe/Berlin 19700101T000000 FREQ=HOURLY
hostile zone-hourly-1970 'changes its offset every hour'
zone_cal zone-daily-1601 Europe/Berlin 16010101T000000 FREQ=DAILY
hostile zone-daily-1601 'changes its offset every day'
zone_cal zone-yearly-days Office 00010101T000000 \
	"FREQ=YEARLY;BYYEARDAY=$(seq -s, 1 200)"
hostile zone-yearly-days 'changes its offset more often than monthly'
zone_cal zone-yearly-never Office 16010101T000000 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'
hostile zone-yearly-never 'changes its offset on no date at all'

# Event rules: one that would walk seconds to the year 2582, one libical
# would look for until the year 20000, and many that each walk centuries.
cal event-secondly BEGIN:VEVENT UID:s DTSTART:20250101T000000Z DURATION:PT1S \
	'RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30' SUMMARY:Tick END:VEVENT
hostile event-secondly 'line 8 "Tick": expanding this RRULE from 2025-01-01 could take'
cal event-setpos BEGIN:VEVENT UID:m DTSTART:20260323T090000Z DURATION:PT1H \
	'RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=7' SUMMARY:Never END:VEVENT
hostile event-setpos 'line 8 "Never": the RRULE gives no date'
lines=()
for i in $(seq 1 300); do
	lines+=(BEGIN:VEVENT "UID:e$i" DTSTART:16010301T090000Z DURATION:PT1H
		'RRULE:FREQ=DAILY;COUNT=5;BYMONTH=2;BYMONTHDAY=30' "SUMMARY:Walk $i" END:VEVENT)
done
cal event-centuries "${lines[@]}"
hostile event-centuries 'more than the file has left'

# Three thousand zone names of a dozen places each, every place looked up
# in the system's zone files (the events a year before the range: a week
# holds at most 2000 blocks).
places="Lemuria, Mu, Thule, Hyperborea, Avalon, Lyonesse, Ys, Vineta, Kitezh, Agartha, Shangri-La"
lines=()
for i in $(seq 1 3000); do
	lines+=(BEGIN:VEVENT "UID:z$i" "DTSTART;TZID=\"(UTC+01:00) Atlantis $i, $places\":20250325T090000"
		DURATION:PT1H "SUMMARY:Zone $i" END:VEVENT)
done
cal zone-names "${lines[@]}"
hostile zone-names 'too many time zones to look up'

# Strict: the file refused at its hostile line, nothing written.
old=$(state "$DATA")
fwd "$DATA" import --ics "$CAL/zone-secondly.ics" --week 2026-03-26 --strict
expect_rc 1 "--strict refuses a hostile zone"
expect_err 'line 15: the VTIMEZONE "Hostile" changes its offset every second' "--strict names the line"
[ "$(state "$DATA")" = "$old" ] || fail "--strict wrote something"
pass "--strict writes nothing"
expect_valid "$DATA" "the folder is valid after the hostile imports"

figure ics_hostile_files "$COUNT"
figure ics_hostile_slowest_ms "$SLOWEST"
done_ok
