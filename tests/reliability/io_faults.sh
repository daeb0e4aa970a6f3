#!/usr/bin/env bash
# I/O faults: each gets a clear message (its text asserted), exit 1, the old
# files intact (or, once the new data is in place, a message that says so),
# and no temp file left after the next start.
#
#   io_faults.sh path/to/focusweek MODE
#
# MODE is one of (each exits 77, saying why, when this machine cannot):
#   inject    every call of a save that touches the data folder fails in turn
#             (strace error injection: EIO, and ENOSPC for writes and creates),
#             plus named faults with their exact messages;
#   diskfull  a full disk: a small tmpfs (as root), else ENOSPC injected;
#   readonly  a read-only data folder: a read-only bind mount (as root), else
#             runuser -u nobody on a folder nobody cannot write;
#   files     a data path that is a folder, a FIFO, a symbolic link or a huge
#             file, and a data folder that is a file;
#   device    a data path that is a device (needs mknod).
source "$(dirname "$0")/lib.sh"
rel_init "$@"
MODE=${2:-}
DATA="$TMP/data"

# ---------------------------------------------------------------- helpers

# Runs the command on $1 with strace injecting $2 ("SYSCALL:error=E:when=N").
inject_run() {
	local dir=$1 spec=$2
	shift 2
	OUT="$TMP/out" ERR="$TMP/err"
	FOCUSWEEK_DATA="$dir" straced -f -qq -o /dev/null -e trace="${spec%%:*}" -e inject="$spec" \
		"$FW" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

# The 1-based indexes, among the calls of syscall $2, of those that touch the
# data folder $1 (from a clean traced run of the command).
data_calls() {
	local dir=$1 call=$2
	shift 2
	FOCUSWEEK_DATA="$dir" straced -f -qq -y -o "$TMP/trace" -e trace="$call" "$FW" "$@" \
		>/dev/null 2>&1
	awk -v d="$dir" -v c="$call(" 'index($0, c) { n++; if (index($0, d)) print n }' "$TMP/trace"
}

# After a failed command: the message is one line naming focusweek, the
# step's cause is in it, and the files are the old ones (or, when the message
# says the new data is in place or kept in the journal, the new ones after
# the next start).  $1 what, $2 cause text, $3 old state, $4 new state.
expect_fault_handled() {
	local what=$1 cause=$2 old=$3 new=$4 committed=0
	[ "$(wc -l <"$ERR")" -eq 1 ] && grep -q '^focusweek [a-z ]*: ' "$ERR" ||
		fail "$what: not one focusweek line on stderr: $(cat "$ERR")"
	grep -qF -- "$cause" "$ERR" || fail "$what: the cause \"$cause\" is not said: $(cat "$ERR")"
	grep -qE 'was replaced|was removed|kept in the journal|was saved' "$ERR" && committed=1
	# A failed read (after a first run made the plan) says nothing of saves.
	grep -qE ': cannot (open|read|look at) ' "$ERR" && [ -z "$old" ] && committed=2
	if [ "$committed" -eq 0 ]; then
		[ "$(state "$DATA")" = "$old" ] || fail "$what: the old files were not kept: $(cat "$ERR")"
	fi
	if [ -z "$old" ]; then
		# A first run that failed: the next one makes the plan (unless the
		# change was in place, or kept in the journal and completed now).
		fwd "$DATA" week
		[ -e "$DATA/plan.json" ] || fwd "$DATA" init --sample
		expect_rc 0 "$what: the next start makes the plan"
		committed=1
	fi
	expect_valid "$DATA" "$what: the next start finds valid files"
	if [ "$committed" -ge 1 ]; then
		[ "$(state "$DATA")" = "$new" ] || fail "$what: said saved, but the files are not new"
	else
		[ "$(state "$DATA")" = "$old" ] || fail "$what: the old files changed after the next start"
	fi
	[ -z "$(temps "$DATA")" ] || fail "$what: temp files left: $(temps "$DATA")"
	[ ! -e "$DATA/journal" ] || fail "$what: the journal is still there"
	pass "$what"
}

# ---------------------------------------------------------------- inject

# $DATA becomes a copy of folder $1 (or nothing, when $1 does not exist).
fresh_copy() {
	rm -rf "$DATA"
	[ ! -e "$1" ] || cp -a "$1" "$DATA"
}

# Every data-folder call of each syscall fails in turn.
sweep() {
	local name=$1 setup=$2
	shift 2
	local base="$TMP/$name.base" old new call n err cause faults=0
	$setup "$base"
	old=$(state "$base")
	fresh_copy "$base"
	fwd "$DATA" "$@"
	expect_rc 0 "$name: clean run"
	new=$(state "$DATA")
	for call in openat mkdirat write fchmod fsync linkat renameat unlinkat; do
		fresh_copy "$base"
		for n in $(data_calls "$DATA" "$call" "$@"); do
			for err in EIO ENOSPC; do
				[ "$err" = ENOSPC ] && [ "$call" != write ] && [ "$call" != openat ] && continue
				fresh_copy "$base"
				inject_run "$DATA" "$call:error=$err:when=$n" "$@"
				faults=$((faults + 1))
				case $err in
				EIO) cause="Input/output error" ;;
				ENOSPC) cause="No space left on device" ;;
				esac
				if [ "$RC" -eq 0 ]; then
					# A call whose failure is harmless (removing a stale
					# name): success must then be true.
					[ "$(state "$DATA")" = "$new" ] ||
						fail "$name: $call#$n $err: exit 0 but the change is missing"
					pass "$name: $call#$n $err ignored safely"
					continue
				fi
				[ "$RC" -eq 1 ] || fail "$name: $call#$n $err: exit $RC: $(cat "$ERR")"
				expect_fault_handled "$name: $call#$n $err" "$cause" "$old" "$new"
			done
		done
	done
	echo "$name: $faults faults injected, each handled"
	FAULTS=$((FAULTS + faults))
}

