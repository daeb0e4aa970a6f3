/* cmd_ics.c - `focusweek export --ics` and `focusweek import --ics`: blocks
 * out to a calendar, real meetings in as busy time. */
#include <stdlib.h>
#include <string.h>

#include "app_calendar.h"
#include "cli_int.h"
#include "ics.h"
#include "overlap.h"

static const struct cli_opt export_opts[] = {
	{ "ics", true, "--ics FILE   the calendar file to write (- for standard output)" },
	{ "week", true, "--week D     the week of day D, or YYYY-Www (default this week)" },
	{ "from", true, "--from D     the first day of a range (with --to)" },
	{ "to", true, "--to D       the last day of the range" },
	{ "alarm", false, "--alarm      an alarm on each planned block, remind.before minutes "
			  "ahead" },
	{ NULL, false, NULL },
};

static const struct cli_opt import_opts[] = {
	{ "ics", true, "--ics FILE   the calendar file to read (- for standard input)" },
	{ "week", true, "--week D     the week of day D, or YYYY-Www (default this week)" },
	{ "from", true, "--from D     the first day of a range (with --to; 366 days at most)" },
	{ "to", true, "--to D       the last day of the range" },
	{ "dry-run", false, "--dry-run    report what would change, and write nothing" },
	{ "strict", false, "--strict     refuse the whole file at its first problem" },
	{ NULL, false, NULL },
};

/* The days of --week, or --from and --to, or this week. */
static int ics_range(struct cli *c, date_t *from, date_t *to, int max_days)
{
	const char *week = cli_opt(c, "week"), *f = cli_opt(c, "from"), *t = cli_opt(c, "to");
	int key;

	if (week != NULL && (f != NULL || t != NULL))
		return error_set(&c->err, ERR_USAGE, "give --week, or --from and --to, not both");
	if ((f != NULL) != (t != NULL))
		return error_set(&c->err, ERR_USAGE, "--from and --to go together");
	if (f != NULL) {
		if (cli_parse_date(c, "--from", f, from) != 0 || cli_parse_date(c, "--to", t, to) != 0)
			return -1;
		if (*to < *from)
			return error_set(&c->err, ERR_USAGE, "--to %s comes before --from %s", t, f);
		if (max_days > 0 && *to - *from + 1 > max_days)
			return error_set(&c->err, ERR_USAGE, "the range spans %d days; one import "
					 "takes at most %d", *to - *from + 1, max_days);
		return 0;
	}
	if (week == NULL) {
		key = date_week_key(cli_today());
	} else if (date_week_parse(week, &key) != 0) {
		date_t day;

		if (date_parse(week, &day) != 0)
			return error_set(&c->err, ERR_USAGE, "--week \"%s\" is neither a date "
					 "(YYYY-MM-DD) nor a week (YYYY-Www)", week);
		key = date_week_key(day);
	}
	*from = date_week_monday(key);
	*to = *from + 6;
	return 0;
}

/* "2026-W13", or "2026-03-23 – 2026-04-05". */
static void range_label(date_t from, date_t to, const struct glyphs *g, char *out, size_t size)
{
	char a[11], b[11];

	if (date_weekday(from) == 0 && to == from + 6) {
		date_week_format(date_week_key(from), a);
		snprintf(out, size, "%s", a);
		return;
	}
	date_format(from, a);
	date_format(to, b);
	snprintf(out, size, "%s %s %s", a, g->dash, b);
}

/* The file as messages name it. */
static const char *shown(const char *path)
{
	return strcmp(path, "-") == 0 ? "standard input" : path;
}

static const char *ics_path(struct cli *c)
{
	const char *path = cli_opt(c, "ics");

	if (path == NULL || path[0] == '\0') {
		cli_usage(c, "--ics FILE is required");
		return NULL;
	}
	return path;
}

/* ---------------------------------------------------------------- export */

static void export_done(struct cli *c, const char *path, size_t n, date_t from, date_t to,
			const char *zone)
{
	const struct glyphs *g = glyphs_for(c->out_mode);
	struct buf o = BUF_INIT;
	char range[48];

	range_label(from, to, g, range, sizeof range);
	buf_addf(&o, "exported %zu block%s of %s to %s; ", n, n == 1 ? "" : "s", range, path);
	if (zone == NULL)
		buf_adds(&o, "times in UTC (the local time zone has no name focusweek knows)\n");
	else
		buf_addf(&o, "times in %s\n", zone);
	cli_print(c, buf_str(&o));
	buf_free(&o);
}

static int export_run(struct cli *c)
{
	const char *path = ics_path(c);
	struct app_export ex;
	date_t from, to;

	if (path == NULL)
		return CLI_USAGE;
	if (ics_range(c, &from, &to, 0) != 0 || cli_boot(c) != 0 ||
	    app_export(c->app, path, from, to, cli_flag(c, "alarm"), &ex, &c->err) != 0)
		return cli_fail(c, &c->err);
	if (strcmp(path, "-") != 0)
		export_done(c, path, ex.n, from, to, ex.zone);
	return CLI_OK;
}

