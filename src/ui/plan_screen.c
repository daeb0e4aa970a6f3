/* plan_screen.c - the planning screen's life: opening it on the week shown
 * (with copies of the plan and the weeks it needs, every step proposed with
 * its defaults), once by itself in a new week, noting that in plan.json,
 * and closing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_view.h"
#include "store.h"
#include "xalloc.h"

/* ---- opening and closing ---- */

void plan_screen_close(struct app *a)
{
	struct plan_state *ps = a->plan_state;

	if (ps == NULL)
		return;
	planning_free(ps->pl);
	for (int k = 0; k < PLANNING_YIELD_WEEKS; k++)
		week_free(ps->past[k]);
	week_free(ps->week);
	plan_free(ps->plan);
	free(ps);
	a->plan_state = NULL;
	if (a->context == CTX_PLAN || (a->context == CTX_HELP && a->help_return == CTX_PLAN))
		a->context = CTX_WEEK;
	if (a->help_return == CTX_PLAN)
		a->help_return = CTX_WEEK;
}

static void plan_warn(struct plan_state *ps, const char *msg)
{
	size_t len = strlen(ps->warning);

	snprintf(ps->warning + len, sizeof ps->warning - len, "%s%s", len ? "; " : "", msg);
}

/* Week `key` as this session knows it: an unsaved copy, else the file; a
 * file that cannot be read counts as an empty week, with a note. */
static struct week *plan_load_week(struct app *a, struct plan_state *ps, int key)
{
	struct week *w = NULL;
	struct error err;

	for (size_t i = 0; i < a->n_unsaved; i++)
		if (week_key(a->unsaved[i]) == key)
			return week_clone(a->unsaved[i]);
	if (store_load_week(a->boot.store, ps->plan, key, &w, &err) == 0)
		return w;
	plan_warn(ps, err.msg);
	plan_warn(ps, "counted as an empty week");
	return week_new(ps->plan, key);
}

int plan_screen_layout(struct plan_state *ps, struct error *err)
{
	char empty[] = "";
	struct template none = { .name = empty, .blocks = NULL, .n_blocks = 0 };
	const struct template *t = NULL;

	if (ps->layout >= 0)
		t = plan_template_at(ps->plan, (size_t)ps->layout);
	else if (ps->layout == PLAN_LAYOUT_NONE)
		t = &none;
	return planning_layout(ps->pl, t, ps->stagger, err);
}

/* Every step with its defaults: the rotation continued, the first template
 * (else last week's structure), carry-over, the account report, quota. */
static void plan_compute(struct plan_state *ps)
{
	struct error err;

	if (plan_template_count(ps->plan) > 0)
		ps->layout = 0;
	else if (week_block_count(ps->past[0]) > 0)
		ps->layout = PLAN_LAYOUT_COPY;
	else
		ps->layout = PLAN_LAYOUT_NONE;
	/* Each step on its own: one that cannot be proposed leaves the others. */
	if (planning_rotate(ps->pl, false, &err) != 0)
		plan_warn(ps, err.msg);
	if (plan_screen_layout(ps, &err) != 0)
		plan_warn(ps, err.msg);
	if (planning_carry_over(ps->pl, &err) != 0)
		plan_warn(ps, err.msg);
	if (planning_trim_accounts(ps->pl, 0, &err) != 0 || planning_offer_freed(ps->pl, &err) != 0)
		plan_warn(ps, err.msg);
	if (planning_quota(ps->pl, &err) != 0)
		plan_warn(ps, err.msg);
}

unsigned plan_screen_open(struct app *a)
{
	struct plan_state *ps;
	int key = app_week_key(a);

	if (app_refuse_edit(a))
		return APP_REDRAW;
	plan_screen_close(a);
	ps = xcalloc(1, sizeof *ps);
	ps->plan = plan_clone(a->boot.plan);
	ps->week = week_clone(a->week);
	for (int k = 0; k < PLANNING_YIELD_WEEKS; k++)
		ps->past[k] = plan_load_week(a, ps, date_week_add(key, -(k + 1)));
	ps->pl = planning_new(ps->plan, ps->week, (const struct week *const *)ps->past,
			      PLANNING_YIELD_WEEKS, a->today, a->now_minute);
	plan_compute(ps);
	a->plan_state = ps;
	a->context = CTX_PLAN;
	if (key > plan_last_planned_week(a->boot.plan))
		a->plan_record = key;
	return APP_REDRAW;
}

void plan_screen_auto(struct app *a)
{
	int key = date_week_key(a->today);

	if (a->boot.demo_dir != NULL || store_readonly(a->boot.store, NULL) || a->week_error[0] ||
	    plan_last_planned_week(a->boot.plan) >= key)
		return;
	if (app_week_key(a) == key)
		plan_screen_open(a);
}

unsigned plan_screen_record(struct app *a)
{
	int key = a->plan_record, old = plan_last_planned_week(a->boot.plan);
	struct error err;
	char wk[9];

	a->plan_record = 0;
	if (key <= old || store_readonly(a->boot.store, NULL))
		return APP_NONE;
	plan_set_last_planned_week(a->boot.plan, key);
	if (store_save_plan(a->boot.store, a->boot.plan, &err) == 0)
		return APP_NONE;
	if (err.committed) {
		app_message(a, ROLE_WARNING, "%s", err.msg);
		return APP_REDRAW;
	}
	plan_set_last_planned_week(a->boot.plan, old);
	date_week_format(key, wk);
	app_message(a, ROLE_WARNING,
		    "could not note in plan.json that %s was planned, so the planning opens "
		    "again next time: %s", wk, err.msg);
	return APP_REDRAW;
}

void plan_screen_say_left(struct app *a, enum theme_role r, const char *what)
{
	char keys[64];

	plan_view_keys(a, CTX_WEEK, "plan", keys, sizeof keys);
	app_message(a, r, "%s; nothing was changed (%s plans again)", what, keys);
}

unsigned plan_screen_reloaded(struct app *a)
{
	if (a->plan_state == NULL)
		return APP_NONE;
	plan_screen_close(a);
	plan_screen_say_left(a, ROLE_WARNING,
			"the plan or this week was changed by another program, so the planning closed");
	return APP_REDRAW;
}
