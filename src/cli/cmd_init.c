/* cmd_init.c - `focusweek init`: the first start from the command line, by
 * flags for scripts or by a plain prompt in a terminal; `focusweek sample
 * rm`: the sample plan taken back out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_setup.h"
#include "cli_int.h"
#include "clock.h"
#include "settings.h"
#include "xalloc.h"

#define INIT_LINE_MAX 256   /* one answer at the prompt */

static const struct cli_opt init_opts[] = {
	{ "industries", true, "--industries A,B,C   your industries, in the order of the rotation" },
	{ "accounts", true, "--accounts N:TIME,...  your key accounts, each with its time a week (Acme:2h)" },
	{ "quota", true, "--quota N            the quota target per period" },
	{ "currency", true, "--currency C         its currency (default USD)" },
	{ "period", true, "--period P           month (default) or quarter" },
	{ "hours", true, "--hours START-END    the working day, e.g. 08:00-18:00" },
	{ "days", true, "--days DAYS          the work days, e.g. mon-fri or sun-thu" },
	{ "week-start", true, "--week-start DAY     monday (default), sunday or saturday" },
	{ "time-format", true, "--time-format F     24h (default) or 12h" },
	{ "sample", false, "--sample             the sample plan to explore instead (sample rm\n"
			   "                       takes it back)" },
	{ "empty", false, "--empty              start empty" },
	{ NULL, false, NULL },
};

/* What init was given: the lists as typed, and the settings (owned). */
struct init_answers {
	struct buf industries, accounts;   /* comma-separated, as --industries takes */
	char *quota, *currency, *period, *day_start, *day_end, *days, *week_start, *clock;
};

static void init_free(struct init_answers *a)
{
	buf_free(&a->industries);
	buf_free(&a->accounts);
	free(a->quota);
	free(a->currency);
	free(a->period);
	free(a->day_start);
	free(a->day_end);
	free(a->days);
	free(a->week_start);
	free(a->clock);
}

/* "08:00-18:00" into the day's start and end. */
static int init_hours(struct cli *c, struct init_answers *a, const char *v)
{
	const char *dash = strchr(v, '-');
	char *start;

	if (dash == NULL)
		return error_set(&c->err, ERR_USAGE, "--hours \"%s\" is START-END, e.g. 08:00-18:00",
				 v);
	start = xstrndup(v, (size_t)(dash - v));
	a->day_start = text_trim(start, strlen(start));
	a->day_end = text_trim(dash + 1, strlen(dash + 1));
	free(start);
	return 0;
}

static char *init_opt(struct cli *c, const char *name)
{
	const char *v = cli_opt(c, name);

	return v != NULL ? xstrdup(v) : NULL;
}

static int init_from_flags(struct cli *c, struct init_answers *a)
{
	const char *v;

	buf_adds(&a->industries, cli_opt(c, "industries") ? cli_opt(c, "industries") : "");
	buf_adds(&a->accounts, cli_opt(c, "accounts") ? cli_opt(c, "accounts") : "");
	if ((v = cli_opt(c, "hours")) != NULL && init_hours(c, a, v) != 0)
		return -1;
	a->quota = init_opt(c, "quota");
	a->currency = init_opt(c, "currency");
	a->period = init_opt(c, "period");
	a->days = init_opt(c, "days");
	a->week_start = init_opt(c, "week-start");
	a->clock = init_opt(c, "time-format");
	return 0;
}

/* ---------------------------------------------------------------- the prompt */

/* One line from standard input, without its newline; NULL at the end. */
static char *init_read_line(const char *question)
{
	char line[INIT_LINE_MAX];

	fputs(question, stdout);
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL)
		return NULL;
	line[strcspn(line, "\r\n")] = '\0';
	return text_trim(line, strlen(line));
}

/* Lines until an empty one, joined with commas into out. */
static void init_ask_list(const char *question, struct buf *out)
{
	char *line;

	printf("%s\n", question);
	while ((line = init_read_line("  > ")) != NULL && line[0] != '\0') {
		buf_addf(out, "%s%s", out->len ? "," : "", line);
		free(line);
	}
	free(line);
}

