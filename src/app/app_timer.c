/* app_timer.c - the focus timer through the application layer: each
 * action is one change (app_txn.c) of timer.json and the block's week. */
#include "app_timer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app_int.h"
#include "duration.h"
#include "xalloc.h"

static void at_result_init(struct timer_result *res)
{
	memset(res, 0, sizeof *res);
	timer_state_init(&res->state);
}

/* Reads timer.json into *t (initialized); *present false when none runs. */
static int at_load(struct app *app, struct timer_state *t, bool *present, struct error *err)
{
	struct timer_state loaded;

	*present = false;
	if (app->boot.store == NULL)
		return 0;
	if (store_load_timer(app->boot.store, &loaded, present, err) != 0)
		return -1;
	if (*present) {
		timer_state_clear(t);
		*t = loaded;
	}
	return 0;
}

int app_timer_load(struct app *app, struct timer_state *t, bool *present, struct error *err)
{
	*present = false;
	if (app->boot.store == NULL)
		return 0;
	return store_load_timer(app->boot.store, t, present, err);
}

/*
 * The week holding t's block, into *w, and t refreshed from the block.
 * Returns 0, or 1 when the timer is stale (err says why, *w is NULL), or -1
 * on an error.
 */
static int at_find(struct app_txn *tx, struct timer_state *t, struct week **w, struct error *err)
{
	const struct block *b = NULL;
	struct error e = { 0 };

	*w = NULL;
	if (txn_block(tx, t->block, w, &b, &e) != 0 && e.code != ERR_NOTFOUND) {
		if (err != NULL)
			*err = e;
		return -1;
	}
	if (timer_check_block(t, b != NULL ? *w : NULL, err) != 0) {
		*w = NULL;
		return 1;
	}
	timer_state_follow(t, b, txn_plan_now(tx));
	return 0;
}

/* Removes a stale timer; err holds why it is stale and gets the outcome. */
static int at_clear_stale(struct app_txn *tx, struct timer_result *res, struct error *err)
{
	struct error e = { 0 };
	char why[sizeof e.msg];

	snprintf(why, sizeof why, "%s", err != NULL ? err->msg : "the timer is stale");
	res->why = TIMER_REFUSED_STALE;
	txn_timer_clear(tx);
	if (txn_commit(tx, NULL, NULL, &e) != 0)
		return error_set(err, e.code, "%s, and it could not be cleared: %s", why, e.msg);
	return error_set(err, ERR_NOTFOUND, "%s; the stale timer was cleared", why);
}

static int at_stop(struct app_txn *tx, const struct timer_action *a, struct week *w, instant_t now,
		   struct timer_result *res, struct error *err)
{
	struct timer_outcome o = { 0 };
	instant_t at;

	if (a->stop_at == NULL && timer_check_forgotten(&res->state, now, err) != 0) {
		res->why = TIMER_REFUSED_FORGOTTEN;
		return -1;
	}
	if (a->stop_at != NULL) {
		if (timer_parse_stop(&res->state, a->stop_at, now, &at, err) != 0)
			return -1;
		now = at; /* the timer ends when the work did */
	}

	o.end = a->end_given ? a->end : timer_default_end(&res->state, now);
	o.sold = a->sold;
	o.minutes = a->minutes;
	o.note = a->note;
	if (timer_finish(&res->state, w, txn_plan_now(tx), &o, now, err) != 0)
		return -1;
	res->end = o.end;
	res->ended = now;
	/* The block's week and the end of the timer: both, or neither. */
	txn_timer_clear(tx);
	return 0;
}

static int at_act(struct app_txn *tx, const struct timer_action *a, struct week *w, instant_t now,
		  struct timer_result *res, struct error *err)
{
	struct timer_state *t = &res->state;
	int rc;