# A named fault with its exact message: $1 what, $2 inject spec, $3 the
# message (after "focusweek CMD: "), $4 setup, then the command.
named() {
	local what=$1 spec=$2 msg=$3 setup=$4
	shift 4
	local old new
	$setup "$DATA.new" && fwd "$DATA.new" "$@" && new=$(state "$DATA.new")
	$setup "$DATA"
	old=$(state "$DATA")
	inject_run "$DATA" "$spec" "$@"
	FAULTS=$((FAULTS + 1))
	expect_rc 1 "$what"
	expect_err "$msg" "$what: message"
	expect_fault_handled "$what" "${msg##*: }" "$old" "$new"
}

mode_inject() {
	need_strace
	FAULTS=0
	local W="$DATA/weeks/2026-W49.json"
	named "ENOSPC writing the temp file" "write:error=ENOSPC:when=1" \
		"focusweek add: cannot save $W (write): No space left on device" setup_plan "${ADD_CMD[@]}"
	named "EIO on fsync of the temp file" "fsync:error=EIO:when=1" \
		"focusweek add: cannot save $W (fsync): Input/output error" setup_plan "${ADD_CMD[@]}"
	named "EIO on fsync of the folder" "fsync:error=EIO:when=2" \
		"focusweek add: $W was replaced, but its folder could not be synced (fsync folder); the change may not survive a power cut: Input/output error" \
		setup_plan "${ADD_CMD[@]}"
	named "EIO on linking the backup" "linkat:error=EIO:when=1" \
		"focusweek add: cannot keep a backup of $W (link): Input/output error" setup_plan "${ADD_CMD[@]}"
	named "EIO on renaming the backup" "renameat:error=EIO:when=1" \
		"focusweek add: cannot keep a backup of $W (rename): Input/output error" setup_plan "${ADD_CMD[@]}"
	named "EIO on the rename" "renameat:error=EIO:when=2" \
		"focusweek add: cannot save $W (rename): Input/output error" setup_plan "${ADD_CMD[@]}"
	named "ENOSPC creating the temp file" "openat:error=ENOSPC:when=$(data_calls_new openat)" \
		"focusweek add: cannot save $W (create a temporary file): No space left on device" \
		setup_plan "${ADD_CMD[@]}"
	named "ENOSPC writing the journal" "write:error=ENOSPC:when=1" \
		"focusweek edit: cannot save $DATA/journal (write): No space left on device" \
		setup_two_weeks "${MOVE_CMD[@]}"
	named "EIO on the second file of a move" "renameat:error=EIO:when=5" \
		"focusweek edit: the change is kept in the journal and will be completed on the next save: cannot save $DATA/weeks/2026-W50.json (rename): Input/output error" \
		setup_two_weeks "${MOVE_CMD[@]}"
	named "EIO writing plan.json" "write:error=EIO:when=1" \
		"focusweek industry add: cannot save $DATA/plan.json (write): Input/output error" \
		setup_plan "${INDUSTRY_CMD[@]}"
	sweep add setup_plan "${ADD_CMD[@]}"
	sweep move setup_two_weeks "${MOVE_CMD[@]}"
	sweep industry setup_plan "${INDUSTRY_CMD[@]}"
	sweep first_run setup_first_run init --sample
	figure faults_injected "$FAULTS"
}

