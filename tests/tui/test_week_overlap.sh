#!/usr/bin/env bash
# A real meeting imported onto planned time: the block is marked, the
# details line names the meeting, the block can still be worked (the timer
# starts and stops on it), and o offers to move or shorten it clear.
. "$(dirname "$0")/lib.sh" "$1"
export FOCUSWEEK_NOW=2026-11-30T08:00
cat > "$TUI_DIR/standup.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//focusweek tests//EN
BEGIN:VEVENT
UID:standup-1@example.com
DTSTART;TZID=Europe/Berlin:20261130T090000
DTEND;TZID=Europe/Berlin:20261130T091500
SUMMARY:Standup
END:VEVENT
END:VCALENDAR
ICS
sample_plan
fw import --ics "$TUI_DIR/standup.ics" --week 2026-11-30 >/dev/null || fail "import"
tui_start 120 40
wait_for "⚠ Call li"
keys j
wait_for 'Mon 30 Nov 08:30–11:00 · ⚠ overlaps "Standup" 09:00–09:15 (o moves or shortens it)'
# The timer runs on it and stops.
keys s
wait_for "Call list: clinics · prospecting"
keys c a
wait_for 'Abandon the timer on "Call list: clinics"?'
keys y
wait_for 'abandoned "Call list: clinics"'
# Moved or shortened clear of the standup.
keys o
wait_for '"Standup" 09:00–09:15 overlaps "Call list: clinics".'
wait_for "m move it to 09:30–12:00"
wait_for "s shorten it to 09:30–11:00"
keys Escape
wait_gone "A meeting over a block"
fw week --date 2026-11-30 | grep -q "08:30–11:00  prospecting" || fail "Esc changed the block"
keys o
wait_for "s shorten it to 09:30–11:00"
keys s
wait_for 'shortened "Call list: clinics" to 09:30-11:00, clear of "Standup"  (u undoes)'
wait_gone "⚠ Call li"
fw week --date 2026-11-30 | grep -q "09:30–11:00  prospecting  Healthcare         Call list: clinics" ||
	fail "not shortened on disk: $(fw week --date 2026-11-30)"
keys u
wait_for "⚠ Call li"
keys q
wait_for "EXITED:0"
