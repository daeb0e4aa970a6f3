# The focus timer under a real faked wall clock (faketime): a jump back, a
# jump forward (a suspend), and a timer running across midnight.  Remaining
# time is always derived from the stored start instant, never from ticks.
sample_plan
fwt() {
	local at=$1
	shift
	printf '$ [%s] focusweek %s\n' "$at" "$*"
	# NO_FAKE_STAT: faketime would also shift the files' times as seen by some
	# stat calls and not others, which the store rightly takes for an edit.
	# -f: an absolute, stopped clock, so no second passes while it starts.
	# verify_asan_link_order: under AddressSanitizer, faketime's preload
	# comes first, which is fine for this test.
	FOCUSWEEK_NOW= NO_FAKE_STAT=1 \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		faketime -f "$at" "$FW_BIN" "$@" 2>&1
	local rc=$?
	[ "$rc" -ne 0 ] && printf '[exit %d]\n' "$rc"
	return 0
}
fw week >/dev/null
# Started at 09:00 inside its block (08:30-11:00): it ends with the block.
fwt '2026-12-01 09:00:00' timer start 2026W49-2
fwt '2026-12-01 09:30:00' timer status
fwt '2026-12-01 09:30:00' count calls 3
# The wall clock goes back an hour: no negative time, and it says so.
fwt '2026-12-01 08:30:00' timer status
fwt '2026-12-01 08:30:00' count calls
fwt '2026-12-01 09:45:00' timer status
# Forward (a suspend over lunch): the time passed counts; overtime shows.
fwt '2026-12-01 13:00:00' timer status
fwt '2026-12-01 13:00:00' timer stop --done
# Across midnight: a block of Wednesday started late on Tuesday runs its
# full length (2h30) and goes on past 00:00.
fwt '2026-12-01 23:50:00' timer start 2026W49-4
fwt '2026-12-02 00:20:00' timer status
fwt '2026-12-02 00:20:00' timer pause
fwt '2026-12-02 01:20:00' timer resume
fwt '2026-12-02 01:30:00' timer status
fwt '2026-12-02 03:30:00' timer status
