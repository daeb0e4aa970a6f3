/* planning_actions.c - the planning screen's keys: moving over steps and
 * items, each step's choices, skipping, leaving, and applying the plan as
 * one change. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "planning_view.h"
#include "screens.h"

#define PLAN_STR2(x) #x
#define PLANNING_STR(x) PLAN_STR2(x)

/* ---- moving ---- */

static struct planning_state *ps_of(struct tui *ui)
{
	return ui->planning_state;
}

static size_t planning_entries(const struct tui *ui)
{
	struct planning_rows rows;
	size_t n;

	planning_rows_build(ui, &rows);
	n = rows.entries;
	planning_rows_free(&rows);
	return n;
}

static unsigned act_next(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	char keys[64];

	if (ps->page < PLANNING_PAGE_SUMMARY) {
		ps->page++;
		return TUI_REDRAW;
	}
	planning_view_keys(ui, CTX_PLANNING, "plan-apply", keys, sizeof keys);
	tui_message(ui, ROLE_STATUS, "this is the summary: %s applies it", keys);
	return TUI_REDRAW;
}

static unsigned act_prev(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);

	if (ps->page > PLANNING_PAGE_LAST)
		ps->page--;
	return TUI_REDRAW;
}

static unsigned act_summary(struct tui *ui)
{
	ps_of(ui)->page = PLANNING_PAGE_SUMMARY;
	return TUI_REDRAW;
}

/* Moves the selection by n entries; past the ends, scrolls the text. */
static unsigned planning_move(struct tui *ui, int n)
{
	struct planning_state *ps = ps_of(ui);
	int entries = (int)planning_entries(ui), *sel = &ps->sel[ps->page];
	int to = *sel + n;

	if (to >= entries)
		to = entries - 1;
	if (to < 0)
		to = 0;
	if (entries > 0 && to != *sel) {
		*sel = to;
		return TUI_REDRAW;
	}
	/* The draw keeps the selection in sight. */
	ps->top[ps->page] += n;
	if (ps->top[ps->page] < 0)
		ps->top[ps->page] = 0;
	return TUI_REDRAW;
}

static unsigned act_down(struct tui *ui)
{
	return planning_move(ui, 1);
}

static unsigned act_up(struct tui *ui)
{
	return planning_move(ui, -1);
}

static int planning_page_rows(void)
{
	return LINES > 12 ? LINES - 8 : 4;
}

static unsigned act_page_down(struct tui *ui)
{
	return planning_move(ui, planning_page_rows());
}

static unsigned act_page_up(struct tui *ui)
{
	return planning_move(ui, -planning_page_rows());
}

/* ---- choosing ---- */

/* The row of the selected entry (rows filled; planning_rows_free them), or NULL
 * with a message. */
static const struct planning_row *planning_selected(struct tui *ui, struct planning_rows *rows)
{
	struct planning_state *ps = ps_of(ui);
	long at;

	planning_rows_build(ui, rows);
	at = planning_rows_entry(rows, ps->sel[ps->page]);
	if (at < 0) {
		tui_message(ui, ROLE_STATUS, "nothing to choose on this page");
		return NULL;
	}
	return &rows->v[at];
}

/* A choice on this page was changed: the later steps were proposed again
 * with their defaults, so choices made there are gone. */
static void planning_touch(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	bool lost = false;

	for (int p = ps->page + 1; p < PLANNING_PAGE_SUMMARY; p++) {
		lost |= ps->touched[p];
		ps->touched[p] = false;
	}
	ps->touched[ps->page] = true;
	if (lost)
		tui_message(ui, ROLE_WARNING,
			    "the later steps were proposed again; check the choices made there");
}

