/* review_view.c - drawing the review: the title, a one-line answer, and
 * panels (review_results.c, review_work.c) in one or two columns that scroll
 * together. */
#include "review_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "modal.h"
#include "review_layout.h"
#include "review_pen.h"
#include "week_view.h"

/* ---- the top two lines ---- */

static attr_t role(const struct tui *ui, enum theme_role r)
{
	return colors_role(&ui->colors, r);
}

static void draw_title(struct tui *ui, const struct review *r)
{
	char label[DATE_WEEK_LABEL_MAX], from[9], to[9], when[16], t[DATE_TIME_SHOW_MAX], text[160];
	const char *why;
	bool ro = app_readonly(ui->app, &why);
	int w = COLS - (ro ? 12 : 0);

	draw_fill(0, 0, COLS, role(ui, ROLE_HEADER));
	if (ui->review.n_weeks <= 1) {
		date_week_label(ui->review.week, ui->mode == TEXT_UTF8, label);
	} else {
		date_week_format(date_week_add(ui->review.week, 1 - ui->review.n_weeks), from);
		date_week_format(ui->review.week, to);
		snprintf(label, sizeof label, "%s %s %s, %d weeks", from, ui->g->dash, to,
			 ui->review.n_weeks);
	}
	date_format_short(ui->today, when);
	date_time_show(ui->now_minute, t);
	snprintf(text, sizeof text, "Review %s %s as of %s %s", label, ui->g->dot, when, t);
	if (r == NULL || w < text_width(text, ui->mode) + 1)
		snprintf(text, sizeof text, "Review %s", label);
	draw_text(0, 1, w - 1, text, role(ui, ROLE_HEADER) | A_BOLD, ui->mode);
	if (ro)
		draw_text(0, COLS - 11, 11, "[read-only]", role(ui, ROLE_WARNING), ui->mode);
}

/* The three parts of the answer line: finished, produced, the quota. */
static enum theme_role answer_parts(const struct tui *ui, const struct review *r, bool brief,
				    char parts[3][160])
{
	const struct review_tally *t = &r->total;
	const struct glyphs *g = ui->g;
	char h1[24], h2[24], pct[16] = "";

	review_hours(t->done_minutes, h1);
	review_hours(t->minutes, h2);
	if (t->rate_pct >= 0)
		snprintf(pct, sizeof pct, "%d%% %s ", t->rate_pct, g->dot);
	if (brief)
		snprintf(parts[0], 160, "Done %s%d/%d blocks", pct, t->done, t->blocks);
	else
		snprintf(parts[0], 160, "Finished %s%d of %d blocks, %s of %s", pct, t->done,
			 t->blocks, h1, h2);
	if (brief)
		snprintf(parts[1], 160, "%lld %s %s %lld %s", (long long)r->all.out.calls,
			 text_noun(r->all.out.calls, "call", "calls"), g->dot,
			 (long long)r->all.out.meetings, text_noun(r->all.out.meetings, "mtg", "mtgs"));
	else
		snprintf(parts[1], 160, "%lld %s %s %lld conv %s %lld %s", (long long)r->all.out.calls,
			 text_noun(r->all.out.calls, "call", "calls"), g->dot,
			 (long long)r->all.out.conversations, g->dot, (long long)r->all.out.meetings,
			 text_noun(r->all.out.meetings, "meeting", "meetings"));
	return review_pen_pace(&r->quota, brief, parts[2], 160);
}

/* Finished, produced, on pace: the screen's question in one line, in
 * short words when the long ones do not fit. */
static void draw_answer(struct tui *ui, const struct review *r)
{
	char bar[16];

	snprintf(bar, sizeof bar, " %s ", ui->g->vbar);
	char parts[3][160];
	enum theme_role pace = answer_parts(ui, r, false, parts);
	int x = 0, w = 6;

	for (int i = 0; i < 3; i++)
		w += text_width(parts[i], ui->mode);
	if (w > COLS)
		pace = answer_parts(ui, r, true, parts);
	for (int i = 0; i < 3 && x < COLS; i++) {
		attr_t at = i == 2 ? role(ui, pace) | A_BOLD : role(ui, ROLE_NORMAL) | (i ? 0 : A_BOLD);

		if (i > 0)
			x += draw_text(1, x, COLS - x, bar, role(ui, ROLE_GRID), ui->mode);
		x += draw_text(1, x, COLS - x, parts[i], at, ui->mode);
	}
}

