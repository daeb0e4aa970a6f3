# `week --json` holds everything the text view holds (all-day events too,
# the meetings over a block, the minutes worked, what was sold) in one
# shape, whatever the week's focus rule: "niche", "niche_am" and "niche_pm"
# are always there.  The import and the text view warn of planned work on a
# day an all-day event takes.
sample_plan
cat > cal.ics <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//focusweek tests//EN
BEGIN:VEVENT
UID:fair@example.com
DTSTART;VALUE=DATE:20261202
DTEND;VALUE=DATE:20261203
SUMMARY:Trade fair
END:VEVENT
BEGIN:VEVENT
UID:standup@example.com
DTSTART;TZID=Europe/Berlin:20261130T090000
DTEND;TZID=Europe/Berlin:20261130T091500
SUMMARY:Standup
END:VEVENT
END:VCALENDAR
ICS
fw import --ics cal.ics --week 2026-12-01
fw done 2026W49-1 --calls 12 --meetings 1 --minutes 100 --sold 900
fw week
fw week --json
# The half-day rule: the same keys, Wednesday split between two industries.
fw focus --date 2026-12-02 --rule half-day
fw focus --date 2026-12-02 --pm Retail
"$FW_BIN" week --json | python3 -c '
import json, sys
w = json.load(sys.stdin)
print(w["focus"], w["midday"])
for d in w["days"]:
    print(d["date"], sorted(d), d["niche"], d["niche_am"], d["niche_pm"],
          [a["title"] for a in d["all_day"]])
'
