/* carry_preview.c - the review's c: what the carry-over would do with each
 * unfinished block of the week reviewed, shown first, chosen block by block
 * (the planning's own choices, planning_choose), then applied as one change
 * that also remembers what was left out (planning_apply), so neither c nor
 * the planning screen offers it again. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app_planning.h"
#include "draw.h"
#include "modal.h"
#include "planning.h"
#include "review_view.h"
#include "xalloc.h"

#define PREVIEW_ROWS_MIN 3 /* item rows shown at the least */

struct carry_preview {
	struct app_planning *ap; /* owned */
	int next;                /* the week carried into */
	size_t *items;           /* the carry step's items, by index in the planning */
	size_t n;
	size_t cursor;           /* among them */
	size_t top;              /* the first shown */
	char error[640];
};

/* ---- what the carry-over did, for the review's rows ---- */

/* A sum-up, then the blocks left behind, by id, with why (each shown on its
 * row of the Unfinished list: see struct tui_review).  A line that does not
 * fit is left out whole.  Returns how many it places. */
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
		n = (size_t)snprintf(line, sizeof line, "\n!%s\t%s", it->block.carried_from,
				     it->why[0] ? it->why : "left out");
		if (len + n >= size)
			break;
		memcpy(o + len, line, n + 1);
		len += n;
	}
	return placed;
}

/* Saves the week after as chosen, as one change; the screen stays on the
 * reviewed week. */
