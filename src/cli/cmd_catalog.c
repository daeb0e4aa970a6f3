/* cmd_catalog.c - `focusweek industry ...` and `focusweek account ...`. */
#include <stdlib.h>
#include <string.h>

#include "app_catalog.h"
#include "cli_int.h"
#include "duration.h"

static const struct cli_opt industry_add_opts[] = {
	{ "color", true, "--color N   its colour: slot N (1-16) of the theme's palette" },
	{ NULL, false, NULL },
};

static const struct cli_opt list_opts[] = {
	{ "all", false, "--all   include archived ones" },
	{ NULL, false, NULL },
};

static const struct cli_opt account_add_opts[] = {
	{ "baseline", true, "--baseline TIME  fixed time a week with this customer: 90, 1h30" },
	{ NULL, false, NULL },
};

/* The end of a catalogue change: a notice (an archive) said, with how to
 * undo it from here. */
static int catalog_done(struct cli *c, int rc, const struct app_result *res,
			const char *what, const char *name)
{
	struct buf msg = BUF_INIT;

	if (rc != 0)
		return cli_fail(c, &c->err);
	if (res->notice[0]) {
		buf_addf(&msg, "%s; 'focusweek %s add %s' restores it\n", res->notice, what, name);
		cli_print(c, buf_str(&msg));
	}
	buf_free(&msg);
	return CLI_OK;
}

static int industry_add_run(struct cli *c)
{
	const char *v = cli_opt(c, "color");
	struct app_result res;
	long long color = 0;

	if (v != NULL && cli_parse_int(c, "--color", v, 1, MODEL_COLOR_MAX, &color) != 0)
		return cli_fail(c, &c->err);
	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	return catalog_done(c, app_industry_add(c->app, c->args[0], (int)color, &res, &c->err),
			    &res, "industry", c->args[0]);
}

static int industry_rename_run(struct cli *c)
{
	const struct industry *ind;
	struct app_result res;

	if (cli_boot(c) != 0 || (ind = cli_industry(c, c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	return catalog_done(c, app_industry_rename(c->app, ind->id, c->args[1], &res, &c->err),
			    &res, "industry", c->args[1]);
}

static int industry_color_run(struct cli *c)
{
	const struct industry *ind;
	struct app_result res;
	long long color;

	if (cli_parse_int(c, "COLOR", c->args[1], 1, MODEL_COLOR_MAX, &color) != 0)
		return cli_fail(c, &c->err);
	if (cli_boot(c) != 0 || (ind = cli_industry(c, c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	return catalog_done(c, app_industry_color(c->app, ind->id, (int)color, &res, &c->err),
			    &res, "industry", c->args[0]);
}

static int industry_rm_run(struct cli *c)
{
	const struct industry *ind;
	struct app_result res;
	char name[MODEL_NAME_MAX + 1];

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	/* An archived one too: removing it is what rm of it means. */
	if ((ind = plan_industry_by_name(cli_plan(c), c->args[0], true)) == NULL &&
	    (ind = cli_industry(c, c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	snprintf(name, sizeof name, "%s", ind->name);
	return catalog_done(c, app_industry_remove(c->app, ind->id, &res, &c->err), &res,
			    "industry", name);
}

static int industry_list_run(struct cli *c)
{
	struct buf out = BUF_INIT;

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	for (size_t i = 0; i < plan_industry_count(cli_plan(c)); i++) {
		const struct industry *ind = plan_industry_at(cli_plan(c), i);

		if (ind->archived && !cli_flag(c, "all"))
			continue;
		text_pad(&out, ind->name, 24, c->out_mode);
		buf_addf(&out, " colour %2d%s\n", ind->color, ind->archived ? "  (archived)" : "");
	}
	if (out.len == 0)
		buf_adds(&out, "No industries yet; add one with 'focusweek industry add NAME'.\n");
	cli_print(c, buf_str(&out));
	buf_free(&out);
	return CLI_OK;
}

static int account_add_run(struct cli *c)
{
	const char *v = cli_opt(c, "baseline");
	struct app_result res;
	int64_t base = -1;

	if (v != NULL && duration_read(v, MODEL_BASELINE_MAX, &base, &c->err) != 0) {
		struct error why = c->err;

		error_set(&c->err, ERR_USAGE, "--baseline %s", why.msg);
		return cli_fail(c, &c->err);
	}
	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	return catalog_done(c, app_account_add(c->app, c->args[0], (int)base, &res, &c->err),
			    &res, "account", c->args[0]);
}

static int account_rename_run(struct cli *c)
{
	const struct account *acc;
	struct app_result res;

	if (cli_boot(c) != 0 || (acc = cli_account(c, c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	return catalog_done(c, app_account_rename(c->app, acc->id, c->args[1], &res, &c->err),
			    &res, "account", c->args[1]);
}

static int account_baseline_run(struct cli *c)
{
	const struct account *acc;
	struct app_result res;
	int64_t base;

	if (duration_read(c->args[1], MODEL_BASELINE_MAX, &base, &c->err) != 0)
		return cli_fail(c, &c->err);
	if (cli_boot(c) != 0 || (acc = cli_account(c, c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	return catalog_done(c, app_account_baseline(c->app, acc->id, (int)base, &res, &c->err),
			    &res, "account", c->args[0]);
}

static int account_rm_run(struct cli *c)
{
	const struct account *acc;
	struct app_result res;
	char name[MODEL_NAME_MAX + 1];

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	if ((acc = plan_account_by_name(cli_plan(c), c->args[0], true)) == NULL &&
	    (acc = cli_account(c, c->args[0])) == NULL)
		return cli_fail(c, &c->err);
	snprintf(name, sizeof name, "%s", acc->name);
	return catalog_done(c, app_account_remove(c->app, acc->id, &res, &c->err), &res,
			    "account", name);
}

static int account_list_run(struct cli *c)
{
	struct buf out = BUF_INIT;
	char base[DURATION_TEXT];

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	for (size_t i = 0; i < plan_account_count(cli_plan(c)); i++) {
		const struct account *acc = plan_account_at(cli_plan(c), i);

		if (acc->archived && !cli_flag(c, "all"))
			continue;
		duration_format(acc->baseline, base);
		text_pad(&out, acc->name, 24, c->out_mode);
		buf_addf(&out, " baseline %s a week%s\n", base, acc->archived ? "  (archived)" : "");
	}
	if (out.len == 0)
		buf_adds(&out, "No accounts yet; add one with 'focusweek account add NAME "
			       "--baseline 2h'.\n");
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
const struct cli_command cli_cmd_account_rename = {
	.name = "account rename", .args = "OLD NEW", .summary = "rename an account",
	.min_args = 2, .max_args = 2, .run = account_rename_run,
};
const struct cli_command cli_cmd_account_baseline = {
	.name = "account baseline", .args = "NAME TIME",
	.summary = "set an account's weekly baseline (90, 1h30)",
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
