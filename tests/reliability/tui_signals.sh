#!/usr/bin/env bash
# Signals that end the planner give the terminal back: after each, the
# pane is off the alternate screen, the cursor shows, the keypad and the
# mouse are no longer reported, and the terminal's modes (stty) are those it
# had before; the exit status is the signal's (128+N), so the default action
# (and its core dump) happened.  SIGTERM, SIGHUP and SIGINT end it cleanly;
# a signal ignored when it started stays ignored.
. "$(dirname "$0")/../tui/lib.sh" "$1"
sample_plan
# The sanitizers' own handlers would report these signals as crashes: the
# planner's handler is what is tested (it hands on to whatever was there).
export ASAN_OPTIONS="$ASAN_OPTIONS:handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0:handle_abort=0"
CASES=0

fw week >/dev/null || fail "first run"
BASE="$TUI_DIR/stty.base"

# The pane's state, as tmux sees it: alternate screen, cursor shown, keypad
# and mouse reporting.
pane_state() {
	tmux -S "$TUI_SOCK" display-message -p -t "$TUI_TARGET" \
		'alt=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag} mouse=#{mouse_any_flag}'
}

# Starts the planner in session $1 under a shell that notes the terminal's
# modes first and, after it, its exit status; $2 is a command run before
# (e.g. a trap).
start() {
	local name=$1 before=${2:-:}
	tui_session "$name"
	tmux -S "$TUI_SOCK" new-session -d -s "$name" -x 100 -y 30 \
		"ulimit -c 0; stty -g >'$BASE.$name'; $before; env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color '$FW_BIN'; echo EXITED:\$?; sleep 600" ||
		fail "tmux could not start $name"
	wait_for "Call list: plants"
	[ "$(pane_state)" = "alt=1 cursor=0 keypad=1 mouse=1" ] ||
		fail "$name: the planner's terminal is $(pane_state) (the test lost its point)"
}

# After the planner of session $1 ended ($2: why): the terminal is as it
# was.
restored() {
	local name=$1 what=$2 tty
	[ "$(pane_state)" = "alt=0 cursor=1 keypad=0 mouse=0" ] ||
		fail "$what: the terminal stays $(pane_state)"
	tty=$(tmux -S "$TUI_SOCK" display-message -p -t "$TUI_TARGET" '#{pane_tty}')
	[ "$(stty -g -F "$tty")" = "$(cat "$BASE.$name")" ] ||
		fail "$what: the terminal's modes are $(stty -F "$tty"), not those it had"
	tmux -S "$TUI_SOCK" kill-session -t "$name"
	CASES=$((CASES + 1))
}

# The first tmux server: a session that lives through the test.
tmux -S "$TUI_SOCK" -f /dev/null new-session -d -s keep -x 80 -y 24 "sleep 600" || fail "tmux"

# Fatal signals: the terminal back, then the signal's own end.
for sig in SEGV ABRT QUIT BUS FPE ILL SYS TRAP XCPU XFSZ ALRM USR1 USR2 VTALRM PROF IO PWR STKFLT; do
	num=$(kill -l "$sig") || fail "no signal $sig here"
	start "s$sig"
	kill -s "$sig" "$(tui_pid)"
	wait_for "EXITED:$((128 + num))"
	restored "s$sig" "SIG$sig"
done

# The signals the loop handles: a clean end.
for sig in TERM HUP INT; do
	start "s$sig"
	kill -s "$sig" "$(tui_pid)"
	wait_for "EXITED:0"
	restored "s$sig" "SIG$sig"
done

# Ignored at start (nohup, a background job): still ignored.
start ignored "trap '' USR1"
kill -s USR1 "$(tui_pid)"
keys q
wait_for "EXITED:0"
restored ignored "SIGUSR1 ignored at start"

echo "figure signal_restores $CASES"
exit 0
