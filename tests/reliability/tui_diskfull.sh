#!/usr/bin/env bash
# The planner on a disk that fills up: the change stays on screen, marked
# UNSAVED with the reason; nothing on disk is half-written; once there is
# room again, Ctrl-S saves it.  Needs root for a small tmpfs (skips, saying
# so, otherwise).
. "$(dirname "$0")/../tui/lib.sh" "$1"
sample_plan
if [ "$(id -u)" -ne 0 ] || ! mkdir -p "$FOCUSWEEK_DATA" ||
	! mount -t tmpfs -o size=256k,mode=0700 tmpfs "$FOCUSWEEK_DATA" 2>/dev/null; then
	echo "skipped: a small tmpfs needs root and mounts"
	trap - EXIT
	rm -rf "$TUI_DIR"
	exit 77
fi
trap 'tmux -S "$TUI_SOCK" kill-server 2>/dev/null; umount -l "$FOCUSWEEK_DATA"; tui_cleanup' EXIT
fw week >/dev/null || fail "first run"
before=$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")
tui_start 120 40
wait_for "Call list: plants"
# Fill the disk.
dd if=/dev/zero of="$FOCUSWEEK_DATA/filler" bs=4k 2>/dev/null
keys x
wait_for "NOT SAVED"
wait_for "UNSAVED"
wait_for "for quota: yes · done"
[ "$before" = "$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")" ] || fail "the week file changed on a full disk"
ls -a "$FOCUSWEEK_DATA/weeks" | grep -q 'tmp-' && fail "a temp file was left behind"
# Room again: Ctrl-S saves what was kept.
rm -f "$FOCUSWEEK_DATA/filler"
keys C-s
wait_for "saved"
wait_gone "UNSAVED"
grep -q '"status":	"done"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "the retry did not save"
[ "$(fw check)" = ok ] || fail "check after the retry"
keys q
wait_for "EXITED:0"
