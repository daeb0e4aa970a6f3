/* cmd_template.c - `focusweek template save|list|show|rm`: named weekly
 * patterns of blocks, kept in plan.json. */
#include <stdlib.h>
#include <string.h>

#include "app_catalog.h"
#include "cli_int.h"
#include "planning.h"

static const struct cli_opt save_opts[] = {
	{ "from-week", true, "--from-week D   the week holding day D (default this week)" },
	{ NULL, false, NULL },
};

static int save_run(struct cli *c)
{
	const char *v = cli_opt(c, "from-week");
	struct app_result res;
	date_t day = cli_today();

	if (v != NULL && cli_parse_date(c, "--from-week", v, &day) != 0)
		return cli_fail(c, &c->err);
	if (cli_boot(c) != 0 ||
	    app_template_save(c->app, c->args[0], date_week_key(day), &res, &c->err) != 0)
		return cli_fail(c, &c->err);
	cli_print(c, res.notice);
	cli_print(c, "\n");
	return CLI_OK;
}

static int list_run(struct cli *c)
{
	const struct plan *p;
	struct buf o = BUF_INIT;

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	p = cli_plan(c);
	if (plan_template_count(p) == 0)
		buf_adds(&o, "No templates yet; save a week as one with 'focusweek template save NAME'.\n");
	for (size_t i = 0; i < plan_template_count(p); i++) {
		const struct template *t = plan_template_at(p, i);
		char len[16];

		planning_format_minutes(template_minutes(t), len);
		text_pad(&o, t->name, 24, c->out_mode);
		buf_addf(&o, " %3zu blocks  %s\n", t->n_blocks, len);
	}
	cli_print(c, buf_str(&o));
	buf_free(&o);
	return CLI_OK;
}

static void show_block(struct cli *c, struct buf *o, const struct template_block *tb)
{
	const struct glyphs *g = glyphs_for(c->out_mode);
	const struct account *acc = plan_account_by_id(cli_plan(c), tb->account);
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];
	const char *who = tb->kind == KIND_PROSPECTING ? "(the day's niche)"
			  : acc != NULL			 ? acc->name
							 : g->none;

	date_time_show(tb->start, s);
	date_time_show(tb->end, e);
	buf_addf(o, "  %s  %s%s%s  ", date_weekday_abbr(tb->weekday), s, g->dash, e);
	text_pad(o, model_kind_name(tb->kind), 12, c->out_mode);
	buf_adds(o, " ");
	text_pad(o, who, 18, c->out_mode);
	buf_addf(o, " %s", tb->title && tb->title[0] ? tb->title : model_kind_name(tb->kind));
	if (!tb->for_quota)
		buf_addf(o, "  %s not for quota", g->notquota);
	buf_addc(o, '\n');
}

static int template_by_day(const void *a, const void *b)
{
	const struct template_block *x = a, *y = b;

	if (x->weekday != y->weekday)
		return x->weekday - y->weekday;
	return x->start - y->start;
}

static int show_run(struct cli *c)
{
	const struct template *t;
	struct template sorted;
	struct buf o = BUF_INIT;
	char len[16];

	if (cli_boot(c) != 0 || (t = cli_template(c, cli_plan(c), c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	template_copy(&sorted, t);
	if (sorted.n_blocks > 0)
		qsort(sorted.blocks, sorted.n_blocks, sizeof *sorted.blocks, template_by_day);
	planning_format_minutes(template_minutes(t), len);
	buf_addf(&o, "Template \"%s\": %zu blocks, %s\n", t->name, t->n_blocks, len);
	for (size_t i = 0; i < sorted.n_blocks; i++)
		show_block(c, &o, &sorted.blocks[i]);
	cli_print(c, buf_str(&o));
	buf_free(&o);
	template_clear(&sorted);
	return CLI_OK;
}

static int rm_run(struct cli *c)
{
	if (cli_boot(c) != 0 || cli_template(c, cli_plan(c), c->args[0]) == NULL ||
	    app_template_remove(c->app, c->args[0], NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

const struct cli_command cli_cmd_template_save = {
	.name = "template save", .args = "NAME",
	.summary = "keep a week's blocks as a named template",
	.opts = save_opts, .min_args = 1, .max_args = 1, .run = save_run,
};
const struct cli_command cli_cmd_template_list = {
	.name = "template list", .summary = "list the templates", .run = list_run,
};
const struct cli_command cli_cmd_template_show = {
	.name = "template show", .args = "NAME", .summary = "print a template's blocks",
	.min_args = 1, .max_args = 1, .run = show_run,
};
const struct cli_command cli_cmd_template_rm = {
	.name = "template rm", .args = "NAME", .summary = "delete a template",
	.min_args = 1, .max_args = 1, .run = rm_run,
};