static unsigned choose_item(struct tui *ui, size_t item, bool chosen)
{
	struct planning_state *ps = ps_of(ui);
	const struct planning_item *it = planning_item_at(ps->ap->pl, item);
	struct error err;

	if (it->blocked) {
		tui_message(ui, ROLE_WARNING, "%s", it->why);
		return TUI_REDRAW;
	}
	if (planning_choose(ps->ap->pl, item, chosen, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
		return TUI_REDRAW;
	}
	planning_touch(ui);
	return TUI_REDRAW;
}

static unsigned act_toggle(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	struct planning_rows rows;
	const struct planning_row *row = planning_selected(ui, &rows);
	long item = -1;
	char keys[64];

	if (row != NULL && ps->page == PLANNING_PAGE_SUMMARY) {
		planning_view_keys(ui, CTX_PLANNING, "plan-prev", keys, sizeof keys);
		tui_message(ui, ROLE_STATUS, "change it on its step (%s goes back)", keys);
	} else if (row != NULL && row->kind == PLANNING_ROW_SLOT) {
		const struct planning_slot *s = planning_slot_at(ps->ap->pl, row->ref);
		const struct industry *ind = plan_industry_by_id(ps->ap->plan, s->current);

		item = s->item;
		if (item < 0) {
			planning_view_keys(ui, CTX_PLANNING, "plan-industry-next", keys, sizeof keys);
			tui_message(ui, ROLE_STATUS, "it keeps %s as it is; %s gives it another",
				    ind != NULL ? ind->name : "its niche", keys);
		}
	} else if (row != NULL) {
		item = (long)row->ref;
	}
	planning_rows_free(&rows);
	if (item < 0)
		return TUI_REDRAW;
	return choose_item(ui, (size_t)item, !planning_item_at(ps->ap->pl, (size_t)item)->chosen);
}

/* The selected rotation slot, or -1 with a message. */
static long planning_slot(struct tui *ui)
{
	struct planning_rows rows;
	const struct planning_row *row;
	long slot = -1;

	if (ps_of(ui)->page != PLANNING_PAGE_ROTATION) {
		tui_message(ui, ROLE_STATUS, "industries are chosen on the rotation step");
		return -1;
	}
	row = planning_selected(ui, &rows);
	if (row != NULL && row->kind == PLANNING_ROW_SLOT)
		slot = (long)row->ref;
	planning_rows_free(&rows);
	return slot;
}

/* Whether each rotation slot's change is chosen (false when it has none). */
static void planning_slot_choices(const struct planning *pl, bool chosen[PLANNING_SLOTS_MAX])
{
	for (size_t j = 0; j < planning_slot_count(pl) && j < PLANNING_SLOTS_MAX; j++) {
		long it = planning_slot_at(pl, j)->item;

		chosen[j] = it >= 0 && planning_item_at(pl, (size_t)it)->chosen;
	}
}

/* The selected day gets the next (dir 1) or previous industry of the cycle;
 * the other days keep their choices (the rotation is proposed again). */
static unsigned planning_cycle_industry(struct tui *ui, int dir)
{
	struct planning *pl = ps_of(ui)->ap->pl;
	long slot = planning_slot(ui);
	size_t n = planning_yield_count(pl), at = 0;
	bool chosen[PLANNING_SLOTS_MAX] = { false };
	struct error err;

	if (slot < 0 || n == 0)
		return TUI_REDRAW;
	for (size_t i = 0; i < n; i++)
		if (planning_yield_at(pl, i)->industry == planning_slot_at(pl, (size_t)slot)->proposed)
			at = i;
	at = (at + (dir > 0 ? 1 : n - 1)) % n;
	planning_slot_choices(pl, chosen);
	if (planning_rotate_slot(pl, (size_t)slot, planning_yield_at(pl, at)->industry, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
		return TUI_REDRAW;
	}
	for (size_t j = 0; j < planning_slot_count(pl) && j < PLANNING_SLOTS_MAX; j++) {
		long it = planning_slot_at(pl, j)->item;

		if ((long)j != slot && it >= 0 && planning_item_at(pl, (size_t)it)->chosen != chosen[j] &&
		    !planning_item_at(pl, (size_t)it)->blocked)
			planning_choose(pl, (size_t)it, chosen[j], NULL);
	}
	planning_touch(ui);
	return TUI_REDRAW;
}

static unsigned act_industry_next(struct tui *ui)
{
	return planning_cycle_industry(ui, 1);
}

static unsigned act_industry_prev(struct tui *ui)
{
	return planning_cycle_industry(ui, -1);
}

static unsigned act_yield(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	struct error err;

	if (ps->page != PLANNING_PAGE_ROTATION) {
		tui_message(ui, ROLE_STATUS, "the order is chosen on the rotation step");
		return TUI_REDRAW;
	}
	if (planning_rotate(ps->ap->pl, !ps->by_yield, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
		return TUI_REDRAW;
	}
	ps->by_yield = !ps->by_yield;
	planning_touch(ui);
	if (!ui->message[0])
		tui_message(ui, ROLE_STATUS, "rotation %s", ps->by_yield ? "by yield, best first"
									: "continuing last week's");
	return TUI_REDRAW;
}

/* ---- layout ---- */

static unsigned planning_relayout(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	struct error err;

	if (planning_screen_layout(ps, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
		return TUI_REDRAW;
	}
	ps->sel[ps->page] = ps->top[ps->page] = 0;
	planning_touch(ui);
	return TUI_REDRAW;
}

/* Templates in plan order, then last week's copy, then nothing. */
static unsigned act_source(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	int nt = (int)plan_template_count(ps->ap->plan);

	if (ps->page != PLANNING_PAGE_LAYOUT) {
		tui_message(ui, ROLE_STATUS, "the layout is chosen on the layout step");
		return TUI_REDRAW;
	}
	if (ps->layout == PLANNING_LAYOUT_COPY)
		ps->layout = PLANNING_LAYOUT_NONE;
	else if (ps->layout == PLANNING_LAYOUT_NONE)
		ps->layout = nt > 0 ? 0 : PLANNING_LAYOUT_COPY;
	else
		ps->layout = ps->layout + 1 < nt ? ps->layout + 1 : PLANNING_LAYOUT_COPY;
	return planning_relayout(ui);
}

static unsigned act_stagger(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);

	if (ps->page != PLANNING_PAGE_LAYOUT) {
		tui_message(ui, ROLE_STATUS, "stagger is chosen on the layout step");
		return TUI_REDRAW;
	}
	ps->stagger = !ps->stagger;
	return planning_relayout(ui);
}

/* ---- account time ---- */

static unsigned planning_set_trim(struct tui *ui, bool on)
{
	struct planning_state *ps = ps_of(ui);
	struct error err;

	if (planning_trim_accounts(ps->ap->pl, on ? MODEL_ACCOUNT_CUT : 0, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "%s", err.msg);
		return TUI_REDRAW;
	}
	ps->trimmed = on;
	planning_touch(ui);
	return TUI_REDRAW;
}

static unsigned act_trim(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	char freed[16];

	if (ps->page != PLANNING_PAGE_ACCOUNTS) {
		tui_message(ui, ROLE_STATUS, "account time is trimmed on the account time step");
		return TUI_REDRAW;
	}
	planning_set_trim(ui, !ps->trimmed);
	planning_format_minutes(planning_freed_minutes(ps->ap->pl), freed);
	if (!ui->message[0] && ps->trimmed)
		tui_message(ui, ROLE_STATUS, "trimmed: %s freed", freed);
	else if (!ui->message[0])
		tui_message(ui, ROLE_STATUS, "not trimmed");
	return TUI_REDRAW;
}

/* Chooses (or, when all are, leaves out) every open item of a step. */
static unsigned planning_choose_all(struct tui *ui, enum planning_step step, bool chosen)
{
	struct planning *pl = ps_of(ui)->ap->pl;
	struct error err;

	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);

		if (it->step != step || it->blocked || it->chosen == chosen)
			continue;
		if (planning_choose(pl, i, chosen, &err) != 0) {
			tui_message(ui, ROLE_ERROR, "%s", err.msg);
			return TUI_REDRAW;
		}
	}
	planning_touch(ui);
	return TUI_REDRAW;
}

static unsigned act_fill(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	bool all = true, any = false;

	if (ps->page != PLANNING_PAGE_ACCOUNTS || !ps->trimmed) {
		char keys[64];

		planning_view_keys(ui, CTX_PLANNING, "plan-trim", keys, sizeof keys);
		tui_message(ui, ROLE_STATUS, "no freed time yet: %s on the account time step trims",
			    keys);
		return TUI_REDRAW;
	}
	for (size_t i = 0; i < planning_item_count(ps->ap->pl); i++) {
		const struct planning_item *it = planning_item_at(ps->ap->pl, i);

		if (it->step == PLANNING_FREED && !it->blocked) {
			any = true;
			all &= it->chosen;
		}
	}
	if (!any) {
		tui_message(ui, ROLE_STATUS, "nowhere to place the freed time");
		return TUI_REDRAW;
	}
	return planning_choose_all(ui, PLANNING_FREED, !all);
}

/* ---- skipping, leaving, applying ---- */

/* Skipping a step leaves out all it proposes: the layout and the trim by
 * proposing nothing (one recomputation), the others item by item. */
static unsigned act_skip(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	static const int steps[PLANNING_PAGE_COUNT] = {
		[PLANNING_PAGE_LAST] = -1,     [PLANNING_PAGE_ROTATION] = PLANNING_ROTATION,
		[PLANNING_PAGE_LAYOUT] = -1,   [PLANNING_PAGE_CARRY] = PLANNING_CARRY,
		[PLANNING_PAGE_ACCOUNTS] = -1, [PLANNING_PAGE_QUOTA] = PLANNING_QUOTA,
		[PLANNING_PAGE_SUMMARY] = -1,
	};
	enum planning_page page = ps->page;

	if (page == PLANNING_PAGE_SUMMARY)
		return act_next(ui);
	if (page == PLANNING_PAGE_LAYOUT) {
		ps->layout = PLANNING_LAYOUT_NONE;
		planning_relayout(ui);
	} else if (page == PLANNING_PAGE_ACCOUNTS) {
		planning_set_trim(ui, false);
	} else if (steps[page] >= 0) {
		planning_choose_all(ui, (enum planning_step)steps[page], false);
	}
	if (!ui->message[0] && page != PLANNING_PAGE_LAST)
		tui_message(ui, ROLE_STATUS, "skipped: %s changes nothing", planning_rows_page_name(page));
	ps->page++;
	return TUI_REDRAW;
}

static unsigned act_cancel(struct tui *ui)
{
	planning_screen_close(ui);
	planning_screen_say_left(ui, ROLE_STATUS, "planning left");
	return TUI_REDRAW;
}

static unsigned apply_planning(struct tui *ui)
{
	struct planning_state *ps = ps_of(ui);
	struct app_result res;
	struct error err;
	char wk[9];
	int rc;

	date_week_format(week_key(ps->ap->week), wk);
	if (!week_equal(ui->week, ps->ap->week))
		return planning_screen_reloaded(ui);
	if (planning_change_count(ps->ap->pl) == 0) {
		planning_screen_close(ui);
		tui_message(ui, ROLE_STATUS, "nothing to change in %s", wk);
		return TUI_REDRAW;
	}
	if (tui_refuse_edit(ui))
		return TUI_REDRAW;
	rc = app_planning_apply(ui->app, ps->ap, NULL, &res, &err);
	if (rc != 0 && err.code == ERR_REFUSED) {
		/* A choice the rules refuse: the planning stays open to change it. */
		tui_message(ui, ROLE_ERROR, "not applied: %s", err.msg);
		return TUI_REDRAW;
	}
	planning_screen_close(ui);
	return change_shown(ui, rc, &res, &err);
}

static unsigned act_apply(struct tui *ui)
{
	if (ps_of(ui)->page != PLANNING_PAGE_SUMMARY)
		return act_next(ui);
	return apply_planning(ui);
}


static const struct action planning_actions[] = {
	{ "plan-next", { '\t', 'n' }, { 0 }, "next step", "next", act_next },
	{ "plan-prev", { 'p' }, { KEY_BTAB }, "previous step", "back", act_prev },
	{ "plan-down", { 'j' }, { KEY_DOWN }, "next item", NULL, act_down },
	{ "plan-up", { 'k' }, { KEY_UP }, "previous item", NULL, act_up },
	{ "plan-page-down", { CTRL('d') }, { KEY_NPAGE }, "a page down", NULL, act_page_down },
	{ "plan-page-up", { CTRL('u') }, { KEY_PPAGE }, "a page up", NULL, act_page_up },
	{ "plan-toggle", { ' ', 'x' }, { 0 }, "choose or leave out the item",
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
	  "trim account time by " PLANNING_STR(MODEL_ACCOUNT_CUT) "% (again: untrim)", NULL,
	  act_trim },
	{ "plan-fill", { 'f' }, { 0 }, "place all freed time as prospecting", NULL, act_fill },
	{ "plan-skip", { 's' }, { 0 }, "skip this step: it changes nothing", NULL, act_skip },
	{ "plan-summary", { 'G' }, { KEY_END }, "go to the summary", NULL, act_summary },
	{ "plan-apply", { '\r', '\n' }, { KEY_ENTER },
	  "next step; on the summary, apply it all as one change", "apply", act_apply },
	{ "plan-cancel", { KEY_ESC, 'q' }, { 0 }, "leave without changing anything", "cancel",
	  act_cancel },
	{ "help", { '?' }, { KEY_F(1) }, "all the keys", "help", actions_help },
	{ NULL },
};

const struct action_table planning_action_table = {
	.ctx = CTX_PLANNING,
	.title = "Planning",
	.actions = planning_actions,
};
