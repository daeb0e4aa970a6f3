/* cmd_block.c - `focusweek add`, `edit` and `rm`. */
#include <stdlib.h>
#include <string.h>

#include "app_block.h"
#include "cli_int.h"

/* A block's fields, the options of both add and edit. */
#define BLOCK_FIELD_OPTS \
	{ "date", true, "--date D           the day (YYYY-MM-DD)" }, \
	{ "start", true, "--start HH:MM      the start time" }, \
	{ "end", true, "--end HH:MM        the end time" }, \
	{ "kind", true, "--kind K           prospecting, account, admin, other or meeting" }, \
	{ "industry", true, "--industry NAME    the niche (prospecting: default the day's)" }, \
	{ "account", true, "--account NAME     the customer (account blocks)" }, \
	{ "title", true, "--title TEXT       what the block is for" }, \
	{ "note", true, "--note TEXT        a note" }, \
	{ "not-quota", false, "--not-quota        answer \"no\" to: will this help me make my quota?" }, \
	{ "quota", false, "--quota            answer \"yes\" (the default)" },

static const struct cli_opt add_opts[] = {
	BLOCK_FIELD_OPTS
	{ NULL, false, NULL },
};

static const struct cli_opt edit_opts[] = {
	BLOCK_FIELD_OPTS
	{ "fit", true, "--fit move|shorten clear of the meetings imported over it: moved to the\n"
		       "                       nearest free time that day, or shortened to its\n"
		       "                       longest free stretch" },
	{ NULL, false, NULL },
};

/* Applies the options given to *b (a new block or a copy to edit). */
static int block_apply_opts(struct cli *c, struct block *b, bool is_new)
{
	const char *v;
	enum block_kind old_kind = b->kind;

	if ((v = cli_opt(c, "date")) && cli_parse_date(c, "--date", v, &b->date) != 0)
		return -1;
	if ((v = cli_opt(c, "start")) && cli_parse_time(c, "--start", v, &b->start) != 0)
		return -1;
	if ((v = cli_opt(c, "end")) && cli_parse_time(c, "--end", v, &b->end) != 0)
		return -1;
	if ((v = cli_opt(c, "kind")) && model_kind_parse(v, &b->kind) != 0)
		return error_set(&c->err, ERR_USAGE,
				 "--kind \"%s\" is not a kind (prospecting, account, admin, other, "
				 "meeting)", v);
	if ((v = cli_opt(c, "title")) != NULL) {
		const char *problem = text_check(v, MODEL_TITLE_MAX);

		if (problem != NULL)
			return error_set(&c->err, ERR_USAGE, "--title %s", problem);
		block_set_title(b, v);
	}
	if ((v = cli_opt(c, "note")) != NULL) {
		const char *problem = text_check(v, MODEL_NOTE_MAX);

		if (problem != NULL)
			return error_set(&c->err, ERR_USAGE, "--note %s", problem);
		block_set_note(b, v);
	}
	if (cli_flag(c, "not-quota") && cli_flag(c, "quota"))
		return error_set(&c->err, ERR_USAGE, "--quota and --not-quota contradict");
	if (cli_flag(c, "not-quota"))
		b->for_quota = false;
	if (cli_flag(c, "quota"))
		b->for_quota = true;
	if ((v = cli_opt(c, "industry")) != NULL) {
		const struct industry *ind = v[0] ? cli_industry(c, v) : NULL;

		if (v[0] && ind == NULL)
			return -1;
		b->industry = ind ? ind->id : 0;
	}
	if ((v = cli_opt(c, "account")) != NULL) {
		const struct account *acc = v[0] ? cli_account(c, v) : NULL;

		if (v[0] && acc == NULL)
			return -1;
		b->account = acc ? acc->id : 0;
	} else if (!is_new && old_kind == KIND_ACCOUNT && b->kind != KIND_ACCOUNT) {
		b->account = 0; /* no longer an account block */
	}
	return 0;
}

static int add_run(struct cli *c)
{
	static const char *const required[] = { "date", "start", "end", "kind", "title" };
	struct app_result res;
	struct block b;
	int rc;

	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!cli_flag(c, required[i]))
			return cli_usage(c, "--%s is required", required[i]);
	block_init(&b);
	rc = cli_boot(c) != 0 || block_apply_opts(c, &b, true) != 0 ||
	     app_block_add(c->app, &b, &res, &c->err) != 0;
	block_clear(&b);
	if (rc != 0)
		return cli_fail(c, &c->err);
	printf("%s\n", res.id);
	return CLI_OK;
}

/* `edit ID --fit move|shorten`: the block clear of the meetings over it. */
static int edit_fit(struct cli *c, const char *how)
{
	static const char *const others[] = { "date", "start", "end", "kind", "industry",
					      "account", "title", "note", "not-quota", "quota" };
	struct app_result res;
	enum overlap_fit fit;

	if (strcmp(how, "move") == 0)
		fit = OVERLAP_MOVE;
	else if (strcmp(how, "shorten") == 0)
		fit = OVERLAP_SHORTEN;
	else
		return cli_usage(c, "--fit \"%s\" is not a way: move or shorten", how);
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (cli_flag(c, others[i]))
			return cli_usage(c, "--fit goes alone: --%s changes the block another way",
					 others[i]);
	if (cli_boot(c) != 0 || app_block_fit(c->app, c->args[0], fit, &res, &c->err) != 0)
		return cli_fail(c, &c->err);
	printf("%s\n", res.label);
	return CLI_OK;
}

static int edit_run(struct cli *c)
{
	struct week *w = NULL;
	struct block b;
	int rc;

	if (cli_opt(c, "fit") != NULL)
		return edit_fit(c, cli_opt(c, "fit"));
	block_init(&b);
	rc = cli_boot(c) != 0 || app_find_block(c->app, c->args[0], &w, &c->err) != 0;
	if (rc == 0) {
		block_clear(&b);
		block_copy(&b, week_block_by_id(w, c->args[0]));
		rc = block_apply_opts(c, &b, false) != 0 ||
		     app_block_update(c->app, &b, NULL, &c->err) != 0;
	}
	week_free(w);
	block_clear(&b);
	return rc != 0 ? cli_fail(c, &c->err) : CLI_OK;
}

static int rm_run(struct cli *c)
{
	if (cli_boot(c) != 0 || app_block_remove(c->app, c->args[0], NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

const struct cli_command cli_cmd_add = {
	.name = "add",
	.summary = "add a block; prints its id",
	.opts = add_opts,
	.run = add_run,
};

const struct cli_command cli_cmd_edit = {
	.name = "edit",
	.args = "ID",
	.summary = "change a block: the options given replace its values",
	.opts = edit_opts,
	.min_args = 1,
	.max_args = 1,
	.run = edit_run,
};

const struct cli_command cli_cmd_rm = {
	.name = "rm",
	.args = "ID",
	.summary = "delete a block",
	.min_args = 1,
	.max_args = 1,
	.run = rm_run,
};
