/* cmd_check.c - `focusweek check`: validate every data file. */
#include <stdlib.h>
#include "cli_int.h"
#include "store.h"

struct check_ctx {
	struct cli *c;
	int problems;
};

static void check_report(const char *msg, void *ctx)
{
	struct check_ctx *k = ctx;
	struct error e = { .code = ERR_DATA };

	snprintf(e.msg, sizeof e.msg, "%s", msg);
	cli_fail(k->c, &e);
	k->problems++;
}

static int check_run(struct cli *c)
{
	struct check_ctx k = { c, 0 };
	struct store *st;
	char *dir;
	int problems;

	/* Open without boot: a damaged plan.json must be reported, not fatal. */
	if (c->demo)
		return cli_usage(c, "check works on the real data folder, not --demo");
	dir = store_default_dir(c->data_flag, &c->err);
	if (dir == NULL || store_open(&st, dir, false, &c->err) != 0) {
		free(dir);
		return cli_fail(c, &c->err);
	}
	free(dir);
	problems = store_check_all(st, check_report, &k);
	store_close(st);
	if (problems > 0)
		return CLI_FAIL;
	printf("ok\n");
	return CLI_OK;
}

const struct cli_command cli_cmd_check = {
	.name = "check",
	.summary = "check every data file; exit 1 naming each problem",
	.run = check_run,
};
