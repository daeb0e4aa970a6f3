# `focusweek plan` for next week, shown step by step without saving: last
# week in three lines, the rotation (continued, and by yield), a copy of
# last week's structure with its conflicts, the carry-over, the account trim
# and the quota question.  Last week (2026-W49) is a worked week: see
# plan_w49.json.
sample_plan
"$FW_BIN" week >/dev/null
printf '$ cp plan_w49.json weeks/2026-W49.json\n'
cp "$GOLDEN_DIR/plan_w49.json" "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw check
fw add --date 2026-12-08 --start 14:00 --end 15:00 --kind admin --title Dentist
fw add --date 2026-12-09 --start 09:00 --end 10:00 --kind meeting --title 'Customer call'
fw focus --date 2026-12-10 Healthcare
# Monday morning, 7 Dec: last week is over, so each of its blocks is due.
export FOCUSWEEK_NOW=2026-12-07T07:30
fw plan --week 2026-12-07
fw plan --week 2026-12-07 --rotate --dry-run
fw plan --week 2026-12-07 --rotate --by-yield --dry-run
fw plan --week 2026-12-07 --rotate --copy-last-week --carry-over --trim-accounts 20 --dry-run
fw week --date 2026-12-07

# Planning ahead, on Friday 4 Dec at 12:00: what of last week has ended is
# judged, what is still to come is not.  Unfinished: 2026W49-2 (cut short:
# 150 - 60 min tracked = 90 = 1h30), 2026W49-5 (Thu, 2h30), 2026W49-6 (Thu,
# 1h30): 3 blocks, 5h30.  The Team meeting (Fri 16:00-17:00) is still to
# come: neither unfinished nor carried (on Monday above: 4 blocks, 6h30 with
# its 1h00).  The skipped 2026W49-4 was dropped: never unfinished.
FOCUSWEEK_NOW=2026-12-04T12:00 fw plan --week 2026-12-07 --carry-over --dry-run
