/* planning_view.c - drawing the planning screen: the week and the count of
 * changes, the step indicator, the page's keys, its list (scrolling to the
 * selection), the selected item's details and the bottom line. */
#include "planning_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "buf.h"
#include "draw.h"
#include "week_view.h"

/* The actions each page names in its key line (besides the common ones). */
static const char *const page_keys[PLANNING_PAGE_COUNT][5] = {
	[PLANNING_PAGE_LAST] = { "plan-next", "plan-summary", "plan-cancel" },
	[PLANNING_PAGE_ROTATION] = { "plan-industry-next", "plan-yield", "plan-toggle", "plan-skip" },
	[PLANNING_PAGE_LAYOUT] = { "plan-source", "plan-stagger", "plan-toggle", "plan-skip" },
	[PLANNING_PAGE_CARRY] = { "plan-toggle", "plan-skip" },
	[PLANNING_PAGE_ACCOUNTS] = { "plan-trim", "plan-fill", "plan-toggle", "plan-skip" },
	[PLANNING_PAGE_QUOTA] = { "plan-toggle", "plan-skip" },
	[PLANNING_PAGE_SUMMARY] = { "plan-apply", "plan-prev", "plan-cancel" },
};

static attr_t role(const struct tui *ui, enum theme_role r)
{
	return colors_role(&ui->colors, r);
}

static const struct action *planning_view_action(enum tui_context ctx, const char *name)
{
	for (size_t t = 0; action_tables[t] != NULL; t++) {
		if (!(action_tables[t]->ctx & ctx))
			continue;
		for (const struct action *act = action_tables[t]->actions; act->name; act++)
			if (strcmp(act->name, name) == 0)
				return act;
	}
	return NULL;
}

void planning_view_keys(const struct tui *ui, enum tui_context ctx, const char *name, char *out,
		    size_t size)
{
	const struct action *act = planning_view_action(ctx, name);

	out[0] = '\0';
	if (act != NULL)
		actions_keys_label(act, ui->mode, out, size);
}

/* ---- drawing ---- */

/* Rows of the screen. */
struct planning_frame {
	int top_row;     /* the week and the count, or -1 */
	int step_row;    /* the step indicator */
	int keys_row;    /* the page's keys, or -1 */
	int list_row;    /* the first list row */
	int list_h;      /* list rows */
	int detail_row;  /* the selected item's details, or -1 */
	int status_row;  /* the bottom line, or -1 */
};

static void planning_frame(struct planning_frame *f, int rows)
{
	f->top_row = rows >= 4 ? 0 : -1;
	f->step_row = rows >= 4 ? 1 : 0;
	f->keys_row = rows >= 9 ? 2 : -1;
	f->status_row = rows >= 2 ? rows - 1 : -1;
	f->detail_row = rows >= 6 ? rows - 2 : -1;
	f->list_row = (f->keys_row >= 0 ? f->keys_row : f->step_row) + 1;
	f->list_h = (f->detail_row >= 0 ? f->detail_row : f->status_row >= 0 ? f->status_row : rows) -
		    f->list_row;
	if (f->keys_row >= 0 && f->list_h > 6) {
		/* A blank row under the keys, when there is room. */
		f->list_row++;
		f->list_h--;
	}
	if (f->list_h < 0)
		f->list_h = 0;
}

static void draw_top(struct tui *ui, int row)
{
	struct planning_state *ps = ui->planning_state;
	char label[DATE_WEEK_LABEL_MAX], count[48];
	size_t n = planning_change_count(ps->ap->pl);
	int cw;

	if (row < 0)
		return;
	draw_fill(row, 0, COLS, role(ui, ROLE_HEADER));
	date_week_label(week_key(ps->ap->week), ui->mode == TEXT_UTF8, label);
	snprintf(count, sizeof count, "%zu change%s", n, n == 1 ? "" : "s");
	cw = (int)strlen(count);
	if (COLS >= cw + 20) {
		draw_text(row, COLS - cw - 1, cw, count, role(ui, ROLE_HEADER), ui->mode);
		cw += 2;
	} else {
		cw = 0;
	}
	{
		char title[96];

		snprintf(title, sizeof title, "Planning %s", label);
		draw_text(row, 1, COLS - 1 - cw, title, role(ui, ROLE_HEADER), ui->mode);
	}
}

