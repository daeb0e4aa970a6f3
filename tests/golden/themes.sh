# focusweek themes: the list with the plan's mark, user themes overriding
# shipped ones, broken and badly named files, --check, --use, and colour
# samples only on a terminal without NO_COLOR (or with --color always).
export FOCUSWEEK_THEMES="$HOME/shipped"
mkdir -p "$FOCUSWEEK_THEMES"
cp "$GOLDEN_DIR"/../../themes/*.json "$FOCUSWEEK_THEMES/"
user="$XDG_CONFIG_HOME/focusweek/themes"

# Before a first run: the default is marked, and nothing is created.
fw themes
[ -e "$XDG_DATA_HOME/focusweek" ] || echo "(no data folder was created)"
fw themes --check
fw themes --check default

# A user's copy of light overrides the shipped one; a broken theme and a
# badly named file sit beside it.
mkdir -p "$user"
sed 's/"description": "[^"]*"/"description": "my light"/' "$FOCUSWEEK_THEMES/light.json" \
	> "$user/light.json"
printf '{ "name": "broken",\n  "roles": { "header": { "fg": "rde" } } }\n' > "$user/broken.json"
printf '{ "name": "x" }\n' > "$user/My Theme.json"
fw themes
fw themes --check
fw themes --check light
fw themes --check broken
fw themes --check nosuch
fw themes --check ../../etc/passwd

# Choosing the plan's theme: a broken or unknown one is refused.
fw themes --use broken
fw themes --use nosuch
fw themes --use solarized-dark
grep '"theme"' "$XDG_DATA_HOME/focusweek/plan.json"
fw themes | grep '^\*'

# A plan naming a theme that is gone.
sed -i 's/"theme":[[:space:]]*"solarized-dark"/"theme": "gone"/' "$XDG_DATA_HOME/focusweek/plan.json"
fw themes
fw themes --check

# Colour: samples with --color always; on a terminal unless NO_COLOR is set.
fw themes --color always | grep -E ' (default|mono) ' | cat -v
printf 'escapes with --color never: '
"$FW_BIN" themes --color never | grep -c $'\033'
printf 'escapes on a terminal: '
script -qec "$FW_BIN themes" /dev/null | grep -c $'\033'
printf 'escapes on a terminal with NO_COLOR: '
NO_COLOR=1 script -qec "$FW_BIN themes" /dev/null | grep -c $'\033'
fw themes --color sometimes
fw themes light
fw themes --check --use light
fw --demo themes | grep '^\*'
