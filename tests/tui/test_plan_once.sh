#!/usr/bin/env bash
# The planning screen opens by itself once in a new week: not on the first
# run, not again after it was dismissed (plan.json notes the week), never in
# a read-only planner; P opens it any time, and Esc (or a change made by
# another program) leaves it changing nothing.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
planned_week() {
	sed -n 's/.*"last_planned_week":	"\(.*\)".*/\1/p' "$FOCUSWEEK_DATA/plan.json"
}
tui_session first
tui_start 100 30
wait_for "Call list: plants"
keys q
wait_for "EXITED:0"
# Again in the same week: the week view, straight away.
tui_session again
tui_start 100 30 FOCUSWEEK_NOW=2026-12-03T10:00
wait_for "Call list: plants"
wait_for "P plan"
keys q
wait_for "EXITED:0"
[ "$(planned_week)" = 2026-W49 ] || fail "last_planned_week is '$(planned_week)'"

# A new week: it opens by itself, and is noted at once.
tui_session monday
tui_start 100 30 FOCUSWEEK_NOW=2026-12-07T08:00
wait_for "1/6 Last week"
[ "$(planned_week)" = 2026-W50 ] || fail "the new week was not noted: '$(planned_week)'"
before=$(fw week --date 2026-12-07 --json)
# Through a few steps, then Esc: nothing changes.
keys Tab Tab
wait_for "3/6 Layout"
keys Escape
wait_for "planning left; nothing was changed (P plans again)"
wait_for "2026-W50 · 7 Dec – 11 Dec"
[ "$(fw week --date 2026-12-07 --json)" = "$before" ] || fail "Esc changed the week"
# P opens it again, on the first step; the help lists its keys.
keys P
wait_for "1/6 Last week"
keys '?'
wait_for "Planning"
wait_for "skip this step: it changes nothing"
keys Escape
wait_for "1/6 Last week"
# Another program changes the week: the planning, made from the old one,
# closes and changes nothing.
fw add --date 2026-12-09 --start 15:00 --end 16:00 --kind admin --title Outside >/dev/null ||
	fail "add"
wait_for "this week was changed by another program, so the planning closed; nothing was changed"
wait_for "Outside"
keys q
wait_for "EXITED:0"

# Dismissed: the next start in that week shows the week view.
tui_session later
tui_start 100 30 FOCUSWEEK_NOW=2026-12-08T09:00
wait_for "2026-W50 · 7 Dec – 11 Dec"
wait_for "P plan"
screen | grep -q "1/6 Last week" && fail "the planning opened twice in one week"
# A second planner, a week on, is read-only: it never opens the planning
# and notes nothing; P says why.
tui_session second
tui_start 100 30 FOCUSWEEK_NOW=2026-12-14T08:00
wait_for "[read-only]"
wait_for "2026-W51"
screen | grep -q "1/6 Last week" && fail "the planning opened in a read-only planner"
keys P
wait_for "read-only:"
[ "$(planned_week)" = 2026-W50 ] || fail "a read-only planner changed plan.json"
keys q
wait_for "EXITED:0"
tui_session later
keys q
wait_for "EXITED:0"
# The first planner gone, a start in W51 opens it.
tui_session w51
tui_start 100 30 FOCUSWEEK_NOW=2026-12-14T08:00
wait_for "1/6 Last week"
wait_for "Planning 2026-W51"
keys Escape
wait_for "planning left"
keys q
wait_for "EXITED:0"
[ "$(planned_week)" = 2026-W51 ] || fail "2026-W51 was not noted: '$(planned_week)'"
