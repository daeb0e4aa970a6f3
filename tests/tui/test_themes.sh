#!/usr/bin/env bash
# Themes on real terminals: 256 colours, 8 colours (nearest basic colours,
# never a 256-colour code), NO_COLOR (attributes only), a broken theme file
# (the default, and a message naming the file and key), and the live cycle.
. "$(dirname "$0")/lib.sh" "$1"
sample_plan
tui_session c256
tui_start 120 40 TERM=xterm-256color -- --theme solarized-dark
wait_for "Call list: plants"
screen_sgr | grep -q '38;5;\|48;5;' || fail "no 256-colour code under xterm-256color"
keys q
wait_for "EXITED:0"

tui_session c8
tui_start 120 40 TERM=xterm -- --theme solarized-dark
wait_for "Call list: plants"
screen_sgr | grep -q '[34]8;5;' && fail "a 256-colour code on an 8-colour terminal"
screen_sgr | grep -q '\[[0-9;]*4[0-7][;m]' || fail "no basic background colour under TERM=xterm"
keys q
wait_for "EXITED:0"

tui_session mono
tui_start 120 40 NO_COLOR=1
wait_for "Call list: plants"
screen_sgr | grep -q '\[[0-9;]*\(3[0-7]\|4[0-7]\|[34]8;\)' && fail "colour under NO_COLOR"
screen_sgr | grep -q '\[[0-9;]*7[;m]' || fail "no reverse video for blocks under NO_COLOR"
wait_for "A:Healthcare"
keys q
wait_for "EXITED:0"

# A broken user theme: the default look, and the reason on the bottom line.
mkdir -p "$XDG_CONFIG_HOME/focusweek/themes"
printf '{"name": "broken", "roles": {"header": {"fg": "rde"}}}\n' \
	>"$XDG_CONFIG_HOME/focusweek/themes/broken.json"
tui_session broken
tui_start 160 40 -- --theme broken
wait_for "broken.json"
wait_for "broken.json: roles.header.fg: \"rde\" is not a colour"
wait_for "Call list: plants"
# The live cycle: T moves to the next theme and says which.
keys T
wait_for "(focusweek themes --use"
keys q
wait_for "EXITED:0"
