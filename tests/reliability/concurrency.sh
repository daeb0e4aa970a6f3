#!/usr/bin/env bash
# Concurrency of command-line writers.
#
#   concurrency.sh path/to/focusweek writers|holder
#
#   writers  50 writers start at the same instant: adds into one week, new
#            industries and accounts in plan.json.  Each lands (exit 0) or
#            fails loudly (exit 1, the lock message); the files are valid;
#            every reported write is there and nothing else.  Then with the
#            lock held by another process: a writer waits briefly and lands
#            when it is freed in time, and fails loudly when it is not.
#   holder   a real focusweek holding the lock mid-save (stopped by strace) is
#            killed with SIGKILL: the lock is free at once, the next writer
#            lands, and the dead writer's temp file is gone.
# (Two planners, and a command-line write while the planner runs, come with
# the full-screen planner.)
source "$(dirname "$0")/lib.sh"
rel_init "$@"
MODE=${2:-}
DATA="$TMP/data"
N=${CONC_WRITERS:-50}
LOCKMSG="another focusweek is saving this plan"

locked() { ! flock -n "$DATA/.lock" true; }

# Starts command $2... as writer $1, blocked until the gate opens: this
# shell holds the gate FIFO open at both ends, so each writer opens it without
# blocking and waits in read for its line.
writer() {
	local i=$1
	shift
	(
		exec 3>&- 4<"$TMP/gate"
		: >"$TMP/ready.$i"
		read -r _ <&4
		exec 4<&-
		FOCUSWEEK_DATA="$DATA" exec "$FW" "$@" >"$TMP/out.$i" 2>"$TMP/err.$i"
	) &
	PIDS[$i]=$!
}

# When every writer waits at the gate, lets them all go at once.
open_gate() {
	local i
	for ((i = 0; i < N; i++)); do
		until [ -e "$TMP/ready.$i" ]; do sleep 0.01; done
	done
	for ((i = 0; i < N; i++)); do echo go >&3; done
}

collect() {
	local i
	for ((i = 0; i < N; i++)); do
		wait "${PIDS[$i]}"
		echo $? >"$TMP/rc.$i"
	done
}

mode_writers() {
	need flock mkfifo
	setup_plan "$DATA"
	rm -f "$TMP/gate" && mkfifo "$TMP/gate"
	exec 3<>"$TMP/gate"
	local i m d ok=0 busy=0 adds=0
	declare -a PIDS KIND
	for ((i = 0; i < N; i++)); do
		if [ $((i % 5)) -lt 3 ]; then
			# 30 adds into 2026-W50, each in its own half-hour.
			m=$((480 + (i % 20) * 30))
			d=$(date -d "2026-12-07 + $((i / 20)) days" +%F)
			KIND[$i]=add
			writer "$i" add --date "$d" --start "$(printf %02d:%02d $((m / 60)) $((m % 60)))" \
				--end "$(printf %02d:%02d $(((m + 30) / 60)) $(((m + 30) % 60)))" \
				--kind admin --title "writer $i"
		elif [ $((i % 5)) -eq 3 ]; then
			KIND[$i]=industry
			writer "$i" industry add "Industry $i"
		else
			KIND[$i]=account
			writer "$i" account add "Account $i" --baseline 60
		fi
	done
	open_gate
	collect
	exec 3>&-
	for ((i = 0; i < N; i++)); do
		case $(cat "$TMP/rc.$i") in
		0) ok=$((ok + 1)) ;;
		1) grep -qF "$LOCKMSG" "$TMP/err.$i" ||
			fail "writer $i: exit 1 without the lock message: $(cat "$TMP/err.$i")"
			busy=$((busy + 1)) ;;
		*) fail "writer $i: exit $(cat "$TMP/rc.$i"): $(cat "$TMP/err.$i")" ;;
		esac
	done
	pass "each of $N writers landed or failed loudly"
	expect_valid "$DATA" "the files are valid"
	fwd "$DATA" week --date 2026-12-07 --json
	cp "$OUT" "$TMP/week"
	fwd "$DATA" industry list
	cp "$OUT" "$TMP/industries"
	fwd "$DATA" account list
	cp "$OUT" "$TMP/accounts"
	for ((i = 0; i < N; i++)); do
		local landed=0
		case ${KIND[$i]} in
		add) grep -q "\"title\": \"writer $i\"" "$TMP/week" && landed=1
			[ "$(cat "$TMP/rc.$i")" -ne 0 ] || grep -qF "\"id\": \"$(cat "$TMP/out.$i")\"" "$TMP/week" ||
				fail "writer $i: its id $(cat "$TMP/out.$i") is not in the week"
			adds=$((adds + landed)) ;;
		industry) grep -q "^Industry $i " "$TMP/industries" && landed=1 ;;
		account) grep -q "^Account $i " "$TMP/accounts" && landed=1 ;;
		esac
		if [ "$(cat "$TMP/rc.$i")" -eq 0 ]; then
			[ "$landed" -eq 1 ] || fail "writer $i (${KIND[$i]}) said done but is not there: lost"
		else
			[ "$landed" -eq 0 ] || fail "writer $i (${KIND[$i]}) said failed but is there"
		fi
	done
	[ "$(grep -c '"title": "writer ' "$TMP/week")" -eq "$adds" ] || fail "blocks twice in the week"
	pass "every reported write is there, no refused one is"
	echo "$N parallel writers: $ok landed, $busy refused with the lock message, none lost"
	figure parallel_writers "$N"
	figure parallel_landed "$ok"
	figure parallel_lost 0

	# The lock held by someone else for 1 s: a writer waits, then lands.
	(
		exec 4>>"$DATA/.lock"
		flock -x 4
		: >"$TMP/held"
		sleep 1
	) &
	local holder=$!
	until [ -e "$TMP/held" ]; do sleep 0.01; done
	fwd "$DATA" add --date 2026-12-11 --start 08:00 --end 08:30 --kind admin --title 'waited'
	expect_rc 0 "a writer waits for a lock held 1 s, then lands"
	wait "$holder"
	# Held past the wait (by this shell): it fails loudly, changing nothing.
	exec 4>>"$DATA/.lock"
	flock -x 4
	local old
	old=$(state "$DATA")
	fwd "$DATA" add --date 2026-12-11 --start 09:00 --end 09:30 --kind admin --title 'gave up'
	expect_rc 1 "a writer gives up on a lock held too long"
	expect_err "focusweek add: $LOCKMSG (waited 3000 ms); nothing was changed: try again" \
		"the lock message"
	[ "$(state "$DATA")" = "$old" ] || fail "the refused writer changed files"
	exec 4>&-
	fwd "$DATA" week
	expect_rc 0 "reading works while nobody writes"
}

