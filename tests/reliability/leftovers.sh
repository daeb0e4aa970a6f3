#!/usr/bin/env bash
# Temp files of writers that died: removed by check and by the next write,
# wherever they are (the folder, weeks/, cache/, a backup's temp name),
# without ever touching a live writer's, a file not named as ours, or what
# a link points to.
#
#   leftovers.sh path/to/focusweek
#
# A dead writer is pid 999999 (beyond pid_max here, or checked).  "The last
# writer let go a minute ago" is .lock's modification time set back: a temp
# file made after that is one no writer of ours would leave.
source "$(dirname "$0")/lib.sh"
rel_init "$@"
DATA="$TMP/data"
DEAD=999999
CASES=0

kill -0 "$DEAD" 2>/dev/null && skip "pid $DEAD is alive here; the script needs a dead one"

case_done() {
	CASES=$((CASES + 1))
	pass "$1"
}

# A plan whose last writer let go a minute ago (.lock empty).
setup_quiet() {
	setup_two_weeks "$1"
	[ ! -s "$1/.lock" ] || fail "setup: .lock names a writer: $(cat "$1/.lock")"
	touch -d '-1 minute' "$1/.lock"
}

# Plants file $1 (relative to $DATA) as a dead writer would leave it.
plant() {
	mkdir -p "$(dirname "$DATA/$1")"
	printf '{"half":' >"$DATA/$1"
}

gone() {
	[ ! -e "$DATA/$1" ] && [ ! -L "$DATA/$1" ] || fail "$2: $1 is still there"
}

kept() {
	[ -e "$DATA/$1" ] || [ -L "$DATA/$1" ] || fail "$2: $1 was removed"
}

# The issue's case: check removes it, says ok, changes no data file.
check_removes() {
	local old
	setup_quiet "$DATA"
	plant "weeks/.2026-W50.json.tmp-$DEAD-0"
	old=$(state "$DATA")
	fwd "$DATA" check
	expect_rc 0 "check with a dead writer's temp file"
	[ "$(cat "$OUT")" = ok ] || fail "check printed: $(cat "$OUT")"
	gone "weeks/.2026-W50.json.tmp-$DEAD-0" "check"
	[ "$(state "$DATA")" = "$old" ] || fail "check changed a data file"
	case_done "check removes a dead writer's temp file (empty .lock)"
}

# The next write, wherever the temp files are, whatever it writes.
write_removes() {
	local what=$1
	shift
	setup_quiet "$DATA"
	plant "weeks/.2026-W50.json.tmp-$DEAD-0"
	plant ".plan.json.tmp-$DEAD-1"
	plant "weeks/.2026-W49.json.bak.tmp-$DEAD"
	plant ".journal.tmp-$DEAD-0"
	fwd "$DATA" "$@"
	expect_rc 0 "$what"
	[ -z "$(temps "$DATA")" ] || fail "$what: temp files left: $(temps "$DATA")"
	expect_valid "$DATA" "$what: the plan is valid"
	case_done "$what removes dead writers' temp files"
}

# The review keeps digests without the lock: one killed mid-write leaves a
# temp file in cache/, which the next write (and check) removes.
cache_temp() {
	setup_quiet "$DATA"
	fwd "$DATA" add --date 2026-11-24 --start 13:00 --end 14:00 --kind admin --title 'Last week'
	fwd "$DATA" review --weeks 2
	expect_rc 0 "setup: review"
	[ -d "$DATA/cache" ] || fail "setup: no cache/ (the test lost its point)"
	touch -d '-1 minute' "$DATA/.lock"
	plant "cache/.2026-W48.json.tmp-$DEAD-0"
	fwd "$DATA" "${ADD_CMD[@]}"
	expect_rc 0 "a write after a review was killed"
	gone "cache/.2026-W48.json.tmp-$DEAD-0" "a write after a review was killed"
	plant "cache/.2026-W47.json.tmp-$DEAD-0"
	touch -d '-1 minute' "$DATA/cache/.2026-W47.json.tmp-$DEAD-0" "$DATA/cache"
	fwd "$DATA" check
	gone "cache/.2026-W47.json.tmp-$DEAD-0" "check"
	case_done "a review killed while keeping a digest"
}