# The index of the openat that creates the temp file of `add`.
data_calls_new() {
	setup_plan "$TMP/probe"
	FOCUSWEEK_DATA="$TMP/probe" straced -f -qq -o "$TMP/trace" -e trace="$1" "$FW" "${ADD_CMD[@]}" \
		>/dev/null 2>&1
	awk -v c="$1(" 'index($0, c) { n++; if (index($0, "O_EXCL")) { print n; exit } }' "$TMP/trace"
}

# ---------------------------------------------------------------- diskfull

# Fills the file system holding $1 to the last byte (and inode if asked).
fill_up() {
	local i=0
	dd if=/dev/zero of="$1/filler" bs=4096 >/dev/null 2>&1
	sync
	while [ "${2:-}" = inodes ] && { : >"$1/f$i"; } 2>/dev/null; do i=$((i + 1)); done
}

mode_diskfull() {
	if ! can_mount; then
		need_strace
		echo "no tmpfs (not root, or mounts are not allowed here): ENOSPC injected by strace"
		setup_plan "$DATA"
		local old
		old=$(state "$DATA")
		# The first write is the temp file's (later ones carry the message).
		inject_run "$DATA" "write:error=ENOSPC:when=1" "${ADD_CMD[@]}"
		expect_rc 1 "disk full (injected)"
		expect_err "(write): No space left on device" "disk full (injected): message"
		[ "$(state "$DATA")" = "$old" ] || fail "disk full (injected): old files changed"
		pass "disk full (injected)"
		figure disk_full_method strace
		done_ok
	fi
	local disk="$TMP/disk" old what
	mount_tmpfs "$disk" 512k,nr_inodes=64 || skip "cannot mount a tmpfs"
	DATA="$disk/data"
	setup_plan "$DATA"
	fwd "$DATA" "${MOVE_CMD[@]/2026W49-9/2026W49-1}" # something in W50 to move back
	expect_rc 0 "a first move"
	fill_up "$disk"
	for what in add move industry; do
		old=$(state "$DATA")
		case $what in
		add) fwd "$DATA" "${ADD_CMD[@]}" ;;
		move) fwd "$DATA" edit 2026W49-1 --date 2026-11-30 ;;
		industry) fwd "$DATA" "${INDUSTRY_CMD[@]}" ;;
		esac
		expect_rc 1 "disk full: $what"
		expect_err "No space left on device" "disk full: $what: message"
		expect_err "cannot save $DATA/" "disk full: $what: names the file"
		[ "$(state "$DATA")" = "$old" ] || fail "disk full: $what: old files changed"
		[ -z "$(temps "$DATA")" ] || fail "disk full: $what: temp files left: $(temps "$DATA")"
		pass "disk full: $what: old files intact, no temp files"
	done
	expect_valid "$DATA" "disk full: the plan is still valid"
	rm -f "$disk/filler"
	fwd "$DATA" "${ADD_CMD[@]}"
	expect_rc 0 "space freed: the add works"
	# Out of inodes: the temp file cannot even be created.
	fill_up "$disk" inodes
	old=$(state "$DATA")
	fwd "$DATA" "${INDUSTRY_CMD[@]}"
	expect_rc 1 "no inodes left"
	expect_err "cannot save $DATA/plan.json (create a temporary file): No space left on device" \
		"no inodes left: message"
	[ "$(state "$DATA")" = "$old" ] || fail "no inodes left: old files changed"
	pass "no inodes left: old files intact"
	figure disk_full_method tmpfs
}

# ---------------------------------------------------------------- readonly

