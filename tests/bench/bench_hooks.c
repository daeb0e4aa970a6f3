/* bench_hooks.c - the measures of work still being built.
 *
 * Each hook is one run of its operation, like the ops of bench_ops.c.  Until
 * its module lands it returns BENCH_NOT_BUILT and the table says so; the
 * floor beside it (bench_run.c) is measured already.  To fill one in,
 * replace the body with a single run of the real operation on the context
 * (c->store, c->plan, c->week, c->screen, c->year_keys), returning 0 or -1
 * with c->err, and link what it needs in tests/bench/CMakeLists.txt.
 */
#include "bench.h"

static int hook_missing(struct bench_ctx *c, const char *what)
{
	error_set(&c->err, ERR_NOTFOUND, "not built yet: %s", what);
	return BENCH_NOT_BUILT;
}

/* The week view's layout of c->week at 200x50 and its draw into the
 * off-screen terminal (c->screen, made with offscreen_new(200, 50, ...)),
 * flushed: what the planner does for its first screen. */
int hook_draw_week(struct bench_ctx *c)
{
	return hook_missing(c, "the week view (src/ui)");
}

/* One key through the planner's dispatch (e.g. move the selection to the
 * next block) and the redraw it causes, into c->screen. */
int hook_key(struct bench_ctx *c)
{
	return hook_missing(c, "key handling in the week view (src/ui)");
}

/* The review of this week (c->week) from loaded data to the figures shown. */
int hook_review_week(struct bench_ctx *c)
{
	return hook_missing(c, "the review (a week)");
}

/* The review of the 52 weeks in c->year_keys, from the files on disk: what
 * `focusweek review --weeks 52` computes. */
int hook_review_year(struct bench_ctx *c)
{
	return hook_missing(c, "the review (52 weeks)");
}

/* `focusweek timer status`: read timer.json and format the status line.
 * The set has no running timer; write one with store_save_timer first (the
 * status floor reads c->scratch/timer.json, a representative one). */
int hook_timer_status(struct bench_ctx *c)
{
	return hook_missing(c, "timer status");
}
