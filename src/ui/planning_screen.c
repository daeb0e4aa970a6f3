/* planning_screen.c - the planning screen's life: opening it on the week shown
 * (with copies of the plan and the weeks it needs, every step proposed with
 * its defaults), once by itself in a new week, noting that in plan.json,
 * and closing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planning_view.h"
#include "xalloc.h"

/* ---- opening and closing ---- */

void planning_screen_close(struct tui *ui)
{
	struct planning_state *ps = ui->planning_state;

	if (ps == NULL)
		return;
	app_planning_free(ps->ap);
	free(ps);
	ui->planning_state = NULL;
	if (ui->context == CTX_PLANNING || (ui->context == CTX_HELP && ui->help_return == CTX_PLANNING))
		ui->context = CTX_WEEK;
	if (ui->help_return == CTX_PLANNING)
		ui->help_return = CTX_WEEK;
}

static void planning_warn(struct planning_state *ps, const char *msg)
{
	size_t len = strlen(ps->warning);

	snprintf(ps->warning + len, sizeof ps->warning - len, "%s%s", len ? "; " : "", msg);
}

int planning_screen_layout(struct planning_state *ps, struct error *err)
{
	char empty[] = "";
	struct template none = { .name = empty, .blocks = NULL, .n_blocks = 0 };
	const struct template *t = NULL;

	if (ps->layout >= 0)
		t = plan_template_at(ps->ap->plan, (size_t)ps->layout);
	else if (ps->layout == PLANNING_LAYOUT_NONE)
		t = &none;
	return planning_layout(ps->ap->pl, t, ps->stagger, err);
}

/* Every step with its defaults: the rotation continued, the first template
 * (else last week's structure), carry-over, the account report, quota. */
static void planning_compute(struct planning_state *ps)
{
	struct error err;

	if (plan_template_count(ps->ap->plan) > 0)
		ps->layout = 0;
	else if (week_block_count(ps->ap->past[0]) > 0)
		ps->layout = PLANNING_LAYOUT_COPY;
	else
		ps->layout = PLANNING_LAYOUT_NONE;
	/* Each step on its own: one that cannot be proposed leaves the others. */
	if (planning_rotate(ps->ap->pl, false, &err) != 0)
		planning_warn(ps, err.msg);
	if (planning_screen_layout(ps, &err) != 0)
		planning_warn(ps, err.msg);
	if (planning_carry_over(ps->ap->pl, &err) != 0)
		planning_warn(ps, err.msg);
	if (planning_trim_accounts(ps->ap->pl, 0, &err) != 0 || planning_offer_freed(ps->ap->pl, &err) != 0)
		planning_warn(ps, err.msg);
	if (planning_quota(ps->ap->pl, &err) != 0)
		planning_warn(ps, err.msg);
}

unsigned planning_screen_open(struct tui *ui)
{
	struct planning_state *ps;
	struct error err;
	int key = tui_week_key(ui);

	if (tui_refuse_edit(ui))
		return TUI_REDRAW;
	planning_screen_close(ui);
	ps = xcalloc(1, sizeof *ps);
	if (app_planning_open(ui->app, key, ui->today, ui->now_minute, false, &ps->ap, &err) != 0) {
		free(ps);
		tui_message(ui, ROLE_ERROR, "cannot plan: %s", err.msg);
		return TUI_REDRAW;
	}
	if (ps->ap->warning[0])
		planning_warn(ps, ps->ap->warning);
	planning_compute(ps);
	ui->planning_state = ps;
	ui->context = CTX_PLANNING;
	if (key > plan_last_planned_week(tui_plan(ui)))
		ui->planning_record = key;
	return TUI_REDRAW;
}

void planning_screen_auto(struct tui *ui)
{
	int key = date_week_key(ui->today);

	if (app_is_demo(ui->app) || app_readonly(ui->app, NULL) || ui->week_error[0] ||
	    plan_last_planned_week(tui_plan(ui)) >= key)
		return;
	if (tui_week_key(ui) == key)
		planning_screen_open(ui);
}

unsigned planning_screen_record(struct tui *ui)
{
	int key = ui->planning_record;
	struct app_result res;
	struct error err;
	char wk[9];

	ui->planning_record = 0;
	if (app_readonly(ui->app, NULL) || app_planning_note(ui->app, key, &res, &err) == 0)
		return TUI_NONE;
	date_week_format(key, wk);
	tui_message(ui, ROLE_WARNING,
		    "could not note in plan.json that %s was planned, so the planning opens "
		    "again next time: %s", wk, err.msg);
	return TUI_REDRAW;
}

void planning_screen_say_left(struct tui *ui, enum theme_role r, const char *what)
{
	char keys[64];

	planning_view_keys(ui, CTX_WEEK, "plan", keys, sizeof keys);
	tui_message(ui, r, "%s; nothing was changed (%s plans again)", what, keys);
}

unsigned planning_screen_reloaded(struct tui *ui)
{
	if (ui->planning_state == NULL)
		return TUI_NONE;
	planning_screen_close(ui);
	planning_screen_say_left(ui, ROLE_WARNING,
			"the plan or this week was changed by another program, so the planning closed");
	return TUI_REDRAW;
}
