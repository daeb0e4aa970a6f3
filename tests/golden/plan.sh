# `focusweek plan` for next week, shown step by step without saving: last
# week in three lines, the rotation (continued, and by yield), a copy of
# last week's structure with its conflicts, the carry-over, the account trim
# and the quota question.  Last week (2026-W49) is a worked week: see
# plan_w49.json.
"$FW_BIN" week >/dev/null
printf '$ cp plan_w49.json weeks/2026-W49.json\n'
cp "$GOLDEN_DIR/plan_w49.json" "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw check
fw add --date 2026-12-08 --start 14:00 --end 15:00 --kind admin --title Dentist
fw add --date 2026-12-09 --start 09:00 --end 10:00 --kind meeting --title 'Customer call'
fw focus --date 2026-12-10 Healthcare
fw plan --week 2026-12-07
fw plan --week 2026-12-07 --rotate --dry-run
fw plan --week 2026-12-07 --rotate --by-yield --dry-run
fw plan --week 2026-12-07 --rotate --copy-last-week --carry-over --trim-accounts 20 --dry-run
fw week --date 2026-12-07
