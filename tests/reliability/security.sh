#!/usr/bin/env bash
# Security of the data folder and of what is printed.
#
#   security.sh path/to/focusweek [where]
#
# (`where` runs only the strace part, which exits 77 when strace cannot
# trace here; without it, everything else.)
#
# - The folder is 0700 and every file 0600 under umask 000 and 077.
# - Every file focusweek creates or replaces is inside the data folder; temp
#   files are created O_EXCL|O_NOFOLLOW (seen with strace, when it works).
# - A symbolic link planted in place of a data file, a backup, the journal,
#   the lock or a predictable temp name is never followed for writing.
# - No shell or other program is ever run (no system/popen/exec*/fork in
#   src/), and user text like $(...) stays text.
# - Names and paths carrying escape sequences never reach stdout or stderr
#   raw, in a UTF-8 or an ASCII locale.
source "$(dirname "$0")/lib.sh"
rel_init "$@"
DATA="$TMP/data"
SRC=$(cd "$REL_DIR/../.." && pwd)/src

# ---------------------------------------------------------------- modes

# Runs the scenarios that create every kind of file, under umask $1.
modes_under() {
	local mask=$1 bad
	rm -rf "$TMP/u"
	DATA="$TMP/u/deep/focusweek"
	(
		umask "$mask"
		setup_two_weeks "$DATA"
		fwd "$DATA" "${MOVE_CMD[@]}" && [ "$RC" -eq 0 ] || exit 1
		fwd "$DATA" "${INDUSTRY_CMD[@]}" && [ "$RC" -eq 0 ] || exit 1
	) || fail "umask $mask: the scenario failed"
	bad=$(find "$TMP/u/deep" \( -type d ! -perm 0700 \) -o \( -type f ! -perm 0600 \) -printf '%m %P\n')
	[ -z "$bad" ] || fail "umask $mask: wrong modes: $bad"
	[ -n "$(find "$DATA" -name '*.bak')" ] || fail "umask $mask: no backups made (the test lost its point)"
	pass "umask $mask: folders 0700, files 0600 ($(find "$DATA" | wc -l) entries)"
	DATA="$TMP/data"
}

if [ "${2:-}" != where ]; then
	modes_under 000
	modes_under 077
	modes_under 022
fi

# ---------------------------------------------------------------- where

