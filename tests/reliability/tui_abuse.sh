#!/usr/bin/env bash
# Terminal abuse: user text of every script in titles, input floods, the
# terminal closed under the planner, and hostile text that never reaches the
# terminal raw.
. "$(dirname "$0")/../tui/lib.sh" "$1"
sample_plan

# Titles in emoji, combining marks, right-to-left and CJK text, added from
# the command line, drawn cut to the column without breaking the grid.
fw week >/dev/null || fail "first run"
fw add --date 2026-12-04 --start 11:00 --end 12:00 --kind admin \
	--title 'Follow-ups 📞👩🏽‍💼 done' >/dev/null || fail "emoji title"
fw add --date 2026-12-04 --start 12:00 --end 13:00 --kind admin \
	--title $'Cafe\u0301 Zoe\u0308 Mu\u0308ller' >/dev/null || fail "combining title"
fw add --date 2026-12-04 --start 13:00 --end 14:00 --kind admin \
	--title 'שיחת מכירה עם לקוח' >/dev/null || fail "right-to-left title"
fw add --date 2026-12-04 --start 14:00 --end 15:00 --kind admin \
	--title '第二回 商談の準備' >/dev/null || fail "CJK title"
# Escape sequences and bidi overrides are refused at the door, with a message
# that carries no raw control byte.
out=$(fw add --date 2026-12-04 --start 15:00 --end 16:00 --kind admin \
	--title $'\e]2;owned\a\e[2J' 2>&1)
printf '%s' "$out" | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' && fail "raw control bytes on stderr"
printf '%s' "$out" | grep -q "control character" || fail "no message for an escape sequence"
fw add --date 2026-12-04 --start 15:00 --end 16:00 --kind admin \
	--title $'left\u202eright' >/dev/null 2>&1 && fail "a bidi override was accepted"
tui_start 120 40
wait_for "Call list: plants"
keys l l l
wait_for "Fri 4 Dec"
wait_for "Follow-ups 📞"
wait_for "שיחת מכירה"
wait_for "第二回"
wait_for $'Cafe\u0301 Zoe\u0308'
# The grid stays whole: wide and combining characters keep the columns.
screen | grep -q "^17:00 ·" || fail "the ruler lost its place"
# A hostile week file: refused, the reason shown, no raw byte on screen.
printf '{"schema":1,"week":"2026-W50","focus":"day","midday":"12:00","next_seq":2,"blocks":[{"id":"2026W50-1","date":"2026-12-07","start":"09:00","end":"10:00","kind":"admin","title":"\e[31mred\e[0m","quota":true,"status":"planned"}]}\n' \
	>"$FOCUSWEEK_DATA/weeks/2026-W50.json"
keys ]
wait_for "control character inside a string"
wait_for "[read-only]"
screen_sgr | grep -q '31mred' && fail "a title's escape sequence reached the terminal"
keys [
wait_for "2026-W49"
# An input flood: 960 keys at once, then it still answers.
for i in $(seq 40); do
	keys j j j j j k k k k k l h l h w w J K x x '+' '-' u C-r
done
# x on a block opens its outcome form (or asks first, for a block still to
# come): the flood may end inside one; Esc closes it, changing nothing.
for i in 1 2 3; do
	wait_for "2026-W"
	if screen | grep -q "Esc cancel"; then
		keys Escape
		wait_gone "Esc cancel"
	elif screen | grep -q "n / Esc no"; then
		keys Escape
		wait_gone "n / Esc no"
	fi
done
keys t
wait_for "Tue 1 Dec"
keys '?'
wait_for "Keys  (? or Esc closes"
keys Escape
wait_gone "Keys  (? or Esc closes"
fw check >/dev/null 2>&1 && fail "check should report the hostile week file"
fw week --date 2026-12-01 | grep -q "Call list: plants" || fail "the flood lost the plan"
# The terminal closed under the planner: it exits, it does not spin.
pid=$(tui_pid)
[ -n "$pid" ] || fail "no planner"
tmux -S "$TUI_SOCK" kill-session -t main
deadline=$((SECONDS + 10))
while kill -0 "$pid" 2>/dev/null; do
	[ $SECONDS -le $deadline ] || fail "the planner is still running after its terminal closed"
	sleep 0.05
done
exit 0
