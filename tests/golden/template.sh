# Templates: save a week's pattern, list, show, plan a week from one with
# staggered call starts, remove.
sample_plan
fw template list
fw template save Standard --from-week 2026-11-30
fw template list
fw template show Standard
fw template save Standard
fw template save Empty --from-week 2026-12-14
fw template save ''
fw template show Nope
# Planned on Tue 1 Dec 09:15, ahead of the week: of the starter week's 8
# blocks only Monday's 08:30-11:00 has ended, so 1 block (2h30) is left
# unfinished; the other 7 are still to come.
fw plan --week 2026-12-07 --rotate --template Standard --stagger --dry-run
fw plan --week 2026-12-07 --rotate --template Standard --stagger
fw week --date 2026-12-07
fw template rm Standard
fw template rm Standard
fw template list
