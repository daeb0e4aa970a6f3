#!/usr/bin/env bash
# A salesperson's week, end to end: set up, last week lived, Monday's
# planning, the work calendar imported, the timer run with counts,
# interruptions and pauses, blocks finished and cut short, a sale, the
# review on Friday with every figure worked out by hand below, the
# carry-over chosen, a timer forgotten over the weekend, and the next
# week's planning.  Through the command line and the planner (tmux), with
# the clock pinned for each step (Europe/Berlin).  Each check is a case
# named after the issue's bug (bugN) or friction item it covers; every
# case runs, and the script fails if any does.
#
# Last week, 2026-W49 (Mon 30 Nov - Fri 4 Dec), niches Mon Construction,
# Tue Education, Wed Hospitality, Thu Logistics, Fri Construction:
#   W49-1 Mon 08:30-11:00 prospecting  Cold calls: Construction  done, 20 calls 1 mtg
#   W49-2 Tue 08:30-11:00 prospecting  Cold calls: Education     done, 18 calls
#   W49-3 Tue 12:00-14:00 account      QBR Grand Hotel           cut short, 20 min said
#   W49-4 Wed 08:30-11:00 prospecting  Cold calls: Hospitality   done, 22 calls 2 mtg
#   W49-5 Thu 08:30-11:00 prospecting  Cold calls: Logistics     done, 15 calls
#   W49-6 Thu 14:00-16:00 account      Acme site review          done, 1 call
#   W49-7 Fri 08:30-10:00 prospecting  Cold calls: Construction  done, 12 calls
#   W49-8 Fri 15:00-16:00 admin        Pipeline and CRM update   done
# 990 min planned; done 150+150+20+150+150+120+90+60 = 890: 89%.  Saved as
# the template Standard ("Cold calls: {industry}").
#
# This week, 2026-W50, as Monday's planning lays it out (rotation on from
# Friday's Construction: Mon Education, Tue Hospitality, Wed Logistics, Thu
# Construction, Fri Education; accounts trimmed 20% of their week):
#   W50-1 P1 Mon 08:30-11:00 prospecting Education    150
#   W50-2 P2 Tue 08:30-11:00 prospecting Hospitality  150
#   W50-3 A1 Tue 12:00-13:30 account Grand Hotel       90  (2h00 - 30)
#   W50-4 P3 Wed 08:30-11:00 prospecting Logistics    150
#   W50-5 P4 Thu 08:30-11:00 prospecting Construction 150
#   W50-6 A2 Thu 14:00-15:30 account Acme Builders     90  (2h00 - 30)
#   W50-7 P5 Fri 08:30-10:00 prospecting Education     90
#   W50-8 D1 Fri 15:00-16:00 admin                     60
#   planned 150 x 4 + 90 + 90 + 90 + 60 = 930 min = 15h30.
# What happens:
#   P1 timer 08:30, paused 09:00-09:15 for the standup, 20 calls 4 conv 1
#      mtg counted; finished at 11:00 through the form, calls corrected to
#      22, meetings to 2: 15 min left, so cut short: tracked 135 min, 15
#      left -> 30 on the grid.
#   P2 timer 08:30-11:00, one interruption, 18 calls 1 mtg: done, 150.
#   A1 done by hand, 900 sold (a sale: no industry, Grand Hotel): 90.
#   P3 retitled and moved clear of the standup to 09:30-12:00 on Tuesday
#      evening (edit --fit move: 150 still), then skipped (a trade fair
#      took Wednesday): dropped, due 150.
#   P4 timer 08:30, paused 09:30-09:50 (the boss), 15 calls 1 mtg, stopped
#      11:20: 150 worked of 150: done, 150.
#   A2 done by hand, "it ran 65 minutes": cut short, 65 done, 25 -> 30 left.
#   P5 done through the week's x form: 12 calls, 1 mtg: done, 90.
#   D1 timer started 15:00 and left running over the weekend.
#   A sale of 4000 (Hospitality, Grand Hotel) on Friday 16:30.
# The review, Fri 11 Dec 16:50 (every block has ended: all due):
#   blocks 8: done 4 (P2 A1 P4 P5), unfinished 3 (P1 A2 D1), dropped 1 (P3)
#   done time 135+150+90+0+150+65+90+0 = 680 = 11h20 of 930 = 15h30 due:
#   680 x 100 / 930 = 73.1 -> 73%; left 30+30+60 = 120 = 2h00
#   days: Mon 0 of 1, 2h15 of 2h30, 90%; Tue 2 of 2, 4h00 of 4h00, 100%;
#     Wed 0 of 1, 0 min of 2h30, 0%; Thu 1 of 2, 3h35 of 4h00 (215/240 =
#     89.6 -> 89%); Fri 1 of 2, 1h30 of 2h30, 60%
#   kinds: prospecting 3 of 5, 525 of 690 = 76%; account 1 of 2, 155 of
#     180 = 86%; admin 0 of 1, 0%
#   industries: Construction 15 calls 0 conv 1 mtg, 150 min: 6.00 and 0.40
#     an hour; Education 22+12 = 34 calls 4 conv 2+1 = 3 mtg, 135+90 = 225
#     min: (34 x 6000 + 112) / 225 = 907 -> 9.07, (3 x 6000 + 112) / 225 =
#     80 -> 0.80; Hospitality 18 calls 1 mtg, sales 4000, 150 min: 7.20,
#     0.40; Logistics nothing; no industry: sales 900 (sold on A1).  Total
#     67 calls 4 conv 5 mtg, sales 4900, 525 min: (67 x 6000 + 262) / 525
#     = 766 -> 7.66, (5 x 6000 + 262) / 525 = 57 -> 0.57
#   focus: days with prospecting due: Mon Tue Wed Thu Fri; held all but Wed
#     (skipped): 4 of 5, so far (the week has not ended); interruptions 3
#     (Mon 09:00, Tue 09:00, Thu 09:30); timer 135 + 150 + 150 = 435 min =
#     7h15 (D1's run has not ended)
#   accounts: Grand Hotel baseline 180 (3h00), target 144 (2h24), planned
#     90, done 90; Acme Builders 60 (1h00), target 48, planned 90, done 65:
#     over target.  Total 240, 192, 180, 155: freed 240 - 155 = 85 = 1h25
#     (planned 60 = 1h00), matched by prospecting min(85, 525) = 1h25
#   quota: December, week 2 of 5 (Thursday 10 Dec); sold 900 + 4000 =
#     4900 of 20000: 24%; 15100 over 3 weeks = 5033.3 -> 5034 a week;
#     projection 4900 x 5 / 2 = 12250: behind pace
#   trend: W49 89%, 3 mtg, 11h30 prospecting; W50 73%, 5 mtg, 8h45
#   Tuesday 12:00, for the focus: Mon and Tue have had prospecting, both
#   held: "2 of 2 so far".
# The work calendar (tests/life/work.ics, as Outlook writes it): a standup
# 09:00-09:15 every day, a call with Bob on Tuesday 18:00-18:30 (after the
# hours), a trade fair all day Wednesday (busy); and free time, left out
# and listed: a team offsite all day Thursday (TRANSP:TRANSPARENT), the
# dentist Friday 11:00-12:00 (X-MICROSOFT-CDO-BUSYSTATUS:FREE), an event
# by mistake ten years long.
# Monday 14 Dec 08:00: the timer on D1, untouched since Friday 15:00, is
# stopped at 15:40: 40 min, cut short, 20 -> 30 left.  W50 then: done time
# 720 of 930 = 77%, left 90 = 1h30, timer 475 = 7h55.  The next week is
# planned (dry run: the carry-over left out on Friday is not offered
# again), and shown at 80 columns with half-day niches.
. "$(dirname "$0")/../tui/lib.sh" "$1"
LIFE=$(cd "$(dirname "$0")" && pwd)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export TUI_TIMEOUT=$((TUI_TIMEOUT * 3 / 2))
FAILS=0
CASES=0

