#!/usr/bin/env bash
# The review screen (r in the week view) at 160x50 and 80x24 shows the
# figures of the week that crosses a month boundary (tests/data/review/month,
# worked out by hand in tests/golden/review_month.sh), seen on Fri 4 Dec
# 16:00: two columns on a wide terminal, one that scrolls on a narrow one,
# and it survives every size down to 1x1.
export FOCUSWEEK_NOW=2026-12-04T16:00
. "$(dirname "$0")/lib.sh" "$1"
cp -r "$(dirname "$0")/../data/review/month" "$FOCUSWEEK_DATA"
tui_start 160 50
wait_for "Call list: clinics B"
keys r
wait_for "Review 2026-W49 · 30 Nov – 4 Dec · as of Fri 4 Dec 16:00"
# The answer line: finished, produced, on pace (30000 projected >= 20000).
wait_for "Finished 77% · 7 of 11 blocks, 13h10 of 18h00 │ 74 calls · 15 conv · 3 meetings │ Quota 30% of 20000 USD, need 3500 a week: on pace"
# Two columns: what was finished beside the quota.
screen | grep -q "^Finished ─.*│ Quota Dec 2026 · week 1 of 5 · sales to Sun 6 Dec" ||
	fail "Finished and Quota are not side by side"
wait_for "completion 77% of the 17h00 due · 1h00 still to come"
wait_for "2 unfinished (3h00 left) · 1 dropped"
wait_for "Tue 1 Dec      0/2     2h10/3h30     61%"
wait_for "Thu 3 Dec      1/2     1h30/4h00     37%"
wait_for "prospecting    2/5     6h40/10h30    63%"
wait_for "Healthcare     1/2     2h30/5h00     50%"
wait_for "no industry    5/6     6h30/7h30    100%"
# Results per industry, the yields per prospecting hour.
wait_for "Healthcare          24    6    2    3000   2h30    9.60   0.80"
wait_for "Manufacturing       30    5    1    4500   2h10   13.85   0.46"
wait_for "no industry          0    0    0    1500  0 min       —      —"
wait_for "Total               74   15    3    9000   6h40   11.10   0.45"
# The quota: a bar 30 cells wide, 30% of it full (9 cells): 4500 and the
# 1500 sold on the Contoso block.
wait_for "6000 of 20000 USD  █████████░░░░░░░░░░░░░░░░░░░░░ 30%"
wait_for "needed 3500 USD a week for 4 weeks"
wait_for "projection at this rate 30000 USD"
# Accounts against the baseline and the -20% target.
wait_for "Fabrikam, Inc.         1h32    1h14  30 min  30 min  on target"
wait_for "freed 4h32 (planned 4h32) · 4h32 into prospecting"
# Focus, with the interruptions and their notes.
wait_for "days held to one niche  3 of 4 so far"
wait_for "not for quota           1h30 done of 2h30 planned"
wait_for "interruptions           3  Mon 2  Tue 1"
wait_for "Mon 30 Nov 09:10  Boss: forecast numbers?"
wait_for "Tue 1 Dec  09:55  Courier at the door"
# Unfinished, as the carry-over means it: the block cut short (20 min left,
# a 30-min slot) and the planned one, with what is left of each; the
# skipped block apart, as dropped.
wait_for "Unfinished 2 · 3h00 left ─"
wait_for 'Tue 1 Dec  08:30–11:00 Plant managers "A" list                    30 min left'
wait_for "Thu 3 Dec  08:30–11:00 Call list: clinics B                       2h30 left"
wait_for "Dropped 1 · skipped, not carried"
wait_for "Tue 1 Dec  11:00–12:00 LinkedIn outreach"
# The trend: eight weeks, bars three rows high on a tall screen.
wait_for "W42    W43    W44    W45    W46    W47    W48    W49"
wait_for "completion %       —      —      —      —      —      —     81     77"
wait_for "prospecting    0 min  0 min  0 min  0 min  0 min  0 min   4h30   6h40"
wait_for "w weeks  c carry  Esc week  ? help  q quit"

# 80x24: one column, the answer in short words, scrolling.
resize 80 24
wait_for "Done 77% · 7/11 blocks │ 74 calls · 3 mtgs │ Quota 30%, on pace (3500/wk)"
wait_for "Mon 30 Nov     2/2     4h30/4h30    100%  ████████████████████"
wait_gone "Results per industry"
keys PageDown
wait_for "Results per industry"
wait_for "Total               74   15    3    9000   6h40   11.10   0.45"
wait_for "projection at this rate 30000 USD"
# The quota's verdict is said once, in the answer line, not again in its panel.
[ "$(screen | grep -c "on pace")" -eq 1 ] || fail "the quota line shows twice"
keys PageDown PageDown
wait_for "Trend: the last 8 weeks"
keys G
wait_for "prospecting    0 min  0 min  0 min  0 min  0 min  0 min   4h30   6h40"
# The bottom: one more j moves nothing; k and g go back up.
keys j
wait_for "prospecting    0 min"
keys g
wait_for "Finished ─"
keys j j
wait_gone "7 of 11 blocks done"
wait_for "completion 77% of the 17h00 due"
keys k
wait_for "7 of 11 blocks done · 13h10 of 18h00 planned"
wait_gone "Finished ─"
# The help lists the review's keys.
keys '?'
wait_for "one week, or the last 4, 8 or 13"
keys Escape
wait_gone "one week, or the last 4"

# Down to 1x1 and back: nothing breaks, the review is still there.
resize 40 12
wait_for "Review 2026-W49"
wait_for "Done 77% · 7/11 blocks │ 74 calls · 3 m…"
resize 19 5
wait_for "Too small"
for size in 20x3 1x1 2x2 5x1 1x5 200x60 3x3 60x20 1x1 30x7 160x50; do
	resize "${size%x*}" "${size#*x}"
done
wait_for "Finished 77% · 7 of 11 blocks"
wait_for "Healthcare          24    6    2"
pid=$(tui_pid)
[ -n "$pid" ] || fail "the planner died in the resize storm"
keys q
wait_for "EXITED:0"

# Without a UTF-8 locale: ASCII bars and lines only.
tui_session ascii
tui_start 130 40 LANG=C LC_ALL=C
wait_for "Call list: clinics B"
keys r
wait_for "Review 2026-W49 - 30 Nov - 4 Dec - as of Fri 4 Dec 16:00"
wait_for "6000 of 20000 USD  #########..................... 30%"
wait_for "completion %      -     -     -     -     -     -    81    77"
assert_ascii_screen
keys q
wait_for "EXITED:0"
