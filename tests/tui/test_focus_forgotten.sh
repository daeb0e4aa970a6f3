#!/usr/bin/env bash
# A timer left running over the weekend: the planner's first look at it
# asks when the work stopped; the answer finishes the block from then
# (worked 40 min, not 63 hours), through the outcome form.  Esc leaves it
# running, and x asks again.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
FOCUSWEEK_NOW=2026-12-04T15:00 fw add --date 2026-12-04 --start 17:00 --end 18:00 \
	--kind admin --title 'CRM cleanup' >/dev/null || fail "add"
FOCUSWEEK_NOW=2026-12-04T17:00 fw timer start 2026W49-9 >/dev/null || fail "start"
FOCUSWEEK_NOW=2026-12-04T17:20 fw count calls 2 >/dev/null || fail "count"
# Monday: the planning screen comes first (a new week); Esc leaves it.
tui_start 120 40 FOCUSWEEK_NOW=2026-12-07T08:00
wait_for "Planning 2026-W50"
keys Escape
wait_for "The timer was left running"
wait_for 'the timer on 2026W49-9 "CRM cleanup" has run untouched since Fri 4'
wait_for "Stopped at   18:00"
keys Escape
wait_for "the timer runs on, counting it all; x asks again"
keys f
wait_for "CRM cleanup · admin"
keys x
wait_for "The timer was left running"
# A time before its last change is refused, saying so; then 17:40.
type_text "17:10"
keys Enter
wait_for "the work stopped between the timer's last change (Fri 4 Dec 17:20)"
keys C-u
type_text "17:40"
keys Enter
wait_for "Worked 40 min of 1h00 · 0 interruptions, stopped at 17:40"
wait_for "Minutes        40"
wait_for "Result         ◂ cut short ▸"
keys Enter
wait_for 'finished "CRM cleanup": cut-short · 2 calls, 0 conv, 0 mtg, 0 sold · 40 min worked'
[ -z "$(fw timer status)" ] || fail "the timer still runs"
FOCUSWEEK_NOW=2026-12-07T08:00 fw review --week 2026-W49 | grep -q "time on the timer: 40 min" ||
	fail "the timer's time: $(fw review --week 2026-W49 | grep timer)"
keys q
wait_for "EXITED:0"
