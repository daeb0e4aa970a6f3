/* cli.c - the command table, and the program: a command found by its
 * words, run with its options parsed, or the planner opened.  Messages,
 * options, help, values and the streams: cli_*.c. */
#include "cli_int.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ics.h"
#include "ui.h"

#ifndef FOCUSWEEK_VERSION
#define FOCUSWEEK_VERSION "0.0.0"
#endif

static const struct cli_command *const commands[] = {
	&cli_cmd_week,
	&cli_cmd_add,
	&cli_cmd_edit,
	&cli_cmd_rm,
	&cli_cmd_focus,
	&cli_cmd_industry_add,
	&cli_cmd_industry_rename,
	&cli_cmd_industry_color,
	&cli_cmd_industry_rm,
	&cli_cmd_industry_list,
	&cli_cmd_account_add,
	&cli_cmd_account_rename,
	&cli_cmd_account_baseline,
	&cli_cmd_account_rm,
	&cli_cmd_account_list,
	&cli_cmd_check,
	&cli_cmd_init,
	&cli_cmd_sample_rm,
	&cli_cmd_settings,
	&cli_cmd_settings_set,
	&cli_cmd_themes,
	&cli_cmd_timer_start,
	&cli_cmd_timer_pause,
	&cli_cmd_timer_resume,
	&cli_cmd_timer_extend,
	&cli_cmd_timer_stop,
	&cli_cmd_timer_status,
	&cli_cmd_count,
	&cli_cmd_interrupt,
	&cli_cmd_done,
	&cli_cmd_skip,
	&cli_cmd_planning,
	&cli_cmd_template_save,
	&cli_cmd_template_list,
	&cli_cmd_template_show,
	&cli_cmd_template_rm,
	&cli_cmd_review,
	&cli_cmd_sale,
	&cli_cmd_sale_rm,
	&cli_cmd_sales,
	&cli_cmd_export,
	&cli_cmd_import,
	&cli_cmd_sync,
	&cli_cmd_remind,
	&cli_cmd_completion,
	&cli_cmd_completion_words,
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

/* Options every command accepts. */
static const struct cli_opt global_opts[] = {
	{ "data", true, "--data DIR     the data folder (default $XDG_DATA_HOME/focusweek)" },
	{ "demo", false, "--demo         a throw-away copy of a filled demo plan" },
	{ "help", false, "--help         this help" },
	{ NULL, false, NULL },
};

/* Options of the planner itself (no command). */
static const struct cli_opt planner_opts[] = {
	{ "date", true, "--date D       open on the week of D (YYYY-MM-DD)" },
	{ "theme", true, "--theme NAME   the colour theme" },
	{ "version", false, "--version      the version" },
	{ NULL, false, NULL },
};

static const struct cli_command planner = {
	.name = "", .opts = planner_opts, .max_args = 0,
};

size_t cli_command_count(void)
{
	return N_COMMANDS;
}

const struct cli_command *cli_command_at(size_t i)
{
	return i < N_COMMANDS ? commands[i] : NULL;
}

const struct cli_opt *cli_global_opts(void)
{
	return global_opts;
}

const struct cli_opt *cli_planner_opts(void)
{
	return planner_opts;
}

/* ---------------------------------------------------------------- session */

int cli_boot(struct cli *c)
{
	struct app_options o = { .data_flag = c->data_flag, .demo = c->demo };

	if (c->app != NULL)
		return 0;
	return app_open(&c->app, &o, &c->err);
}

const struct plan *cli_plan(const struct cli *c)
{
	return app_plan(c->app);
}

/* ---------------------------------------------------------------- main */

/* The command named by the first one or two words that are not options. */
static const struct cli_command *cli_find_command(int argc, char **argv, int *next,
						  const char **group)
{
	int first = 0;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-') {
			if (strcmp(argv[i], "--data") == 0 || strcmp(argv[i], "--date") == 0 ||
			    strcmp(argv[i], "--theme") == 0)
				i++;
			continue;
		}
		first = i;
		break;
	}
	if (first == 0)
		return NULL;
	if (first + 1 < argc) {
		char two[64];

		snprintf(two, sizeof two, "%s %s", argv[first], argv[first + 1]);
		for (size_t k = 0; k < N_COMMANDS; k++)
			if (strcmp(commands[k]->name, two) == 0) {
				*next = first + 2;
				return commands[k];
			}
	}
	for (size_t k = 0; k < N_COMMANDS; k++)
		if (strcmp(commands[k]->name, argv[first]) == 0) {
			*next = first + 1;
			return commands[k];
		}
	*next = first;
	if (cli_group_list(argv[first], NULL) > 0)
		*group = argv[first]; /* "industry" alone, or with a word it lacks */
	return &planner; /* an unknown word: reported as a usage error */
}

