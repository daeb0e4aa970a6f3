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

/* The week after, with what the carry-over proposes, to choose from first
 * (carry_preview.c).  The planning is made at the review's moment, so it
 * sees the same unfinished blocks as the review. */
static unsigned act_carry(struct tui *ui)
{
	int next = date_week_add(ui->review.week, 1);
	const char *why;

	ui->review.carry[0] = '\0';
	if (app_readonly(ui->app, &why)) {
		tui_message(ui, ROLE_WARNING, "read-only: %s", why);
		return TUI_REDRAW;
	}
	if (!date_week_valid(next)) {
		tui_message(ui, ROLE_STATUS, "the calendar ends with this week");
		return TUI_REDRAW;
	}
	carry_preview_open(ui, next);
	return TUI_REDRAW;
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
	  "carry unfinished blocks into next week: shown first, to choose (u undoes)", "carry",
	  act_carry },
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
