#!/usr/bin/env bash
# The planned time runs out: one bell and one flash, the countdown turns to
# overtime and counts on, on the focus screen (woken each second) and on
# the week (woken when the remaining minutes turn); extending gives time
# back.  The clock runs (FOCUSWEEK_NOW=...+) from 3 s before the end.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
out="$TUI_DIR/output"
count() { LC_ALL=C grep -o -- "$1" "$out" 2>/dev/null | wc -l; }
tui_start 100 30 FOCUSWEEK_NOW=2026-12-01T10:59:57+
wait_for "Call list: plants"
# Everything the program writes to the terminal, to count bells and flashes.
tmux -S "$TUI_SOCK" pipe-pane -t main -o "cat >> '$out'"
keys s
wait_for "left · ▶ running"
wait_for "time is up · 0 min worked"
wait_for "time is up: x finishes the block, e adds 5 minutes"
# The big digits count the seconds of overtime: the screen changes each second.
wait_change
wait_change
[ "$(count $'\a')" -eq 1 ] || fail "$(count $'\a') bells, not 1"
[ "$(count $'\e\[?5h')" -eq 1 ] || fail "$(count $'\e\[?5h') flashes, not 1"
# Overtime shows on the week too.
keys f
wait_for "▶ Manufacturing · time is up"
keys f
# Extending: time left again, no new bell.
keys e
wait_for "5 minutes added"
wait_for "left · ▶ running"
[ "$(count $'\a')" -eq 1 ] || fail "a bell on extending"
keys q
wait_for "EXITED:0"
# From the week alone: it wakes when the minutes turn, and rings there.
: > "$out"
fw timer stop --abandon >/dev/null
tui_session week
tui_start 100 30 FOCUSWEEK_NOW=2026-12-01T10:59:58+
wait_for "Call list: plants"
tmux -S "$TUI_SOCK" pipe-pane -t week -o "cat >> '$out'"
keys s
wait_for "left · ▶ running"
keys f
wait_for "▶ Manufacturing · 1 min left"
wait_for "▶ Manufacturing · time is up"
wait_for "time is up: x finishes the block"
[ "$(count $'\a')" -eq 1 ] || fail "$(count $'\a') bells on the week, not 1"
keys q
wait_for "EXITED:0"
