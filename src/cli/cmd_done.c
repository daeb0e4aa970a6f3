/* cmd_done.c - `focusweek done` and `skip`: a block's outcome without the
 * timer. */
#include "app_block.h"
#include "cli_int.h"
#include "timer.h"

static const struct cli_opt done_opts[] = {
	{ "calls", true, "--calls N           calls made" },
	{ "conversations", true, "--conversations N   conversations held" },
	{ "meetings", true, "--meetings N        meetings booked" },
	{ "sold", true, "--sold N            sold on it, in whole currency units: a sale of\n"
			"                        the block's day, industry and account, toward\n"
			"                        the quota (--revenue N is the same)" },
	{ "revenue", true, "--revenue N         the same as --sold" },
	{ "minutes", true, "--minutes N         how long it really took (default its length;\n"
			   "                        fewer minutes make it cut short)" },
	{ "note", true, "--note TEXT         a note, added to the block's" },
	{ "cut-short", false, "--cut-short         done, but finished before its planned end\n"
			      "                        (with --minutes, unless a timer ran on it)" },
	{ NULL, false, NULL },
};

static int done_parse(struct cli *c, struct timer_outcome *o)
{
	static const char *const names[] = { "calls", "conversations", "meetings" };
	int64_t *slots[] = { &o->add.calls, &o->add.conversations, &o->add.meetings };
	const char *v;
	char opt[32];
	long long n;

	for (int i = 0; i < 3; i++) {
		if ((v = cli_opt(c, names[i])) == NULL)
			continue;
		snprintf(opt, sizeof opt, "--%s", names[i]);
		if (cli_parse_int(c, opt, v, 0, MODEL_COUNT_MAX, &n) != 0)
			return -1;
		*slots[i] = n;
	}
	if (cli_parse_sold(c, &o->sold) != 0)
		return -1;
	if ((v = cli_opt(c, "minutes")) != NULL) {
		if (cli_parse_int(c, "--minutes", v, 1, MODEL_WORKED_MAX, &n) != 0)
			return -1;
		o->minutes = (int)n;
	}
	if ((v = cli_opt(c, "note")) != NULL) {
		const char *problem = text_check(v, MODEL_NOTE_MAX);

		if (problem != NULL)
			return error_set(&c->err, ERR_USAGE, "--note %s", problem);
		o->note = v;
	}
	o->end = cli_flag(c, "cut-short") ? SESSION_CUT_SHORT : SESSION_DONE;
	return 0;
}

static int done_run(struct cli *c)
{
	struct timer_outcome o = { 0 };

	if (done_parse(c, &o) != 0 || cli_boot(c) != 0 ||
	    app_block_record(c->app, c->args[0], &o, NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

static int skip_run(struct cli *c)
{
	if (cli_boot(c) != 0 || app_block_skip(c->app, c->args[0], NULL, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

const struct cli_command cli_cmd_done = {
	.name = "done",
	.args = "ID",
	.summary = "record a block's outcome without the timer and mark it done",
	.opts = done_opts,
	.min_args = 1,
	.max_args = 1,
	.run = done_run,
};

const struct cli_command cli_cmd_skip = {
	.name = "skip",
	.args = "ID",
	.summary = "mark a block skipped",
	.min_args = 1,
	.max_args = 1,
	.run = skip_run,
};
