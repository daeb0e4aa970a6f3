#!/usr/bin/env bash
# compare.sh - whole-process figures of focusweek beside calcurse and
# timewarrior on the same generated history, measured with hyperfine.
#
#   tests/bench/compare.sh [BUILD-DIR] [--years "1 10"] [--rounds N] [--runs N]
#                          [--quick] [--no-tui] [--idle-seconds N] [--out DIR]
#
# BUILD-DIR (default: build) holds focusweek and tests/bench/fwbench.  For
# each size of history, fwbench makes (or reuses) a set: the focusweek data
# folder, calcurse's apts and timewarrior's data files, all the same blocks.
# Each command runs without a shell (hyperfine -N) after warm-up runs, with
# TZ unset (glibc then checks /etc/localtime on every local-time conversion)
# and with TZ=UTC.  Commands that change data get a --prepare step (not
# timed) that puts the data back, so every run sees the same history.
# Every command is measured in each of --rounds rounds (3), the rounds one
# after the other, so a burst of load elsewhere on the machine falls on all
# commands alike; the median is over the runs of all rounds.  One table
# prints every median with the ratios; hyperfine's JSON of every round is
# kept under --out (default BUILD-DIR/bench-compare).
#
# The TUI measures (launch to first screen, keystroke to changed screen,
# idle wake-ups, peak RSS; tmux at 200x50, by tui.py beside this script)
# follow, for focusweek and calcurse; --no-tui leaves them out.
set -euo pipefail

build=build
years="1 10"
rounds=3
runs=20           # hyperfine --runs in each round: quick commands
runs_slow=4       # year reports
warmup=5
tui=auto
idle_seconds=60
out=""

usage() {
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--years) years=$2; shift 2 ;;
	--rounds) rounds=$2; shift 2 ;;
	--runs) runs=$2; runs_slow=$2; shift 2 ;;
	--quick) rounds=1; runs=10; runs_slow=3; warmup=2; idle_seconds=10; shift ;;
	--tui) tui=yes; shift ;;  # the default
	--no-tui) tui=no; shift ;;
	--idle-seconds) idle_seconds=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	-h|--help) usage ;;
	-*) echo "compare.sh: unknown option $1" >&2; usage ;;
	*) build=$1; shift ;;
	esac
done

here=$(cd "$(dirname "$0")" && pwd)
fw=$(cd "$build" 2>/dev/null && pwd)/focusweek
fwbench=$(cd "$build" 2>/dev/null && pwd)/tests/bench/fwbench
if [ ! -x "$fw" ] || [ ! -x "$fwbench" ]; then
	echo "compare.sh: no $build/focusweek or $build/tests/bench/fwbench;" \
		"build first: cmake -S . -B $build && cmake --build $build -j" >&2
	exit 1
fi
if ! command -v hyperfine >/dev/null; then
	echo "compare.sh: hyperfine is missing (apt-get install hyperfine)" >&2
	exit 1
fi
have_calcurse=$(command -v calcurse >/dev/null && echo 1 || echo 0)
have_timew=$(command -v timew >/dev/null && echo 1 || echo 0)
[ "$have_calcurse" = 1 ] || echo "compare.sh: calcurse is missing (apt-get install calcurse); its columns stay empty" >&2
[ "$have_timew" = 1 ] || echo "compare.sh: timew is missing (apt-get install timewarrior); its columns stay empty" >&2

