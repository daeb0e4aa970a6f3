#!/usr/bin/env bash
# The planner on a disk that fills up: the change stays on screen, marked
# UNSAVED with the reason; nothing on disk is half-written, and no hook runs
# for what was not saved; once there is room again, Ctrl-S saves it and its
# hook runs, once.  Needs root for a small tmpfs (skips, saying so,
# otherwise).
. "$(dirname "$0")/../tui/lib.sh" "$1"
if [ "$(id -u)" -ne 0 ] || ! mkdir -p "$FOCUSWEEK_DATA" ||
	! mount -t tmpfs -o size=256k,mode=0700 tmpfs "$FOCUSWEEK_DATA" 2>/dev/null; then
	echo "SKIP: a small tmpfs needs root and mounts"
	trap - EXIT
	rm -rf "$TUI_DIR"
	exit 77
fi
# The clean-up keeps the test's own exit status (tui_cleanup reads $?).
trap 'rc=$?; tmux -S "$TUI_SOCK" kill-server 2>/dev/null; umount -l "$FOCUSWEEK_DATA"; (exit $rc); tui_cleanup' EXIT
sample_plan
hooks="$XDG_CONFIG_HOME/focusweek/hooks"
mkdir -p "$hooks"
printf '#!/bin/sh\ncat >> "%s/done.json"\n' "$TUI_DIR" > "$hooks/on-block-done"
chmod +x "$hooks/on-block-done"
before=$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")
tui_start 120 40
wait_for "Call list: plants"
# Fill the disk.
dd if=/dev/zero of="$FOCUSWEEK_DATA/filler" bs=4k 2>/dev/null
keys x
wait_for "Done · Call list: plants"
keys Enter
wait_for "NOT SAVED"
wait_for "UNSAVED"
wait_for "for quota: yes · done"
[ "$before" = "$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")" ] || fail "the week file changed on a full disk"
ls -a "$FOCUSWEEK_DATA/weeks" | grep -q 'tmp-' && fail "a temp file was left behind"
[ -e "$TUI_DIR/done.json" ] && fail "a hook ran for a change the disk refused"
# Room again: Ctrl-S saves what was kept.
rm -f "$FOCUSWEEK_DATA/filler"
keys C-s
wait_for "saved"
wait_gone "UNSAVED"
grep -q '"status":	"done"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "the retry did not save"
[ "$(grep -c '"event":"block-done"' "$TUI_DIR/done.json" 2>/dev/null)" = 1 ] ||
	fail "the saved change's hook did not run once: $(cat "$TUI_DIR/done.json" 2>&1)"
[ "$(fw check)" = ok ] || fail "check after the retry"
# Full again: Wednesday's block done, kept; room again, and Thursday's done
# saves the week: both hooks run then, Tuesday's not again.
dd if=/dev/zero of="$FOCUSWEEK_DATA/filler" bs=4k 2>/dev/null
keys l
wait_for "Wed 2 Dec 08:30–11:00 · prospecting · Logistics"
keys x
wait_for "Done · Call list: carriers"
keys Enter
wait_for "NOT SAVED"
rm -f "$FOCUSWEEK_DATA/filler"
keys l
wait_for "Thu 3 Dec 08:30–11:00 · prospecting · Retail"
keys x
wait_for "Done · Call list: stores"
keys Enter
wait_gone "UNSAVED"
ids=$(grep -o '"id":"2026W49-[0-9]*"' "$TUI_DIR/done.json" | sort | tr '\n' ' ')
[ "$ids" = '"id":"2026W49-2" "id":"2026W49-4" "id":"2026W49-5" ' ] ||
	fail "each done block's hook once: $ids"
keys q
wait_for "EXITED:0"
