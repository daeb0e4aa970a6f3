# Exporting blocks as a calendar file: this week's starter plan in the local
# zone (Europe/Berlin, with its VTIMEZONE), then in UTC when the zone has no
# name, to a file, and back in elsewhere as meetings.  Refusals: a symbolic
# link, a folder, bad ranges.
sample_plan
fw export --ics - | tr -d '\r'
TZ='CET-1CEST,M3.5.0,M10.5.0/3' fw export --ics - --from 2026-12-01 --to 2026-12-01 | tr -d '\r'
fw add --date 2026-12-08 --start 13:00 --end 14:30 --kind prospecting --industry Retail --title 'Call list: malls'
fw add --date 2026-12-09 --start 17:00 --end 18:00 --kind admin --title 'Forecast' --not-quota
fw export --ics two-weeks.ics --from 2026-11-30 --to 2026-12-13
stat -c '%a %n' two-weeks.ics
# Another install: its own starter week has blocks of the very same ids, but
# the UIDs carry each install's id, so nothing collides: all come in as
# meetings at the same times.
FOCUSWEEK_INSTALL_ID=other2 sample_plan --data other
fw --data other import --ics two-weeks.ics --from 2026-11-30 --to 2026-12-13
fw --data other week --date 2026-12-01
fw --data other week --date 2026-12-08
# The same export read back by its own plan: its blocks, left out as its own;
# so are those of an export made before installs had ids ("ID@focusweek").
fw import --ics two-weeks.ics --from 2026-11-30 --to 2026-12-13 --dry-run
sed 's/\.golden1@focusweek/@focusweek/' two-weeks.ics > before-ids.ics
grep -c '^UID:2026W[0-9]*-[0-9]*@focusweek' before-ids.ics
fw import --ics before-ids.ics --from 2026-11-30 --to 2026-12-13 --dry-run
fw --data other import --ics two-weeks.ics --from 2026-11-30 --to 2026-12-13 --dry-run
ln -s two-weeks.ics link.ics
fw export --ics link.ics
fw export --ics ./
fw export --ics no/such/folder/x.ics
fw export --ics x.ics --from 2026-12-01
fw export --ics x.ics --from 2026-12-04 --to 2026-12-01
fw export --ics x.ics --week 2026-W60
fw export --week 2026-12-01
ls
