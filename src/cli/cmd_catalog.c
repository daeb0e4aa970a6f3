/* cmd_catalog.c - `focusweek industry ...` and `focusweek account ...`. */
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "store.h"

static const struct cli_opt industry_add_opts[] = {
	{ "color", true, "--color N   its colour: slot N (1-16) of the theme's palette" },
	{ NULL, false, NULL },
};

static const struct cli_opt list_opts[] = {
	{ "all", false, "--all   include archived ones" },
	{ NULL, false, NULL },
};

static const struct cli_opt account_add_opts[] = {
	{ "baseline", true, "--baseline MIN   fixed minutes a week with this customer" },
	{ NULL, false, NULL },
};

/* Saves the plan after a catalogue change made under the write lock. */
static int catalog_save(struct cli *c, int rc)
{
	if (rc == 0 && store_save_plan(c->boot.store, c->boot.plan, &c->err) != 0)
		rc = -1;
	cli_end_write(c);
	return rc == 0 ? CLI_OK : cli_fail(c, &c->err);
}

/* Saves an industry or account archived instead of removed, then says so
 * (only once it is saved). */
static int catalog_archived(struct cli *c, const char *name, long uses, int weeks,
			    const char *what)
{
	struct buf msg = BUF_INIT;
	int rc = catalog_save(c, 0);

	if (rc == CLI_OK) {
		buf_addf(&msg, "%s is still named %ld time%s", name, uses, uses == 1 ? "" : "s");
		if (weeks > 0)
			buf_addf(&msg, " in %d week%s", weeks, weeks == 1 ? "" : "s");
		buf_addf(&msg, ": archived instead, so history keeps it; 'focusweek %s add %s' "
			 "restores it\n", what, name);
		cli_print(c, buf_str(&msg));
	}
	buf_free(&msg);
	return rc;
}

/* How many blocks, niches, sales and template blocks name an industry or
 * account, across every week.  -1 on a read error. */
