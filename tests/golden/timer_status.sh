# `timer status` for status bars: nothing without a timer (never creating the
# data folder), the default line, %-fields, ASCII in a non-UTF-8 locale.
fw timer status
test -e "$XDG_DATA_HOME/focusweek" || echo "(no data folder was created)"
fw --data "$TMPDIR/elsewhere" timer status
test -e "$TMPDIR/elsewhere" || echo "(no data folder was created)"
fw timer status --format '%q'
fw timer status --format 'at 50%'
fw --demo timer status
fw timer status --help
sample_plan
fw timer status
fw timer start
fw timer status
fw timer status --format '%s|%S|%b|%k|%i|%t|%C|%r|%o|%R|%e|%p|%E|%c|%v|%m|%n|%%'
LC_ALL=C fw timer status
FOCUSWEEK_NOW=2026-12-01T09:30 LC_ALL=C fw timer pause
FOCUSWEEK_NOW=2026-12-01T10:00 LC_ALL=C fw timer status
FOCUSWEEK_NOW=2026-12-01T10:00 fw timer status
FOCUSWEEK_NOW=2026-12-01T10:05 fw timer resume
# 35 minutes paused: the 1:45:00 run out at 11:35.
FOCUSWEEK_NOW=2026-12-01T11:38:10 fw timer status --format '%s %S %R (%o over, %r left) %p%%'
FOCUSWEEK_NOW=2026-12-01T11:38:10 fw timer status
FOCUSWEEK_NOW=2026-12-01T11:38:10 LC_ALL=C fw timer status
FOCUSWEEK_NOW=2026-12-01T11:38:10 fw timer status --format '%E'
# A title carrying an escape sequence (timer.json edited by hand) never
# reaches the terminal: the file is refused.
sed -i 's/"title":	"Call list: plants"/"title":	"\\u001b[2Jplants"/' "$XDG_DATA_HOME/focusweek/timer.json"
fw timer status
fw timer status --format json
# JSON for waybar and i3blocks: one line, whose escaping holds for a title
# with quotes and backslashes (read back by python's json).
cp "$XDG_DATA_HOME/focusweek/timer.json.bak" "$XDG_DATA_HOME/focusweek/timer.json" 2>/dev/null ||
	rm -f "$XDG_DATA_HOME/focusweek/timer.json"
FOCUSWEEK_NOW=2026-12-01T11:38:10 fw timer stop --abandon
fw --demo timer status --format json
fw timer status --format json
fw add --date 2026-12-01 --start 12:00 --end 13:00 --kind admin --title 'CRM "wins" \ notes, 50%'
FOCUSWEEK_NOW=2026-12-01T12:10 fw timer start 2026W49-9
FOCUSWEEK_NOW=2026-12-01T12:20 fw timer status --format json
FOCUSWEEK_NOW=2026-12-01T12:20 LC_ALL=C fw timer status --format json
for loc in C.UTF-8 C; do
	FOCUSWEEK_NOW=2026-12-01T12:20 LC_ALL=$loc "$FW_BIN" timer status --format json | python3 -c '
import json, sys
text = sys.stdin.read()
assert text.count("\n") == 1, "one line"
d = json.loads(text)
print(d["title"], "|", d["text"], "|", d["class"], d["remaining"], d["percentage"])'
done
