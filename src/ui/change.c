/* change.c - proposing, saving, undoing and redoing changes.
 *
 * Handlers only propose: they build the new state of a week (through the
 * core, which checks every rule) and return APP_CHANGE.  The loop then calls
 * change_commit, which saves through the durable store and records the
 * change for undo.  A save that fails keeps the new state on screen and in
 * app.unsaved, so nothing the user did is lost; Ctrl-S retries.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "store.h"

void change_discard_pending(struct app *a)
{
	for (size_t i = 0; i < a->pending.n; i++)
		week_free(a->pending.after[i]);
	a->pending.n = 0;
}

void change_propose(struct app *a, const char *label, struct week *after)
{
	change_discard_pending(a);
	a->pending.follow = 0;
	snprintf(a->pending.label, sizeof a->pending.label, "%s", label);
	a->pending.after[0] = after;
	a->pending.n = 1;
}

void change_propose2(struct app *a, const char *label, struct week *after1,
		     struct week *after2)
{
	change_propose(a, label, after1);
	a->pending.after[1] = after2;
	a->pending.n = 2;
}

/* The current state of week `key`: on screen, unsaved, or on disk. */
static struct week *change_current(struct app *a, int key, struct error *err)
{
	struct week *w = NULL;

	if (app_week_key(a) == key)
		return week_clone(a->week);
	for (size_t i = 0; i < a->n_unsaved; i++)
		if (week_key(a->unsaved[i]) == key)
			return week_clone(a->unsaved[i]);
	if (store_load_week(a->boot.store, a->boot.plan, key, &w, err) != 0)
		return NULL;
	return w;
}

static void change_keep_unsaved(struct app *a, struct week *const *weeks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t j;

		for (j = 0; j < a->n_unsaved; j++)
			if (week_key(a->unsaved[j]) == week_key(weeks[i]))
				break;
		if (j < a->n_unsaved) {
			week_free(a->unsaved[j]);
		} else if (a->n_unsaved == HISTORY_WEEKS_MAX) {
			week_free(a->unsaved[0]); /* cannot happen: moves touch 2 weeks */
			memmove(&a->unsaved[0], &a->unsaved[1],
				(HISTORY_WEEKS_MAX - 1) * sizeof a->unsaved[0]);
			j = --a->n_unsaved;
		} else {
			a->n_unsaved++;
		}
		a->unsaved[j] = week_clone(weeks[i]);
	}
}

static void change_forget_unsaved(struct app *a, int key)
{
	for (size_t i = 0; i < a->n_unsaved; i++) {
		if (week_key(a->unsaved[i]) == key) {
			week_free(a->unsaved[i]);
			memmove(&a->unsaved[i], &a->unsaved[i + 1],
				(a->n_unsaved - i - 1) * sizeof a->unsaved[0]);
			a->n_unsaved--;
			return;
		}
	}
}

/* Puts new week states on screen (the one shown, if among them). */
static void change_show(struct app *a, struct week *const *weeks, size_t n)
{
	a->data_gen++;
	for (size_t i = 0; i < n; i++) {
		if (week_key(weeks[i]) == app_week_key(a)) {
			week_free(a->week);
			a->week = week_clone(weeks[i]);
		}
	}
	cursor_clamp(a);
}

/*
 * Saves the given week states, all or nothing.  Returns 0 when saved, 1 when
 * kept unsaved after a failure, -1 when refused (conflict, read-only): then
 * nothing changed.
 */
static int change_save(struct app *a, struct week *const *weeks, size_t n)
{
	struct store_txn *tx;
	struct error err;

	if (app_refuse_edit(a))
		return -1;
	tx = store_txn_new(a->boot.store);
	for (size_t i = 0; i < n; i++)
		store_txn_week(tx, weeks[i]);
	if (store_txn_commit(tx, &err) == 0 || err.committed) {
		for (size_t i = 0; i < n; i++)
			change_forget_unsaved(a, week_key(weeks[i]));
		change_show(a, weeks, n);
		if (err.committed)
			app_message(a, ROLE_WARNING, "%s", err.msg);
		return 0;
	}
	if (err.code == ERR_CONFLICT || err.code == ERR_READONLY || err.code == ERR_DATA) {
		app_show_week(a, app_week_key(a));
		app_message(a, ROLE_ERROR, "not changed: %s", err.msg);
		return -1;
	}
	/* The disk failed (full, I/O error, locked): keep the work. */
	change_keep_unsaved(a, weeks, n);
	change_show(a, weeks, n);
	app_message(a, ROLE_ERROR, "NOT SAVED: %s. Your change is kept; Ctrl-S retries", err.msg);
	return 1;
}