# Every creating or replacing call of the scenarios, from a strace -y trace.
where_writes() {
	local name=$1 setup=$2
	shift 2
	$setup "$DATA"
	FOCUSWEEK_DATA="$DATA" straced -f -qq -y -o "$TMP/trace.$name" \
		-e trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,truncate,chmod,fchmodat \
		"$FW" "$@" >/dev/null 2>&1 || fail "$name under strace failed"
	# Calls that create or change a name, and where they act.
	awk -v d="$DATA" -v parents="$(parents_of "$DATA")" '
		/O_CREAT|O_WRONLY|O_RDWR|O_TRUNC/ || /^[0-9]+ +(mkdir|rename|link|symlink|unlink|truncate|chmod|fchmodat)/ {
			if (index($0, d "/") || index($0, d ">") || index($0, "\"" d "\"")) next
			if ($0 ~ /^[0-9]+ +mkdir\(/) { split($0, a, "\""); if (index(parents, "|" a[2] "|")) next }
			print
		}' "$TMP/trace.$name" >"$TMP/outside"
	[ ! -s "$TMP/outside" ] || fail "$name writes outside the data folder: $(head -3 "$TMP/outside")"
	pass "$name: every write is inside the data folder"
	grep 'O_CREAT' "$TMP/trace.$name" | grep -v '"\.lock"\|"\.instance"' >"$TMP/creates"
	[ -s "$TMP/creates" ] || fail "$name: no file created (the test lost its point)"
	if grep -v 'O_EXCL' "$TMP/creates" | grep -q . || grep -v 'O_NOFOLLOW' "$TMP/creates" | grep -q .; then
		fail "$name: a file created without O_EXCL|O_NOFOLLOW: $(grep -v 'O_EXCL.*O_NOFOLLOW\|O_NOFOLLOW.*O_EXCL' "$TMP/creates" | head -2)"
	fi
	grep -q '"\.lock", [^)]*O_NOFOLLOW' "$TMP/trace.$name" ||
		! grep -q '"\.lock"' "$TMP/trace.$name" || fail "$name: .lock opened without O_NOFOLLOW"
	pass "$name: $(wc -l <"$TMP/creates") files created, all O_EXCL|O_NOFOLLOW, in the folder"
}

# "|/a|/a/b|" for /a/b/c: the folders above a path, which a first run may make.
parents_of() {
	local p=$1 out="|"
	while [ "$p" != / ] && [ -n "$p" ]; do
		p=$(dirname "$p")
		out="$out$p|"
	done
	echo "$out"
}

if [ "${2:-}" = where ]; then
	need_strace
	where_writes first_run setup_first_run init --sample
	where_writes add setup_plan "${ADD_CMD[@]}"
	where_writes move setup_two_weeks "${MOVE_CMD[@]}"
	where_writes industry setup_plan "${INDUSTRY_CMD[@]}"
	done_ok
fi

# ---------------------------------------------------------------- symlinks

VICTIM="$TMP/victim"
plant_victim() {
	printf 'not yours\n' >"$VICTIM"
	chmod 0644 "$VICTIM"
	VICTIM_SUM=$(sha256sum <"$VICTIM")
}

victim_intact() {
	[ "$(sha256sum <"$VICTIM")" = "$VICTIM_SUM" ] && [ "$(stat -c %a "$VICTIM")" = 644 ] ||
		fail "$1: the symlink's target was written"
	pass "$1: the target is untouched"
}

# A link at data path $1; command $2...: refused with the message.
link_refused() {
	local rel=$1
	shift
	setup_two_weeks "$DATA"
	plant_victim
	rm -f "$DATA/$rel"
	ln -s "$VICTIM" "$DATA/$rel"
	fwd "$DATA" "$@"
	expect_rc 1 "$rel is a symlink: $1"
	expect_err "$DATA/$rel is a symbolic link" "$rel is a symlink: message"
	[ -L "$DATA/$rel" ] || fail "$rel is a symlink: it was replaced"
	victim_intact "$rel is a symlink"
}

link_refused plan.json "${INDUSTRY_CMD[@]}"
link_refused weeks/2026-W49.json "${ADD_CMD[@]}"
link_refused weeks/2026-W50.json "${MOVE_CMD[@]}"

# A link at a name the save makes or replaces, planted just before the
# command runs: $1 the name ($$ becomes focusweek's pid), then the command.
link_planted() {
	local name=$1
	shift
	setup_two_weeks "$DATA"
	plant_victim
	OUT="$TMP/out" ERR="$TMP/err"
	FOCUSWEEK_DATA="$DATA" bash -c 'ln -sfn "$1" "$2/${3//PID/$$}" && shift 3 && exec "$@"' _ \
		"$VICTIM" "$DATA" "$name" "$FW" "$@" >"$OUT" 2>"$ERR"
	RC=$?
	victim_intact "a link planted at $name"
}

link_planted 'weeks/.2026-W49.json.tmp-PID-0' "${ADD_CMD[@]}"
expect_rc 0 "a link at the predictable temp name: the save goes around it"
link_planted 'weeks/.2026-W49.json.bak.tmp-PID' "${ADD_CMD[@]}"
expect_rc 0 "a link at the backup's temp name: removed, not followed"
link_planted '.journal.tmp-PID-0' "${MOVE_CMD[@]}"
expect_rc 0 "a link at the journal's temp name: the save goes around it"
link_planted 'weeks/2026-W49.json.bak' "${ADD_CMD[@]}"
expect_rc 0 "a link as the backup: replaced, not followed"
[ -f "$DATA/weeks/2026-W49.json.bak" ] && [ ! -L "$DATA/weeks/2026-W49.json.bak" ] ||
	fail "the backup link was not replaced by a real backup"
link_planted '.lock' "${ADD_CMD[@]}"
expect_rc 1 "a link as .lock: refused"
expect_err "cannot open the lock file $DATA/.lock" "a link as .lock: message"
link_planted 'journal' "${ADD_CMD[@]}"
expect_rc 1 "a link as the journal: refused"
expect_err "journal was damaged and was not applied" "a link as the journal: message"
expect_valid "$DATA" "after the journal link was set aside, the plan is valid"

# ---------------------------------------------------------------- no shell

# Programs are started in three files only: the hooks (the user's own
# executables, the event on their standard input), focusweek remind's
# notifiers (remind.command, notify-send, tmux: the block only in their
# environment and argv, never in a shell string) and its going to the
# background.  A shell runs only the user's remind.command.
started='^'"$SRC"'/(app/app_hooks_run\.c|remind/remind_run\.c|remind/remind\.c):'
hits=$(grep -rnE '\b(system|popen|execl|execlp|execle|execv|execve|execvp|execvpe|posix_spawnp?|fork|vfork|wordexp)[[:space:]]*\(' \
	"$SRC" --include='*.c' --include='*.h' | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)' |
	grep -vE "$started" || true)
[ -z "$hits" ] || fail "src/ runs programs: $hits"
pass "src/ runs programs only for hooks and reminders"
hits=$(grep -rnE '"/bin/sh"|\bsystem[[:space:]]*\(|\bpopen[[:space:]]*\(' "$SRC" --include='*.c' |
	grep -v "^$SRC/remind/remind_run.c:" || true)
