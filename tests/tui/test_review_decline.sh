#!/usr/bin/env bash
# The review's c shows what the carry-over would do before doing it; a
# block left out there is remembered (in the week carried into) and offered
# again neither by c nor by the planning (P, plan --carry-over).  The data
# is tests/data/review/month, seen on Fri 4 Dec 16:00 (see
# test_review_carry.sh): 2026W49-7 would go to Mon 7 Dec 08:00-10:30.
export FOCUSWEEK_NOW=2026-12-04T16:00
. "$(dirname "$0")/lib.sh" "$1"
cp -r "$(dirname "$0")/../data/review/month" "$FOCUSWEEK_DATA"
fw focus --date 2026-12-07 Healthcare >/dev/null || fail "fw focus failed"
tui_start 120 40
wait_for "Call list: clinics B"
keys r
wait_for "Unfinished 2 · 3h00 left ─"
keys c
wait_for '[x] add    Mon 7 Dec 08:00-10:30 prospecting Healthcare "Call list: clinics B"'
# Esc: nothing carried, nothing remembered.
keys Escape
wait_for "nothing carried"
fw week --date 2026-12-07 | grep -q "Call list: clinics B" && fail "Esc carried it"
[ -e "$FOCUSWEEK_DATA/weeks/2026-W50.json" ] && grep -q carry_declined "$FOCUSWEEK_DATA/weeks/2026-W50.json" &&
	fail "Esc remembered a decline"
# Left out with Space, then Enter: remembered, nothing carried.
keys c
wait_for "[x] add    Mon 7 Dec 08:00-10:30"
keys j Space
wait_for "[ ] skip   Mon 7 Dec 08:00-10:30"
keys Enter
wait_for "left the unfinished blocks out of 2026-W50 (not offered again)  (u undoes)"
fw week --date 2026-12-07 | grep -q "Call list: clinics B" && fail "carried though left out"
grep -q '"carry_declined"' "$FOCUSWEEK_DATA/weeks/2026-W50.json" || fail "the decline was not saved"
# c again: it is not offered (placed, not chosen), and says why.
keys c
wait_for "[ ] skip   Mon 7 Dec 08:00-10:30"
keys j
wait_for "left out before; not offered again"
keys Escape
# Neither does the planning, on the command line or the screen.
fw plan --week 2026-12-07 --carry-over --dry-run | grep -q 'skip    Mon 7 Dec 08:00-10:30 prospecting Healthcare "Call list: clinics B" (from 2026W49-7) - left out before; not offered again' ||
	fail "plan offers it again: $(fw plan --week 2026-12-07 --carry-over --dry-run)"
# Carried after all (Space again): the decline is taken off.
keys c
wait_for "[ ] skip   Mon 7 Dec 08:00-10:30"
keys j Space Enter
wait_for "carried 1 unfinished block into 2026-W50  (u undoes)"
grep -q '"carry_declined"' "$FOCUSWEEK_DATA/weeks/2026-W50.json" && fail "still declined"
fw week --date 2026-12-07 | grep -q "08:00–10:30  prospecting  Healthcare         Call list: clinics B" ||
	fail "not carried after all"
keys q
wait_for "EXITED:0"
