/* bench_hooks.c - the measures of the planner, the review and the timer.
 *
 * Each is one run of its operation, like the ops of bench_ops.c, through the
 * same calls the program makes: the planner through ui_probe.h (its start,
 * screens, key actions, saves and drawing, on the off-screen terminal), the
 * review as `focusweek review` computes it, the timer's status as `focusweek
 * timer status` reads it.
 */
#include "bench.h"

#include <stdlib.h>

#include "buf.h"
#include "clock.h"
#include "review.h"
#include "review_io.h"
#include "store.h"
#include "text.h"
#include "timer.h"
#include "ui_probe.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- planner */

/* The planner on this set's off-screen terminal, opened as a user opens it. */
static int hooks_app(struct bench_ctx *c)
{
	struct ui_options o = { .data_flag = c->fw };

	if (ops_screen(c) != 0)
		return -1;
	if (c->app == NULL && (c->app = ui_probe_open(&o, &c->err)) == NULL)
		return -1;
	return 0;
}

/* The first screen: layout and draw of the week, every cell sent. */
int hook_draw_week(struct bench_ctx *c)
{
	if (hooks_app(c) != 0)
		return -1;
	ui_probe_draw(c->app, true);
	return 0;
}

/* Set-up, not timed as a key: the cursor on this week's first block (the
 * planner opens at today's time, which may be past the day's last slot). */
static int hooks_first_block(struct bench_ctx *c)
{
	if (week_block_count(c->week) == 0 ||
	    !ui_probe_select(c->app, week_block_at(c->week, 0)->id))
		return error_set(&c->err, ERR_NOTFOUND, "no block in %s", c->week_rel);
	return 0;
}

/* A cursor move (down from the first block, then back up) and the redraw
 * it causes. */
int hook_key_move(struct bench_ctx *c)
{
	if (hooks_app(c) != 0 || (c->key_runs == 0 && hooks_first_block(c) != 0))
		return -1;
	ui_probe_key(c->app, c->key_runs++ % 2 ? 'k' : 'j', false);
	return 0;
}

/* A change that saves: the block under the cursor marked done, or back to
 * planned (x), saved durably by the loop, and the redraw. */
int hook_key_save(struct bench_ctx *c)
{
	if (hooks_app(c) != 0)
		return -1;
	if (!c->key_on_block) {
		if (hooks_first_block(c) != 0)
			return -1;
		c->key_on_block = true;
		c->key_saves = 0;
	}
	if (!ui_probe_key(c->app, 'x', false))
		return error_set(&c->err, ERR_IO, "the planner refused to mark %s done",
				 week_block_at(c->week, 0)->id);
	c->key_saves++;
	return 0;
}

/* ---------------------------------------------------------------- review */

static void hooks_request(const struct bench_ctx *c, int n_weeks, struct review_request *rq)
{
	rq->last = c->st.now_week;
	rq->n_weeks = n_weeks;
	clock_to_local(clock_now(), &rq->today, &rq->minute, NULL);
}

/* `focusweek review --weeks N` (JSON and CSV: all_lists): the plan, the
 * span's digests and weeks, the figures. */
static int hooks_review(struct bench_ctx *c, int n_weeks, bool all_lists, bool *full)
{
	struct review_request rq;
	struct review_io io;
	struct plan *p;
	struct review *r = NULL;
	int rc = -1;

	hooks_request(c, n_weeks, &rq);
	if (store_load_plan(c->store, &p, &c->err) != 0)
		return -1;
	if (review_io_load(c->store, p, &rq, all_lists, &io, &c->err) == 0)
		rc = review_io_compute(p, &rq, &io, &r, &c->err);
	for (size_t i = 0; rc == 0 && full != NULL && i < io.n; i++)
		full[i] = io.weeks[i] != NULL;
	review_free(r);
	review_io_free(&io);
	plan_free(p);
	return rc;
}

int hooks_spans(struct bench_ctx *c, struct error *err)
{
	static const int n_weeks[2] = { 1, 52 };

	for (int i = 0; i < 2; i++) {
		struct review_request rq;
		struct review_span span;
		int key;

		hooks_request(c, n_weeks[i], &rq);
		if (review_span(c->plan, &rq, &span, err) != 0)
			return -1;
		c->n_span[i] = review_span_weeks(&span);
		c->span_keys[i] = xcalloc(c->n_span[i], sizeof *c->span_keys[i]);
		c->span_full[i] = xcalloc(c->n_span[i], sizeof *c->span_full[i]);
		key = span.first;
		for (size_t k = 0; k < c->n_span[i]; k++, key = date_week_add(key, 1))
			c->span_keys[i][k] = key;
		/* Twice: the first run keeps the digests the second reads. */
		if (hooks_review(c, n_weeks[i], false, NULL) != 0 ||
		    hooks_review(c, n_weeks[i], false, c->span_full[i]) != 0) {
			*err = c->err;
			return -1;
		}
	}
	return 0;
}

int hook_review_week(struct bench_ctx *c)
{
	return hooks_review(c, 1, false, NULL);
}

int hook_review_year(struct bench_ctx *c)
{
	return hooks_review(c, 52, false, NULL);
}

int hook_review_year_all(struct bench_ctx *c)
{
	return hooks_review(c, 52, true, NULL);
}

/* ---------------------------------------------------------------- timer */

/* `focusweek timer status` on a folder with a running timer (the scratch
 * folder's timer.json): timer.json read as the command reads it
 * (store_peek_timer), the status line made safe for the terminal. */
int hook_timer_status(struct bench_ctx *c)
{
	struct timer_state t;
	struct buf line = BUF_INIT, safe = BUF_INIT;
	bool present = false;

	if (store_peek_timer(c->scratch, &t, &present, &c->err) != 0)
		return -1;
	if (!present)
		return error_set(&c->err, ERR_NOTFOUND, "no timer.json in %s", c->scratch);
	timer_status_line(&line, &t, clock_now(), NULL, TEXT_UTF8, NULL);
	text_safe(&safe, buf_str(&line), TEXT_UTF8);
	buf_free(&line);
	buf_free(&safe);
	timer_state_clear(&t);
	return 0;
}

/* ---------------------------------------------------------------- close */

void hooks_close(struct bench_ctx *c)
{
	if (c->app != NULL) {
		ops_screen(c);
		/* An odd number of marks left the block changed: mark it back. */
		if (c->key_saves % 2)
			ui_probe_key(c->app, 'x', false);
		ui_probe_close(c->app);
		c->app = NULL;
	}
	for (int i = 0; i < 2; i++) {
		free(c->span_keys[i]);
		free(c->span_full[i]);
		c->span_keys[i] = NULL;
		c->span_full[i] = NULL;
	}
}
