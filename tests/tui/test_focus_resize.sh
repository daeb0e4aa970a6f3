#!/usr/bin/env bash
# The focus screen from 200x60 down to 1x1 and back, with and without a
# dialog open: it degrades (big digits, then plain mm:ss, then parts by
# importance) and never crashes; with LANG=C it is ASCII only.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 40
wait_for "Call list: plants"
keys s
wait_for "1h45 left · ▶ running"
# Big digits: the "1" of 1:45:00 drawn in blocks.
wait_for "██████"
for size in "200 60" "80 24" "60 20" "40 12" "30 8" "20 6" "12 4" "10 3" "5 2" "1 1" "200 60"; do
	set -- $size
	resize "$1" "$2"
	case "$size" in
	"200 60"|"80 24") wait_for "1h45 left · ▶ running · 0 min worked of 1h45" ;;
	"40 12") wait_for "▶ 1:45:00 left" ;;
	"20 6"|"12 4") wait_for "1:45:00" ;;
	esac
	[ -n "$(tui_pid)" ] || fail "crashed at $size"
done
# 40x12: every part but the big digits.
resize 40 12
wait_for "▶ 1:45:00 left"
wait_for "M A N U F A C T U R I N G"
wait_for "Will this help me make my sales quota?"
# A dialog open while shrinking and growing.
resize 80 24
keys x
wait_for "Finish · Call list: plants"
for size in "40 12" "20 6" "5 2" "1 1" "80 24"; do
	set -- $size
	resize "$1" "$2"
	[ -n "$(tui_pid)" ] || fail "crashed at $size with the form open"
done
wait_for "Finish · Call list: plants"
keys Escape
wait_for "not finished; the timer runs on"
keys i
wait_for "What pulled you away?"
resize 20 6
resize 1 1
resize 80 24
wait_for "What pulled you away?"
keys Escape
keys q
wait_for "EXITED:0"
# LANG=C: ASCII big digits and glyphs.
tui_session ascii
tui_start 80 24 LANG=C LC_ALL=C
wait_for "> Call list: ~"
keys f
wait_for "1h45 left - > running - 0 min worked of 1h45"
wait_for "######"
assert_ascii_screen
keys Space
wait_for "1h45 left - || paused for 0 min"
assert_ascii_screen
keys f
wait_for "|| Manufacturing - 1h45 left"
assert_ascii_screen
keys q
wait_for "EXITED:0"
