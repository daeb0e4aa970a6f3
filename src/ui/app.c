/* app.c - the planner's data: opening, showing a week, reloading. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "focus.h"
#include "review_view.h"
#include "store.h"

void app_message(struct app *a, enum theme_role role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_role = role;
}

int app_week_key(const struct app *a)
{
	return week_key(a->week);
}

static struct week *app_unsaved(const struct app *a, int key)
{
	for (size_t i = 0; i < a->n_unsaved; i++)
		if (week_key(a->unsaved[i]) == key)
			return a->unsaved[i];
	return NULL;
}

void app_show_week(struct app *a, int key)
{
	struct week *w = app_unsaved(a, key);
	struct error err;

	a->week_error[0] = '\0';
	a->data_gen++;
	if (w != NULL) {
		w = week_clone(w);
	} else if (store_load_week(a->boot.store, a->boot.plan, key, &w, &err) != 0) {
		/* Shown empty and read-only, with the reason, so nothing is lost. */
		snprintf(a->week_error, sizeof a->week_error, "%s", err.msg);
		w = week_new(a->boot.plan, key);
	}
	week_free(a->week);
	a->week = w;
	if (a->week_error[0])
		app_message(a, ROLE_ERROR, "%s", a->week_error);
	cursor_clamp(a);
}

bool app_refuse_edit(struct app *a)
{
	const char *why;

	if (a->week_error[0]) {
		app_message(a, ROLE_ERROR, "this week's file is damaged, so it is read-only: %s",
			    a->week_error);
		return true;
	}
	if (store_readonly(a->boot.store, &why)) {
		app_message(a, ROLE_WARNING, "read-only: %s", why);
		return true;
	}
	return false;
}

int app_open(struct app *a, const struct ui_options *opt, struct error *err)
{
	struct error lock_err;
	date_t day;
	int minute;

	memset(a, 0, sizeof *a);
	if (boot_open(&a->boot, opt->data_flag, opt->demo, err) != 0)
		return -1;
	a->history = history_new(500);
	a->now = clock_now();
	clock_to_local(a->now, &a->today, &a->now_minute, NULL);
	if (store_claim_instance(a->boot.store, &lock_err) != 0) {
		char why[700];

		snprintf(why, sizeof why, "%s", lock_err.msg);
		store_set_readonly(a->boot.store, why);
	}
	day = opt->has_date ? opt->date : a->today;
	a->day = date_weekday(day);
	a->weekend = (plan_settings(a->boot.plan)->work_days & 0x60) != 0 || a->day >= 5;
	{
		const struct settings *s = plan_settings(a->boot.plan);
		int m = day == a->today ? a->now_minute : s->day_start;

		minute = m < s->day_start ? s->day_start : m >= s->day_end ? s->day_end - 1 : m;
		a->slot = (minute - s->day_start) / s->slot;
	}
	a->top = a->slot > 2 ? a->slot - 2 : 0;
	app_show_week(a, date_week_key(day));
	if (a->boot.first_run)
		app_message(a, ROLE_OK, "Welcome: a starter plan was created. Press ? for help.");
	else if (a->boot.demo_dir != NULL)
		app_message(a, ROLE_OK, "Demo plan: changes are thrown away on quit. ? for help.");
	return 0;
}

void app_close(struct app *a)
{
	review_data_drop(a);
	change_discard_pending(a);
	for (size_t i = 0; i < a->n_unsaved; i++)
		week_free(a->unsaved[i]);
	week_free(a->week);
	timer_state_clear(&a->timer);
	history_free(a->history);
	boot_close(&a->boot);
}

/* Re-reads the plan, and the week on screen, when another program changed
 * them.  An unsaved week of ours is not replaced: its retry will report the
 * conflict instead. */
unsigned app_reload_changed(struct app *a)
{
	struct error err;
	unsigned out = APP_NONE;
	int key = app_week_key(a);

	if (store_plan_changed(a->boot.store)) {
		struct plan *p;

		if (store_load_plan(a->boot.store, &p, &err) == 0) {
			plan_free(a->boot.plan);
			a->boot.plan = p;
			app_show_week(a, key);
			app_message(a, ROLE_WARNING,
				    "the plan was changed by another program; reloaded");
		} else {
			app_message(a, ROLE_ERROR, "%s", err.msg);
		}
		out |= APP_REDRAW;
	} else if (app_unsaved(a, key) == NULL && store_week_changed(a->boot.store, key)) {
		char id[MODEL_ID_MAX] = "";
		const struct block *b = cursor_block(a);

		if (b != NULL)
			snprintf(id, sizeof id, "%s", b->id);
		app_show_week(a, key);
		if (id[0] && !cursor_to_block(a, id))
			cursor_clamp(a);
		if (!a->week_error[0])
			app_message(a, ROLE_WARNING,
				    "this week was changed by another program; reloaded");
		out |= APP_REDRAW;
	}
	if (store_timer_changed(a->boot.store))
		out |= focus_timer_reload(a);
	return out;
}
