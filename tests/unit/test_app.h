/* test_app.h - what the application-layer tests share: a data folder
 * holding the starter plan and its week, and a session opened on it. */
#ifndef FOCUSWEEK_TEST_APP_H
#define FOCUSWEEK_TEST_APP_H

#include <stdbool.h>

#include "app.h"
#include "starter.h"
#include "store.h"
#include "testutil.h"

/* Writes the starter plan and its week `key` into the folder dir. */
static inline void ta_seed(const char *dir, int key)
{
	struct store *st;
	struct plan *p;
	struct week *w;
	struct error err;

	assert_int_equal(store_open(&st, dir, true, &err), 0);
	p = starter_plan();
	w = starter_week(p, key);
	assert_int_equal(store_save_plan(st, p, &err), 0);
	assert_int_equal(store_save_week(st, w, &err), 0);
	week_free(w);
	plan_free(p);
	store_close(st);
}

/* A session on dir, as the full-screen planner opens it (the session
 * lock, undo) or as the command line does; fails the test if it cannot. */
static inline struct app *ta_open(const char *dir, bool planner)
{
	struct app_options o = { .data_flag = dir, .planner = planner };
	struct app *app;
	struct error err;

	if (app_open(&app, &o, &err) != 0)
		fail_msg("app_open: %s", err.msg);
	return app;
}

#endif
