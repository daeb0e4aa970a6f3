#!/usr/bin/env bash
# The kill -9 soak: several writers save in a loop (adds into shared weeks,
# moves between weeks through the journal) while each command may be killed
# with SIGKILL at a random moment.  Afterwards every file is valid, and every
# change a command reported (exit 0, an id printed) is there; a killed change
# is there or not, never half there; a refused one is not there.
#
#   kill_soak.sh path/to/focusweek        (FWKILL: the fwkill helper)
#   SOAK_OPS (default 800) and SOAK_WRITERS (4) tune it.  Each command is
#   killed within a delay drawn from 0..T, 2T, 4T or 8T (picked at random),
#   T being how long one add takes here (sanitizer builds are slower), so
#   kills land before, during and after the save.
source "$(dirname "$0")/lib.sh"
rel_init "$@"
FWKILL=${FWKILL:-$(dirname "$FW")/tests/fwkill}
[ -x "$FWKILL" ] || fail "the fwkill helper is not built ($FWKILL)"
need date
OPS=${SOAK_OPS:-800}
WRITERS=${SOAK_WRITERS:-4}
DATA="$TMP/data"
make_plan "$DATA"

# T: the mean time of an uninterrupted add, in microseconds.
t0=$(date +%s%N)
for i in 1 2 3 4 5; do
	fwd "$DATA" add --date 2026-12-0$i --start 17:00 --end 17:30 --kind admin --title "calibrate $i"
	expect_rc 0 "calibration add $i"
done
T=$((($(date +%s%N) - t0) / 5000))
MAX_US=("$T" $((T * 2)) $((T * 4)) $((T * 8)))
echo "one add takes ~${T} us; kills come within ${MAX_US[*]} us"

# Block k (0-based, over all writers) has its own slot: week k/100 of a
# region, day (k%100)/20 (Mon-Fri), half-hour (k%20) from 08:00.  Region A
# (from 2027-W01) takes adds; moves go to the same slot in region B, 30
# weeks later, so no two blocks ever compete for a slot.
slot_date() { # k region
	local k=$1 off=$(($2 * 210))
	date -d "2027-01-04 + $(((k / 100) * 7 + (k % 100) / 20 + off)) days" +%F
}
slot_time() { # k
	local m=$((480 + (($1 % 20) * 30)))
	printf '%02d:%02d %02d:%02d' $((m / 60)) $((m % 60)) $(((m + 30) / 60)) $(((m + 30) % 60))
}

