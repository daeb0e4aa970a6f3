/* bench_export.c - the generated history in the peers' own files, so that
 * calcurse and timewarrior answer the same questions over the same blocks.
 *
 * calcurse: one appointment per block in calcurse/apts (local times, as
 * calcurse keeps them), "title (kind, industry or account)".
 * timewarrior: one closed interval per block in timew/data/YYYY-MM.data
 * (UTC, by the month of its start), tagged with the kind, the industry or
 * account and the title; tags.data counts the tags as timew does.
 */
#include "bench.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "clock.h"
#include "xalloc.h"

struct tag_count {
	char *name;
	long count;
};

struct exporter {
	char dir[BENCH_PATH];
	FILE *apts;             /* calcurse/apts */
	FILE *month;            /* timew/data/YYYY-MM.data being written */
	int month_key;          /* its year * 100 + month */
	struct tag_count *tags; /* for timew/data/tags.data */
	size_t n_tags, cap_tags;
};

static int export_mkdir(const char *dir, const char *sub, struct error *err)
{
	char path[BENCH_PATH];

	bench_path(path, "%s/%s", dir, sub);
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return error_sys(err, errno, "cannot create %s", path);
	return 0;
}

/* Writes a file at dir/rel with the given contents. */
static int export_file(const char *dir, const char *rel, const char *text, struct error *err)
{
	char path[BENCH_PATH];
	FILE *f;

	bench_path(path, "%s/%s", dir, rel);
	f = fopen(path, "w");
	if (f == NULL)
		return error_sys(err, errno, "cannot write %s", path);
	fputs(text, f);
	if (fclose(f) != 0)
		return error_sys(err, errno, "cannot write %s", path);
	return 0;
}

struct exporter *export_new(const char *dir, struct error *err)
{
	static const char *const subdirs[] = { "calcurse", "calcurse/notes", "calcurse/hooks",
					       "timew", "timew/data", "timew/extensions" };
	struct exporter *ex;
	char path[BENCH_PATH];

	for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0]; i++)
		if (export_mkdir(dir, subdirs[i], err) != 0)
			return NULL;
	if (export_file(dir, "calcurse/conf", "", err) != 0 ||
	    export_file(dir, "calcurse/todo", "", err) != 0 ||
	    export_file(dir, "timew/timewarrior.cfg", "", err) != 0)
		return NULL;
	ex = xcalloc(1, sizeof *ex);
	bench_path(ex->dir, "%s", dir);
	bench_path(path, "%s/calcurse/apts", dir);
	ex->apts = fopen(path, "w");
	if (ex->apts == NULL) {
		error_sys(err, errno, "cannot write %s", path);
		export_free(ex);
		return NULL;
	}
	return ex;
}

static void export_count_tag(struct exporter *ex, const char *name)
{
	for (size_t i = 0; i < ex->n_tags; i++) {
		if (strcmp(ex->tags[i].name, name) == 0) {
			ex->tags[i].count++;
			return;
		}
	}
	ex->tags = xgrow(ex->tags, &ex->cap_tags, ex->n_tags + 1, sizeof *ex->tags);
	ex->tags[ex->n_tags].name = xstrdup(name);
	ex->tags[ex->n_tags++].count = 1;
}

/* The month file for an instant, opened when the month changes. */
static FILE *export_month(struct exporter *ex, const struct tm *utc, struct error *err)
{
	int key = (utc->tm_year + 1900) * 100 + utc->tm_mon + 1;
	char path[BENCH_PATH];

	if (ex->month != NULL && key == ex->month_key)
		return ex->month;
	if (ex->month != NULL && fclose(ex->month) != 0) {
		ex->month = NULL;
		error_sys(err, errno, "cannot write a timew month file in %s", ex->dir);
		return NULL;
	}
	bench_path(path, "%s/timew/data/%04d-%02d.data", ex->dir, key / 100,
		 key % 100);
	ex->month = fopen(path, "a");
	ex->month_key = key;
	if (ex->month == NULL)
		error_sys(err, errno, "cannot write %s", path);
	return ex->month;
}

/* The industry or account a block is about, or NULL. */
static const char *export_who(const struct plan *p, const struct block *b)
{
	const struct industry *ind = b->industry ? plan_industry_by_id(p, b->industry) : NULL;
	const struct account *acc = b->account ? plan_account_by_id(p, b->account) : NULL;

	return acc != NULL ? acc->name : ind != NULL ? ind->name : NULL;
}

static void export_calcurse(struct exporter *ex, const struct block *b, const char *who)
{
	int y, m, d;

	date_to_ymd(b->date, &y, &m, &d);
	fprintf(ex->apts, "%02d/%02d/%04d @ %02d:%02d -> %02d/%02d/%04d @ %02d:%02d|%s (%s%s%s)\n",
		m, d, y, b->start / 60, b->start % 60, m, d, y, b->end / 60, b->end % 60, b->title,
		model_kind_name(b->kind), who ? ", " : "", who ? who : "");
}

