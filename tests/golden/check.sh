# `focusweek check` names every damaged file: the file, the JSON path or
# line:column, and the reason; exit 1.  A damaged week stops the commands that
# need it, naming it, and nothing is written over it.
D=$XDG_DATA_HOME/focusweek
fw check
sample_plan
fw week | head -n 2
fw check
# Week 50 by hand, blocks out of date order: Thu, Mon 09:00, Mon 10:00.
cat > "$D/weeks/2026-W50.json" <<'JSON'
{
	"schema": 1,
	"week": "2026-W50",
	"focus": "day",
	"midday": "12:00",
	"next_seq": 4,
	"blocks": [
		{ "id": "2026W50-1", "date": "2026-12-10", "start": "09:00", "end": "10:00",
		  "kind": "admin", "title": "Thursday", "quota": true, "status": "planned" },
		{ "id": "2026W50-2", "date": "2026-12-07", "start": "09:00", "end": "10:00",
		  "kind": "admin", "title": "Monday", "quota": true, "status": "planned" },
		{ "id": "2026W50-3", "date": "2026-12-07", "start": "10:00", "end": "11:00",
		  "kind": "admin", "title": "Monday too", "quota": true, "status": "planned" }
	]
}
JSON
fw check
fw week --date 2026-12-08
# Monday's first block now overlaps the second: named by file position.
sed -i '/2026W50-2/s/"10:00",$/"10:30",/' "$D/weeks/2026-W50.json"
fw check
fw week --date 2026-12-08
fw week | head -n 2
before=$(sha256sum "$D/weeks/2026-W50.json")
fw add --date 2026-12-09 --start 09:00 --end 10:00 --kind admin --title 'Wednesday'
fw industry rm Logistics
fw industry add Energy
printf '$ sha256sum weeks/2026-W50.json   # before and after\n'
[ "$before" = "$(sha256sum "$D/weeks/2026-W50.json")" ] && echo unchanged
sed -i '/2026W50-2/s/"10:30",$/"25:00",/' "$D/weeks/2026-W50.json"
fw check
sed -i '/2026W50-2/s/"25:00",$/"10:00",/; s/"Monday too", "quota": true, "status": "planned" }/"Monday too", "quota": true, "status": "planned"/' "$D/weeks/2026-W50.json"
fw check
fw week --date 2026-12-08
# A second damaged week is reported too.
sed -i 's/"title":\t"Call list: plants"/"title":\t"Call \\u001b[2J list"/' "$D/weeks/2026-W49.json"
fw check
fw week
# plan.json damaged: reported first; no week can be checked without it.
cp "$D/plan.json" "$D/plan.good"
sed -i 's/"slot":\t30,/"slot":\t30,\n\t\t"slot":\t15,/' "$D/plan.json"
fw check
fw week --date 2026-12-15
sed -i '/"slot":\t15,/d; s/"color":\t3/"color":\t99/' "$D/plan.json"
fw check
head -c 200 "$D/plan.good" > "$D/plan.json"
fw check
fw industry list
printf '{"schema": 1, "settings": {}}' > "$D/plan.json"
fw check
# Repaired from the good copies, all is well again.
mv "$D/plan.good" "$D/plan.json"
sed -i 's/"Call \\u001b\[2J list"/"Call list: plants"/' "$D/weeks/2026-W49.json"
rm "$D/weeks/2026-W50.json"
fw check
