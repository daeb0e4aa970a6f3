#!/usr/bin/env bash
# Refusals keep the plan as it was and say why; niches are set per day.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Call list: plants"
before=$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")
# Tuesday's block onto Wednesday's: an overlap, refused.
keys L
wait_for 'Wed 2 Dec 08:30-11:00 overlaps "Call list: carriers"'
[ "$before" = "$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")" ] || fail "a refused move changed the file"
# A free Manufacturing block moved to Wednesday (Logistics): refused too.
keys j j a
wait_for "Add a block · Tue 1 Dec"
type_text "Extra calls"
keys Enter y Enter
wait_for 'added "Extra calls"'
before=$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")
keys L
wait_for "Manufacturing prospecting on Wed 2 Dec breaks the day's niche Logistics"
[ "$before" = "$(cat "$FOCUSWEEK_DATA/weeks/2026-W49.json")" ] || fail "a refused move changed the file"
# Earlier is fine; onto the end of the block before it is not.
keys K
wait_for "Tue 1 Dec 11:00–12:00 · prospecting"
keys K
wait_for 'overlaps "Call list: plants" (08:30-11:00)'
wait_for "Tue 1 Dec 11:00–12:00 · prospecting"
# Friday: no niche; set one through the picker.
keys l l l
wait_for "Fri 4 Dec"
keys i
wait_for "Niche for Fri 4 Dec"
keys j Enter
wait_for "niche of Fri 4 Dec: Healthcare"
grep -q '"date":	"2026-12-04"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "niche not saved"
# A Retail block there is refused in the form, which stays open.
keys a
wait_for "Add a block · Fri 4 Dec"
keys Tab Tab Tab y
keys BTab BTab BTab BTab
wait_for "Industry  ◂ Healthcare ▸"
keys Right Right Right
wait_for "Industry  ◂ Retail ▸"
keys Enter
wait_for "Retail prospecting on Fri 4 Dec breaks the day's niche"
wait_for "Healthcare: one industry per day"
keys Escape
wait_for "cancelled"
keys q
wait_for "EXITED:0"
