#!/usr/bin/env bash
# The first start on an empty folder offers the setup (the user's week, an
# empty plan, the sample, the demo).  Setting up my week gives my four
# industries, two accounts and quota, and nothing else, and ends on this
# week's planning; starting empty writes nothing; the sample is the sample.
. "$(dirname "$0")/lib.sh" "$1"
tui_start 120 40
wait_for "Welcome to focusweek"
wait_for "Set up my week"
wait_for "Explore the sample plan"
keys Enter
wait_for "Set up my week"
wait_for "Industries"
keys "Construction, Education, Healthcare, Logistics" Tab "Grand Hotel:180, Contoso:240" Tab \
	30000 Tab BSpace BSpace BSpace EUR Tab Tab Tab BSpace BSpace BSpace BSpace BSpace 17:00
keys Enter
wait_for "Planning 2026-W49"
wait_for "set up: 4 industries, 2 accounts"
keys Escape
wait_for "planning left"
keys q
wait_for "EXITED:0"
[ "$(fw industry list | awk '{print $1}' | tr '\n' ' ')" = "Construction Education Healthcare Logistics " ] ||
	fail "industries: $(fw industry list)"
fw account list | grep -q "Grand Hotel .* baseline 3h00 a week" || fail "accounts: $(fw account list)"
[ "$(fw account list | wc -l)" -eq 2 ] || fail "accounts: $(fw account list)"
fw settings --json | grep -q '"quota.target": "30000"' || fail "quota: $(fw settings --json)"
fw settings --json | grep -q '"quota.currency": "EUR"' || fail "currency"
fw settings --json | grep -q '"day.end": "17:00"' || fail "day end: $(fw settings --json)"
fw week | grep -q "(no blocks)" || fail "blocks appeared: $(fw week)"
fw week | grep -q "2026W49-" && fail "a sample block appeared"
fw review | grep -q "of 30000 EUR" || fail "the review's quota: $(fw review | grep -A3 QUOTA)"

# Start empty: nothing is written until the first change.
export FOCUSWEEK_DATA="$TUI_DIR/empty"
tui_session empty
tui_start 120 40 FOCUSWEEK_DATA="$FOCUSWEEK_DATA"
wait_for "Welcome to focusweek"
keys Down Enter
wait_for "An empty plan"
keys q
wait_for "EXITED:0"
[ -e "$FOCUSWEEK_DATA/plan.json" ] && fail "starting empty wrote plan.json"

# The sample: its industries and blocks; a second start opens on the week.
export FOCUSWEEK_DATA="$TUI_DIR/sample"
tui_session sample
tui_start 120 40 FOCUSWEEK_DATA="$FOCUSWEEK_DATA"
wait_for "Welcome to focusweek"
keys Down Down Enter
wait_for "Call list: plants"
wait_for "the sample plan: 4 industries, 2 accounts, 8 blocks"
keys q
wait_for "EXITED:0"
fw sample rm | grep -q "removed the sample" || fail "sample rm"
[ -z "$(fw industry list | grep -v 'No industries yet')" ] || fail "sample left: $(fw industry list)"