static long catalog_uses(struct cli *c, int industry, int account, int *weeks_out)
{
	int *keys;
	size_t n;
	long uses = 0;

	*weeks_out = 0;
	if (store_list_weeks(c->boot.store, &keys, &n, &c->err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct week *w;
		long before = uses;

		if (store_load_week(c->boot.store, c->boot.plan, keys[i], &w, &c->err) != 0) {
			free(keys);
			return -1;
		}
		for (size_t k = 0; k < week_block_count(w); k++) {
			const struct block *b = week_block_at(w, k);

			uses += (industry && b->industry == industry) || (account && b->account == account);
		}
		for (size_t k = 0; k < week_sale_count(w); k++) {
			const struct sale *s = week_sale_at(w, k);

			uses += (industry && s->industry == industry) || (account && s->account == account);
		}
		for (int d = 0; d < 7 && industry; d++)
			for (int part = 0; part < PART_COUNT; part++)
				uses += week_niche(w, week_monday(w) + d, (enum day_part)part) == industry;
		*weeks_out += uses > before;
		week_free(w);
	}
	free(keys);
	for (size_t t = 0; account && t < plan_template_count(c->boot.plan); t++) {
		const struct template *tp = plan_template_at(c->boot.plan, t);

		for (size_t k = 0; k < tp->n_blocks; k++)
			uses += tp->blocks[k].account == account;
	}
	return uses;
}

static int industry_add_run(struct cli *c)
{
	const char *v = cli_opt(c, "color");
	long long color = 0;
	const struct industry *old;
	int rc;

	if (v != NULL && cli_parse_int(c, "--color", v, 1, MODEL_COLOR_MAX, &color) != 0)
		return cli_fail(c, &c->err);
	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	old = plan_industry_by_name(c->boot.plan, c->args[0], true);
	if (old != NULL && old->archived && strcmp(old->name, c->args[0]) == 0) {
		/* Bring an archived industry back rather than make a twin. */
		rc = plan_industry_archive(c->boot.plan, old->id, false, &c->err);
		if (rc == 0 && color)
			rc = plan_industry_set_color(c->boot.plan, old->id, (int)color, &c->err);
	} else {
		rc = plan_industry_add(c->boot.plan, c->args[0], (int)color, &c->err) < 0 ? -1 : 0;
	}
	return catalog_save(c, rc);
}

static int industry_rename_run(struct cli *c)
{
	const struct industry *ind;

	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	ind = cli_industry(c, c->args[0]);
	return catalog_save(c, ind == NULL ? -1
					   : plan_industry_rename(c->boot.plan, ind->id, c->args[1],
								  &c->err));
}

static int industry_color_run(struct cli *c)
{
	const struct industry *ind;
	long long color;

	if (cli_parse_int(c, "COLOR", c->args[1], 1, MODEL_COLOR_MAX, &color) != 0)
		return cli_fail(c, &c->err);
	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	ind = cli_industry(c, c->args[0]);
	return catalog_save(c, ind == NULL ? -1
					   : plan_industry_set_color(c->boot.plan, ind->id, (int)color,
								     &c->err));
}

static int industry_rm_run(struct cli *c)
{
	const struct industry *ind;
	int weeks, id;
	long uses;
	char name[MODEL_NAME_MAX + 1];

	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	ind = cli_industry(c, c->args[0]);
	if (ind == NULL)
		return catalog_save(c, -1);
	id = ind->id;
	snprintf(name, sizeof name, "%s", ind->name);
	uses = catalog_uses(c, id, 0, &weeks);
	if (uses < 0)
		return catalog_save(c, -1);
	if (uses == 0)
		return catalog_save(c, plan_industry_remove(c->boot.plan, id, &c->err));
	if (plan_industry_archive(c->boot.plan, id, true, &c->err) != 0)
		return catalog_save(c, -1);
	return catalog_archived(c, name, uses, weeks, "industry");
}

static int industry_list_run(struct cli *c)
{
	struct buf out = BUF_INIT;

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	for (size_t i = 0; i < plan_industry_count(c->boot.plan); i++) {
		const struct industry *ind = plan_industry_at(c->boot.plan, i);

		if (ind->archived && !cli_flag(c, "all"))
			continue;
		text_pad(&out, ind->name, 24, c->out_mode);
		buf_addf(&out, " colour %2d%s\n", ind->color, ind->archived ? "  (archived)" : "");
	}
	cli_print(c, buf_str(&out));
	buf_free(&out);
	return CLI_OK;
}

static int account_add_run(struct cli *c)
{
	const char *v = cli_opt(c, "baseline");
	long long base = 0;
	const struct account *old;
	int rc;

	if (v != NULL && cli_parse_int(c, "--baseline", v, 0, 7 * 1440, &base) != 0)
		return cli_fail(c, &c->err);
	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	old = plan_account_by_name(c->boot.plan, c->args[0], true);
	if (old != NULL && old->archived && strcmp(old->name, c->args[0]) == 0) {
		rc = plan_account_archive(c->boot.plan, old->id, false, &c->err);
		if (rc == 0 && v != NULL)
			rc = plan_account_set_baseline(c->boot.plan, old->id, (int)base, &c->err);
	} else {
		rc = plan_account_add(c->boot.plan, c->args[0], (int)base, &c->err) < 0 ? -1 : 0;
	}
	return catalog_save(c, rc);
}

static int account_baseline_run(struct cli *c)
{
	const struct account *acc;
	long long base;

	if (cli_parse_int(c, "MINUTES", c->args[1], 0, 7 * 1440, &base) != 0)
		return cli_fail(c, &c->err);
	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	acc = cli_account(c, c->args[0]);
	return catalog_save(c, acc == NULL ? -1
					   : plan_account_set_baseline(c->boot.plan, acc->id,
								       (int)base, &c->err));
}

static int account_rm_run(struct cli *c)
{
	const struct account *acc;
	int weeks, id;
	long uses;
	char name[MODEL_NAME_MAX + 1];

	if (cli_begin_write(c) != 0)
		return cli_fail(c, &c->err);
	acc = cli_account(c, c->args[0]);
	if (acc == NULL)
		return catalog_save(c, -1);
	id = acc->id;
	snprintf(name, sizeof name, "%s", acc->name);
	uses = catalog_uses(c, 0, id, &weeks);
	if (uses < 0)
		return catalog_save(c, -1);
	if (uses == 0)
		return catalog_save(c, plan_account_remove(c->boot.plan, id, &c->err));
	if (plan_account_archive(c->boot.plan, id, true, &c->err) != 0)
		return catalog_save(c, -1);
	return catalog_archived(c, name, uses, weeks, "account");
}

static int account_list_run(struct cli *c)
{
	struct buf out = BUF_INIT;

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	for (size_t i = 0; i < plan_account_count(c->boot.plan); i++) {
		const struct account *acc = plan_account_at(c->boot.plan, i);

		if (acc->archived && !cli_flag(c, "all"))
			continue;
		text_pad(&out, acc->name, 24, c->out_mode);
		buf_addf(&out, " baseline %3d min/week%s\n", acc->baseline,
			 acc->archived ? "  (archived)" : "");
	}
	cli_print(c, buf_str(&out));
	buf_free(&out);
	return CLI_OK;
}

const struct cli_command cli_cmd_industry_add = {
	.name = "industry add", .args = "NAME", .summary = "add an industry (a niche)",
	.opts = industry_add_opts, .min_args = 1, .max_args = 1, .run = industry_add_run,
};
const struct cli_command cli_cmd_industry_rename = {
	.name = "industry rename", .args = "OLD NEW", .summary = "rename an industry",
	.min_args = 2, .max_args = 2, .run = industry_rename_run,
};
const struct cli_command cli_cmd_industry_color = {
	.name = "industry color", .args = "NAME N", .summary = "set an industry's colour slot",
	.min_args = 2, .max_args = 2, .run = industry_color_run,
};
const struct cli_command cli_cmd_industry_rm = {
	.name = "industry rm", .args = "NAME",
	.summary = "remove an industry (archived when blocks still name it)",
	.min_args = 1, .max_args = 1, .run = industry_rm_run,
};
const struct cli_command cli_cmd_industry_list = {
	.name = "industry list", .summary = "list the industries", .opts = list_opts,
	.run = industry_list_run,
};
const struct cli_command cli_cmd_account_add = {
	.name = "account add", .args = "NAME", .summary = "add an account (a customer)",
	.opts = account_add_opts, .min_args = 1, .max_args = 1, .run = account_add_run,
};
const struct cli_command cli_cmd_account_baseline = {
	.name = "account baseline", .args = "NAME MINUTES",
	.summary = "set an account's weekly baseline minutes",
	.min_args = 2, .max_args = 2, .run = account_baseline_run,
};
const struct cli_command cli_cmd_account_rm = {
	.name = "account rm", .args = "NAME",
	.summary = "remove an account (archived when blocks still name it)",
	.min_args = 1, .max_args = 1, .run = account_rm_run,
};
const struct cli_command cli_cmd_account_list = {
	.name = "account list", .summary = "list the accounts", .opts = list_opts,
	.run = account_list_run,
};
