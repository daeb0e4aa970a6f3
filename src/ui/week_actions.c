/* week_actions.c - what the keys do on the week screen. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app_block.h"
#include "focus.h"
#include "modal.h"
#include "planning_view.h"
#include "review_view.h"
#include "rules.h"
#include "screens.h"
#include "sync_status.h"
#include "theme_load.h"
#include "week_view.h"

/* ---- moving around ---- */

/* Steps the cursor over the shown days; past the edge, to the next week. */
static unsigned move_day(struct tui *ui, int dir)
{
	unsigned mask = cursor_days_mask(ui);
	int d = ui->day;

	for (int k = 0; k < 7; k++) {
		d += dir;
		if (d < 0 || d > 6) {
			tui_show_week(ui, date_week_add(tui_week_key(ui), dir));
			d = dir > 0 ? 0 : 6;
			while (!(mask & (1u << d)))
				d += dir > 0 ? 1 : -1;
			break;
		}
		if (mask & (1u << d))
			break;
	}
	ui->day = d;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_left(struct tui *ui)
{
	return move_day(ui, -1);
}

static unsigned act_right(struct tui *ui)
{
	return move_day(ui, 1);
}

/* Down: past the rest of the block under the cursor, else one slot. */
static unsigned act_down(struct tui *ui)
{
	const struct block *b = cursor_block(ui);
	const struct settings *s = plan_settings(tui_plan(ui));

	if (b != NULL && b->end > cursor_minute(ui) + s->slot)
		ui->slot = (b->end - s->day_start + s->slot - 1) / s->slot;
	else
		ui->slot++;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

/* Up: to the start of the block above (or of the one under the cursor). */
static unsigned act_up(struct tui *ui)
{
	const struct settings *s = plan_settings(tui_plan(ui));
	const struct block *b = cursor_block(ui);

	if (b != NULL && b->start < cursor_minute(ui)) {
		ui->slot = (b->start - s->day_start) / s->slot;
	} else {
		ui->slot--;
		cursor_clamp(ui);
		b = cursor_block(ui);
		if (b != NULL && b->start >= s->day_start)
			ui->slot = (b->start - s->day_start) / s->slot;
	}
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_page_down(struct tui *ui)
{
	int rows = ui->layout.visible_slots > 1 ? ui->layout.visible_slots - 1 : 1;

	ui->slot += rows;
	ui->top += rows;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_page_up(struct tui *ui)
{
	int rows = ui->layout.visible_slots > 1 ? ui->layout.visible_slots - 1 : 1;

	ui->slot -= rows;
	ui->top -= rows;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_first(struct tui *ui)
{
	ui->slot = 0;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_last(struct tui *ui)
{
	ui->slot = cursor_slots(ui) - 1;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_prev_week(struct tui *ui)
{
	tui_show_week(ui, date_week_add(tui_week_key(ui), -1));
	return TUI_REDRAW;
}

static unsigned act_next_week(struct tui *ui)
{
	tui_show_week(ui, date_week_add(tui_week_key(ui), 1));
	return TUI_REDRAW;
}

static unsigned act_today(struct tui *ui)
{
	const struct settings *s = plan_settings(tui_plan(ui));

	tui_show_week(ui, date_week_key(ui->today));
	ui->day = date_week_index(ui->today);
	if (cursor_day_off(ui, ui->today))
		ui->weekend = true;
	if (ui->now_minute >= s->day_start && ui->now_minute < s->day_end)
		ui->slot = (ui->now_minute - s->day_start) / s->slot;
	cursor_clamp(ui);
	return TUI_REDRAW;
}

static unsigned act_weekend(struct tui *ui)
{
	ui->weekend = !ui->weekend;
	cursor_clamp(ui);
	tui_message(ui, ROLE_STATUS, ui->weekend ? "days off shown" : "days off hidden");
	return TUI_REDRAW;
}

/* ---- changing blocks ---- */

static const struct block *selected_or_say(struct tui *ui)
{
	const struct block *b = cursor_block(ui);

	if (b == NULL)
		tui_message(ui, ROLE_STATUS, "no block here; a adds one");
	return b;
}

/* Said before a form opens; the application layer checks it again. */
static bool editable_or_say(struct tui *ui, const struct block *b)
{
	struct error err;

	if (rules_check_own(b, &err) != 0) {
		tui_message(ui, ROLE_WARNING, "%s", err.msg);
		return false;
	}
	return !tui_refuse_edit(ui);
}

static unsigned act_add(struct tui *ui)
{
	if (tui_refuse_edit(ui))
		return TUI_REDRAW;
	form_open(ui, NULL);
	return TUI_REDRAW;
}

static unsigned act_edit(struct tui *ui)
{
	const struct block *b = selected_or_say(ui);

	if (b == NULL)
		return act_add(ui);
	if (!editable_or_say(ui, b))
		return TUI_REDRAW;
	form_open(ui, b);
	return TUI_REDRAW;
}

static unsigned act_delete(struct tui *ui)
{
	const struct block *b = selected_or_say(ui);
	struct app_result res;
	struct error err;
	int rc;

	if (b == NULL || !editable_or_say(ui, b))
		return TUI_REDRAW;
	rc = app_block_remove(ui->app, b->id, &res, &err);
	return change_shown(ui, rc, &res, &err);
}

/*
 * Moves or resizes the selected block: its day by `days`, its start by
 * `start` slots, its end by `end` slots.  A move past the week's edge takes
 * the block into the neighbouring week (both weeks saved together), and
 * the screen follows it.
 */
static unsigned shift_block(struct tui *ui, int days, int start, int end)
{
	const struct block *sel = selected_or_say(ui);
	const struct settings *s = plan_settings(tui_plan(ui));
	struct app_result res;
	struct error err;
	struct block b;
	int rc;

	if (sel == NULL || !editable_or_say(ui, sel))
		return TUI_REDRAW;
	block_copy(&b, sel);
	b.date += days;
	b.start += start * s->slot;
	b.end += end * s->slot;
	rc = app_block_update(ui->app, &b, &res, &err);
	if (rc == 0) {
		/* Follow the block. */
		ui->day = date_week_index(b.date);
		if (cursor_day_off(ui, b.date))
			ui->weekend = true;
		ui->slot = (b.start - s->day_start) / s->slot;
	}
	block_clear(&b);
	return change_shown(ui, rc, &res, &err);
}

static unsigned act_later(struct tui *ui)
{
	return shift_block(ui, 0, 1, 1);
}

static unsigned act_earlier(struct tui *ui)
{
	return shift_block(ui, 0, -1, -1);
}

/* The next shown day in `dir`, as a day offset (may leave the week). */
static int next_shown_day(const struct tui *ui, int dir)
{
	unsigned mask = cursor_days_mask(ui);
	int d = ui->day, k = 0;

	do {
		d += dir;
		k += dir;
	} while (!(mask & (1u << (((d % 7) + 7) % 7))));
	return k;
}

static unsigned act_prev_day(struct tui *ui)
{
	return shift_block(ui, next_shown_day(ui, -1), 0, 0);
}

static unsigned act_next_day(struct tui *ui)
{
	return shift_block(ui, next_shown_day(ui, 1), 0, 0);
}

static unsigned act_longer(struct tui *ui)
{
	return shift_block(ui, 0, 0, 1);
}

static unsigned act_shorter(struct tui *ui)
{
	const struct block *b = cursor_block(ui);

	if (b != NULL && b->end - b->start <= plan_settings(tui_plan(ui))->slot) {
		tui_message(ui, ROLE_STATUS, "a block is at least one slot long; d deletes it");
		return TUI_REDRAW;
	}
	return shift_block(ui, 0, 0, -1);
}

/* ---- a meeting over a block ---- */

static unsigned fit_chosen(struct tui *ui, int key, const char *id)
{
	struct app_result res;
	struct error err;
	int rc = app_block_fit(ui->app, id, key == 'm' ? OVERLAP_MOVE : OVERLAP_SHORTEN, &res,
			       &err);

	return change_shown(ui, rc, &res, &err);
}

/* One answer of the fit question: where the block would go, if anywhere. */
static bool fit_choice(struct tui *ui, const struct block *b, enum overlap_fit how,
		       struct modal_choice *c, char label[120], struct error *err)
{
	struct block fit;
	char s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];

	if (overlap_fit(ui->week, tui_plan(ui), b, how, &fit, err) != 0)
		return false;
	date_time_show(fit.start, s);
	date_time_show(fit.end, e);
	snprintf(label, 120, "%s it to %s%s%s", how == OVERLAP_MOVE ? "move" : "shorten", s,
		 ui->g->dash, e);
	block_clear(&fit);
	c->key = how == OVERLAP_MOVE ? 'm' : 's';
	c->label = label;
	return true;
}

/* Offers to move or shorten the selected block clear of the meetings over it. */
static unsigned act_fit(struct tui *ui)
{
	const struct block *b = selected_or_say(ui), *meeting;
	struct modal_choice c[2];
	char labels[2][120], q[300], s[DATE_TIME_SHOW_MAX], e[DATE_TIME_SHOW_MAX];
	struct error err;
	size_t n = 0;

	if (b == NULL || !editable_or_say(ui, b))
		return TUI_REDRAW;
	if (overlap_meetings(ui->week, b, &meeting) == 0) {
		tui_message(ui, ROLE_STATUS, "no meeting overlaps \"%s\"", b->title);
		return TUI_REDRAW;
	}
	n += fit_choice(ui, b, OVERLAP_MOVE, &c[n], labels[n], &err);
	n += fit_choice(ui, b, OVERLAP_SHORTEN, &c[n], labels[n], &err);
	if (n == 0) {
		tui_message(ui, ROLE_WARNING, "%s", err.msg);
		return TUI_REDRAW;
	}
	date_time_show(meeting->start, s);
	date_time_show(meeting->end, e);
	snprintf(q, sizeof q, "\"%.60s\" %s%s%s overlaps \"%.60s\".", meeting->title, s,
		 ui->g->dash, e, b->title);
	choice_open(ui, "A meeting over a block", q, c, n, b->id, fit_chosen);
	return TUI_REDRAW;
}

/* Marks the block done or skipped; on one already so, back to planned. */
static unsigned set_status(struct tui *ui, enum block_status st)
{
	const struct block *sel = selected_or_say(ui);
	struct timer_outcome done = { .end = SESSION_DONE };
	struct app_result res;
	struct error err;
	int rc;

	if (sel == NULL || !editable_or_say(ui, sel))
		return TUI_REDRAW;
	if (sel->status == st)
		rc = app_block_reopen(ui->app, sel->id, &res, &err);
	else if (st == STATUS_DONE)
		rc = app_block_record(ui->app, sel->id, &done, &res, &err);
	else
		rc = app_block_skip(ui->app, sel->id, &res, &err);
	return change_shown(ui, rc, &res, &err);
}

static unsigned done_anyway(struct tui *ui)
{
	return set_status(ui, STATUS_DONE);
}

/* x: prospecting and account blocks open the short outcome form (the
 * timer's own when it runs on the block); others are marked done, after a
 * question when they have not started yet; a done block is planned again. */
static unsigned act_done(struct tui *ui)
{
	const struct block *b = selected_or_say(ui);
	char q[300], when[16], at[DATE_TIME_SHOW_MAX];

	if (b == NULL || !editable_or_say(ui, b))
		return TUI_REDRAW;
	if (b->status == STATUS_DONE)
		return set_status(ui, STATUS_DONE);
	if (ui->timer_on && strcmp(ui->timer.block, b->id) == 0) {
		outcome_form_open(ui);
		return TUI_REDRAW;
	}
	if (b->kind == KIND_PROSPECTING || b->kind == KIND_ACCOUNT) {
		outcome_form_open_block(ui, b);
		return TUI_REDRAW;
	}
	if (b->date < ui->today || (b->date == ui->today && b->start <= ui->now_minute))
		return set_status(ui, STATUS_DONE);
	date_format_short(b->date, when);
	date_time_show(b->start, at);
	snprintf(q, sizeof q, "\"%.60s\" has not started yet (%s %s). Mark it done now?",
		 b->title[0] ? b->title : model_kind_name(b->kind), when, at);
	confirm_open(ui, q, done_anyway);
	return TUI_REDRAW;
}

static unsigned act_skip(struct tui *ui)
{
	return set_status(ui, STATUS_SKIPPED);
}

static unsigned act_niche(struct tui *ui)
{
	if (tui_refuse_edit(ui))
		return TUI_REDRAW;
	niche_picker_open(ui);
	return TUI_REDRAW;
}

static unsigned act_settings(struct tui *ui)
{
	return settings_view_open(ui);
}

static unsigned act_catalog(struct tui *ui)
{
	return catalog_view_open(ui);
}

static unsigned act_plan(struct tui *ui)
{
	return planning_screen_open(ui);
}

/* ---- the rest ---- */

static unsigned act_review(struct tui *ui)
{
	return review_open(ui);
}

static unsigned act_undo(struct tui *ui)
{
	return change_undo(ui);
}

static unsigned act_redo(struct tui *ui)
{
	return change_redo(ui);
}

static unsigned act_save(struct tui *ui)
{
	return change_retry(ui);
}


static unsigned quit_anyway(struct tui *ui)
{
	(void)ui;
	return TUI_QUIT;
}

unsigned week_action_quit(struct tui *ui)
{
	if (app_unsaved_count(ui->app) > 0) {
		change_retry(ui);
		if (app_unsaved_count(ui->app) > 0) {
			confirm_open(ui, "Some changes could not be saved. Quit and lose them?",
				     quit_anyway);
			return TUI_REDRAW;
		}
	}
	return TUI_QUIT;
}

/* The next theme that loads, after the one in use (shown live, not saved). */
static unsigned act_theme(struct tui *ui)
{
	struct theme_dirs d;
	struct theme_list l;
	struct error err;
	size_t at = 0, k;

	theme_dirs_default(&d);
	if (theme_list_load(&d, &l, &err) != 0) {
		tui_message(ui, ROLE_WARNING, "cannot list the themes: %s", err.msg);
		theme_dirs_free(&d);
		return TUI_REDRAW;
	}
	if (l.n == 0) {
		tui_message(ui, ROLE_WARNING, "no theme files found");
		theme_list_free(&l);
		theme_dirs_free(&d);
		return TUI_REDRAW;
	}
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].name, ui->theme.name) == 0)
			at = i;
	err.msg[0] = '\0';
	for (k = 1; k <= l.n; k++) {
		const struct theme_entry *e = &l.v[(at + k) % l.n];
		struct theme t;

		if (e->shadowed || !e->valid_name || theme_load(&d, e->name, &t, &err) != 0)
			continue;
		ui->theme = t;
		colors_init(&ui->colors, &ui->theme, &ui->caps);
		tui_message(ui, ROLE_STATUS, "theme %s (focusweek themes --use %s keeps it)", t.name,
			    t.name);
		break;
	}
	if (k > l.n)
		tui_message(ui, ROLE_WARNING, "no theme file loads%s%s", err.msg[0] ? ": " : "",
			    err.msg);
	theme_list_free(&l);
	theme_dirs_free(&d);
	return TUI_REPAINT | TUI_REDRAW;
}

static const struct action week_actions[] = {
	{ "move-left", { 'h' }, { KEY_LEFT }, "previous day", NULL, act_left },
	{ "move-right", { 'l' }, { KEY_RIGHT }, "next day", NULL, act_right },
	{ "move-down", { 'j' }, { KEY_DOWN }, "next slot or block", NULL, act_down },
	{ "move-up", { 'k' }, { KEY_UP }, "previous slot or block", NULL, act_up },
	{ "page-down", { CTRL('d') }, { KEY_NPAGE }, "scroll the hours down", NULL, act_page_down },
	{ "page-up", { CTRL('u') }, { KEY_PPAGE }, "scroll the hours up", NULL, act_page_up },
	{ "first-slot", { 'g' }, { KEY_HOME }, "start of the day", NULL, act_first },
	{ "last-slot", { 'G' }, { KEY_END }, "end of the day", NULL, act_last },
	{ "prev-week", { '[' }, { 0 }, "previous week", NULL, act_prev_week },
	{ "next-week", { ']' }, { 0 }, "next week", NULL, act_next_week },
	{ "today", { 't' }, { 0 }, "go to today and now", NULL, act_today },
	{ "add", { 'a' }, { 0 }, "add a block at the cursor", "add", act_add },
	{ "edit", { '\r', '\n' }, { KEY_ENTER }, "edit the block (or add one)", "edit", act_edit },
	{ "delete", { 'd' }, { KEY_DC }, "delete the block (u undoes)", "delete", act_delete },
	{ "later", { 'J' }, { 0 }, "move the block a slot later", NULL, act_later },
	{ "earlier", { 'K' }, { 0 }, "move the block a slot earlier", NULL, act_earlier },
	{ "prev-day", { 'H' }, { 0 }, "move the block to the previous day", NULL, act_prev_day },
	{ "next-day", { 'L' }, { 0 }, "move the block to the next day", NULL, act_next_day },
	{ "longer", { '+', '=' }, { 0 }, "lengthen the block by a slot", NULL, act_longer },
	{ "shorter", { '-' }, { 0 }, "shorten the block by a slot", NULL, act_shorter },
	{ "done", { 'x' }, { 0 }, "done: its outcome, sold, minutes (again: planned)", "done",
	  act_done },
	{ "skip", { 'X' }, { 0 }, "mark the block skipped (again: planned)", NULL, act_skip },
	{ "fit", { 'o' }, { 0 }, "move or shorten the block clear of a meeting over it", NULL,
	  act_fit },
	{ "niche", { 'i' }, { 0 }, "set the niche of the day or half-day", "niche", act_niche },
	{ "catalog", { 'I' }, { 0 }, "industries and accounts: add, rename, colour, baseline, "
	  "archive, delete", NULL, act_catalog },
	{ "settings", { 'S' }, { 0 }, "settings: quota, hours, work days, week start, times, theme",
	  NULL, act_settings },
	{ "plan", { 'P' }, { 0 }, "plan the week: rotation, layout, carry-over, trims", "plan",
	  act_plan },
	{ "review", { 'r' }, { 0 }, "review the week: finished, results, quota", "review",
	  act_review },
	{ "timer-start", { 's' }, { 0 }, "start the timer on the block (none selected: on now)",
	  "start", focus_start },
	{ "focus", { 'f' }, { 0 }, "the focus screen of the running timer", NULL, focus_open },
	{ "undo", { 'u' }, { 0 }, "undo the last change", "undo", act_undo },
	{ "redo", { CTRL('r') }, { 0 }, "redo what was undone", NULL, act_redo },
	{ "save", { CTRL('s') }, { 0 }, "retry a save that failed", NULL, act_save },
	{ "weekend", { 'w' }, { 0 }, "show or hide the days off (the weekend)", NULL, act_weekend },
	{ "sync", { 'C' }, { 0 }, "sync with the calendars now (focusweek sync)", NULL, sync_key },
	{ "help", { '?' }, { KEY_F(1) }, "all the keys", "help", actions_help },
	{ "theme", { 'T' }, { 0 }, "next colour theme (for now)", NULL, act_theme },
	{ "repaint", { CTRL('l') }, { 0 }, "repaint the screen", NULL, actions_repaint },
	{ "quit", { 'q', CTRL('c') }, { 0 }, "quit (everything is already saved)", "quit",
	  week_action_quit },
	{ NULL },
};

const struct action_table week_action_table = {
	.ctx = CTX_WEEK,
	.title = "Week",
	.actions = week_actions,
};
