#!/usr/bin/env bash
# Whose the data folder is, and who else can write in it.
#
#   folder_safety.sh path/to/focusweek modes|owners
#
# modes   a data folder, weeks/ or cache/ that others can write to (0777,
#         1777, 0770, 0775): every command is refused, reading ones too,
#         naming the folder and the fix (chmod 700 ...), and nothing is
#         written; check says the same; a cache/ open to others is not used.
# owners  (root and runuser: skips otherwise) root on a user's folder
#         (--data, or sudo -E with the user's HOME) is refused and leaves no
#         file of root's there; another user's focusweek/ in a shared sticky
#         XDG_DATA_HOME is not used; files left by root are named by check
#         and by the error of the command that meets them.
source "$(dirname "$0")/lib.sh"
rel_init "$@"
MODE=${2:-}
DATA="$TMP/data"
CASES=0

# One case: counted once however many checks it makes.
case_done() {
	CASES=$((CASES + 1))
	pass "$1"
}

# Every command is refused on $DATA with $1 in its message, nothing on
# stdout, and the files as they were ($2).
refused_everywhere() {
	local text=$1 old=$2 what=$3 cmd
	for cmd in week add check status review; do
		case $cmd in
		week) fwd "$DATA" week ;;
		add) fwd "$DATA" "${ADD_CMD[@]}" ;;
		check) fwd "$DATA" check ;;
		status) fwd "$DATA" timer status ;;
		review) fwd "$DATA" review ;;
		esac
		expect_rc 1 "$what: $cmd is refused"
		expect_err "$text" "$what: $cmd names the problem"
		[ ! -s "$OUT" ] || fail "$what: $cmd printed: $(cat "$OUT")"
	done
	[ "$(state "$DATA")" = "$old" ] || fail "$what: the files changed"
	[ -z "$(temps "$DATA")" ] || fail "$what: temp files left: $(temps "$DATA")"
}

# A plan with a block in last week, and its digest in cache/.
setup_history() {
	setup_plan "$1"
	fwd "$1" add --date 2026-11-24 --start 13:00 --end 14:00 --kind admin --title 'Last week'
	expect_rc 0 "setup: a block last week"
	fwd "$1" review --weeks 4
	expect_rc 0 "setup: review"
	[ -n "$(find "$1/cache" -type f -name '*.json')" ] || fail "setup: no digest kept (the test lost its point)"
}

# ---------------------------------------------------------------- modes

# The data folder (rel "") or a folder in it made mode $2: refused with
# the fix, then fine again after it.
open_folder() {
	local rel=$1 mode=$2 path old named
	setup_history "$DATA"
	path="$DATA${rel:+/$rel}"
	named=$path
	[ -n "$rel" ] || named="the data folder $path"
	old=$(state "$DATA")
	chmod "$mode" "$path"
	refused_everywhere "others can write to $named (mode $(printf %04o "0$mode"))" \
		"$old" "${rel:-the folder} at $mode"
	expect_err "chmod 700 $path" "${rel:-the folder} at $mode: the fix"
	chmod 700 "$path"
	fwd "$DATA" "${ADD_CMD[@]}"
	expect_rc 0 "${rel:-the folder} at $mode: after chmod 700 it is used again"
	case_done "${rel:-the folder} at $mode"
}

# Folder and weeks/ both open: one chmod names both (and cache/).
open_everything() {
	local old
	setup_history "$DATA"
	old=$(state "$DATA")
	chmod 0777 "$DATA" "$DATA/weeks" "$DATA/cache"
	refused_everywhere "chmod 700 $DATA $DATA/weeks $DATA/cache" "$old" "chmod -R 777"
	chmod 700 "$DATA" "$DATA/weeks" "$DATA/cache"
	expect_valid "$DATA" "chmod -R 777: after the fix, check passes"
	case_done "a whole folder open to others, fixed by one command"
}

