/* cmd_review.c - `focusweek review`: what got finished, what it produced,
 * where the quota stands; as text, Markdown, CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "app_review.h"
#include "cli_int.h"
#include "clock.h"
#include "review.h"

static const struct cli_opt review_opts[] = {
	{ "week", true, "--week YYYY-Www  the (last) week to review (default this week)" },
	{ "date", true, "--date D         the week holding day D (YYYY-MM-DD)" },
	{ "weeks", true, "--weeks N        the N weeks ending with it (1..520, default 1)" },
	{ "format", true, "--format F       text (default), md, csv or json" },
	{ NULL, false, NULL },
};

/* Fills the request from the options and the clock. */
static int review_request(struct cli *c, struct review_request *rq, enum review_format *fmt)
{
	const char *wk = cli_opt(c, "week"), *n = cli_opt(c, "weeks"), *f = cli_opt(c, "format");
	long long weeks = 1;
	date_t day;

	if (wk != NULL && cli_flag(c, "date"))
		return error_set(&c->err, ERR_USAGE, "give --week or --date, not both");
	if (wk != NULL && date_week_parse(wk, &rq->last) != 0)
		return error_set(&c->err, ERR_USAGE, "--week \"%s\" is not an ISO week (YYYY-Www)",
				 wk);
	if (wk == NULL) {
		if (cli_date_or_today(c, &day) != 0)
			return -1;
		rq->last = date_week_key(day);
	}
	if (n != NULL && cli_parse_int(c, "--weeks", n, 1, REVIEW_WEEKS_MAX, &weeks) != 0)
		return -1;
	rq->n_weeks = (int)weeks;
	*fmt = REVIEW_TEXT;
	if (f != NULL && review_format_parse(f, fmt) != 0)
		return error_set(&c->err, ERR_USAGE, "--format \"%s\" is text, md, csv or json", f);
	clock_to_local(clock_now(), &rq->today, &rq->minute, NULL);
	return 0;
}

static int review_run(struct cli *c)
{
	struct review_request rq = { 0 };
	struct app_review *ar;
	enum review_format fmt;
	struct buf out = BUF_INIT;

	if (review_request(c, &rq, &fmt) != 0 || cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	/* JSON and CSV list every entry: every week in full. */
	if (app_review_open(c->app, &rq, fmt == REVIEW_JSON || fmt == REVIEW_CSV, &ar,
			    &c->err) != 0)
		return cli_fail(c, &c->err);
	review_write(&out, app_review_get(ar), cli_plan(c), fmt, c->out_mode);
	/* Text goes through the terminal filter; the other formats are UTF-8
	 * for files and scripts, their user text already made safe. */
	if (fmt == REVIEW_TEXT)
		cli_print(c, buf_str(&out));
	else
		fwrite(out.data, 1, out.len, stdout);
	app_review_free(ar);
	buf_free(&out);
	return CLI_OK;
}

const struct cli_command cli_cmd_review = {
	.name = "review",
	.summary = "what got finished, what it produced, where the quota stands",
	.opts = review_opts,
	.run = review_run,
};
