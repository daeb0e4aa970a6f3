/* bench.h - the benchmark program: generated plans of many years, the same
 * history in the formats of the peers (calcurse, timewarrior), and the
 * in-process measures with their floors.
 *
 * A generated set lives in one folder:
 *   focusweek/   the data folder, written through the real store API
 *   calcurse/    apts (the same blocks), conf, todo; one.ics for an import
 *   timew/       data/YYYY-MM.data, tags.data, timewarrior.cfg
 *   ready        "key value" lines describing the set (written last, so a
 *                folder without it is an interrupted generation)
 */
#ifndef FOCUSWEEK_BENCH_H
#define FOCUSWEEK_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "model.h"

/* Bumped whenever the generated data changes shape; old sets are remade. */
#define BENCH_DATA_VERSION 6
/* The weeks a measured calendar import spans, from this one. */
#define BENCH_ICS_WEEKS 4
/* Sets measured in one run at most (e.g. 1, 10 and 30 years). */
#define BENCH_MAX_SETS 4

/* The slot `focusweek add` and its peers fill in each measured run: free in
 * every generated week (the last template block ends at 17:30). */
#define BENCH_ADD_START (17 * 60 + 30)
#define BENCH_ADD_END (18 * 60)

struct gen_stats {
	int years;
	date_t today;        /* the day the set was generated for */
	int first_week, last_week, now_week;
	int weeks;           /* week files written */
	long long blocks, done, sessions, interruptions, sales;
	long long bytes;     /* week files, in bytes */
	long long plan_bytes;
	long long now_week_bytes;
};

/* ---- bench_gen.c: the plan ---- */

/* Generates `years` of history up to today's week plus two planned weeks
 * ahead into dir (made fresh), with the peers' copies beside it. */
int gen_set(const char *dir, int years, date_t today, struct gen_stats *st,
	    struct error *err);
/* Reads dir/ready; -1 when the set is absent, partial, of another version
 * or of another day. */
int gen_set_load(const char *dir, date_t today, struct gen_stats *st);

/* ---- bench_export.c: the same history for calcurse and timewarrior ---- */

struct exporter;

struct exporter *export_new(const char *dir, struct error *err);
/* Appends every block of w (weeks must come in ascending order). */
int export_week(struct exporter *ex, const struct plan *p, const struct week *w,
		struct error *err);
/* Writes the remaining files (tags, config, one.ics for the import of the
 * block at BENCH_ADD_START today) and frees ex. */
int export_finish(struct exporter *ex, date_t today, struct error *err);
void export_free(struct exporter *ex);

/* ---- bench_stats.c: timing ---- */

/* Seconds on CLOCK_MONOTONIC. */
double bench_now(void);
/* The median of v[0..n-1] (sorts v). */
double bench_median(double *v, size_t n);
/* "41.3 us", "1.52 ms": fits in out[16]. */
void bench_format(double seconds, char out[16]);
/* snprintf for paths into out[BENCH_PATH]; a path that does not fit is a
 * broken invariant (main refuses a --root that long) and aborts. */