out=${out:-$(cd "$build" && pwd)/bench-compare}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/fwcompare-XXXXXX")
tmux_socket="fwbench-$$"
cleanup() {
	tmux -L "$tmux_socket" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
# The peers keep nothing in the real home.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
unset FOCUSWEEK_NOW FOCUSWEEK_DATA
# Each measure sets TZ itself (see `in_tz`); the TUI runs with it unset.
user_tz=${TZ-unset}
unset TZ

# Runs a command with TZ unset or set to $1.
in_tz() {
	local tz=$1
	shift
	if [ "$tz" = unset ]; then env -u TZ "$@"; else env TZ="$tz" "$@"; fi
}

declare -A fig    # fig[work|tz|program|years] = median in seconds, or "-"
keys=()           # the measured keys, in order
round=1

# The value of KEY in a set's ready file.
field() { awk -v k="$2" '$1 == k { print $2 }' "$1/ready"; }

# hyperfine one command for this round; its run times are added to those of
# the other rounds.  Remaining arguments go to hyperfine (options, then the
# command).
measure() {
	local key=$1 slow=$2 tz=$3 name
	shift 3
	name=$(echo "$key" | tr '|' '_')
	local opts=(-N --style none --export-json "$out/$name.r$round.json")
	if [ "$slow" = slow ]; then
		opts+=(--warmup 1 --runs "$runs_slow")
	else
		opts+=(--warmup "$warmup" --runs "$runs")
	fi
	# What the previous command left dirty is written back now, not during
	# this command's fsyncs (calcurse rewrites its whole apts per add).
	sync
	if ! in_tz "$tz" hyperfine "${opts[@]}" "$@" >/dev/null 2>"$out/$name.log"; then
		cat "$out/$name.log" >&2
		echo "compare.sh: $key failed; its command: ${*: -1}" >&2
		exit 1
	fi
	[ "$round" = 1 ] && : >"$out/$name.times" && keys+=("$key")
	# The run times, one a line, between "times": [ and ].
	awk '/"times": \[/ { t = 1; next } t && /\]/ { t = 0 } t { gsub(/[ ,]/, ""); print }' \
		"$out/$name.r$round.json" >>"$out/$name.times"
	printf '  round %s  %-40s %s\n' "$round" "$key" \
		"$(ms "$(median "$out/$name.times")")" >&2
}

# The median of the numbers in a file, one a line.
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END {
		if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ms() {
	case $1 in
	""|-) echo "-" ;;
	*) awk -v s="$1" 'BEGIN { v = s * 1000; printf(v < 10 ? "%.2f ms" : v < 1000 ? "%.1f ms" : "%.2f s", v < 1000 ? v : v / 1000) }' ;;
	esac
}

# --------------------------------------------------------------- focusweek

measure_focusweek() {
	local y=$1 tz=$2 d=$3
	local data="$d/focusweek" day start end
	day=$(field "$d" add_date)
	start=$(field "$d" add_start)
	end=$(field "$d" add_end)
	measure "week|$tz|focusweek|$y" fast "$tz" "$fw --data $data week"
	# Each run adds the same block; the untimed prepare takes it out again.
	measure "add|$tz|focusweek|$y" fast "$tz" \
		--prepare "$fwbench unadd $data $day $start" \
		"$fw --data $data add --date $day --start $start --end $end --kind admin --title Bench"
	"$fwbench" unadd "$data" "$day" "$start"
	measure "year|$tz|focusweek|$y" slow "$tz" "$fw --data $data review --weeks 52"
	# What status bars poll: the status of a running timer (started here,
	# untimed, and removed again so the other commands see no timer).
	"$fw" --data "$data" timer start "$(field "$d" timer_block)" >/dev/null
	measure "status|$tz|focusweek|$y" fast "$tz" "$fw --data $data timer status"
	rm -f "$data/timer.json" "$data/timer.json.bak"
}

# --------------------------------------------------------------- peers

measure_calcurse() {
	local y=$1 tz=$2 d=$3
	local c="$d/calcurse" from
	from=$(field "$d" year_from | awk -F- '{ print $2 "/" $3 "/" $1 }')
	cp -p "$c/apts" "$c/apts.orig"
	measure "week|$tz|calcurse|$y" fast "$tz" "calcurse -D $c -C $c -d 7"
	measure "add|$tz|calcurse|$y" fast "$tz" --prepare "cp -p $c/apts.orig $c/apts" \
		"calcurse -D $c -C $c -i $c/one.ics"
	cp -p "$c/apts.orig" "$c/apts"
	measure "year|$tz|calcurse|$y" slow "$tz" "calcurse -D $c -C $c -Q --from $from --days 365"
}