/* ---------------------------------------------------------------- import */

static void report_overlaps(struct buf *o, const struct ics_report *rep, const struct glyphs *g)
{
	if (rep->n_overlaps == 0)
		return;
	buf_addf(o, "  %zu overlap%s with planned blocks (both kept; 'focusweek edit ID --fit "
		 "move' or '--fit shorten' clears the block):\n", rep->n_overlaps,
		 rep->n_overlaps == 1 ? "" : "s");
	for (size_t i = 0; i < rep->n_overlaps; i++) {
		const struct ics_overlap *v = &rep->overlaps[i];
		char day[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX], bs[DATE_TIME_SHOW_MAX], be[DATE_TIME_SHOW_MAX];

		date_format_short(v->date, day);
		date_time_show(v->start, s);
		date_time_show(v->end, e);
		date_time_show(v->block_start, bs);
		date_time_show(v->block_end, be);
		buf_addf(o, "    %s %s%s%s \"%s\" overlaps %s \"%s\" %s%s%s\n", day, s, g->dash, e,
			 v->title, v->block, v->block_title, bs, g->dash, be);
	}
}

/* Planned blocks on days an all-day event takes (a trade fair, a holiday),
 * as the weeks stand after the import. */
static void report_all_day(struct cli *c, struct buf *o, date_t from, date_t to)
{
	const struct glyphs *g = glyphs_for(c->out_mode);
	size_t n = 0;

	for (int key = date_week_key(from);; key = date_week_add(key, 1)) {
		struct week *w;

		if (app_week(c->app, key, &w, NULL) != 0)
			break;
		for (size_t i = 0; i < week_block_count(w); i++) {
			const struct block *b = week_block_at(w, i);
			const struct banner *bn = overlap_banner(w, b);
			char day[16], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

			if (bn == NULL || b->date < from || b->date > to)
				continue;
			if (n++ == 0)
				buf_adds(o, "  planned work on all-day events (the day may be "
					    "taken; move or skip it):\n");
			date_format_short(b->date, day);
			date_time_show(b->start, s);
			date_time_show(b->end, e);
			buf_addf(o, "    %s \"%s\" all day, over %s \"%s\" %s%s%s\n", day, bn->title,
				 b->id, b->title, s, g->dash, e);
		}
		week_free(w);
		if (key == date_week_key(to))
			break;
	}
}

static void import_report(struct cli *c, const char *path, const struct app_import *im,
			  date_t from, date_t to, bool dry)
{
	const struct glyphs *g = glyphs_for(c->out_mode);
	const struct ics_report *rep = &im->rep;
	struct buf o = BUF_INIT;
	char range[48];

	range_label(from, to, g, range, sizeof range);
	buf_addf(&o, "%s %s into %s: %zu added, %zu replaced, %zu removed\n",
		 dry ? "would import" : "imported", shown(path), range, rep->added, rep->replaced,
		 rep->removed);
	buf_addf(&o, "  %zu meeting block%s, %zu day banner%s; ", rep->blocks,
		 rep->blocks == 1 ? "" : "s", rep->banners, rep->banners == 1 ? "" : "s");
	if (dry)
		buf_adds(&o, "nothing written (--dry-run)\n");
	else if (im->written == 0)
		buf_adds(&o, "no week changed\n");
	else
		buf_addf(&o, "%zu week%s written\n", im->written, im->written == 1 ? "" : "s");
	ics_notes_text(rep->notes, rep->n_notes, &o);
	report_overlaps(&o, rep, g);
	if (!dry)
		report_all_day(c, &o, from, to);
	cli_print(c, buf_str(&o));
	buf_free(&o);
}

static int import_run(struct cli *c)
{
	const char *path = ics_path(c);
	struct app_import im;
	bool dry = cli_flag(c, "dry-run");
	unsigned how = (dry ? APP_IMPORT_DRY : 0) | (cli_flag(c, "strict") ? APP_IMPORT_STRICT : 0);
	date_t from, to;
	int rc = CLI_OK;

	if (path == NULL)
		return CLI_USAGE;
	if (ics_range(c, &from, &to, ICS_RANGE_MAX) != 0 || cli_boot(c) != 0)
		return cli_fail(c, &c->err);
	if (app_import(c->app, path, from, to, how, &im, NULL, &c->err) != 0)
		rc = cli_fail(c, &c->err);
	else
		import_report(c, path, &im, from, to, dry);
	app_import_free(&im);
	return rc;
}

const struct cli_command cli_cmd_export = {
	.name = "export",
	.summary = "write a week's or a range's blocks to a calendar file",
	.opts = export_opts,
	.run = export_run,
};

const struct cli_command cli_cmd_import = {
	.name = "import",
	.summary = "read real meetings from a calendar file as busy time",
	.opts = import_opts,
	.run = import_run,
};
