#!/usr/bin/env bash
# The settings screen (S) changes a setting with the loader's checks, and a
# change that would leave blocks off the grid asks first; industries and
# accounts (I) are added, renamed and deleted; the niche picker adds a new
# industry in place.  Each change is the command line's, seen by it.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_start 120 44
wait_for "Call list: plants"
keys S
wait_for "Settings"
wait_for "quota.target    25000"
keys BSpace BSpace BSpace BSpace BSpace 30000 Enter
wait_for "quota.target: 25000 -> 30000"
[ "$(fw settings --json | grep quota.target)" = '  "quota.target": "30000",' ] ||
	fail "quota: $(fw settings --json | grep quota.target)"
fw review | grep -q "of 30000 USD" || fail "the review's quota"
# A later day start would leave the 08:30 blocks off the grid: asked first.
keys Down Down Down BSpace BSpace BSpace BSpace BSpace 09:00 Enter
wait_for "would lie outside"
[ "$(fw settings --json | grep day.start)" = '  "day.start": "08:00",' ] || fail "changed unasked"
keys Enter
wait_for "now lie outside the day's hours"
[ "$(fw settings --json | grep day.start)" = '  "day.start": "09:00",' ] || fail "not forced"
fw week | grep -q "08:30–11:00  prospecting  Manufacturing" || fail "a block moved or went"
keys Down Down Down Down Down Down Down BSpace BSpace BSpace 12h Enter
wait_for "time.format: 24h -> 12h"
keys Escape
wait_gone "Settings"
# Industries and accounts.
keys I
wait_for "Industries and accounts"
wait_for "Healthcare"
keys n Construction Enter
wait_for "added Construction"
keys N "Grand Hotel:180" Enter
wait_for "added Grand Hotel"
fw account list | grep -q "Grand Hotel .* baseline 3h00 a week" || fail "account: $(fw account list)"
keys Escape
wait_gone "Industries and accounts"
# The niche picker: a new industry typed in place becomes Friday's niche.
keys l l l
wait_for "Fri 4 Dec"
keys i
wait_for "New industry"
wait_for "New industry"
keys G Enter
wait_for "Enter add it"
keys Education Enter
wait_for "niche of"
fw industry list | grep -q "^Education" || fail "industry: $(fw industry list)"
fw week | grep -q "Education" || fail "niche: $(fw week | head -5)"
keys q
wait_for "EXITED:0"
