/* review_actions.c - what the keys do on the review screen: stepping weeks,
 * the span, scrolling, and carrying the unfinished blocks into next week. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app_planning.h"
#include "modal.h"
#include "planning.h"
#include "review_view.h"

#define REVIEW_SPAN_STEPS 4
static const int spans[REVIEW_SPAN_STEPS] = { 1, 4, 8, 13 };

unsigned review_open(struct tui *ui)
{
	ui->review.week = tui_week_key(ui);
	if (ui->review.n_weeks < 1)
		ui->review.n_weeks = 1;
	ui->review.scroll = 0;
	ui->review.carry[0] = '\0';
	ui->context = CTX_REVIEW;
	return TUI_REDRAW;
}

/* ---- weeks and span ---- */

/* Shows week `key` (the week view follows it, so its file is watched). */
static unsigned review_go(struct tui *ui, int key)
{
	char wk[9];

	if (!date_week_valid(key)) {
		tui_message(ui, ROLE_STATUS, "the calendar ends there");
		return TUI_REDRAW;
	}
	ui->review.week = key;
	ui->review.scroll = 0;
	ui->review.carry[0] = '\0';
	tui_show_week(ui, key);
	date_week_format(key, wk);
	if (!ui->message[0])
		tui_message(ui, ROLE_STATUS, "review of %s", wk);
	return TUI_REDRAW;
}

static unsigned act_prev(struct tui *ui)
{
	return review_go(ui, date_week_add(ui->review.week, -1));
}

static unsigned act_next(struct tui *ui)
{
	return review_go(ui, date_week_add(ui->review.week, 1));
}

static unsigned act_this_week(struct tui *ui)
{
	return review_go(ui, date_week_key(ui->today));
}

static unsigned act_span(struct tui *ui)
{
	int i = 0;

	while (i < REVIEW_SPAN_STEPS && spans[i] != ui->review.n_weeks)
		i++;
	ui->review.n_weeks = spans[(i + 1) % REVIEW_SPAN_STEPS];
	ui->review.scroll = 0;
	if (ui->review.n_weeks == 1)
		tui_message(ui, ROLE_STATUS, "one week");
	else
		tui_message(ui, ROLE_STATUS, "the last %d weeks", ui->review.n_weeks);
	return TUI_REDRAW;
}

/* ---- scrolling (the draw keeps the offset within the panels) ---- */

static unsigned review_scroll(struct tui *ui, int rows)
{
	int max = ui->review.rows - ui->review.page;

	ui->review.scroll += rows;
	if (ui->review.scroll > max)
		ui->review.scroll = max;
	if (ui->review.scroll < 0)
		ui->review.scroll = 0;
	return TUI_REDRAW;
}

static int review_page(const struct tui *ui)
{
	return ui->review.page > 1 ? ui->review.page - 1 : 1;
}

static unsigned act_down(struct tui *ui)
{
	return review_scroll(ui, 1);
}

static unsigned act_up(struct tui *ui)
{
	return review_scroll(ui, -1);
}

static unsigned act_page_down(struct tui *ui)
{
	return review_scroll(ui, review_page(ui));
}

static unsigned act_page_up(struct tui *ui)
{
	return review_scroll(ui, -review_page(ui));
}

static unsigned act_top(struct tui *ui)
{
	return review_scroll(ui, -ui->review.rows);
}

static unsigned act_bottom(struct tui *ui)
{
	return review_scroll(ui, ui->review.rows);
}

/* ---- carrying the unfinished blocks over ---- */

/* What the carry-over proposes, for the review (see app.h): a sum-up, then
 * the blocks left behind, by id, with why (each shown on its row of the
 * Unfinished list: the carry-over takes exactly the blocks listed there).
 * A line that does not fit is left out whole.  Returns how many it places. */
static int carry_note(struct tui *ui, const struct planning *pl, int next)
{
	size_t len = 0, size = sizeof ui->review.carry;
	int placed = 0, present = 0;
	char *o = ui->review.carry, wk[9], line[sizeof ui->review.carry];

	for (size_t i = 0; i < planning_item_count(pl); i++) {
		placed += planning_item_at(pl, i)->chosen;
		present += planning_item_at(pl, i)->present;
	}
	date_week_format(next, wk);
	len += (size_t)snprintf(o, size, "%c%d block%s carried into %s", placed ? '+' : ' ', placed,
				placed == 1 ? "" : "s", wk);
	if (present > 0 && len < size)
		len += (size_t)snprintf(o + len, size - len, "\n %d carried there before", present);
	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);
		size_t n;

		if (it->present || it->chosen)
			continue;
		n = (size_t)snprintf(line, sizeof line, "\n!%s\t%s", it->block.carried_from, it->why);
		if (len + n >= size)
			break;
		memcpy(o + len, line, n + 1);
		len += n;
	}
	return placed;
}

/* Saves the week after with the unfinished blocks placed by the planning's
 * carry-over, as one change; the screen stays on the reviewed week. */
