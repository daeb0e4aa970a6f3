/* completion_sh.c - the bash and zsh completion scripts: the command table
 * as shell functions (the same for both), and each shell's driver. */
#include <string.h>

#include "completion.h"

/* A word in single quotes for sh. */
static void sh_quote(struct buf *out, const char *s)
{
	buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_adds(out, "'\\''");
		else
			buf_addc(out, *s);
	}
	buf_addc(out, '\'');
}

/* "--date= --json ..." for cmd (NULL: the planner), then the common ones;
 * "=" marks an option that takes a value. */
static void sh_opts(struct buf *out, const struct cli_opt *opts)
{
	for (int i = 0; opts != NULL && opts[i].name != NULL; i++)
		buf_addf(out, " --%s%s", opts[i].name, opts[i].has_arg ? "=" : "");
}

static void sh_options(struct buf *out)
{
	struct buf line = BUF_INIT;

	buf_adds(out, "_focusweek_options() {\n\tcase $1 in\n\t'')");
	sh_opts(&line, cli_planner_opts());
	sh_opts(&line, cli_global_opts());
	buf_adds(out, " echo ");
	sh_quote(out, buf_str(&line) + 1);
	buf_adds(out, " ;;\n");
	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *c = cli_command_at(i);

		if (c->hidden)
			continue;
		buf_reset(&line);
		sh_opts(&line, c->opts);
		sh_opts(&line, cli_global_opts());
		buf_adds(out, "\t");
		sh_quote(out, c->name);
		buf_adds(out, ") echo ");
		sh_quote(out, buf_str(&line) + 1);
		buf_adds(out, " ;;\n");
	}
	buf_adds(out, "\tesac\n}\n");
	buf_free(&line);
}

static void sh_value_case(struct buf *out, const struct cli_command *c, const struct cli_opt *opts)
{
	struct buf spec = BUF_INIT, key = BUF_INIT;

	for (int i = 0; opts != NULL && opts[i].name != NULL; i++) {
		buf_reset(&spec);
		completion_option_spec(c, &opts[i], &spec);
		if (spec.len == 0)
			continue;
		buf_reset(&key);
		buf_addf(&key, "%s|--%s", c != NULL ? c->name : "", opts[i].name);
		buf_adds(out, "\t");
		sh_quote(out, buf_str(&key));
		buf_adds(out, ") echo ");
		sh_quote(out, buf_str(&spec));
		buf_adds(out, " ;;\n");
	}
	buf_free(&spec);
	buf_free(&key);
}

static void sh_values(struct buf *out)
{
	struct buf spec = BUF_INIT;
	const struct cli_opt *g = cli_global_opts();

	buf_adds(out, "_focusweek_value() {\n\tcase \"$1|$2\" in\n");
	sh_value_case(out, NULL, cli_planner_opts());
	for (size_t i = 0; i < cli_command_count(); i++)
		if (!cli_command_at(i)->hidden)
			sh_value_case(out, cli_command_at(i), cli_command_at(i)->opts);
	for (int i = 0; g[i].name != NULL; i++) {
		buf_reset(&spec);
		completion_option_spec(NULL, &g[i], &spec);
		if (spec.len == 0)
			continue;
		buf_addf(out, "\t*'|--%s') echo ", g[i].name);
		sh_quote(out, buf_str(&spec));
		buf_adds(out, " ;;\n");
	}
	buf_adds(out, "\tesac\n}\n");
	buf_free(&spec);
}

static void sh_args(struct buf *out)
{
	struct buf spec = BUF_INIT;

	buf_adds(out, "_focusweek_arg() {\n\tcase $1 in\n");
	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *c = cli_command_at(i);

		buf_reset(&spec);
		if (c->hidden)
			continue;
		completion_arg_spec(c, &spec);
		if (spec.len == 0)
			continue;
		buf_adds(out, "\t");
		sh_quote(out, c->name);
		buf_adds(out, ") echo ");
		sh_quote(out, buf_str(&spec));
		buf_adds(out, " ;;\n");
	}
	buf_adds(out, "\tesac\n}\n");
	buf_free(&spec);
}

/* The first words, each group's second words, and every name. */
static void sh_names(struct buf *out)
{
	struct buf firsts = BUF_INIT, all = BUF_INIT, subs = BUF_INIT;

	buf_adds(out, "_focusweek_sub() {\n\tcase $1 in\n");
	buf_addc(&all, '|');
	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *c = cli_command_at(i);
		size_t n = strcspn(c->name, " ");

		if (c->hidden)
			continue;
		buf_addf(&all, "%s|", c->name);
		if (completion_first_seen(i, c->name, n))
			continue;
		buf_addf(&firsts, "%s%.*s", firsts.len ? " " : "", (int)n, c->name);
		buf_reset(&subs);
		completion_seconds(i, c->name, n, &subs);
		if (subs.len > 0)
			buf_addf(out, "\t%.*s) echo '%s' ;;\n", (int)n, c->name, buf_str(&subs));
	}
	buf_adds(out, "\tesac\n}\n_focusweek_all=");
	sh_quote(out, buf_str(&all));
	buf_adds(out, "\n_focusweek_firsts=");
	sh_quote(out, buf_str(&firsts));
	buf_adds(out, "\n");
	buf_free(&firsts);
	buf_free(&all);
	buf_free(&subs);
}