static unsigned carry_apply(struct tui *ui, const struct app_planning *ap, int placed, int next)
{
	struct app_result res;
	struct error err;
	enum theme_role said;
	char label[96], wk[9], msg[sizeof ui->message];
	int shown = tui_week_key(ui), rc;
	unsigned flags;

	date_week_format(next, wk);
	if (placed > 0)
		snprintf(label, sizeof label, "carried %d unfinished block%s into %s", placed,
			 placed == 1 ? "" : "s", wk);
	else
		snprintf(label, sizeof label, "left the unfinished blocks out of %s (not offered "
			 "again)", wk);
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

/* ---- the preview ---- */

static const struct planning_item *preview_item(const struct carry_preview *c, size_t i)
{
	return planning_item_at(c->ap->pl, c->items[i]);
}

static void preview_row(struct tui *ui, const struct carry_preview *c, size_t i, int y, int x,
			int w)
{
	const struct planning_item *it = preview_item(c, i);
	struct buf t = BUF_INIT;
	attr_t at = colors_role(&ui->colors, i == c->cursor ? ROLE_CURSOR : ROLE_DIALOG);

	buf_addf(&t, "%s %-6s ", it->chosen ? "[x]" : it->blocked ? "   " : "[ ]",
		 planning_item_verb(it));
	planning_item_text(c->ap->pl, it, &t);
	if (it->why[0])
		buf_addf(&t, " %s %s", ui->g->dot, it->why);
	draw_pad(y, x, w, buf_str(&t), at, ui->mode);
	buf_free(&t);
}

static void preview_draw(struct tui *ui, void *state)
{
	struct carry_preview *c = state;
	int w = COLS - 4, rows = LINES - 12, y, x, h;
	char title[64], wk[9];

	if (rows < PREVIEW_ROWS_MIN)
		rows = PREVIEW_ROWS_MIN;
	if ((size_t)rows > c->n)
		rows = (int)(c->n > 0 ? c->n : 1);
	if (c->cursor < c->top)
		c->top = c->cursor;
	if (c->cursor >= c->top + (size_t)rows)
		c->top = c->cursor - (size_t)rows + 1;
	h = rows + 8;
	date_week_format(c->next, wk);
	snprintf(title, sizeof title, "Carry into %s", wk);
	modal_frame(ui, h, w, title, &y, &x);
	draw_text(y + 1, x + 2, w - 4,
		  c->n ? "Where each unfinished block would go; what is left out is not offered again."
		       : "Nothing is left unfinished to carry.",
		  colors_role(&ui->colors, ROLE_DIALOG), ui->mode);
	for (int r = 0; r < rows && c->top + (size_t)r < c->n; r++)
		preview_row(ui, c, c->top + (size_t)r, y + 3 + r, x + 2, w - 4);
	if (c->error[0])
		draw_text(y + h - 4, x + 2, w - 4, c->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	else if (c->n > 0 && preview_item(c, c->cursor)->why[0])
		draw_text(y + h - 4, x + 2, w - 4, preview_item(c, c->cursor)->why,
			  colors_role(&ui->colors, ROLE_WARNING), ui->mode);
	draw_text(y + h - 2, x + 2, w - 4, "j/k move  Space carry or leave out  Enter apply  Esc cancel",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* Does applying leave out a block not left out before (to remember)? */
static bool preview_declines(const struct app_planning *ap)
{
	for (size_t i = 0; i < planning_item_count(ap->pl); i++) {
		const struct planning_item *it = planning_item_at(ap->pl, i);

		if (it->step == PLANNING_CARRY && !it->chosen && !it->blocked &&
		    !week_carry_declined(ap->week, it->block.carried_from))
			return true;
	}
	return false;
}

static unsigned preview_enter(struct tui *ui, struct carry_preview *c)
{
	struct app_planning *ap = c->ap;
	int next = c->next, placed;
	unsigned flags = TUI_REDRAW;
	char wk[9];

	c->ap = NULL; /* kept past the modal's close */
	modal_close(ui);
	placed = carry_note(ui, ap->pl, next);
	if (placed == 0 && !preview_declines(ap)) {
		date_week_format(next, wk);
		tui_message(ui, ROLE_STATUS, "nothing to carry into %s", wk);
	} else {
		flags = carry_apply(ui, ap, placed, next);
	}
	app_planning_free(ap);
	return flags;
}

static unsigned preview_key(struct tui *ui, void *state, struct key k)
{
	struct carry_preview *c = state;
	struct error err;

	c->error[0] = '\0';
	if (!k.fn && (k.code == KEY_ESC || k.code == 'q')) {
		modal_close(ui);
		tui_message(ui, ROLE_STATUS, "nothing carried");
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return preview_enter(ui, c);
	if (((!k.fn && k.code == 'j') || (k.fn && k.code == KEY_DOWN)) && c->cursor + 1 < c->n)
		c->cursor++;
	else if (((!k.fn && k.code == 'k') || (k.fn && k.code == KEY_UP)) && c->cursor > 0)
		c->cursor--;
	else if (!k.fn && k.code == ' ' && c->n > 0 &&
		 planning_choose(c->ap->pl, c->items[c->cursor], !preview_item(c, c->cursor)->chosen,
				 &err) != 0)
		snprintf(c->error, sizeof c->error, "%s", err.msg);
	return TUI_REDRAW;
}

static void preview_free(void *state)
{
	struct carry_preview *c = state;

	app_planning_free(c->ap);
	free(c->items);
	free(c);
}

static const struct modal_ops preview_ops = {
	.draw = preview_draw, .key = preview_key, .free = preview_free,
};

void carry_preview_open(struct tui *ui, int next)
{
	struct carry_preview *c = xcalloc(1, sizeof *c);
	struct error err;

	c->next = next;
	if (app_planning_open(ui->app, next, ui->today, ui->now_minute, true, &c->ap, &err) != 0 ||
	    planning_carry_over(c->ap->pl, &err) != 0) {
		tui_message(ui, ROLE_ERROR, "not carried: %s", err.msg);
		preview_free(c);
		return;
	}
	c->items = xcalloc(planning_item_count(c->ap->pl) + 1, sizeof *c->items);
	for (size_t i = 0; i < planning_item_count(c->ap->pl); i++)
		if (planning_item_at(c->ap->pl, i)->step == PLANNING_CARRY)
			c->items[c->n++] = i;
	modal_open(ui, &preview_ops, c);
}
