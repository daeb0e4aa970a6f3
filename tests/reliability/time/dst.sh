# DST weeks through the command line, in four zones.  For each change:
# "today" just before it, inside the skipped (or repeated) wall time and just
# after it (seen in `focus`, which defaults to today); the week of the change
# printed Monday to Sunday; blocks added on both sides; a block moved into
# the next week across the change.  Planned blocks are wall-clock times: a
# block written inside the skipped hour is kept as written.
D=$XDG_DATA_HOME/focusweek
sample_plan
# Every day, all day, so Sunday and the small hours can hold blocks.
sed -i -e 's/"day_start":\t"08:00"/"day_start":\t"00:00"/' -e 's/"day_end":\t"18:00"/"day_end":\t"24:00"/' \
	-e 's/\["mon", "tue", "wed", "thu", "fri"\]/["mon", "tue", "wed", "thu", "fri", "sat", "sun"]/' "$D/plan.json"

# The id of the block titled $2 in the week of $1.
block_id() {
	"$FW_BIN" week --date "$1" --json |
		awk -v t="\"title\": \"$2\"" '/"id":/ { id = $2 } index($0, t) { gsub(/[",]/, "", id); print id }'
}

# The niches of the week of $1, one "date: industry" line each.
niches() {
	"$FW_BIN" week --date "$1" --json |
		awk '/"date":/ { d = $2 } /"niche": "/ { print "  niche", d, $2 }' | tr -d '",'
}

dst_week() { # ZONE BEFORE GAP AFTER SUNDAY FRIDAY NEXT-MONDAY
	export TZ=$1
	echo "== $1"
	FOCUSWEEK_NOW=$2 fw focus Healthcare
	niches "$5"
	FOCUSWEEK_NOW=$3 fw focus Manufacturing
	niches "$5"
	FOCUSWEEK_NOW=$4 fw focus Logistics
	niches "$5"
	fw add --date "$5" --start 01:30 --end 02:00 --kind admin --title 'Before the change'
	fw add --date "$5" --start 02:00 --end 03:00 --kind admin --title 'In the changed hour'
	fw add --date "$5" --start 03:00 --end 04:00 --kind admin --title 'After the change'
	fw add --date "$6" --start 10:00 --end 11:00 --kind admin --title 'Moves to next week'
	FOCUSWEEK_NOW=$4 fw week
	fw edit "$(block_id "$6" 'Moves to next week')" --date "$7"
	fw week --date "$7"
}

# Clocks go forward at 02:00 (CET to CEST).
dst_week Europe/Berlin 2026-03-29T01:59 2026-03-29T02:30 2026-03-29T03:00 2026-03-29 2026-03-27 2026-03-30
# Clocks go back at 03:00 (02:00-03:00 happens twice).
dst_week Europe/Berlin @1792889940 2026-10-25T02:30 @1792893600 2026-10-25 2026-10-23 2026-10-26
# Forward at 02:00 (EST to EDT).
dst_week America/New_York 2026-03-08T01:59 2026-03-08T02:30 2026-03-08T03:00 2026-03-08 2026-03-06 2026-03-09
# Midnight itself was skipped: 2018-11-04 began at 01:00.
dst_week America/Sao_Paulo @1541300399 2018-11-04T00:30 @1541300400 2018-11-04 2018-11-02 2018-11-05
# A 30-minute change: 02:00 became 02:30.
dst_week Australia/Lord_Howe 2026-10-04T01:59 2026-10-04T02:15 2026-10-04T02:30 2026-10-04 2026-10-02 2026-10-05
TZ=Europe/Berlin fw check
