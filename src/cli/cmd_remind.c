/* cmd_remind.c - `focusweek remind`: reminders while the planner is closed
 * (src/remind/). */
#include "cli_int.h"
#include "remind.h"

static const struct cli_opt remind_opts[] = {
	{ "once", false, "--once         give what is due now, then exit (for cron)" },
	{ "foreground", false, "--foreground   stay in the foreground (systemd, a terminal of "
			       "its own)" },
	{ NULL, false, NULL },
};

static int remind_run(struct cli *c)
{
	struct remind_options o = {
		.data_flag = c->data_flag,
		.demo = c->demo,
		.once = cli_flag(c, "once"),
		.foreground = cli_flag(c, "foreground"),
	};

	if (remind_main(&o, &c->err) != 0)
		return cli_fail(c, &c->err);
	return CLI_OK;
}

const struct cli_command cli_cmd_remind = {
	.name = "remind",
	.summary = "remind when blocks start or end while the planner is closed",
	.opts = remind_opts,
	.run = remind_run,
};
