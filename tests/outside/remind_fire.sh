#!/usr/bin/env bash
# focusweek remind gives a block's reminder within a second of its due
# moment, once, with the block's fields in FOCUSWEEK_* variables (a title
# that looks like shell is never run); a change of plan made while it
# sleeps moves the next reminder (inotify); it sleeps on a timerfd set on
# the wall clock that a clock change cancels; SIGTERM ends it, noting what
# it gave; before a first start it waits for the plan.
. "$(dirname "$0")/lib.sh" "$1"

TITLE='CRM "notes" $(touch pwned) `touch pwned2` #1'
A=$(fw add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --not-quota --title "$TITLE") ||
	fail "add"

# ---- on time: due 11:59:00, started two seconds before it
start_remind 2026-12-01T11:58:58
wait_until -s "$OUT/start.$A.at" "the reminder of $A"
late=$(ms_between "$(cat "$OUT/start.$A.at")" "$T_LAUNCH" 2)
# An upper bound: the clock was pinned when the program had started.
[ "$late" -ge 0 ] && [ "$late" -lt 1000 ] || fail "the reminder came ${late} ms after its moment"
figure reminder_latency_ms "$late"
diff -u - "$OUT/start.$A.env" <<VARS || fail "the command got other variables"
FOCUSWEEK_ACCOUNT=
FOCUSWEEK_BODY=12:00–12:30 · admin
FOCUSWEEK_CALLS=0
FOCUSWEEK_CONVERSATIONS=0
FOCUSWEEK_DATA=$FOCUSWEEK_DATA
FOCUSWEEK_DATE=2026-12-01
FOCUSWEEK_END=12:30
FOCUSWEEK_EVENT=start
FOCUSWEEK_ID=$A
FOCUSWEEK_INDUSTRY=
FOCUSWEEK_KIND=admin
FOCUSWEEK_MEETINGS=0
FOCUSWEEK_MESSAGE=focusweek: $TITLE in 1 min (12:00–12:30 · admin)
FOCUSWEEK_MINUTES=1
FOCUSWEEK_QUOTA=no
FOCUSWEEK_START=12:00
FOCUSWEEK_SUMMARY=$TITLE in 1 min
FOCUSWEEK_TITLE=$TITLE
VARS
[ ! -e pwned ] && [ ! -e pwned2 ] && [ ! -e /pwned ] || fail "the title was run as shell"
asleep "$RPID"
[ "$(wc -l < "$OUT/log")" -eq 1 ] || fail "given $(wc -l < "$OUT/log") times: $(cat "$OUT/log")"
read -r left flags <<<"$(timer_of "$RPID")"
# Next: the block's end at 12:30, 31 minutes ahead; flags 03 are
# TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET.
[ "$flags" = 03 ] || fail "the timerfd is set with flags $flags, not absolute and cancelled on a clock change"
[ "$left" -ge 1800 ] && [ "$left" -le 1860 ] || fail "the next wake is in $left s, not at 12:30"
stop_remind
grep -q "^given start $A " "$FOCUSWEEK_DATA/.remind" || fail ".remind does not note the reminder"

# ---- a change of plan while it sleeps: the next reminder was 11:59
start_remind 2026-12-01T11:43:54
asleep "$RPID"
read -r left flags <<<"$(timer_of "$RPID")"
[ "$left" -ge 800 ] || fail "before the change the next wake was in $left s, not at 11:59"
# Moving the 12:00 block to 12:30 moves its reminder to 12:29.
fw_ok edit "$A" --start 12:30 --end 13:00
end=$(($(date +%s) + DEADLINE))
until read -r left flags <<<"$(timer_of "$RPID")" && [ "$left" -ge 2500 ]; do
	[ "$(date +%s)" -ge "$end" ] && fail "moving the block left the next wake in $left s"
	sleep 0.01
done
# A block planned at 11:45 is reminded of at 11:44, a few seconds away.
B=$(fw add --date 2026-12-01 --start 11:45 --end 12:00 --kind admin --title 'Call back Ana') ||
	fail "add"
wait_until -s "$OUT/start.$B.at" "the reminder of the new block $B"
late=$(ms_between "$(cat "$OUT/start.$B.at")" "$T_LAUNCH" 6)
[ "$late" -lt 1000 ] || fail "the new block's reminder came ${late} ms after its moment"
figure moved_reminder_latency_ms "$late"
grep -q '^FOCUSWEEK_TITLE=Call back Ana$' "$OUT/start.$B.env" || fail "the new block's title"
stop_remind

# ---- before a first start: it makes the folder (empty, for its lock) and
# reads the plan when the first start makes one.
export FOCUSWEEK_DATA="$TMP/fresh"
start_remind 2026-12-01T11:58:50
asleep "$RPID"
[ -f "$FOCUSWEEK_DATA/.remind" ] && [ ! -e "$FOCUSWEEK_DATA/plan.json" ] ||
	fail "a folder not set up yet: $(ls -A "$FOCUSWEEK_DATA")"
fw_ok init --sample
fw_ok settings set day.slot 15
fw_ok settings set remind.before 1
fw_ok settings set remind.command "$TMP/notify.sh"
C=$(fw add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --title 'First day') ||
	fail "add"
wait_until -s "$OUT/start.$C.at" "the reminder in a plan made while it ran"
stop_remind
echo "ok: on time, with its fields, once; a change of plan moves the next reminder"
