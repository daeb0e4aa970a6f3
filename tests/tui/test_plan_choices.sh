#!/usr/bin/env bash
# Choices on the planning screen: a layout block in conflict is skipped by
# default and replaces what is in the way when chosen; a carried-over block
# toggled off stays out; the whole plan is one change, and one u puts the
# week back exactly as it was.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
# Last week: the starter week with five blocks done; three left unfinished.
fw week >/dev/null
for id in 1 2 4 5 7; do fw done "2026W49-$id" >/dev/null || fail "done $id"; done
# This week already holds the dentist, where the account review would go.
[ "$(fw add --date 2026-12-08 --start 14:00 --end 15:00 --kind admin --title Dentist)" = \
	2026W50-1 ] || fail "add"
before=$(fw week --date 2026-12-07 --json)

tui_start 120 40 FOCUSWEEK_NOW=2026-12-07T08:00
wait_for "1/6 Last week"
wait_for "Left unfinished: 3 blocks, 4h30"
keys Tab Tab
wait_for "3/6 Layout"
keys j j
wait_for 'skip     Tue 8 Dec 14:00-16:00 account Northwind Clinics "Quarterly review"'
wait_for 'overlaps "Dentist" (14:00-15:00); skipped; Space replaces what is there'
keys Tab
wait_for "4/6 Carry over"
wait_for 'add      Tue 8 Dec 11:00-13:00 account Northwind Clinics "Quarterly review" (from 2026W49-3)'
# The contract renewal is left out by default: the copied layout plans it on
# Thursday again.  Toggled on and off again, it stays out.
wait_for 'skip     Thu 10 Dec 11:00-12:30 account Contoso Freight "Contract renewal" (from 2026W49-6)'
keys j Space
wait_for 'add      Thu 10 Dec 11:00-12:30 account Contoso Freight "Contract renewal" (from 2026W49-6)'
keys Space
wait_for 'skip     Thu 10 Dec 11:00-12:30 account Contoso Freight "Contract renewal" (from 2026W49-6)'
keys G
wait_for "12 changes to 2026-W50, applied together as one change:"
wait_for "Carry over (1)"
keys Enter
wait_for "planned 2026-W50: 12 changes  (u undoes)"
week=$(fw week --date 2026-12-07)
echo "$week" | grep -q "14:00–15:00  admin        —                  Dentist" ||
	fail "the skipped conflict replaced the dentist:
$week"
echo "$week" | grep -q "11:00–13:00  account      Northwind Clinics  Quarterly review" ||
	fail "the carried review is missing:
$week"
echo "$week" | grep -q "14:00–16:00  account" && fail "the skipped layout block was added"
[ "$(echo "$week" | grep -c "Contract renewal")" = 1 ] ||
	fail "the carry-over toggled off was placed:
$week"
[ "$(fw check)" = ok ] || fail "check"
# One u undoes the whole plan.
keys u
wait_for "undone: planned 2026-W50: 12 changes"
[ "$(fw week --date 2026-12-07 --json)" = "$before" ] || fail "undo did not restore the week:
$(fw week --date 2026-12-07)"
# Again, replacing the dentist this time.
keys P
wait_for "1/6 Last week"
keys Tab Tab j j Space
wait_for 'replace  Tue 8 Dec 14:00-16:00 account Northwind Clinics "Quarterly review"'
wait_for 'overlaps "Dentist" (14:00-15:00); replaced; Space keeps what is there'
# Last week's review is carried no more: the layout plans it on Tuesday now.
keys G
wait_for "12 changes to 2026-W50, applied together as one change:"
keys Enter
wait_for "planned 2026-W50: 12 changes  (u undoes)"
week=$(fw week --date 2026-12-07)
echo "$week" | grep -q "Dentist" && fail "the replaced conflict is still there:
$week"
echo "$week" | grep -q "14:00–16:00  account      Northwind Clinics  Quarterly review" ||
	fail "the replacing block is missing:
$week"
[ "$(fw check)" = ok ] || fail "check"
keys u
wait_for "undone: planned 2026-W50: 12 changes"
[ "$(fw week --date 2026-12-07 --json)" = "$before" ] || fail "the second undo did not restore"
keys q
wait_for "EXITED:0"
