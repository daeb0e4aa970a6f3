/* cmd_sale.c - `focusweek sale`, `sale rm` and `sales`: the sales that count
 * toward the quota. */
#include <stdlib.h>
#include <string.h>

#include "app_sale.h"
#include "cli_int.h"
#include "jsonw.h"
#include "review.h"

static const struct cli_opt sale_opts[] = {
	{ "date", true, "--date D          the day of the sale (default today)" },
	{ "industry", true, "--industry NAME   the industry it came from" },
	{ "account", true, "--account NAME    the customer" },
	{ "note", true, "--note TEXT       a note" },
	{ NULL, false, NULL },
};

static const struct cli_opt sales_opts[] = {
	{ "period", true, "--period P   month, quarter or year (default the quota's period)" },
	{ "date", true, "--date D     a day of the period (default today)" },
	{ "json", false, "--json       machine-readable output" },
	{ NULL, false, NULL },
};

/* Fills the sale from AMOUNT and the options. */
static int sale_from_opts(struct cli *c, struct sale *s)
{
	const char *v;
	char *end;
	long long amount;

	amount = strtoll(c->args[0], &end, 10);
	if (end == c->args[0] || *end != '\0' || amount < 1 || amount > MODEL_MONEY_MAX)
		return error_set(&c->err, ERR_USAGE, "AMOUNT \"%s\" must be a whole number of "
				 "currency units, 1..%lld", c->args[0], MODEL_MONEY_MAX);
	s->amount = amount;
	if (cli_date_or_today(c, &s->date) != 0)
		return -1;
	if ((v = cli_opt(c, "note")) != NULL) {
		const char *problem = text_check(v, MODEL_NOTE_MAX);

		if (problem != NULL)
			return error_set(&c->err, ERR_USAGE, "--note %s", problem);
		s->note = (char *)v;
	}
	if ((v = cli_opt(c, "industry")) != NULL) {
		const struct industry *ind = cli_industry(c, v);

		if (ind == NULL)
			return -1;
		s->industry = ind->id;
	}
	if ((v = cli_opt(c, "account")) != NULL) {
		const struct account *acc = cli_account(c, v);

		if (acc == NULL)
			return -1;
		s->account = acc->id;
	}
	return 0;
}

static int sale_run(struct cli *c)
{
	struct sale s = { 0 };
	struct app_result res;

	if (cli_boot(c) != 0 || sale_from_opts(c, &s) != 0 ||
	    app_sale_add(c->app, &s, &res, &c->err) != 0)
		return cli_fail(c, &c->err);
	printf("%s\n", res.id);
	return CLI_OK;
}