mode_holder() {
	need_strace
	need flock
	setup_plan "$DATA"
	local old spid fwpid="" i
	old=$(state "$DATA")
	# A real save, stopped (SIGSTOP) as it fsyncs its temp file, lock held.
	FOCUSWEEK_DATA="$DATA" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -o /dev/null -e trace=fsync \
		-e inject=fsync:signal=STOP:when=1 "$FW" "${ADD_CMD[@]}" \
		>/dev/null 2>"$TMP/err.holder" &
	spid=$!
	# The writer notes its pid in .lock while it holds the lock.  30 s at
	# most: a sanitizer build on a busy machine is slow to get there.
	for ((i = 0; i < 3000; i++)); do
		if [ -n "$(temps "$DATA")" ] && locked; then
			fwpid=$(tr -dc 0-9 <"$DATA/.lock")
			[ -n "$fwpid" ] && break
		fi
		sleep 0.01
	done
	[ -n "$fwpid" ] && locked || fail "the paused writer never held the lock"
	pass "a writer holds the lock mid-save (pid $fwpid)"
	kill -9 "$fwpid" || fail "the paused writer $fwpid is gone before it was killed"
	# strace ends with the process it traced; never wait for it forever.
	for ((i = 0; i < 3000 && $(kill -0 "$spid" 2>/dev/null && echo 1 || echo 0); i++)); do
		sleep 0.01
	done
	kill -0 "$spid" 2>/dev/null && { kill -9 "$spid"; fail "strace did not end with its writer"; }
	{ wait "$spid"; } 2>/dev/null
	! locked || fail "the lock is still held after kill -9 of its holder"
	pass "the lock is free after kill -9"
	[ "$(state "$DATA")" = "$old" ] || fail "the killed save changed the files"
	[ -n "$(temps "$DATA")" ] || fail "the killed save left no temp file (the test lost its point)"
	fwd "$DATA" add --date 2026-12-03 --start 16:00 --end 17:00 --kind admin --title 'next'
	expect_rc 0 "the next writer lands at once"
	[ -z "$(temps "$DATA")" ] || fail "the dead writer's temp file is still there: $(temps "$DATA")"
	pass "the dead writer's temp file is gone"
	expect_valid "$DATA" "the files are valid"
}

case $MODE in
writers | holder) "mode_$MODE" ;;
*) echo "usage: $0 path/to/focusweek writers|holder" >&2; exit 2 ;;
esac
done_ok
