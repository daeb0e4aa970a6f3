/* app_history.c - undo, redo and saving again in the planner.  Each is a
 * change like any other (app_txn.c): under the lock, all or nothing. */
#include <stdio.h>
#include <string.h>

#include "app_int.h"

/* Applies one side of a recorded change, if its weeks still hold the
 * other side: a week changed since by another program is never rolled
 * back over that change. */
static int app_step(struct app *app, bool undo, struct app_result *res, struct error *err)
{
	const struct history_change *c =
		undo ? history_undo_peek(app->history) : history_redo_peek(app->history);
	struct app_txn tx;
	struct week *now;
	char label[sizeof c->label], wk[9];

	app_result_init(res);
	if (c == NULL)
		return error_set(err, ERR_NOTFOUND, "nothing to %s", undo ? "undo" : "redo");
	snprintf(label, sizeof label, "%s", c->label);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		const struct week *from = undo ? c->after[i] : c->before[i];

		if (txn_week(&tx, week_key(from), &now, err) != 0) {
			txn_end(&tx);
			return -1;
		}
		if (!week_equal(now, from)) {
			date_week_format(week_key(from), wk);
			txn_end(&tx);
			return error_set(err, ERR_CONFLICT,
					 "cannot %s \"%s\": %s was changed since, "
					 "and that change is kept",
					 undo ? "undo" : "redo", label, wk);
		}
	}
	for (size_t i = 0; i < c->n; i++)
		txn_put_week(&tx, week_clone(undo ? c->before[i] : c->after[i]), NULL);
	tx.undoable = false;
	tx.replay = true;
	if (res != NULL)
		res->week = week_key(undo ? c->before[0] : c->after[0]);
	if (txn_commit(&tx, label, res, err) != 0)
		return -1;
	if (undo)
		history_undone(app->history);
	else
		history_redone(app->history);
	return 0;
}

int app_undo(struct app *app, struct app_result *res, struct error *err)
{
	return app_step(app, true, res, err);
}

int app_redo(struct app *app, struct app_result *res, struct error *err)
{
	return app_step(app, false, res, err);
}

int app_retry(struct app *app, struct app_result *res, struct error *err)
{
	struct app_txn tx;

	app_result_init(res);
	if (app->n_unsaved == 0)
		return error_set(err, ERR_NOTFOUND, "everything is saved");
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	/* Written whatever the file holds: the store still refuses a file
	 * that another program changed since it was read. */
	for (size_t i = 0; i < app->n_unsaved; i++)
		txn_put_week(&tx, week_clone(app->unsaved[i].week), NULL);
	tx.undoable = false;
	tx.replay = true;
	return txn_commit(&tx, "saved", res, err);
}

size_t app_unsaved_count(const struct app *app)
{
	return app->n_unsaved;
}
