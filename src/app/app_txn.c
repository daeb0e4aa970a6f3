/* app_txn.c - the one path every change takes: lock, read, change in
 * place, write what changed as one store transaction, note it for undo.
 *
 * A write the disk refuses (full, I/O error, locked) is kept in the
 * planner's memory with the reason, so nothing the user did is lost, and
 * app_retry saves it later.  A refusal that means the data is not what the
 * change was made from (changed by another program, read-only, damaged)
 * changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "store_sync.h"
#include "xalloc.h"

int txn_begin(struct app_txn *tx, struct app *app, struct error *err)
{
	const char *why;

	memset(tx, 0, sizeof *tx);
	tx->app = app;
	tx->undoable = true;
	timer_state_init(&tx->timer_state);
	if (boot_create(&app->boot, err) != 0) {
		txn_end(tx);
		return -1;
	}
	if (store_readonly(app->boot.store, &why)) {
		error_set(err, ERR_READONLY, "read-only: %s", why);
		txn_end(tx);
		return -1;
	}
	if (store_lock(app->boot.store, STORE_LOCK_WAIT_MS, err) != 0) {
		txn_end(tx);
		return -1;
	}
	tx->locked = true;
	if (app_plan_fresh(app, err) != 0) {
		txn_end(tx);
		return -1;
	}
	if (app->boot.fresh)
		txn_plan(tx); /* the first change writes plan.json with it */
	return 0;
}

void txn_end(struct app_txn *tx)
{
	for (size_t i = 0; i < tx->n; i++) {
		week_free(tx->weeks[i]);
		week_free(tx->before[i]);
	}
	free(tx->weeks);
	free(tx->before);
	plan_free(tx->plan);
	sync_state_free(tx->sync);
	timer_state_clear(&tx->timer_state);
	if (tx->locked)
		store_unlock(tx->app->boot.store);
	memset(tx, 0, sizeof *tx);
}

const struct plan *txn_plan_now(const struct app_txn *tx)
{
	return tx->plan != NULL ? tx->plan : tx->app->boot.plan;
}

static struct week **txn_slot(struct app_txn *tx, int key)
{
	for (size_t i = 0; i < tx->n; i++)
		if (week_key(tx->weeks[i]) == key)
			return &tx->weeks[i];
	return NULL;
}

/* Adds a week (taken) and what it was (taken; NULL: unknown, written
 * whatever it holds). */
static struct week *txn_add(struct app_txn *tx, struct week *w, struct week *before)
{
	if (tx->n == tx->cap) {
		tx->cap = tx->cap ? 2 * tx->cap : 2;
		tx->weeks = xrealloc(tx->weeks, tx->cap * sizeof *tx->weeks);
		tx->before = xrealloc(tx->before, tx->cap * sizeof *tx->before);
	}
	tx->weeks[tx->n] = w;
	tx->before[tx->n] = before;
	tx->n++;
	return w;
}

int txn_week(struct app_txn *tx, int key, struct week **out, struct error *err)
{
	struct week **slot = txn_slot(tx, key), *w;

	if (slot != NULL) {
		*out = *slot;
		return 0;
	}
	if (app_read_week(tx->app, txn_plan_now(tx), key, &w, err) != 0)
		return -1;
	*out = txn_add(tx, w, week_clone(w));
	return 0;
}

int txn_block(struct app_txn *tx, const char *id, struct week **w, const struct block **b,
	      struct error *err)
{
	struct week *found;
	int key = model_id_week(id);

	for (size_t i = 0; i < tx->n; i++) {
		if ((*b = week_block_by_id(tx->weeks[i], id)) != NULL) {
			*w = tx->weeks[i];
			return 0;
		}
	}
	/* The week the id names, else every week. */
	if (key != 0 && txn_week(tx, key, w, NULL) == 0 && (*b = week_block_by_id(*w, id)) != NULL)
		return 0;
	if (store_find_block(tx->app->boot.store, txn_plan_now(tx), id, &found, err) != 0)
		return -1;
	if (txn_slot(tx, week_key(found)) != NULL) {
		/* Only on disk: this change already took it out of its week. */
		week_free(found);
		return error_set(err, ERR_NOTFOUND, "no block with id %s", id);
	}
	*w = txn_add(tx, found, week_clone(found));
	*b = week_block_by_id(*w, id);
	return 0;
}

