# lib.sh - shared by the tests of what reaches the user while the planner is
# closed (focusweek remind, timer status --watch, completions, the package);
# sourced, never run.
#
#   . "$(dirname "$0")/lib.sh" "$1"      # $1: the focusweek binary
#
# Each test has its own HOME and data folder (the sample plan, slots of
# 15 minutes, remind.before 1), a zone, a UTF-8 locale, no display and no
# tmux.  remind.command is $TMP/notify.sh, which notes the time it ran
# (first thing), every FOCUSWEEK_* variable it got, and a line in
# $OUT/log.  The program under test runs with a clock pinned a few
# seconds before a due moment and running on from there (FOCUSWEEK_NOW=T+).
# Nothing sleeps a fixed time: every wait polls for what should happen,
# within a deadline that FOCUSWEEK_TEST_SCALE stretches (sanitizer builds).
set -u
FW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d /tmp/fwremind-XXXXXX)
OUT="$TMP/out"
DEADLINE=$((10 * ${FOCUSWEEK_TEST_SCALE:-1}))
PIDS=()
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
export XDG_CONFIG_HOME="$TMP/home/.config" TMPDIR="$TMP" OUT
export FOCUSWEEK_DATA="$TMP/data" TZ=Europe/Berlin LANG=C.UTF-8 LC_ALL=C.UTF-8
export FOCUSWEEK_NOW=2026-12-01T10:00
unset DISPLAY WAYLAND_DISPLAY TMUX TMUX_PANE NO_COLOR
mkdir -p "$HOME" "$OUT"
cd "$TMP" || exit 1

remind_cleanup() {
	local rc=$? p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	if grep -qs 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' "$TMP"/*.log; then
		echo "FAIL: sanitizer reports:" >&2
		cat "$TMP"/*.log >&2
		rc=1
	fi
	rm -rf "$TMP"
	exit $rc
}
trap remind_cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	[ -f "$TMP/remind.log" ] && { echo "---- remind.log" >&2; cat "$TMP/remind.log" >&2; }
	exit 1
}

skip() {
	echo "SKIP: $*"
	exit 77
}

figure() {
	echo "figure $1 $2"
}

fw() {
	"$FW" "$@"
}

fw_ok() {
	"$FW" "$@" >/dev/null || fail "focusweek $* failed"
}

cat > "$TMP/notify.sh" <<'SH'
#!/bin/sh
at=$(date +%s.%N)
f="$OUT/$FOCUSWEEK_EVENT.$FOCUSWEEK_ID"
env | grep '^FOCUSWEEK_' | grep -v '^FOCUSWEEK_\(NOW\|TEST_SCALE\)=' | LC_ALL=C sort > "$f.env.tmp"
mv "$f.env.tmp" "$f.env"
echo "$at" > "$f.at.tmp" && mv "$f.at.tmp" "$f.at"
echo "$FOCUSWEEK_EVENT $FOCUSWEEK_ID" >> "$OUT/log"
SH
chmod +x "$TMP/notify.sh"
fw_ok init --sample
fw_ok settings set day.slot 15
fw_ok settings set remind.before 1
fw_ok settings set remind.command "$TMP/notify.sh"

# Polls until `test $1 FILE` holds, or fails after the deadline.
wait_until() {
	local end=$(($(date +%s) + DEADLINE))
	while ! test "$1" "$2"; do
		[ "$(date +%s)" -ge "$end" ] && fail "${3:-$2} did not come within ${DEADLINE}s"
		sleep 0.01
	done
}

# Starts `focusweek remind --foreground` with the clock at $1 running on;
# RPID is its pid, T_LAUNCH the wall clock just before it started.
start_remind() {
	local now=$1
	shift
	T_LAUNCH=$(date +%s.%N)
	FOCUSWEEK_NOW="$now+" "$FW" remind --foreground "$@" >>"$TMP/remind.log" 2>&1 &
	RPID=$!
	PIDS+=("$RPID")
}

stop_remind() {
	kill -TERM "$RPID" || fail "remind (pid $RPID) was not running"
	wait "$RPID"
	local rc=$?
	[ "$rc" -eq 0 ] || fail "remind ended with $rc after SIGTERM"
}

# The system call a process waits in: "poll -1" when it waits on its
# descriptors with no timeout (x86_64 numbers), else what /proc says.
waiting_in() {
	local s
	s=$(cat "/proc/$1/syscall" 2>/dev/null) || return 1
	set -- $s
	case "$1:${4:-}" in
	7:0xffffffff | 7:0xffffffffffffffff) echo "poll -1" ;; # poll(fds, n, -1)
	271:0x0) echo "poll -1" ;;               # ppoll(fds, n, NULL, ...)
	*) echo "$s" ;;
	esac
}

# Until process $1 is asleep in that wait.
asleep() {
	local end=$(($(date +%s) + DEADLINE))
	[ "$(uname -m)" = x86_64 ] || skip "the system call numbers read here are x86_64's"
	until [ "$(waiting_in "$1")" = "poll -1" ]; do
		kill -0 "$1" 2>/dev/null || fail "remind (pid $1) ended"
		[ "$(date +%s)" -ge "$end" ] && fail "remind never slept in poll (in: $(waiting_in "$1"))"
		sleep 0.01
	done
}

# The timerfd of process $1: "SECONDS FLAGS" until it expires.
timer_of() {
	local fd info
	for fd in /proc/"$1"/fd/*; do
		[ "$(readlink "$fd")" = "anon_inode:[timerfd]" ] || continue
		info=/proc/$1/fdinfo/${fd##*/}
		awk '/^settime flags:/ { f = $3 } /^it_value:/ { gsub(/[(),]/, " "); s = $2 }
		     END { print s, f }' "$info"
		return 0
	done
	return 1
}

# Voluntary and involuntary context switches of process $1.
switches() {
	awk '/ctxt_switches/ { n += $2 } END { print n }' "/proc/$1/status"
}

# Milliseconds from $2 + $3 seconds to $1 seconds.
ms_between() {
	awk -v a="$1" -v b="$2" -v c="${3:-0}" 'BEGIN { printf "%d", (a - b - c) * 1000 }'
}
