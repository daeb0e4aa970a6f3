# Weekends: a Saturday block or a Sunday niche shows its day even when it is
# not a work day; with work days that include the weekend, every day shows.
sample_plan
D=$XDG_DATA_HOME/focusweek
fw week --date 2026-12-05 | grep -E '^(\$|20|[A-Z][a-z][a-z] )'
fw add --date 2026-12-05 --start 10:00 --end 12:00 --kind prospecting --industry Retail --title 'Saturday store walk-ins'
fw add --date 2026-12-05 --start 13:00 --end 14:00 --kind prospecting --industry Logistics --title 'Second industry'
fw focus --date 2026-12-06 Healthcare
fw week --date 2026-12-06
fw week --json --date 2026-12-05 | grep -E '"(date|weekday|niche|id|title)"'
# Tuesday to Saturday: Monday of next week hides, its Saturday shows.
sed -i 's/"work_days":\t\[[^]]*\]/"work_days":\t["tue", "wed", "thu", "fri", "sat"]/' "$D/plan.json"
grep work_days "$D/plan.json"
fw check
fw week --date 2026-12-12
# Every day of the week.
sed -i 's/"work_days":\t\[[^]]*\]/"work_days":\t["mon", "tue", "wed", "thu", "fri", "sat", "sun"]/' "$D/plan.json"
fw week --date 2026-12-13 | grep -E '^(\$|20|[A-Z][a-z][a-z] )'
fw add --date 2026-12-13 --start 17:00 --end 18:00 --kind admin --title 'Plan the week'
fw add --date 2026-12-13 --start 18:00 --end 19:00 --kind admin --title 'Past the day'
fw week --date 2026-12-13 | sed -n '1p;/^Sun/,$p'
# No work day at all is refused.
sed -i 's/"work_days":\t\[[^]]*\]/"work_days":\t[]/' "$D/plan.json"
fw check
