/* cmd_check.c - `focusweek check`: validate every data file. */
#include "app_folder.h"
#include "cli_int.h"

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
	int problems;

	if (c->demo)
		return cli_usage(c, "check works on the real data folder, not --demo");
	if (app_check(c->data_flag, check_report, &k, &problems, &c->err) != 0)
		return cli_fail(c, &c->err);
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
