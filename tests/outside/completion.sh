#!/usr/bin/env bash
# The shell completions come from the command table that drives parsing and
# --help, so every command and option --help lists is completed; bash, zsh
# and fish complete commands, options and their values, and the names of
# industries, accounts, templates, themes and this week's blocks (read as
# one types, names with spaces quoted); the build wrote the same scripts.
. "$(dirname "$0")/lib.sh" "$1"

mkdir -p "$TMP/bin"
ln -s "$FW" "$TMP/bin/focusweek"
export PATH="$TMP/bin:$PATH"
fw_ok template save 'Standard week'
fw completion bash > "$TMP/focusweek.bash" || fail "completion bash"
fw completion zsh > "$TMP/_focusweek" || fail "completion zsh"
fw completion fish > "$TMP/focusweek.fish" || fail "completion fish"
fw completion csh 2>/dev/null && fail "completion csh was not refused"
if [ -n "${FW_BUILD_DIR:-}" ] && [ -d "$FW_BUILD_DIR/completions" ]; then
	for f in focusweek:focusweek.bash _focusweek:_focusweek focusweek.fish:focusweek.fish; do
		cmp -s "$FW_BUILD_DIR/completions/${f%%:*}" "$TMP/${f#*:}" ||
			fail "the build's ${f%%:*} is not what focusweek writes now"
	done
fi

# ---- bash: COMP_WORDS in, COMPREPLY out
bash_complete() {
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _focusweek
		printf "%s\n" "${COMPREPLY[@]}"' _ "$TMP/focusweek.bash" focusweek "$@" | LC_ALL=C sort |
		tr '\n' ' ' | sed 's/ $//'
}
expect_bash() { # WANT WORDS...
	local want=$1 got
	shift
	got=$(bash_complete "$@")
	[ "$got" = "$want" ] || fail "bash: focusweek $* -> '$got', not '$want'"
}
# Every command and every option --help names.
for cmd in $(fw --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }' | sort -u); do
	bash_complete "$cmd" | grep -qw -- "$cmd" || bash_complete '' | grep -qw -- "$cmd" ||
		fail "bash does not complete the command $cmd"
done
fw --help | sed -n '/^Commands:/,/^$/p' | sed 's/^  //' | grep -v '^Commands:' |
	awk -F'  +' 'NF { print $1 }' | while read -r name; do
	# shellcheck disable=SC2086
	opts=$(fw $name --help | grep -o '^  --[a-z-]*' | tr -d ' ' | LC_ALL=C sort | tr '\n' ' ')
	# shellcheck disable=SC2086
	got=$(bash_complete $name -- | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ')
	[ "$opts" = "$got" ] || fail "bash: the options of $name are '$got', --help says '$opts'"
done || exit 1
expect_bash 'industry' ind
expect_bash 'add baseline list rename rm' account ''
expect_bash 'Healthcare Logistics Manufacturing Retail' industry rm ''
expect_bash 'Manufacturing' add --industry Ma
expect_bash 'Contoso\ Freight Northwind\ Clinics' account rm ''
expect_bash 'Northwind\ Clinics' --data "$FOCUSWEEK_DATA" account baseline No
expect_bash 'Standard\ week' plan --template ''
expect_bash '2026W49-1' edit 2026W49-1
expect_bash 'prospecting' add --kind pro
expect_bash 'calls conversations meetings' count ''
expect_bash 'json' timer status --format ''
expect_bash 'remind.before remind.command remind.events' settings set remind.
expect_bash 'default' themes --use def
expect_bash '--foreground' remind --fore
FOCUSWEEK_NOW=2026-12-08T09:00 expect_bash '' edit 2026W49-1 # next week's ids
# Before a first run there is nothing to read, and nothing is made.
FOCUSWEEK_DATA="$TMP/none" expect_bash '' industry rm ''
[ ! -e "$TMP/none" ] || fail "completing made a data folder"

# ---- fish: complete -C
if command -v fish >/dev/null; then
	fish_complete() {
		fish -N -c "source '$TMP/focusweek.fish'; complete -C '$1'" | cut -f1 | LC_ALL=C sort |
			tr '\n' ' ' | sed 's/ $//'
	}
	got=$(fish_complete 'focusweek account rm ')
	[ "$got" = 'Contoso Freight Northwind Clinics' ] || fail "fish: account rm -> '$got'"
	got=$(fish_complete 'focusweek industry ')
	[ "$got" = 'add color list rename rm' ] || fail "fish: industry -> '$got'"
	got=$(fish_complete 'focusweek timer status --f')
	[ "$got" = '--format' ] || fail "fish: timer status --f -> '$got'"
	got=$(fish_complete 'focusweek edit 2026W49-3')
	[ "$got" = '2026W49-3' ] || fail "fish: edit -> '$got'"
	echo "ok: fish"
else
	echo "fish is not installed: its completion was not tried"
fi

# ---- zsh: in a terminal (tmux), as one types
if command -v zsh >/dev/null && command -v tmux >/dev/null; then
	mkdir -p "$TMP/zfunc"
	cp "$TMP/_focusweek" "$TMP/zfunc/"
	cat > "$TMP/zshrc" <<ZSH
fpath=("$TMP/zfunc" \$fpath)
autoload -Uz compinit && compinit -u -D
PROMPT='%% '
ZSH
	sock="$TMP/tmux.sock"
	tmux -S "$sock" -f /dev/null new-session -d -x 160 -y 20 "zsh -f -i" || fail "tmux"
	tmux -S "$sock" send-keys "source $TMP/zshrc" Enter 'focusweek account rm ' Tab
	end=$(($(date +%s) + DEADLINE))
	until tmux -S "$sock" capture-pane -p | grep -q 'Northwind Clinics.*-- account'; do
		if [ "$(date +%s)" -ge "$end" ]; then
			tmux -S "$sock" capture-pane -p >&2
			tmux -S "$sock" kill-server
			fail "zsh did not list the accounts"
		fi
		sleep 0.05
	done
	tmux -S "$sock" capture-pane -p | grep -q 'Contoso Freight.*-- account' ||
		fail "zsh did not list every account"
	tmux -S "$sock" send-keys C-u 'focusweek industry rm Ma' Tab
	end=$(($(date +%s) + DEADLINE))
	until tmux -S "$sock" capture-pane -p | grep -q '^% focusweek industry rm Manufacturing'; do
		if [ "$(date +%s)" -ge "$end" ]; then
			tmux -S "$sock" capture-pane -p >&2
			tmux -S "$sock" kill-server
			fail "zsh did not complete the industry"
		fi
		sleep 0.05
	done
	tmux -S "$sock" kill-server
	echo "ok: zsh"
else
	echo "zsh or tmux is not installed: zsh's completion was not tried"
fi
echo "ok: completions from the command table"