measure_timew() {
	local y=$1 tz=$2 d=$3
	local t="$d/timew" day start end month
	day=$(field "$d" add_date)
	start=$(field "$d" add_start)
	end=$(field "$d" add_end)
	# timew files intervals by the UTC month of their start.
	month=$(date -u -d "@$(in_tz "$tz" date -d "$day $start" +%s)" +%Y-%m)
	mkdir -p "$t/orig"
	cp -p "$t/data/$month.data" "$t/data/tags.data" "$t/orig/" 2>/dev/null || true
	cat >"$t/restore" <<-EOF
		cp -p "$t/orig/"*.data "$t/data/"
		rm -f "$t/data/undo.data"
	EOF
	if [ ! -e "$t/orig/$month.data" ]; then
		# No interval in that month yet: the restore removes the new file.
		echo "rm -f '$t/data/$month.data'" >>"$t/restore"
	fi
	export TIMEWARRIORDB=$t
	measure "week|$tz|timew|$y" fast "$tz" "timew summary :week"
	measure "add|$tz|timew|$y" fast "$tz" --prepare "sh $t/restore" \
		"timew track ${day}T$start - ${day}T$end bench"
	sh "$t/restore"
	measure "year|$tz|timew|$y" slow "$tz" "timew summary :year"
	unset TIMEWARRIORDB
}

# --------------------------------------------------------------- TUI
# tui.py, in a private tmux server at 200x50: launch to the last byte of the
# first screen and keystroke to the last byte of the changed screen (medians
# of several), context switches over --idle-seconds with no input and no
# timer, and the peak RSS (VmHWM).

# What each program shows first, and a pair of keys that change the screen
# and undo each other.  focusweek: its week label, next and previous day
# (the cursor on Wednesday).  calcurse: its appointments panel, next and
# previous day (l h).
FW_TUI_TEXT=${FW_TUI_TEXT:-W[0-9][0-9]}
FW_TUI_KEYS=${FW_TUI_KEYS:-Right Left}

# One program's four TUI figures.
tui_measure() {
	local prog=$1 y=$2 cmd=$3 text=$4 keys=$5 reset=${6:-} line v
	if ! line=$(python3 "$here/tui.py" --socket "$tmux_socket" --cmd "$cmd" --text "$text" \
		--keys "$keys" --reset "$reset" --idle "$idle_seconds" 2>"$out/tui_$prog.$y.log"); then
		cat "$out/tui_$prog.$y.log" >&2
		for m in launch key idle rss; do fig["tui_$m|unset|$prog|$y"]=-; done
		return
	fi
	for m in launch_ms key_ms idle_wakeups rss_mb; do
		v=$(echo "$line" | tr ' ' '\n' | awk -F= -v k="$m" '$1 == k { print $2 }')
		fig["tui_${m%_*}|unset|$prog|$y"]=$v
	done
	echo "  tui $prog ${y}y: $line" >&2
}

