/* timer_store.c - the timer through the store: lock, load, check, change,
 * save.  What the command line and the screens call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "timer_store.h"
#include "xalloc.h"

static void ts_result_init(struct timer_result *res)
{
	memset(res, 0, sizeof *res);
	timer_state_init(&res->state);
}

/* Loads timer.json into *t (initialized); *present false when none runs. */
static int ts_load(struct store *st, struct timer_state *t, bool *present, struct error *err)
{
	struct timer_state loaded;

	if (store_load_timer(st, &loaded, present, err) != 0)
		return -1;
	if (*present) {
		timer_state_clear(t);
		*t = loaded;
	}
	return 0;
}


/*
 * Loads the week holding t's block into *w and refreshes t.  Returns 0, or 1
 * when the timer is stale (err says why, *w is NULL), or -1 on an error.
 */
static int ts_find(struct store *st, const struct plan *p, struct timer_state *t,
		   struct week **w, struct error *err)
{
	struct error e = { 0 };

	if (store_load_week(st, p, t->week, w, err) != 0)
		return -1;
	if (week_block_by_id(*w, t->block) == NULL) {
		/* Moved to another week since: look for it. */
		week_free(*w);
		*w = NULL;
		if (store_find_block(st, p, t->block, w, &e) != 0 && e.code != ERR_NOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
	}
	if (timer_check_block(t, *w, err) != 0) {
		week_free(*w);
		*w = NULL;
		return 1;
	}
	timer_state_follow(t, week_block_by_id(*w, t->block), p);
	return 0;
}

/* Removes a stale timer; err holds why it is stale and gets the outcome. */
static int ts_clear_stale(struct store *st, struct timer_result *res, struct error *err)
{
	struct error e = { 0 };
	char why[sizeof e.msg];

	snprintf(why, sizeof why, "%s", err != NULL ? err->msg : "the timer is stale");
	res->why = TIMER_REFUSED_STALE;
	if (store_clear_timer(st, &e) != 0)
		return error_set(err, e.code, "%s, and it could not be cleared: %s", why, e.msg);
	return error_set(err, ERR_NOTFOUND, "%s; the stale timer was cleared", why);
}

static int ts_stop(struct store *st, const struct plan *p, const struct timer_action *a,
		   struct week *w, instant_t now, struct timer_result *res, struct error *err)
{
	struct timer_outcome o = { 0 };
	struct store_txn *tx;

	o.end = a->end_given ? a->end : timer_default_end(&res->state, now);
	o.add.revenue = a->revenue;
	o.note = a->note;
	if (timer_finish(&res->state, w, p, &o, now, err) != 0)
		return -1;
	res->end = o.end;
	/* The block's week and the end of the timer: both, or neither. */
	tx = store_txn_new(st);
	store_txn_week(tx, w);
	store_txn_timer(tx, NULL);
	return store_txn_commit(tx, err);
}

static int ts_act(struct store *st, const struct plan *p, const struct timer_action *a,
		  struct week *w, instant_t now, struct timer_result *res, struct error *err)
{
	struct timer_state *t = &res->state;
	int rc;

