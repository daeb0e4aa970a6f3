#!/usr/bin/env bash
# Meetings outside the day's hours (08:00-18:00) cannot sit on the grid:
# the day's column marks them (▲ above, ▼ below, with the time nearest the
# hours), and the details line names them on the first or last row.
. "$(dirname "$0")/lib.sh" "$1"
export FOCUSWEEK_NOW=2026-11-30T12:00
cat > "$TUI_DIR/late.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//focusweek tests//EN
BEGIN:VEVENT
UID:breakfast@example.com
DTSTART;TZID=Europe/Berlin:20261201T070000
DTEND;TZID=Europe/Berlin:20261201T073000
SUMMARY:Breakfast with Anna
END:VEVENT
BEGIN:VEVENT
UID:late@example.com
DTSTART;TZID=Europe/Berlin:20261201T180000
DTEND;TZID=Europe/Berlin:20261201T183000
SUMMARY:Call with Bob
END:VEVENT
BEGIN:VEVENT
UID:later@example.com
DTSTART;TZID=Europe/Berlin:20261201T190000
DTEND;TZID=Europe/Berlin:20261201T200000
SUMMARY:Dinner
END:VEVENT
END:VCALENDAR
ICS
sample_plan
fw import --ics "$TUI_DIR/late.ics" --week 2026-12-01 >/dev/null || fail "import"
fw week --date 2026-12-01 | grep -q "18:00–18:30  meeting      —                  Call with Bob" ||
	fail "the command line does not list it"
tui_start 120 40
wait_for "▲07:30"
wait_for "▼18:00"
# Tuesday, the first row: what lies before the hours.
keys l g
wait_for 'Tue 1 Dec 08:00 · free · niche Manufacturing · ▲ before the hours: 07:00–07:30 "Breakfast with Anna" · a adds a block'
# The last row: what lies after them.
keys G
wait_for '▼ after the hours: 18:00–18:30 "Call with Bob" and 1 more'
# Monday holds nothing outside its hours: no mark, nothing said.
keys h
wait_for "Mon 30 Nov 17:30 · free · niche Healthcare · a adds a block"
screen | grep "Mon 30 Nov 17:30" | grep -q "after the day" && fail "Monday says it has something late"
keys q
wait_for "EXITED:0"
