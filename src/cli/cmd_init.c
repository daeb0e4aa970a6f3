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

#define INIT_LIST_MAX 64    /* industries or accounts given at once */
#define INIT_LINE_MAX 256   /* one answer at the prompt */

static const struct cli_opt init_opts[] = {
	{ "industries", true, "--industries A,B,C   your industries, in the order of the rotation" },
	{ "accounts", true, "--accounts N:MIN,...  your key accounts, each with its weekly minutes" },
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

/* What init was given, owning its strings. */
struct init_answers {
	char *industries[INIT_LIST_MAX];
	size_t n_industries;
	struct app_setup_account accounts[INIT_LIST_MAX];
	char *account_names[INIT_LIST_MAX];
	size_t n_accounts;
	char *quota, *currency, *period, *day_start, *day_end, *days, *week_start, *clock;
};

static void init_free(struct init_answers *a)
{
	for (size_t i = 0; i < a->n_industries; i++)
		free(a->industries[i]);
	for (size_t i = 0; i < a->n_accounts; i++)
		free(a->account_names[i]);
	free(a->quota);
	free(a->currency);
	free(a->period);
	free(a->day_start);
	free(a->day_end);
	free(a->days);
	free(a->week_start);
	free(a->clock);
}

/* s without the spaces around it, as a new string. */
static char *init_trim(const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

static int init_add_industry(struct cli *c, struct init_answers *a, const char *s, size_t n)
{
	if (a->n_industries == INIT_LIST_MAX)
		return error_set(&c->err, ERR_USAGE, "at most %d industries at once", INIT_LIST_MAX);
	a->industries[a->n_industries++] = init_trim(s, n);
	return 0;
}

/* "Northwind Clinics:240" or "Northwind Clinics, 240" or a bare name. */
static int init_add_account(struct cli *c, struct init_answers *a, const char *s, size_t n,
			    char sep)
{
	const char *mark = memchr(s, sep, n);
	long long minutes = 0;
	char *num;
	int rc = 0;

	if (a->n_accounts == INIT_LIST_MAX)
		return error_set(&c->err, ERR_USAGE, "at most %d accounts at once", INIT_LIST_MAX);
	if (mark != NULL) {
		num = init_trim(mark + 1, n - (size_t)(mark - s) - 1);
		rc = cli_parse_int(c, "the weekly minutes", num, 0, MODEL_BASELINE_MAX, &minutes);
		free(num);
		n = (size_t)(mark - s);
	}
	if (rc != 0)
		return -1;
	a->account_names[a->n_accounts] = init_trim(s, n);
	a->accounts[a->n_accounts].name = a->account_names[a->n_accounts];
	a->accounts[a->n_accounts].baseline = (int)minutes;
	a->n_accounts++;
	return 0;
}

/* "08:00-18:00" into the day's start and end. */
static int init_hours(struct cli *c, struct init_answers *a, const char *v)
{
	const char *dash = strchr(v, '-');

	if (dash == NULL)
		return error_set(&c->err, ERR_USAGE, "--hours \"%s\" is START-END, e.g. 08:00-18:00",
				 v);
	a->day_start = init_trim(v, (size_t)(dash - v));
	a->day_end = init_trim(dash + 1, strlen(dash + 1));
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

	for (v = cli_opt(c, "industries"); v != NULL && *v;) {
		size_t n = strcspn(v, ",");

		if (n > 0 && init_add_industry(c, a, v, n) != 0)
			return -1;
		v += n + (v[n] == ',');
	}
	for (v = cli_opt(c, "accounts"); v != NULL && *v;) {
		size_t n = strcspn(v, ",");

		if (n > 0 && init_add_account(c, a, v, n, ':') != 0)
			return -1;
		v += n + (v[n] == ',');
	}
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
	size_t n;

	fputs(question, stdout);
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL)
		return NULL;
	n = strcspn(line, "\r\n");
	return init_trim(line, n);
}

/* Lines until an empty one, each added by `add`. */
static int init_ask_list(struct cli *c, struct init_answers *a, const char *question,
			 bool accounts)
{
	char *line;

	printf("%s\n", question);
	while ((line = init_read_line("  > ")) != NULL && line[0] != '\0') {
		int rc = accounts ? init_add_account(c, a, line, strlen(line), ',')
				  : init_add_industry(c, a, line, strlen(line));

		free(line);
		if (rc != 0)
			return -1;
	}
	free(line);
	return 0;
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
	if (init_ask_list(c, a, "Your industries, one per line (an empty line ends the list):",
			  false) != 0 ||
	    init_ask_list(c, a, "Your key accounts, one per line as \"name, minutes a week\" "
			  "(an empty line ends the list):", true) != 0)
		return -1;
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
	struct app_setup s = {
		.industries = (const char *const *)a->industries,
		.n_industries = a->n_industries,
		.accounts = a->accounts,
		.n_accounts = a->n_accounts,
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

	if (app_setup(c->app, &s, &res, &c->err) != 0)
		return cli_fail(c, &c->err);
	printf("%s in %s\n", res.label, app_dir(c->app));
	return CLI_OK;
}

static int init_run(struct cli *c)
{
	struct init_answers a = { 0 };
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
	.summary = "set up a new data folder: your industries, accounts, quota and week",
	.opts = init_opts,
	.run = init_run,
};

const struct cli_command cli_cmd_sample_rm = {
	.name = "sample rm",
	.summary = "remove the sample plan, keeping everything of yours",
	.run = sample_rm_run,
};