/* An answer, or NULL for the default in brackets (an empty line). */
static char *init_ask(const char *question)
{
	char *line = init_read_line(question);

	if (line != NULL && line[0] == '\0') {
		free(line);
		return NULL;
	}
	return line;
}

static int init_prompt(struct cli *c, struct init_answers *a)
{
	char *hours;

	printf("Setting up %s.  Press Enter to keep what is in brackets.\n\n", app_dir(c->app));
	init_ask_list("Your industries, one per line (an empty line ends the list):",
		      &a->industries);
	init_ask_list("Your key accounts, one per line as name:time a week, e.g. Grand "
		      "Hotel:3h (an empty line ends the list):", &a->accounts);
	a->quota = init_ask("Quota target per month [none]: ");
	a->currency = init_ask("Currency [USD]: ");
	hours = init_ask("Working hours [08:00-18:00]: ");
	if (hours != NULL && init_hours(c, a, hours) != 0) {
		free(hours);
		return -1;
	}
	free(hours);
	a->days = init_ask("Work days [mon-fri]: ");
	return 0;
}

/* ---------------------------------------------------------------- run */

static bool init_has_flags(struct cli *c)
{
	for (int i = 0; init_opts[i].name != NULL; i++)
		if (cli_flag(c, init_opts[i].name))
			return true;
	return false;
}

static int init_setup(struct cli *c, struct init_answers *a)
{
	struct app_setup_lists l;
	struct app_setup s = {
		.quota_target = a->quota,
		.quota_currency = a->currency,
		.quota_period = a->period,
		.day_start = a->day_start,
		.day_end = a->day_end,
		.work_days = a->days,
		.week_start = a->week_start,
		.time_format = a->clock,
	};
	struct app_result res;
	int rc;

	if (app_setup_lists_parse(buf_str(&a->industries), buf_str(&a->accounts), &l,
				  &c->err) != 0)
		return cli_fail(c, &c->err);
	s.industries = (const char *const *)l.industries;
	s.n_industries = l.n_industries;
	s.accounts = l.accounts;
	s.n_accounts = l.n_accounts;
	rc = app_setup(c->app, &s, &res, &c->err);
	app_setup_lists_free(&l);
	if (rc != 0)
		return cli_fail(c, &c->err);
	printf("%s in %s\n", res.label, app_dir(c->app));
	return CLI_OK;
}

static int init_run(struct cli *c)
{
	struct init_answers a = { .industries = BUF_INIT, .accounts = BUF_INIT };
	struct app_result res;
	int rc;

	if (cli_flag(c, "sample") && cli_flag(c, "empty"))
		return cli_usage(c, "choose --sample or --empty, not both");
	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	if (!app_is_new(c->app))
		return cli_refuse(c, "%s holds a plan already; change it with 'focusweek settings "
				  "set', 'industry add' and 'account add'", app_dir(c->app));
	if (cli_flag(c, "sample")) {
		if (app_sample_add(c->app, clock_today(clock_now()), &res, &c->err) != 0)
			return cli_fail(c, &c->err);
		printf("%s; 'focusweek sample rm' takes it back out\n", res.label);
		return CLI_OK;
	}
	if (!init_has_flags(c) && !isatty(STDIN_FILENO))
		return cli_usage(c, "give what to set up (--industries, --accounts, --quota, "
				 "--hours, --days; or --empty, or --sample), or run it in a terminal");
	rc = init_has_flags(c) ? init_from_flags(c, &a) : init_prompt(c, &a);
	rc = rc != 0 ? cli_fail(c, &c->err) : init_setup(c, &a);
	init_free(&a);
	return rc;
}

static int sample_rm_run(struct cli *c)
{
	struct app_result res;

	if (cli_boot(c) != 0 || app_sample_remove(c->app, &res, &c->err) != 0)
		return cli_fail(c, &c->err);
	cli_print(c, res.notice[0] ? res.notice : res.label);
	cli_print(c, "\n");
	return CLI_OK;
}

const struct cli_command cli_cmd_init = {
	.name = "init",
	.summary = "set up your industries, accounts, quota and week",
	.opts = init_opts,
	.run = init_run,
};

const struct cli_command cli_cmd_sample_rm = {
	.name = "sample rm",
	.summary = "remove the sample plan, keeping everything of yours",
	.run = sample_rm_run,
};
