#!/usr/bin/env bash
# The calendar sync in the planner: S syncs and the top line keeps when and
# what; each change writes its block's file at once; a sync run by another
# program (what cron runs after vdirsyncer) shows up as an outside change.
. "$(dirname "$0")/lib.sh" "$1"
vdir="$TUI_DIR/calendar"
sample_plan
fw settings set sync.blocks "$vdir" >/dev/null || fail "settings set failed"

# Waits until a file of the vdir holds the text.
wait_file() {
	local text=$1 deadline=$((SECONDS + TUI_TIMEOUT))
	while [ $SECONDS -le $deadline ]; do
		grep -qsF -- "$text" "$vdir"/*.ics && return 0
		sleep 0.02
	done
	fail "no file of the calendar holds: $text"
}

tui_start 140 30
wait_for "not synced yet (C syncs)"
keys C
wait_for "synced: 8 written"
wait_for "synced 09:15: 8 written"
[ "$(ls "$vdir" | wc -l)" -eq 8 ] || fail "8 files expected in the calendar's folder"

# A change in the planner: its block's file follows at once.
keys x
wait_for "Done · Call list: plants"
keys Enter
wait_for "marked done"
wait_file "X-FOCUSWEEK-STATUS:done"
grep -l "X-FOCUSWEEK-STATUS:done" "$vdir"/*.ics | grep -q "2026W49-2\." ||
	fail "the file of another block was changed"
keys d
wait_for 'deleted "Call list: plants"'
deadline=$((SECONDS + TUI_TIMEOUT))
while ls "$vdir" | grep -q "^2026W49-2\."; do
	[ $SECONDS -le $deadline ] || fail "the deleted block's file is still there"
	sleep 0.02
done
keys u
wait_for "undone"
wait_file "X-FOCUSWEEK-ID:2026W49-2"

# The calendar moves a block, and a sync by another program brings it in.
f=$(ls "$vdir"/2026W49-7.*)
sed 's/T090000/T110000/; s/T103000/T123000/' "$f" > "$vdir/.moved" && mv "$vdir/.moved" "$f"
fw sync > "$TUI_DIR/sync.out" || fail "fw sync failed"
grep -q '"Pipeline and CRM update" moved to Fri 4 Dec 11:00-12:30' "$TUI_DIR/sync.out" ||
	fail "the move was not read back: $(cat "$TUI_DIR/sync.out")"
wait_for "synced by another program: 1 written, 1 back"
wait_for "synced 09:15: 1 written, 1 back"
wait_for "11:00–12:30"

# What was sold on a block is a sale of its week: the next sync writes its
# file again, saying so.
fw done 2026W49-3 --sold 1500 >/dev/null || fail "fw done failed"
fw sync >/dev/null || fail "fw sync failed"
wait_file "X-FOCUSWEEK-OUTCOME:calls=0;conversations=0;meetings=0;sold=1500"

# The key is in the help.
resize 140 60
keys '?'
wait_for "sync with the calendars now (focusweek sync)"
keys Escape
keys q
wait_for "EXITED:0"
