# Where the data lives: --data, then FOCUSWEEK_DATA, then
# $XDG_DATA_HOME/focusweek (absolute paths only), then
# $HOME/.local/share/focusweek.  --demo works on a throw-away copy, and a
# folder that lost plan.json is not started over.

# `with VAR=VALUE... -- ARGS` runs focusweek with that environment.
with() {
	local env=()
	while [ "$1" != -- ]; do env+=("$1"); shift; done
	shift
	printf '# with %s\n' "${env[*]}"
	(export "${env[@]}"; fw "$@")
}
folders() {
	printf '$ ls $TMP/**/plan.json, and the industries each holds\n'
	find "$TMPDIR" -name plan.json -not -path '*/focusweek-demo-*' -printf '%h\n' | sort |
	while read -r d; do
		printf '%s: ' "${d#$TMPDIR/}"
		"$FW_BIN" --data "$d" industry list | awk '{printf "%s ", $1} END {print ""}'
	done
}
fw industry add InXdgDefault
with XDG_DATA_HOME=$TMPDIR/xdg -- industry add InXdg
with HOME=$TMPDIR/home2 XDG_DATA_HOME= -- industry add InHome2
with HOME=$TMPDIR/home3 XDG_DATA_HOME=relative/xdg -- industry add InHome3
with FOCUSWEEK_DATA=$TMPDIR/fwdata -- industry add InFwData
with FOCUSWEEK_DATA=$TMPDIR/fwdata -- --data "$TMPDIR/flag" industry add InFlag
with FOCUSWEEK_DATA= -- industry add InXdgDefault2
fw --data relative industry add InRelative
fw industry list --data "$TMPDIR/flag"
folders
with HOME= XDG_DATA_HOME= -- week
with HOME=relative XDG_DATA_HOME= -- week

# --demo: a filled week in a temp folder; the real folder is untouched.
real=$XDG_DATA_HOME/focusweek
snapshot() { (cd "$real" && find . -type f -exec sha256sum {} + | sort -k 2); }
before=$(snapshot)
fw --demo week
fw --demo add --date 2026-12-02 --start 16:00 --end 17:00 --kind admin --title 'Demo only'
fw --demo industry add DemoOnly
# Each run starts from a fresh copy: DemoOnly is gone again.
fw --demo focus --date 2026-12-04 DemoOnly
printf '$ sha256sum of every file in the real folder, before and after\n'
if [ "$before" = "$(snapshot)" ]; then echo unchanged; else diff <(echo "$before") <(snapshot); fi
printf '$ ls $TMP | grep -c focusweek-demo\n'
ls "$TMPDIR" | grep -c focusweek-demo
with HOME=$TMPDIR/home4 XDG_DATA_HOME= -- --demo industry list
printf '$ ls $TMP/home4\n'
ls -A "$TMPDIR/home4" 2>&1
fw --demo check

# plan.json gone while weeks remain: refused, nothing written.
fw add --date 2026-12-08 --start 09:00 --end 10:00 --kind admin --title 'Next week'
rm "$real/plan.json"
fw week
fw industry add Anything
printf '$ ls $XDG_DATA_HOME/focusweek $XDG_DATA_HOME/focusweek/weeks\n'
ls "$real" "$real/weeks"
fw check
# The .bak is the version before the last save: InXdgDefault2 is not in it.
cp "$real/plan.json.bak" "$real/plan.json"
fw check
fw industry list
