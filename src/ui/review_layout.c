/* review_layout.c - where the review screen's panels go. */
#include "review_layout.h"

#include <string.h>

/* Reading order: what was finished, what it produced, the quota first. */
static const enum review_panel one_column[PANEL_COUNT] = {
	PANEL_FINISHED, PANEL_RESULTS, PANEL_QUOTA, PANEL_UNFINISHED,
	PANEL_FOCUS, PANEL_ACCOUNTS, PANEL_TREND,
};

/* Two columns: the work on the left, its results on the right. */
static const enum review_panel two_columns[PANEL_COUNT] = {
	PANEL_FINISHED, PANEL_UNFINISHED, PANEL_FOCUS,
	PANEL_QUOTA, PANEL_RESULTS, PANEL_ACCOUNTS, PANEL_TREND,
};

void review_layout_compute(struct review_layout *l, int rows, int cols)
{
	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	l->summary_row = -1;
	l->ncols = 1;
	l->chart_rows = 1;
	if (rows < REVIEW_LAYOUT_MIN_ROWS || cols < REVIEW_LAYOUT_MIN_COLS) {
		l->too_small = true;
		return;
	}
	l->status_row = rows - 1;
	l->body_row = 1;
	/* The one-line answer, when it leaves room for a few rows of panels. */
	if (rows >= 8) {
		l->summary_row = 1;
		l->body_row = 3;
	}
	l->body_rows = l->status_row - l->body_row;
	if (cols >= REVIEW_LAYOUT_WIDE) {
		l->ncols = 2;
		l->col_w[0] = (cols - 3) / 2;
		l->col_x[1] = l->col_w[0] + 3;
		l->col_w[1] = cols - l->col_x[1];
	} else {
		l->col_w[0] = cols;
	}
	if (rows >= REVIEW_LAYOUT_TALL)
		l->chart_rows = 3;
}

int review_layout_column(const struct review_layout *l, enum review_panel p)
{
	return l->ncols == 2 && p >= PANEL_QUOTA ? 1 : 0;
}

void review_layout_stack(struct review_layout *l, const int heights[PANEL_COUNT])
{
	const enum review_panel *order = l->ncols == 2 ? two_columns : one_column;
	int next[2] = { 0, 0 };

	for (int i = 0; i < PANEL_COUNT; i++) {
		enum review_panel p = order[i];
		int c = review_layout_column(l, p);

		l->panel_col[p] = c;
		l->panel_row[p] = next[c] > 0 && heights[p] > 0 ? next[c] + 1 : next[c];
		if (heights[p] > 0)
			next[c] = l->panel_row[p] + heights[p];
	}
	l->height = next[0] > next[1] ? next[0] : next[1];
}

int review_layout_clamp(const struct review_layout *l, int scroll)
{
	int max = l->height - l->body_rows;

	if (scroll > max)
		scroll = max;
	return scroll < 0 ? 0 : scroll;
}
