#!/usr/bin/env bash
# remind.sh - what focusweek remind and `timer status --watch` cost while
# they wait, and how late a reminder comes.
#
#   tests/bench/remind.sh build/focusweek [--runs N] [--idle-seconds S]
#
# For each of --runs runs (10), focusweek remind starts with its clock two
# seconds before a reminder is due, and the command it runs notes the wall
# clock: the lateness printed is an upper bound (it counts the program's own
# start).  Then, between reminders, the context switches of focusweek remind
# (and of `timer status --watch` with no timer running) over --idle-seconds
# (60), read from /proc/PID/status, with the system call each sleeps in, and
# their resident memory.  Not run by ctest: tests/outside/remind_*.sh hold
# the same to a short window.
set -u
FW=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
runs=10
idle=60
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	--idle-seconds) idle=$2; shift 2 ;;
	*) echo "usage: $0 path/to/focusweek [--runs N] [--idle-seconds S]" >&2; exit 2 ;;
	esac
done
TMP=$(mktemp -d /tmp/fwbench-remind-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
export HOME="$TMP/home" FOCUSWEEK_DATA="$TMP/data" TZ=Europe/Berlin LANG=C.UTF-8 LC_ALL=C.UTF-8
export FOCUSWEEK_NOW=2026-12-01T10:00 OUT="$TMP"
unset DISPLAY WAYLAND_DISPLAY TMUX
mkdir -p "$HOME"
fw() { "$FW" "$@" >/dev/null || { echo "focusweek $* failed" >&2; exit 1; }; }
fw init --sample
fw settings set day.slot 15
fw settings set remind.before 1
fw settings set remind.command 'date +%s.%N > "$OUT/at"'
id=$("$FW" add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --title Pipeline)

# Until $1 sleeps in its wait (poll with no timeout), or 10 s.
asleep() {
	local end=$((SECONDS + 10)) s
	while [ $SECONDS -lt $end ]; do
		s=$(cat "/proc/$1/syscall" 2>/dev/null)
		case "$s" in "7 "*" 0xffffffff "* | "271 "*) return 0 ;; esac
		sleep 0.01
	done
	echo "pid $1 never slept in poll: $s" >&2
	exit 1
}
switches() { awk '/ctxt_switches/ { n += $2 } END { print n }' "/proc/$1/status"; }
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

lates=()
for ((i = 0; i < runs; i++)); do
	rm -f "$TMP/at" "$FOCUSWEEK_DATA/.remind"
	t0=$(date +%s.%N)
	FOCUSWEEK_NOW=2026-12-01T11:58:58+ "$FW" remind --foreground 2>/dev/null &
	pid=$!
	end=$((SECONDS + 10))
	until [ -s "$TMP/at" ] || [ $SECONDS -ge $end ]; do sleep 0.005; done
	kill "$pid"; wait "$pid" 2>/dev/null
	[ -s "$TMP/at" ] || { echo "run $i: no reminder" >&2; exit 1; }
	lates+=("$(awk -v a="$(cat "$TMP/at")" -v b="$t0" 'BEGIN { printf "%.1f", (a - b - 2) * 1000 }')")
done
sorted=$(printf '%s\n' "${lates[@]}" | sort -n)
median=$(printf '%s\n' "$sorted" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
max=$(printf '%s\n' "$sorted" | tail -n 1)
echo "reminder_latency_ms median=$median max=$max runs=$runs (from the due moment to the command running; an upper bound)"

rm -f "$FOCUSWEEK_DATA/.remind"
FOCUSWEEK_NOW=2026-12-01T11:10+ "$FW" remind --foreground 2>/dev/null &
rpid=$!
"$FW" timer status --watch > /dev/null &
wpid=$!
asleep "$rpid"
asleep "$wpid"
r0=$(switches "$rpid") w0=$(switches "$wpid")
sleep "$idle"
r1=$(switches "$rpid") w1=$(switches "$wpid")
echo "remind_idle_wakeups=$((r1 - r0)) in ${idle} s (next reminder 49 min away); rss_kb=$(rss_kb "$rpid")"
echo "watch_idle_wakeups=$((w1 - w0)) in ${idle} s (no timer running); rss_kb=$(rss_kb "$wpid")"
