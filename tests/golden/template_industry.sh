# Templates keep their titles to the day's industry: a prospecting block
# whose title names its industry is saved with {industry} in its place, and
# the planning lays it out with the industry of the day it lands on (after
# the rotation moves the industries on), showing the titles resolved; a
# copy of last week does the same with the name itself.
sample_plan
fw industry add Construction
fw edit 2026W49-1 --title 'Cold calls: healthcare clinics'
fw template save Standard --from-week 2026-12-01
fw template show Standard
FOCUSWEEK_NOW=2026-12-07T08:00 fw plan --rotate --template Standard --dry-run | grep -E 'Rotation|Mon 7 Dec|Layout'
FOCUSWEEK_NOW=2026-12-07T08:00 fw plan --rotate --copy-last-week --dry-run | grep -E 'Mon 7 Dec'
