/* bench_run.c - the in-process runs and the table.
 *
 * Every measure is timed run by run on CLOCK_MONOTONIC.  Within one run the
 * operation and then its floor are timed on each set in turn, so whatever
 * else the machine does falls on all of them alike; the medians are
 * reported with their ratios.
 */
#include "bench.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "text.h"
#include "xalloc.h"

#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "unknown"
#endif

#define MAX_SIZES BENCH_MAX_SETS
#define FLOOR_BUDGET 1.5  /* each operation within 1.5x its floor */
#define FLAT_BUDGET 1.2   /* and within 1.2x its 1-year figure */

struct measure {
	const char *name;
	bench_op figure;
	bench_op floor;         /* NULL: none */
	const char *floor_what;
	bool budget;            /* held to FLOOR_BUDGET and FLAT_BUDGET */
};

static const struct measure measures[] = {
	{ "load a week (plan.json + week file)", op_load_week, op_load_floor,
	  "open+read, cJSON_Parse and cJSON_Delete of the same two files", true },
	{ "  of which decode (check, parse, model)", op_decode, op_parse_floor,
	  "cJSON_Parse and cJSON_Delete of the same two texts", false },
	{ "save a change (encode + durable save)", op_save_week, op_save_floor,
	  "cJSON_Print of the same week, then temp, write, fsync, rename, fsync folder", true },
	{ "  of which encode", op_encode, op_print_floor, "cJSON_Print of the same week", false },
	{ "  durable write of the same bytes", op_durable_floor, op_bare_write,
	  "the bare temp, write, fsync, rename (no fsync of the folder)", false },
	{ "week layout + draw, 200x50", hook_draw_week, op_frame_floor,
	  "every cell of a 200x50 newterm screen repainted and sent to a pty", true },
	{ "key: cursor move + redraw", hook_key_move, op_frame_floor,
	  "every cell of a 200x50 newterm screen repainted and sent to a pty", true },
	{ "key: mark done, saved + redraw", hook_key_save, op_frame_save_floor,
	  "a frame as above, then cJSON_Print of the week, temp, write, fsync, rename, "
	  "fsync folder", true },
	{ "review: a week (its span)", hook_review_week, op_review_week_floor,
	  "open+read, cJSON_Parse and cJSON_Delete of plan.json and of each week review_span "
	  "names: its file when read in full, else its digest", true },
	{ "review: a year (52 weeks, its span)", hook_review_year, op_review_year_floor,
	  "open+read, cJSON_Parse and cJSON_Delete of plan.json and of each week review_span "
	  "names: its file when read in full, else its digest", true },
	{ "  every week read in full (json, csv)", hook_review_year_all,
	  op_review_year_all_floor, "open+read, cJSON_Parse and cJSON_Delete of plan.json and "
	  "every week review_span names", true },
	{ "timer status", hook_timer_status, op_timer_floor,
	  "open+read, cJSON_Parse and cJSON_Delete of a running timer.json", true },
	{ "import a calendar (4 weeks of a year)", hook_import_ics, op_import_floor,
	  "libical's own read of the same text (icalparser_parse_string, icalcomponent_free)",
	  false },
};
#define N_MEASURES (sizeof measures / sizeof measures[0])

struct result {
	double figure, floor;  /* medians in seconds; floor < 0: none */
	int n;
	bool missing;          /* the operation is not built yet */
	struct error why;      /* what is missing */
};

static bool bench_chosen(const struct bench_opts *o, const struct measure *m)
{
	return o->only == NULL || strstr(m->name, o->only) != NULL;
}

static int bench_mkdirs(const char *dir, struct error *err)
{
	char path[BENCH_PATH];

	bench_path(path, "%s", dir);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return error_sys(err, errno, "cannot create %s", path);
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return error_sys(err, errno, "cannot create %s", path);
	return 0;
}

int bench_set(const char *root, int years, char dir[BENCH_PATH], struct gen_stats *st,
	      struct error *err)
{
	date_t today = clock_today(clock_now());
	double t0;

