#!/usr/bin/env bash
# Another program changes the plan: the view reloads within a moment and
# keeps its cursor; a second planner opens read-only and says so.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Call list: plants"
# A command-line write while the planner runs.
id=$(fw add --date 2026-12-02 --start 13:00 --end 14:00 --kind prospecting --title 'Depot calls') ||
	fail "fw add failed"
wait_for "this week was changed by another program; reloaded"
wait_for "Depot calls"
wait_for "Tue 1 Dec 08:30–11:00 · prospecting · Manufacturing"
# The planner's own edits still save (it read the new version).
keys x
wait_for "Done · Call list: plants"
keys Enter
wait_for 'marked done'
fw week --date 2026-12-01 | grep -q "Call list: plants  ✓ done" || fail "edit after reload lost"
fw week --date 2026-12-01 | grep -q "Depot calls" || fail "the command line's block was lost"
# Undo across an outside change: refused, the outside change kept.
fw edit 2026W49-2 --title 'Plants, renamed outside' >/dev/null || fail "fw edit failed"
wait_for "Plants, renamed out"
keys u
wait_for "cannot undo"
fw week --date 2026-12-01 | grep -q "Plants, renamed outside" || fail "undo clobbered an outside change"
# A second planner on the same data: read-only, and it says so.
tui_session second
tui_start 100 30
wait_for "[read-only]"
keys a
wait_for "read-only: another focusweek (pid"
keys q
wait_for "EXITED:0"
tui_session main
keys q
wait_for "EXITED:0"
