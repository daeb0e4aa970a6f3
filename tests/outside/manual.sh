#!/usr/bin/env bash
# focusweek(1) describes every command --help lists, every setting
# `focusweek settings` lists (under SETTINGS), every variable a reminder's
# command gets, and every file the data folder holds; groff reads it
# without a warning of its own.
man1="$(cd "$(dirname "$0")/../.." && pwd)/doc/focusweek.1"
. "$(dirname "$0")/lib.sh" "$1"
section() { # the lines of section $1 of the page
	awk -v s=".SH $1" '$0 == s { on = 1; next } /^\.SH / { on = 0 } on' "$man1"
}
fw --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z ]*[a-z]\)  .*/\1/p' |
	while read -r name; do
	# ".B name ...", "... \fBname ...", or a group's ".B first ... | second ...".
	section COMMANDS | grep '^\.B ' | grep -Eq "(^\.B |\\\\fB)$name( |\\\\|\$)" ||
		{ [ "${name#* }" != "$name" ] && section COMMANDS |
			grep -Eq "^\.B ${name%% *} .*\| *(\\\\fB)?${name#* }( |\\\\)"; } ||
		fail "COMMANDS does not describe '$name'"
done || exit 1
fw settings --json | sed -n 's/^  "\([^"]*\)".*/\1/p' | while read -r key; do
	section SETTINGS | grep -E '^\.BR? ' | grep -Eq "[ \"]$key([ \",]|\$)" ||
		fail "SETTINGS does not describe $key"
done || exit 1
fw_ok add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --title x
FOCUSWEEK_NOW=2026-12-01T11:59 fw remind --once || fail "--once"
cut -d= -f1 "$OUT"/start.*.env | while read -r var; do
	section REMINDERS | grep -q "$var" || fail "REMINDERS does not name $var"
done || exit 1
for f in plan.json 'weeks/YYYY\-Www.json' timer.json '*.bak' 'cache/YYYY\-Www.json' journal \
	.lock .instance .remind '.NAME.tmp\-PID\-N'; do
	section FILES | grep -qxF ".I $f" || fail "FILES does not describe $f"
done
if command -v groff >/dev/null; then
	warnings=$(groff -man -ww -z "$man1" 2>&1 | grep -v "special character 'u[0-9A-F]*'")
	[ -z "$warnings" ] || fail "groff: $warnings"
fi
echo "ok: the manual names every command, setting, variable and file"
