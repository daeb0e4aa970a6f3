#!/usr/bin/env bash
# The planner and a data folder that others can write to: refused at start
# (the terminal given back, the reason on stderr); made so behind a planner
# already open, a change is refused with the fix and nothing is written;
# once fixed, the same key makes it.
. "$(dirname "$0")/../tui/lib.sh" "$1"
sample_plan
fw week >/dev/null || fail "first run"

# At start: the message and the fix, exit 1.
chmod 0777 "$FOCUSWEEK_DATA"
tui_start 120 40
wait_for "EXITED:1"
screen | grep -qF "others can write to the data folder $FOCUSWEEK_DATA (mode 0777)" ||
	fail "no reason given at start"
screen | grep -qF "chmod 700" || fail "no fix given at start"

# Behind a planner that is open: the change is refused, with the fix on
# the screen, and nothing is written; once fixed, it is made.
chmod 0700 "$FOCUSWEEK_DATA"
before=$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")
tui_session open
tui_start 160 40
wait_for "Call list: plants"
chmod 0777 "$FOCUSWEEK_DATA"
keys x
wait_for "Done · Call list: plants"
keys Enter
# The form stays open with the refusal in it (wrapped to its width).
wait_for "others can write to the data folder $FOCUSWEEK_DATA"
screen | grep -qF "(mode 0777): chmod 700 $FOCUSWEEK_DATA" || fail "no fix given in the form"
[ "$before" = "$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")" ] || fail "saved into an open folder"
screen | grep -q "for quota: yes · planned" || fail "the block is shown done, but was not saved"
chmod 0700 "$FOCUSWEEK_DATA"
if ! screen | grep -q "Done · Call list: plants"; then
	keys x
	wait_for "Done · Call list: plants"
fi
keys Enter
wait_for "for quota: yes · done"
grep -q '"status":	"done"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "the change was not saved once fixed"
keys q
wait_for "EXITED:0"
echo "figure folder_tui_cases 2"
exit 0
