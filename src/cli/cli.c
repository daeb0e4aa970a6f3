/* cli.c - command dispatch, option parsing, help and messages. */
#include "cli_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_hooks.h"
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

/* ---------------------------------------------------------------- messages */

static void cli_vmessage(const struct cli *c, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void cli_vmessage(const struct cli *c, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, safe = BUF_INIT;

	buf_vaddf(&raw, fmt, ap);
	text_safe(&safe, buf_str(&raw), c->err_mode);
	fprintf(stderr, "focusweek%s%s: %s\n", c->command && c->command[0] ? " " : "",
		c->command ? c->command : "", buf_str(&safe));
	buf_free(&raw);
	buf_free(&safe);
}

static void cli_message(const struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void cli_message(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmessage(c, fmt, ap);
	va_end(ap);
}

int cli_fail(struct cli *c, const struct error *err)
{
	cli_message(c, "%s", err->msg);
	return err->code == ERR_USAGE ? CLI_USAGE : CLI_FAIL;
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmessage(c, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'focusweek %s%s--help'.\n", c->command ? c->command : "",
		c->command && c->command[0] ? " " : "");
	return CLI_USAGE;
}

int cli_refuse(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmessage(c, fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

void cli_print(const struct cli *c, const char *text)
{
	struct buf safe = BUF_INIT;
	const char *p = text;

	/* Line by line, so the newlines survive the control-character filter. */
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		text_safe_n(&safe, p, n, c->out_mode);
		if (nl)
			buf_addc(&safe, '\n');
		p += n + (nl ? 1 : 0);
	}
	fputs(buf_str(&safe), stdout);
	buf_free(&safe);
}

/* ---------------------------------------------------------------- options */

static const struct cli_opt *cli_find_opt(const struct cli_opt *opts, const char *name,
					  size_t len, int *index)
{
	for (int i = 0; opts != NULL && opts[i].name != NULL; i++) {
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0) {
			*index = i;
			return &opts[i];
		}
	}
	return NULL;
}

const char *cli_opt(const struct cli *c, const char *name)
{
	int i;
	size_t len = strlen(name);

	if (c->cmd != NULL && cli_find_opt(c->cmd->opts, name, len, &i) != NULL)
		return c->values[i];
	return NULL;
}

bool cli_flag(const struct cli *c, const char *name)
{
	return cli_opt(c, name) != NULL;
}

/* Parses argv[from..] for cmd: options anywhere, "--" ends them. */
static int cli_parse(struct cli *c, int argc, char **argv, int from, bool *help)
{
	bool only_args = false;

	for (int i = from; i < argc; i++) {
		const char *a = argv[i], *eq, *value = NULL;
		const struct cli_opt *o;
		int idx, gidx;
		size_t len;

		if (only_args || a[0] != '-' || a[1] == '\0' ||
		    (a[1] != '-' && (a[1] < 'a' || a[1] > 'z') && (a[1] < 'A' || a[1] > 'Z'))) {
			/* Positional (negative numbers like -2 included). */
			if (c->n_args == CLI_MAX_ARGS)
				return cli_usage(c, "too many arguments");
			c->args[c->n_args++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = true;
			continue;
		}
		if (strcmp(a, "-h") == 0) {
			*help = true;
			continue;
		}
		if (a[1] != '-')
			return cli_usage(c, "unknown option %s", a);
		a += 2;
		eq = strchr(a, '=');
		len = eq ? (size_t)(eq - a) : strlen(a);
		o = cli_find_opt(c->cmd->opts, a, len, &idx);
		if (o == NULL && cli_find_opt(global_opts, a, len, &gidx) == NULL)
			return cli_usage(c, "unknown option --%.*s", (int)len, a);
		if (o == NULL)
			o = cli_find_opt(global_opts, a, len, &gidx), idx = -1;
		if (o->has_arg) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else
				return cli_usage(c, "--%s needs a value", o->name);
		} else if (eq) {
			return cli_usage(c, "--%s takes no value", o->name);
		} else {
			value = "";
		}
		if (idx < 0) {
			if (strcmp(o->name, "data") == 0)
				c->data_flag = value;
			else if (strcmp(o->name, "demo") == 0)
				c->demo = true;
			else if (strcmp(o->name, "help") == 0)
				*help = true;
		} else {
			c->values[idx] = value;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- help */

static void cli_help_opts(const struct cli_opt *opts)
{
	for (int i = 0; opts != NULL && opts[i].name != NULL; i++)
		printf("  %s\n", opts[i].help);
}

static void cli_help_command(const struct cli_command *cmd)
{
	printf("Usage: focusweek %s%s%s%s\n\n%s\n", cmd->name, cmd->args ? " " : "",
	       cmd->args ? cmd->args : "", cmd->opts && cmd->opts[0].name ? " [OPTIONS]" : "",
	       cmd->summary);
	if (cmd->opts && cmd->opts[0].name) {
		printf("\nOptions:\n");
		cli_help_opts(cmd->opts);
	}
	printf("\nCommon options:\n");
	cli_help_opts(global_opts);
}

static void cli_help_main(void)
{
	printf("focusweek - plan the week one industry at a time; every block must answer\n"
	       "\"Will this help me make my sales quota?\"\n\n"
	       "Usage: focusweek [--data DIR] [--demo] [--date D] [--theme NAME]\n"
	       "       focusweek COMMAND [ARGS] [OPTIONS]\n\n"
	       "With no command, opens the full-screen planner.\n\nCommands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (!commands[i]->hidden)
			printf("  %-18s %s\n", commands[i]->name, commands[i]->summary);
	printf("\nOptions:\n");
	cli_help_opts(planner_opts);
	cli_help_opts(global_opts);
	printf("\n'focusweek COMMAND --help' describes a command.  "
	       "See also focusweek(1).\n");
}

/* The commands of a group ("industry": "industry add", "industry list"...),
 * one a line with its synopsis and summary; returns how many. */
static size_t cli_group_list(const char *group, FILE *out)
{
	size_t len = strlen(group), n = 0;

	for (size_t i = 0; i < N_COMMANDS; i++) {
		const struct cli_command *cmd = commands[i];
		char synopsis[64];

		if (strncmp(cmd->name, group, len) != 0 || cmd->name[len] != ' ')
			continue;
		snprintf(synopsis, sizeof synopsis, "%s%s%s", cmd->name + len + 1,
			 cmd->args ? " " : "", cmd->args ? cmd->args : "");
		if (out != NULL)
			fprintf(out, "  %-24s %s\n", synopsis, cmd->summary);
		n++;
	}
	return n;
}

static void cli_help_group(const char *group)
{
	printf("Usage: focusweek %s COMMAND [ARGS] [OPTIONS]\n\nCommands:\n", group);
	cli_group_list(group, stdout);
	printf("\n'focusweek %s COMMAND --help' describes one.\n", group);
}

/* A group's word without a command of it: help, or which ones there are. */
static int cli_group_run(struct cli *c, const char *group, const char *word, bool help)
{
	struct buf names = BUF_INIT;
	size_t len = strlen(group);
	int rc;

	if (help && word == NULL) {
		cli_help_group(group);
		return CLI_OK;
	}
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strncmp(commands[i]->name, group, len) == 0 && commands[i]->name[len] == ' ')
			buf_addf(&names, "%s%s", names.len ? ", " : "", commands[i]->name + len + 1);
	c->command = group;
	if (word == NULL)
		rc = cli_usage(c, "which one? %s", buf_str(&names));
	else
		rc = cli_usage(c, "unknown command \"%s %s\" (known: %s)", group, word,
			       buf_str(&names));
	buf_free(&names);
	return rc;
}

/* ---------------------------------------------------------------- shared */

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

int cli_parse_date(struct cli *c, const char *opt, const char *s, date_t *out)
{
	if (date_read(s, cli_today(), out) != 0) {
		error_set(&c->err, ERR_USAGE, "%s \"%s\" is not a date (YYYY-MM-DD, or e.g. "
			  "today, tomorrow, 1 Dec)", opt, s);
		return -1;
	}
	return 0;
}

int cli_parse_time(struct cli *c, const char *opt, const char *s, int *out)
{
	if (date_time_read(s, out) != 0) {
		error_set(&c->err, ERR_USAGE, "%s \"%s\" is not a time of day (e.g. 09:30, 9:30, "
			  "9:30am; 00:00-24:00)", opt, s);
		return -1;
	}
	return 0;
}

int cli_parse_int(struct cli *c, const char *opt, const char *s, long long min,
		  long long max, long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || v < min || v > max) {
		error_set(&c->err, ERR_USAGE, "%s \"%s\" must be a whole number %lld..%lld", opt, s,
			  min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_parse_sold(struct cli *c, int64_t *sold)
{
	const char *sold_v = cli_opt(c, "sold"), *rev_v = cli_opt(c, "revenue");
	long long n;

	if (sold_v != NULL && rev_v != NULL)
		return error_set(&c->err, ERR_USAGE, "--sold and --revenue are the same; give one");
	if (sold_v == NULL && rev_v == NULL)
		return 0;
	if (cli_parse_int(c, sold_v != NULL ? "--sold" : "--revenue",
			  sold_v != NULL ? sold_v : rev_v, 0, MODEL_MONEY_MAX, &n) != 0)
		return -1;
	*sold = n;
	return 0;
}

date_t cli_today(void)
{
	return clock_today(clock_now());
}

int cli_date_or_today(struct cli *c, date_t *out)
{
	const char *d = cli_opt(c, "date");

	if (d == NULL) {
		*out = cli_today();
		return 0;
	}
	return cli_parse_date(c, "--date", d, out);
}

const struct industry *cli_industry(struct cli *c, const char *name)
{
	const struct plan *p = cli_plan(c);
	const struct industry *ind = plan_industry_by_name(p, name, false);
	struct buf known = BUF_INIT;

	if (ind != NULL)
		return ind;
	ind = plan_industry_by_name(p, name, true);
	if (ind != NULL) {
		error_set(&c->err, ERR_REFUSED, "%s is archived; restore it with "
			  "'focusweek industry add %s'", ind->name, ind->name);
		return NULL;
	}
	for (size_t i = 0; i < plan_industry_count(p); i++) {
		const struct industry *x = plan_industry_at(p, i);

		if (!x->archived)
			buf_addf(&known, "%s%s", known.len ? ", " : "", x->name);
	}
	error_set(&c->err, ERR_NOTFOUND, "no industry named \"%s\" (known: %s)", name,
		  known.len ? buf_str(&known) : "none yet; add one with 'focusweek industry add'");
	buf_free(&known);
	return NULL;
}

const struct account *cli_account(struct cli *c, const char *name)
{
	const struct plan *p = cli_plan(c);
	const struct account *acc = plan_account_by_name(p, name, false);
	struct buf known = BUF_INIT;

	if (acc != NULL)
		return acc;
	acc = plan_account_by_name(p, name, true);
	if (acc != NULL) {
		error_set(&c->err, ERR_REFUSED, "%s is archived; restore it with "
			  "'focusweek account add %s'", acc->name, acc->name);
		return NULL;
	}
	for (size_t i = 0; i < plan_account_count(p); i++) {
		const struct account *x = plan_account_at(p, i);

		if (!x->archived)
			buf_addf(&known, "%s%s", known.len ? ", " : "", x->name);
	}
	error_set(&c->err, ERR_NOTFOUND, "no account named \"%s\" (known: %s)", name,
		  known.len ? buf_str(&known) : "none yet; add one with 'focusweek account add'");
	buf_free(&known);
	return NULL;
}

const struct template *cli_template(struct cli *c, const struct plan *p, const char *name)
{
	const struct template *t = plan_template_by_name(p, name);
	struct buf known = BUF_INIT;

	if (t != NULL)
		return t;
	for (size_t i = 0; i < plan_template_count(p); i++)
		buf_addf(&known, "%s%s", i ? ", " : "", plan_template_at(p, i)->name);
	error_set(&c->err, ERR_NOTFOUND, "no template named \"%s\" (%s%s)", name,
		  known.len ? "known: " : "none yet; save one with 'focusweek template save NAME'",
		  buf_str(&known));
	buf_free(&known);
	return NULL;
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

/*
 * The standard streams.  One closed by the caller (>&-) is opened on
 * /dev/null, so no file focusweek opens takes its number (what is printed
 * would land in that file): closed output is output thrown away.  A closed
 * pipe is an error to write to, not SIGPIPE, so that a command that saved
 * a change lives to say so (cli_finish).
 */
static void cli_std_streams(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		int null;

		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
		if (null >= 0 && null != fd) {
			dup2(null, fd);
			close(null);
		}
	}
	signal(SIGPIPE, SIG_IGN);
}

/* stdout is a pipe (or socket) whose reader has gone. */
static bool cli_pipe_gone(void)
{
	struct pollfd p = { .fd = STDOUT_FILENO, .events = POLLOUT };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

/*
 * The end of every command: its output is written, or it says why not.  A
 * change that was saved stays the command's result (exit 0 if it did what
 * was asked): a script that took a failure as "not done" and ran it again
 * would make it twice or be refused.  So SIGPIPE is ignored while a command
 * runs (cli_std_streams).  A command that saved nothing fails (exit 1); on
 * a closed pipe it ends quietly by SIGPIPE, as a pipe expects.
 */
/* Hooks that failed after the command's change, one line each. */
static void cli_hooks_said(struct cli *c)
{
	struct buf b = BUF_INIT;

	if (c->app == NULL || !app_hooks_report(c->app, &b))
		return;
	for (const char *p = buf_str(&b); *p;) {
		size_t n = strcspn(p, "\n");

		cli_message(c, "%.*s", (int)n, p);
		p += n + (p[n] == '\n');
	}
	buf_free(&b);
}

static int cli_finish(struct cli *c, int rc)
{
	bool saved = c->app != NULL && app_wrote(c->app);
	int e;

	cli_hooks_said(c);
	app_close(c->app);
	c->app = NULL;
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	/* A write that failed earlier left no errno: a pipe says it itself. */
	e = errno != 0 ? errno : cli_pipe_gone() ? EPIPE : 0;
	if (saved) {
		cli_message(c, "the change was saved, but its output could not be written: %s",
			    e != 0 ? strerror(e) : "a write error");
		return rc;
	}
	if (e == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	cli_message(c, "cannot write the output: %s", e != 0 ? strerror(e) : "a write error");
	return CLI_FAIL;
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
	if (rc != 0)
		goto out;
	if (group != NULL) {
		/* args[0] is the group's word; args[1] what followed it, if anything */
		rc = cli_group_run(&c, group, c.n_args > 1 ? c.args[1] : NULL, help);
		goto out;
	}
	if (help && c.cmd == &planner && c.n_args > 0) {
		rc = cli_usage(&c, "unknown command \"%s\"", c.args[0]);
		goto out;
	}
	if (help) {
		if (c.cmd == &planner)
			cli_help_main();
		else
			cli_help_command(c.cmd);
		rc = CLI_OK;
		goto out;
	}
	if (c.cmd == &planner) {
		rc = cli_run_planner(&c);
		goto out;
	}
	if (c.n_args < c.cmd->min_args) {
		rc = cli_usage(&c, "missing %s", c.cmd->args ? c.cmd->args : "arguments");
		goto out;
	}
	if (c.n_args > c.cmd->max_args) {
		rc = cli_usage(&c, "unexpected argument \"%s\"", c.args[c.cmd->max_args]);
		goto out;
	}
	rc = c.cmd->run(&c);
out:
	free(rest);
	return cli_finish(&c, rc);
}
