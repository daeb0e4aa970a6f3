#!/usr/bin/env bash
# Stepping weeks on the review screen, the last 4 / 8 / 13 weeks, the
# trend, and back to the week reviewed.  The data is tests/data/review/month
# (W48 and W49 worked out in tests/golden/review_month.sh), seen on Fri 4 Dec
# 16:00.
export FOCUSWEEK_NOW=2026-12-04T16:00
. "$(dirname "$0")/lib.sh" "$1"
cp -r "$(dirname "$0")/../data/review/month" "$FOCUSWEEK_DATA"
tui_start 160 50
wait_for "Call list: clinics B"
keys r
wait_for "Review 2026-W49 · 30 Nov – 4 Dec"
# The week before: W48, all due: 3 of 4 blocks, 390 of 480 min, 81%; November is over
# (week 4 of 4), 4200 sold of 20000: 15800 short with no week left.
keys [
wait_for "Review 2026-W48 · 23 Nov – 27 Nov"
wait_for "Finished 81% · 3 of 4 blocks, 6h30 of 8h00"
wait_for "Quota 21%: 15800 USD short as the period ends"
wait_for "Quota Nov 2026 · week 4 of 4 · sales to Mon 30 Nov"
wait_for "Retail              18    3    1       0   2h30    7.20   0.40"
wait_for "Thu 26 Nov 08:30–10:00 Clinics"
# The trend ends with the week on screen.
wait_for "W41    W42    W43    W44    W45    W46    W47    W48"
wait_for "meetings           0      0      0      0      0      0      0      3"
# The week after W49: W50 holds a sale (2000, 8 Dec): December's 8000 (4500
# and 1500 sold on a block in W49, 2000) of 20000 in week 2 of 5 projects
# 8000 x 5 / 2 = 20000, on pace; 12000 over 3 weeks = 4000.
keys ] ]
wait_for "Review 2026-W50 · 7 Dec – 11 Dec"
wait_for "nothing was planned"
wait_for "Quota 40% of 20000 USD, need 4000 a week: on pace"
wait_for "W43    W44    W45    W46    W47    W48    W49    W50"
# t: this week again.
keys t
wait_for "Review 2026-W49 · 30 Nov – 4 Dec"
# The last 4 weeks (W46-W49, only W48 and W49 hold blocks): 15 blocks,
# 26h00, 19h40 done (390 + 790 min: W49's block cut short counts its 130
# tracked minutes), 25h00 due: 1180/1500 = 78.7 -> 78% (was 20h00, 80%);
# the baselines count 4 weeks.  Prospecting done 270 + 400 = 670 = 11h10:
# 107 x 60 / 670 = 9.58 calls/h, 6 x 60 / 670 = 0.54 meetings/h.
keys w
wait_for "the last 4 weeks"
wait_for "Review 2026-W46 – 2026-W49, 4 weeks"
wait_for "Finished 78% · 10 of 15 blocks, 19h40 of 26h00"
wait_for "Total              107   22    6   10200  11h10    9.58   0.54"
wait_for "Northwind Clinics     16h00   12h48    4h00    4h00  on target"
wait_for "Thu 26 Nov 08:30–10:00 Clinics"
keys w
wait_for "Review 2026-W42 – 2026-W49, 8 weeks"
keys w
wait_for "Review 2026-W37 – 2026-W49, 13 weeks"
wait_for "Northwind Clinics     52h00   41h36"
keys w
wait_for "one week"
wait_for "Review 2026-W49 · 30 Nov – 4 Dec"
# Back to the week, on the week reviewed; r opens it again from there.
keys [
wait_for "Review 2026-W48"
keys Escape
wait_for "2026-W48 · 23 Nov – 27 Nov · Will this help me make my sales quota?"
wait_for "a add  Enter edit"
keys ] r
wait_for "Review 2026-W49 · 30 Nov – 4 Dec"
keys r
wait_for "2026-W49 · 30 Nov – 4 Dec · Will this help me make my sales quota?"
keys q
wait_for "EXITED:0"