# ---- checks that note a failure and go on ----

bad() {
	FAILS=$((FAILS + 1))
	printf 'FAIL %s: %s\n' "$1" "$2" >&2
}

good() {
	CASES=$((CASES + 1))
	printf 'ok   %s\n' "$1"
}

# has CASE TEXT WANT: TEXT holds the fixed string WANT.
has() {
	if grep -qF -- "$3" <<<"$2"; then good "$1"; else bad "$1" "no \"$3\" in:
$2"; fi
}

# lacks CASE TEXT NOT
lacks() {
	if grep -qF -- "$3" <<<"$2"; then bad "$1" "\"$3\" should not be in:
$2"; else good "$1"; fi
}

# matches CASE TEXT REGEX: a line of TEXT matches the extended REGEX.
matches() {
	if grep -qE -- "$3" <<<"$2"; then good "$1"; else bad "$1" "no line like /$3/ in:
$2"; fi
}

# same CASE ACTUAL EXPECTED
same() {
	if [ "$2" = "$3" ]; then good "$1"; else bad "$1" "got \"$2\", want \"$3\""; fi
}

# see CASE TEXT: the planner shows TEXT within the deadline.
see() {
	local deadline=$((SECONDS + TUI_TIMEOUT))

	while [ $SECONDS -le $deadline ]; do
		if screen | grep -qF -- "$2"; then
			good "$1"
			return 0
		fi
		sleep 0.05
	done
	bad "$1" "the planner does not show \"$2\":
$(screen)"
	return 1
}