	switch (a->op) {
	case TIMER_OP_PAUSE:
		rc = timer_pause(t, now, err);
		break;
	case TIMER_OP_RESUME:
		rc = timer_resume(t, now, err);
		break;
	case TIMER_OP_TOGGLE:
		rc = t->paused_at ? timer_resume(t, now, err) : timer_pause(t, now, err);
		break;
	case TIMER_OP_EXTEND:
		rc = timer_extend(t, a->amount, now, err);
		break;
	case TIMER_OP_COUNT:
		rc = timer_count(t, a->counter, a->amount, now, err);
		break;
	case TIMER_OP_INTERRUPT:
		rc = timer_interrupt(t, a->note, now, err);
		if (rc == 0 && a->pause && t->paused_at == 0)
			rc = timer_pause(t, now, err);
		break;
	case TIMER_OP_STOP:
		return at_stop(tx, a, w, now, res, err);
	default:
		return error_set(err, ERR_USAGE, "unknown timer action");
	}
	if (rc == 0)
		txn_timer_set(tx, t);
	return rc;
}

int app_timer_act(struct app *app, const struct timer_action *a, instant_t now,
		  struct timer_result *res, struct error *err)
{
	struct app_txn tx;
	struct week *w = NULL;
	bool present;
	int rc;

	at_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	rc = at_load(app, &res->state, &present, err);
	if (rc == 0 && !present) {
		res->why = TIMER_REFUSED_NONE;
		rc = error_set(err, ERR_NOTFOUND, "no timer is running");
	}
	if (rc == 0) {
		rc = at_find(&tx, &res->state, &w, err);
		if (rc == 1)
			return at_clear_stale(&tx, res, err);
	}
	if (rc == 0)
		rc = at_act(&tx, a, w, now, res, err);
	if (rc != 0) {
		txn_end(&tx);
		return -1;
	}
	tx.undoable = false;
	return txn_commit(&tx, NULL, NULL, err);
}

/* ---------------------------------------------------------------- start */

static int at_nothing_now(const struct block *next, instant_t now, struct error *err)
{
	char day[16], hhmm[DATE_TIME_SHOW_MAX], at[DATE_TIME_SHOW_MAX], on[16];
	date_t today;
	int minute;

	clock_to_local(now, &today, &minute, NULL);
	date_format_short(today, day);
	date_time_show(minute, hhmm);
	if (next == NULL)
		return error_set(err, ERR_NOTFOUND,
				 "no planned block is happening now (%s %s) "
				 "and none is left this week; give a block's id to start one",
				 day, hhmm);
	date_time_show(next->start, at);
	date_format_short(next->date, on);
	return error_set(err, ERR_NOTFOUND,
			 "no planned block is happening now (%s %s); the "
			 "next is %s \"%s\" at %s%s%s; give its id to start it now",
			 day, hhmm, next->id, next->title, at, next->date == today ? "" : " on ",
			 next->date == today ? "" : on);
}

/* The block to start, `id` or the one happening now. */
static int at_target(struct app_txn *tx, const char *id, instant_t now, const struct block **b,
		     struct error *err)
{
	const struct block *next;
	struct week *w;

	if (id != NULL)
		return txn_block(tx, id, &w, b, err);
	if (txn_week(tx, date_week_key(clock_today(now)), &w, err) != 0)
		return -1;
	*b = timer_block_now(w, now, &next);
	return *b != NULL ? 0 : at_nothing_now(next, now, err);
}

/* A running timer stands in the way unless switching away from it. */
static int at_busy(struct timer_state *old, const struct block *b, bool do_switch,
		   instant_t now, struct timer_result *res, struct error *err)
{
	char hhmm[DATE_TIME_SHOW_MAX];
	int minute;

	if (strcmp(old->block, b->id) == 0)
		return error_set(err, ERR_REFUSED, "the timer already runs on %s \"%s\"", b->id,
				 b->title);
	if (do_switch && timer_check_forgotten(old, now, err) != 0) {
		/* Abandoned now, it would log all that time as worked. */
		res->why = TIMER_REFUSED_FORGOTTEN;
		timer_state_clear(&res->state);
		res->state = *old;
		timer_state_init(old);
		return -1;
	}
	if (do_switch)
		return 0;
	clock_to_local(old->started, NULL, &minute, NULL);
	date_time_show(minute, hhmm);
	error_set(err, ERR_REFUSED,
		  "the timer is running on %s \"%s\" (since %s); there is "
		  "only one: stop it first, or switch (that abandons it, keeping its log)",
		  old->block, old->title, hhmm);
	res->why = TIMER_REFUSED_BUSY;
	timer_state_clear(&res->state);
	res->state = *old;
	timer_state_init(old);
	return -1;
}

