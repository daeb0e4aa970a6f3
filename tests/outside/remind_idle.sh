#!/usr/bin/env bash
# Idle between reminders, focusweek remind wakes for nothing: it waits in
# poll with no timeout on its descriptors, its only timer is set to the
# next due moment (49 minutes away here), and over a window of
# FOCUSWEEK_IDLE_SECONDS (2 by default; the benchmark watches 60) its
# context switches do not move.  A plan change wakes it, and it sleeps
# again.
. "$(dirname "$0")/lib.sh" "$1"

window=${FOCUSWEEK_IDLE_SECONDS:-2}
fw_ok add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --title 'Pipeline'
start_remind 2026-12-01T11:10
asleep "$RPID"
read -r left flags <<<"$(timer_of "$RPID")"
[ "$left" -ge 2900 ] || fail "its timer wakes it in $left s, not at 11:59"
before=$(switches "$RPID")
# The measurement itself: a window of time in which nothing may happen.
sleep "$window"
after=$(switches "$RPID")
[ "$(waiting_in "$RPID")" = "poll -1" ] || fail "it left its wait"
[ "$after" -eq "$before" ] || fail "$((after - before)) wake-ups in ${window} s"
figure idle_wakeups_per_window "$((after - before))"
figure idle_window_s "$window"
# A change of plan wakes it; it reads the plan and sleeps again.
fw_ok add --date 2026-12-01 --start 13:00 --end 13:30 --kind admin --title 'Follow-ups'
end=$(($(date +%s) + DEADLINE))
while [ "$(switches "$RPID")" -eq "$after" ]; do
	[ "$(date +%s)" -ge "$end" ] && fail "a change of plan did not wake it"
	sleep 0.01
done
asleep "$RPID"
stop_remind
echo "ok: no wake-up in ${window} s between reminders"
