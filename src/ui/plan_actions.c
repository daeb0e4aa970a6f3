/* plan_actions.c - the planning screen's keys: moving over steps and
 * items, each step's choices, skipping, leaving, and applying the plan as
 * one change. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "plan_view.h"
#include "screens.h"

#define PLAN_STR2(x) #x
#define PLAN_STR(x) PLAN_STR2(x)

/* ---- moving ---- */

static struct plan_state *ps_of(struct app *a)
{
	return a->plan_state;
}

static size_t plan_entries(const struct app *a)
{
	struct plan_rows rows;
	size_t n;

	plan_rows_build(a, &rows);
	n = rows.entries;
	plan_rows_free(&rows);
	return n;
}

static unsigned act_next(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	char keys[64];

	if (ps->page < PLAN_PAGE_SUMMARY) {
		ps->page++;
		return APP_REDRAW;
	}
	plan_view_keys(a, CTX_PLAN, "plan-apply", keys, sizeof keys);
	app_message(a, ROLE_STATUS, "this is the summary: %s applies it", keys);
	return APP_REDRAW;
}

static unsigned act_prev(struct app *a)
{
	struct plan_state *ps = ps_of(a);

	if (ps->page > PLAN_PAGE_LAST)
		ps->page--;
	return APP_REDRAW;
}

static unsigned act_summary(struct app *a)
{
	ps_of(a)->page = PLAN_PAGE_SUMMARY;
	return APP_REDRAW;
}

/* Moves the selection by n entries; past the ends, scrolls the text. */
static unsigned plan_move(struct app *a, int n)
{
	struct plan_state *ps = ps_of(a);
	int entries = (int)plan_entries(a), *sel = &ps->sel[ps->page];
	int to = *sel + n;

	if (to >= entries)
		to = entries - 1;
	if (to < 0)
		to = 0;
	if (entries > 0 && to != *sel) {
		*sel = to;
		return APP_REDRAW;
	}
	/* The draw keeps the selection in sight. */
	ps->top[ps->page] += n;
	if (ps->top[ps->page] < 0)
		ps->top[ps->page] = 0;
	return APP_REDRAW;
}

static unsigned act_down(struct app *a)
{
	return plan_move(a, 1);
}

static unsigned act_up(struct app *a)
{
	return plan_move(a, -1);
}

static int plan_page_rows(void)
{
	return LINES > 12 ? LINES - 8 : 4;
}

static unsigned act_page_down(struct app *a)
{
	return plan_move(a, plan_page_rows());
}

static unsigned act_page_up(struct app *a)
{
	return plan_move(a, -plan_page_rows());
}

/* ---- choosing ---- */

/* The row of the selected entry (rows filled; plan_rows_free them), or NULL
 * with a message. */
static const struct plan_row *plan_selected(struct app *a, struct plan_rows *rows)
{
	struct plan_state *ps = ps_of(a);
	long at;

	plan_rows_build(a, rows);
	at = plan_rows_entry(rows, ps->sel[ps->page]);
	if (at < 0) {
		app_message(a, ROLE_STATUS, "nothing to choose on this page");
		return NULL;
	}
	return &rows->v[at];
}

/* A choice on this page was changed: the later steps were proposed again
 * with their defaults, so choices made there are gone. */
static void plan_touch(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	bool lost = false;

	for (int p = ps->page + 1; p < PLAN_PAGE_SUMMARY; p++) {
		lost |= ps->touched[p];
		ps->touched[p] = false;
	}
	ps->touched[ps->page] = true;
	if (lost)
		app_message(a, ROLE_WARNING,
			    "the later steps were proposed again; check the choices made there");
}