int txn_put_week(struct app_txn *tx, struct week *w, struct error *err)
{
	struct week **slot = txn_slot(tx, week_key(w));

	(void)err;
	if (slot != NULL) {
		week_free(*slot);
		*slot = w;
	} else {
		txn_add(tx, w, NULL);
	}
	return 0;
}

struct plan *txn_plan(struct app_txn *tx)
{
	if (tx->plan == NULL)
		tx->plan = plan_clone(tx->app->boot.plan);
	return tx->plan;
}

void txn_timer_set(struct app_txn *tx, const struct timer_state *t)
{
	timer_state_clear(&tx->timer_state);
	timer_state_copy(&tx->timer_state, t);
	tx->timer = TXN_TIMER_SET;
}

void txn_timer_clear(struct app_txn *tx)
{
	tx->timer = TXN_TIMER_CLEAR;
}

/* ---------------------------------------------------------------- commit */

bool txn_week_changed(const struct app_txn *tx, size_t i)
{
	return tx->before[i] == NULL || !week_equal(tx->before[i], tx->weeks[i]);
}

static size_t txn_changed_weeks(const struct app_txn *tx)
{
	size_t n = 0;

	for (size_t i = 0; i < tx->n; i++)
		n += txn_week_changed(tx, i);
	return n;
}

static void app_forget_unsaved(struct app *app, int key)
{
	for (size_t i = 0; i < app->n_unsaved; i++) {
		if (week_key(app->unsaved[i].week) == key) {
			week_free(app->unsaved[i].week);
			week_free(app->unsaved[i].saved);
			memmove(&app->unsaved[i], &app->unsaved[i + 1],
				(app->n_unsaved - i - 1) * sizeof *app->unsaved);
			app->n_unsaved--;
			return;
		}
	}
}

/* Keeps w unsaved; the first time, with `before` as the week last saved. */
static void app_keep_unsaved(struct app *app, const struct week *w, const struct week *before)
{
	struct app_unsaved *u = app_unsaved_entry(app, week_key(w));

	if (u != NULL) {
		week_free(u->week);
		u->week = week_clone(w);
		return;
	}
	app->unsaved = xrealloc(app->unsaved, (app->n_unsaved + 1) * sizeof *app->unsaved);
	u = &app->unsaved[app->n_unsaved++];
	u->week = week_clone(w);
	u->saved = before != NULL ? week_clone(before) : NULL;
}

/* Notes the change for undo: weeks only, as many as one change may hold. */
static void txn_history(struct app_txn *tx, const char *label, struct app_result *res)
{
	struct week *before[HISTORY_WEEKS_MAX], *after[HISTORY_WEEKS_MAX];
	size_t n = 0;

	if (tx->app->history == NULL || !tx->undoable || tx->plan != NULL ||
	    tx->timer != TXN_TIMER_KEEP)
		return;
	for (size_t i = 0; i < tx->n; i++) {
		if (!txn_week_changed(tx, i))
			continue;
		if (n == HISTORY_WEEKS_MAX || tx->before[i] == NULL)
			return;
		before[n] = tx->before[i];
		after[n++] = tx->weeks[i];
	}
	history_push(tx->app->history, label, before, after, n);
	if (res != NULL)
		res->undoable = true;
}