# A live writer's temp file stays (check and the next write); one over an
# hour old goes even so (its pid was reused).
live_writer() {
	local live
	setup_quiet "$DATA"
	sleep 600 &
	live=$!
	plant "weeks/.2026-W50.json.tmp-$live-0"
	fwd "$DATA" "${ADD_CMD[@]}"
	kept "weeks/.2026-W50.json.tmp-$live-0" "the next write, a live writer"
	fwd "$DATA" check
	kept "weeks/.2026-W50.json.tmp-$live-0" "check, a live writer"
	touch -d '-2 hours' "$DATA/weeks/.2026-W50.json.tmp-$live-0"
	fwd "$DATA" check
	gone "weeks/.2026-W50.json.tmp-$live-0" "check, an hour-old temp file"
	kill "$live"
	wait "$live" 2>/dev/null
	case_done "a live writer's temp file is left alone"
}

# Only names of ours: others stay, and so does anything but a file or link;
# a link named as ours is removed, never followed.
not_ours() {
	local name victim="$TMP/victim"
	setup_quiet "$DATA"
	printf 'not yours\n' >"$victim"
	for name in "weeks/notes.tmp-$DEAD" "weeks/.2026-W50.json.tmp-abc" "weeks/2026-W50.json.tmp-$DEAD-0" \
		"weeks/.x.tmp-0-0" "weeks/.x.tmp--5"; do
		plant "$name"
	done
	mkdir "$DATA/weeks/.2026-W51.json.tmp-$DEAD-0"
	ln -s "$victim" "$DATA/weeks/.2026-W52.json.tmp-$DEAD-0"
	fwd "$DATA" check
	for name in "weeks/notes.tmp-$DEAD" "weeks/.2026-W50.json.tmp-abc" "weeks/2026-W50.json.tmp-$DEAD-0" \
		"weeks/.x.tmp-0-0" "weeks/.x.tmp--5" "weeks/.2026-W51.json.tmp-$DEAD-0"; do
		kept "$name" "check, a name not ours"
	done
	gone "weeks/.2026-W52.json.tmp-$DEAD-0" "check, a link named as ours"
	[ "$(cat "$victim")" = "not yours" ] || fail "the link's target was changed"
	case_done "only our own temp files, links not followed"
}

# check leaves the sweep to a writer that holds the lock, and does not wait.
held_lock() {
	local start
	need flock
	setup_quiet "$DATA"
	plant "weeks/.2026-W50.json.tmp-$DEAD-0"
	start=$SECONDS
	flock "$DATA/.lock" "$FW" --data "$DATA" check >"$TMP/out" 2>&1
	[ "$(cat "$TMP/out")" = ok ] || fail "check beside a writer: $(cat "$TMP/out")"
	kept "weeks/.2026-W50.json.tmp-$DEAD-0" "check beside a writer"
	# A writer's wait for the lock is 3 s (STORE_LOCK_WAIT_MS); check takes none.
	[ $((SECONDS - start)) -lt 3 ] || fail "check waited for the lock"
	case_done "check beside a writer that holds the lock"
}

# A writer that died holding the lock (its pid in .lock): the next start,
# even a read, removes what it left (as before).
died_holding() {
	setup_two_weeks "$DATA"
	plant "weeks/.2026-W49.json.tmp-$DEAD-0"
	printf '%s\n' "$DEAD" >"$DATA/.lock"
	fwd "$DATA" week
	expect_rc 0 "a read after a writer died holding the lock"
	gone "weeks/.2026-W49.json.tmp-$DEAD-0" "a read after a writer died holding the lock"
	case_done "a writer that died holding the lock"
}

check_removes
write_removes "add (one week)" "${ADD_CMD[@]}"
write_removes "a move (two weeks, the journal)" "${MOVE_CMD[@]}"
write_removes "industry add (plan.json)" "${INDUSTRY_CMD[@]}"
cache_temp
live_writer
not_ours
held_lock
died_holding
figure leftover_cases "$CASES"
done_ok