# What tmux itself costs: a shell that prints a line, then cat (the
# terminal echoes a key).  The TUI figures include it.
tmux_floor=""
measure_tmux_floor() {
	local line
	line=$(python3 "$here/tui.py" --socket "$tmux_socket" \
		--cmd "sh -c 'printf \"W00 ready\\n\"; exec cat'" --text W00 --keys "a b" \
		--idle 1 2>"$out/tui_floor.log") || { cat "$out/tui_floor.log" >&2; return; }
	tmux_floor=$(echo "$line" | tr ' ' '\n' | awk -F= '
		$1 == "launch_ms" { l = $2 } $1 == "key_ms" { k = $2 }
		END { printf("launch %s ms, keystroke %s ms", l, k) }')
	echo "  tui floor: $line" >&2
}

measure_tui() {
	local y=$1 d=$2 today wed
	# Opened on this week's Wednesday, so that the keys move within the week
	# whatever the day (from a Friday, Right would load the next week).
	today=$(field "$d" add_date)
	wed=$(date -d "$today $((3 - $(date -d "$today" +%u))) days" +%F)
	tui_measure focusweek "$y" "$fw --data $d/focusweek --date $wed" "$FW_TUI_TEXT" \
		"$FW_TUI_KEYS"
	if [ "$have_calcurse" = 1 ]; then
		# calcurse may leave its lock file behind when it is ended.
		tui_measure calcurse "$y" "calcurse -D $d/calcurse -C $d/calcurse" "Appointments" \
			"l h" "rm -f $d/calcurse/.calcurse.pid"
	fi
}

# --------------------------------------------------------------- table

budget_for() {
	case $1 in
	week) echo 0.002 ;; add) echo 0.003 ;; status) echo 0.0015 ;; year) echo 0.010 ;;
	tui_launch) echo 10 ;; tui_key) echo 2 ;; tui_idle) echo 0 ;; tui_rss) echo 8 ;;
	esac
}

label_for() {
	case $1 in
	week) echo "print one week" ;;
	add) echo "add one item and save" ;;
	year) echo "a year's report" ;;
	status) echo "timer status" ;;
	true) echo "start a process (true)" ;;
	tui_launch) echo "TUI launch to first screen (ms)" ;;
	tui_key) echo "TUI keystroke to screen (ms)" ;;
	tui_idle) echo "TUI idle wake-ups in ${idle_seconds} s" ;;
	tui_rss) echo "TUI peak RSS (MB)" ;;
	esac
}

peer_cmd() {
	case $1/$2 in
	calcurse/week) echo "-d 7" ;; calcurse/add) echo "-i one.ics" ;;
	calcurse/year) echo "-Q 365 days" ;; timew/week) echo "summary :week" ;;
	timew/add) echo "track (no fsync)" ;; timew/year) echo "summary :year" ;;
	*) echo "" ;;
	esac
}

# "a / b" of the sizes, formatted.
cells() {
	local w=$1 tz=$2 p=$3 kind=$4 out="" v
	for y in $years; do
		v=${fig["$w|$tz|$p|$y"]:-}
		[ -z "$v" ] && v=-
		if [ "$kind" = time ] && [ "$v" != - ]; then v=$(ms "$v"); fi
		out="$out${out:+ / }$v"
	done
	echo "$out"
}

# Peer's figure over focusweek's at the largest size.
ratio() {
	local w=$1 tz=$2 p=$3 last a b
	for last in $years; do :; done
	a=${fig["$w|$tz|$p|$last"]:-}
	b=${fig["$w|$tz|focusweek|$last"]:-}
	if [ -z "$a" ] || [ "$a" = - ] || [ -z "$b" ] || [ "$b" = - ]; then echo "-"; return; fi
	awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf("%.1fx", a / b); else print "-" }'
}

# Budget verdict for focusweek: at the largest size, and flat against the first.
verdict() {
	local w=$1 tz=$2 first last a z budget
	budget=$(budget_for "$w")
	for last in $years; do :; done
	first=${years%% *}
	a=${fig["$w|$tz|focusweek|$first"]:-}
	z=${fig["$w|$tz|focusweek|$last"]:-}
	[ "$w" = true ] && return
	if [ -z "$z" ] || [ "$z" = - ]; then echo "not built yet"; return; fi
	awk -v a="$a" -v z="$z" -v b="$budget" -v first="$first" -v last="$last" -v w="$w" 'BEGIN {
		ok = z <= b; flat = (a > 0) ? z / a : 1
		shown = w ~ /^tui_/ ? b : (b * 1000 " ms")
		printf("%s (<= %s at %sy)", ok ? "ok" : "OVER", shown, last)
		if (first != last)
			printf(", %sy/%sy %.2fx%s", last, first, flat, flat <= 1.2 ? "" : " OVER 1.2x")
	}'
}

