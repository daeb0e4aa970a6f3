/* app.c - the session: opening the data folder, reading weeks as this
 * session knows them, and noticing what other programs changed. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "store_sync.h"
#include "xalloc.h"

void app_settings_in_effect(struct app *app)
{
	const struct settings *s = plan_settings(app->boot.plan);

	date_style_clock12(s->clock == TIME_12H);
	if (s->week_start != date_week_start()) {
		/* Weeks read under the old start hold its first day: read again. */
		date_week_set_start(s->week_start);
		for (size_t i = 0; i < APP_CACHE_WEEKS; i++) {
			week_free(app->cache[i].week);
			app->cache[i].week = NULL;
		}
	}
}

int app_open(struct app **out, const struct app_options *o, struct error *err)
{
	struct app *app = xcalloc(1, sizeof *app);
	struct error lock_err;

	*out = NULL;
	/* The planner makes the folder it will write to; a command makes it at
	 * its first change (a command that only reads writes nothing). */
	if (boot_open(&app->boot, o->data_flag, o->demo, o->planner, err) != 0) {
		free(app);
		return -1;
	}
	app->planner = o->planner;
	app_settings_in_effect(app);
	if (o->planner) {
		app->history = history_new(APP_HISTORY_MAX);
		/* One planner writes; a second one shows the plan read-only. */
		if (store_claim_instance(app->boot.store, &lock_err) != 0)
			store_set_readonly(app->boot.store, lock_err.msg);
	}
	*out = app;
	return 0;
}

void app_close(struct app *app)
{
	if (app == NULL)
		return;
	for (size_t i = 0; i < app->n_unsaved; i++) {
		week_free(app->unsaved[i].week);
		week_free(app->unsaved[i].saved);
	}
	free(app->unsaved);
	for (size_t i = 0; i < APP_CACHE_WEEKS; i++)
		week_free(app->cache[i].week);
	history_free(app->history);
	buf_free(&app->hooks_said);
	boot_close(&app->boot);
	free(app);
}

const struct plan *app_plan(const struct app *app)
{
	return app->boot.plan;
}

const char *app_dir(const struct app *app)
{
	return app->boot.dir;
}

bool app_is_new(const struct app *app)
{
	return app->boot.fresh;
}

bool app_is_demo(const struct app *app)
{
	return app->boot.demo_dir != NULL;
}

bool app_readonly(const struct app *app, const char **why)
{
	return app->boot.store != NULL && store_readonly(app->boot.store, why);
}

bool app_wrote(const struct app *app)
{
	return app->boot.store != NULL && store_wrote(app->boot.store);
}

const char *app_cjson_version(void)
{
	return store_cjson_version();
}

/* ---------------------------------------------------------------- results */

void app_result_init(struct app_result *res)
{
	if (res != NULL)
		memset(res, 0, sizeof *res);
}

