/* cmd_ics.c - `focusweek export --ics` and `focusweek import --ics`: blocks
 * out to a calendar, real meetings in as busy time. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "cli_int.h"
#include "ics.h"
#include "store.h"
#include "xalloc.h"

static const struct cli_opt export_opts[] = {
	{ "ics", true, "--ics FILE   the calendar file to write (- for standard output)" },
	{ "week", true, "--week D     the week of day D, or YYYY-Www (default this week)" },
	{ "from", true, "--from D     the first day of a range (with --to)" },
	{ "to", true, "--to D       the last day of the range" },
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

/* The weeks with a file that hold days of from..to. */
static int export_weeks(struct cli *c, date_t from, date_t to, struct week ***out, size_t *n)
{
	int *keys, lo = date_week_key(from), hi = date_week_key(to);
	size_t n_keys, cap = 0;

	*out = NULL;
	*n = 0;
	if (store_list_weeks(c->boot.store, &keys, &n_keys, &c->err) != 0)
		return -1;
	for (size_t i = 0; i < n_keys; i++) {
		if (keys[i] < lo || keys[i] > hi)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		if (store_load_week(c->boot.store, c->boot.plan, keys[i], &(*out)[*n], &c->err) != 0) {
			free(keys);
			return -1;
		}
		(*n)++;
	}
	free(keys);
	return 0;
}

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
	const char *path = ics_path(c), *zone;
	struct week **weeks = NULL;
	struct buf text = BUF_INIT;
	char zbuf[80];
	size_t n_weeks = 0, n = 0;
	date_t from, to;
	int rc = CLI_FAIL;

	if (path == NULL)
		return CLI_USAGE;
	if (ics_range(c, &from, &to, 0) != 0)
		return cli_fail(c, &c->err);
	zone = ics_local_zone(zbuf, sizeof zbuf);
	if (cli_boot(c) == 0 && export_weeks(c, from, to, &weeks, &n_weeks) == 0 &&
	    ics_export(c->boot.plan, weeks, n_weeks, from, to, zone, clock_now(), &text, &n,
		       &c->err) == 0 &&
	    ics_file_write(path, text.data, text.len, &c->err) == 0) {
		if (strcmp(path, "-") != 0)
			export_done(c, path, n, from, to, zone);
		rc = CLI_OK;
	} else {
		rc = cli_fail(c, &c->err);
	}
	for (size_t i = 0; i < n_weeks; i++)
		week_free(weeks[i]);
	free(weeks);
	buf_free(&text);
	return rc;
}

/* ---------------------------------------------------------------- import */

struct import {
	struct week **weeks;   /* every week of the range, merged in place */
	struct week **before;  /* as loaded, to see which changed */
	size_t n;
	struct ics_report rep;
	size_t written;        /* week files written */
};

static void import_free(struct import *im)
{
	for (size_t i = 0; i < im->n; i++) {
		week_free(im->weeks[i]);
		week_free(im->before[i]);
	}
	free(im->weeks);
	free(im->before);
	ics_report_clear(&im->rep);
}

static int import_load(struct cli *c, struct import *im, date_t from, date_t to)
{
	int key = date_week_key(from);

	im->n = (size_t)(date_week_monday(date_week_key(to)) - date_week_monday(key)) / 7 + 1;
	im->weeks = xcalloc(im->n, sizeof *im->weeks);
	im->before = xcalloc(im->n, sizeof *im->before);
	for (size_t i = 0; i < im->n; i++) {
		if (store_load_week(c->boot.store, c->boot.plan, date_week_add(key, (int)i),
				    &im->weeks[i], &c->err) != 0)
			return -1;
		im->before[i] = week_clone(im->weeks[i]);
	}
	return 0;
}

/* All changed weeks in one transaction: all of the import, or none of it. */
static int import_save(struct cli *c, struct import *im)
{
	struct store_txn *tx = store_txn_new(c->boot.store);

	for (size_t i = 0; i < im->n; i++) {
		if (week_equal(im->weeks[i], im->before[i]))
			continue;
		store_txn_week(tx, im->weeks[i]);
		im->written++;
	}
	if (im->written == 0) {
		store_txn_free(tx);
		return 0;
	}
	return store_txn_commit(tx, &c->err);
}

static void report_overlaps(struct buf *o, const struct ics_report *rep, const struct glyphs *g)
{
	if (rep->n_overlaps == 0)
		return;
	buf_addf(o, "  %zu overlap%s with planned blocks (both kept; move the block to free "
		 "the time):\n", rep->n_overlaps, rep->n_overlaps == 1 ? "" : "s");
	for (size_t i = 0; i < rep->n_overlaps; i++) {
		const struct ics_overlap *v = &rep->overlaps[i];
		char day[16], s[6], e[6], bs[6], be[6];

		date_format_short(v->date, day);
		date_time_format(v->start, s);
		date_time_format(v->end, e);
		date_time_format(v->block_start, bs);
		date_time_format(v->block_end, be);
		buf_addf(o, "    %s %s%s%s \"%s\" overlaps %s \"%s\" %s%s%s\n", day, s, g->dash, e,
			 v->title, v->block, v->block_title, bs, g->dash, be);
	}
}

static void import_report(struct cli *c, const char *path, const struct import *im,
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
	cli_print(c, buf_str(&o));
	buf_free(&o);
}

/* Reads and parses the file, before the plan is locked. */
static int import_parse(struct cli *c, const char *path, date_t from, date_t to,
			struct ics_calendar **cal)
{
	bool strict = cli_flag(c, "strict");
	char *text;
	size_t len;
	int rc;

	if (ics_file_read(path, &text, &len, &c->err) != 0)
		return -1;
	rc = (strict ? ics_parse_strict : ics_parse)(text, len, from, to, cal, &c->err);
	free(text);
	if (rc != 0 && c->err.code == ERR_DATA)
		error_prefix(&c->err, "%s", shown(path));
	return rc;
}

static int import_run(struct cli *c)
{
	const char *path = ics_path(c);
	struct ics_calendar *cal = NULL;
	struct import im = { 0 };
	bool dry = cli_flag(c, "dry-run");
	date_t from, to;
	int rc = CLI_FAIL;

	if (path == NULL)
		return CLI_USAGE;
	if (ics_range(c, &from, &to, ICS_RANGE_MAX) != 0 ||
	    import_parse(c, path, from, to, &cal) != 0)
		return cli_fail(c, &c->err);
	if (cli_begin_write(c) != 0) {
		rc = cli_fail(c, &c->err);
		goto out;
	}
	if (import_load(c, &im, from, to) != 0 ||
	    ics_merge(im.weeks, im.n, c->boot.plan, cal, from, to, &im.rep, &c->err) != 0 ||
	    (!dry && import_save(c, &im) != 0)) {
		rc = cli_fail(c, &c->err);
	} else {
		import_report(c, path, &im, from, to, dry);
		rc = CLI_OK;
	}
	cli_end_write(c);
out:
	import_free(&im);
	ics_calendar_free(cal);
	return rc;
}

const struct cli_command cli_cmd_export = {
	.name = "export",
	.summary = "write the blocks of a week or range to a calendar file (--ics)",
	.opts = export_opts,
	.run = export_run,
};

const struct cli_command cli_cmd_import = {
	.name = "import",
	.summary = "read real meetings from a calendar file (--ics) as busy time",
	.opts = import_opts,
	.run = import_run,
};