/* Abandons the old timer in the change that starts the new one. */
static int at_switch(struct app_txn *tx, const struct timer_state *old, struct week *old_w,
		     instant_t now, struct timer_result *res, struct error *err)
{
	struct timer_outcome o = { .end = SESSION_ABANDONED };
	struct timer_view v;
	char worked[DURATION_TEXT];

	if (timer_finish(old, old_w, txn_plan_now(tx), &o, now, err) != 0)
		return -1;
	timer_view(old, now, &v);
	duration_format_secs(v.elapsed, worked);
	snprintf(res->notice, sizeof res->notice,
		 "abandoned the timer on %s \"%s\" after %s worked; its log is kept", old->block,
		 old->title, worked);
	return 0;
}

/* The timer running before the start, if any: *running false when none
 * (a stale one is noted in *stale, with why in *e). */
static int at_old(struct app_txn *tx, struct timer_state *old, struct week **old_w, bool *running,
		  bool *stale, struct error *e, struct error *err)
{
	int rc = at_load(tx->app, old, running, err);

	if (rc != 0 || !*running)
		return rc;
	rc = at_find(tx, old, old_w, e);
	if (rc < 0 && err != NULL)
		*err = *e;
	*stale = rc == 1; /* the new timer replaces it */
	*running = rc == 0;
	return rc < 0 ? -1 : 0;
}

int app_timer_start(struct app *app, const char *id, bool do_switch, instant_t now,
		    struct timer_result *res, struct error *err)
{
	struct timer_state old;
	struct week *old_w = NULL;
	const struct block *b = NULL;
	struct app_txn tx;
	struct error e = { 0 };
	bool running = false, stale = false;
	int rc;

	at_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	timer_state_init(&old);
	rc = at_old(&tx, &old, &old_w, &running, &stale, &e, err);
	if (rc == 0)
		rc = at_target(&tx, id, now, &b, err);
	if (rc == 0 && running)
		rc = at_busy(&old, b, do_switch, now, res, err);
	if (rc == 0)
		rc = timer_start(&res->state, b, txn_plan_now(&tx), now, err);
	if (rc == 0 && running)
		rc = at_switch(&tx, &old, old_w, now, res, err);
	timer_state_clear(&old);
	if (rc != 0) {
		txn_end(&tx);
		return -1;
	}
	if (stale)
		snprintf(res->notice, sizeof res->notice, "%s; that stale timer was replaced",
			 e.msg);
	txn_timer_set(&tx, &res->state);
	tx.undoable = false;
	return txn_commit(&tx, NULL, NULL, err);
}

/* ---------------------------------------------------------------- without it */

int app_timer_check_free(struct app *app, const struct block *b, struct error *err)
{
	struct timer_state t;
	bool present;
	int rc;

	timer_state_init(&t);
	rc = at_load(app, &t, &present, err);
	if (rc == 0 && present && strcmp(t.block, b->id) == 0)
		rc = error_set(err, ERR_REFUSED,
			       "the timer is running on %s \"%s\"; stop the "
			       "timer first: finishing keeps its counts, abandoning keeps its log",
			       b->id, b->title);
	timer_state_clear(&t);
	return rc;
}

/* ---------------------------------------------------------------- peek */

/* A folder that is not one, or cannot be read: said as every command says
 * it, by opening it. */
static int at_folder_error(const char *dir, struct error *err)
{
	struct store *st;

	if (store_open(&st, dir, false, err) == 0) {
		store_close(st);
		return error_set(err, ERR_IO, "%s cannot be read", dir);
	}
	return -1;
}

int app_timer_peek(const char *data_flag, bool demo, struct timer_state *t, bool *present,
		   struct error *err)
{
	struct stat sb;
	char *dir;
	int rc;

	*present = false;
	if (demo)
		return 0; /* a fresh demo has no timer */
	dir = store_default_dir(data_flag, err);
	if (dir == NULL)
		return -1;
	if (stat(dir, &sb) != 0)
		rc = errno == ENOENT || errno == ENOTDIR ? 0 : at_folder_error(dir, err);
	else if (S_ISDIR(sb.st_mode))
		rc = store_peek_timer(dir, t, present, err);
	else
		rc = at_folder_error(dir, err);
	free(dir);
	return rc;
}