/* ---- the panels ---- */

typedef void (*panel_fn)(struct pen *p, const struct review_view *v);

static const panel_fn panels[PANEL_COUNT] = {
	[PANEL_FINISHED] = panel_finished,
	[PANEL_UNFINISHED] = panel_unfinished,
	[PANEL_FOCUS] = panel_focus,
	[PANEL_QUOTA] = panel_quota,
	[PANEL_RESULTS] = panel_results,
	[PANEL_ACCOUNTS] = panel_accounts,
	[PANEL_TREND] = panel_trend,
};

/* A pen for panel i: measuring (nothing drawn) until the layout is known. */
static struct pen pen_for(const struct review_view *v, int i, bool drawing)
{
	const struct review_layout *l = v->l;
	int c = review_layout_column(l, (enum review_panel)i);
	struct pen p = { .ui = v->ui, .x = l->col_x[c], .w = l->col_w[c] };

	if (drawing) {
		p.y0 = l->body_row + l->panel_row[i] - v->ui->review.scroll;
		p.top = l->body_row;
		p.bottom = l->body_row + l->body_rows;
	}
	return p;
}

static void draw_panels(struct tui *ui, struct review_layout *l, const struct review_data *d)
{
	struct review_view v = { .ui = ui, .r = d->r, .d = d, .l = l };
	int heights[PANEL_COUNT];

	for (int i = 0; i < PANEL_COUNT; i++) {
		struct pen p = pen_for(&v, i, false);

		panels[i](&p, &v);
		heights[i] = p.row;
	}
	review_layout_stack(l, heights);
	ui->review.scroll = review_layout_clamp(l, ui->review.scroll);
	ui->review.rows = l->height;
	ui->review.page = l->body_rows;
	for (int i = 0; i < PANEL_COUNT; i++) {
		struct pen p = pen_for(&v, i, true);

		panels[i](&p, &v);
	}
	if (l->ncols == 2)
		for (int y = l->body_row; y < l->body_row + l->body_rows; y++)
			draw_text(y, l->col_w[0] + 1, 1, ui->g->vbar,
				  role(ui, ROLE_GRID), ui->mode);
}

/* More above or below: a mark at the right end of the first or last row. */
static void draw_scroll_marks(struct tui *ui, const struct review_layout *l)
{
	const char *up = ui->g->up;
	const char *down = ui->g->down;

	if (ui->review.scroll > 0)
		draw_text(l->body_row, COLS - 1, 1, up, role(ui, ROLE_HINT_KEY), ui->mode);
	if (ui->review.scroll + l->body_rows < l->height)
		draw_text(l->body_row + l->body_rows - 1, COLS - 1, 1, down, role(ui, ROLE_HINT_KEY),
			  ui->mode);
}

static void draw_too_small(struct tui *ui)
{
	static const char *const msgs[] = {
		"Terminal too small: enlarge it to at least 20x3", "Too small: need 20x3",
		"Too small", "small", "!",
	};

	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
		if ((int)strlen(msgs[i]) <= COLS || i == 4) {
			draw_text(LINES / 2, 0, COLS, msgs[i], role(ui, ROLE_WARNING), ui->mode);
			return;
		}
}

void review_view_draw(struct tui *ui)
{
	struct review_layout l;
	const struct review_data *d;

	erase();
	review_layout_compute(&l, LINES, COLS);
	/* The help overlay reads the week layout's verdict. */
	ui->layout.too_small = l.too_small;
	if (l.too_small) {
		draw_too_small(ui);
		return;
	}
	d = review_data_current(ui);
	draw_title(ui, d->r);
	if (d->error[0] && (l.summary_row >= 0 || d->r == NULL))
		draw_pad(l.summary_row >= 0 ? l.summary_row : l.body_row, 0, COLS, d->error,
			 role(ui, ROLE_ERROR), ui->mode);
	else if (l.summary_row >= 0)
		draw_answer(ui, d->r);
	if (d->r != NULL) {
		draw_panels(ui, &l, d);
		draw_scroll_marks(ui, &l);
	}
	week_view_status(ui, l.status_row);
	modal_draw(ui);
}

int review_view_tick_ms(const struct tui *ui)
{
	/* The week on screen is the one reviewed; ticks only while what is due
	 * can change, as the week view's. */
	return tui_week_key(ui) == ui->review.week ? week_view_next_tick_ms(ui) : -1;
}
