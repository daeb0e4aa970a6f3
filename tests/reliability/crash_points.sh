#!/usr/bin/env bash
# Crash at every point of a save.
#
# For each scenario, the command runs once cleanly to learn the new state.
# Then, for every system call S that opens, creates, writes, syncs, links,
# renames or removes files, and every N, it runs again from the old state
# under strace, killed with SIGKILL as it enters the N-th call of S (the call
# does not happen), until it completes untouched.  (A kill after a call is a
# kill before the next one, or the completed run.)
# After each crash:
#   - the next start (`focusweek check`) passes, replaying a journal if any;
#   - the data files are, together and byte for byte, the old or the new
#     plan (a first run killed before it wrote anything may leave no plan:
#     the next start then makes the starter plan);
#   - no temp file is left after that next start.
#
#   crash_points.sh path/to/focusweek
source "$(dirname "$0")/lib.sh"
rel_init "$@"
need_strace

SYSCALLS=(openat mkdir mkdirat write fchmod fsync fdatasync link linkat rename renameat
	renameat2 unlink unlinkat)
TOTAL=0      # crash points enumerated
MIDWAY=0     # crashes that left a state between old and new (temps, journal, a mix)
REPLAYED=0   # of those, a journal the next start completed

# One scenario: NAME SETUP_FUNCTION COMMAND... (run on $dir).
scenario() {
	local name=$1 setup=$2
	shift 2
	local base="$TMP/$name.base" new="$TMP/$name.new" work="$TMP/$name.work"
	local old_state new_state points=0 s n after

	$setup "$base"
	old_state=$(state "$base")
	rm -rf "$new"
	[ -e "$base" ] && cp -a "$base" "$new"
	fwd "$new" "$@"
	expect_rc 0 "$name: the clean run"
	new_state=$(state "$new")
	[ "$old_state" != "$new_state" ] || fail "$name: the command changed nothing"
	for s in "${SYSCALLS[@]}"; do
		for ((n = 1; n < 10000; n++)); do
			rm -rf "$work"
			[ -e "$base" ] && cp -a "$base" "$work"
			crash_run "$work" "$s" "$n" "$@"
			if [ "$RC" -ne 137 ]; then
				# The command ran to its end: every call of $s was a crash point.
				[ "$RC" -eq 0 ] || fail "$name: untouched run under strace: exit $RC: $(cat "$TMP/err")"
				[ "$(state "$work")" = "$new_state" ] || fail "$name: untouched run differs"
				break
			fi
			points=$((points + 1))
			after=$(state "$work")
			if [ "$after" != "$old_state" ] && [ "$after" != "$new_state" ] ||
				[ -n "$(temps "$work")" ] || [ -e "$work/journal" ]; then
				MIDWAY=$((MIDWAY + 1))
				[ -e "$work/journal" ] && REPLAYED=$((REPLAYED + 1))
			fi
			check_after_crash "$name" "$work" "$old_state" "$new_state" "$s#$n"
		done
	done
	echo "$name: $points crash points, all survived"
	TOTAL=$((TOTAL + points))
}

# Runs the command on $1, killed as it enters the $3-th call of $2.
crash_run() {
	local dir=$1 call=$2 n=$3
	shift 3
	{
		FOCUSWEEK_DATA="$dir" straced -f -qq -o /dev/null -e trace="$call" \
			-e inject="$call:signal=KILL:when=$n" "$FW" "$@" >"$TMP/out" 2>"$TMP/err"
		RC=$?
	} 2>/dev/null  # not the shell's "Killed" notice
}

check_after_crash() {
	local name=$1 work=$2 old_state=$3 new_state=$4 at=$5 now
	fwd "$work" check
	if [ "$RC" -ne 0 ]; then
		# Only a first run killed before plan.json and the journal existed
		# may leave no plan; the next start must then make it.
		[ -z "$old_state" ] && [ ! -e "$work/plan.json" ] && [ ! -e "$work/journal" ] ||
			fail "$name: crash at $at: check fails: $(cat "$ERR")"
		fwd "$work" week
		expect_rc 0 "$name: crash at $at: the next start makes the plan"
	fi
	pass "$name: crash at $at: check passes"
	now=$(state "$work")
	[ "$now" = "$old_state" ] || [ "$now" = "$new_state" ] ||
		fail "$name: crash at $at: the files are neither the old nor the new plan:
$now"
	pass "$name: crash at $at: old or new"
	[ ! -e "$work/journal" ] || fail "$name: crash at $at: the journal is still there"
	[ -z "$(temps "$work")" ] ||
		fail "$name: crash at $at: temp files left after the next start: $(temps "$work")"
	pass "$name: crash at $at: no temp files"
}

scenario add setup_plan "${ADD_CMD[@]}"
scenario move setup_two_weeks "${MOVE_CMD[@]}"
scenario first_run setup_first_run init --sample
scenario industry setup_plan "${INDUSTRY_CMD[@]}"

figure crash_points "$TOTAL"
figure crash_points_survived "$TOTAL"
figure crash_states_between_old_and_new "$MIDWAY"
figure crash_journals_replayed "$REPLAYED"
done_ok