static unsigned carry_apply(struct tui *ui, const struct app_planning *ap, int placed,
			    int next)
{
	struct app_result res;
	struct error err;
	enum theme_role said;
	char label[96], wk[9], msg[sizeof ui->message];
	int shown = tui_week_key(ui), rc;
	unsigned flags;

	date_week_format(next, wk);
	snprintf(label, sizeof label, "carried %d unfinished block%s into %s", placed,
		 placed == 1 ? "" : "s", wk);
	rc = app_planning_apply(ui->app, ap, label, &res, &err);
	flags = change_shown(ui, rc, &res, &err);
	if (tui_week_key(ui) != shown) {
		said = ui->message_role;
		snprintf(msg, sizeof msg, "%s", ui->message);
		tui_show_week(ui, shown);
		tui_message(ui, said, "%s", msg);
	}
	return flags;
}

/* The week after with the unfinished blocks placed.  The planning is made
 * at the review's moment, so it sees the same unfinished blocks as the
 * review. */
static unsigned act_carry(struct tui *ui)
{
	int next = date_week_add(ui->review.week, 1), placed;
	struct app_planning *ap;
	struct error err;
	unsigned flags = TUI_REDRAW;
	const char *why;
	char wk[9];

	ui->review.carry[0] = '\0';
	if (app_readonly(ui->app, &why)) {
		tui_message(ui, ROLE_WARNING, "read-only: %s", why);
		return TUI_REDRAW;
	}
	if (!date_week_valid(next)) {
		tui_message(ui, ROLE_STATUS, "the calendar ends with this week");
		return TUI_REDRAW;
	}
	if (app_planning_open(ui->app, next, ui->today, ui->now_minute, true, &ap, &err) != 0 ||
	    planning_carry_over(ap->pl, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "not carried: %s", err.msg);
		app_planning_free(ap);
		return TUI_REDRAW;
	}
	placed = carry_note(ui, ap->pl, next);
	date_week_format(next, wk);
	if (placed == 0)
		tui_message(ui, ROLE_STATUS, "nothing to carry into %s", wk);
	else
		flags = carry_apply(ui, ap, placed, next);
	app_planning_free(ap);
	return flags;
}

/* ---- the rest ---- */

/* Undo and redo, then back on the reviewed week (they show the week they
 * changed). */
static unsigned review_history(struct tui *ui, bool undo)
{
	unsigned flags = undo ? change_undo(ui) : change_redo(ui);

	ui->review.carry[0] = '\0';
	if (tui_week_key(ui) != ui->review.week) {
		enum theme_role said = ui->message_role;
		char msg[sizeof ui->message];

		snprintf(msg, sizeof msg, "%s", ui->message);
		tui_show_week(ui, ui->review.week);
		if (!ui->week_error[0])
			tui_message(ui, said, "%s", msg);
	}
	return flags | TUI_REDRAW;
}

static unsigned act_undo(struct tui *ui)
{
	return review_history(ui, true);
}

static unsigned act_redo(struct tui *ui)
{
	return review_history(ui, false);
}

static unsigned act_back(struct tui *ui)
{
	ui->context = CTX_WEEK;
	tui_show_week(ui, ui->review.week);
	return TUI_REDRAW;
}

static const struct action review_actions[] = {
	{ "review-prev-week", { '[' }, { 0 }, "review the previous week", NULL, act_prev },
	{ "review-next-week", { ']' }, { 0 }, "review the next week", NULL, act_next },
	{ "review-this-week", { 't' }, { 0 }, "review this week", NULL, act_this_week },
	{ "review-span", { 'w' }, { 0 }, "one week, or the last 4, 8 or 13", "weeks", act_span },
	{ "review-carry", { 'c' }, { 0 },
	  "carry the unfinished blocks into next week (u undoes)", "carry", act_carry },
	{ "review-down", { 'j' }, { KEY_DOWN }, "scroll down", NULL, act_down },
	{ "review-up", { 'k' }, { KEY_UP }, "scroll up", NULL, act_up },
	{ "review-page-down", { CTRL('d'), ' ' }, { KEY_NPAGE }, "scroll a page down", NULL,
	  act_page_down },
	{ "review-page-up", { CTRL('u') }, { KEY_PPAGE }, "scroll a page up", NULL, act_page_up },
	{ "review-top", { 'g' }, { KEY_HOME }, "to the top", NULL, act_top },
	{ "review-bottom", { 'G' }, { KEY_END }, "to the bottom", NULL, act_bottom },
	{ "review-undo", { 'u' }, { 0 }, "undo the last change", NULL, act_undo },
	{ "review-redo", { CTRL('r') }, { 0 }, "redo what was undone", NULL, act_redo },
	{ "review-back", { KEY_ESC, 'r' }, { 0 }, "back to the week", "week", act_back },
	{ "help", { '?' }, { KEY_F(1) }, "all the keys", "help", actions_help },
	{ "repaint", { CTRL('l') }, { 0 }, "repaint the screen", NULL, actions_repaint },
	{ "quit", { 'q' }, { 0 }, "quit (everything is already saved)", "quit", week_action_quit },
	{ NULL },
};

const struct action_table review_action_table = {
	.ctx = CTX_REVIEW,
	.title = "Review",
	.actions = review_actions,
};
