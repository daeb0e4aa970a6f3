/* cli_values.c - the values of options and arguments read, with what is
 * wrong with them: dates, times, whole numbers, an amount sold, today, and
 * the plan's industries, accounts and templates by name. */
#include "cli_int.h"

#include <errno.h>
#include <stdlib.h>

#include "clock.h"

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
