# The timer's refusals and usage errors, each naming the problem and the way
# out; one timer at most; stale timers.
sample_plan
fw timer pause
fw timer stop
fw count calls
fw interrupt 'no timer'
FOCUSWEEK_NOW=2026-12-01T12:15 fw timer start
FOCUSWEEK_NOW=2026-12-03T17:30 fw timer start
FOCUSWEEK_NOW=2026-12-04T17:30 fw timer start
fw timer start 2026W49-404
fw timer start 2026W49-2 extra
fw timer start 2026W49-2
fw timer start 2026W49-2
fw timer start 2026W49-3
fw timer resume
fw timer pause
fw timer pause
fw timer extend 0
fw timer extend abc
fw timer extend 1441
fw timer extend 1h
fw timer status
fw timer extend
fw count emails
fw count calls lots
fw count meetings -1
fw count calls 1 2
fw count
fw interrupt $'bell\a'
fw timer stop --done --abandon
fw timer stop --revenue -5
fw timer stop --note $'two\nlines'
fw done 2026W49-2 --calls 3
fw skip 2026W49-2
show timer.json
# --switch abandons the running timer (logged) and starts the other one.
export FOCUSWEEK_NOW=2026-12-01T09:20
fw timer start 2026W49-3 --switch
sed -n '/"sessions"/,/^	]/p' "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
# Its block removed meanwhile by another program (focusweek rm refuses while
# the timer runs on it): status (reading only timer.json) still shows it; the
# next timer command finds it stale and clears it.
fw rm 2026W49-3
python3 -c 'import json, sys
f = sys.argv[1]; w = json.load(open(f))
w["blocks"] = [b for b in w["blocks"] if b["id"] != "2026W49-3"]
json.dump(w, open(f, "w"), indent=1)' "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw timer status
fw count calls
fw timer status
test -e "$XDG_DATA_HOME/focusweek/timer.json" || echo "(timer.json removed)"
# Its block done meanwhile by other means; a start replaces the stale timer.
fw timer start 2026W49-4
python3 -c 'import json, sys
f = sys.argv[1]; w = json.load(open(f))
for b in w["blocks"]:
    if b["id"] == "2026W49-4": b["status"] = "done"
json.dump(w, open(f, "w"), indent=1)' "$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw timer status
fw timer start 2026W49-7
fw timer status
# A damaged timer.json is refused, and status says so.
printf '{"schema":1,"block":"x"' > "$XDG_DATA_HOME/focusweek/timer.json"
fw timer status
fw timer pause
# The block being timed cannot be deleted under the timer.
rm -f "$XDG_DATA_HOME/focusweek/timer.json"
fw timer start 2026W49-7
fw rm 2026W49-7
fw week | grep -c 2026W49-7
