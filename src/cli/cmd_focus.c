/* cmd_focus.c - `focusweek focus`: the niche of a day or half-day, and the
 * week's focus rule. */
#include "app_block.h"
#include "cli_int.h"

static const struct cli_opt focus_opts[] = {
	{ "date", true, "--date D         the day (default today)" },
	{ "am", false, "--am             the morning (half-day rule)" },
	{ "pm", false, "--pm             the afternoon (half-day rule)" },
	{ "clear", false, "--clear          remove the niche" },
	{ "rule", true, "--rule R         switch the week to 'day' or 'half-day' niches" },
	{ "midday", true, "--midday HH:MM   where the half-days meet (with --rule)" },
	{ NULL, false, NULL },
};

/* The change of --rule and --midday, when given. */
static int focus_rule_opts(struct cli *c, struct app_focus *f)
{
	const char *r = cli_opt(c, "rule"), *m = cli_opt(c, "midday");

	f->set_rule = r != NULL;
	f->set_midday = m != NULL;
	if (r != NULL && model_focus_parse(r, &f->rule) != 0)
		return error_set(&c->err, ERR_USAGE, "--rule \"%s\" is 'day' or 'half-day'", r);
	if (m != NULL && cli_parse_time(c, "--midday", m, &f->midday) != 0)
		return -1;
	return 0;
}

static int focus_run(struct cli *c)
{
	const char *name = c->n_args > 0 ? c->args[0] : NULL;
	bool am = cli_flag(c, "am"), pm = cli_flag(c, "pm"), clear = cli_flag(c, "clear");
	bool rule = cli_flag(c, "rule") || cli_flag(c, "midday");
	struct app_focus f = { .part = am ? PART_AM : pm ? PART_PM : PART_DAY };
	const struct industry *ind;

	if (am && pm)
		return cli_usage(c, "choose --am or --pm, not both");
	if (clear == (name != NULL) && !(rule && !clear && name == NULL))
		return cli_usage(c, clear ? "--clear takes no INDUSTRY" : "missing INDUSTRY (or --clear)");
	if (cli_date_or_today(c, &f.day) != 0 || cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	if (name != NULL && (ind = cli_industry(c, name)) == NULL)
		return cli_fail(c, &c->err);
	f.set_niche = name != NULL || clear;
	f.industry = name != NULL ? ind->id : 0;
	if (focus_rule_opts(c, &f) != 0 || app_focus(c->app, &f, NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

const struct cli_command cli_cmd_focus = {
	.name = "focus",
	.args = "[INDUSTRY]",
	.summary = "set a day's or half-day's niche; switch a week's focus rule",
	.opts = focus_opts,
	.max_args = 1,
	.run = focus_run,
};
