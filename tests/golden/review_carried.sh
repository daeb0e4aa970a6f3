# Unfinished blocks carried into the week after are marked in the review
# (the review reads that week too), and the counts of a timer run that was
# abandoned count as the work they were.  The data is tests/data/review/month
# (the figures of W49 are worked out in review_month.sh), seen on Fri 4 Dec
# 16:00.
#
# W49's unfinished blocks, one list for the review and the carry-over (seen
# the same way, at the same moment): 2026W49-3 (done, cut short: 150 - 130
# min tracked = 20 min left, one 30-min slot) and 2026W49-7 (Thu 08:30-11:00,
# Healthcare, planned, 2h30): 2 blocks, 3h00.  The skipped 2026W49-4 was
# dropped: not unfinished, not carried.  2026W49-11 (Fri 16:00-17:00) is
# still to come at 16:00: not unfinished, so not carried either (before the
# two shared one meaning, plan carried it to Fri 11 Dec while the review
# did not list it; and the review listed 2026W49-4 but not 2026W49-3).  W50
# gets Healthcare on Monday: 2026W49-7 goes to the first free 2h30 of
# Healthcare's day (Mon 7 Dec 08:00, the day starts at 08:00); 2026W49-3
# finds no Manufacturing day.  W50 ids go on from its next_seq, 2:
# 2026W49-7 -> 2026W50-2.  Last week: done time 790 of 1080 = 73%.
cp -r "$GOLDEN_DIR/../data/review/month" "$TMPDIR/month"
export FOCUSWEEK_DATA=$TMPDIR/month FOCUSWEEK_NOW=2026-12-04T16:00
fw focus --date 2026-12-07 Healthcare
fw plan --week 2026-12-07 --carry-over | sed -n '/carry/,$p'
fw week --date 2026-12-07

# The review of W49: the same 2 unfinished, 1 of them carried (2026W49-7 as
# 2026W50-2), and 2026W49-4 dropped; the figures are those of
# review_month.sh: carrying changes no figure.
fw review --week 2026-W49 | sed -n '/^FINISHED/,/^RESULTS/p'
fw review --week 2026-W49 --format md | sed -n '/^### Unfinished/,/^## Results/p'
fw review --week 2026-W49 --format json | sed -n '/"unfinished"/,/^    \]/p' | grep -E '"(id|status|carried_to)"'

# W49 as part of two weeks: W48's skipped 2026W48-4 is dropped, not
# unfinished (it was listed, not carried, before).
fw review --week 2026-W49 --weeks 2 | sed -n '/Unfinished/,/^$/p'

# Abandoned timer runs.  Mon 7 Dec 08:00, the timer on 2026W50-2 (Healthcare
# prospecting, carried): 6 calls, 2 conversations, 1 meeting, then abandoned
# at 08:40.  The block stays planned; its counts are on it.  A second run on
# it, 08:50-10:30, counts 4 calls and is stopped done (the planned end).
export FOCUSWEEK_NOW=2026-12-07T08:00
fw timer start 2026W50-2
FOCUSWEEK_NOW=2026-12-07T08:10 fw count calls 6
FOCUSWEEK_NOW=2026-12-07T08:20 fw count conversations 2
FOCUSWEEK_NOW=2026-12-07T08:30 fw count meetings 1
FOCUSWEEK_NOW=2026-12-07T08:40 fw timer stop --abandon
FOCUSWEEK_NOW=2026-12-07T08:50 fw timer start 2026W50-2
FOCUSWEEK_NOW=2026-12-07T09:00 fw count calls 4
FOCUSWEEK_NOW=2026-12-07T10:30 fw timer stop
# Seen Mon 7 Dec 12:00: Healthcare 6 + 4 = 10 calls (not 6 + 6 + 4 + 4: the
# sessions are not added again), 2 conversations, 1 meeting; prospecting
# done 150 min (the block's planned length): 10 x 60 / 150 = 4.00 calls/h,
# 1 x 60 / 150 = 0.40 meetings/h.  Sales in W50: 2000 (8 Dec, Healthcare).
# The trend's W50: 1 meeting, 2h30 of prospecting.  W49, all due now: done
# time 790 of 1080 = 73.1 -> 73% (was 810, 75%), prospecting 6h40.
export FOCUSWEEK_NOW=2026-12-07T12:00
fw review --week 2026-W50 | sed -n '/^RESULTS/,/^$/p;/^TREND/,$p'
