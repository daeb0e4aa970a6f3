#!/usr/bin/env bash
# With no remind.command, focusweek remind runs notify-send in a graphical
# session, tmux display-message inside tmux (every # doubled, so tmux runs
# nothing from a title), else writes the bell and a line on its terminal
# (here: standard error).  The block goes in arguments and variables,
# never through a shell.  A command that fails is said.
. "$(dirname "$0")/lib.sh" "$1"

mkdir -p "$TMP/bin"
for prog in notify-send tmux; do
	cat > "$TMP/bin/$prog" <<'SH'
#!/bin/sh
for a in "$0" "$@"; do printf '%s\n' "$a"; done > "$OUT/argv"
SH
	chmod +x "$TMP/bin/$prog"
done
export PATH="$TMP/bin:$PATH"
fw_ok settings set remind.command auto
A=$(fw add --date 2026-12-01 --start 12:00 --end 12:30 --kind admin --title 'Q&A <prep> #{pane_id} $(id)') ||
	fail "add"
once() {
	rm -f "$FOCUSWEEK_DATA/.remind" "$OUT/argv"
	FOCUSWEEK_NOW=2026-12-01T11:59 "$@" "$FW" remind --once 2>"$TMP/stderr.txt" >"$TMP/stdout.txt" ||
		fail "--once failed: $(cat "$TMP/stderr.txt")"
}

once env DISPLAY=:99
diff -u - "$OUT/argv" <<ARGV || fail "notify-send's arguments"
$TMP/bin/notify-send
--app-name=focusweek
--
Q&A <prep> #{pane_id} \$(id) in 1 min
12:00–12:30 · admin
ARGV

once env TMUX=/tmp/tmux-0/default,1,0 TMUX_PANE=%3
diff -u - "$OUT/argv" <<ARGV || fail "tmux's arguments"
$TMP/bin/tmux
display-message
-d
10000
-t
%3
--
focusweek: Q&A <prep> ##{pane_id} \$(id) in 1 min (12:00–12:30 · admin)
ARGV

# The markup of a notification: a body with < > & is written as text.
fw_ok edit "$A" --note 'x' --title 'Lunch' --kind account --account 'Northwind Clinics'
fw_ok account add 'R&D <lab>'
fw_ok edit "$A" --account 'R&D <lab>'
once env DISPLAY=:99
[ "$(sed -n 5p "$OUT/argv")" = '12:00–12:30 · account · R&amp;D &lt;lab&gt;' ] ||
	fail "the body's markup: $(sed -n 5p "$OUT/argv")"

# Neither: the bell and the line.
once env
[ ! -e "$OUT/argv" ] || fail "a notifier ran without a display or tmux"
printf '\afocusweek: Lunch in 1 min (12:00–12:30 · account · R&D <lab>)\n' |
	diff -u - "$TMP/stderr.txt" || fail "the line on the terminal"

# A command that fails is said; one that is missing too.
fw_ok settings set remind.command 'echo oops >&2; exit 3'
once env
grep -qx 'focusweek remind: the reminder command failed (exit 3)' "$TMP/stderr.txt" ||
	fail "a failing command was not said: $(cat "$TMP/stderr.txt")"
fw_ok settings set remind.command 'no-such-notifier'
once env
grep -q 'the reminder command was not found (exit 127)' "$TMP/stderr.txt" ||
	fail "a missing command was not said: $(cat "$TMP/stderr.txt")"
echo "ok: notify-send, tmux, the terminal; failures said"