/* argv[1..] without argv[from .. to), so options before the command parse too. */
static int cli_argv_without(int argc, char **argv, int from, int to, char **out)
{
	int n = 0;

	for (int i = 1; i < argc; i++)
		if (i < from || i >= to)
			out[n++] = argv[i];
	return n;
}

/* focusweek and the libraries it runs with.  libical is named by the
 * version built with: it is loaded only for calendar files, and loading it
 * would cost more than the rest of the command (src/ics/ics_lib.h). */
static int cli_version(void)
{
	printf("focusweek %s\n%s\ncJSON %s\nlibical %s (built with; loaded only for "
	       "calendar files)\n", FOCUSWEEK_VERSION, ui_curses_version(),
	       app_cjson_version(), ics_lib_version());
	return CLI_OK;
}

static int cli_run_planner(struct cli *c)
{
	struct ui_options o = { 0 };

	if (cli_flag(c, "version"))
		return cli_version();
	if (c->n_args > 0)
		return cli_usage(c, "unknown command \"%s\"", c->args[0]);
	o.data_flag = c->data_flag;
	o.demo = c->demo;
	o.theme = cli_opt(c, "theme");
	if (cli_opt(c, "date") != NULL) {
		if (cli_parse_date(c, "--date", cli_opt(c, "date"), &o.date) != 0)
			return cli_fail(c, &c->err);
		o.has_date = true;
	}
	return ui_main(&o);
}

/* Day and month names and their order from LC_TIME, when it names a real
 * locale: the C locale keeps the program's own English forms. */
static void cli_time_locale(void)
{
	const char *name = setlocale(LC_TIME, "");

	if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0) {
		setlocale(LC_TIME, "C");
		return;
	}
	date_style_from_locale();
}

/* The command with its arguments parsed: a group's help or the known
 * commands of it, a command's help or the program's, the planner, or the
 * command's run once its arguments are counted. */
static int cli_dispatch(struct cli *c, const char *group, bool help)
{
	if (group != NULL)
		/* args[0] is the group's word; args[1] what followed it, if anything */
		return cli_group_run(c, group, c->n_args > 1 ? c->args[1] : NULL, help);
	if (help && c->cmd == &planner && c->n_args > 0)
		return cli_usage(c, "unknown command \"%s\"", c->args[0]);
	if (help) {
		if (c->cmd == &planner)
			cli_help_main();
		else
			cli_help_command(c->cmd);
		return CLI_OK;
	}
	if (c->cmd == &planner)
		return cli_run_planner(c);
	if (c->n_args < c->cmd->min_args)
		return cli_usage(c, "missing %s", c->cmd->args ? c->cmd->args : "arguments");
	if (c->n_args > c->cmd->max_args)
		return cli_usage(c, "unexpected argument \"%s\"", c->args[c->cmd->max_args]);
	return c->cmd->run(c);
}

int cli_main(int argc, char **argv)
{
	struct cli c = { 0 };
	const struct cli_command *cmd;
	char **rest = calloc((size_t)argc + 1, sizeof *rest);
	const char *group = NULL;
	int next = argc, n, rc;
	bool help = false;

	if (rest == NULL)
		return CLI_FAIL;
	cli_std_streams();
	/* Only the character set is taken from the environment: it decides
	 * UTF-8 or ASCII and the width of characters.  Everything focusweek says
	 * is English, dates and numbers have one form, and the other categories
	 * would cost a dozen locale files read at every start. */
	setlocale(LC_CTYPE, "");
	cli_time_locale();
	c.out_mode = text_locale_utf8() ? TEXT_UTF8 : TEXT_ASCII;
	c.err_mode = c.out_mode;
	if (clock_init(&c.err) != 0) {
		free(rest);
		return cli_fail(&c, &c.err);
	}
	cmd = cli_find_command(argc, argv, &next, &group);
	c.cmd = cmd != NULL ? cmd : &planner;
	c.command = c.cmd->name;
	n = cmd != NULL && cmd != &planner
		    ? cli_argv_without(argc, argv, next - (strchr(cmd->name, ' ') ? 2 : 1), next,
				       rest)
		    : cli_argv_without(argc, argv, 0, 0, rest);
	rc = cli_parse(&c, n, rest, 0, &help);
	if (rc == 0)
		rc = cli_dispatch(&c, group, help);
	free(rest);
	return cli_finish(&c, rc);
}