void app_result_label(struct app_result *res, const char *fmt, ...)
{
	va_list ap;

	if (res == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(res->label, sizeof res->label, fmt, ap);
	va_end(ap);
}

void app_result_notice(struct app_result *res, const char *fmt, ...)
{
	va_list ap;

	if (res == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(res->notice, sizeof res->notice, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------------- reading */

struct app_unsaved *app_unsaved_entry(const struct app *app, int key)
{
	for (size_t i = 0; i < app->n_unsaved; i++)
		if (week_key(app->unsaved[i].week) == key)
			return &app->unsaved[i];
	return NULL;
}

const struct week *app_unsaved_week(const struct app *app, int key)
{
	const struct app_unsaved *u = app_unsaved_entry(app, key);

	return u != NULL ? u->week : NULL;
}

static struct app_cached *app_cache_slot(struct app *app, int key)
{
	for (size_t i = 0; i < APP_CACHE_WEEKS; i++)
		if (app->cache[i].week != NULL && week_key(app->cache[i].week) == key)
			return &app->cache[i];
	return NULL;
}

void app_cache_put(struct app *app, const struct week *w)
{
	struct app_cached *slot = app_cache_slot(app, week_key(w));
	struct stamp file;

	if (app->boot.store == NULL || !store_week_noted(app->boot.store, week_key(w), &file))
		return; /* not read or written through the store: nothing to check against */
	if (slot == NULL) {
		slot = &app->cache[app->cache_next];
		app->cache_next = (app->cache_next + 1) % APP_CACHE_WEEKS;
	}
	week_free(slot->week);
	slot->week = week_clone(w);
	slot->file = file;
}

int app_read_week(struct app *app, const struct plan *p, int key, struct week **out,
		  struct error *err)
{
	const struct week *unsaved = app_unsaved_week(app, key);
	struct app_cached *cached = app_cache_slot(app, key);

	if (unsaved != NULL) {
		*out = week_clone(unsaved);
		return 0;
	}
	if (app->boot.store == NULL) {
		*out = week_new(p, key); /* no folder yet: every week is empty */
		return 0;
	}
	if (cached != NULL && store_week_still(app->boot.store, key, &cached->file)) {
		*out = week_clone(cached->week);
		return 0;
	}
	if (store_load_week(app->boot.store, p, key, out, err) != 0)
		return -1;
	app_cache_put(app, *out);
	return 0;
}

int app_week(struct app *app, int key, struct week **out, struct error *err)
{
	return app_read_week(app, app->boot.plan, key, out, err);
}

int app_find_block(struct app *app, const char *id, struct week **out, struct error *err)
{
	int key = model_id_week(id);

	/* The week its id names first: the planner's copy of it included. */
	if (key != 0 && app_read_week(app, app->boot.plan, key, out, err) == 0) {
		if (week_block_by_id(*out, id) != NULL)
			return 0;
		week_free(*out);
	}
	*out = NULL;
	if (app->boot.store == NULL)
		return error_set(err, ERR_NOTFOUND, "no block with id %s", id);
	return store_find_block(app->boot.store, app->boot.plan, id, out, err);
}

int app_week_keys(struct app *app, int **keys, size_t *n, struct error *err)
{
	if (app->boot.store == NULL) {
		*keys = NULL;
		*n = 0;
		return 0;
	}
	return store_list_weeks(app->boot.store, keys, n, err);
}

/* ---------------------------------------------------------------- outside */

int app_watch_fd(struct app *app)
{
	return app->boot.store != NULL ? store_watch_fd(app->boot.store) : -1;
}

void app_watch_drain(struct app *app)
{
	if (app->boot.store != NULL)
		store_watch_drain(app->boot.store);
}

/* Reads the plan again; keeps the old one when the new cannot be read. */
static int app_reload_plan(struct app *app, struct error *err)
{
	struct plan *p;

	if (store_load_plan(app->boot.store, &p, err) != 0)
		return -1;
	plan_free(app->boot.plan);
	app->boot.plan = p;
	app->boot.fresh = false;
	app_settings_in_effect(app);
	return 0;
}

unsigned app_outside_changes(struct app *app, int key, struct error *err)
{
	unsigned changed = 0;

	error_clear(err);
	if (app->boot.store == NULL)
		return 0;
	if (app->boot.fresh ? !store_is_fresh(app->boot.store)
			    : store_plan_changed(app->boot.store)) {
		app_reload_plan(app, err);
		changed |= APP_CHANGED_PLAN;
	}
	if (app_unsaved_week(app, key) == NULL && store_week_changed(app->boot.store, key))
		changed |= APP_CHANGED_WEEKS;
	if (store_timer_changed(app->boot.store))
		changed |= APP_CHANGED_TIMER;
	if (store_sync_changed(app->boot.store))
		changed |= APP_CHANGED_SYNC;
	return changed;
}

int app_plan_fresh(struct app *app, struct error *err)
{
	if (app->boot.fresh)
		return store_is_fresh(app->boot.store) ? 0 : app_reload_plan(app, err);
	return store_plan_changed(app->boot.store) ? app_reload_plan(app, err) : 0;
}
