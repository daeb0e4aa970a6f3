#!/usr/bin/env bash
# Real meetings and all-day events from a calendar: shown distinctly (a
# banner row; meetings beside the planned blocks they overlap), and not
# editable in the planner.
. "$(dirname "$0")/lib.sh" "$1"
export FOCUSWEEK_NOW=2026-03-24T09:15
sample_plan
fw import --ics "$(dirname "$0")/../data/ics/google.ics" --week 2026-03-24 >/dev/null ||
	fail "import"
tui_start 140 40
wait_for "★ Trade fair"
# Thursday 14:00: the planned block and the meeting share the column; the
# block is marked with the meeting over it.
wait_for "⚠ Contract"
wait_for "Call with Zo"
# On the meeting (Wednesday 14:00): details say so; editing is refused.
keys l G k k k k k k
wait_for "Wed 25 Mar 14:00–15:00 · meeting"
keys Enter
wait_for "is a meeting from your calendar: change it there"
keys d
wait_for "is a meeting from your calendar: change it there"
fw week --date 2026-03-25 | grep -q "Kick-off with the Boston team" || fail "the meeting was deleted"
keys q
wait_for "EXITED:0"
