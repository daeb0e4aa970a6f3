#!/usr/bin/env bash
# The timer outlives the planner: quit mid-block (and kill -9), relaunch
# later and find it running with the right remaining time, computed from
# the stored start and pauses; a clock that reads earlier than the last
# change shows "clock moved back", never a negative time.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 100 30
wait_for "Call list: plants"
keys s
wait_for "1h45 left · ▶ running"
keys c c
wait_for "2 calls  ·  0 conversations"
keys q
wait_for "EXITED:0"
# Half an hour later: 1h15 left, in the week's bottom line and on the
# focus screen; the counts are there.
tui_session later
tui_start 100 30 FOCUSWEEK_NOW=2026-12-01T09:45
wait_for "▶ Manufacturing · 1h15 left · 2 calls"
keys f
wait_for "1h15 left · ▶ running · 30 min worked of 1h45"
wait_for "2 calls  ·  0 conversations  ·  0 meetings booked"
# Paused at 09:45 and killed: the pause is on disk.
keys Space
wait_for "⏸ paused for 0 min"
pid=$(tui_pid)
[ -n "$pid" ] || fail "no pid"
kill -9 "$pid"
wait_for "EXITED:137"
# At 10:00, still paused with 1h15 left; resumed, the time runs again.
tui_session restart
tui_start 100 30 FOCUSWEEK_NOW=2026-12-01T10:00
wait_for "⏸ Manufacturing · 1h15 left"
keys f
wait_for "1h15 left · ⏸ paused for 15 min · 30 min worked of 1h45"
wait_for "planned end 11:15 if resumed now"
keys Space
wait_for "resumed"
wait_for "1h15 left · ▶ running"
keys q
wait_for "EXITED:0"
# At 10:10 the wall clock is the only source: 1h05 left.
tui_session running
tui_start 100 30 FOCUSWEEK_NOW=2026-12-01T10:10
keys f
wait_for "1h05 left · ▶ running · 40 min worked of 1h45"
wait_for "planned end 11:15"
keys q
wait_for "EXITED:0"
# The clock reads 09:00, before the last change (10:00): held, not negative.
tui_session back
tui_start 100 30 FOCUSWEEK_NOW=2026-12-01T09:00
wait_for "▶ Manufacturing · clock moved back"
keys f
wait_for "1h15 left · clock moved back: held at the last change"
keys q
wait_for "EXITED:0"
fw timer status | grep -q "clock moved back" || fail "the command line disagrees"
