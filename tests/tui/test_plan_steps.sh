#!/usr/bin/env bash
# Each step's own keys on the planning screen: a niche replaced, a day's
# industry by hand and the yield order; the layout from a template, staggered, and its source
# cycled; the account trim with the freed time placed as prospecting; a
# "not for quota" block dropped.  The applied week holds exactly that.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
fw week >/dev/null
fw template save Standard --from-week 2026-12-01 >/dev/null || fail "template save"
fw add --date 2026-12-09 --start 13:00 --end 14:00 --kind meeting --title 'Customer call' \
	>/dev/null || fail "add meeting"
fw focus --date 2026-12-10 Healthcare || fail "focus"
tui_start 120 40 FOCUSWEEK_NOW=2026-12-07T08:00
wait_for "1/6 Last week"
keys Tab
wait_for "2/6 Rotation"
wait_for "set      Wed 9 Dec: Logistics · holds 1 real meeting (1h00)"
keys y
wait_for "Order: best yield first (meetings per prospecting hour, last 4 weeks)"
wait_for "Healthcare (none done), Manufacturing (none done)"
keys y
wait_for "Order: continuing last week's rotation"
# Thursday's Healthcare is kept unless replaced; the choice outlives a
# change of another day.
wait_for "keep     Thu 10 Dec: Healthcare -> Retail"
keys j j j Space
wait_for "replace  Thu 10 Dec: Healthcare -> Retail"
keys k k k l
wait_for "set      Mon 7 Dec: Manufacturing (by hand)"
wait_for "replace  Thu 10 Dec: Healthcare -> Retail"
keys h
wait_for "set      Mon 7 Dec: Healthcare (by hand)"
wait_for "replace  Thu 10 Dec: Healthcare -> Retail"
keys Tab
wait_for "3/6 Layout"
wait_for 'From: template "Standard" (1 of 1)'
keys z
wait_for "Stagger: on"
wait_for 'add      Tue 8 Dec 09:00-11:30 prospecting Manufacturing "Call list: plants"'
wait_for 'add      Wed 9 Dec 09:30-12:00 prospecting Logistics "Call list: carriers"'
keys o
wait_for "From: last week's blocks (2026-W49), fresh"
keys o
wait_for "From: nothing; the week keeps the blocks it has"
wait_gone "Call list: plants"
keys o
wait_for 'From: template "Standard" (1 of 1)'
wait_for 'add      Tue 8 Dec 09:00-11:30 prospecting Manufacturing "Call list: plants"'
keys Tab
wait_for "4/6 Carry over"
keys s
wait_for "5/6 Account time"
wait_for "Not trimmed: account blocks keep their length."
keys t
wait_for "Trimmed by 20% to the slot grid: 1h00 freed"
wait_for "trimmed to 1h30"
wait_for 'trim     Tue 8 Dec 14:00-16:00 -> 14:00-15:30 account Northwind Clinics "Quarterly review"'
wait_for 'offer    Tue 8 Dec 15:30-16:00 prospecting Manufacturing "Prospecting (freed account time)"'
keys f
wait_for 'add      Tue 8 Dec 15:30-16:00 prospecting Manufacturing "Prospecting (freed account time)"'
wait_for 'add      Thu 10 Dec 15:00-15:30 prospecting Retail "Prospecting (freed account time)"'
keys Tab
wait_for "6/6 Quota"
wait_for 'keep     Fri 11 Dec 16:00-17:00 other "Team meeting"'
keys Space
wait_for 'drop     Fri 11 Dec 16:00-17:00 other "Team meeting"'
keys Tab
wait_for "Summary"
wait_for "Quota: dropped (1)"
keys Enter
wait_for "planned 2026-W50: "
week=$(fw week --date 2026-12-07 | sed 's/ *2026W50-[0-9]*$//')
want='2026-W50 · 7 Dec – 11 Dec · one niche per day

Mon 7 Dec · Healthcare
  08:30–11:00  prospecting  Healthcare         Call list: clinics

Tue 8 Dec · Manufacturing
  09:00–11:30  prospecting  Manufacturing      Call list: plants
  14:00–15:30  account      Northwind Clinics  Quarterly review
  15:30–16:00  prospecting  Manufacturing      Prospecting (freed account time)

Wed 9 Dec · Logistics
  09:30–12:00  prospecting  Logistics          Call list: carriers
  13:00–14:00  meeting      —                  Customer call

Thu 10 Dec · Retail
  08:30–11:00  prospecting  Retail             Call list: stores
  14:00–15:00  account      Contoso Freight    Contract renewal
  15:00–15:30  prospecting  Retail             Prospecting (freed account time)

Fri 11 Dec · no niche
  09:00–10:30  admin        —                  Pipeline and CRM update'
[ "$week" = "$want" ] || fail "the planned week is not as expected:
$week"
[ "$(fw check)" = ok ] || fail "check"
keys q
wait_for "EXITED:0"
