#!/usr/bin/env bash
# The week view at 120x40: add through the form (the quota question must be
# answered), move, resize, mark done, delete, undo and redo; each saved at once.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Will this help me make my sales quota?"
wait_for "Call list: plants"
# The cursor starts at now (Tue 09:15, on the plants block); go below it.
wait_for "Tue 1 Dec 08:30–11:00 · prospecting · Manufacturing"
keys j j
wait_for "Tue 1 Dec 11:30 · free · niche Manufacturing"
keys a
wait_for "Add a block · Tue 1 Dec"
type_text "Plant visits: Fürth"
keys Enter
wait_for "Press y or n"
keys y Enter
wait_for 'added "Plant visits: Fürth"'
grep -q '"title":	"Plant visits: Fürth"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "not saved"
# Move a slot later, lengthen, shorten.
keys J
wait_for "Tue 1 Dec 12:00–13:00 · prospecting"
keys +
wait_for "Tue 1 Dec 12:00–13:30 · prospecting"
keys -
wait_for "Tue 1 Dec 12:00–13:00 · prospecting"
grep -q '"start":	"12:00"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "move not saved"
# Done, then undo and redo.  A prospecting block's x opens the short
# outcome form, which warns that it has not started yet; Enter takes it.
keys x
wait_for "Done · Plant visits: Fürth"
wait_for "Tue 1 Dec 12:00–13:00 · 1h00 planned: it has not started yet"
keys Enter
wait_for "for quota: yes · done"
keys u
wait_for "for quota: yes · planned"
keys C-r
wait_for "for quota: yes · done"
# Delete, and undo the delete.
keys d
wait_for 'deleted "Plant visits: Fürth"'
wait_for "Tue 1 Dec 12:00 · free"
grep -q "Plant visits" "$FOCUSWEEK_DATA/weeks/2026-W49.json" && fail "delete not saved"
keys u
wait_for 'undone: deleted "Plant visits: Fürth"'
grep -q "Plant visits" "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "undo not saved"
# Edit the title through Enter.
keys Enter
wait_for "Edit the block · Tue 1 Dec"
keys C-u
type_text "Plant visits"
keys Enter
wait_for 'changed "Plant visits"'
fw week --date 2026-12-01 | grep -q "12:00–13:00  prospecting  Manufacturing      Plant visits" ||
	fail "the command line does not see the edit"
# Times: typing into a full field replaces it (not ignored), as typed.
keys Enter
wait_for "Start     12:00      End 13:00"
keys Tab
type_text "12:30 pm"
keys Tab
wait_for "Start     12:30 pm   End 13:00"
type_text "1:30pm"
keys Enter
wait_for 'moved "Plant visits" to 12:30'
fw week --date 2026-12-01 | grep -q "12:30–13:30  prospecting  Manufacturing      Plant visits" ||
	fail "the command line does not see the new times"
keys q
wait_for "EXITED:0"
