/* app_planning.c - reading what a planning needs; applying it as one
 * change. */
#include "app_planning.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "xalloc.h"

static void ap_warn(struct app_planning *ap, const char *msg)
{
	size_t len = strlen(ap->warning);

	snprintf(ap->warning + len, sizeof ap->warning - len, "%s%s", len ? "; " : "", msg);
}

/* A past week; one that cannot be read counts as empty unless strict. */
static int ap_past(struct app *app, struct app_planning *ap, int key, bool strict,
		   struct week **out, struct error *err)
{
	struct error e;

	if (app_read_week(app, ap->plan, key, out, &e) == 0)
		return 0;
	if (strict) {
		if (err != NULL)
			*err = e;
		return -1;
	}
	ap_warn(ap, e.msg);
	ap_warn(ap, "counted as an empty week");
	*out = week_new(ap->plan, key);
	return 0;
}

int app_planning_open(struct app *app, int key, date_t today, int minute, bool strict,
		      struct app_planning **out, struct error *err)
{
	struct app_planning *ap = xcalloc(1, sizeof *ap);

	*out = NULL;
	ap->plan = plan_clone(app->boot.plan);
	if (app_read_week(app, ap->plan, key, &ap->week, err) != 0) {
		app_planning_free(ap);
		return -1;
	}
	for (int k = 0; k < PLANNING_YIELD_WEEKS; k++) {
		if (ap_past(app, ap, date_week_add(key, -(k + 1)), strict, &ap->past[k], err) !=
		    0) {
			app_planning_free(ap);
			return -1;
		}
	}
	ap->pl = planning_new(ap->plan, ap->week, (const struct week *const *)ap->past,
			      PLANNING_YIELD_WEEKS, today, minute);
	*out = ap;
	return 0;
}

void app_planning_free(struct app_planning *ap)
{
	if (ap == NULL)
		return;
	planning_free(ap->pl);
	for (int k = 0; k < PLANNING_YIELD_WEEKS; k++)
		week_free(ap->past[k]);
	week_free(ap->week);
	plan_free(ap->plan);
	free(ap);
}

int app_planning_apply(struct app *app, const struct app_planning *ap, const char *label,
		       struct app_result *res, struct error *err)
{
	size_t n = planning_change_count(ap->pl);
	struct week *now, *planned;
	struct app_txn tx;
	char wk[9];

	app_result_init(res);
	date_week_format(week_key(ap->week), wk);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (txn_week(&tx, week_key(ap->week), &now, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	if (!week_equal(now, ap->week)) {
		txn_end(&tx);
		return error_set(err, ERR_CONFLICT,
				 "%s was changed since this planning was made; "
				 "nothing was changed, plan it again",
				 wk);
	}
	if (planning_apply(ap->pl, &planned, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	txn_put_week(&tx, planned, NULL);
	tx.hook_plan = true;
	if (label != NULL)
		app_result_label(res, "%s", label);
	else
		app_result_label(res, "planned %s: %zu change%s", wk, n, n == 1 ? "" : "s");
	return txn_commit(&tx, NULL, res, err);
}

int app_planning_note(struct app *app, int key, struct app_result *res, struct error *err)
{
	struct app_txn tx;
	char wk[9];

	app_result_init(res);
	if (key <= plan_last_planned_week(app->boot.plan))
		return 0;
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	plan_set_last_planned_week(txn_plan(&tx), key);
	tx.undoable = false;
	date_week_format(key, wk);
	app_result_label(res, "%s noted as planned", wk);
	return txn_commit(&tx, NULL, res, err);
}