void completion_sh_tables(struct buf *out)
{
	sh_names(out);
	sh_options(out);
	sh_values(out);
	sh_args(out);
}

/* ---------------------------------------------------------------- bash */

static const char bash_head[] =
	"# bash completion for focusweek(1), written by 'focusweek completion bash' from\n"
	"# the program's own command table: commands and options, and the names of\n"
	"# industries, accounts, templates, themes and this week's blocks, read with\n"
	"# 'focusweek completion words' as you type.\n";

/* The scan of the words before the cursor, shared by bash and zsh: sets
 * cmd (the command), first (a group word waiting for its second word),
 * npos (arguments given) and _focusweek_data (--data). */
static const char sh_scan[] =
	"_focusweek_takes() { [[ \" $(_focusweek_options \"$1\") \" == *\" $2= \"* ]]; }\n"
	"_focusweek_scan() {\n"
	"\tlocal w\n"
	"\tcmd= first= npos=0 _focusweek_data=\n"
	"\twhile (($# > 1)); do\n"
	"\t\tw=$1\n"
	"\t\tshift\n"
	"\t\tcase $w in\n"
	"\t\t-*)\n"
	"\t\t\tif (($# > 1)) && _focusweek_takes \"$cmd\" \"$w\"; then\n"
	"\t\t\t\t[[ $w == --data ]] && _focusweek_data=$1\n"
	"\t\t\t\tshift\n"
	"\t\t\tfi\n"
	"\t\t\tcontinue ;;\n"
	"\t\tesac\n"
	"\t\tif [[ -n $cmd ]]; then\n"
	"\t\t\t((npos++))\n"
	"\t\telif [[ -n $first ]]; then\n"
	"\t\t\tif [[ $_focusweek_all == *\"|$first $w|\"* ]]; then\n"
	"\t\t\t\tcmd=\"$first $w\"\n"
	"\t\t\telse\n"
	"\t\t\t\tcmd=$first npos=1\n"
	"\t\t\tfi\n"
	"\t\t\tfirst=\n"
	"\t\telif [[ -n $(_focusweek_sub \"$w\") ]]; then\n"
	"\t\t\tfirst=$w\n"
	"\t\telse\n"
	"\t\t\tcmd=$w\n"
	"\t\tfi\n"
	"\tdone\n"
	"}\n";

