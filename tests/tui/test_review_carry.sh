#!/usr/bin/env bash
# The review's carry-over: the week's unfinished blocks go into next week
# through the planning's carry-over (its placement rules), as one change
# that u undoes.  The data is tests/data/review/month, seen on Fri 4 Dec
# 16:00; next week (W50) gets Healthcare on Monday first.
#
# The Unfinished list and the carry-over are the same blocks: 2026W49-3
# (done, cut short: 150 - 130 min tracked = 20 min left, one 30-min slot)
# and 2026W49-7 (Thu, Healthcare, planned, 2h30): "Unfinished 2 · 3h00
# left".  2026W49-7 goes to the first free 2h30 of Healthcare's day, Mon 7
# Dec 08:00-10:30; 2026W49-3 finds no Manufacturing day, and its row says
# so.  The skipped 2026W49-4 is dropped: listed apart, never carried.
# 2026W49-11 (Fri 16:00-17:00) is still to come: in neither.
export FOCUSWEEK_NOW=2026-12-04T16:00
. "$(dirname "$0")/lib.sh" "$1"
cp -r "$(dirname "$0")/../data/review/month" "$FOCUSWEEK_DATA"
fw focus --date 2026-12-07 Healthcare >/dev/null || fail "fw focus failed"
tui_start 120 40
wait_for "Call list: clinics B"
keys r
wait_for "Unfinished 2 · 3h00 left ─"
wait_for 'Tue 1 Dec  08:30–11:00 Plant managers "A" li… 30 min left'
wait_for "Thu 3 Dec  08:30–11:00 Call list: clinics B   2h30 left"
wait_for "Dropped 1 · skipped, not carried"
# c shows where each would go first; Enter carries what is chosen.
keys c
wait_for "Carry into 2026-W50"
wait_for '[x] add    Mon 7 Dec 08:00-10:30 prospecting Healthcare "Call list: clinics B" (from 2026W49-7)'
wait_for "can't  Tue 1 Dec 08:30-09:00 prospecting Manufacturing"
wait_for "Manufacturing has no day this week"
keys j
wait_gone "Manufacturing has no day this week"
keys Enter
wait_for "carried 1 unfinished block into 2026-W50  (u undoes)"
wait_for "Unfinished 2 · 3h00 left · 1 carried into 2026-W50"
wait_for "1 block carried into 2026-W50"
# Each row says what became of it: carried to Monday 08:00, or not carried
# and why (in the 58 columns of a panel at 120x40).
wait_for "Thu 3 Dec  08:30–11:00 Call list: clinics B   → Mon 08:00"
wait_for 'Tue 1 Dec  08:30–11:00 Plant managers "A" li… not carried'
wait_for "           Manufacturing has no day this week"
screen | grep -q "still to come, left" && fail "a note about blocks the list does not show"
# Saved: the command line sees the carried block in next week, and only it.
week50=$(fw week --date 2026-12-07)
echo "$week50" | grep -q "08:00–10:30  prospecting  Healthcare         Call list: clinics B" ||
	fail "the carried block is not in 2026-W50"
echo "$week50" | grep -q "Team meeting\|LinkedIn outreach" &&
	fail "a block still to come or dropped was carried"
# Carrying again adds nothing: it was carried before.
keys c
wait_for "exists Mon 7 Dec 08:00-10:30 prospecting Healthcare"
keys Enter
wait_for "nothing to carry into 2026-W50"
wait_for "0 blocks carried into 2026-W50"
wait_for "  1 carried there before"
wait_for 'Tue 1 Dec  08:30–11:00 Plant managers "A" li… not carried'
# Back in the week view, u undoes the carry-over.
keys Escape
wait_for "2026-W49 · 30 Nov – 4 Dec · Will this help me make my sales quota?"
keys u
wait_for "undone: carried 1 unfinished block into 2026-W50"
# Undo shows the week it changed: W50, without the block.
wait_for "2026-W50 · 7 Dec – 11 Dec"
wait_gone "Call list: clinics B"
fw week --date 2026-12-07 | grep -q "Call list: clinics B" && fail "the undo left the block in 2026-W50"
# The review of W49 sees it: nothing carried any more; redo in the review
# puts it back.
keys [
wait_for "Call list: clinics B"
keys r
wait_for "Unfinished 2 · 3h00 left ─"
keys C-r
wait_for "redone: carried 1 unfinished block into 2026-W50"
wait_for "Unfinished 2 · 3h00 left · 1 carried into 2026-W50"
fw week --date 2026-12-07 | grep -q "Call list: clinics B" || fail "redo did not carry it again"
keys q
wait_for "EXITED:0"