#define BENCH_PATH 4096
void bench_path(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- bench_ops.c: each measured operation and its floor ---- */

/* One generated set, opened for measuring. */
struct bench_ctx {
	struct gen_stats st;
	char set[BENCH_PATH];          /* the generated set */
	char fw[BENCH_PATH];           /* its focusweek data folder */
	char scratch[BENCH_PATH];      /* where the floors write */
	int scratch_fd;
	struct store *store;
	struct plan *plan;       /* loaded once, for decodes and saves */
	struct week *week;       /* this week; op_save_week changes and saves it */
	char bench_id[MODEL_ID_MAX]; /* the block op_save_week added, or "" */
	char week_rel[40];       /* "weeks/YYYY-Www.json" of this week */
	char *plan_text, *week_text, *timer_text; /* the files' bytes */
	size_t plan_len, week_len, timer_len;
	void *week_tree;         /* cJSON tree of week_text, for the print floor */
	/* The weeks a review of this week reads (review_span): [0] of one week,
	 * [1] of the 52 weeks ending with it. */
	int *span_keys[2];
	size_t n_span[2];
	/* Of those, the ones it reads in full once the digests of the weeks
	 * that have ended are kept (review_io); it reads the others' digests. */
	bool *span_full[2];
	struct offscreen *screen; /* the planner's terminal, made on first use */
	struct offscreen *floor_screen; /* the frame floors' terminal */
	struct tui *app;         /* the planner on `screen`, made on first use */
	int key_runs;            /* cursor keys sent to it so far */
	bool key_on_block;       /* its cursor was put on this week's first block */
	int key_saves;           /* blocks marked done (or back) since */
	/* The calendar import (bench_ics.c): the text, the range, its weeks as
	 * loaded, and libical opened for the floor. */
	char *ics_text;
	size_t ics_len;
	date_t ics_from, ics_to;
	struct week *ics_weeks[BENCH_ICS_WEEKS];
	void *ical;
	void *(*ical_parse)(const char *text);
	void (*ical_free)(void *component);
	struct error err;        /* why an operation failed */
};

int bench_ctx_open(struct bench_ctx *c, const char *set, const struct gen_stats *st,
		   struct error *err);
/* Leaves the set as it was (the block op_save_week added is removed). */
void bench_ctx_close(struct bench_ctx *c);

/* One run of an operation: 0, -1 with c->err, or BENCH_NOT_BUILT. */
typedef int (*bench_op)(struct bench_ctx *c);
#define BENCH_NOT_BUILT 1

int op_load_week(struct bench_ctx *c);
int op_load_floor(struct bench_ctx *c);
int op_decode(struct bench_ctx *c);
int op_parse_floor(struct bench_ctx *c);
int op_save_week(struct bench_ctx *c);
int op_save_floor(struct bench_ctx *c);
int op_encode(struct bench_ctx *c);
int op_print_floor(struct bench_ctx *c);
int op_durable_floor(struct bench_ctx *c);
int op_bare_write(struct bench_ctx *c);
int op_frame_floor(struct bench_ctx *c);
int op_frame_save_floor(struct bench_ctx *c);
int op_review_week_floor(struct bench_ctx *c);
int op_review_year_floor(struct bench_ctx *c);
int op_review_year_all_floor(struct bench_ctx *c);
int op_timer_floor(struct bench_ctx *c);
/* The off-screen terminal of the view measures, made current. */
int ops_screen(struct bench_ctx *c);

/* ---- bench_hooks.c: the planner, the review and the timer ---- */

int hook_draw_week(struct bench_ctx *c);
int hook_key_move(struct bench_ctx *c);
int hook_key_save(struct bench_ctx *c);
int hook_review_week(struct bench_ctx *c);
int hook_review_year(struct bench_ctx *c);
int hook_review_year_all(struct bench_ctx *c);
int hook_timer_status(struct bench_ctx *c);
/* The review spans of c (span_keys), from review_span. */
int hooks_spans(struct bench_ctx *c, struct error *err);
/* Closes the planner and the timer's store. */
void hooks_close(struct bench_ctx *c);

/* ---- bench_ics.c: the calendar import ---- */

/* Makes the calendar and loads the weeks it is imported into. */
int bench_ics_open(struct bench_ctx *c, struct error *err);
void bench_ics_close(struct bench_ctx *c);
int hook_import_ics(struct bench_ctx *c);
int op_import_floor(struct bench_ctx *c);

/* ---- bench_run.c: the runs and the table ---- */

struct bench_opts {
	int runs;          /* timed runs per measure */
	int warmup;        /* untimed runs first */
	const char *root;  /* where the generated sets live */
	const char *only;  /* measure only the rows whose name holds it (NULL: all) */
	int years[BENCH_MAX_SETS];
	size_t n_years;
};

/* The set of `years` under root, generated when missing or stale. */
int bench_set(const char *root, int years, char dir[BENCH_PATH], struct gen_stats *st,
	      struct error *err);
/* Generates what is missing, measures every size, prints the table. */
int bench_run(const struct bench_opts *o, struct error *err);

/* ---- bench_draw.c: the off-screen terminal for the view measures ---- */

struct offscreen;

/* An ncurses screen (newterm, made current) of cols x rows on a
 * pseudo-terminal whose output a thread reads and drops. */
struct offscreen *offscreen_new(int cols, int rows, struct error *err);
void offscreen_free(struct offscreen *o);
/* Makes o the current curses screen (each set has its own). */
void offscreen_use(struct offscreen *o);
/* The bytes the screen has sent to the terminal so far. */
size_t offscreen_received(struct offscreen *o);
/* The floor of a frame: every cell of the screen rewritten with text and
 * sent to the terminal, as when a first screen is drawn (a repaint). */
void offscreen_fill_frame(struct offscreen *o, int frame);

#endif