static void draw_steps(struct tui *ui, int row)
{
	const struct planning_state *ps = ui->planning_state;
	char ind[48];
	int x;

	if (ps->page < PLANNING_STEPS)
		snprintf(ind, sizeof ind, "%d/%d %s", ps->page + 1, PLANNING_STEPS,
			 planning_rows_page_name(ps->page));
	else
		snprintf(ind, sizeof ind, "%s", planning_rows_page_name(ps->page));
	draw_fill(row, 0, COLS, role(ui, ROLE_NORMAL));
	x = draw_text(row, 0, COLS, ind, role(ui, ROLE_TITLE) | A_BOLD, ui->mode) + 3;
	/* Every page, the one shown standing out, when the line has room. */
	{
		int need = 0;

		for (int p = 0; p < PLANNING_PAGE_COUNT; p++)
			need += text_width(planning_rows_page_name((enum planning_page)p), ui->mode) + 3;
		if (x + need > COLS)
			return;
	}
	for (int p = 0; p < PLANNING_PAGE_COUNT; p++) {
		attr_t at = p == (int)ps->page ? role(ui, ROLE_CURSOR) : role(ui, ROLE_GRID);

		if (p > 0)
			x += draw_text(row, x, COLS - x, ui->g->dot, role(ui, ROLE_GRID), ui->mode) + 1;
		x += draw_text(row, x, COLS - x, planning_rows_page_name((enum planning_page)p), at, ui->mode) + 1;
	}
}

/* The page's own keys, from the action table. */
static void draw_keys(struct tui *ui, int row)
{
	const struct planning_state *ps = ui->planning_state;
	int x = 0;

	if (row < 0)
		return;
	for (int k = 0; k < 5 && page_keys[ps->page][k] != NULL && x < COLS; k++) {
		const struct action *act = planning_view_action(CTX_PLANNING, page_keys[ps->page][k]);
		const char *help;
		char keys[64];

		if (act == NULL)
			continue;
		actions_keys_label(act, ui->mode, keys, sizeof keys);
		/* Whole, or in its hint word, or not at all: never cut (? lists all). */
		help = act->help;
		if (x + text_width(keys, ui->mode) + 1 + text_width(help, ui->mode) > COLS)
			help = act->hint;
		if (help == NULL ||
		    x + text_width(keys, ui->mode) + 1 + text_width(help, ui->mode) > COLS)
			continue;
		x += draw_text(row, x, COLS - x, keys, role(ui, ROLE_HINT_KEY), ui->mode) + 1;
		x += draw_text(row, x, COLS - x, help, role(ui, ROLE_HINT), ui->mode) + 3;
	}
}

static attr_t item_attr(const struct tui *ui, const struct planning_item *it)
{
	if (it->blocked)
		return role(ui, ROLE_GRID);
	if (it->chosen)
		return role(ui, ROLE_OK);
	return role(ui, ROLE_NORMAL);
}

/* A slot's industry swatch: its colour, or its letter without colour. */
static int draw_swatch(struct tui *ui, int y, int x, int id)
{
	const struct industry *ind = plan_industry_by_id(ui->planning_state->ap->plan, id);
	int slot = ind != NULL ? ind->color : 0;
	char s[4] = "  ";

	if (!ui->colors.color && slot > 0)
		s[0] = theme_industry_letter(slot);
	draw_text(y, x, 2, s, colors_industry(&ui->colors, slot), ui->mode);
	return 3;
}

