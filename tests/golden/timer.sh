# The focus timer from the command line, the clock pinned and moved on between
# commands: start on the block happening now (Tue 1 Dec 09:15, "Call list:
# plants" 08:30-11:00), count, pause, resume, interrupt, overtime, extend, stop.
sample_plan
fw timer start
show timer.json
FOCUSWEEK_NOW=2026-12-01T09:20 fw count calls
FOCUSWEEK_NOW=2026-12-01T09:21 fw count calls 6
FOCUSWEEK_NOW=2026-12-01T09:25 fw count conversations
FOCUSWEEK_NOW=2026-12-01T09:25 fw count meetings
FOCUSWEEK_NOW=2026-12-01T09:26 fw count calls -2
FOCUSWEEK_NOW=2026-12-01T09:30 fw timer pause
FOCUSWEEK_NOW=2026-12-01T09:42:30 fw timer status
FOCUSWEEK_NOW=2026-12-01T09:45 fw timer resume
FOCUSWEEK_NOW=2026-12-01T09:50 fw interrupt courier at the door
FOCUSWEEK_NOW=2026-12-01T09:55 fw interrupt
FOCUSWEEK_NOW=2026-12-01T10:00 fw timer status --format '%S: %e worked, %r left, ends %E, %p%%, %n interruptions'
# 15 minutes paused: the countdown reaches zero at 11:15, then overtime runs.
FOCUSWEEK_NOW=2026-12-01T11:15 fw timer status
FOCUSWEEK_NOW=2026-12-01T11:18:10 fw timer status
FOCUSWEEK_NOW=2026-12-01T11:18:10 fw timer extend 10
FOCUSWEEK_NOW=2026-12-01T11:20 fw timer status
# The clock moved back (before the last change at 11:18:10): no negative time.
FOCUSWEEK_NOW=2026-12-01T08:00 fw timer status
# A suspend or a forward jump counts as time worked; here 4h00 on a 1h55
# budget, more than twice it: the timer was left running, and says so.
FOCUSWEEK_NOW=2026-12-01T13:30 fw timer status
show timer.json
# Stopped after its time was up: done.  The week gets the outcome and the log.
FOCUSWEEK_NOW=2026-12-01T11:30 fw timer stop --revenue 1500 --note 'two follow-ups booked'
fw timer status
test -e "$XDG_DATA_HOME/focusweek/timer.json" || echo "(timer.json removed)"
fw week
grep -E '"(id|status|cut_short|calls|conversations|meetings|amount|block|note)"' \
	"$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
sed -n '/"sessions"/,/^	]/p' "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
# Stopped early: cut short by default.
FOCUSWEEK_NOW=2026-12-01T14:00 fw timer start
FOCUSWEEK_NOW=2026-12-01T15:00 fw timer stop
# Abandoned: the block is not marked done, the log is kept.
FOCUSWEEK_NOW=2026-12-02T09:00 fw timer start
FOCUSWEEK_NOW=2026-12-02T09:10 fw count calls 2
FOCUSWEEK_NOW=2026-12-02T09:12 fw timer stop --abandon
fw week --date 2026-12-02
fw check
