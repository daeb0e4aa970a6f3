# Weeks that hold a daylight-saving change are ordinary weeks: blocks are
# local dates and wall-clock times, so nothing shifts.  ISO weeks: 2026 has
# a week 53, and 2020-W53 runs into January 2021.
sample_plan
D=$XDG_DATA_HOME/focusweek
with() {
	local env=()
	while [ "$1" != -- ]; do env+=("$1"); shift; done
	shift
	printf '# with %s\n' "${env[*]}"
	(export "${env[@]}"; fw "$@")
}
fw week | head -n 2
# Whole days, so the skipped and repeated hours can be planned.
sed -i 's/"day_start":\t"08:00"/"day_start":\t"00:00"/; s/"day_end":\t"18:00"/"day_end":\t"24:00"/' "$D/plan.json"

# Europe/Berlin: 2026-03-29 loses 02:00-03:00, 2026-10-25 repeats it.
fw add --date 2026-03-28 --start 23:00 --end 24:00 --kind admin --title 'Before the change'
fw add --date 2026-03-29 --start 00:00 --end 02:00 --kind admin --title 'Night shift'
fw add --date 2026-03-29 --start 02:00 --end 03:00 --kind admin --title 'The hour that is skipped'
fw add --date 2026-03-29 --start 03:00 --end 04:00 --kind admin --title 'After the change'
fw add --date 2026-03-30 --start 09:00 --end 10:00 --kind prospecting --industry Retail --title 'Monday after'
fw week --date 2026-03-29 | sed -n '1,2p;/^Sat/,$p'
fw week --date 2026-03-30 | sed -n '1,2p;/^Mon/,/^$/p'
fw add --date 2026-10-25 --start 02:00 --end 03:00 --kind admin --title 'The hour that repeats'
fw add --date 2026-10-25 --start 02:30 --end 03:30 --kind admin --title 'Overlaps it'
fw week --date 2026-10-19 | sed -n '1,2p;/^Sun/,$p'
# Today, at the edges of the change days.
with FOCUSWEEK_NOW=2026-03-29T01:59 -- week | head -n 3
with FOCUSWEEK_NOW=@1774746000 -- week | head -n 3
with FOCUSWEEK_NOW=2026-03-29T23:59 -- week | head -n 3
with FOCUSWEEK_NOW=2026-03-30T00:00 -- week | head -n 3
with FOCUSWEEK_NOW=2026-10-25T02:30 -- week | head -n 3

# America/Sao_Paulo: 2018-11-04 started at 01:00 (no midnight); 2019-02-16
# ran 23:00-23:59 twice.
with TZ=America/Sao_Paulo -- add --date 2018-11-04 --start 00:00 --end 01:00 --kind admin --title 'Midnight that never came'
with TZ=America/Sao_Paulo -- add --date 2018-11-05 --start 08:00 --end 09:00 --kind prospecting --industry Healthcare --title 'Monday after'
with TZ=America/Sao_Paulo -- week --date 2018-11-04 | sed -n '1,3p;/^Sun/,$p'
with TZ=America/Sao_Paulo -- week --date 2018-11-05 | sed -n '1,3p;/^Mon/,/^$/p'
with TZ=America/Sao_Paulo -- add --date 2019-02-16 --start 23:00 --end 24:00 --kind admin --title 'The hour twice'
with TZ=America/Sao_Paulo -- week --date 2019-02-17 | sed -n '1,3p;/^Sat/,$p'
with TZ=America/Sao_Paulo FOCUSWEEK_NOW=2018-11-04T00:30 -- week | head -n 3
with TZ=America/Sao_Paulo FOCUSWEEK_NOW=2018-11-03T23:59 -- week | head -n 3
with TZ=America/Sao_Paulo FOCUSWEEK_NOW=@1550372400 -- week | head -n 3

# ISO week 53 of 2026, and the weeks around it.
fw week --date 2026-12-27 | head -n 2
fw week --date 2026-12-28 | head -n 2
fw add --date 2027-01-01 --start 10:00 --end 11:00 --kind admin --title 'New Year admin'
fw add --date 2027-01-03 --start 10:00 --end 11:00 --kind admin --title 'Sunday of week 53'
fw week --date 2026-12-31
fw week --date 2027-01-04 | head -n 2
printf '$ ls weeks\n'
ls "$D/weeks"
# 2020 had 53 weeks too: 3 January 2021 is still 2020-W53.
fw week --date 2020-12-31 | head -n 2
fw week --date 2021-01-03 | head -n 2
fw week --date 2021-01-04 | head -n 2
fw week --json --date 2021-01-03 | head -n 3
fw add --date 2021-01-03 --start 10:00 --end 11:00 --kind admin --title 'Last day of 2020-W53'
fw week --date 2021-01-01 | sed -n '1,2p;/^Sun/,$p'
fw check