# One writer: its blocks are w, w+WRITERS, ...  Logs one line per command:
#   add TITLE DATE RC ID   |   move TITLE ID FROM TO RC
writer() {
	local w=$1
	local log="$TMP/log.$w" i=0 k out rc t d s e
	local -a ids=() dates=() titles=()
	: >"$log"
	while [ $((i * WRITERS + w)) -lt "$OPS" ]; do
		k=$((i * WRITERS + w))
		if [ ${#ids[@]} -gt 0 ] && [ $((RANDOM % 3)) -eq 0 ]; then
			local j=$((RANDOM % ${#ids[@]}))
			local from=${dates[$j]} to
			if [[ $from < 2027-06 ]]; then to=$(date -d "$from + 210 days" +%F); else to=$(date -d "$from - 210 days" +%F); fi
			FOCUSWEEK_DATA="$DATA" "$FWKILL" "${MAX_US[RANDOM % 4]}" "$FW" edit "${ids[$j]}" --date "$to" \
				>/dev/null 2>"$TMP/err.$w"
			rc=$?
			echo "move ${titles[$j]} ${ids[$j]} $from $to $rc" >>"$log"
			check_rc "$rc" "$w"
			# Only blocks whose place is certain are moved again.
			if [ "$rc" -eq 0 ]; then dates[$j]=$to; fi
			if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then unset 'ids[j]' 'dates[j]' 'titles[j]'; ids=("${ids[@]}"); dates=("${dates[@]}"); titles=("${titles[@]}"); fi
		else
			t="soak-w$w-i$i"
			d=$(slot_date "$k" 0)
			read -r s e <<<"$(slot_time "$k")"
			out=$(FOCUSWEEK_DATA="$DATA" "$FWKILL" "${MAX_US[RANDOM % 4]}" "$FW" add --date "$d" --start "$s" \
				--end "$e" --kind admin --title "$t" 2>"$TMP/err.$w")
			rc=$?
			echo "add $t $d $rc ${out:--}" >>"$log"
			check_rc "$rc" "$w"
			if [ "$rc" -eq 0 ]; then ids+=("$out"); dates+=("$d"); titles+=("$t"); fi
			i=$((i + 1))
		fi
	done
}

# 0 done, 137 killed, 1 only for a busy lock; anything else is a failure.
check_rc() {
	case $1 in
	0 | 137) ;;
	1) grep -q 'another focusweek is saving this plan' "$TMP/err.$2" ||
		echo "writer $2: exit 1: $(cat "$TMP/err.$2")" >>"$TMP/bad" ;;
	*) echo "writer $2: exit $1: $(cat "$TMP/err.$2")" >>"$TMP/bad" ;;
	esac
}

pids=()
for ((w = 0; w < WRITERS; w++)); do
	writer "$w" &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
[ ! -s "$TMP/bad" ] || fail "unexpected outcomes: $(head -5 "$TMP/bad")"
pass "every command ended, was killed, or was refused by the lock"

expect_valid "$DATA" "every file is valid after the soak"
[ -z "$(temps "$DATA")" ] || fail "temp files left: $(temps "$DATA")"
pass "no temp files"

# What is there: "title date id" for every block of both regions.
actual="$TMP/actual"
: >"$actual"
for wk in $(seq 0 $(((OPS - 1) / 100))); do
	for region in 0 1; do
		fwd "$DATA" week --json --date "$(date -d "2027-01-04 + $((wk * 7 + region * 210)) days" +%F)"
		expect_rc 0 "week --json"
		awk '/"date": /{d=$2; gsub(/[",]/,"",d)} /"id": /{id=$2; gsub(/[",]/,"",id)}
		     /"title": "soak-/{t=$2; gsub(/[",]/,"",t); print t, d, id}' "$OUT" >>"$actual"
	done
done
dups=$(cut -d' ' -f1 "$actual" | sort | uniq -d | head -3)
[ -z "$dups" ] || fail "blocks present twice: $dups"
pass "no block twice"

# What may be there, from the logs: title -> "date..." (a "-" means absent).
declare -A may where
acked=0 killed=0 refused=0 moves=0
while read -r op a b c d e; do
	if [ "$op" = add ]; then   # add TITLE DATE RC ID
		case $c in
		0) may[$a]=" $b "; acked=$((acked + 1)) ;;
		137) may[$a]=" $b - "; killed=$((killed + 1)) ;;
		1) may[$a]=" - "; refused=$((refused + 1)) ;;
		esac
	else                       # move TITLE ID FROM TO RC
		moves=$((moves + 1))
		case $e in
		0) may[$a]=" $d "; acked=$((acked + 1)) ;;
		137) may[$a]=" $c $d "; killed=$((killed + 1)) ;;
		1) refused=$((refused + 1)) ;;
		esac
	fi
done < <(cat "$TMP"/log.*)
while read -r t d id; do
	where[$t]=$d
	[ -n "${may[$t]:-}" ] || fail "$t ($id) is there but no command made it"
done <"$actual"
lost=0
for t in "${!may[@]}"; do
	d=${where[$t]:--}
	[[ ${may[$t]} == *" $d "* ]] || { echo "$t: at $d, expected one of${may[$t]}" >&2; lost=$((lost + 1)); }
done
[ "$lost" -eq 0 ] || fail "$lost blocks are not where their last command left them"
pass "every reported change is there, every killed one whole or absent"

echo "soak: $((acked + killed + refused)) commands ($moves moves) by $WRITERS writers:" \
	"$acked reported done, $killed killed by SIGKILL, $refused refused by the lock; nothing lost"
figure soak_commands $((acked + killed + refused))
figure soak_kills "$killed"
figure soak_reported_done "$acked"
figure soak_lost 0
done_ok
