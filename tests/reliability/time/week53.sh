# ISO week 53 through the command line: the weeks around the year's end in a
# year with 53 weeks (2026, 2020) and without (2024, 2025), blocks added in
# week 53 on the days of the new year, moved into week 52 and week 1, and the
# niche of "today" set on the new year's Saturday.
D=$XDG_DATA_HOME/focusweek
sample_plan
fw week --date 2026-12-31
fw week --date 2027-01-03
fw add --date 2027-01-01 --start 09:00 --end 10:00 --kind admin --title 'New year, week 53'
fw add --date 2026-12-28 --start 09:00 --end 10:00 --kind admin --title 'Monday of week 53'
fw add --date 2027-01-04 --start 09:00 --end 10:00 --kind admin --title 'Week 1'
fw focus --date 2026-12-28 Healthcare
FOCUSWEEK_NOW=2027-01-02T12:00 fw focus Retail
fw week --date 2027-01-01
fw edit 2026W53-1 --date 2027-01-05
fw edit 2026W53-2 --date 2026-12-25
fw week --date 2026-12-28
fw week --date 2027-01-04
fw week --date 2026-12-21
echo '$ ls weeks'
ls "$D/weeks" | grep -v '\.bak$'
fw week --date 2021-01-03
fw week --date 2024-12-30
fw week --date 2025-12-29
fw check
