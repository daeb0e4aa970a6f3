# The first start is chosen, not imposed.  A command on an empty folder
# writes nothing; the first change makes the folder (0700) and plan.json
# (0600), holding that change alone.  init sets up the user's own week from
# flags; --sample gives the sample plan, and `sample rm` takes it back out
# keeping what the user made.
D=$XDG_DATA_HOME/focusweek
fw week
fw industry list
fw account list
fw review
fw settings quota.target
test -e "$D" || echo "(no data folder was created)"
fw industry add Construction
stat -c '%a %n' "$D" "$D/plan.json"
ls "$D"
fw industry list
fw account list
fw week --date 2026-12-08
fw init --industries Education
fw check

# init with flags, in another folder: the user's industries, accounts,
# quota, hours and days, and nothing else.
O=$TMPDIR/mine
fw --data "$O" init --industries 'Construction,Education,Healthcare,Logistics' \
	--accounts 'Grand Hotel:180,Contoso Freight:240' --quota 30000 --currency EUR \
	--hours 8:00-17:00 --days mon-fri
fw --data "$O" industry list
fw --data "$O" account list
fw --data "$O" settings quota.target
fw --data "$O" settings quota.currency
fw --data "$O" settings day.start
fw --data "$O" week
fw --data "$O" init --hours 9-5
fw --data "$TMPDIR/bad" init --industries A --hours 18:00-08:00
test -e "$TMPDIR/bad/plan.json" || echo "(nothing was written)"
fw --data "$TMPDIR/none" init </dev/null

# The sample plan, explored, then taken back out: what the user made stays.
S=$TMPDIR/sample
fw --data "$S" init --sample
fw --data "$S" week
fw --data "$S" industry add Construction
fw --data "$S" add --date 2026-12-02 --start 13:00 --end 14:00 --kind admin --title 'My own'
fw --data "$S" done 2026W49-1 --calls 12
fw --data "$S" sample rm
fw --data "$S" industry list
fw --data "$S" account list
fw --data "$S" settings quota.target
fw --data "$S" week
fw --data "$S" sample rm
fw --data "$S" check
# A value wider than its column is shown in full, the meaning under it.
fw settings set remind.command 'notify-send -u critical "focusweek" "$FOCUSWEEK_TITLE"'
fw settings remind.command