static const char bash_driver[] =
	"_focusweek_words() {\n"
	"\tlocal w\n"
	"\twhile IFS= read -r w; do\n"
	"\t\tw=${w%%$'\\t'*}\n"
	"\t\t[[ -n $w && $w == \"$2\"* ]] && COMPREPLY+=(\"$(printf '%q' \"$w\")\")\n"
	"\tdone < <(command focusweek ${_focusweek_data:+--data \"$_focusweek_data\"} "
	"completion words \"$1\" 2>/dev/null)\n"
	"}\n"
	"_focusweek_spec() {\n"
	"\tcase $1 in\n"
	"\t'') ;;\n"
	"\t@files) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- \"$2\")) ;;\n"
	"\t@dirs) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- \"$2\")) ;;\n"
	"\t@*) _focusweek_words \"${1#@}\" \"$2\" ;;\n"
	"\t*) COMPREPLY+=($(compgen -W \"$1\" -- \"$2\")) ;;\n"
	"\tesac\n"
	"}\n"
	"_focusweek() {\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	"\tlocal cmd first npos opts\n"
	"\tCOMPREPLY=()\n"
	"\t_focusweek_scan \"${COMP_WORDS[@]:1:COMP_CWORD}\"\n"
	"\tif [[ $prev == -* ]] && _focusweek_takes \"$cmd\" \"$prev\"; then\n"
	"\t\t_focusweek_spec \"$(_focusweek_value \"$cmd\" \"$prev\")\" \"$cur\"\n"
	"\telif [[ $cur == -* ]]; then\n"
	"\t\topts=$(_focusweek_options \"${cmd:-$first}\")\n"
	"\t\tCOMPREPLY=($(compgen -W \"${opts//=/}\" -- \"$cur\"))\n"
	"\telif [[ -n $first ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"$(_focusweek_sub \"$first\")\" -- \"$cur\"))\n"
	"\t\t[[ $_focusweek_all == *\"|$first|\"* ]] &&\n"
	"\t\t\t_focusweek_spec \"$(_focusweek_arg \"$first\")\" \"$cur\"\n"
	"\telif [[ -z $cmd ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -W \"$_focusweek_firsts\" -- \"$cur\"))\n"
	"\telif ((npos == 0)); then\n"
	"\t\t_focusweek_spec \"$(_focusweek_arg \"$cmd\")\" \"$cur\"\n"
	"\tfi\n"
	"}\n"
	"complete -F _focusweek focusweek\n";

void completion_bash(struct buf *out)
{
	buf_adds(out, bash_head);
	completion_sh_tables(out);
	buf_adds(out, sh_scan);
	buf_adds(out, bash_driver);
}

/* ---------------------------------------------------------------- zsh */

static const char zsh_head[] =
	"#compdef focusweek\n"
	"# zsh completion for focusweek(1), written by 'focusweek completion zsh' from\n"
	"# the program's own command table: commands and options, and the names of\n"
	"# industries, accounts, templates, themes and this week's blocks, read with\n"
	"# 'focusweek completion words' as you type.\n";

static const char zsh_driver[] =
	"_focusweek_zwords() {\n"
	"\tlocal -a words descs\n"
	"\tlocal line\n"
	"\tfor line in ${(f)\"$(command focusweek ${_focusweek_data:+--data \"$_focusweek_data\"} "
	"completion words $1 2>/dev/null)\"}; do\n"
	"\t\twords+=(\"${line%%$'\\t'*}\")\n"
	"\t\tdescs+=(\"${line%%$'\\t'*}  -- ${line#*$'\\t'}\")\n"
	"\tdone\n"
	"\t(( $#words )) && compadd -l -d descs -a words\n"
	"}\n"
	"_focusweek_zspec() {\n"
	"\tcase $1 in\n"
	"\t'') ;;\n"
	"\t@files) _files ;;\n"
	"\t@dirs) _directories ;;\n"
	"\t@*) _focusweek_zwords \"${1#@}\" ;;\n"
	"\t*) compadd -- ${=1} ;;\n"
	"\tesac\n"
	"}\n"
	"_focusweek() {\n"
	"\tlocal cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
	"\tlocal cmd first npos opts\n"
	"\t_focusweek_scan \"${(@)words[2,CURRENT]}\"\n"
	"\tif [[ $prev == -* ]] && _focusweek_takes \"$cmd\" \"$prev\"; then\n"
	"\t\t_focusweek_zspec \"$(_focusweek_value \"$cmd\" \"$prev\")\"\n"
	"\telif [[ $cur == -* ]]; then\n"
	"\t\topts=$(_focusweek_options \"${cmd:-$first}\")\n"
	"\t\tcompadd -- ${=opts//=/}\n"
	"\telif [[ -n $first ]]; then\n"
	"\t\tcompadd -- ${=$(_focusweek_sub \"$first\")}\n"
	"\t\t[[ $_focusweek_all == *\"|$first|\"* ]] && _focusweek_zspec \"$(_focusweek_arg \"$first\")\"\n"
	"\telif [[ -z $cmd ]]; then\n"
	"\t\t_describe command _focusweek_zcmds\n"
	"\telif ((npos == 0)); then\n"
	"\t\t_focusweek_zspec \"$(_focusweek_arg \"$cmd\")\"\n"
	"\tfi\n"
	"}\n"
	"_focusweek \"$@\"\n";

/* 'week:print a week' for each first word, for _describe. */
static void zsh_commands(struct buf *out)
{
	buf_adds(out, "_focusweek_zcmds=(\n");
	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *c = cli_command_at(i);
		size_t n = strcspn(c->name, " ");
		struct buf item = BUF_INIT;

		if (c->hidden || completion_first_seen(i, c->name, n))
			continue;
		buf_add(&item, c->name, n);
		buf_addc(&item, ':');
		if (c->name[n] != '\0') {
			struct buf subs = BUF_INIT;

			completion_seconds(i, c->name, n, &subs);
			buf_addf(&item, "%s", buf_str(&subs));
			buf_free(&subs);
		} else {
			buf_adds(&item, c->summary);
		}
		buf_adds(out, "\t");
		sh_quote(out, buf_str(&item));
		buf_adds(out, "\n");
		buf_free(&item);
	}
	buf_adds(out, ")\n");
}

void completion_zsh(struct buf *out)
{
	buf_adds(out, zsh_head);
	completion_sh_tables(out);
	zsh_commands(out);
	buf_adds(out, sh_scan);
	buf_adds(out, zsh_driver);
}
