#!/usr/bin/env bash
# The hook the README ships (on-block-done.crm) does what it says: a
# prospecting block marked done becomes one activity posted to the CRM
# with its calls and meetings; an admin block posts nothing.  curl is a
# stand-in that notes its arguments and what it was given.
readme="$(cd "$(dirname "$0")/../.." && pwd)/README.md"
. "$(dirname "$0")/lib.sh" "$1"

command -v jq >/dev/null || skip "jq is not installed (.ci/packages)"
hooks="$XDG_CONFIG_HOME/focusweek/hooks"
mkdir -p "$hooks" "$TMP/bin"
awk '/^<!-- hook: on-block-done.crm -->$/ { on = 1; next }
     on && /^```sh$/ { inside = 1; next }
     inside && /^```$/ { exit }
     inside' "$readme" > "$hooks/on-block-done.crm"
[ -s "$hooks/on-block-done.crm" ] || fail "no hook in the README"
chmod +x "$hooks/on-block-done.crm"
cat > "$TMP/bin/curl" <<'SH'
#!/bin/sh
printf '%s\n' "$@" > "$OUT/curl.args"
cat > "$OUT/curl.json"
SH
chmod +x "$TMP/bin/curl"
export PATH="$TMP/bin:$PATH" CRM_TOKEN=s3cret

fw_ok done 2026W49-7 # Pipeline and CRM update: admin
[ ! -e "$OUT/curl.args" ] || fail "an admin block was posted"
fw done 2026W49-2 --calls 14 --meetings 2 2>"$TMP/err.txt" >/dev/null ||
	fail "done: $(cat "$TMP/err.txt")"
[ ! -s "$TMP/err.txt" ] || fail "the hook said: $(cat "$TMP/err.txt")"
jq -e '. == {subject: "Prospecting: Manufacturing, Call list: plants", date: "2026-12-01",
	     calls: 14, meetings: 2}' "$OUT/curl.json" >/dev/null ||
	fail "the activity posted: $(cat "$OUT/curl.json")"
grep -qx 'Authorization: Bearer s3cret' "$OUT/curl.args" &&
	grep -qx 'https://crm.example.com/api/activities' "$OUT/curl.args" ||
	fail "curl's arguments: $(cat "$OUT/curl.args")"
echo "ok: the README's hook posts a finished prospecting block"