mode_readonly() {
	local old how
	setup_plan "$DATA"
	old=$(state "$DATA")
	if can_mount && mount_readonly "$DATA" 2>/dev/null; then
		how="a read-only bind mount"
		fwd "$DATA" "${ADD_CMD[@]}"
		expect_rc 1 "read-only folder: add"
		expect_err "focusweek add: cannot write in the data folder ($DATA/.lock): Read-only file system" \
			"read-only folder: message"
	elif [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null &&
		runuser -u nobody -- test -x "$FW" 2>/dev/null; then
		how="runuser -u nobody on a folder nobody cannot write"
		chmod 0711 "$TMP"
		chown -R nobody "$DATA"
		chmod 0500 "$DATA"
		chmod 0400 "$DATA/.lock"
		OUT="$TMP/out" ERR="$TMP/err"
		runuser -u nobody -- env FOCUSWEEK_DATA="$DATA" "$FW" "${ADD_CMD[@]}" >"$OUT" 2>"$ERR"
		RC=$?
		expect_rc 1 "read-only folder: add"
		expect_err "focusweek add: cannot write in the data folder ($DATA/.lock): Permission denied" \
			"read-only folder: message"
	else
		skip "no read-only mount (needs root and mounts) and no runuser as root with a focusweek nobody can run"
	fi
	[ "$(state "$DATA")" = "$old" ] || fail "read-only folder: the files changed"
	fwd "$DATA" week
	expect_rc 0 "read-only folder: reading still works"
	grep -q "2026-W49" "$OUT" || fail "read-only folder: week printed nothing"
	echo "read-only data folder made with $how"
	figure readonly_method "${how// /_}"
}

# ---------------------------------------------------------------- files

# Puts odd thing $2 (made by function $3) at data path $1, then checks that a
# read, a write and check all refuse with message $4 and change nothing.
odd_path() {
	local rel=$1 what=$2 make=$3 msg=$4 old odd cmds cmd
	setup_plan "$DATA"
	fwd "$DATA" "${ADD_CMD[@]}" # a week file to replace
	old=$(state "$DATA")
	rm -f "$DATA/$rel"
	$make "$DATA/$rel"
	odd=$(ls -ld "$DATA/$rel" | cut -c1) # its type, to see it is left alone
	cmds="week add check"
	if [ "$rel" = timer.json ]; then
		# Only what shows the timer reads it: the rest works on.
		fwd "$DATA" week
		expect_rc 0 "$rel is $what: week still works"
		cmds=check
	fi
	for cmd in $cmds; do
		case $cmd in
		week) fwd "$DATA" week ;;
		add) fwd "$DATA" add --date 2026-12-04 --start 16:00 --end 17:00 --kind admin --title x ;;
		check) fwd "$DATA" check ;;
		esac
		expect_rc 1 "$rel is $what: $cmd"
		expect_err "$DATA/$rel $msg" "$rel is $what: $cmd: message"
	done
	[ "$(ls -ld "$DATA/$rel" | cut -c1)" = "$odd" ] || fail "$rel is $what: it was replaced"
	[ -z "$(temps "$DATA")" ] || fail "$rel is $what: temp files left"
	pass "$rel is $what: left alone"
}

make_dir() { mkdir "$1"; }
make_fifo() { mkfifo "$1"; }
make_link() { cp "$TMP/victim" "$TMP/victim.orig"; ln -s "$TMP/victim" "$1"; }
make_huge() { truncate -s "$HUGE" "$1"; }
make_device() { mknod "$1" c 1 3; } # /dev/null

mode_files() {
	need mkfifo truncate
	local rel
	for rel in plan.json weeks/2026-W49.json timer.json; do
		odd_path "$rel" "a folder" make_dir "is a folder, not a regular file"
		odd_path "$rel" "a FIFO" make_fifo "is a FIFO, not a regular file"
		setup_plan "$TMP/v" && cp "$TMP/v/$rel" "$TMP/victim" 2>/dev/null ||
			cp "$TMP/v/plan.json" "$TMP/victim"
		odd_path "$rel" "a symbolic link" make_link "is a symbolic link; focusweek reads only regular files"
		cmp -s "$TMP/victim" "$TMP/victim.orig" || fail "$rel: the symlink's target was changed"
	done
	HUGE=$((4 * 1024 * 1024 + 1))
	odd_path weeks/2026-W49.json "huge" make_huge "is 4194305 bytes; the limit is 4194304"
	HUGE=$((1024 * 1024 + 1))
	odd_path plan.json "huge" make_huge "is 1048577 bytes; the limit is 1048576"
	HUGE=$((256 * 1024 + 1))
	odd_path timer.json "huge" make_huge "is 262145 bytes; the limit is 262144"
	# The data folder itself is a file.
	: >"$TMP/notafolder"
	fwd "$TMP/notafolder" week
	expect_rc 1 "data folder is a file"
	expect_err "the data folder $TMP/notafolder is not a folder" "data folder is a file: message"
	[ ! -s "$TMP/notafolder" ] || fail "data folder is a file: it was written"
	# weeks/ is a symbolic link to another folder: never followed.
	setup_plan "$DATA"
	mv "$DATA/weeks" "$TMP/elsewhere" && ln -s "$TMP/elsewhere" "$DATA/weeks"
	fwd "$DATA" week
	expect_rc 1 "weeks/ is a symbolic link"
	expect_err "cannot open $DATA/weeks" "weeks/ is a symbolic link: message"
}

mode_device() {
	need mknod
	mknod "$TMP/probe" c 1 3 2>/dev/null || skip "mknod is not permitted here (needs CAP_MKNOD)"
	rm -f "$TMP/probe"
	local rel
	for rel in plan.json weeks/2026-W49.json timer.json; do
		odd_path "$rel" "a device" make_device "is a device, not a regular file"
	done
}

case $MODE in
inject | diskfull | readonly | files | device) "mode_$MODE" ;;
*) echo "usage: $0 path/to/focusweek inject|diskfull|readonly|files|device" >&2; exit 2 ;;
esac
done_ok
