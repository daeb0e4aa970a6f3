# `focusweek plan` applied: --replace takes the niche and the block in the
# way, the freed account time becomes prospecting, the "not for quota"
# blocks are dropped, all in one save.  Planning again proposes only what
# is not there yet.
sample_plan
"$FW_BIN" week >/dev/null
printf '$ cp plan_w49.json weeks/2026-W49.json\n'
cp "$GOLDEN_DIR/plan_w49.json" "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw add --date 2026-12-08 --start 14:00 --end 15:00 --kind admin --title Dentist
fw add --date 2026-12-09 --start 09:00 --end 10:00 --kind meeting --title 'Customer call'
fw focus --date 2026-12-10 Healthcare
# Monday morning, 7 Dec: last week is over, so each of its blocks is due.
export FOCUSWEEK_NOW=2026-12-07T07:30
fw plan --week 2026-12-07 --rotate --copy-last-week --carry-over --trim-accounts 20 --replace --fill-freed --drop-not-quota
fw week --date 2026-12-07
fw check
fw plan --week 2026-12-07 --rotate --copy-last-week --carry-over --dry-run
