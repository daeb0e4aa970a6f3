#!/usr/bin/env bash
# A Sunday-to-Thursday week with 12-hour times in the planner: one week on
# screen from Sunday, named by its Monday's ISO week with the ISO weeks its
# days fall in; times read and typed as 9am; a block added on Sunday lands
# in that week.
. "$(dirname "$0")/lib.sh" "$1"
fw init --industries 'Construction,Education' --days sun-thu --week-start sunday \
	--time-format 12h --hours 8:00-17:00 >/dev/null || fail "init"
fw focus --date 2026-11-29 Construction || fail "focus"
fw add --date 2026-11-29 --start 9am --end 11am --kind prospecting --title 'Sunday calls' \
	>/dev/null || fail "add"
tui_start 120 40
wait_for "Planning 2026-W49"
keys Escape
wait_for "(ISO W48–W49) · Will this help me make my sales quota?"
screen | grep -q "^      Sun 29 Nov  *Mon 30 Nov  *Tue 1 Dec  *Wed 2 Dec  *Thu 3 Dec *$" ||
	fail "the days are not Sunday to Thursday"
wait_for "9:00am–11:00am"
wait_for "9am "
wait_for "12pm"
# Add a block on Sunday at 1pm through the form, times typed as 1pm-2pm.
keys h h
wait_for "Sun 29 Nov"
keys G
wait_for "Sun 29 Nov 4:30pm · free"
keys a
wait_for "Add a block · Sun 29 Nov"
keys "Follow-ups" Tab BSpace BSpace BSpace BSpace BSpace BSpace BSpace 1pm Tab \
	BSpace BSpace BSpace BSpace BSpace BSpace BSpace 2pm Tab y Enter
wait_for "added \"Follow-ups\""
fw week --date 2026-11-29 | grep -q "1:00pm–2:00pm  prospecting  Construction       Follow-ups" ||
	fail "the block: $(fw week --date 2026-11-29)"
fw week --date 2026-11-29 --json | grep -q '"start": "13:00"' || fail "JSON keeps 24-hour times"
keys q
wait_for "EXITED:0"
