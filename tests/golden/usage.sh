# Usage errors exit 2 with a message naming the problem; --help exits 0.
# The libraries' versions are this machine's (reliability/cli_output.sh checks them).
fw --version | sed -E '/^(ncurses|cJSON|libical) /s/[0-9][0-9.]*/X/'
fw frobnicate
fw week --bogus
fw week --date
fw week --date 2026-02-30
fw add --date 2026-12-01
fw add --date 2026-12-01 --start 9:75 --end 10:00 --kind admin --title x
fw add --date 2026-12-01 --start 09:00 --end 10:00 --kind lunch --title x
fw rm
fw rm a b
fw industry add
fw industry add Energy --color 99
fw account add Acme --baseline lots
fw week --json=yes
fw add --help
fw frobnicate --help