# at TIME ARGS: the command line at a pinned moment, stdout and stderr.
at() {
	local t=$1

	shift
	FOCUSWEEK_NOW=$t "$FW_BIN" "$@" 2>&1
}

# json TIME PYTHON-EXPR ARGS: a value of a command's JSON (d is the document).
json() {
	local t=$1 expr=$2

	shift 2
	FOCUSWEEK_NOW=$t "$FW_BIN" "$@" | python3 -c "import json, sys
d = json.load(sys.stdin)
print($expr)"
}

# down_to CASE TEXT: j, each time once the screen has answered, until the
# planner shows TEXT (the cursor's line).
down_to() {
	local before deadline

	for _ in $(seq 30); do
		if screen | grep -qF -- "$2"; then
			good "$1"
			return 0
		fi
		before=$(screen)
		keys j
		deadline=$((SECONDS + TUI_TIMEOUT))
		while [ "$(screen)" = "$before" ] && [ $SECONDS -le $deadline ]; do
			sleep 0.02
		done
	done
	see "$1" "$2"
}

planner_quit() {
	keys q
	see "$1: the planner quits" "EXITED:0"
}

# ==== Sunday 29 Nov: set up ====

out=$(at 2026-11-29T18:00 init --industries 'Construction,Education,Hospitality,Logistics' \
	--accounts 'Grand Hotel:180,Acme Builders:60' --quota 20000)
has setup "$out" "set up: 4 industries, 2 accounts"
has friction-group-help "$(at 2026-11-29T18:00 industry --help)" "  add NAME"
has friction-group-help "$(at 2026-11-29T18:00 timer --help)" "  stop"
for d in "2026-11-30 Construction" "2026-12-01 Education" "2026-12-02 Hospitality" \
	"2026-12-03 Logistics" "2026-12-04 Construction"; do
	set -- $d
	at 2026-11-29T18:00 focus --date "$1" "$2" >/dev/null
done
add() {
	at 2026-11-29T18:00 add "$@"
}
# Times as typed (8:30) and kinds in any case are taken.
same friction-typed-input "$(add --date 2026-11-30 --start 8:30 --end 11:00 --kind Prospecting \
	--title 'Cold calls: Construction')" 2026W49-1
add --date 2026-12-01 --start 8:30 --end 11:00 --kind prospecting --title 'Cold calls: Education' >/dev/null
# An account block names its customer.
has friction-account-named "$(add --date 2026-12-01 --start 12:00 --end 14:00 --kind account \
	--title 'QBR Grand Hotel')" "an account block is time with one customer: name the account"
add --date 2026-12-01 --start 12:00 --end 14:00 --kind account --account 'Grand Hotel' \
	--title 'QBR Grand Hotel' >/dev/null
add --date 2026-12-02 --start 08:30 --end 11:00 --kind prospecting --title 'Cold calls: Hospitality' >/dev/null
add --date 2026-12-03 --start 08:30 --end 11:00 --kind prospecting --title 'Cold calls: Logistics' >/dev/null
add --date 2026-12-03 --start 14:00 --end 16:00 --kind account --account 'Acme Builders' \
	--title 'Acme site review' >/dev/null
