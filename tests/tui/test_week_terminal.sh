#!/usr/bin/env bash
# Terminals that cannot run the planner get a clear message and exit 1;
# LANG=C draws ASCII only; NO_COLOR keeps industries apart by letter;
# SIGTERM and SIGHUP exit cleanly.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_session dumb
tui_start 80 24 TERM=dumb
wait_for "cannot move the cursor"
wait_for "EXITED:1"
tui_session unknown
tui_start 80 24 TERM=no-such-terminal
wait_for "TERM=no-such-terminal is not a terminal type this system knows"
wait_for "EXITED:1"
tui_session unset
tui_start 80 24 TERM=
wait_for "TERM is not set"
wait_for "EXITED:1"
# Not a terminal: stdin from /dev/null.
tmux -S "$TUI_SOCK" new-session -d -s notty -x 80 -y 24 \
	"$FW_BIN < /dev/null; echo EXITED:\$?; sleep 600"
tui_session notty
wait_for "the planner needs a terminal"
wait_for "EXITED:1"
# LANG=C: the same screen, in ASCII.
tui_session ascii
tui_start 100 30 LANG=C LC_ALL=C
wait_for "2026-W49 - 30 Nov - 4 Dec - Will this help me make my sales quota?"
wait_for "08:30-11:00"
assert_ascii_screen
keys q
wait_for "EXITED:0"
# NO_COLOR: industries carry their letter.
tui_session nocolor
tui_start 100 30 NO_COLOR=1
wait_for "A:Healthcare"
wait_for "B:Manufacturing"
keys q
wait_for "EXITED:0"
# SIGTERM: the planner leaves cleanly.
tui_session term
tui_start 100 30
wait_for "Call list: plants"
pid=$(tui_pid)
[ -n "$pid" ] || fail "no pid"
kill -TERM "$pid"
wait_for "EXITED:0"
# SIGHUP (the terminal went away): saves and exits, never spins.
tui_session hup
tui_start 100 30
wait_for "Call list: plants"
pid=$(tui_pid)
kill -HUP "$pid"
wait_for "EXITED:0"
