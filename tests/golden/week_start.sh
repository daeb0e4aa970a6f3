# A Sunday-to-Thursday week with 12-hour times: one week on screen, in
# `week`, in planning and in the review, named by its Monday's ISO week and
# saying which ISO weeks its days fall in.  Times are typed and shown as
# 9am; the files and JSON keep 24-hour times.
fw init --industries 'Construction,Education,Healthcare,Logistics' \
	--accounts 'Grand Hotel:180' --quota 30000 --days sun-thu --week-start sunday \
	--time-format 12h --hours 8:00-17:00
fw focus --date 2026-11-29 Construction
fw add --date 2026-11-29 --start 9am --end 11am --kind prospecting --title 'Sunday calls'
fw add --date 2026-12-03 --start 1:30pm --end 3pm --kind account --account 'Grand Hotel' \
	--title 'Quarterly review'
fw add --date 2026-12-04 --start 9:00 --end 10:00 --kind admin --title 'Friday, a day off'
fw week
fw week --json | grep -E '"(week|date|start|end|id)"'
show weeks/2026-W49.json | grep -E '"(date|start)"'
fw plan --rotate --dry-run
fw done 2026W49-1 --calls 10 --meetings 1
FOCUSWEEK_NOW=2026-12-04T17:00 fw review
fw settings set week.start monday
fw settings week.start
fw check
