#!/usr/bin/env bash
# Finishing through the outcome form: the counters come pre-filled and can
# be corrected, what was sold and a note typed, done chosen; the block shows done
# in the week view at once and in `focusweek week`.  Abandoning asks first
# and leaves the block planned with its log.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Call list: plants"
keys s
wait_for "1h45 left · ▶ running"
keys c c c v m
wait_for "3 calls  ·  1 conversation  ·  1 meeting booked"
keys x
wait_for "Finish · Call list: plants"
wait_for "Worked 0 min of 1h45 · 0 interruptions"
wait_for "Calls          3"
wait_for "Conversations  1"
wait_for "Meetings       1"
# Started and finished at once, so cut short by default; Esc keeps it running.
wait_for "Result         ◂ cut short ▸"
keys Escape
wait_for "not finished; the timer runs on"
fw timer status | grep -q "3 calls" || fail "Esc stopped the timer"
keys x
wait_for "Calls          3"
# Every field is an ordinary input: the first digit typed replaces the
# value put there (25, not 325); a bad number is refused and names the
# field; Backspace edits what is there.
type_text "25"
wait_for "Calls          25"
keys BSpace BSpace
type_text "4x"
keys Enter
wait_for "Calls: a whole number from 0 to 1000000"
keys BSpace
wait_for "Calls          4 "
keys Tab Tab
wait_for "Meetings       1"
type_text "2"
wait_for "Meetings       2"
# What was sold, the minutes (the timer's, left as they are), a note.
keys Tab
type_text "1500"
keys Tab
wait_for "Minutes        0"
keys Tab
type_text "two follow-ups booked"
keys Tab Right
wait_for "Result         ◂ done ▸"
keys Enter
wait_for 'finished "Call list: plants": done · 4 calls, 1 conv, 2 mtg, 1500 sold · 0 min worked'
# The week shows it done at once: the mark, the details, the counts.
wait_for "✓ Call list: plants"
wait_for "for quota: yes · done · 4 calls, 1 conv, 2 mtg, 1500 sold · two f"
[ ! -e "$FOCUSWEEK_DATA/timer.json" ] || fail "timer.json left behind"
fw week --date 2026-12-01 | grep -q "Call list: plants  ✓ done" ||
	fail "the command line does not see it done: $(fw week --date 2026-12-01)"
# Sold on the block is a sale naming it, so it counts toward the quota.
fw sales | grep -q "1500 USD  Manufacturing" || fail "no sale: $(fw sales)"
grep -q '"block":	"2026W49-2"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "sale not linked"
grep -q '"calls":	4' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "corrected calls not saved"
grep -q '"meetings":	2' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "meetings not saved"
# Abandoning the Wednesday block: asked first; no keeps it.
keys l
wait_for "Wed 2 Dec 08:30–11:00 · prospecting · Logistics"
keys s
wait_for '"Call list: carriers"'
keys c
wait_for "1 call  ·  0 conversations"
keys a
wait_for 'Abandon the timer on "Call list: carriers"? The block stays planned.'
keys n
wait_gone "Abandon the timer"
fw timer status | grep -q "Call list: carriers" || fail "n abandoned the timer"
keys a
wait_for 'Abandon the timer on "Call list: carriers"?'
keys y
wait_for 'abandoned "Call list: carriers" after 0 min: the block stays planned, its log is kept'
wait_for "Wed 2 Dec 08:30–11:00 · prospecting · Logistics · for quota: yes · planned"
[ -z "$(fw timer status)" ] || fail "the timer still runs"
grep -q '"end":	"abandoned"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "the log was not kept"
keys q
wait_for "EXITED:0"
