/* completion_fish.c - the fish completion script: one `complete` line per
 * command, option and argument of the command table. */
#include <string.h>

#include "completion.h"

static const char fish_head[] =
	"# fish completion for focusweek(1), written by 'focusweek completion fish' from\n"
	"# the program's own command table: commands and options, and the names of\n"
	"# industries, accounts, templates, themes and this week's blocks, read with\n"
	"# 'focusweek completion words' as you type.\n"
	"complete -c focusweek -f\n"
	"function __focusweek_cmd --description 'the focusweek command on the line'\n"
	"\tset -l toks (commandline -opc)\n"
	"\tset -e toks[1]\n"
	"\tset -l first ''\n"
	"\tset -l skip 0\n"
	"\tfor t in $toks\n"
	"\t\tif test $skip = 1\n"
	"\t\t\tset skip 0\n"
	"\t\t\tcontinue\n"
	"\t\tend\n"
	"\t\tswitch $t\n"
	"\t\t\tcase --data --date --theme\n"
	"\t\t\t\ttest -z \"$first\"; and set skip 1\n"
	"\t\t\t\tcontinue\n"
	"\t\t\tcase '-*'\n"
	"\t\t\t\tcontinue\n"
	"\t\tend\n"
	"\t\tif test -n \"$first\"\n"
	"\t\t\tif contains -- \"$first $t\" $__focusweek_all\n"
	"\t\t\t\techo \"$first $t\"\n"
	"\t\t\telse\n"
	"\t\t\t\techo $first\n"
	"\t\t\tend\n"
	"\t\t\treturn\n"
	"\t\tend\n"
	"\t\tif string match -q -- \"$t *\" $__focusweek_all\n"
	"\t\t\tset first $t\n"
	"\t\t\tcontinue\n"
	"\t\tend\n"
	"\t\techo $t\n"
	"\t\treturn\n"
	"\tend\n"
	"\ttest -n \"$first\"; and echo $first\n"
	"end\n"
	"function __focusweek_is\n"
	"\ttest \"$(__focusweek_cmd)\" = \"$argv[1]\"\n"
	"end\n"
	"function __focusweek_words\n"
	"\tset -l data (commandline -opc | string match -r -- '^--data=.*' | string replace -- "
	"--data= '')\n"
	"\tset -l toks (commandline -opc)\n"
	"\tif set -l i (contains -i -- --data $toks)\n"
	"\t\tset data $toks[(math $i + 1)]\n"
	"\tend\n"
	"\tif test -n \"$data\"\n"
	"\t\tcommand focusweek --data $data completion words $argv[1] 2>/dev/null\n"
	"\telse\n"
	"\t\tcommand focusweek completion words $argv[1] 2>/dev/null\n"
	"\tend\n"
	"end\n";

/* A word in single quotes for fish. */
static void fish_quote(struct buf *out, const char *s, size_t n)
{
	buf_addc(out, '\'');
	for (size_t i = 0; i < n && s[i]; i++) {
		if (s[i] == '\'' || s[i] == '\\')
			buf_addc(out, '\\');
		buf_addc(out, s[i]);
	}
	buf_addc(out, '\'');
}

static void fish_str(struct buf *out, const char *s)
{
	fish_quote(out, s, strlen(s));
}

/* The condition for a command's lines: the command is the one on the line. */
static void fish_cond(struct buf *out, const char *name)
{
	struct buf inner = BUF_INIT;

	buf_adds(&inner, "__focusweek_is ");
	if (name != NULL)
		fish_str(&inner, name);
	else
		buf_adds(&inner, "''");
	buf_adds(out, "-n ");
	fish_str(out, buf_str(&inner));
	buf_free(&inner);
}

/* What a value spec completes to, as the arguments of `complete`. */
static void fish_values(struct buf *out, const char *spec)
{
	if (strcmp(spec, "@files") == 0)
		buf_adds(out, " -r -F");
	else if (strcmp(spec, "@dirs") == 0)
		buf_adds(out, " -x -a '(__fish_complete_directories)'");
	else if (spec[0] == '@')
		buf_addf(out, " -x -a '(__focusweek_words %s)'", spec + 1);
	else if (spec[0] != '\0') {
		buf_adds(out, " -x -a ");
		fish_str(out, spec);
	} else
		buf_adds(out, " -r");
}

static void fish_opts(struct buf *out, const struct cli_command *c, const struct cli_opt *opts,
		      bool anywhere)
{
	struct buf spec = BUF_INIT, text = BUF_INIT;

	for (int i = 0; opts != NULL && opts[i].name != NULL; i++) {
		buf_adds(out, "complete -c focusweek ");
		if (!anywhere)
			fish_cond(out, c != NULL ? c->name : NULL);
		buf_addf(out, " -l %s", opts[i].name);
		buf_reset(&spec);
		completion_option_spec(c, &opts[i], &spec);
		if (opts[i].has_arg)
			fish_values(out, buf_str(&spec));
		buf_reset(&text);
		completion_opt_text(&opts[i], &text);
		buf_adds(out, " -d ");
		fish_str(out, buf_str(&text));
		buf_addc(out, '\n');
	}
	buf_free(&spec);
	buf_free(&text);
}

/* A command's name: the first word where nothing is on the line yet, the
 * second after its group's first (and the group's first word, once). */
static void fish_name(struct buf *out, size_t i, const struct cli_command *c)
{
	size_t n = strcspn(c->name, " ");
	struct buf first = BUF_INIT, subs = BUF_INIT;

	buf_add(&first, c->name, n);
	if (c->name[n] != '\0' && !completion_first_seen(i, c->name, n)) {
		completion_seconds(i, c->name, n, &subs);
		buf_adds(out, "complete -c focusweek ");
		fish_cond(out, NULL);
		buf_adds(out, " -a ");
		fish_str(out, buf_str(&first));
		buf_adds(out, " -d ");
		fish_str(out, buf_str(&subs));
		buf_addc(out, '\n');
	}
	buf_adds(out, "complete -c focusweek ");
	fish_cond(out, c->name[n] != '\0' ? buf_str(&first) : NULL);
	buf_adds(out, " -a ");
	fish_str(out, c->name[n] != '\0' ? c->name + n + 1 : c->name);
	buf_adds(out, " -d ");
	fish_str(out, c->summary);
	buf_addc(out, '\n');
	buf_free(&first);
	buf_free(&subs);
}

void completion_fish(struct buf *out)
{
	struct buf spec = BUF_INIT, all = BUF_INIT;

	buf_adds(out, fish_head);
	for (size_t i = 0; i < cli_command_count(); i++)
		if (!cli_command_at(i)->hidden) {
			buf_addc(&all, ' ');
			fish_str(&all, cli_command_at(i)->name);
		}
	buf_addf(out, "set -g __focusweek_all%s\n", buf_str(&all));
	fish_opts(out, NULL, cli_planner_opts(), false);
	fish_opts(out, NULL, cli_global_opts(), true);
	for (size_t i = 0; i < cli_command_count(); i++) {
		const struct cli_command *c = cli_command_at(i);

		if (c->hidden)
			continue;
		fish_name(out, i, c);
		fish_opts(out, c, c->opts, false);
		buf_reset(&spec);
		completion_arg_spec(c, &spec);
		if (spec.len == 0)
			continue;
		buf_adds(out, "complete -c focusweek ");
		fish_cond(out, c->name);
		fish_values(out, buf_str(&spec));
		buf_addc(out, '\n');
	}
	buf_free(&spec);
	buf_free(&all);
}
