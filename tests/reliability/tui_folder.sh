#!/usr/bin/env bash
# The planner and a data folder that others can write to: refused at start
# (the terminal given back, the reason on stderr); made so behind a planner
# already open, a change is kept on screen, not saved, with the fix; once
# fixed, Ctrl-S saves it.
. "$(dirname "$0")/../tui/lib.sh" "$1"
fw week >/dev/null || fail "first run"

# At start: the message and the fix, exit 1.
chmod 0777 "$FOCUSWEEK_DATA"
tui_start 120 40
wait_for "EXITED:1"
screen | grep -qF "others can write to the data folder $FOCUSWEEK_DATA (mode 0777)" ||
	fail "no reason given at start"
screen | grep -qF "chmod 700" || fail "no fix given at start"

# Behind a planner that is open: not saved, kept, then saved.
chmod 0700 "$FOCUSWEEK_DATA"
before=$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")
tui_session open
tui_start 120 40
wait_for "Call list: plants"
chmod 0777 "$FOCUSWEEK_DATA"
keys x
wait_for "NOT SAVED"
wait_for "UNSAVED"
screen | grep -qF "others can write to the data folder" || fail "no reason for NOT SAVED"
[ "$before" = "$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")" ] || fail "saved into an open folder"
chmod 0700 "$FOCUSWEEK_DATA"
keys C-s
wait_gone "UNSAVED"
grep -q '"status":	"done"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "Ctrl-S did not save"
keys q
wait_for "EXITED:0"
echo "figure folder_tui_cases 2"
exit 0