	bench_path(dir, "%s/%dy", root, years);
	if (gen_set_load(dir, today, st) == 0)
		return 0;
	if (bench_mkdirs(root, err) != 0)
		return -1;
	fprintf(stderr, "fwbench: generating %d year%s of plans in %s ...\n", years,
		years == 1 ? "" : "s", dir);
	t0 = bench_now();
	if (gen_set(dir, years, today, st, err) != 0)
		return -1;
	fprintf(stderr, "fwbench: %d weeks, %lld blocks in %.1f s\n", st->weeks, st->blocks,
		bench_now() - t0);
	return 0;
}

static int bench_time(struct bench_ctx *c, bench_op op, double *out)
{
	double t0 = bench_now();
	int rc = op(c);

	*out = bench_now() - t0;
	return rc;
}

/* Timings of one measure on one set. */
struct samples {
	double *figure, *floor;
};

/* One run of a measure and its floor on one set; i < 0 is untimed. */
static int bench_step(struct bench_ctx *c, const struct measure *m, int i, struct samples *sm,
		      struct result *r)
{
	double tf = 0, tl = 0;
	int rc = 0;

	if (!r->missing) {
		rc = bench_time(c, m->figure, &tf);
		if (rc == BENCH_NOT_BUILT) {
			r->missing = true;
			r->why = c->err;
			rc = 0;
		}
	}
	if (rc == 0 && m->floor != NULL)
		rc = bench_time(c, m->floor, &tl);
	if (i >= 0) {
		sm->figure[i] = tf;
		sm->floor[i] = tl;
	}
	return rc;
}

/* Runs a measure and its floor on every set in turn; fills r[set]. */
static int bench_measure(struct bench_ctx *c, size_t n_sets, const struct measure *m,
			 const struct bench_opts *o, struct result *r, struct error *err)
{
	struct samples sm[MAX_SIZES];
	int rc = 0;

	for (size_t s = 0; s < n_sets; s++) {
		memset(&r[s], 0, sizeof r[s]);
		sm[s].figure = xcalloc((size_t)o->runs, sizeof(double));
		sm[s].floor = xcalloc((size_t)o->runs, sizeof(double));
	}
	for (int i = -o->warmup; i < o->runs && rc == 0; i++)
		for (size_t s = 0; s < n_sets && rc == 0; s++)
			if ((rc = bench_step(&c[s], m, i, &sm[s], &r[s])) != 0)
				*err = c[s].err;
	for (size_t s = 0; s < n_sets; s++) {
		r[s].n = o->runs;
		r[s].figure = bench_median(sm[s].figure, (size_t)o->runs);
		r[s].floor = m->floor != NULL ? bench_median(sm[s].floor, (size_t)o->runs) : -1;
		free(sm[s].figure);
		free(sm[s].floor);
	}
	return rc;
}

static void bench_print_sets(const struct bench_opts *o, const struct gen_stats *sets)
{
	const char *tz = getenv("TZ");
	char today[11];

	date_format(sets[0].today, today);
	printf("focusweek in-process benchmark: median of n timed runs (after %d untimed), "
	       "each run followed by a run of its floor\n", o->warmup);
	printf("build %s; TZ%s%s%s; today %s; text %s\n\n", BENCH_BUILD_TYPE,
	       tz ? "=" : " unset", tz ? tz : "", tz ? "" : " (/etc/localtime)", today,
	       text_locale_utf8() ? "UTF-8" : "ASCII");
	printf("%-6s %6s %8s %9s %7s %11s %10s %11s\n", "set", "weeks", "blocks", "sessions",
	       "sales", "all weeks", "plan.json", "this week");
	for (size_t s = 0; s < o->n_years; s++)
		printf("%4dy  %6d %8lld %9lld %7lld %8.1f MB %7.1f KB %8.1f KB\n", sets[s].years,
		       sets[s].weeks, sets[s].blocks, sets[s].sessions, sets[s].sales,
		       (double)sets[s].bytes / 1e6, (double)sets[s].plan_bytes / 1e3,
		       (double)sets[s].now_week_bytes / 1e3);
	printf("\n");
}