/* Tags in timew's order (sorted), quoted when they hold a space. */
static void export_tags(FILE *f, const char *tags[3], size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(tags[j - 1], tags[j]) > 0; j--) {
			const char *t = tags[j];

			tags[j] = tags[j - 1];
			tags[j - 1] = t;
		}
	fputs(" #", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, strchr(tags[i], ' ') ? " \"%s\"" : " %s", tags[i]);
	fputc('\n', f);
}

static int export_timew(struct exporter *ex, const struct block *b, const char *who,
			struct error *err)
{
	instant_t from, to;
	time_t t;
	struct tm a, z;
	const char *tags[3] = { model_kind_name(b->kind), b->title, who };
	size_t n = who != NULL ? 3 : 2;
	FILE *f;

	clock_from_local(b->date, b->start, &from);
	clock_from_local(b->date, b->end, &to);
	t = (time_t)from;
	gmtime_r(&t, &a);
	t = (time_t)to;
	gmtime_r(&t, &z);
	f = export_month(ex, &a, err);
	if (f == NULL)
		return -1;
	fprintf(f, "inc %04d%02d%02dT%02d%02d%02dZ - %04d%02d%02dT%02d%02d%02dZ", a.tm_year + 1900,
		a.tm_mon + 1, a.tm_mday, a.tm_hour, a.tm_min, a.tm_sec, z.tm_year + 1900,
		z.tm_mon + 1, z.tm_mday, z.tm_hour, z.tm_min, z.tm_sec);
	for (size_t i = 0; i < n; i++)
		export_count_tag(ex, tags[i]);
	export_tags(f, tags, n);
	return 0;
}

int export_week(struct exporter *ex, const struct plan *p, const struct week *w,
		struct error *err)
{
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		const char *who = export_who(p, b);

		export_calcurse(ex, b, who);
		if (export_timew(ex, b, who, err) != 0)
			return -1;
	}
	return 0;
}

static int export_tags_file(struct exporter *ex, struct error *err)
{
	char path[BENCH_PATH];
	FILE *f;

	bench_path(path, "%s/timew/data/tags.data", ex->dir);
	f = fopen(path, "w");
	if (f == NULL)
		return error_sys(err, errno, "cannot write %s", path);
	fputs("{\n", f);
	for (size_t i = 0; i < ex->n_tags; i++)
		fprintf(f, "  \"%s\":{\"count\":%ld}%s\n", ex->tags[i].name, ex->tags[i].count,
			i + 1 < ex->n_tags ? "," : "");
	fputs("}", f);
	if (fclose(f) != 0)
		return error_sys(err, errno, "cannot write %s", path);
	return 0;
}

/* The one appointment `calcurse -i` imports in each measured run. */
static int export_ics(struct exporter *ex, date_t today, struct error *err)
{
	char text[512];
	int y, m, d;

	date_to_ymd(today, &y, &m, &d);
	snprintf(text, sizeof text,
		 "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//focusweek//bench//EN\r\n"
		 "BEGIN:VEVENT\r\nUID:bench-add@focusweek\r\n"
		 "DTSTART:%04d%02d%02dT%02d%02d00\r\nDTEND:%04d%02d%02dT%02d%02d00\r\n"
		 "SUMMARY:Bench block (admin)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		 y, m, d, BENCH_ADD_START / 60, BENCH_ADD_START % 60, y, m, d, BENCH_ADD_END / 60,
		 BENCH_ADD_END % 60);
	return export_file(ex->dir, "calcurse/one.ics", text, err);
}

int export_finish(struct exporter *ex, date_t today, struct error *err)
{
	int rc = 0;

	if (fclose(ex->apts) != 0)
		rc = error_sys(err, errno, "cannot write %s/calcurse/apts", ex->dir);
	ex->apts = NULL;
	if (ex->month != NULL && fclose(ex->month) != 0 && rc == 0)
		rc = error_sys(err, errno, "cannot write a timew month file in %s", ex->dir);
	ex->month = NULL;
	if (rc == 0)
		rc = export_tags_file(ex, err);
	if (rc == 0)
		rc = export_ics(ex, today, err);
	export_free(ex);
	return rc;
}

void export_free(struct exporter *ex)
{
	if (ex == NULL)
		return;
	if (ex->apts != NULL)
		fclose(ex->apts);
	if (ex->month != NULL)
		fclose(ex->month);
	for (size_t i = 0; i < ex->n_tags; i++)
		free(ex->tags[i].name);
	free(ex->tags);
	free(ex);
}
