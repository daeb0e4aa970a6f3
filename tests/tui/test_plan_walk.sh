#!/usr/bin/env bash
# A new user with the starter plan plans the next week from the planning
# screen: it opens by itself, and two keys (G Enter: to the summary, apply)
# give a complete week that the rules accept, saved as one change.  Here the
# steps are looked at on the way (Tab), which changes nothing.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_session first
tui_start 120 40
# The first run lays this week out already: no planning screen.
wait_for "Call list: plants"
keys q
wait_for "EXITED:0"
grep -q '"last_planned_week":	"2026-W49"' "$FOCUSWEEK_DATA/plan.json" ||
	fail "the first run did not note this week as planned"

# Next Monday.
tui_session monday
tui_start 120 40 FOCUSWEEK_NOW=2026-12-07T08:00
wait_for "1/6 Last week"
wait_for "Planning 2026-W50"
wait_for "Last week (2026-W49): 0 min done of 16h00 planned (0%)"
wait_for "Left unfinished: 8 blocks, 16h00"
keys Tab
wait_for "2/6 Rotation"
wait_for "set      Mon 7 Dec: Healthcare"
wait_for "set      Thu 10 Dec: Retail"
keys Tab
wait_for "3/6 Layout"
wait_for "From: last week's blocks (2026-W49), fresh"
wait_for 'add      Tue 8 Dec 08:30-11:00 prospecting Manufacturing "Call list: plants"'
keys Tab
wait_for "4/6 Carry over"
# Last week's unfinished blocks are all planned again by the copied layout:
# offered, left out by default, so nothing is done twice.
wait_for 'skip     Mon 7 Dec 11:00-13:30 prospecting Healthcare "Call list: clinics"'
wait_for 'skip     Fri 11 Dec 08:00-09:00 other "Team meeting"'
keys G
wait_for "12 changes to 2026-W50, applied together as one change:"
wait_for "Rotation (4)"
wait_for "Layout (8)"
wait_gone "Carry over ("
keys Enter
wait_for "planned 2026-W50: 12 changes  (u undoes)"
wait_for "2026-W50 · 7 Dec – 11 Dec"
grep -q '"last_planned_week":	"2026-W50"' "$FOCUSWEEK_DATA/plan.json" ||
	fail "plan.json does not note that 2026-W50 was planned"
got=$(fw week --date 2026-12-07 | sed 's/ *2026W50-[0-9]*$//')
want='2026-W50 · 7 Dec – 11 Dec · one niche per day

Mon 7 Dec · Healthcare
  08:30–11:00  prospecting  Healthcare         Call list: clinics

Tue 8 Dec · Manufacturing
  08:30–11:00  prospecting  Manufacturing      Call list: plants
  14:00–16:00  account      Northwind Clinics  Quarterly review

Wed 9 Dec · Logistics
  08:30–11:00  prospecting  Logistics          Call list: carriers

Thu 10 Dec · Retail
  08:30–11:00  prospecting  Retail             Call list: stores
  14:00–15:30  account      Contoso Freight    Contract renewal

Fri 11 Dec · no niche
  09:00–10:30  admin        —                  Pipeline and CRM update
  16:00–17:00  other        —                  Team meeting  ✗ not for quota'
[ "$got" = "$want" ] || fail "the planned week is not as expected:
$got"
[ "$(fw check)" = ok ] || fail "focusweek check does not accept the planned week"
keys q
wait_for "EXITED:0"
