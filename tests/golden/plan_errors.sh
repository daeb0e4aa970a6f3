# `focusweek plan` refuses contradictory or incomplete options, unknown
# templates and a rotation with no industries, and saves nothing.
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
fw plan --week 2026-12-07 --copy-last-week --dry-run
