# A timer left running over the weekend: started Friday 17:00 on an hour's
# block, still running on Monday.  Every look at it asks when the work
# stopped (the status line, stop, a switch), and stop --at records that
# instead of 63 hours of work.
sample_plan
export FOCUSWEEK_NOW=2026-12-04T15:00
fw add --date 2026-12-04 --start 17:00 --end 18:00 --kind admin --title 'CRM cleanup'
FOCUSWEEK_NOW=2026-12-04T17:00 fw timer start 2026W49-9
FOCUSWEEK_NOW=2026-12-04T17:20 fw count calls 2
# Half an hour past its end: overtime, still counting.
FOCUSWEEK_NOW=2026-12-04T18:30 fw timer status
# Twice its time worked: left running.
FOCUSWEEK_NOW=2026-12-04T19:30 fw timer status --format '%S %e'
export FOCUSWEEK_NOW=2026-12-07T08:00
fw timer status
fw timer stop
fw timer stop --abandon
fw timer start 2026W49-8 --switch
# The time is read on the day of its last change (Friday 17:20).
fw timer stop --at 17:00
fw timer stop --at 'on friday'
fw timer stop --at 2026-12-08T09:00
fw timer stop --at 17:40
fw timer status
fw week --date 2026-12-04
# The timer counted 17:00-17:40 of the hour: cut short, 40 min done, 20 left
# (30 on the slot grid); the timer's time is 40 min, not 63h00.
fw review --week 2026-W49 | grep -E 'time on the timer|CRM cleanup|  admin '
fw timer stop --help