add --date 2026-12-04 --start 08:30 --end 10:00 --kind prospecting --title 'Cold calls: Construction' >/dev/null
same setup-ids "$(add --date 2026-12-04 --start 15:00 --end 16:00 --kind admin \
	--title 'Pipeline and CRM update')" 2026W49-8
out=$(at 2026-11-29T18:00 template save Standard --from-week 2026-11-30)
has friction-template "$out" 'Saved template "Standard": 8 blocks, 16h30'
has friction-template "$(at 2026-11-29T18:00 template show Standard)" "Cold calls: {industry}"

# ==== Friday 4 Dec: last week's outcomes ====

B=2026-12-04T17:00
at $B done 2026W49-1 --calls 20 --meetings 1 >/dev/null
at $B done 2026W49-2 --calls 18 >/dev/null
has bug4-cut-short-asks "$(at $B done 2026W49-3 --cut-short)" \
	"cut short: say how many minutes it really took (--minutes N)"
at $B done 2026W49-3 --cut-short --minutes 20 >/dev/null
at $B done 2026W49-4 --calls 22 --meetings 2 >/dev/null
at $B done 2026W49-5 --calls 15 >/dev/null
at $B done 2026W49-6 --calls 1 >/dev/null
at $B done 2026W49-7 --calls 12 >/dev/null
at $B done 2026W49-8 >/dev/null
out=$(at $B week --date 2026-12-03)
has friction-plurals "$out" "✓ done · 1 call · 0 conv"

# ==== Monday 7 Dec 07:30: the planning ====

out=$(at 2026-12-07T07:30 plan --rotate --template Standard --carry-over --trim-accounts 20)
has plan-last-week "$out" "Last week (2026-W49): 14h50 done of 16h30 planned (89%)"
has plan-rotation "$out" "set     Mon 7 Dec: Education"
has plan-rotation "$out" "set     Thu 10 Dec: Construction"
has friction-template "$out" 'add     Mon 7 Dec 08:30-11:00 prospecting Education "Cold calls: Education"'
has friction-template "$out" 'add     Thu 10 Dec 08:30-11:00 prospecting Construction "Cold calls: Construction"'
has bug5-no-double-booking "$out" 'skip    Tue 8 Dec 14:00-16:00 account Grand Hotel "QBR Grand Hotel" (from 2026W49-3) - the week already plans Grand Hotel: "QBR Grand Hotel" on Tue 8 Dec'
has bug5-trim-and-warn "$out" "Grand Hotel          planned 2h00  baseline 3h00  target 2h24  trimmed to 1h30"
has bug5-trim-and-warn "$out" "Acme Builders        planned 2h00  baseline 1h00  target 48 min  trimmed to 1h30  42 min over target"
out=$(at 2026-12-07T07:31 week)
same bug5-no-double-booking "$(grep -c 'QBR Grand Hotel' <<<"$out")" 1
has plan-week "$out" "12:00–13:30  account      Grand Hotel        QBR Grand Hotel"

# ==== Monday 07:40: the work calendar ====

out=$(at 2026-12-07T07:40 import --ics "$LIFE/work.ics" --week 2026-12-07)
has calendar-import "$out" "5 overlaps with planned blocks (both kept"
has calendar-import "$out" 'Mon 7 Dec 09:00–09:15 "Standup" overlaps 2026W50-1 "Cold calls: Education" 08:30–11:00'
has friction-all-day-warning "$out" 'Wed 9 Dec "Trade fair" all day, over 2026W50-4 "Cold calls: Logistics" 08:30–11:00'
# Free time is no meeting: each event left out is listed with why.
has bug9-free-listed "$out" "left out 3 events that are no busy time:"
has bug9-transp "$out" '"Team offsite (optional)" (Thu 10 Dec): shown as free (TRANSP:TRANSPARENT)'
has bug9-outlook-free "$out" '"Dentist" (Fri 11 Dec): shown as free (X-MICROSOFT-CDO-BUSYSTATUS:FREE)'
has bug9-absurd-listed "$out" '"Booked until 2036 by mistake" (Tue 8 Dec): lasts 3653 days: longer than any meeting'
lacks bug9-free-all-day "$out" 'Thu 10 Dec "Team offsite'
same bug9-not-imported "$(json 2026-12-07T07:41 "sorted(set([b['title'] for x in d['days'] for b in x['blocks'] if b['kind'] == 'meeting'] + [a['title'] for x in d['days'] for a in x['all_day']]))" week --json)" \
	"['Call with Bob', 'Standup', 'Trade fair']"
