# Adding, editing and removing blocks, and each rule refusing with its reason.
sample_plan
fw add --date 2026-12-01 --start 11:00 --end 12:00 --kind prospecting --title 'More plant calls'
fw add --date 2026-12-01 --start 10:00 --end 11:30 --kind admin --title 'Overlaps'
fw add --date 2026-12-01 --start 12:00 --end 13:00 --kind prospecting --industry Retail --title 'Wrong niche'
fw add --date 2026-12-01 --start 12:10 --end 13:00 --kind admin --title 'Off grid'
fw add --date 2026-12-01 --start 07:00 --end 08:30 --kind admin --title 'Too early'
fw add --date 2026-12-01 --start 17:00 --end 18:30 --kind admin --title 'Too late'
fw add --date 2026-12-04 --start 11:00 --end 12:00 --kind prospecting --title 'No niche, no industry'
fw add --date 2026-12-04 --start 11:00 --end 12:00 --kind prospecting --industry Retail --title 'Retail on Friday'
fw add --date 2026-12-04 --start 13:00 --end 14:00 --kind prospecting --industry Logistics --title 'Second industry on Friday'
fw add --date 2026-12-04 --start 13:00 --end 14:00 --kind account --account 'Contoso Freight' --title 'Check-in' --not-quota
fw add --date 2026-12-04 --start 13:00 --end 14:00 --kind admin --account 'Contoso Freight' --title 'x'
fw add --date 2026-12-04 --start 14:00 --end 15:00 --kind admin --industry Nope --title 'x'
fw add --date 2026-12-04 --start 14:00 --end 15:00 --kind admin --title $'esc\033[2Jape'
fw add --date 2026-12-04 --start 14:00 --end 13:00 --kind admin --title 'backwards'
fw edit 2026W49-9 --start 11:30 --end 12:30 --note 'ask for the fleet manager'
fw edit 2026W49-9 --date 2026-12-08 --industry Retail
fw edit 2026W49-404 --title nope
fw week
fw week --date 2026-12-08
fw rm 2026W49-9
fw rm 2026W49-9
fw week --date 2026-12-08
# Made prospecting while moving to another week: it takes that day's niche.
fw focus --date 2026-12-10 Retail
fw edit 2026W49-7 --date 2026-12-10 --kind prospecting
fw week --date 2026-12-10 | sed -n '1,2p;/^Thu/,/^$/p'
