#!/usr/bin/env bash
# Any size: 120x40, 80x24, 40x12 degrade step by step; a resize storm down to
# 1x1 and back leaves a working planner.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Tue 1 Dec"
wait_for "Call list: plants"
resize 80 24
wait_for "Tue 1 Dec"
wait_for "a add  Enter edit  d delete"
# Narrow: shorter day names, the week label gives way to the question.
resize 40 12
wait_for "Mo30   Tu1    We2"
wait_for "Will this help me make my sales quota?"
wait_gone "2026-W49"
resize 30 8
wait_for "Mo30 Tu1  We2"
wait_for "Will this help me"
resize 19 5
wait_for "Too small"
resize 30 5
wait_for "Too small: need 20x6"
for size in 10x3 1x1 2x2 5x1 1x5 200x60 3x3 60x20 1x1 7x7 120x40; do
	resize "${size%x*}" "${size#*x}"
done
wait_for "Tue 1 Dec"
wait_for "Call list: plants"
# Still responsive.
keys ]
wait_for "2026-W50"
pid=$(tui_pid)
[ -n "$pid" ] || fail "the planner died in the resize storm"
keys q
wait_for "EXITED:0"