# cache/ open to others: the review works from the weeks and keeps nothing
# there; check says why.
open_cache() {
	local want
	setup_history "$DATA"
	want=$(cat "$OUT")
	rm -f "$DATA"/cache/*
	chmod 0777 "$DATA/cache"
	fwd "$DATA" review --weeks 4
	expect_rc 0 "open cache: the review still works"
	[ "$(cat "$OUT")" = "$want" ] || fail "open cache: the review differs from the one with its cache"
	[ -z "$(find "$DATA/cache" -type f)" ] || fail "open cache: digests were kept in it"
	fwd "$DATA" check
	expect_rc 1 "open cache: check"
	expect_err "others can write to $DATA/cache (mode 0777), so the review does not use it: chmod 700 $DATA/cache" \
		"open cache: check's message"
	case_done "cache/ open to others is not used"
}

# A folder made by hand under a loose umask: refused until fixed.
loose_umask() {
	rm -rf "$DATA"
	(umask 002 && mkdir "$DATA")
	fwd "$DATA" week
	expect_rc 1 "mkdir under umask 002"
	expect_err "(mode 0775)" "mkdir under umask 002: the mode"
	[ -z "$(ls -A "$DATA")" ] || fail "mkdir under umask 002: files were made: $(ls -A "$DATA")"
	case_done "a folder made under umask 002"
}

mode_modes() {
	local m
	for m in 777 1777 770 775 707; do
		open_folder "" "$m"
	done
	open_folder weeks 777
	open_folder weeks 1770
	open_everything
	open_cache
	loose_umask
	figure folder_mode_cases "$CASES"
}

# ---------------------------------------------------------------- owners

need_owners() {
	[ "$(id -u)" -eq 0 ] || skip "the owners' cases need root (chown, runuser)"
	command -v runuser >/dev/null || skip "runuser is not installed (util-linux)"
	id -u daemon >/dev/null 2>&1 || skip "no user 'daemon' to own a folder"
	chmod 0711 "$TMP"
	runuser -u nobody -- test -x "$FW" 2>/dev/null ||
		skip "nobody cannot run $FW (a folder above it is private)"
}

# As user $1, focusweek $2...: stdout, stderr and rc as fwd.
fw_as() {
	local who=$1
	shift
	OUT="$TMP/out" ERR="$TMP/err"
	runuser -u "$who" -- env HOME="$HOME" XDG_DATA_HOME="${AS_XDG:-$XDG_DATA_HOME}" \
		${AS_DATA:+FOCUSWEEK_DATA="$AS_DATA"} "$FW" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

# root with --data on nobody's folder: refused, with the way out; no file
# of root's is left; nobody goes on.
root_in_users_folder() {
	local old
	setup_plan "$DATA"
	chown -R nobody "$DATA"
	old=$(state "$DATA")
	refused_everywhere "the data folder $DATA belongs to nobody, not to you (root)" "$old" \
		"root on nobody's folder"
	expect_err "sudo -u nobody focusweek" "root on nobody's folder: the way out"
	[ -z "$(find "$DATA" -user root)" ] || fail "root left files: $(find "$DATA" -user root)"
	AS_DATA="$DATA" fw_as nobody "${ADD_CMD[@]}"
	expect_rc 0 "root on nobody's folder: nobody still saves"
	case_done "root with --data on a user's folder"
}

# sudo -E: root with nobody's HOME and no folder yet makes nothing there:
# reading writes nothing anyway, and the first change is refused.
root_with_users_home() {
	local home="$TMP/nobody-home"
	rm -rf "$home" && mkdir -p "$home" && chown nobody "$home"
	OUT="$TMP/out" ERR="$TMP/err"
	HOME="$home" XDG_DATA_HOME="" "$FW" week >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0 "root with nobody's HOME: reading"
	[ -z "$(ls -A "$home")" ] || fail "root's reading made $(ls -A "$home") in nobody's HOME"
	HOME="$home" XDG_DATA_HOME="" "$FW" industry add Energy >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 1 "root with nobody's HOME"
	expect_err "$home belongs to nobody, not to you (root)" "root with nobody's HOME: message"
	[ -z "$(ls -A "$home")" ] || fail "root made $(ls -A "$home") in nobody's HOME"
	runuser -u nobody -- env HOME="$home" XDG_DATA_HOME= FOCUSWEEK_NOW="$FOCUSWEEK_NOW" \
		"$FW" init --sample >/dev/null 2>"$TMP/err" ||
		fail "nobody's own first run: $(cat "$TMP/err")"
	[ -z "$(find "$home" ! -user nobody)" ] || fail "files not nobody's: $(find "$home" ! -user nobody)"
	case_done "root (sudo -E) with a user's HOME"
}

# A shared sticky XDG_DATA_HOME where daemon made focusweek/ 0777: nobody
# does not use it.  Without it, nobody's own is made there, private.
shared_sticky() {
	local shared="$TMP/shared"
	rm -rf "$shared" && mkdir "$shared" && chmod 1777 "$shared"
	runuser -u daemon -- mkdir -m 0777 "$shared/focusweek"
	AS_XDG="$shared" fw_as nobody week
	expect_rc 1 "another user's focusweek/ in a shared folder"
	expect_err "the data folder $shared/focusweek belongs to daemon, not to you (nobody)" \
		"another user's focusweek/: message"
	expect_err "use a data folder of your own" "another user's focusweek/: the way out"
	[ -z "$(ls -A "$shared/focusweek")" ] || fail "nobody wrote in daemon's folder"
	rmdir "$shared/focusweek"
	AS_XDG="$shared" fw_as nobody industry add Energy
	expect_rc 0 "a shared sticky folder: nobody's own folder in it"
	[ "$(stat -c '%U %a' "$shared/focusweek")" = "nobody 700" ] ||
		fail "nobody's folder is $(stat -c '%U %a' "$shared/focusweek")"
	case_done "a shared sticky XDG_DATA_HOME"
}

# What an old root run left in nobody's folder: said by the command that
# meets it, with the way out, and listed by check.
left_by_root() {
	setup_plan "$DATA"
	chown -R nobody "$DATA"
	chown root "$DATA/weeks/2026-W49.json" "$DATA/.lock"
	AS_DATA="$DATA" fw_as nobody week
	expect_rc 1 "a week file of root's"
	expect_err "$DATA/weeks/2026-W49.json: Permission denied; it belongs to root, not to you (nobody): sudo chown nobody $DATA/weeks/2026-W49.json" \
		"a week file of root's: message"
	AS_DATA="$DATA" fw_as nobody industry add Energy
	expect_rc 1 "a .lock of root's"
	expect_err "$DATA/.lock): Permission denied; it belongs to root" "a .lock of root's: message"
	AS_DATA="$DATA" fw_as nobody check
	expect_rc 1 "check with root's files"
	expect_err "$DATA/.lock belongs to root, not to you (nobody): sudo chown nobody $DATA/.lock" \
		"check names .lock"
	expect_err "$DATA/weeks/2026-W49.json belongs to root, not to you (nobody)" "check names the week"
	chown nobody "$DATA/weeks/2026-W49.json" "$DATA/.lock"
	AS_DATA="$DATA" fw_as nobody check
	expect_rc 0 "after sudo chown, check passes"
	case_done "files left by root in a user's folder"
}

# cache/ made by root in nobody's folder: the review goes on without it.
cache_of_roots() {
	setup_plan "$DATA"
	chown -R nobody "$DATA"
	mkdir -m 0700 "$DATA/cache"
	AS_DATA="$DATA" fw_as nobody review
	expect_rc 0 "a cache/ of root's: the review"
	AS_DATA="$DATA" fw_as nobody check
	expect_rc 1 "a cache/ of root's: check"
	expect_err "$DATA/cache belongs to root, not to you (nobody), so the review does not use it" \
		"a cache/ of root's: check's message"
	expect_err "sudo rm -r $DATA/cache" "a cache/ of root's: the way out"
	case_done "a cache/ of root's"
}

# A file of someone else's in root's own folder: check names it.
foreign_file_for_root() {
	setup_plan "$DATA"
	cp "$DATA/plan.json" "$DATA/plan.json.bak"
	chown daemon "$DATA/plan.json.bak"
	fwd "$DATA" check
	expect_rc 1 "a file of daemon's in root's folder"
	expect_err "$DATA/plan.json.bak belongs to daemon, not to you (root): chown root $DATA/plan.json.bak" \
		"a file of daemon's: message"
	case_done "check names a file of someone else's"
}

mode_owners() {
	need_owners
	root_in_users_folder
	root_with_users_home
	shared_sticky
	left_by_root
	cache_of_roots
	foreign_file_for_root
	figure folder_owner_cases "$CASES"
}

case $MODE in
modes | owners) "mode_$MODE" ;;
*) echo "usage: $0 path/to/focusweek modes|owners" >&2; exit 2 ;;
esac
done_ok