unsigned change_commit(struct app *a)
{
	struct week *before[HISTORY_WEEKS_MAX];
	size_t n = a->pending.n;
	struct error err;
	int rc;

	if (n == 0)
		return APP_NONE;
	for (size_t i = 0; i < n; i++) {
		before[i] = change_current(a, week_key(a->pending.after[i]), &err);
		if (before[i] == NULL) {
			for (size_t k = 0; k < i; k++)
				week_free(before[k]);
			change_discard_pending(a);
			app_message(a, ROLE_ERROR, "not changed: %s", err.msg);
			return APP_REDRAW;
		}
	}
	rc = change_save(a, a->pending.after, n);
	if (rc >= 0) {
		history_push(a->history, a->pending.label, before, a->pending.after, n);
		if (a->pending.follow && a->pending.follow != app_week_key(a))
			app_show_week(a, a->pending.follow);
		if (rc == 0)
			app_message(a, ROLE_STATUS, "%s  (u undoes)", a->pending.label);
	}
	for (size_t i = 0; i < n; i++)
		week_free(before[i]);
	change_discard_pending(a);
	return APP_REDRAW;
}

/* Applies one side of a recorded change, if the weeks still hold the other. */
static unsigned change_step(struct app *a, const struct history_change *c, bool undo)
{
	struct week *const *from = undo ? c->after : c->before;
	struct week *const *to = undo ? c->before : c->after;
	struct error err;

	for (size_t i = 0; i < c->n; i++) {
		struct week *now = change_current(a, week_key(from[i]), &err);
		bool same = now != NULL && week_equal(now, from[i]);

		week_free(now);
		if (!same) {
			char wk[9];

			date_week_format(week_key(from[i]), wk);
			app_message(a, ROLE_WARNING,
				    "cannot %s \"%s\": %s was changed since, and that change is kept",
				    undo ? "undo" : "redo", c->label, wk);
			return APP_REDRAW;
		}
	}
	if (change_save(a, to, c->n) < 0)
		return APP_REDRAW;
	/* Follow the change to its week. */
	if (week_key(to[0]) != app_week_key(a))
		app_show_week(a, week_key(to[0]));
	app_message(a, ROLE_STATUS, "%s: %s", undo ? "undone" : "redone", c->label);
	if (undo)
		history_undone(a->history);
	else
		history_redone(a->history);
	return APP_REDRAW;
}

unsigned change_undo(struct app *a)
{
	const struct history_change *c = history_undo_peek(a->history);

	if (c == NULL) {
		app_message(a, ROLE_STATUS, "nothing to undo");
		return APP_REDRAW;
	}
	return change_step(a, c, true);
}

unsigned change_redo(struct app *a)
{
	const struct history_change *c = history_redo_peek(a->history);

	if (c == NULL) {
		app_message(a, ROLE_STATUS, "nothing to redo");
		return APP_REDRAW;
	}
	return change_step(a, c, false);
}

unsigned change_retry(struct app *a)
{
	struct week *weeks[HISTORY_WEEKS_MAX];
	size_t n = a->n_unsaved;

	if (n == 0) {
		app_message(a, ROLE_STATUS, "everything is saved");
		return APP_REDRAW;
	}
	for (size_t i = 0; i < n; i++)
		weeks[i] = week_clone(a->unsaved[i]);
	if (change_save(a, weeks, n) == 0)
		app_message(a, ROLE_OK, "saved");
	for (size_t i = 0; i < n; i++)
		week_free(weeks[i]);
	return APP_REDRAW;
}
