#!/usr/bin/env bash
# Week navigation at 80x24: next and previous weeks, today, the weekend, the
# day-by-day cursor crossing into the neighbouring week, and the help overlay.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 80 24
wait_for "Will this help me make my sales quota?"
wait_for "Tue 1"
keys ]
wait_for "Mon 7"
wait_for "Tue 8 Dec 09:00 · free · niche none"
keys [ [
wait_for "Mon 23"
keys t
wait_for "Mon 30"
wait_for "Tue 1 Dec 08:30–11:00 · prospecting · Manufacturing"
# The weekend, shown and hidden.
keys w
wait_for "days off shown"
wait_for "Sun 6"
keys w
wait_for "days off hidden"
wait_gone "Sun 6"
# Left from Monday goes to the previous week's Friday.
keys h h
wait_for "Fri 27 Nov 09:00 · free"
keys l
wait_for "Mon 30 Nov 08:30–11:00 · prospecting · Healthcare"
# Home and End of the day.
keys G
wait_for "Mon 30 Nov 17:30 · free"
keys g
wait_for "Mon 30 Nov 08:00 · free"
# The help overlay lists the keys of the same table that dispatches them.
keys '?'
wait_for "Keys  (? or Esc closes"
wait_for "move the block to the next day"
keys j j j j j j j j j j j j j j j j j j j j j j j j j j
wait_for "quit (everything is already saved)"
keys Escape
wait_gone "Keys  (? or Esc closes"
# A key that is bound to nothing says so.
keys Z
wait_for "Z does nothing here; ? shows the keys"
keys q
wait_for "EXITED:0"
