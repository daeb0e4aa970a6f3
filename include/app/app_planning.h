/* app_planning.h - the Monday-morning planning through the application
 * layer: reading the week and the weeks before it, and applying the
 * choices as one change.  The steps in between are the planning feature's
 * (planning.h), on the copies held here, so nothing changes until applied. */
#ifndef FOCUSWEEK_APP_PLANNING_H
#define FOCUSWEEK_APP_PLANNING_H

#include <stdbool.h>

#include "app.h"
#include "error.h"
#include "model.h"
#include "planning.h"

struct app_planning {
	struct plan *plan;                        /* a copy of the plan when opened */
	struct week *week;                        /* the week planned, as read */
	struct week *past[PLANNING_YIELD_WEEKS];  /* past[0] = the week before */
	struct planning *pl;                      /* the proposals and the choices */
	char warning[640];                        /* past weeks that could not be read
						     (counted as empty), or "" */
};

/*
 * Reads week `key` and the weeks before it and starts their planning, made
 * at (today, minute).  With `strict`, a past week that cannot be read is an
 * error; without, it counts as empty and `warning` says so.
 */
int app_planning_open(struct app *app, int key, date_t today, int minute, bool strict,
		      struct app_planning **out, struct error *err);
void app_planning_free(struct app_planning *ap);
/* Applies the chosen items as one change of the week, named `label` (NULL:
 * "planned 2026-W50: 3 changes"); refused (nothing changed) when the week
 * changed since it was read. */
int app_planning_apply(struct app *app, const struct app_planning *ap, const char *label,
		       struct app_result *res, struct error *err);
/* Notes in plan.json that week `key` was planned, so the planning does not
 * open by itself in it again.  Nothing to do for a week already noted. */
int app_planning_note(struct app *app, int key, struct app_result *res, struct error *err);

#endif
