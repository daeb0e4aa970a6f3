# A week with a daylight-saving change: 2026-W13 (23-29 Mar) in Berlin,
# clocks go from 02:00 CET to 03:00 CEST on Sun 29 Mar.  Half-day niches and
# a quarterly quota.  The data is tests/data/review/dst; seen on Mon 30 Mar.
#
# Blocks (minutes are wall-clock; a 23-hour Sunday changes nothing):
#   1 Mon 09:00-10:30 P Energy   90 done 12/3/1
#   2 Mon 13:00-14:00 P Retail   60 done  8/2/0
#   3 Tue 11:00-13:00 P Energy  120 done 15/4/2 (across midday: AM and PM)
#   4 Wed 09:00-10:00 P Retail   60 planned: unfinished, 1h00 left
#   5 Thu 14:00-15:30 A Stadtwerke 90 done
#   6 Fri 09:00-10:00 admin *    60 done (not for quota)
#   7 Sun 10:00-11:00 P Energy   60 done  6/0/1
# 540 min = 9h00, done 480 = 8h00, all due: 88.9 -> 88%.  1 unfinished
# (block 4, 1h00 left), 0 dropped (was "0 skipped"); the CSV's last columns:
# block 4 unfinished, 0 done, 60 left, the others done with their length
# (none is cut short).  Prospecting 330 of
# 390 = 84.6 -> 84%.  Energy 270/270; Retail 60 of 120 = 50%; none 150/150.
# Yields: Energy 33 calls x 60 / 270 = 7.333 -> 7.33, 4 x 60 / 270 = 0.889 ->
# 0.89; Retail 8 x 60 / 60 = 8.00, 0.00; total 41/9/4 over 330: 7.4545 ->
# 7.45, 0.727 -> 0.73.  Sales in the week: 9000 (Energy, 24 Mar).
# Half-days: Mon AM (Energy) held, Mon PM (Retail) held, Tue AM and PM
# (Energy, block 3) held, Wed AM (Retail) not done, Sun AM (no niche, block 7)
# held: 5 of 6.
# Interruptions, in local time from their UTC instants: Mon 09:45 CET
# (1774255500), Fri 09:30 CET (1774600200), Sun 10:20 CEST (1774772400 =
# 08:20 UTC; at the winter offset it would wrongly read 09:20).
# Timer: 5400 + 3600 + 3600 s = 210 min = 3h30.
# Account: 120 -> target 96 (1h36); done 90: -0h30; freed 30 = 0h30.
# Quota: Q1 2026 (Thu 26 Mar); Thursdays 1 Jan .. 26 Mar: 13 weeks, this is
# the 13th and last, so sales count to Tue 31 Mar: 10000 (2 Jan) + 9000 (24
# Mar) + 5000 (31 Mar) = 24000; not 7000 on 30 Dec 2025 (Q4, in W01's file)
# nor 3000 on 1 Apr (Q2).  24000 / 60000 = 40%, bar 8 of 20; 36000 short;
# projection 24000 x 13 / 13 = 24000.
# Trend W06..W13: W12 (180 min, done 120: 66%; 1 meeting; 2h00), W13 (88%,
# 4, 5h30).  Sparks: 66 -> (462+50)/100 = 5; 88 -> 6; meetings 1 of 4 ->
# (7+2)/4 = 2, 4 -> 7; prospecting 120 of 330 -> (840+165)/330 = 3, 330 -> 7.
cp -r "$GOLDEN_DIR/../data/review/dst" "$TMPDIR/dst"
export FOCUSWEEK_DATA=$TMPDIR/dst FOCUSWEEK_NOW=2026-03-30T08:00
fw review --week 2026-W13
fw review --week 2026-W13 --format csv | LC_ALL=C sed 's/\r$/\\r/; s/^\xef\xbb\xbf/<BOM>/'
fw review --week 2026-W13 --format json | sed -n '1p;/"focus"/,/"timer_seconds"/p'

# The quarter's sales: 2 Jan, 24 Mar, 31 Mar (not 30 Dec 2025, not 1 Apr).
fw sales --date 2026-02-10
fw sales --period year --date 2025-12-31 --json
