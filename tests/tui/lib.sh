# lib.sh - terminal tests: the real program in a detached tmux session.
#
#   . "$(dirname "$0")/lib.sh" "$1"     # $1: the focusweek binary
#   tui_start 120 40 [VAR=value ...] -- [focusweek args]
#   wait_for "text"        # polls capture-pane until the text shows (or fails)
#   keys j j a             # tmux send-keys
#   wait_gone "text"; screen; resize W H; fw ARGS (the command line, same data)
#   sample_plan            # the sample plan, before tui_start
#
# Each test has its own tmux server, HOME and data folder, a pinned clock
# (FOCUSWEEK_NOW) and zone, and is cleaned up on exit.  Nothing sleeps a
# fixed time: every wait polls for what the screen should show.
set -u
FW_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TUI_DIR=$(mktemp -d /tmp/fwtui-XXXXXX)
TUI_SOCK="$TUI_DIR/tmux.sock"
# Deadlines scale with the build: a sanitizer build runs 3-5x slower.
FW_SLOW=1
grep -qa '__asan_init' "$FW_BIN" && FW_SLOW=5
TUI_TIMEOUT=${TUI_TIMEOUT:-$((10 * FW_SLOW))}
export HOME="$TUI_DIR/home" XDG_DATA_HOME="$TUI_DIR/home/.local/share"
export XDG_CONFIG_HOME="$TUI_DIR/home/.config" TMPDIR="$TUI_DIR"
export FOCUSWEEK_DATA="$TUI_DIR/data" TZ=Europe/Berlin
export FOCUSWEEK_NOW=${FOCUSWEEK_NOW:-2026-12-01T09:15}
unset NO_COLOR
mkdir -p "$HOME"
# Under the sanitizers, reports go to files that the clean-up checks.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$TUI_DIR/sanitizer"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lsan.supp"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$TUI_DIR/sanitizer:print_stacktrace=1"

tui_cleanup() {
	local rc=$?
	tmux -S "$TUI_SOCK" kill-server 2>/dev/null
	if grep -qs 'ERROR\|runtime error' "$TUI_DIR"/sanitizer.*; then
		echo "FAIL: sanitizer reports:" >&2
		cat "$TUI_DIR"/sanitizer.* >&2
		rc=1
	fi
	rm -rf "$TUI_DIR"
	exit $rc
}
trap tui_cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	echo "---- screen ----" >&2
	screen >&2
	echo "----------------" >&2
	exit 1
}

TUI_TARGET=main

# Later calls act on session NAME (tui_start makes it if new).
tui_session() {
	TUI_TARGET=$1
}

# The sample plan in the data folder, as `focusweek init --sample` makes it:
# the starting point of most tests.
sample_plan() {
	"$FW_BIN" init --sample >/dev/null 2>&1 || fail "init --sample failed"
}

# tui_start COLS ROWS [VAR=value ...] [-- args]
tui_start() {
	local cols=$1 rows=$2 envs=() args=()
	shift 2
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	args=("$@")
	local cmd="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
	[ ${#envs[@]} -gt 0 ] && cmd+=" $(printf '%q ' "${envs[@]}")"
	cmd+=" $(printf '%q ' "$FW_BIN" "${args[@]}"); rc=\$?; echo; echo \"EXITED:\$rc\"; sleep 600"
	# -f only when starting the server.  (Do not set window-size manual: with
	# it, a second new-session -x -y makes tmux 3.3a's server exit.)
	if [ -z "${TUI_SERVER:-}" ]; then
		tmux -S "$TUI_SOCK" -f /dev/null new-session -d -s "$TUI_TARGET" -x "$cols" -y "$rows" \
			"$cmd" || fail "tmux could not start"
		TUI_SERVER=1
	else
		tmux -S "$TUI_SOCK" new-session -d -s "$TUI_TARGET" -x "$cols" -y "$rows" "$cmd" ||
			fail "tmux could not start session $TUI_TARGET"
	fi
}

screen() {
	tmux -S "$TUI_SOCK" capture-pane -p -t "$TUI_TARGET" 2>/dev/null
}

wait_for() {
	local text=$1 deadline=$((SECONDS + TUI_TIMEOUT))
	while [ $SECONDS -le $deadline ]; do
		screen | grep -qF -- "$text" && return 0
		sleep 0.02
	done
	fail "timed out waiting for: $text"
}

wait_gone() {
	local text=$1 deadline=$((SECONDS + TUI_TIMEOUT))
	while [ $SECONDS -le $deadline ]; do
		screen | grep -qF -- "$text" || return 0
		sleep 0.02
	done
	fail "timed out waiting for this to go: $text"
}

# Waits until the screen differs from what it is now (a clock that ticks).
wait_change() {
	local before deadline=$((SECONDS + TUI_TIMEOUT))
	before=$(screen)
	while [ $SECONDS -le $deadline ]; do
		[ "$(screen)" != "$before" ] && return 0
		sleep 0.02
	done
	fail "timed out waiting for the screen to change"
}

keys() {
	tmux -S "$TUI_SOCK" send-keys -t "$TUI_TARGET" "$@"
}

# Literal text, typed as is.
type_text() {
	tmux -S "$TUI_SOCK" send-keys -t "$TUI_TARGET" -l -- "$1"
}

resize() {
	tmux -S "$TUI_SOCK" resize-window -t "$TUI_TARGET" -x "$1" -y "$2"
}

fw() {
	"$FW_BIN" "$@"
}

# The pid of the program in the current session (a child of the pane's shell).
tui_pid() {
	local shell
	shell=$(tmux -S "$TUI_SOCK" display-message -p -t "$TUI_TARGET" '#{pane_pid}')
	pgrep -P "$shell" -f "$FW_BIN" | head -n 1
}

# Fails unless every byte on the screen is ASCII.
assert_ascii_screen() {
	if screen | LC_ALL=C grep -q '[^ -~]'; then
		fail "non-ASCII bytes on the screen"
	fi
}

# The screen with its colours and attributes, as SGR escapes.
screen_sgr() {
	tmux -S "$TUI_SOCK" capture-pane -p -e -t "$TUI_TARGET" 2>/dev/null
}
