#!/usr/bin/env bash
# The planning screen at any size: the list scrolls to the selected item on
# a small terminal, a resize storm down to 1x1 leaves it working, and with
# LANG=C it draws ASCII only.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
fw week >/dev/null
tui_start 60 12 FOCUSWEEK_NOW=2026-12-07T08:00
wait_for "1/6 Last week"
keys Tab Tab
wait_for "3/6 Layout"
wait_for "add      Mon 7 Dec 08:30-11:00"
# Down to the last of eight blocks: the list follows.
keys j j j j j j j
wait_for "add      Fri 11 Dec 16:00-17:00"
wait_gone "Mon 7 Dec 08:30-11:00"
keys k k k k k k k
wait_for "add      Mon 7 Dec 08:30-11:00"
keys Tab
wait_for "4/6 Carry over"
for size in 40x8 20x6 10x3 1x1 2x2 5x1 1x5 200x60 3x3 30x4 1x1 120x30; do
	resize "${size%x*}" "${size#*x}"
done
wait_for "4/6 Carry over   Last week"
wait_for 'skip     Mon 7 Dec 11:00-13:30 prospecting Healthcare "Call list: clinics"'
# Still taking keys at a tiny size.
resize 12 3
wait_for "4/6 Carry"
keys Tab
wait_for "5/6 Account"
resize 80 24
wait_for "5/6 Account time"
[ -n "$(tui_pid)" ] || fail "the planner died in the resize storm"
keys Escape
wait_for "planning left"
keys q
wait_for "EXITED:0"

# ASCII only.
tui_session ascii
tui_start 100 30 LANG=C LC_ALL=C FOCUSWEEK_NOW=2026-12-07T08:00 -- --date 2026-12-07
wait_for "2026-W50 - 7 Dec - 11 Dec"
keys P
wait_for "Planning 2026-W50 - 7 Dec - 11 Dec"
wait_for "1/6 Last week   Last week - Rotation - Layout"
assert_ascii_screen
keys Tab
wait_for "2/6 Rotation"
wait_for "set      Mon 7 Dec: Healthcare"
assert_ascii_screen
keys G
wait_for "Summary"
assert_ascii_screen
keys q
wait_for "planning left"
keys q
wait_for "EXITED:0"
