#!/usr/bin/env bash
# Every help text fits an 80-column terminal: the program's --help and each
# command's, in columns as the terminal counts them (UTF-8).
set -u
fw_bin=$1
tmp=$(mktemp -d /tmp/fwhelp-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" FOCUSWEEK_DATA="$tmp/data" LANG=C.UTF-8 LC_ALL=C.UTF-8
"$fw_bin" --help | sed 's/^/focusweek --help\t/' >"$tmp/all"
commands=$("$fw_bin" --help | sed -n '/^Commands:/,/^$/p' |
	sed -n 's/^  \([a-z]\+\( [a-z]\+\)\?\)  .*/\1/p')
n=0
while read -r cmd; do
	[ -n "$cmd" ] || continue
	# shellcheck disable=SC2086 # two-word commands split on purpose
	help=$("$fw_bin" $cmd --help 2>&1) || { echo "FAIL: focusweek $cmd --help: $help"; exit 1; }
	sed "s/^/focusweek $cmd --help\t/" <<<"$help" >>"$tmp/all"
	n=$((n + 1))
done <<<"$commands"
[ "$n" -ge 40 ] || { echo "FAIL: only $n commands found in --help"; exit 1; }
python3 - "$tmp/all" <<'PY' || exit 1
import sys, unicodedata
wide = []
for row in open(sys.argv[1], encoding="utf-8").read().splitlines():
    name, line = row.split("\t", 1)
    cols = sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if cols > 80:
        wide.append("%s: %d columns: %s" % (name, cols, line))
if wide:
    print("FAIL: help wider than 80 columns:\n" + "\n".join(wide))
    sys.exit(1)
PY
echo "ok: --help and the help of $n commands fit 80 columns"