# week --json holds what the text holds: the all-day event, the meetings
# over a block; the same keys every day.
same bug6-all-day-in-json "$(json 2026-12-07T07:41 "[x['title'] for x in d['days'][2]['all_day']]" week --json)" "['Trade fair']"
same bug6-stable-keys "$(json 2026-12-07T07:41 "sorted(set(tuple(sorted(x)) for x in d['days']))" week --json)" \
	"[('all_day', 'blocks', 'date', 'niche', 'niche_am', 'niche_pm', 'weekday')]"
same bug6-overlaps-in-json "$(json 2026-12-07T07:41 "[m['title'] for b in d['days'][0]['blocks'] for i in b['overlaps'] for m in d['days'][0]['blocks'] if m['id'] == i]" week --json)" "['Standup']"
same bug6-niche "$(json 2026-12-07T07:41 "(d['days'][0]['niche'], d['days'][0]['niche_am'])" week --json)" "('Education', 'Education')"

# ==== Monday: Education, on the timer under the standup ====

has bug1-timer-under-meeting "$(at 2026-12-07T08:30 timer start 2026W50-1)" "▶ Education · Cold calls: Education · 2h30 left"
has friction-interrupt-pause "$(at 2026-12-07T09:00 interrupt --pause standup)" "the timer is paused"
has friction-interrupt-pause "$(at 2026-12-07T09:10 timer status)" "⏸ Education"
at 2026-12-07T09:15 timer resume >/dev/null
at 2026-12-07T10:00 count calls 20 >/dev/null
at 2026-12-07T10:00 count conversations 4 >/dev/null
has friction-durations "$(at 2026-12-07T10:00 count meetings 1)" "1h15 left · 20 calls · 4 conv · 1 mtg"
# 11:00 in the planner: the block under the standup is marked and says
# so; the focus screen's x finishes it through the form.
tui_session mon
tui_start 120 40 FOCUSWEEK_NOW=2026-12-07T11:00
see bug1-marked "▶ ⚠ Cold"
keys k
see bug1-details 'Mon 7 Dec 08:30–11:00 · ⚠ overlaps "Standup" 09:00–09:15 (o moves or shortens it)'
keys f
see friction-durations "15 min left · ▶ running · 2h15 worked of 2h30"
keys x
see bug2-form "Finish · Cold calls: Education"
see bug2-form "Calls          20"
type_text "22"
see bug2-typing-replaces "Calls          22 "
keys Tab Tab
see bug2-form "Meetings       1"
type_text "2"
see bug2-typing-replaces "Meetings       2 "
see bug4-minutes-field "Minutes        135"
keys Enter
see bug1-finish-under-meeting 'finished "Cold calls: Education": cut-short · 22 calls, 4 conv, 2 mtg, 0 sold · 2h15 worked'
planner_quit mon

# ==== Tuesday: Hospitality, a QBR, a sale on it ====

at 2026-12-08T08:30 timer start 2026W50-2 >/dev/null
at 2026-12-08T09:00 interrupt standup >/dev/null
at 2026-12-08T10:15 count calls 18 >/dev/null
at 2026-12-08T10:15 count meetings 1 >/dev/null
has bug1-stop-under-meeting "$(at 2026-12-08T11:00 timer stop)" \
	"done · Cold calls: Hospitality · 2h30 worked · 18 calls · 0 conv · 1 mtg · 1 interruption"
