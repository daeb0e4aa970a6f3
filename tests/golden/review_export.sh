# The review for spreadsheets and scripts: CSV (RFC 4180) and JSON, for the
# week that crosses a month boundary (tests/data/review/month, seen on Fri
# 4 Dec 16:00; the figures are worked out in review_month.sh).
#
# CSV: a UTF-8 byte-order mark first (shown here as <BOM>), so spreadsheets
# read non-ASCII text right; one row per block of the range in date order,
# the calendar meeting included; CRLF line ends (shown here as a visible \r);
# fields with a comma or a quote are quoted and quotes doubled:
#   Call list: clinics, 50-200 beds  -> "Call list: clinics, 50-200 beds"
#   Plant managers "A" list          -> "Plant managers ""A"" list"
#   Fabrikam, Inc.                   -> "Fabrikam, Inc."
#   Pipeline & CRM, Left early: dentist: no comma, no quote: as is
# The last three columns say what each block counts as (review.h, "What
# counts"): counts_as done / unfinished / dropped / to come / calendar, its
# done time and what is left of it.  Block 3 (cut short, 130 min tracked):
# unfinished, 130 done, 150 - 130 = 20 -> 30 left; 4 (skipped): dropped;
# 7 (planned, ended): unfinished, 150 left; 12: calendar; 11 (ends 17:00):
# to come; the others done with their whole length.
cp -r "$GOLDEN_DIR/../data/review/month" "$TMPDIR/month"
export FOCUSWEEK_DATA=$TMPDIR/month FOCUSWEEK_NOW=2026-12-04T16:00
fw review --week 2026-W49 --format csv | LC_ALL=C sed 's/\r$/\\r/; s/^\xef\xbb\xbf/<BOM>/'

# JSON: minutes and whole currency units; rates in whole percent (null when
# nothing is due); yields as numbers with two decimals (null without
# prospecting hours).  The same figures as the text in review_month.sh:
# total 11 blocks, 7 done, 2 unfinished (3 and 7: 30 + 150 = 180 left), 1
# dropped (4), 1080 / 790 / 1020 minutes, 77% (before: 8 done, "skipped": 1,
# 810, 79%); "unfinished" lists 3 and 7 with cut_short and left_minutes,
# "dropped" lists 4; Manufacturing 130 prospecting minutes, 13.85 and 0.46
# per hour; total 400 minutes, 11.10 and 0.45; the meeting only in kinds;
# Healthcare 9.60 and 0.80 per hour; timer 16500 s = 275 min; accounts
# 512 / 410 / 240, freed 272; sales 9000, 1500 of them sold on block 8 (the
# CSV's "sold"); quota cutoff 2026-12-06, sold 6000, pace 3500, projection
# 30000.  The range of two weeks adds W48: from 2026-11-23.
fw review --week 2026-W49 --format json
fw review --week 2026-W49 --weeks 2 --format json | sed -n '1p;/"range"/,/}/p'

# Formula injection: a cell starting with = + - @ (or tab, CR) gets a single
# quote in front and is quoted, so a spreadsheet shows it as text.  Titles
# and a note set here on the copy (blocks 9 and 6):
#   =HYPERLINK("http://x","CRM")  -> "'=HYPERLINK(""http://x"",""CRM"")"
#   @SUM(A1:A9)                   -> "'@SUM(A1:A9)"
#   -20% admin (note +1 555 0100) -> "'-20% admin", "'+1 555 0100"
#   a=b (not first)               -> a=b
fw edit 2026W49-9 --title '=HYPERLINK("http://x","CRM")'
fw edit 2026W49-6 --title '@SUM(A1:A9)'
fw edit 2026W49-10 --title '-20% admin' --note '+1 555 0100'
fw edit 2026W49-5 --title 'a=b'
fw review --week 2026-W49 --format csv | LC_ALL=C sed 's/\r$/\\r/; s/^\xef\xbb\xbf/<BOM>/' | grep -E 'BOM|W49-(5|6|9|10),'
