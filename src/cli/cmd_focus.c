/* cmd_focus.c - `focusweek focus`: the niche of a day or half-day, and the
 * week's focus rule. */
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "store.h"

static const struct cli_opt focus_opts[] = {
	{ "date", true, "--date D         the day (default today)" },
	{ "am", false, "--am             the morning (half-day rule)" },
	{ "pm", false, "--pm             the afternoon (half-day rule)" },
	{ "clear", false, "--clear          remove the niche" },
	{ "rule", true, "--rule R         switch the week to 'day' or 'half-day' niches" },
	{ "midday", true, "--midday HH:MM   where the half-days meet (with --rule)" },
	{ NULL, false, NULL },
};

static int focus_rule_change(struct cli *c, struct week *w)
{
	const char *r = cli_opt(c, "rule"), *m = cli_opt(c, "midday");
	enum focus_rule rule = week_focus(w);
	int midday = week_midday(w);

	if (r != NULL && model_focus_parse(r, &rule) != 0)
		return error_set(&c->err, ERR_USAGE, "--rule \"%s\" is 'day' or 'half-day'", r);
	if (m != NULL && cli_parse_time(c, "--midday", m, &midday) != 0)
		return -1;
	return week_set_focus(w, c->boot.plan, rule, midday, &c->err);
}

static int focus_run(struct cli *c)
{
	const char *name = c->n_args > 0 ? c->args[0] : NULL;
	bool am = cli_flag(c, "am"), pm = cli_flag(c, "pm"), clear = cli_flag(c, "clear");
	bool rule = cli_flag(c, "rule") || cli_flag(c, "midday");
	const struct industry *ind = NULL;
	enum day_part part;
	struct week *w = NULL;
	date_t day;
	int rc = CLI_FAIL;

	if (am && pm)
		return cli_usage(c, "choose --am or --pm, not both");
	if (clear == (name != NULL) && !(rule && !clear && name == NULL))
		return cli_usage(c, clear ? "--clear takes no INDUSTRY" : "missing INDUSTRY (or --clear)");
	if (cli_date_or_today(c, &day) != 0 || cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	if (name != NULL && (ind = cli_industry(c, name)) == NULL)
		goto fail;
	if (store_load_week(c->boot.store, c->boot.plan, date_week_key(day), &w, &c->err) != 0)
		goto fail;
	if (rule && focus_rule_change(c, w) != 0)
		goto fail;
	if (name != NULL || clear) {
		if (week_focus(w) == FOCUS_DAY)
			part = am ? PART_AM : pm ? PART_PM : PART_DAY;
		else if (!am && !pm)
			part = PART_COUNT; /* both halves */
		else
			part = am ? PART_AM : PART_PM;
		if (part == PART_COUNT) {
			if (week_set_niche(w, c->boot.plan, day, PART_AM, ind ? ind->id : 0, &c->err) ||
			    week_set_niche(w, c->boot.plan, day, PART_PM, ind ? ind->id : 0, &c->err))
				goto fail;
		} else if (week_set_niche(w, c->boot.plan, day, part, ind ? ind->id : 0, &c->err)) {
			goto fail;
		}
	}
	if (store_save_week(c->boot.store, w, &c->err) != 0)
		goto fail;
	rc = CLI_OK;
	goto out;
fail:
	rc = cli_fail(c, &c->err);
out:
	cli_end_write(c);
	week_free(w);
	return rc;
}

const struct cli_command cli_cmd_focus = {
	.name = "focus",
	.args = "[INDUSTRY]",
	.summary = "set the niche of a day or half-day; switch a week's focus rule",
	.opts = focus_opts,
	.max_args = 1,
	.run = focus_run,
};
