# Recording, listing and deleting sales; bad input of every kind; the
# review's own usage errors.  A first run (starter plan: monthly quota of
# 25000 USD) on Tue 1 Dec 2026; this week is 2026-W49 (30 Nov - 6 Dec), whose
# eight starter blocks took ids 1-8, so the first sale here is 2026W49-s9.
sample_plan
fw sale 4200 --industry Retail --account 'Contoso Freight' --note 'Signed, 12 stores'
fw sale 1800 --date 2026-11-30 --industry Healthcare
fw sale 950 --date 2026-12-08
fw sale 0
fw sale 12.50
fw sale 1e3
fw sale 1000000000000
fw sale -5
fw sale
fw sale 5000 --industry Energy
fw sale 5000 --account Nobody
fw sale 5000 --date 2026-13-01
fw sale 5000 --note $'bad\033[2J'

# December: 4200 (1 Dec) + 950 (8 Dec) = 5150; 30 Nov is November's.
fw sales
# Q4: 1800 + 4200 + 950 = 6950.
fw sales --period quarter
fw sales --period week
fw sales --json --date 2026-11-15

fw sale rm 2026W49-s10
fw sale rm 2026W49-s10
fw sale rm nonsense
# Q4 without it: 4200 + 950 = 5150.
fw sales --period quarter
fw check

# The review sees the sale: December, week 1 of 5 (Thursday 3 Dec), sales to
# Sun 6 Dec: 4200 of 25000 = 16.8 -> 16%; needed (25000 - 4200) / 4 = 5200 a
# week; projection 4200 x 5 = 21000.
fw review --format md | sed -n '1p;/^## Quota/,/Projection/p'

fw review --week 2026-W49 --date 2026-12-01
fw review --week 2026-49
fw review --weeks 0
fw review --weeks 521
fw review --format xlsx
fw review --date someday
fw review --week 1900-W02
