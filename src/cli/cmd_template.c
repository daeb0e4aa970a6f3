/* cmd_template.c - `focusweek template save|list|show|rm`: named weekly
 * patterns of blocks, kept in plan.json. */
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "planning.h"
#include "store.h"

static const struct cli_opt save_opts[] = {
	{ "from-week", true, "--from-week D   the week holding day D (default this week)" },
	{ NULL, false, NULL },
};

static int template_minutes(const struct template *t)
{
	int total = 0;

	for (size_t i = 0; i < t->n_blocks; i++)
		total += t->blocks[i].end - t->blocks[i].start;
	return total;
}

/* "no template named X (known: a, b)" */
static const struct template *template_find(struct cli *c, const char *name)
{
	const struct plan *p = c->boot.plan;
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

static int save_run(struct cli *c)
{
	const char *v = cli_opt(c, "from-week");
	struct template t = { 0 };
	struct week *w = NULL;
	date_t day = cli_today();
	char wk[9], len[16];
	size_t was = 0;
	bool replaced;
	int rc = CLI_FAIL;

	if (v != NULL && cli_parse_date(c, "--from-week", v, &day) != 0)
		return cli_fail(c, &c->err);
	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	date_week_format(date_week_key(day), wk);
	if (store_load_week(c->boot.store, c->boot.plan, date_week_key(day), &w, &c->err) != 0)
		goto fail;
	if (planning_template_from_week(w, c->args[0], &t) == 0) {
		rc = cli_refuse(c, "%s has no blocks to keep (meetings and carried-over blocks are "
				"left out); plan the week first, or name another with --from-week", wk);
		goto out;
	}
	replaced = plan_template_by_name(c->boot.plan, c->args[0]) != NULL;
	if (replaced)
		was = plan_template_by_name(c->boot.plan, c->args[0])->n_blocks;
	if (plan_template_put(c->boot.plan, &t, &c->err) != 0 ||
	    store_save_plan(c->boot.store, c->boot.plan, &c->err) != 0)
		goto fail;
	planning_format_minutes(template_minutes(&t), len);
	{
		struct buf o = BUF_INIT;

		buf_addf(&o, "%s template \"%s\": %zu blocks, %s, from %s", replaced ? "Replaced" : "Saved",
			 t.name, t.n_blocks, len, wk);
		if (replaced)
			buf_addf(&o, " (it had %zu blocks)", was);
		buf_addc(&o, '\n');
		cli_print(c, buf_str(&o));
		buf_free(&o);
	}
	rc = CLI_OK;
	goto out;
fail:
	rc = cli_fail(c, &c->err);
out:
	cli_end_write(c);
	template_clear(&t);
	week_free(w);
	return rc;
}

static int list_run(struct cli *c)
{
	const struct plan *p;
	struct buf o = BUF_INIT;

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	p = c->boot.plan;
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
	const struct account *acc = plan_account_by_id(c->boot.plan, tb->account);
	char s[6], e[6];
	const char *who = tb->kind == KIND_PROSPECTING ? "(the day's niche)"
			  : acc != NULL			 ? acc->name
							 : g->none;

	date_time_format(tb->start, s);
	date_time_format(tb->end, e);
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

	if (cli_boot(c) != 0 || (t = template_find(c, c->args[0])) == NULL)
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
	int rc = 0;

	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	if (template_find(c, c->args[0]) == NULL ||
	    plan_template_remove(c->boot.plan, c->args[0], &c->err) != 0 ||
	    store_save_plan(c->boot.store, c->boot.plan, &c->err) != 0)
		rc = -1;
	cli_end_write(c);
	return rc == 0 ? CLI_OK : cli_fail(c, &c->err);
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
