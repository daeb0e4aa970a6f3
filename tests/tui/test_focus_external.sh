#!/usr/bin/env bash
# The command line and the planner see each other's timer: a count, a start
# and a stop from another shell show at once (the folder is watched, the
# planner does not poll); starting on another block asks before it switches.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Call list: plants"
# Started from the command line: the week's bottom line shows it.
fw timer start >/dev/null || fail "fw timer start failed"
wait_for 'another program started the timer on "Call list: plants"'
wait_for "▶ Manufacturing · 1h45 left"
keys f
wait_for "1h45 left · ▶ running"
# Counted from the command line while the focus screen is open.
fw count calls 4 >/dev/null || fail "fw count failed"
wait_for "4 calls  ·  0 conversations  ·  0 meetings booked"
wait_for "the timer was changed by another program"
fw interrupt "boss walked in" >/dev/null
wait_for "1 interruption · last 09:15: boss walked in"
# And the planner's own counts add to them.
keys c
wait_for "5 calls  ·  0 conversations"
fw timer status --format '%c' | grep -qx 5 || fail "the planner's count was lost"
# Starting on another block asks first; n keeps the running one.
keys f
wait_for "▶ Manufacturing · 1h45 left · 5 calls"
keys l
wait_for "Wed 2 Dec 08:30–11:00 · prospecting · Logistics"
keys s
wait_for 'Switch the timer to "Call list: carriers"? "Call list: plants" is abandoned (its log kept).'
keys n
wait_gone "Switch the timer"
fw timer status | grep -q "Call list: plants" || fail "n switched"
keys s
wait_for 'Switch the timer to "Call list: carriers"?'
keys y
wait_for 'abandoned the timer on 2026W49-2 "Call list: plants" after 0 min worked; its log is kept'
wait_for "L O G I S T I C S"
fw timer status | grep -q "Call list: carriers" || fail "not switched"
grep -q '"end":	"abandoned"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "the log was not kept"
# A second planner is read-only: it shows the timer, and refuses to change it.
tui_session second
tui_start 100 30
wait_for "[read-only]"
wait_for "▶ Logistics · 2h30 left"
keys f
wait_for "L O G I S T I C S"
keys c
wait_for "read-only: another focusweek (pid"
fw timer status --format '%c' | grep -qx 0 || fail "a read-only planner counted"
keys q
wait_for "EXITED:0"
tui_session main
# Stopped from the command line: back to the week, which shows it done.
fw timer stop --done >/dev/null || fail "fw timer stop failed"
wait_for "the timer was stopped by another program"
wait_for "✓ Call list: carriers"
keys q
wait_for "EXITED:0"