static void draw_row(struct tui *ui, int y, const struct planning_row *row, bool selected)
{
	const struct planning_item *it = planning_rows_item(ui, row);
	const char *verb = planning_rows_verb(ui, row);
	struct buf t = BUF_INIT;
	attr_t at = role(ui, row->kind == PLANNING_ROW_HEAD ? ROLE_TITLE : ROLE_NORMAL);
	attr_t vat = it != NULL ? item_attr(ui, it) : at;
	int x = 1;

	planning_rows_line(ui, row, &t);
	if (verb == NULL) {
		draw_pad(y, 0, COLS, buf_str(&t), at, ui->mode);
		buf_free(&t);
		return;
	}
	if (selected)
		at = vat = role(ui, ROLE_CURSOR);
	draw_fill(y, 0, COLS, at);
	if (row->kind == PLANNING_ROW_SLOT) {
		/* The industry the day will have. */
		const struct planning_slot *s = planning_slot_at(ui->planning_state->ap->pl, row->ref);

		x += draw_swatch(ui, y, x, it != NULL && !it->chosen ? s->current : s->proposed);
	}
	draw_text(y, x, 8, verb, vat | A_BOLD, ui->mode);
	draw_text(y, x + 9, COLS - x - 9, buf_str(&t), at, ui->mode);
	buf_free(&t);
}

/* Keeps the selection inside the entries and the list scrolled to it. */
static void planning_scroll(struct planning_state *ps, const struct planning_rows *rows, int list_h)
{
	int *sel = &ps->sel[ps->page], *top = &ps->top[ps->page];
	int max_top = (int)rows->n - list_h;
	long at;

	if (*sel >= (int)rows->entries)
		*sel = (int)rows->entries - 1;
	if (*sel < 0)
		*sel = 0;
	at = planning_rows_entry(rows, *sel);
	if (at >= 0 && list_h > 0) {
		if (at < *top)
			*top = (int)at;
		if (at >= *top + list_h)
			*top = (int)at - list_h + 1;
		/* The first entry shows the lines above it when they fit. */
		if (*sel == 0 && at < list_h)
			*top = 0;
	}
	if (*top > max_top)
		*top = max_top;
	if (*top < 0)
		*top = 0;
}

static void draw_list(struct tui *ui, const struct planning_frame *f, const struct planning_rows *rows)
{
	struct planning_state *ps = ui->planning_state;
	long sel = rows->entries > 0 ? planning_rows_entry(rows, ps->sel[ps->page]) : -1;
	int top = ps->top[ps->page];

	for (int r = 0; r < f->list_h && top + r < (int)rows->n; r++)
		draw_row(ui, f->list_row + r, &rows->v[top + r], top + r == sel);
	/* More above or below. */
	if (f->list_h > 1 && COLS > 2) {
		const char *up = ui->g->up;
		const char *down = ui->g->down;

		if (top > 0)
			draw_text(f->list_row, COLS - 1, 1, up, role(ui, ROLE_HINT_KEY), ui->mode);
		if (top + f->list_h < (int)rows->n)
			draw_text(f->list_row + f->list_h - 1, COLS - 1, 1, down, role(ui, ROLE_HINT_KEY),
				  ui->mode);
	}
	if (f->detail_row >= 0) {
		struct buf t = BUF_INIT;

		if (sel >= 0)
			planning_rows_detail(ui, &rows->v[sel], &t);
		draw_pad(f->detail_row, 0, COLS, buf_str(&t), role(ui, ROLE_STATUS), ui->mode);
		buf_free(&t);
	}
}

void planning_view_draw(struct tui *ui)
{
	struct planning_frame f;
	struct planning_rows rows;

	erase();
	/* The help overlay needs the week screen's minimum. */
	ui->layout.too_small = LINES < LAYOUT_MIN_ROWS || COLS < LAYOUT_MIN_COLS;
	if (ui->planning_state == NULL || LINES < 1 || COLS < 1)
		return;
	planning_frame(&f, LINES);
	planning_rows_build(ui, &rows);
	planning_scroll(ui->planning_state, &rows, f.list_h);
	draw_top(ui, f.top_row);
	draw_steps(ui, f.step_row);
	draw_keys(ui, f.keys_row);
	draw_list(ui, &f, &rows);
	planning_rows_free(&rows);
	if (f.status_row >= 0)
		week_view_status(ui, f.status_row);
}
