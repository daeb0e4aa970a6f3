# A first run creates the data folder and a starter plan; nothing else exists.
fw week
stat -c '%a %n' "$XDG_DATA_HOME/focusweek" "$XDG_DATA_HOME/focusweek/plan.json" \
	"$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw industry list
fw account list
fw week --date 2026-12-08
fw week --json --date 2026-12-02
fw check
