# Industries and accounts: add, rename, colour, remove (archived while blocks
# or niches name it, removed for good when nothing does), list, restore.
sample_plan
fw industry add Energy
fw industry add 'Public sector' --color 9
fw industry add energy
fw industry add '  Padded'
fw industry add Energy2 --color 17
fw industry list
fw industry rename Energy 'Energy & utilities'
fw industry rename 'energy & UTILITIES' Retail
fw industry rename Nope Other
fw industry color 'Public sector' 12
fw industry color 'Public sector' 0
fw industry list
# Unused: removed for good.  Used: archived, and history still names it.
fw industry rm 'Public sector'
fw industry rm Logistics
fw industry list
fw industry list --all
fw week --date 2026-12-02 | sed -n '2p;/^Wed/,/^$/p'
fw industry rm Logistics
fw add --date 2026-12-09 --start 09:00 --end 10:00 --kind prospecting --industry Logistics --title 'Carriers again'
fw focus --date 2026-12-09 Logistics
fw industry add logistics
fw industry add Logistics --color 7
fw industry list --all
fw add --date 2026-12-09 --start 09:00 --end 10:00 --kind prospecting --industry Logistics --title 'Carriers again'
# The starter colours: a new industry takes the first free slot.
fw industry add Education
fw industry rm Logistics
fw industry add Finance
fw industry list --all
# A niche alone is a use too.
fw focus --date 2026-12-10 Finance
fw industry rm Finance
fw industry rm Education
fw industry list --all
# Accounts.
fw account add Globex --baseline 90
fw account add 'Initech'
fw account add globex
fw account add Hooli --baseline -5
fw account baseline Initech 45
fw account baseline Initech 99999
# A baseline is a duration as the program writes it, or minutes.
fw account baseline Initech 1h30
fw account add Umbrella --baseline '2h 15m'
fw account list | grep Umbrella
fw account baseline Umbrella 0:45
fw account baseline Umbrella 1.5h
fw account list | grep -E 'Initech|Umbrella'
fw account rm Initech
fw account rm 'Contoso Freight'
fw account list
fw account list --all
fw add --date 2026-12-09 --start 14:00 --end 15:00 --kind account --account 'Contoso Freight' --title 'Check-in'
fw account add 'Contoso Freight' --baseline 60
fw account list
fw add --date 2026-12-09 --start 14:00 --end 15:00 --kind account --account 'Contoso Freight' --title 'Check-in'
fw check
# An archived industry that nothing names any more is deleted by rm; an
# account is renamed.
fw rm 2026W49-4
fw focus --date 2026-12-02 --clear
fw industry rm Logistics
fw rm 2026W50-1
fw focus --date 2026-12-09 --clear
fw industry rm Logistics
fw industry list --all
fw account rename 'Contoso Freight' 'Contoso Logistics'
fw account rename Nobody Someone
fw account list