	switch (a->op) {
	case TIMER_OP_PAUSE: rc = timer_pause(t, now, err); break;
	case TIMER_OP_RESUME: rc = timer_resume(t, now, err); break;
	case TIMER_OP_TOGGLE:
		rc = t->paused_at ? timer_resume(t, now, err) : timer_pause(t, now, err);
		break;
	case TIMER_OP_EXTEND: rc = timer_extend(t, a->amount, now, err); break;
	case TIMER_OP_COUNT: rc = timer_count(t, a->counter, a->amount, now, err); break;
	case TIMER_OP_INTERRUPT: rc = timer_interrupt(t, a->note, now, err); break;
	case TIMER_OP_STOP: return ts_stop(st, p, a, w, now, res, err);
	default: return error_set(err, ERR_USAGE, "unknown timer action");
	}
	return rc != 0 ? -1 : store_save_timer(st, t, err);
}

int timer_store_apply(struct store *st, const struct plan *p, const struct timer_action *a,
		      instant_t now, struct timer_result *res, struct error *err)
{
	struct week *w = NULL;
	bool present;
	int rc;

	ts_result_init(res);
	if (store_lock(st, STORE_LOCK_WAIT_MS, err) != 0)
		return -1;
	rc = ts_load(st, &res->state, &present, err);
	if (rc == 0 && !present) {
		res->why = TIMER_REFUSED_NONE;
		rc = error_set(err, ERR_NOTFOUND, "no timer is running");
	}
	if (rc == 0) {
		rc = ts_find(st, p, &res->state, &w, err);
		if (rc == 1)
			rc = ts_clear_stale(st, res, err);
	}
	if (rc == 0)
		rc = ts_act(st, p, a, w, now, res, err);
	week_free(w);
	store_unlock(st);
	return rc;
}

/* ---------------------------------------------------------------- start */

static int ts_nothing_now(const struct block *next, instant_t now, struct error *err)
{
	char day[16], hhmm[6], at[6], on[16];
	date_t today;
	int minute;

	clock_to_local(now, &today, &minute, NULL);
	date_format_short(today, day);
	date_time_format(minute, hhmm);
	if (next == NULL)
		return error_set(err, ERR_NOTFOUND, "no planned block is happening now (%s %s) "
				 "and none is left this week; give a block's id to start one",
				 day, hhmm);
	date_time_format(next->start, at);
	date_format_short(next->date, on);
	return error_set(err, ERR_NOTFOUND, "no planned block is happening now (%s %s); the "
			 "next is %s \"%s\" at %s%s%s; give its id to start it now", day, hhmm,
			 next->id, next->title, at, next->date == today ? "" : " on ",
			 next->date == today ? "" : on);
}

/* The block to start, `id` or the one happening now, and its week. */
static int ts_target(struct store *st, const struct plan *p, const char *id, instant_t now,
		     struct week **w, const struct block **b, struct error *err)
{
	const struct block *next;

	if (id != NULL) {
		if (store_find_block(st, p, id, w, err) != 0)
			return -1;
		*b = week_block_by_id(*w, id);
		return 0;
	}
	if (store_load_week(st, p, date_week_key(clock_today(now)), w, err) != 0)
		return -1;
	*b = timer_block_now(*w, now, &next);
	return *b != NULL ? 0 : ts_nothing_now(next, now, err);
}

/* A running timer stands in the way unless switching away from it. */
static int ts_busy(struct timer_state *old, const struct block *b, bool do_switch,
		   struct timer_result *res, struct error *err)
{
	char hhmm[6];
	int minute;

	if (strcmp(old->block, b->id) == 0)
		return error_set(err, ERR_REFUSED, "the timer already runs on %s \"%s\"", b->id,
				 b->title);
	if (do_switch)
		return 0;
	clock_to_local(old->started, NULL, &minute, NULL);
	date_time_format(minute, hhmm);
	error_set(err, ERR_REFUSED, "the timer is running on %s \"%s\" (since %s); there is "
		  "only one: stop it first, or switch (that abandons it, keeping its log)",
		  old->block, old->title, hhmm);
	res->why = TIMER_REFUSED_BUSY;
	timer_state_clear(&res->state);
	res->state = *old;
	timer_state_init(old);
	return -1;
}

/* Abandons the old timer and starts the new one in one change. */
static int ts_switch(struct store *st, const struct plan *p, const struct timer_state *old,
		     struct week *old_w, instant_t now, struct timer_result *res,
		     struct error *err)
{
	struct timer_outcome o = { .end = SESSION_ABANDONED };
	struct store_txn *tx;
	struct timer_view v;
	char worked[32];