static int sale_rm_run(struct cli *c)
{
	if (cli_boot(c) != 0 || app_sale_remove(c->app, c->args[0], NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

/* ---------------------------------------------------------------- sales */

static void sales_text(struct buf *o, const struct cli *c, const struct app_sales *l,
		       const char *label, date_t start, date_t end)
{
	const struct plan *p = cli_plan(c);
	const struct glyphs *g = glyphs_for(c->out_mode);
	const char *cur = plan_quota(p)->currency;
	char a[16], b[16], tmp[16];

	date_format_short(start, a);
	date_format_short(end, b);
	buf_addf(o, "Sales %s (%s %s %s)\n", label, a, g->dash, b);
	for (size_t i = 0; i < l->n; i++) {
		const struct sale *s = l->items[i];
		char d[11];

		date_format(s->date, d);
		buf_addf(o, "  %s %12lld %s  ", d, (long long)s->amount, cur);
		text_pad(o, review_industry_name(p, s->industry, g->none, tmp), 16, c->out_mode);
		buf_adds(o, " ");
		text_pad(o, review_account_name(p, s->account, g->none, tmp), 18, c->out_mode);
		buf_adds(o, " ");
		text_pad(o, s->note, 24, c->out_mode);
		buf_addf(o, " %s\n", s->id);
	}
	if (l->n == 0)
		buf_adds(o, "  (no sales)\n");
	buf_addf(o, "  total %lld %s %s %zu sale%s\n", (long long)l->total, cur, g->dot, l->n,
		 l->n == 1 ? "" : "s");
}

/* User text for JSON, made safe first. */
static void json_text(struct jsonw *j, const char *key, const char *s)
{
	struct buf safe = BUF_INIT;

	if (s == NULL) {
		jsonw_null(j, key);
		return;
	}
	text_safe(&safe, s, TEXT_UTF8);
	jsonw_str(j, key, buf_str(&safe));
	buf_free(&safe);
}

static void sales_json(struct buf *o, const struct plan *p, const struct app_sales *l,
		       const char *period, const char *label, date_t start, date_t end)
{
	struct jsonw j;
	char d[11], tmp[16];

	jsonw_init(&j, o);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "period", period);
	jsonw_str(&j, "label", label);
	date_format(start, d);
	jsonw_str(&j, "start", d);
	date_format(end, d);
	jsonw_str(&j, "end", d);
	jsonw_str(&j, "currency", plan_quota(p)->currency);
	jsonw_int(&j, "total", l->total);
	jsonw_array(&j, "sales");
	for (size_t i = 0; i < l->n; i++) {
		const struct sale *s = l->items[i];

		jsonw_object(&j, NULL);
		jsonw_str(&j, "id", s->id);
		date_format(s->date, d);
		jsonw_str(&j, "date", d);
		jsonw_int(&j, "amount", s->amount);
		json_text(&j, "industry", review_industry_name(p, s->industry, NULL, tmp));
		json_text(&j, "account", review_account_name(p, s->account, NULL, tmp));
		json_text(&j, "note", s->note);
		jsonw_end(&j);
	}
	jsonw_end(&j);
	jsonw_end(&j);
}

static int sales_period(struct cli *c, enum review_period *out, const char **name)
{
	static const char *const names[] = { "month", "quarter", "year" };
	const char *v = cli_opt(c, "period");

	if (v == NULL) {
		*out = plan_quota(cli_plan(c))->period == QUOTA_MONTH ? REVIEW_MONTH
								      : REVIEW_QUARTER;
		*name = names[*out];
		return 0;
	}
	for (int i = 0; i < 3; i++)
		if (strcmp(v, names[i]) == 0) {
			*out = (enum review_period)i;
			*name = names[i];
			return 0;
		}
	return error_set(&c->err, ERR_USAGE, "--period \"%s\" is month, quarter or year", v);
}

static int sales_run(struct cli *c)
{
	struct app_sales l = { 0 };
	struct buf out = BUF_INIT;
	enum review_period period = REVIEW_MONTH;
	const char *name = "month";
	date_t day, start, end;
	char label[16];

	if (cli_date_or_today(c, &day) != 0 || cli_boot(c) != 0 || sales_period(c, &period, &name))
		return cli_fail(c, &c->err);
	review_period_of_day(day, period, &start, &end);
	review_period_label(start, period, label);
	if (app_sales_list(c->app, start, end, &l, &c->err) != 0)
		return cli_fail(c, &c->err);
	if (cli_flag(c, "json")) {
		sales_json(&out, cli_plan(c), &l, name, label, start, end);
		fputs(buf_str(&out), stdout);
	} else {
		sales_text(&out, c, &l, label, start, end);
		cli_print(c, buf_str(&out));
	}
	app_sales_free(&l);
	buf_free(&out);
	return CLI_OK;
}

const struct cli_command cli_cmd_sale = {
	.name = "sale",
	.args = "AMOUNT",
	.summary = "record a sale toward the quota; prints its id",
	.opts = sale_opts,
	.min_args = 1,
	.max_args = 1,
	.run = sale_run,
};

const struct cli_command cli_cmd_sale_rm = {
	.name = "sale rm",
	.args = "ID",
	.summary = "delete a sale",
	.min_args = 1,
	.max_args = 1,
	.run = sale_rm_run,
};

const struct cli_command cli_cmd_sales = {
	.name = "sales",
	.summary = "the sales of a month, quarter or year, with their total",
	.opts = sales_opts,
	.run = sales_run,
};
