/* cmd_sync.c - `focusweek sync`: the blocks out to the calendar's vdir and
 * back, real meetings in as busy time (app_sync.h). */
#include <stdio.h>
#include <string.h>

#include "app_sync.h"
#include "cli_int.h"

static const struct cli_opt sync_opts[] = {
	{ "quiet", false, "--quiet    print only what needs you: refusals, conflicts, problems\n"
			  "             (for cron: vdirsyncer sync && focusweek sync --quiet)" },
	{ NULL, false, NULL },
};

/* The headings of the report's groups, in app_sync_kind's order. */
static const char *const kind_heading[SYNC_KINDS] = {
	[SYNC_BACK] = "changed in the calendar, and here now",
	[SYNC_DELETED] = "deleted in the calendar",
	[SYNC_REFUSED] = "refused (left for you to settle)",
	[SYNC_CONFLICT] = "changed on both sides (focusweek's kept)",
	[SYNC_PROBLEM] = "problems (skipped)",
};

static void report_window(struct buf *o, const struct app_sync_report *rep,
			  const struct glyphs *g)
{
	char a[9], b[9], da[16], db[16];

	date_week_format(date_week_key(rep->from), a);
	date_week_format(date_week_key(rep->to), b);
	date_format_short(rep->from, da);
	date_format_short(rep->to, db);
	buf_addf(o, "synced %s %s %s (%s %s %s): %s\n", a, g->dash, b, da, g->dash, db,
		 rep->summary);
}

static void report_counts(struct buf *o, const struct app_sync_report *rep,
			  const struct plan *p)
{
	const struct settings *s = plan_settings(p);

	if (rep->blocks)
		buf_addf(o, "  blocks in %s: %zu written, %zu removed, %zu unchanged\n",
			 s->sync_blocks, rep->written, rep->removed, rep->unchanged);
	if (rep->busy)
		buf_addf(o, "  busy time from %s: %zu file%s, %zu read; %zu added, %zu removed\n",
			 s->sync_busy, rep->busy_files, rep->busy_files == 1 ? "" : "s",
			 rep->busy_read, rep->busy_added, rep->busy_removed);
	if (rep->overlaps > 0)
		buf_addf(o, "  %zu meeting%s over planned blocks (both kept; move the block to free "
			 "the time)\n", rep->overlaps, rep->overlaps == 1 ? " lies" : "s lie");
}

static void report_items(struct buf *o, const struct app_sync_report *rep, bool quiet)
{
	for (int k = 0; k < SYNC_KINDS; k++) {
		if (rep->n_kind[k] == 0 || (quiet && (k == SYNC_BACK || k == SYNC_DELETED)))
			continue;
		buf_addf(o, "  %s:\n", kind_heading[k]);
		for (size_t i = 0; i < rep->n_items; i++)
			if ((int)rep->items[i].kind == k)
				buf_addf(o, "    %s\n", rep->items[i].text);
	}
}

static int sync_run(struct cli *c)
{
	const struct glyphs *g = glyphs_for(c->out_mode);
	bool quiet = cli_flag(c, "quiet");
	struct app_sync_report rep;
	struct app_result res;
	struct buf o = BUF_INIT;
	int rc;

	if (cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	rc = app_sync(c->app, &rep, &res, &c->err);
	if (rc != 0 && !c->err.committed) {
		app_sync_report_clear(&rep);
		return cli_fail(c, &c->err);
	}
	if (!quiet) {
		report_window(&o, &rep, g);
		report_counts(&o, &rep, cli_plan(c));
	}
	report_items(&o, &rep, quiet);
	cli_print(c, buf_str(&o));
	buf_free(&o);
	app_sync_report_clear(&rep);
	return rc != 0 ? cli_fail(c, &c->err) : CLI_OK;
}

const struct cli_command cli_cmd_sync = {
	.name = "sync",
	.summary = "blocks to and from a calendar's vdir; busy time from others",
	.opts = sync_opts,
	.run = sync_run,
};
