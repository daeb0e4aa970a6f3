#!/usr/bin/env bash
# Hooks from the planner: marking a block done runs on-block-done with the
# block as JSON; one that fails is said on the bottom line, the block stays
# done; undo runs no hook; the screen is left as it was (nothing the hook
# writes reaches it).
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
hooks="$XDG_CONFIG_HOME/focusweek/hooks"
mkdir -p "$hooks"
cat > "$hooks/on-block-done" <<SH
#!/bin/sh
cat >> "$TUI_DIR/done.json"
echo "this goes nowhere near the screen"
SH
cat > "$hooks/on-block-done.crm" <<'SH'
#!/bin/sh
echo 'crm: no route to host' >&2
exit 7
SH
chmod +x "$hooks"/*
tui_start 120 40
wait_for "Tue 1 Dec 08:30–11:00 · prospecting · Manufacturing"
keys x
wait_for "Done · Call list: plants"
keys Enter
wait_for "hook on-block-done.crm failed (exit 7): crm: no route to host; the change was saved"
grep -q '"status":	"done"' "$FOCUSWEEK_DATA/weeks/2026-W49.json" || fail "the block was not saved done"
grep -q '^{"event":"block-done",.*"id":"2026W49-2",.*"status":"done"' "$TUI_DIR/done.json" ||
	fail "the hook did not get the block: $(cat "$TUI_DIR/done.json")"
screen | grep -q "goes nowhere" && fail "a hook's output reached the screen"
keys u
wait_for "for quota: yes · planned"
keys C-r
wait_for "for quota: yes · done"
[ "$(wc -l < "$TUI_DIR/done.json")" -eq 1 ] || fail "undo or redo ran the hook"
keys q
wait_for "EXITED:0"
