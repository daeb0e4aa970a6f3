# Importing real meetings from calendar files (shaped like Google Calendar's
# and Outlook's exports) as busy time: a dry run, the import, the same file
# again, overlaps with planned blocks, meetings that are read-only; files
# read event by event, each thing not imported as written listed with its
# line and why; --strict refusing them whole, writing nothing; and what is
# no calendar at all refused.
sample_plan
cp "$GOLDEN_DIR/../data/ics/google.ics" "$GOLDEN_DIR/../data/ics/outlook.ics" .
cp "$GOLDEN_DIR/../data/ics/bad/tzid.ics" bad-zone.ics
cp "$GOLDEN_DIR/../data/ics/bad/truncated.ics" truncated.ics
fw focus --date 2026-03-25 Healthcare
fw add --date 2026-03-25 --start 13:30 --end 15:00 --kind prospecting --title 'Call list: clinics'
fw import --ics google.ics --from 2026-03-23 --to 2026-04-05 --dry-run
fw import --ics google.ics --from 2026-03-23 --to 2026-04-05
fw week --date 2026-03-25
fw week --date 2026-03-30
fw import --ics google.ics --from 2026-03-23 --to 2026-04-05
fw import --ics - --week 2026-W14 < outlook.ics
fw week --date 2026-04-01
fw edit 2026W13-2 --title 'Mine now'
fw rm 2026W13-2
fw add --date 2026-03-26 --start 17:00 --end 18:00 --kind admin --title 'Over the gym'
fw import --ics bad-zone.ics --week 2026-03-25
fw import --ics truncated.ics
fw import --ics missing.ics
fw import --ics google.ics --from 2026-01-01 --to 2027-01-01
fw import --ics google.ics --from 2026-01-01 --to 2027-01-02
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026\r\n' | fw import --ics -
fw import --ics google.ics --week 2026-03-25 --to 2026-03-29
fw import --week 2026-03-25
cp "$GOLDEN_DIR/../data/ics/peers/negative-duration.ics" "$GOLDEN_DIR/../data/ics/peers/made-up-zones.ics" \
	"$GOLDEN_DIR/../data/ics/peers/free-and-absurd.ics" .
fw import --ics negative-duration.ics --week 2026-03-23 --dry-run
fw import --ics made-up-zones.ics --week 2026-03-23 --strict
fw import --ics made-up-zones.ics --week 2026-03-23
fw import --ics free-and-absurd.ics --week 2026-03-23 --dry-run
printf 'BEGIN:VEVENT\r\nDTSTART:20260324T090000Z\r\nEND:VEVENT\r\n' | fw import --ics - --week 2026-03-23
fw check