/* One line of the table; returns how many budgets it misses. */
static int bench_print_row(const struct measure *m, const struct result *r,
			   const struct result *first, int years, bool first_row)
{
	char fig[16], flo[16] = "-", ratio[16] = "-", flat[16] = "";
	const char *mark = "";
	int missed = 0;

	if (r->floor >= 0)
		bench_format(r->floor, flo);
	if (r->missing) {
		printf("%-40s %4dy %5s %12s %10s %7s\n", first_row ? m->name : "", years, "-",
		       "not built yet", flo, "-");
		return 0;
	}
	bench_format(r->figure, fig);
	if (r->floor > 0)
		snprintf(ratio, sizeof ratio, "%.2fx", r->figure / r->floor);
	if (r != first && first->figure > 0)
		snprintf(flat, sizeof flat, "%.2fx", r->figure / first->figure);
	if (m->budget && r->floor > 0 && r->figure > FLOOR_BUDGET * r->floor) {
		mark = "  over 1.5x floor";
		missed++;
	}
	if (m->budget && r != first && r->figure > FLAT_BUDGET * first->figure) {
		mark = missed ? "  over 1.5x floor, over 1.2x 1y" : "  over 1.2x 1y";
		missed++;
	}
	printf("%-40s %4dy %5d %12s %10s %7s %7s%s\n", first_row ? m->name : "", years, r->n, fig,
	       flo, ratio, flat, mark);
	return missed;
}

static int bench_print(const struct bench_opts *o, const struct gen_stats *sets,
		       struct result res[][MAX_SIZES])
{
	int missed = 0;

	bench_print_sets(o, sets);
	printf("%-40s %5s %5s %12s %10s %7s %7s\n", "operation", "set", "n", "median", "floor",
	       "ratio", "vs 1st");
	for (size_t i = 0; i < N_MEASURES; i++) {
		if (!bench_chosen(o, &measures[i]))
			continue;
		for (size_t s = 0; s < o->n_years; s++)
			missed += bench_print_row(&measures[i], &res[i][s], &res[i][0],
						  sets[s].years, s == 0);
		if (res[i][0].missing)
			printf("  (%s)\n", res[i][0].why.msg);
		printf("  floor: %s\n", measures[i].floor_what);
	}
	printf("\nbudgets: each operation within %.1fx its floor and within %.1fx its "
	       "figure at %d year%s: %s\n", FLOOR_BUDGET, FLAT_BUDGET, sets[0].years,
	       sets[0].years == 1 ? "" : "s",
	       missed ? "MISSED (marked above)" : "all met by what is built");
	return missed;
}

int bench_run(const struct bench_opts *o, struct error *err)
{
	static struct result res[N_MEASURES][MAX_SIZES];
	static struct bench_ctx ctx[MAX_SIZES];
	struct gen_stats sets[MAX_SIZES];
	char dirs[MAX_SIZES][BENCH_PATH];
	size_t opened = 0;
	int rc = 0;

	for (size_t s = 0; s < o->n_years; s++)
		if (bench_set(o->root, o->years[s], dirs[s], &sets[s], err) != 0)
			return -1;
	for (; opened < o->n_years && rc == 0; opened++)
		rc = bench_ctx_open(&ctx[opened], dirs[opened], &sets[opened], err);
	for (size_t i = 0; i < N_MEASURES && rc == 0; i++)
		if (bench_chosen(o, &measures[i]))
			rc = bench_measure(ctx, o->n_years, &measures[i], o, res[i], err);
	for (size_t s = 0; s < opened; s++)
		bench_ctx_close(&ctx[s]);
	if (rc != 0)
		return -1;
	bench_print(o, sets, res);
	return 0;
}
