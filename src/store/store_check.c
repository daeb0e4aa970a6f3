/* store_check.c - `focusweek check`: every data file, whose each file is,
 * and the temp files of writers that died. */
#include "store.h"

#include <stdlib.h>

#include "journal.h"
#include "store_int.h"
#include "store_sync.h"

/* Under the lock, so that no writer is between its temp file and its
 * rename; skipped when another holds it or the folder cannot be written. */
static void check_sweep(struct store *st)
{
	struct error err;

	if (st->readonly || store_lock(st, 0, &err) != 0)
		return;
	store_clean_temps(st);
	store_unlock(st);
}

/* sync.json, when the calendar sync ran (absent is none). */
static int check_sync(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx)
{
	struct sync_state *s;
	struct error err = { 0 };

	if (store_load_sync(st, &s, &err) != 0) {
		report(err.msg, ctx);
		return 1;
	}
	sync_state_free(s);
	return 0;
}

/* The timer and every week; the plan first, without which weeks cannot be
 * read.  A folder without plan.json nor weeks is new: nothing to check. */
static int check_files(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx)
{
	struct error err = { 0 };
	struct plan *p = NULL;
	struct timer_state t;
	bool present;
	int *keys = NULL, problems = 0;
	size_t n = 0;

	if (store_is_fresh(st) && store_list_weeks(st, &keys, &n, &err) == 0 && n == 0) {
		free(keys);
		return 0;
	}
	free(keys);
	keys = NULL;
	n = 0;
	if (store_load_plan(st, &p, &err) != 0) {
		report(err.msg, ctx);
		return 1;
	}
	if (store_load_timer(st, &t, &present, &err) != 0) {
		report(err.msg, ctx);
		problems++;
	} else if (present) {
		timer_state_clear(&t);
	}
	problems += check_sync(st, report, ctx);
	if (store_list_weeks(st, &keys, &n, &err) != 0) {
		report(err.msg, ctx);
		problems++;
	}
	for (size_t i = 0; i < n; i++) {
		struct week *w;

		if (store_load_week(st, p, keys[i], &w, &err) != 0) {
			report(err.msg, ctx);
			problems++;
			continue;
		}
		week_free(w);
	}
	free(keys);
	plan_free(p);
	return problems;
}

int store_check_all(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx)
{
	int problems = 0;

	check_sweep(st);
	if (journal_exists(st->dirfd)) {
		report("a journal of an interrupted change is waiting to be replayed", ctx);
		problems++;
	}
	problems += store_safety_report(st, report, ctx);
	return problems + check_files(st, report, ctx);
}
