/* week_actions.c - what the keys do on the week screen. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "focus.h"
#include "modal.h"
#include "plan_view.h"
#include "review_view.h"
#include "screens.h"
#include "theme_load.h"
#include "week_view.h"

/* ---- moving around ---- */

/* Steps the cursor over the shown days; past the edge, to the next week. */
static unsigned move_day(struct app *a, int dir)
{
	unsigned mask = cursor_days_mask(a);
	int d = a->day;

	for (int k = 0; k < 7; k++) {
		d += dir;
		if (d < 0 || d > 6) {
			app_show_week(a, date_week_add(app_week_key(a), dir));
			d = dir > 0 ? 0 : 6;
			while (!(mask & (1u << d)))
				d += dir > 0 ? 1 : -1;
			break;
		}
		if (mask & (1u << d))
			break;
	}
	a->day = d;
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_left(struct app *a)
{
	return move_day(a, -1);
}

static unsigned act_right(struct app *a)
{
	return move_day(a, 1);
}

/* Down: past the rest of the block under the cursor, else one slot. */
static unsigned act_down(struct app *a)
{
	const struct block *b = cursor_block(a);
	const struct settings *s = plan_settings(a->boot.plan);

	if (b != NULL && b->end > cursor_minute(a) + s->slot)
		a->slot = (b->end - s->day_start + s->slot - 1) / s->slot;
	else
		a->slot++;
	cursor_clamp(a);
	return APP_REDRAW;
}

/* Up: to the start of the block above (or of the one under the cursor). */
static unsigned act_up(struct app *a)
{
	const struct settings *s = plan_settings(a->boot.plan);
	const struct block *b = cursor_block(a);

	if (b != NULL && b->start < cursor_minute(a)) {
		a->slot = (b->start - s->day_start) / s->slot;
	} else {
		a->slot--;
		cursor_clamp(a);
		b = cursor_block(a);
		if (b != NULL && b->start >= s->day_start)
			a->slot = (b->start - s->day_start) / s->slot;
	}
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_page_down(struct app *a)
{
	int rows = a->layout.visible_slots > 1 ? a->layout.visible_slots - 1 : 1;

	a->slot += rows;
	a->top += rows;
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_page_up(struct app *a)
{
	int rows = a->layout.visible_slots > 1 ? a->layout.visible_slots - 1 : 1;

	a->slot -= rows;
	a->top -= rows;
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_first(struct app *a)
{
	a->slot = 0;
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_last(struct app *a)
{
	a->slot = cursor_slots(a) - 1;
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_prev_week(struct app *a)
{
	app_show_week(a, date_week_add(app_week_key(a), -1));
	return APP_REDRAW;
}

static unsigned act_next_week(struct app *a)
{
	app_show_week(a, date_week_add(app_week_key(a), 1));
	return APP_REDRAW;
}

static unsigned act_today(struct app *a)
{
	const struct settings *s = plan_settings(a->boot.plan);

	app_show_week(a, date_week_key(a->today));
	a->day = date_weekday(a->today);
	if (a->day >= 5)
		a->weekend = true;
	if (a->now_minute >= s->day_start && a->now_minute < s->day_end)
		a->slot = (a->now_minute - s->day_start) / s->slot;
	cursor_clamp(a);
	return APP_REDRAW;
}

static unsigned act_weekend(struct app *a)
{
	a->weekend = !a->weekend;
	cursor_clamp(a);
	app_message(a, ROLE_STATUS, a->weekend ? "weekend shown" : "weekend hidden");
	return APP_REDRAW;
}

/* ---- changing blocks ---- */

static const struct block *selected_or_say(struct app *a)
{
	const struct block *b = cursor_block(a);

	if (b == NULL)
		app_message(a, ROLE_STATUS, "no block here; a adds one");
	return b;
}

static bool editable_or_say(struct app *a, const struct block *b)
{
	if (b->kind == KIND_MEETING && b->uid != NULL) {
		app_message(a, ROLE_WARNING,
			    "\"%s\" is a real meeting from your calendar; change it there",
			    b->title);
		return false;
	}
	return !app_refuse_edit(a);
}

static unsigned act_add(struct app *a)
{
	if (app_refuse_edit(a))
		return APP_REDRAW;
	form_open(a, NULL);
	return APP_REDRAW;
}

static unsigned act_edit(struct app *a)
{
	const struct block *b = selected_or_say(a);

	if (b == NULL)
		return act_add(a);
	if (!editable_or_say(a, b))
		return APP_REDRAW;
	form_open(a, b);
	return APP_REDRAW;
}

static unsigned act_delete(struct app *a)
{
	const struct block *b = selected_or_say(a);
	struct week *w;
	char label[96];

	if (b == NULL || !editable_or_say(a, b))
		return APP_REDRAW;
	if (a->timer_on && strcmp(a->timer.block, b->id) == 0) {
		app_message(a, ROLE_WARNING,
			    "the timer is running on \"%s\"; stop it first (f, then a abandons)",
			    b->title);
		return APP_REDRAW;
	}
	snprintf(label, sizeof label, "deleted \"%.60s\"", b->title);
	w = week_clone(a->week);
	week_block_remove(w, b->id, NULL);
	change_propose(a, label, w);
	return APP_CHANGE | APP_REDRAW;
}

/*
 * Moves or resizes the selected block: its day by `days`, its start by
 * `start` slots, its end by `end` slots.  A move past the week's edge takes
 * the block into the neighbouring week (both weeks saved together).
 */
static unsigned shift_block(struct app *a, int days, int start, int end, const char *what)
{
	const struct block *sel = selected_or_say(a);
	const struct settings *s = plan_settings(a->boot.plan);
	struct block b;
	struct week *w, *other = NULL;
	struct error err;
	char label[96];
	int target_key;

	if (sel == NULL || !editable_or_say(a, sel))
		return APP_REDRAW;
	block_copy(&b, sel);
	b.date += days;
	b.start += start * s->slot;
	b.end += end * s->slot;
	snprintf(label, sizeof label, "%s \"%.60s\"", what, b.title);
	w = week_clone(a->week);
	target_key = date_week_key(b.date);
	if (target_key == week_key(w)) {
		if (week_block_update(w, a->boot.plan, &b, &err) != 0)
			goto refused;
		change_propose(a, label, w);
	} else {
		if (store_load_week(a->boot.store, a->boot.plan, target_key, &other, &err) != 0 ||
		    week_block_move_in(other, a->boot.plan, &b, sel, &err) != 0)
			goto refused;
		week_block_remove(w, b.id, NULL);
		change_propose2(a, label, other, w);
		a->pending.follow = target_key;
	}
	block_clear(&b);
	/* Follow the block. */
	a->day = (int)(b.date - date_week_monday(target_key));
	if (a->day >= 5)
		a->weekend = true;
	a->slot = (sel->start + start * s->slot - s->day_start) / s->slot;
	return APP_CHANGE | APP_REDRAW;
refused:
	app_message(a, ROLE_ERROR, "%s", err.msg);
	week_free(w);
	week_free(other);
	block_clear(&b);
	return APP_REDRAW;
}

static unsigned act_later(struct app *a)
{
	return shift_block(a, 0, 1, 1, "moved later");
}

static unsigned act_earlier(struct app *a)
{
	return shift_block(a, 0, -1, -1, "moved earlier");
}

/* The next shown day in `dir`, as a day offset (may leave the week). */
static int next_shown_day(const struct app *a, int dir)
{
	unsigned mask = cursor_days_mask(a);
	int d = a->day, k = 0;

	do {
		d += dir;
		k += dir;
	} while (!(mask & (1u << (((d % 7) + 7) % 7))));
	return k;
}

static unsigned act_prev_day(struct app *a)
{
	return shift_block(a, next_shown_day(a, -1), 0, 0, "moved to the previous day");
}

static unsigned act_next_day(struct app *a)
{
	return shift_block(a, next_shown_day(a, 1), 0, 0, "moved to the next day");
}

static unsigned act_longer(struct app *a)
{
	return shift_block(a, 0, 0, 1, "lengthened");
}

static unsigned act_shorter(struct app *a)
{
	const struct block *b = cursor_block(a);

	if (b != NULL && b->end - b->start <= plan_settings(a->boot.plan)->slot) {
		app_message(a, ROLE_STATUS, "a block is at least one slot long; d deletes it");
		return APP_REDRAW;
	}
	return shift_block(a, 0, 0, -1, "shortened");
}

static unsigned set_status(struct app *a, enum block_status st)
{
	const struct block *sel = selected_or_say(a);
	struct block b;
	struct week *w;
	struct error err;
	char label[96];

	if (sel == NULL || !editable_or_say(a, sel))
		return APP_REDRAW;
	if (a->timer_on && strcmp(sel->id, a->timer.block) == 0) {
		/* As `focusweek done` and `skip`: the timer ends it, with its counts. */
		app_message(a, ROLE_WARNING, "the timer runs on \"%s\": finish or abandon it on "
			    "the focus screen", sel->title);
		return APP_REDRAW;
	}
	block_copy(&b, sel);
	b.status = b.status == st ? STATUS_PLANNED : st;
	if (b.status != STATUS_DONE)
		b.cut_short = false;
	snprintf(label, sizeof label, "\"%.60s\" marked %s", b.title, model_status_name(b.status));
	w = week_clone(a->week);
	if (week_block_update(w, a->boot.plan, &b, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		week_free(w);
		block_clear(&b);
		return APP_REDRAW;
	}
	block_clear(&b);
	change_propose(a, label, w);
	return APP_CHANGE | APP_REDRAW;
}

static unsigned act_done(struct app *a)
{
	return set_status(a, STATUS_DONE);
}

static unsigned act_skip(struct app *a)
{
	return set_status(a, STATUS_SKIPPED);
}

static unsigned act_niche(struct app *a)
{
	if (app_refuse_edit(a))
		return APP_REDRAW;
	niche_picker_open(a);
	return APP_REDRAW;
}

static unsigned act_plan(struct app *a)
{
	return plan_screen_open(a);
}

/* ---- the rest ---- */

static unsigned act_review(struct app *a)
{
	return review_open(a);
}

static unsigned act_undo(struct app *a)
{
	return change_undo(a);
}

static unsigned act_redo(struct app *a)
{
	return change_redo(a);
}

static unsigned act_save(struct app *a)
{
	return change_retry(a);
}


static unsigned quit_anyway(struct app *a)
{
	(void)a;
	return APP_QUIT;
}

unsigned week_action_quit(struct app *a)
{
	if (a->n_unsaved > 0) {
		change_retry(a);
		if (a->n_unsaved > 0) {
			confirm_open(a, "Some changes could not be saved. Quit and lose them?",
				     quit_anyway);
			return APP_REDRAW;
		}
	}
	return APP_QUIT;
}

/* The next theme that loads, after the one in use (shown live, not saved). */
static unsigned act_theme(struct app *a)
{
	struct theme_dirs d;
	struct theme_list l;
	struct error err;
	size_t at = 0, k;

	theme_dirs_default(&d);
	if (theme_list_load(&d, &l, &err) != 0) {
		app_message(a, ROLE_WARNING, "cannot list the themes: %s", err.msg);
		theme_dirs_free(&d);
		return APP_REDRAW;
	}
	if (l.n == 0) {
		app_message(a, ROLE_WARNING, "no theme files found");
		theme_list_free(&l);
		theme_dirs_free(&d);
		return APP_REDRAW;
	}
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].name, a->theme.name) == 0)
			at = i;
	err.msg[0] = '\0';
	for (k = 1; k <= l.n; k++) {
		const struct theme_entry *e = &l.v[(at + k) % l.n];
		struct theme t;

		if (e->shadowed || !e->valid_name || theme_load(&d, e->name, &t, &err) != 0)
			continue;
		a->theme = t;
		colors_init(&a->colors, &a->theme, &a->caps);
		app_message(a, ROLE_STATUS, "theme %s (focusweek themes --use %s keeps it)", t.name,
			    t.name);
		break;
	}
	if (k > l.n)
		app_message(a, ROLE_WARNING, "no theme file loads%s%s", err.msg[0] ? ": " : "",
			    err.msg);
	theme_list_free(&l);
	theme_dirs_free(&d);
	return APP_REPAINT | APP_REDRAW;
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
	{ "done", { 'x' }, { 0 }, "mark the block done (again: planned)", "done", act_done },
	{ "skip", { 'X' }, { 0 }, "mark the block skipped (again: planned)", NULL, act_skip },
	{ "niche", { 'i' }, { 0 }, "set the niche of the day or half-day", "niche", act_niche },
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
	{ "weekend", { 'w' }, { 0 }, "show or hide the weekend", NULL, act_weekend },
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
