/* app_catalog.h - what plan.json holds besides the settings: industries,
 * accounts, templates, the theme.  Each call is one change (app.h); ids
 * are those of the plan (app_plan). */
#ifndef FOCUSWEEK_APP_CATALOG_H
#define FOCUSWEEK_APP_CATALOG_H

#include <stdbool.h>

#include "app.h"
#include "error.h"
#include "model.h"

/* Adds an industry (color 0: the next free slot), or brings back the
 * archived one of that name. */
int app_industry_add(struct app *app, const char *name, int color, struct app_result *res,
		     struct error *err);
int app_industry_rename(struct app *app, int id, const char *name, struct app_result *res,
			struct error *err);
int app_industry_color(struct app *app, int id, int color, struct app_result *res,
		       struct error *err);
/* Archives an industry (history keeps it; it is no longer offered) or
 * brings it back. */
int app_industry_archive(struct app *app, int id, bool archived, struct app_result *res,
			 struct error *err);
/* Removes an industry nothing names (archived or not); one that blocks,
 * niches, sales or templates still name is archived instead (res->notice
 * says so), and an archived one still named stays archived, refused. */
int app_industry_remove(struct app *app, int id, struct app_result *res, struct error *err);

/* Adds an account (baseline < 0: none given), or brings back the archived
 * one of that name (a baseline given replaces its own). */
int app_account_add(struct app *app, const char *name, int baseline, struct app_result *res,
		     struct error *err);
int app_account_rename(struct app *app, int id, const char *name, struct app_result *res,
		       struct error *err);
int app_account_baseline(struct app *app, int id, int minutes, struct app_result *res,
			 struct error *err);
int app_account_archive(struct app *app, int id, bool archived, struct app_result *res,
			struct error *err);
/* As app_industry_remove. */
int app_account_remove(struct app *app, int id, struct app_result *res, struct error *err);

/* Keeps the blocks of week `key` as template `name` (replacing one of that
 * name); res->notice sums it up.  Refused for a week with nothing to keep. */
int app_template_save(struct app *app, const char *name, int key, struct app_result *res,
		      struct error *err);
int app_template_remove(struct app *app, const char *name, struct app_result *res,
			struct error *err);

/* Makes theme `name` the plan's: app_settings_set of "theme". */
int app_theme_use(struct app *app, const char *name, struct app_result *res,
		  struct error *err);

#endif
