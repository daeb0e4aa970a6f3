#!/usr/bin/env bash
# The mouse: a click selects a slot or a block; the wheel scrolls the hours.
# Mouse reports are typed into the pane as xterm SGR sequences (1-based
# column;row), as a terminal sends them.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
click() {
	type_text $'\e[<0;'"$1;$2"'M'
	type_text $'\e[<0;'"$1;$2"'m'
}
wheel() {
	type_text $'\e[<'"$1;10;10"'M'
}
tui_start 120 24
wait_for "Call list: plants"
wait_for "Tue 1 Dec 08:30–11:00 · prospecting · Manufacturing"
# Thursday's column is 0-based 75-97 (days 23 columns wide, the last 22).
# At 24 rows the hours scroll: row 4 shows 08:30, row 9 11:00.
screen | sed -n 4p | grep -q "^08:30" || fail "the first slot row moved"
screen | sed -n 9p | grep -q "^11:00" || fail "the 11:00 row moved"
click 80 9
wait_for "Thu 3 Dec 11:00 · free · niche Retail"
click 80 4
wait_for "Thu 3 Dec 08:30–11:00 · prospecting · Retail"
# A click, a right click and a middle click leave the planner awake: a
# change made meanwhile on the command line shows with no key pressed.
type_text $'\e[<2;80;9M'
type_text $'\e[<2;80;9m'
type_text $'\e[<1;80;9M'
type_text $'\e[<1;80;9m'
fw industry rename Retail "Retail banks" >/dev/null || fail "rename failed"
wait_for "Thu 3 Dec 08:30–11:00 · prospecting · Retail banks"
# The wheel, on a short terminal: down shows the late afternoon, up the
# morning again.
resize 120 14
wait_gone "14:00"
wheel 65
wheel 65
wheel 65
wheel 65
wait_for "17:00"
wait_gone "08:30 Call list"
wheel 64
wheel 64
wheel 64
wheel 64
wait_for "08:00 ·"
keys q
wait_for "EXITED:0"