# Noon: held so far, counting only the days that have had prospecting.
out=$(at 2026-12-08T12:00 review --week 2026-W50)
has bug8-so-far "$out" "days held to one niche: 2 of 2 so far"
at 2026-12-08T13:30 done 2026W50-3 --sold 900 >/dev/null
out=$(at 2026-12-08T13:31 sales)
matches bug3-sale-on-block "$out" "2026-12-08 +900 USD +— +Grand Hotel +QBR Grand Hotel +2026W50-s"
out=$(at 2026-12-08T13:31 review --week 2026-W50)
has bug3-counts-toward-quota "$out" "900 of 20000 USD"
# After the hours: the call with Bob, marked at the day's end.
tui_session tue
tui_start 120 40 FOCUSWEEK_NOW=2026-12-08T13:40
see bug7-marker "▼18:00"
keys G
see bug7-details '▼ after the hours: 18:00–18:30 "Call with Bob"'
planner_quit tue

# Tuesday evening: a block under a meeting is edited like any other, and
# is moved clear of it on request (on the half hour, its length kept: the figures stand).
same bug1-edit-under-meeting "$(at 2026-12-08T18:00 edit 2026W50-4 --title 'Cold calls: Logistics, if no fair')" ""
has bug1-fit "$(at 2026-12-08T18:01 edit 2026W50-4 --fit move)" "moved \"Cold calls: Logistics, if no fair\" to 09:30-12:00, clear of \"Standup\""
has bug1-fit "$(at 2026-12-08T18:02 week --date 2026-12-09)" "09:30–12:00  prospecting  Logistics          Cold calls: Logistics, if no fair"

# ==== Wednesday: the trade fair takes the day ====

out=$(at 2026-12-09T08:00 skip 2026W50-4)
same bug1-skip-under-meeting "$out" ""

# ==== Thursday: Construction, the boss, an account review cut short ====

at 2026-12-10T08:30 timer start 2026W50-5 >/dev/null
at 2026-12-10T09:30 interrupt --pause boss: forecast numbers >/dev/null
at 2026-12-10T09:50 timer resume >/dev/null
at 2026-12-10T10:30 count calls 15 >/dev/null
at 2026-12-10T10:30 count meetings 1 >/dev/null
has friction-durations "$(at 2026-12-10T11:00 timer status)" "20 min left"
has timer-done "$(at 2026-12-10T11:20 timer stop)" "done · Cold calls: Construction · 2h30 worked · 15 calls"
has bug4-cut-short-asks "$(at 2026-12-10T15:30 done 2026W50-6 --cut-short)" "--minutes N"
at 2026-12-10T15:30 done 2026W50-6 --minutes 65 >/dev/null
has bug4-minutes "$(at 2026-12-10T15:31 week)" "Acme site review  ✓ done (cut short, 1h05)"

# ==== Friday: the week's x, a timer left running, a sale ====

tui_session fri
tui_start 120 40 FOCUSWEEK_NOW=2026-12-11T10:00
see friday "Fri 11 Dec 10:00 · free"
keys k
see friday 'Fri 11 Dec 08:30–10:00 · ⚠ overlaps "Standup"'
keys x
see friction-x-form "Done · Cold calls: Education"
see friction-x-form "Fri 11 Dec 08:30–10:00 · 1h30 planned"
type_text "12"
keys Tab Tab
type_text "1"
keys Enter
see friction-x-form '"Cold calls: Education" marked done'
# The admin block later today has not started: asked first.
down_to friday "Fri 11 Dec 15:00–16:00 · admin"
keys x
see friction-x-future '"Pipeline and CRM update" has not started yet (Fri 11 Dec 15:00). Mark it done now?'
keys n
see friction-x-future "for quota: yes · planned"
planner_quit fri
at 2026-12-11T15:00 timer start 2026W50-8 >/dev/null
has bug3-sale "$(at 2026-12-11T16:30 sale 4000 --industry Hospitality --account 'Grand Hotel' \
	--note 'winter banquets')" "2026W50-s"

# ==== Friday 16:50: the review, against the figures worked out above ====