	if (timer_finish(old, old_w, p, &o, now, err) != 0)
		return -1;
	tx = store_txn_new(st);
	store_txn_week(tx, old_w);
	store_txn_timer(tx, &res->state);
	if (store_txn_commit(tx, err) != 0)
		return -1;
	timer_view(old, now, &v);
	timer_format_duration(v.elapsed, worked);
	snprintf(res->notice, sizeof res->notice,
		 "abandoned the timer on %s \"%s\" after %s worked; its log is kept", old->block,
		 old->title, worked);
	return 0;
}

int timer_store_start(struct store *st, const struct plan *p, const char *id, bool do_switch,
		      instant_t now, struct timer_result *res, struct error *err)
{
	struct timer_state old;
	struct week *old_w = NULL, *w = NULL;
	const struct block *b = NULL;
	struct error e = { 0 };
	bool running = false, stale = false;
	int rc;

	ts_result_init(res);
	timer_state_init(&old);
	if (store_lock(st, STORE_LOCK_WAIT_MS, err) != 0) {
		timer_state_clear(&old);
		return -1;
	}
	rc = ts_load(st, &old, &running, err);
	if (rc == 0 && running && (rc = ts_find(st, p, &old, &old_w, &e)) != 0) {
		if (rc < 0 && err != NULL)
			*err = e;
		stale = rc == 1; /* the new timer replaces it */
		running = false;
		rc = rc < 0 ? -1 : 0;
	}
	if (rc == 0)
		rc = ts_target(st, p, id, now, &w, &b, err);
	if (rc == 0 && running)
		rc = ts_busy(&old, b, do_switch, res, err);
	if (rc == 0)
		rc = timer_start(&res->state, b, p, now, err);
	if (rc == 0)
		rc = running ? ts_switch(st, p, &old, old_w, now, res, err)
			     : store_save_timer(st, &res->state, err);
	if (rc == 0 && stale)
		snprintf(res->notice, sizeof res->notice, "%s; that stale timer was replaced",
			 e.msg);
	store_unlock(st);
	week_free(w);
	week_free(old_w);
	timer_state_clear(&old);
	return rc;
}

/* ---------------------------------------------------------------- without it */

int timer_store_check_free(struct store *st, const char *id, const char *way_out,
			   struct error *err)
{
	struct timer_state t;
	bool present;
	int rc;

	timer_state_init(&t);
	rc = ts_load(st, &t, &present, err);
	if (rc == 0 && present && strcmp(t.block, id) == 0)
		rc = error_set(err, ERR_REFUSED, "the timer is running on %s; %s", id, way_out);
	timer_state_clear(&t);
	return rc;
}

static int ts_by_hand(struct store *st, const struct plan *p, const char *id,
		      const struct timer_outcome *o, struct error *err)
{
	struct week *w = NULL;
	const struct block *b;
	int rc;

	if (store_lock(st, STORE_LOCK_WAIT_MS, err) != 0)
		return -1;
	rc = store_find_block(st, p, id, &w, err);
	b = rc == 0 ? week_block_by_id(w, id) : NULL;
	if (rc == 0 && b->status != STATUS_DONE)
		rc = timer_store_check_free(st, id, o != NULL ? "stop the timer to finish it (its counts "
				  "go with it)" : "stop the timer first (abandoning it keeps "
				  "its log)", err);
	if (rc == 0)
		rc = o != NULL ? timer_record(w, p, id, o, err) : timer_skip(w, p, id, err);
	if (rc == 0)
		rc = store_save_week(st, w, err);
	week_free(w);
	store_unlock(st);
	return rc;
}

int timer_store_record(struct store *st, const struct plan *p, const char *id,
		       const struct timer_outcome *o, struct error *err)
{
	return ts_by_hand(st, p, id, o, err);
}

int timer_store_skip(struct store *st, const struct plan *p, const char *id,
		     struct error *err)
{
	return ts_by_hand(st, p, id, NULL, err);
}