static unsigned plan_choose(struct app *a, size_t item, bool chosen)
{
	struct plan_state *ps = ps_of(a);
	const struct planning_item *it = planning_item_at(ps->pl, item);
	struct error err;

	if (it->blocked) {
		app_message(a, ROLE_WARNING, "%s", it->why);
		return APP_REDRAW;
	}
	if (planning_choose(ps->pl, item, chosen, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return APP_REDRAW;
	}
	plan_touch(a);
	return APP_REDRAW;
}

static unsigned act_toggle(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	struct plan_rows rows;
	const struct plan_row *row = plan_selected(a, &rows);
	long item = -1;
	char keys[64];

	if (row != NULL && ps->page == PLAN_PAGE_SUMMARY) {
		plan_view_keys(a, CTX_PLAN, "plan-prev", keys, sizeof keys);
		app_message(a, ROLE_STATUS, "change it on its step (%s goes back)", keys);
	} else if (row != NULL && row->kind == PLAN_ROW_SLOT) {
		const struct planning_slot *s = planning_slot_at(ps->pl, row->ref);
		const struct industry *ind = plan_industry_by_id(ps->plan, s->current);

		item = s->item;
		if (item < 0) {
			plan_view_keys(a, CTX_PLAN, "plan-industry-next", keys, sizeof keys);
			app_message(a, ROLE_STATUS, "it keeps %s as it is; %s gives it another",
				    ind != NULL ? ind->name : "its niche", keys);
		}
	} else if (row != NULL) {
		item = (long)row->ref;
	}
	plan_rows_free(&rows);
	if (item < 0)
		return APP_REDRAW;
	return plan_choose(a, (size_t)item, !planning_item_at(ps->pl, (size_t)item)->chosen);
}

/* The selected rotation slot, or -1 with a message. */
static long plan_slot(struct app *a)
{
	struct plan_rows rows;
	const struct plan_row *row;
	long slot = -1;

	if (ps_of(a)->page != PLAN_PAGE_ROTATION) {
		app_message(a, ROLE_STATUS, "industries are chosen on the rotation step");
		return -1;
	}
	row = plan_selected(a, &rows);
	if (row != NULL && row->kind == PLAN_ROW_SLOT)
		slot = (long)row->ref;
	plan_rows_free(&rows);
	return slot;
}

/* Whether each rotation slot's change is chosen (false when it has none). */
static void plan_slot_choices(const struct planning *pl, bool chosen[PLANNING_SLOTS_MAX])
{
	for (size_t j = 0; j < planning_slot_count(pl) && j < PLANNING_SLOTS_MAX; j++) {
		long it = planning_slot_at(pl, j)->item;

		chosen[j] = it >= 0 && planning_item_at(pl, (size_t)it)->chosen;
	}
}

/* The selected day gets the next (dir 1) or previous industry of the cycle;
 * the other days keep their choices (the rotation is proposed again). */
static unsigned plan_cycle_industry(struct app *a, int dir)
{
	struct planning *pl = ps_of(a)->pl;
	long slot = plan_slot(a);
	size_t n = planning_yield_count(pl), at = 0;
	bool chosen[PLANNING_SLOTS_MAX] = { false };
	struct error err;

	if (slot < 0 || n == 0)
		return APP_REDRAW;
	for (size_t i = 0; i < n; i++)
		if (planning_yield_at(pl, i)->industry == planning_slot_at(pl, (size_t)slot)->proposed)
			at = i;
	at = (at + (dir > 0 ? 1 : n - 1)) % n;
	plan_slot_choices(pl, chosen);
	if (planning_rotate_slot(pl, (size_t)slot, planning_yield_at(pl, at)->industry, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return APP_REDRAW;
	}
	for (size_t j = 0; j < planning_slot_count(pl) && j < PLANNING_SLOTS_MAX; j++) {
		long it = planning_slot_at(pl, j)->item;

		if ((long)j != slot && it >= 0 && planning_item_at(pl, (size_t)it)->chosen != chosen[j] &&
		    !planning_item_at(pl, (size_t)it)->blocked)
			planning_choose(pl, (size_t)it, chosen[j], NULL);
	}
	plan_touch(a);
	return APP_REDRAW;
}

static unsigned act_industry_next(struct app *a)
{
	return plan_cycle_industry(a, 1);
}

static unsigned act_industry_prev(struct app *a)
{
	return plan_cycle_industry(a, -1);
}

static unsigned act_yield(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	struct error err;

	if (ps->page != PLAN_PAGE_ROTATION) {
		app_message(a, ROLE_STATUS, "the order is chosen on the rotation step");
		return APP_REDRAW;
	}
	if (planning_rotate(ps->pl, !ps->by_yield, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return APP_REDRAW;
	}
	ps->by_yield = !ps->by_yield;
	plan_touch(a);
	if (!a->message[0])
		app_message(a, ROLE_STATUS, "rotation %s", ps->by_yield ? "by yield, best first"
									: "continuing last week's");
	return APP_REDRAW;
}

/* ---- layout ---- */

static unsigned plan_relayout(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	struct error err;

	if (plan_screen_layout(ps, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return APP_REDRAW;
	}
	ps->sel[ps->page] = ps->top[ps->page] = 0;
	plan_touch(a);
	return APP_REDRAW;
}

/* Templates in plan order, then last week's copy, then nothing. */
static unsigned act_source(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	int nt = (int)plan_template_count(ps->plan);

	if (ps->page != PLAN_PAGE_LAYOUT) {
		app_message(a, ROLE_STATUS, "the layout is chosen on the layout step");
		return APP_REDRAW;
	}
	if (ps->layout == PLAN_LAYOUT_COPY)
		ps->layout = PLAN_LAYOUT_NONE;
	else if (ps->layout == PLAN_LAYOUT_NONE)
		ps->layout = nt > 0 ? 0 : PLAN_LAYOUT_COPY;
	else
		ps->layout = ps->layout + 1 < nt ? ps->layout + 1 : PLAN_LAYOUT_COPY;
	return plan_relayout(a);
}

static unsigned act_stagger(struct app *a)
{
	struct plan_state *ps = ps_of(a);

	if (ps->page != PLAN_PAGE_LAYOUT) {
		app_message(a, ROLE_STATUS, "stagger is chosen on the layout step");
		return APP_REDRAW;
	}
	ps->stagger = !ps->stagger;
	return plan_relayout(a);
}

/* ---- account time ---- */

static unsigned plan_set_trim(struct app *a, bool on)
{
	struct plan_state *ps = ps_of(a);
	struct error err;

	if (planning_trim_accounts(ps->pl, on ? PLANNING_ACCOUNT_CUT : 0, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return APP_REDRAW;
	}
	ps->trimmed = on;
	plan_touch(a);
	return APP_REDRAW;
}

static unsigned act_trim(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	char freed[16];

	if (ps->page != PLAN_PAGE_ACCOUNTS) {
		app_message(a, ROLE_STATUS, "account time is trimmed on the account time step");
		return APP_REDRAW;
	}
	plan_set_trim(a, !ps->trimmed);
	planning_format_minutes(planning_freed_minutes(ps->pl), freed);
	if (!a->message[0] && ps->trimmed)
		app_message(a, ROLE_STATUS, "trimmed: %s freed", freed);
	else if (!a->message[0])
		app_message(a, ROLE_STATUS, "not trimmed");
	return APP_REDRAW;
}

/* Chooses (or, when all are, leaves out) every open item of a step. */
static unsigned plan_choose_all(struct app *a, enum planning_step step, bool chosen)
{
	struct planning *pl = ps_of(a)->pl;
	struct error err;

	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);

		if (it->step != step || it->blocked || it->chosen == chosen)
			continue;
		if (planning_choose(pl, i, chosen, &err) != 0) {
			app_message(a, ROLE_ERROR, "%s", err.msg);
			return APP_REDRAW;
		}
	}
	plan_touch(a);
	return APP_REDRAW;
}

static unsigned act_fill(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	bool all = true, any = false;

	if (ps->page != PLAN_PAGE_ACCOUNTS || !ps->trimmed) {
		char keys[64];

		plan_view_keys(a, CTX_PLAN, "plan-trim", keys, sizeof keys);
		app_message(a, ROLE_STATUS, "no freed time yet: %s on the account time step trims",
			    keys);
		return APP_REDRAW;
	}
	for (size_t i = 0; i < planning_item_count(ps->pl); i++) {
		const struct planning_item *it = planning_item_at(ps->pl, i);

		if (it->step == PLANNING_FREED && !it->blocked) {
			any = true;
			all &= it->chosen;
		}
	}
	if (!any) {
		app_message(a, ROLE_STATUS, "nowhere to place the freed time");
		return APP_REDRAW;
	}
	return plan_choose_all(a, PLANNING_FREED, !all);
}

/* ---- skipping, leaving, applying ---- */

/* Skipping a step leaves out all it proposes: the layout and the trim by
 * proposing nothing (one recomputation), the others item by item. */
static unsigned act_skip(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	static const int steps[PLAN_PAGE_COUNT] = {
		[PLAN_PAGE_LAST] = -1,     [PLAN_PAGE_ROTATION] = PLANNING_ROTATION,
		[PLAN_PAGE_LAYOUT] = -1,   [PLAN_PAGE_CARRY] = PLANNING_CARRY,
		[PLAN_PAGE_ACCOUNTS] = -1, [PLAN_PAGE_QUOTA] = PLANNING_QUOTA,
		[PLAN_PAGE_SUMMARY] = -1,
	};
	enum plan_page page = ps->page;

	if (page == PLAN_PAGE_SUMMARY)
		return act_next(a);
	if (page == PLAN_PAGE_LAYOUT) {
		ps->layout = PLAN_LAYOUT_NONE;
		plan_relayout(a);
	} else if (page == PLAN_PAGE_ACCOUNTS) {
		plan_set_trim(a, false);
	} else if (steps[page] >= 0) {
		plan_choose_all(a, (enum planning_step)steps[page], false);
	}
	if (!a->message[0] && page != PLAN_PAGE_LAST)
		app_message(a, ROLE_STATUS, "skipped: %s changes nothing", plan_rows_page_name(page));
	ps->page++;
	return APP_REDRAW;
}

static unsigned act_cancel(struct app *a)
{
	plan_screen_close(a);
	plan_screen_say_left(a, ROLE_STATUS, "planning left");
	return APP_REDRAW;
}

static unsigned plan_apply(struct app *a)
{
	struct plan_state *ps = ps_of(a);
	size_t n = planning_change_count(ps->pl);
	struct week *out;
	struct error err;
	char label[96], wk[9];

	date_week_format(week_key(ps->week), wk);
	if (!week_equal(a->week, ps->week))
		return plan_screen_reloaded(a);
	if (n == 0) {
		plan_screen_close(a);
		app_message(a, ROLE_STATUS, "nothing to change in %s", wk);
		return APP_REDRAW;
	}
	if (app_refuse_edit(a))
		return APP_REDRAW;
	if (planning_apply(ps->pl, &out, &err) != 0) {
		app_message(a, ROLE_ERROR, "not applied: %s", err.msg);
		return APP_REDRAW;
	}
	snprintf(label, sizeof label, "planned %s: %zu change%s", wk, n, n == 1 ? "" : "s");
	plan_screen_close(a);
	change_propose(a, label, out);
	return APP_CHANGE | APP_REDRAW;
}

static unsigned act_apply(struct app *a)
{
	if (ps_of(a)->page != PLAN_PAGE_SUMMARY)
		return act_next(a);
	return plan_apply(a);
}


static const struct action plan_actions[] = {
	{ "plan-next", { '\t', 'n' }, { 0 }, "next step", "next", act_next },
	{ "plan-prev", { 'p' }, { KEY_BTAB }, "previous step", "back", act_prev },
	{ "plan-down", { 'j' }, { KEY_DOWN }, "next item", NULL, act_down },
	{ "plan-up", { 'k' }, { KEY_UP }, "previous item", NULL, act_up },
	{ "plan-page-down", { CTRL('d') }, { KEY_NPAGE }, "a page down", NULL, act_page_down },
	{ "plan-page-up", { CTRL('u') }, { KEY_PPAGE }, "a page up", NULL, act_page_up },
	{ "plan-toggle", { ' ', 'x' }, { 0 }, "choose or leave out the item (replace or skip)",
	  "toggle", act_toggle },
	{ "plan-industry-next", { 'l' }, { KEY_RIGHT }, "the day's next industry", NULL,
	  act_industry_next },
	{ "plan-industry-prev", { 'h' }, { KEY_LEFT }, "the day's previous industry", NULL,
	  act_industry_prev },
	{ "plan-yield", { 'y' }, { 0 }, "order: continued, or best yield first", NULL, act_yield },
	{ "plan-source", { 'o' }, { 0 }, "layout from: a template, last week, or nothing", NULL,
	  act_source },
	{ "plan-stagger", { 'z' }, { 0 }, "stagger prospecting starts (again: off)", NULL,
	  act_stagger },
	{ "plan-trim", { 't' }, { 0 },
	  "trim account time by " PLAN_STR(PLANNING_ACCOUNT_CUT) "% (again: untrim)", NULL,
	  act_trim },
	{ "plan-fill", { 'f' }, { 0 }, "place all freed time as prospecting", NULL, act_fill },
	{ "plan-skip", { 's' }, { 0 }, "skip this step: it changes nothing", NULL, act_skip },
	{ "plan-summary", { 'G' }, { KEY_END }, "go to the summary", NULL, act_summary },
	{ "plan-apply", { '\r', '\n' }, { KEY_ENTER },
	  "next step; on the summary, apply it all as one change", "apply", act_apply },
	{ "plan-cancel", { 27, 'q' }, { 0 }, "leave without changing anything", "cancel",
	  act_cancel },
	{ "help", { '?' }, { KEY_F(1) }, "all the keys", "help", actions_help },
	{ NULL },
};

const struct action_table plan_action_table = {
	.ctx = CTX_PLAN,
	.title = "Planning",
	.actions = plan_actions,
};
