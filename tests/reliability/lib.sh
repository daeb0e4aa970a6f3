# lib.sh - shared by the reliability scripts; sourced, never run.
#
#   source "$(dirname "$0")/lib.sh"
#   rel_init "$@"        # $1: the focusweek binary; sets FW, TMP, a pinned clock
#
# Every script runs the real program in a throw-away HOME with a pinned clock
# (FOCUSWEEK_NOW), a fixed zone and a UTF-8 locale, exits 0 when every check
# held, 1 on the first failed check (saying which), and 77 (ctest's
# SKIP_RETURN_CODE) when this machine cannot do what the script needs, saying
# why.  `figure NAME VALUE` lines are the measured figures of a run.

set -u

REL_SKIP=77

rel_init() {
	if [ $# -lt 1 ] || [ ! -x "$1" ]; then
		echo "usage: $0 path/to/focusweek" >&2
		exit 2
	fi
	FW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	REL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/fwrel-XXXXXX")
	REL_MOUNTS=()
	trap rel_cleanup EXIT
	export HOME="$TMP/home"
	export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
	export TZ=Europe/Berlin LANG=C.UTF-8 LC_ALL=C.UTF-8
	export FOCUSWEEK_NOW=2026-12-01T09:15
	# Folders set up alike hold the same bytes (plan.json keeps an install id).
	export FOCUSWEEK_INSTALL_ID=reliability1
	export TMPDIR="$TMP"
	unset FOCUSWEEK_DATA NO_COLOR COLUMNS
	mkdir -p "$HOME"
	PASSES=0
}

rel_cleanup() {
	local m
	for m in "${REL_MOUNTS[@]}"; do
		umount -l "$m" 2>/dev/null
	done
	rm -rf "$TMP"
}

skip() {
	echo "SKIP: $*"
	exit "$REL_SKIP"
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

pass() {
	PASSES=$((PASSES + 1))
	[ -n "${REL_VERBOSE:-}" ] && echo "ok: $*"
	return 0
}

figure() {
	printf 'figure %s %s\n' "$1" "$2"
}

# The figures and the number of checks, at the end of a script.
done_ok() {
	echo "passed: $PASSES checks"
	exit 0
}

need() {
	local t
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || skip "$t is not installed (apt-get install $t)"
	done
}

# strace can trace and inject here (it needs ptrace, which containers may deny).
need_strace() {
	need strace
	strace -f -qq -o /dev/null -e trace=getpid -e inject=getpid:retval=42 true \
		>/dev/null 2>&1 || skip "strace cannot trace here (ptrace denied?)"
}

# Runs focusweek on data folder $1; stdout to $OUT, stderr to $ERR, rc in $RC.
OUT=/dev/null
ERR=/dev/null
RC=0
fwd() {
	local dir=$1
	shift
	OUT="$TMP/out" ERR="$TMP/err"
	FOCUSWEEK_DATA="$dir" "$FW" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

# Asserts the exit code of the last fwd.
expect_rc() {
	local want=$1 what=$2
	[ "$RC" -eq "$want" ] || fail "$what: exit $RC, expected $want; stderr: $(cat "$ERR")"
	pass "$what"
}

# Asserts stderr of the last fwd contains text (fixed string).
expect_err() {
	local text=$1 what=$2
	grep -qF -- "$text" "$ERR" || fail "$what: stderr lacks \"$text\": $(cat "$ERR")"
	pass "$what"
}

# The data files of a folder (plan.json, timer.json, weeks/*.json), one
# "path sha256" line each, sorted: two folders hold the same plan when these
# are equal.  Backups, locks, temp files and the journal are not data.
state() {
	local dir=$1 f
	[ -d "$dir" ] || return 0
	(
		cd "$dir" || exit 0
		for f in plan.json timer.json weeks/*.json; do
			[ -e "$f" ] || [ -L "$f" ] || continue
			printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -c1-64)"
		done
	)
}

# Temp files of a save left in a folder (ours are ".NAME.tmp-PID...").
temps() {
	local dir=$1
	[ -d "$dir" ] || return 0
	find "$dir" -maxdepth 2 -name '.*.tmp-*' -printf '%P\n' | sort
}

# Fails unless every data file in $1 is a regular file that focusweek check
# accepts.
expect_valid() {
	local dir=$1 what=$2
	fwd "$dir" check
	[ "$RC" -eq 0 ] || fail "$what: focusweek check fails: $(cat "$ERR")"
	pass "$what"
}

# Mounts (as root, where the kernel lets us); records them for the clean-up.
# REL_NO_MOUNT=1 acts as if mounts were impossible, to try the fallbacks.
can_mount() {
	[ "$(id -u)" -eq 0 ] && [ -z "${REL_NO_MOUNT:-}" ] || return 1
	local probe="$TMP/.mountprobe"
	mkdir -p "$probe"
	mount -t tmpfs -o size=64k tmpfs "$probe" 2>/dev/null || return 1
	umount "$probe"
	rmdir "$probe"
	return 0
}

mount_tmpfs() {
	local dir=$1 size=$2
	mkdir -p "$dir"
	mount -t tmpfs -o "size=$size,mode=0700" tmpfs "$dir" || return 1
	REL_MOUNTS+=("$dir")
}

mount_readonly() {
	local dir=$1
	mount --bind "$dir" "$dir" || return 1
	REL_MOUNTS+=("$dir")
	mount -o remount,bind,ro "$dir" || return 1
}

unmount() {
	umount "$1"
	local m keep=()
	for m in "${REL_MOUNTS[@]}"; do
		[ "$m" = "$1" ] || keep+=("$m")
	done
	REL_MOUNTS=("${keep[@]}")
}

# A data folder with the sample plan (init --sample, pinned to 2026-12-01).
make_plan() {
	local dir=$1
	fwd "$dir" init --sample
	[ "$RC" -eq 0 ] || fail "init --sample in $dir: $(cat "$ERR")"
}

# ---- old states shared by the crash and fault scripts (folder in $1)

setup_first_run() {
	rm -rf "$1" # no folder at all: the command makes it
}

setup_plan() {
	rm -rf "$1"
	make_plan "$1"
}

# A plan with block 2026W49-9 in 2026-W49 and a block already in 2026-W50,
# so moving 2026W49-9 there replaces two existing files.
setup_two_weeks() {
	setup_plan "$1"
	fwd "$1" add --date 2026-12-02 --start 12:00 --end 13:00 --kind admin --title 'Move me'
	expect_rc 0 "setup: add"
	fwd "$1" add --date 2026-12-07 --start 16:00 --end 17:00 --kind admin --title 'Already there'
	expect_rc 0 "setup: add in W50"
}

# The commands of the scenarios, by name.
ADD_CMD=(add --date 2026-12-02 --start 13:00 --end 14:00 --kind admin --title 'One file')
MOVE_CMD=(edit 2026W49-9 --date 2026-12-08)
INDUSTRY_CMD=(industry add Energy)

# strace, with LeakSanitizer off in the traced program (an ASan build): it
# cannot run under ptrace.  Other sanitizer checks stay on.
straced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace "$@"
}
