/* cmd_block.c - `focusweek add`, `edit` and `rm`. */
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "store.h"
#include "timer.h"
#include "timer_store.h"

static const struct cli_opt add_opts[] = {
	{ "date", true, "--date D           the day (YYYY-MM-DD)" },
	{ "start", true, "--start HH:MM      the start time" },
	{ "end", true, "--end HH:MM        the end time" },
	{ "kind", true, "--kind K           prospecting, account, admin, other or meeting" },
	{ "industry", true, "--industry NAME    the niche (prospecting: default the day's)" },
	{ "account", true, "--account NAME     the customer (account blocks)" },
	{ "title", true, "--title TEXT       what the block is for" },
	{ "note", true, "--note TEXT        a note" },
	{ "not-quota", false, "--not-quota        answer \"no\" to: will this help me make my quota?" },
	{ "quota", false, "--quota            answer \"yes\" (the default)" },
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

/* Prospecting without --industry takes the niche of its day or half-day. */
static void block_default_industry(const struct week *w, struct block *b)
{
	if (b->kind == KIND_PROSPECTING && b->industry == 0)
		b->industry = week_niche_at(w, b->date, b->start);
}

static int add_run(struct cli *c)
{
	static const char *const required[] = { "date", "start", "end", "kind", "title" };
	struct block b;
	struct week *w = NULL;
	char id[MODEL_ID_MAX];
	int rc = CLI_FAIL;

	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!cli_flag(c, required[i]))
			return cli_usage(c, "--%s is required", required[i]);
	block_init(&b);
	if (cli_begin_write(c) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	if (block_apply_opts(c, &b, true) != 0 ||
	    store_load_week(c->boot.store, c->boot.plan, date_week_key(b.date), &w, &c->err) != 0) {
		rc = cli_fail(c, &c->err);
		goto unlock;
	}
	block_default_industry(w, &b);
	if (week_block_add(w, c->boot.plan, &b, id, &c->err) != 0 ||
	    store_save_week(c->boot.store, w, &c->err) != 0) {
		rc = cli_fail(c, &c->err);
		goto unlock;
	}
	printf("%s\n", id);
	rc = CLI_OK;
unlock:
	cli_end_write(c);
out:
	week_free(w);
	block_clear(&b);
	return rc;
}

/* Saves a block edited within its week, or moved to another week. */
static int edit_save(struct cli *c, struct week *from, struct block *b)
{
	struct week *to;
	struct store_txn *tx;

	if (date_week_key(b->date) == week_key(from)) {
		block_default_industry(from, b);
		return week_block_update(from, c->boot.plan, b, &c->err) != 0 ||
		       store_save_week(c->boot.store, from, &c->err) != 0 ? -1 : 0;
	}
	if (store_load_week(c->boot.store, c->boot.plan, date_week_key(b->date), &to, &c->err) != 0)
		return -1;
	block_default_industry(to, b); /* the niche of the day it moves to */
	if (week_block_move_in(to, c->boot.plan, b, week_block_by_id(from, b->id), &c->err) != 0 ||
	    week_block_remove(from, b->id, &c->err) != 0) {
		week_free(to);
		return -1;
	}
	/* Both weeks together: the block is never in neither, nor in both. */
	tx = store_txn_new(c->boot.store);
	store_txn_week(tx, to);
	store_txn_week(tx, from);
	week_free(to);
	return store_txn_commit(tx, &c->err);
}

static int edit_run(struct cli *c)
{
	struct week *w = NULL;
	struct block b;
	int rc = CLI_FAIL;

	block_init(&b);
	if (cli_begin_write(c) != 0 ||
	    store_find_block(c->boot.store, c->boot.plan, c->args[0], &w, &c->err) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	block_clear(&b);
	block_copy(&b, week_block_by_id(w, c->args[0]));
	if (b.uid != NULL && b.kind == KIND_MEETING) {
		rc = cli_refuse(c, "%s is a meeting imported from a calendar; change it there "
				"and import again", b.id);
		goto out;
	}
	if (block_apply_opts(c, &b, false) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	if (edit_save(c, w, &b) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	rc = CLI_OK;
out:
	if (c->booted)
		cli_end_write(c);
	week_free(w);
	block_clear(&b);
	return rc;
}

static int rm_run(struct cli *c)
{
	struct week *w = NULL;
	int rc = CLI_OK;

	if (cli_begin_write(c) != 0 ||
	    store_find_block(c->boot.store, c->boot.plan, c->args[0], &w, &c->err) != 0 ||
	    timer_store_check_free(c->boot.store, c->args[0],
				   "stop it first (focusweek timer stop --abandon)", &c->err) != 0 ||
	    week_block_remove(w, c->args[0], &c->err) != 0 ||
	    store_save_week(c->boot.store, w, &c->err) != 0)
		rc = cli_fail(c, &c->err);
	if (c->booted)
		cli_end_write(c);
	week_free(w);
	return rc;
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
	.opts = add_opts,
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