[ -z "$hits" ] || fail "src/ runs a shell: $hits"
[ "$(grep -c '"/bin/sh"' "$SRC/remind/remind_run.c")" = 1 ] || fail "remind_run.c runs sh more than once"
pass "a shell runs only remind.command"

mkdir -p "$TMP/cwd" && cd "$TMP/cwd" || fail "cd"
setup_plan "$DATA"
for name in '$(touch pwned1)' '`touch pwned2`' 'x; touch pwned3' '$HOME' '*' '%s%n%s'; do
	fwd "$DATA" industry add "$name"
	expect_rc 0 "industry add '$name'"
	fwd "$DATA" add --date 2026-12-04 --start 15:00 --end 15:30 --kind admin --title "$name"
	expect_rc 0 "add --title '$name'"
	fwd "$DATA" rm "$(cat "$OUT")"
	expect_rc 0 "rm"
done
fwd "$DATA" industry list
for name in '$(touch pwned1)' '`touch pwned2`' 'x; touch pwned3' '$HOME' '*' '%s%n%s'; do
	grep -qF -- "$name " "$OUT" || fail "industry \"$name\" is not listed literally: $(cat "$OUT")"
done
[ -z "$(find "$TMP" -name 'pwned*')" ] || fail "user text ran as a command"
pass "user text stays text"
cd "$TMP" || fail "cd"

# ---------------------------------------------------------------- escapes

# Fails if the last output carries a raw control character (C0 but newline,
# DEL, C1 as UTF-8) or a bidi override.
no_raw_controls() {
	if LC_ALL=C grep -aqP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' \
		"$OUT" "$ERR"; then
		fail "$1: raw control characters printed: $(cat -v "$OUT" "$ERR" | head -3)"
	fi
	# In an ASCII locale, no byte above 0x7F (a lone 0x9B is CSI to some
	# terminals).
	if [ "$LC_ALL" = C ] && LC_ALL=C grep -aqP '[\x80-\xff]' "$OUT" "$ERR"; then
		fail "$1: non-ASCII bytes printed in the C locale: $(cat -v "$OUT" "$ERR" | head -3)"
	fi
	pass "$1"
}

ESC=$'\e'
HOSTILE=("${ESC}]0;owned${ESC}\\" "${ESC}[2J${ESC}[31mred" $'bell\a' $'c1\xc2\x9b2J' $'rlo\xe2\x80\xaeevil' \
	$'nul?\x01\x7f' $'lone\x9b2J' $'tab\there' $'new\nline' $'bad\xff\xfeutf8')
ESCDIR="$TMP/${ESC}[31mdata${ESC}[0m"
for loc in C.UTF-8 C; do
	export LC_ALL=$loc LANG=$loc
	setup_two_weeks "$DATA"
	for h in "${HOSTILE[@]}"; do
		for cmd in "industry add" "industry rename Retail" "industry rm" "account add" "focus --date 2026-12-04" \
			"edit" "rm" "add --title" "add --kind" "add --date" "add --industry" "week --date" "--data"; do
			case $cmd in
			"add --title") fwd "$DATA" add --date 2026-12-04 --start 16:00 --end 17:00 --kind admin --title "$h" ;;
			"add --kind") fwd "$DATA" add --date 2026-12-04 --start 16:00 --end 17:00 --kind "$h" --title x ;;
			"add --date") fwd "$DATA" add --date "$h" --start 16:00 --end 17:00 --kind admin --title x ;;
			"add --industry") fwd "$DATA" add --date 2026-12-04 --start 16:00 --end 17:00 --kind prospecting --industry "$h" --title x ;;
			"--data") fwd "$DATA" --data "$TMP/$h" week ;;
			*) # shellcheck disable=SC2086
				fwd "$DATA" $cmd "$h" ;;
			esac
			no_raw_controls "$loc: $cmd $(printf %q "$h")"
		done
		fwd "$DATA" "--$h"
		no_raw_controls "$loc: an option named $(printf %q "$h")"
		fwd "$DATA" "$h"
		no_raw_controls "$loc: a command named $(printf %q "$h")"
	done
	# A data folder whose path carries escapes, in messages about its files.
	rm -rf "$ESCDIR"
	setup_plan "$ESCDIR"
	rm "$ESCDIR/plan.json" && mkdir "$ESCDIR/plan.json"
	fwd "$ESCDIR" check
	expect_rc 1 "$loc: a damaged plan in a folder named with escapes"
	no_raw_controls "$loc: the folder's name in the message"
done
export LC_ALL=C.UTF-8 LANG=C.UTF-8

done_ok
