/* review_actions.c - what the keys do on the review screen: stepping weeks,
 * the span, scrolling, and carrying the unfinished blocks into next week. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "modal.h"
#include "planning.h"
#include "review_view.h"
#include "store.h"

#define REVIEW_SPAN_STEPS 4
static const int spans[REVIEW_SPAN_STEPS] = { 1, 4, 8, 13 };

unsigned review_open(struct app *a)
{
	a->review.week = app_week_key(a);
	if (a->review.n_weeks < 1)
		a->review.n_weeks = 1;
	a->review.scroll = 0;
	a->review.carry[0] = '\0';
	a->context = CTX_REVIEW;
	return APP_REDRAW;
}

/* ---- weeks and span ---- */

/* Shows week `key` (the week view follows it, so its file is watched). */
static unsigned review_go(struct app *a, int key)
{
	char wk[9];

	if (!date_week_valid(key)) {
		app_message(a, ROLE_STATUS, "the calendar ends there");
		return APP_REDRAW;
	}
	a->review.week = key;
	a->review.scroll = 0;
	a->review.carry[0] = '\0';
	app_show_week(a, key);
	date_week_format(key, wk);
	if (!a->message[0])
		app_message(a, ROLE_STATUS, "review of %s", wk);
	return APP_REDRAW;
}

static unsigned act_prev(struct app *a)
{
	return review_go(a, date_week_add(a->review.week, -1));
}

static unsigned act_next(struct app *a)
{
	return review_go(a, date_week_add(a->review.week, 1));
}

static unsigned act_this_week(struct app *a)
{
	return review_go(a, date_week_key(a->today));
}

static unsigned act_span(struct app *a)
{
	int i = 0;

	while (i < REVIEW_SPAN_STEPS && spans[i] != a->review.n_weeks)
		i++;
	a->review.n_weeks = spans[(i + 1) % REVIEW_SPAN_STEPS];
	a->review.scroll = 0;
	if (a->review.n_weeks == 1)
		app_message(a, ROLE_STATUS, "one week");
	else
		app_message(a, ROLE_STATUS, "the last %d weeks", a->review.n_weeks);
	return APP_REDRAW;
}

/* ---- scrolling (the draw keeps the offset within the panels) ---- */

static unsigned review_scroll(struct app *a, int rows)
{
	int max = a->review.rows - a->review.page;

	a->review.scroll += rows;
	if (a->review.scroll > max)
		a->review.scroll = max;
	if (a->review.scroll < 0)
		a->review.scroll = 0;
	return APP_REDRAW;
}

static int review_page(const struct app *a)
{
	return a->review.page > 1 ? a->review.page - 1 : 1;
}

static unsigned act_down(struct app *a)
{
	return review_scroll(a, 1);
}

static unsigned act_up(struct app *a)
{
	return review_scroll(a, -1);
}

static unsigned act_page_down(struct app *a)
{
	return review_scroll(a, review_page(a));
}

static unsigned act_page_up(struct app *a)
{
	return review_scroll(a, -review_page(a));
}

static unsigned act_top(struct app *a)
{
	return review_scroll(a, -a->review.rows);
}

static unsigned act_bottom(struct app *a)
{
	return review_scroll(a, a->review.rows);
}

/* ---- carrying the unfinished blocks over ---- */

/* What the carry-over proposes, for the review (see app.h): a sum-up, then
 * the blocks left behind, by id, with why (each shown on its row of the
 * Unfinished list: the carry-over takes exactly the blocks listed there).
 * A line that does not fit is left out whole.  Returns how many it places. */
static int carry_note(struct app *a, const struct planning *pl, int next)
{
	size_t len = 0, size = sizeof a->review.carry;
	int placed = 0, present = 0;
	char *o = a->review.carry, wk[9], line[sizeof a->review.carry];

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

/* Proposes the week after with the unfinished blocks placed by the
 * planning's carry-over, as one change.  The planning is made at the
 * review's moment, so it sees the same unfinished blocks as the review. */
static unsigned carry_propose(struct app *a, const struct week *src, const struct week *dst,
			      int next)
{
	int placed;
	struct week *out = NULL;
	struct planning *pl = planning_new(a->boot.plan, dst, &src, 1, a->today, a->now_minute);
	struct error err;
	unsigned flags = APP_REDRAW;
	char label[96], wk[9];

	if (planning_carry_over(pl, &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		goto out;
	}
	placed = carry_note(a, pl, next);
	date_week_format(next, wk);
	if (placed == 0) {
		app_message(a, ROLE_STATUS, "nothing to carry into %s", wk);
		goto out;
	}
	if (planning_apply(pl, &out, &err) != 0) {
		app_message(a, ROLE_ERROR, "not carried: %s", err.msg);
		goto out;
	}
	snprintf(label, sizeof label, "carried %d unfinished block%s into %s", placed,
		 placed == 1 ? "" : "s", wk);
	change_propose(a, label, out);
	flags |= APP_CHANGE;
out:
	planning_free(pl);
	return flags;
}

static unsigned act_carry(struct app *a)
{
	int key = a->review.week, next = date_week_add(key, 1);
	const struct week *src, *dst = NULL;
	bool own_src = false, own_dst = false;
	struct error err;
	const char *why;
	unsigned flags = APP_REDRAW;

	a->review.carry[0] = '\0';
	if (store_readonly(a->boot.store, &why)) {
		app_message(a, ROLE_WARNING, "read-only: %s", why);
		return APP_REDRAW;
	}
	if (!date_week_valid(next)) {
		app_message(a, ROLE_STATUS, "the calendar ends with this week");
		return APP_REDRAW;
	}
	src = review_week_current(a, key, &own_src, &err);
	if (src != NULL)
		dst = review_week_current(a, next, &own_dst, &err);
	if (dst == NULL)
		app_message(a, ROLE_ERROR, "not carried: %s", err.msg);
	else
		flags = carry_propose(a, src, dst, next);
	if (own_src)
		week_free((struct week *)src);
	if (own_dst)
		week_free((struct week *)dst);
	return flags;
}

/* ---- the rest ---- */

/* Undo and redo, then back on the reviewed week (they show the week they
 * changed). */
static unsigned review_history(struct app *a, bool undo)
{
	unsigned flags = undo ? change_undo(a) : change_redo(a);

	a->review.carry[0] = '\0';
	if (app_week_key(a) != a->review.week) {
		enum theme_role said = a->message_role;
		char msg[sizeof a->message];

		snprintf(msg, sizeof msg, "%s", a->message);
		app_show_week(a, a->review.week);
		if (!a->week_error[0])
			app_message(a, said, "%s", msg);
	}
	return flags | APP_REDRAW;
}

static unsigned act_undo(struct app *a)
{
	return review_history(a, true);
}

static unsigned act_redo(struct app *a)
{
	return review_history(a, false);
}

static unsigned act_back(struct app *a)
{
	a->context = CTX_WEEK;
	app_show_week(a, a->review.week);
	return APP_REDRAW;
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
	{ "review-back", { 27, 'r' }, { 0 }, "back to the week", "week", act_back },
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
