# Niches: a day's set and cleared, a week switched to half-day niches and
# back, and the refusals that keep one industry per day or half-day.
sample_plan
fw focus --date 2026-12-04 Retail
fw focus --date 2026-12-01 Retail
fw focus --date 2026-12-01 --clear
fw add --date 2026-12-01 --start 11:00 --end 12:00 --kind prospecting --industry Retail --title 'Store calls'
fw focus --date 2026-12-01 --pm Manufacturing
# Half-day niches for this week only; each day's niche holds both halves.
fw focus --date 2026-12-01 --rule half-day
fw focus --date 2026-12-01 --pm Retail
fw add --date 2026-12-01 --start 12:00 --end 13:00 --kind prospecting --title 'Store calls'
fw add --date 2026-12-01 --start 11:00 --end 12:00 --kind prospecting --industry Retail --title 'Early store calls'
fw focus --date 2026-12-01 --am Retail
fw focus --date 2026-12-01 Manufacturing
fw week --date 2026-12-01
fw week --date 2026-12-08 | head -n 2
# Back to one niche a day: refused while the halves differ.
fw focus --date 2026-12-01 --rule day
fw rm 2026W49-9
fw focus --date 2026-12-01 --rule day
fw focus --date 2026-12-01 --pm --clear
fw focus --date 2026-12-01 --rule day
fw week --date 2026-12-01
# A later midday moves 12:00-13:00 into the morning.
fw focus --date 2026-12-08 --rule half-day --midday 13:00
fw focus --date 2026-12-08 --am Healthcare
fw focus --date 2026-12-08 --pm Logistics
fw add --date 2026-12-08 --start 12:00 --end 13:00 --kind prospecting --title 'Before midday'
fw add --date 2026-12-08 --start 13:00 --end 14:00 --kind prospecting --title 'After midday'
fw focus --date 2026-12-08 --rule half-day --midday 12:00
fw focus --date 2026-12-08 --rule day
# A block across midday belongs to both halves.
fw add --date 2026-12-09 --start 12:30 --end 13:30 --kind prospecting --industry Healthcare --title 'Across midday'
fw focus --date 2026-12-09 --pm Logistics
fw focus --date 2026-12-09 --am Logistics
fw focus --date 2026-12-09 Healthcare
fw focus --date 2026-12-10 Retail
fw focus --date 2026-12-10 --clear
fw week --json --date 2026-12-08 | grep -E '"(week|focus|date|niche_am|niche_pm|id|industry|start|end)"'
# Usage errors.
fw focus --date 2026-12-01 --am --pm Retail
fw focus --date 2026-12-01
fw focus --date 2026-12-01 --clear Retail
fw focus --date 2026-12-01 Energy
fw focus --date 2026-12-01 --rule weekly
fw focus --date 2026-12-01 --rule half-day --midday 12:10
