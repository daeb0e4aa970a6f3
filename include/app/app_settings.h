/* app_settings.h - changing a setting (settings.h) as one change of
 * plan.json, from the command line, the settings screen or the first-start
 * setup alike. */
#ifndef FOCUSWEEK_APP_SETTINGS_H
#define FOCUSWEEK_APP_SETTINGS_H

#include <stdbool.h>

#include "app.h"
#include "error.h"

/*
 * Sets `key` to `value`, checked as the loader checks plan.json (a theme
 * must also load).  A change that would leave planned blocks outside the
 * day's hours, off the slot grid or on a day that is no longer a work day
 * is refused unless `force`, naming the weeks; with force it is made and
 * the blocks stay where they are (never moved, never dropped), which
 * res->notice says.  res->label reads "quota.target: 25000 -> 30000".
 */
int app_settings_set(struct app *app, const char *key, const char *value, bool force,
		     struct app_result *res, struct error *err);

#endif
