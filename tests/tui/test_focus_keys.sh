#!/usr/bin/env bash
# The focus timer from the week view at 120x40, the clock pinned at Tue
# 09:15 on "Call list: plants" (08:30-11:00): s starts it and shows the
# focus screen; pause, counts and take-backs, an interruption with a note,
# an extension; each saved at once, and the week keeps a compact timer.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Tue 1 Dec 08:30–11:00 · prospecting · Manufacturing"
# f with no timer says so and stays on the week.
keys f
wait_for "no timer is running"
keys s
wait_for 'timer started on "Call list: plants"'
wait_for "M A N U F A C T U R I N G"
wait_for "Call list: plants · prospecting"
wait_for "1h45 left · ▶ running · 0 min worked of 1h45"
wait_for "planned end 11:00"
wait_for "Will this help me make my sales quota?"
wait_for "0 calls  ·  0 conversations  ·  0 meetings booked"
wait_for "no interruptions"
fw timer status | grep -qx "▶ Manufacturing · Call list: plants · 1h45 left" ||
	fail "timer not saved at start: $(fw timer status)"
# Pause: the screen, the bottom line and the file say so.
keys Space
wait_for "paused"
wait_for "⏸ paused for 0 min"
wait_for "planned end 11:00 if resumed now"
fw timer status | grep -q "^⏸ " || fail "pause not saved"
keys Space
wait_for "resumed"
wait_for "▶ running"
# Counting, and taking back.
keys c c c v m
wait_for "3 calls  ·  1 conversation  ·  1 meeting booked"
keys C
wait_for "took back a call (2 in this block)"
wait_for "2 calls  ·  1 conversation  ·  1 meeting booked"
keys M
wait_for "2 calls  ·  1 conversation  ·  0 meetings booked"
# Below zero is refused, and says why.
keys M
wait_for "only 0 meetings counted; cannot take back 1"
wait_for "2 calls  ·  1 conversation  ·  0 meetings booked"
fw timer status --format '%c %v %m' | grep -qx "2 1 0" || fail "counts not saved"
# An interruption with a note; Esc cancels one.
keys i
wait_for "What pulled you away? (optional)"
keys Escape
wait_for "no interruption logged"
keys i
wait_for "What pulled you away? (optional)"
type_text "courier at the door"
keys Enter
wait_for "interruption logged (1 in this block)"
wait_for "1 interruption · last 09:15: courier at the door"
grep -q '"note":	"courier at the door"' "$FOCUSWEEK_DATA/timer.json" || fail "note not saved"
# Extend by 5 minutes.
keys e
wait_for "5 minutes added"
wait_for "1h50 left"
wait_for "planned end 11:05 · extended by 5 min"
fw timer status --format '%R' | grep -qx "1h50 left" || fail "extension not saved"
# The help lists the focus keys.
keys '?'
wait_for "Focus timer"
wait_for "take back a call"
keys '?'
wait_gone "take back a call"
# Back to the week: the compact timer, the block marked as timed.
keys f
wait_for "▶ Manufacturing · 1h50 left · 2 calls · 1 conv · 0 mtg"
wait_for "▶ Call list: plants"
# The timed block is ended by the timer, not marked done by hand: x on it
# opens the timer's own finish form; Esc keeps it running.
keys x
wait_for "Finish · Call list: plants"
keys Escape
wait_for "not finished; the timer runs on"
fw week --date 2026-12-01 | grep -q "Call list: plants  ✓" && fail "marked done under the timer"
keys f
wait_for "1h50 left · ▶ running"
keys Escape
wait_for "▶ Manufacturing · 1h50 left"
keys q
wait_for "EXITED:0"
# Quitting leaves the timer running.
fw timer status | grep -q "1h50 left" || fail "the timer did not survive quitting"
