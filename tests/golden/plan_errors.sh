# `focusweek plan` refuses contradictory or incomplete options, unknown
# templates and a rotation with no industries, and saves nothing.
sample_plan
fw plan --template std --copy-last-week
fw plan --by-yield
fw plan --stagger
fw plan --fill-freed
fw plan --trim-accounts 0
fw plan --trim-accounts 20%
fw plan --week 2026-02-30
fw plan --template std
for i in Healthcare Manufacturing Logistics Retail; do "$FW_BIN" industry rm "$i" >/dev/null; done
fw industry list
fw plan --rotate
# On Tue 1 Dec 09:15 only Monday's 08:30-11:00 of the starter week has
# ended: 1 block, 2h30 left unfinished (the rest is still to come).
fw plan --week 2026-12-07 --copy-last-week --dry-run