print_table() {
	local tzs=$1 works=$2 kind=$3 sizes
	sizes=$(echo "$years" | sed 's/ /y \/ /g')y
	printf '\n%-30s %-6s %-20s %-30s %-30s %-8s %-8s %s\n' "work ($sizes)" TZ focusweek \
		calcurse timewarrior "cal/fw" "tw/fw" "focusweek budget"
	for w in $works; do
		for tz in $tzs; do
			local cal tw
			cal="$(cells "$w" "$tz" calcurse "$kind")"
			[ -n "$(peer_cmd calcurse "$w")" ] && cal="$cal ($(peer_cmd calcurse "$w"))"
			tw="$(cells "$w" "$tz" timew "$kind")"
			[ -n "$(peer_cmd timew "$w")" ] && tw="$tw ($(peer_cmd timew "$w"))"
			printf '%-30s %-6s %-20s %-30s %-30s %-8s %-8s %s\n' "$(label_for "$w")" "$tz" \
				"$(cells "$w" "$tz" focusweek "$kind")" "$cal" "$tw" \
				"$(ratio "$w" "$tz" calcurse)" "$(ratio "$w" "$tz" timew)" "$(verdict "$w" "$tz")"
		done
	done
}

# --------------------------------------------------------------- main

echo "compare.sh: sets of $years years, $rounds rounds; results in $out" >&2
for y in $years; do
	set_dir=$("$fwbench" gen --years "$y")
	# A working copy, so the cached set stays as generated.
	cp -a "$set_dir" "$work/${y}y"
	echo "== ${y}y: $(field "$work/${y}y" blocks) blocks in $(field "$work/${y}y" weeks) weeks" >&2
done
sync
# The sizes of one program follow each other, so that a slow spell of the
# machine does not pass for a cost of history.
for round in $(seq "$rounds"); do
	for tz in unset UTC; do
		echo "== round $round, TZ $tz" >&2
		for y in $years; do
			measure "true|$tz|focusweek|$y" fast "$tz" "true"
			measure_focusweek "$y" "$tz" "$work/${y}y"
		done
		for y in $years; do
			if [ "$have_calcurse" = 1 ]; then measure_calcurse "$y" "$tz" "$work/${y}y"; fi
		done
		for y in $years; do
			if [ "$have_timew" = 1 ]; then measure_timew "$y" "$tz" "$work/${y}y"; fi
		done
	done
done
for key in "${keys[@]}"; do
	fig[$key]=$(median "$out/$(echo "$key" | tr '|' '_').times")
done
if [ "$tui" != no ]; then
	measure_tmux_floor
	for y in $years; do measure_tui "$y" "$work/${y}y"; done
fi

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
echo
echo "Whole-process medians of $((rounds * runs)) runs ($rounds rounds of $runs after $warmup warm-up runs; year reports $((rounds * runs_slow))), hyperfine -N"
echo "$(nproc) CPUs, $cpu; $(uname -r); /etc/localtime -> $(readlink /etc/localtime || echo '?'); TZ given to the script: $user_tz (not used)"
echo "peer/focusweek ratios at the largest size (higher: focusweek is faster)"
print_table "unset UTC" "true week add status year" time
if [ -n "${fig["tui_launch|unset|calcurse|${years%% *}"]:-}${fig["tui_launch|unset|focusweek|${years%% *}"]:-}" ]; then
	print_table unset "tui_launch tui_key tui_idle tui_rss" count
	[ -n "$tmux_floor" ] && echo "tmux's own share (sh printing a line, then cat echoing a key): $tmux_floor"
fi