/* After the write: the session's copies follow what is on disk. */
static void txn_written(struct app_txn *tx, const char *label, struct app_result *res)
{
	struct app *app = tx->app;

	txn_history(tx, label, res);
	for (size_t i = 0; i < tx->n; i++) {
		if (!txn_week_changed(tx, i))
			continue;
		app_forget_unsaved(app, week_key(tx->weeks[i]));
		app_cache_put(app, tx->weeks[i]);
		if (res != NULL && res->week == 0)
			res->week = week_key(tx->weeks[i]);
	}
	if (tx->plan != NULL) {
		plan_free(app->boot.plan);
		app->boot.plan = tx->plan;
		app->boot.fresh = false;
		tx->plan = NULL;
		app_settings_in_effect(app);
	}
}

/* A write the disk refused: the planner keeps the weeks (only weeks). */
static bool txn_keep(struct app_txn *tx, const char *label, const struct error *e,
		     struct app_result *res)
{
	bool disk = e->code != ERR_CONFLICT && e->code != ERR_READONLY && e->code != ERR_DATA;

	if (!tx->app->planner || !disk || tx->plan != NULL || tx->timer != TXN_TIMER_KEEP)
		return false;
	txn_history(tx, label, res);
	for (size_t i = 0; i < tx->n; i++) {
		if (!txn_week_changed(tx, i))
			continue;
		app_keep_unsaved(tx->app, tx->weeks[i], tx->before[i]);
		if (res != NULL && res->week == 0)
			res->week = week_key(tx->weeks[i]);
	}
	if (res != NULL) {
		res->unsaved = true;
		app_result_notice(res, "%s", e->msg);
	}
	return true;
}

static struct store_txn *txn_store(struct app_txn *tx)
{
	struct store_txn *st = store_txn_new(tx->app->boot.store);

	for (size_t i = 0; i < tx->n; i++)
		if (txn_week_changed(tx, i))
			store_txn_week(st, tx->weeks[i]);
	if (tx->plan != NULL)
		store_txn_plan(st, tx->plan);
	if (tx->timer == TXN_TIMER_SET)
		store_txn_timer(st, &tx->timer_state);
	else if (tx->timer == TXN_TIMER_CLEAR)
		store_txn_timer(st, NULL);
	if (tx->sync != NULL)
		store_txn_sync(st, tx->sync);
	return st;
}

int txn_commit(struct app_txn *tx, const char *label, struct app_result *res, struct error *err)
{
	size_t n = txn_changed_weeks(tx);
	const char *said = label != NULL ? label : res != NULL ? res->label : "";
	struct hook_events hooks = { 0 };
	struct app *app = tx->app;
	struct error e = { 0 };
	int rc = 0;

	if (n == 0 && tx->plan == NULL && tx->timer == TXN_TIMER_KEEP && tx->sync == NULL) {
		txn_end(tx);
		return 0;
	}
	txn_install_ensure(tx);
	if (res != NULL) {
		res->changed = (n ? APP_CHANGED_WEEKS : 0) | (tx->plan ? APP_CHANGED_PLAN : 0) |
			       (tx->timer != TXN_TIMER_KEEP ? APP_CHANGED_TIMER : 0) |
			       (tx->sync ? APP_CHANGED_SYNC : 0);
		res->n_weeks = n;
		if (label != NULL && !res->label[0])
			app_result_label(res, "%s", label);
	}
	if (store_txn_commit(txn_store(tx), &e) == 0 || e.committed) {
		/* Committed but not known durable: in place, and still an error.
		 * The hooks first: they read what the session kept unsaved. */
		hooks_collect(tx, res, &hooks);
		txn_written(tx, said, res);
		/* The planner's calendar follows its changes (not the sync's own). */
		if (tx->app->planner && n > 0 && tx->sync == NULL)
			app_sync_follow(tx->app, res);
		if (e.committed) {
			if (err != NULL)
				*err = e;
			rc = -1;
		}
	} else if (!txn_keep(tx, said, &e, res)) {
		if (res != NULL)
			res->changed = 0;
		if (err != NULL)
			*err = e;
		rc = -1;
	}
	txn_end(tx);
	hooks_run(app, &hooks);
	return rc;
}
