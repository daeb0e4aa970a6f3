#!/usr/bin/env bash
# The block form names a new industry or account in place: the last choice
# of each ("New industry…", "New account…") turns into a name field; Enter
# adds it through the same app call as `industry add` / `account add` and
# chooses it.  A name already taken is said in the form and loses nothing;
# Esc goes back to the choice before.  Starts on an empty plan, where the
# form could offer only "none" before.
. "$(dirname "$0")/lib.sh" "$1"
fw init --empty >/dev/null || fail "init --empty failed"
fw industry add Logistics >/dev/null || fail "industry add failed"
tui_start 120 40
# An empty week opens on its planning; leave it for the week.
wait_for "Planning 2026-W49"
keys Escape
wait_for "Tue 1 Dec 09:00 · free"
keys a
wait_for "Add a block · Tue 1 Dec"
type_text "Dental clinics: first calls"
# Title → Industry (one up), then back from "none" to the last choice.
keys BTab
wait_for "Industry  ◂ none ▸"
keys Left
wait_for "Industry  ◂ New industry… ▸"
wait_for "Enter name it"
keys Enter
wait_for "Type the new industry's name"
# Taken (case aside): said, and the name typed stays to be mended.
type_text "logistics"
keys Enter
wait_for "already"
wait_for "Type the new industry's name"
keys C-u
type_text "Dental"
keys Enter
wait_for "added Dental"
wait_for "Industry  ◂ Dental ▸"
fw industry list | grep -q "^Dental" || fail "not saved: $(fw industry list)"
# An account block: Kind is one up from Industry, Account shows under it.
keys BTab
wait_for "Kind      ◂ admin ▸"
keys Left
wait_for "Kind      ◂ account ▸"
wait_for "Account   ◂ none ▸"
keys Tab Tab
keys Left
wait_for "Account   ◂ New account… ▸"
# Esc while naming goes back to the choice before, the form stays open.
keys Enter
wait_for "Type the new account's name"
type_text "Nobody"
keys Escape
wait_for "Account   ◂ none ▸"
wait_for "Add a block · Tue 1 Dec"
keys Left Enter
wait_for "Type the new account's name"
type_text "Fabrikam Dental"
keys Enter
wait_for "added Fabrikam Dental"
wait_for "Account   ◂ Fabrikam Dental ▸"
# Saving: the quota question, then the block with both.
keys Enter
wait_for "Press y or n"
keys y Enter
wait_for 'added "Dental clinics: first calls"'
keys q
wait_for "EXITED:0"
fw account list | grep -q "^Fabrikam Dental" || fail "account: $(fw account list)"
fw account list | grep -q "Nobody" && fail "the name given up on was added"
fw week --date 2026-12-01 | grep -q "account .*Dental .*Dental clinics: first calls" ||
	fail "the block: $(fw week --date 2026-12-01)"
fw week --json --date 2026-12-01 | grep -q '"account": "Fabrikam Dental"' ||
	fail "the block's account: $(fw week --json --date 2026-12-01)"
exit 0