R=2026-12-11T16:50
out=$(at $R review --week 2026-W50)
has review "$out" "4 of 8 blocks done · 11h20 of 15h30 planned"
has review "$out" "completion 73% of the 15h30 due"
has review "$out" "3 unfinished (2h00 left) · 1 dropped"
matches review-days "$out" "^  Mon 7 Dec +0 of 1 +2h15 of 2h30 +90% "
matches review-days "$out" "^  Tue 8 Dec +2 of 2 +4h00 of 4h00 +100% "
matches review-days "$out" "^  Wed 9 Dec +0 of 1 +0 min of 2h30 +0% "
matches review-days "$out" "^  Thu 10 Dec +1 of 2 +3h35 of 4h00 +89% "
matches review-days "$out" "^  Fri 11 Dec +1 of 2 +1h30 of 2h30 +60% "
matches review-kinds "$out" "^  prospecting +3 of 5 +8h45 of 11h30 +76% "
matches review-kinds "$out" "^  account +1 of 2 +2h35 of 3h00 +86% "
matches review-kinds "$out" "^  admin +0 of 1 +0 min of 1h00 +0% "
matches review-unfinished "$out" "Mon 7 Dec +08:30–11:00 +prospecting Cold calls: Education +cut short +30 min left +2026W50-1"
matches review-unfinished "$out" "Thu 10 Dec +14:00–15:30 +account +Acme site review +cut short +30 min left +2026W50-6"
matches review-unfinished "$out" "Fri 11 Dec +15:00–16:00 +admin +Pipeline and CRM update +planned +1h00 left +2026W50-8"
matches review-results "$out" "^  Construction +15 +0 +1 +0 +2h30 +6.00 +0.40$"
matches review-results "$out" "^  Education +34 +4 +3 +0 +3h45 +9.07 +0.80$"
matches review-results "$out" "^  Hospitality +18 +0 +1 +4000 +2h30 +7.20 +0.40$"
matches bug3-results "$out" "^  no industry +0 +0 +0 +900 +0 min +— +—$"
matches review-results "$out" "^  Total +67 +4 +5 +4900 +8h45 +7.66 +0.57$"
has bug8-so-far "$out" "days held to one niche: 4 of 5 so far"
has review-focus "$out" "interruptions: 3 (Mon 1, Tue 1, Thu 1)"
has review-focus "$out" "time on the timer: 7h15"
matches review-accounts "$out" "^  Grand Hotel +3h00 +2h24 +1h30 +1h30 +-1h30  on target$"
matches review-accounts "$out" "^  Acme Builders +1h00 +48 min +1h30 +1h05 +5 min  over target$"
has review-accounts "$out" "freed 1h25 (planned 1h00) · 1h25 of it matched by prospecting done"
has bug3-quota "$out" "4900 of 20000 USD"
has bug3-quota "$out" "needed: 5034 USD a week for 3 weeks · projection at this rate: 12250 USD"
j() {
	json $R "$1" review --week 2026-W50 --format json
}
same review-json "$(j "[d['finished']['total'][k] for k in ('blocks', 'done', 'unfinished', 'dropped', 'minutes', 'done_minutes', 'due_minutes', 'left_minutes', 'rate_pct')]")" \
	"[8, 4, 3, 1, 930, 680, 930, 120, 73]"
same bug3-quota-json "$(j "[d['quota'][k] for k in ('sold', 'gap', 'progress_pct', 'pace', 'projection', 'week', 'weeks')]")" \
	"[4900, 15100, 24, 5034, 12250, 2, 5]"
same bug8-so-far-json "$(j "[d['focus'][k] for k in ('days', 'days_held', 'so_far', 'interruptions', 'timer_seconds')]")" \
	"[5, 4, True, 3, 26100]"
same review-json-accounts "$(j "[(r['account'], r['baseline'], r['target'], r['planned'], r['done']) for r in d['accounts']['rows']]")" \
	"[('Grand Hotel', 180, 144, 90, 90), ('Acme Builders', 60, 48, 90, 65)]"
same review-json-trend "$(j "[(t['week'], t['rate_pct'], t['meetings'], t['prospecting_minutes']) for t in d['trend'][-2:]]")" \
	"[('2026-W49', 89, 3, 690), ('2026-W50', 73, 5, 525)]"
has timer-overtime "$(at $R timer status)" "+50 min over"

# The planner's review, and the carry-over chosen block by block.
tui_session review
tui_start 120 40 FOCUSWEEK_NOW=2026-12-11T16:55
see review-screen "Fri 11 Dec"
keys r
see review-screen "Review 2026-W50"
see bug8-so-far "days held to one niche  4 of 5 so far"
see review-screen "Done 73% · 4/8 blocks │ 67 calls · 5 mtgs │ Quota 24%"
if [ "$(screen | grep -c "behind pace")" -le 1 ]; then good friction-quota-once; else
	bad friction-quota-once "the quota's verdict shows twice:
$(screen)"; fi
keys c
see bug11-preview "Carry into 2026-W51"
see bug11-preview "can't  Mon 7 Dec 08:30-09:00 prospecting Education"
see bug11-preview '[x] add    Thu 17 Dec 08:00-08:30 account Acme Builders "Acme site review" (from 2026W50-6)'
see bug11-preview '[x] add    Fri 18 Dec 08:00-09:00 admin "Pipeline and CRM update" (from 2026W50-8)'
keys j j Space
see bug11-leave-out '[ ] skip   Fri 18 Dec 08:00-09:00 admin "Pipeline and CRM update"'
keys Enter
see bug11-carried "carried 1 unfinished block into 2026-W51"
planner_quit review
has bug11-declined-saved "$(cat "$FOCUSWEEK_DATA/weeks/2026-W51.json")" '"carry_declined":'

# ==== Monday 14 Dec: the timer left running, next week's planning ====

M=2026-12-14T08:00
has bug10-status "$(at $M timer status)" "running since Fri 11 Dec 15:00: stopped when?"
has bug10-stop-asks "$(at $M timer stop)" "when did the work really stop?"
has bug10-stop-at "$(at $M timer stop --at 15:40)" "done (cut short) · Pipeline and CRM update · 40 min worked"
out=$(at $M review --week 2026-W50)
has bug10-review "$out" "4 of 8 blocks done · 12h00 of 15h30 planned"
has bug10-review "$out" "completion 77% of the 15h30 due"
has bug10-review "$out" "3 unfinished (1h30 left) · 1 dropped"
has bug10-review "$out" "time on the timer: 7h55"
has bug8-week-ended "$out" "days held to one niche: 4 of 5"
lacks bug8-week-ended "$out" "4 of 5 so far"
out=$(at $M plan --rotate --template Standard --carry-over --trim-accounts 20 --dry-run)
has plan-next-rotation "$out" "set     Thu 17 Dec: Education"
has bug11-not-offered "$out" 'skip    Fri 18 Dec 08:00-08:30 admin "Pipeline and CRM update" (from 2026W50-8) - left out before; not offered again'
has bug11-carried-once "$out" 'exists  Thu 17 Dec 08:00-08:30 account Acme Builders "Acme site review" (from 2026W50-6)'
has plan-next-carry "$out" 'add     Thu 17 Dec 11:00-11:30 prospecting Education "Cold calls: Education" (from 2026W50-1)'
has friction-template "$out" 'add     Thu 17 Dec 08:30-11:00 prospecting Education "Cold calls: Education"'
# The review's c carried Acme's half hour into Thu 17 Dec first: the
# template's Acme block is offered, not chosen, so the customer is booked
# once (30 min against a 48 min target: nothing to trim).
has bug5b-carried-then-template "$out" 'skip    Thu 17 Dec 14:00-16:00 account Acme Builders "Acme site review" - the week already plans Acme Builders: "Acme site review" on Thu 17 Dec, carried over'
has bug5b-carried-then-template "$out" "Acme Builders        planned 30 min  baseline 1h00  target 48 min"
lacks bug5b-carried-then-template "$out" "Acme Builders        planned 2h30"
# The planning screen at 150 columns: its keys whole, never cut.
tui_session plan
tui_start 150 40 FOCUSWEEK_NOW=$M
see plan-screen "Planning 2026-W51"
keys Tab
see friction-plan-hints "Space x choose or leave out the item   s skip this step: it changes nothing"
keys Escape
planner_quit plan

# Half-days at 80 columns: the names, not the words "AM" and "PM".
at $M focus --rule half-day >/dev/null
at $M focus --am Construction >/dev/null
at $M focus --pm Education >/dev/null
tui_session narrow
tui_start 80 30 FOCUSWEEK_NOW=$M
see friction-half-day-80 "Constr"
lacks friction-half-day-80 "$(screen)" "AM Con"
planner_quit narrow

printf '%d checks, %d failed\n' "$CASES" "$FAILS"
[ "$FAILS" -eq 0 ]
