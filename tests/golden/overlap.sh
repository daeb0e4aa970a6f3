# A real meeting imported onto planned time is shown, never a lock: what
# happened on the block is still recorded (done, skip, a new title, the
# timer started, counted, stopped and abandoned); only a change of its own
# time is checked; edit --fit moves or shortens it clear of the meeting.
sample_plan
cat > standup.ics <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//focusweek tests//EN
BEGIN:VEVENT
UID:standup-1@example.com
DTSTART;TZID=Europe/Berlin:20261130T090000
DTEND;TZID=Europe/Berlin:20261130T091500
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
UID:standup-2@example.com
DTSTART;TZID=Europe/Berlin:20261201T090000
DTEND;TZID=Europe/Berlin:20261201T091500
SUMMARY:Standup
END:VEVENT
BEGIN:VEVENT
UID:review-1@example.com
DTSTART;TZID=Europe/Berlin:20261202T080000
DTEND;TZID=Europe/Berlin:20261202T180000
SUMMARY:Offsite
END:VEVENT
END:VCALENDAR
ICS
fw week
fw import --ics standup.ics --week 2026-12-01
fw week --date 2026-11-30
# Recording what happened on Monday's block, under the standup.
fw edit 2026W49-1 --title 'Call list: clinics, second pass' --note 'after the standup'
fw done 2026W49-1 --calls 12 --conversations 3
fw skip 2026W49-4
# Tuesday's block: the timer starts, counts, switches, stops.
fw timer start 2026W49-2
fw count calls 3
fw timer stop --abandon
fw timer start 2026W49-2
fw timer start 2026W49-3 --switch
fw timer start 2026W49-2 --switch
fw timer stop
# Its time is checked: onto the standup is refused, clear of it is not.
fw edit 2026W49-2 --start 08:30 --end 10:00
fw edit 2026W49-2 --fit shorten
fw edit 2026W49-2 --fit shorten
fw week --date 2026-12-01
# Wednesday is all offsite: nowhere to move to, nothing to shorten to.
fw edit 2026W49-4 --fit move
fw edit 2026W49-4 --fit shorten
fw edit 2026W49-4 --fit sideways
fw edit 2026W49-4 --fit move --start 12:00
fw done 2026W49-4 --cut-short --minutes 30
fw check
