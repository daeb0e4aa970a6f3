#!/usr/bin/env bash
# What a command prints, when it cannot be written, and --version.
#
#   cli_output.sh path/to/focusweek
#
# - A write command whose change was saved exits 0 even when its output is
#   lost (stdout closed, a full disk, a closed pipe), saying so on stderr
#   when there was something to say: a script that retries on failure
#   would otherwise make the change twice, or be refused.
# - A read command fails (exit 1) when its output cannot be written, and
#   ends quietly by SIGPIPE on a closed pipe, as before.
# - Closed standard streams never become a data file's descriptor: nothing
#   printed lands in the data folder.
# - --version names ncurses, cJSON and libical as this machine has them,
#   without loading libical.
source "$(dirname "$0")/lib.sh"
rel_init "$@"
DATA="$TMP/data"
CASES=0
need python3 pkg-config

case_done() {
	CASES=$((CASES + 1))
	pass "$1"
}

# Runs focusweek on $DATA with stdout as $1 (closed, full, pipe: a pipe whose
# reader is gone before it starts); RC is its exit status, or 128+N when
# signal N ended it.
run_out() {
	local how=$1
	shift
	OUT="$TMP/out" ERR="$TMP/err"
	case $how in
	closed) FOCUSWEEK_DATA="$DATA" "$FW" "$@" >&- 2>"$ERR" ;;
	full) FOCUSWEEK_DATA="$DATA" "$FW" "$@" >/dev/full 2>"$ERR" ;;
	pipe)
		FOCUSWEEK_DATA="$DATA" python3 - "$FW" "$@" 2>"$ERR" <<'EOF'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
rc = subprocess.run(sys.argv[1:], stdout=w).returncode
sys.exit(128 - rc if rc < 0 else rc)
EOF
		;;
	esac
	RC=$?
}

# Write command $2... with stdout $1: saved once, exit 0, and the message
# $3 (or none).
write_lost() {
	local how=$1 what=$2 msg=$3
	shift 3
	setup_plan "$DATA"
	run_out "$how" "$@"
	expect_rc 0 "$what, stdout $how"
	if [ -n "$msg" ]; then
		expect_err "$msg" "$what, stdout $how: says so"
	else
		[ ! -s "$ERR" ] || fail "$what, stdout $how: said $(cat "$ERR")"
	fi
	fwd "$DATA" week
	[ "$(grep -c 'Lost output' "$OUT")" -eq 1 ] ||
		fail "$what, stdout $how: the block is not there once: $(grep -c 'Lost output' "$OUT")"
	case_done "$what, stdout $how"
}

ADD_LOST=(add --date 2026-12-02 --start 13:00 --end 14:00 --kind admin --title 'Lost output')
SAVED="focusweek add: the change was saved, but its output could not be written"

writes() {
	write_lost closed "add" "" "${ADD_LOST[@]}"
	write_lost full "add" "$SAVED: No space left on device" "${ADD_LOST[@]}"
	write_lost pipe "add" "$SAVED: Broken pipe" "${ADD_LOST[@]}"
	# The retry the old exit status invited is refused: the block is there.
	fwd "$DATA" "${ADD_LOST[@]}"
	expect_rc 1 "add again"
	# Other writes that print: the timer's status line after a start.
	setup_plan "$DATA"
	run_out full timer start 2026W49-1
	expect_rc 0 "timer start, stdout full"
	expect_err "focusweek timer start: the change was saved, but its output could not be written" \
		"timer start, stdout full: says so"
	fwd "$DATA" timer status
	[ -s "$OUT" ] || fail "timer start, stdout full: no timer runs"
	case_done "timer start, stdout full"
}

reads() {
	setup_plan "$DATA"
	run_out full week
	expect_rc 1 "week, stdout full"
	expect_err "focusweek week: cannot write the output: No space left on device" "week, stdout full: message"
	case_done "a read on a full disk fails"
	run_out pipe review --format json
	[ "$RC" -eq $((128 + 13)) ] || fail "review into a closed pipe: exit $RC, expected SIGPIPE"
	[ ! -s "$ERR" ] || fail "review into a closed pipe said: $(cat "$ERR")"
	case_done "a read into a closed pipe ends by SIGPIPE, quietly"
	run_out closed week
	expect_rc 0 "week, stdout closed"
	case_done "a read with stdout closed"
}

# Closed stdin, stdout and stderr: what focusweek prints or reports never
# lands in a file it opens (the data folder's), and the files stay valid.
closed_streams() {
	local before
	setup_two_weeks "$DATA"
	before=$(state "$DATA")
	FOCUSWEEK_DATA="$DATA" "$FW" review --format json --weeks 13 <&- >&- 2>&-
	FOCUSWEEK_DATA="$DATA" "$FW" add --date 2026-12-09 --start 16:00 --end 17:00 --kind admin \
		--title 'Closed streams' <&- >&- 2>&-
	FOCUSWEEK_DATA="$DATA" "$FW" week --date 2026-12-09 --bogus <&- >&- 2>&-
	expect_valid "$DATA" "closed streams: the files are valid"
	grep -rl 'Closed streams' "$DATA" | grep -qv 'weeks/2026-W50.json' &&
		fail "closed streams: output landed in $(grep -rl 'Closed streams' "$DATA")"
	grep -rqa '"schema"' "$DATA/.lock" "$DATA/.instance" 2>/dev/null &&
		fail "closed streams: output landed in a lock file"
	[ "$(state "$DATA")" != "$before" ] || fail "closed streams: the add was not saved"
	case_done "closed standard streams"
}

# --version: the libraries as pkg-config knows them here; libical unloaded.
version() {
	local want
	"$FW" --version >"$TMP/out" 2>"$TMP/err" || fail "--version: exit $?"
	want="focusweek $(sed -n 's/^project(focusweek VERSION \([0-9.]*\).*/\1/p' "$REL_DIR/../../CMakeLists.txt")
ncurses $(pkg-config --modversion ncursesw)
cJSON $(pkg-config --modversion libcjson)
libical $(pkg-config --modversion libical) (built with; loaded only for calendar files)"
	[ "$(cat "$TMP/out")" = "$want" ] || fail "--version printed: $(cat "$TMP/out"), expected: $want"
	[ ! -s "$TMP/err" ] || fail "--version said: $(cat "$TMP/err")"
	LD_DEBUG=files "$FW" --version 2>&1 >/dev/null | grep -q 'file=libcjson' ||
		fail "LD_DEBUG shows no library (the test lost its point)"
	LD_DEBUG=files "$FW" --version 2>&1 >/dev/null | grep -q 'file=libical' &&
		fail "--version loads libical"
	"$FW" --version >/dev/full 2>"$TMP/err" && fail "--version on a full disk: exit 0"
	grep -q "cannot write the output: No space left on device" "$TMP/err" ||
		fail "--version on a full disk: $(cat "$TMP/err")"
	case_done "--version"
}

writes
reads
closed_streams
version
figure output_cases "$CASES"
done_ok
