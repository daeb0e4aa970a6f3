/* review_layout.h - where the review screen's panels go: a pure function of
 * the terminal size and the panels' heights.  No curses here, so it is
 * tested for every size without a terminal. */
#ifndef FOCUSWEEK_REVIEW_LAYOUT_H
#define FOCUSWEEK_REVIEW_LAYOUT_H

#include <stdbool.h>

#define REVIEW_LAYOUT_MIN_ROWS 3    /* the title, one row of panels, the status */
#define REVIEW_LAYOUT_MIN_COLS 20
#define REVIEW_LAYOUT_WIDE 120      /* two columns of panels from this width on */
#define REVIEW_LAYOUT_TALL 30       /* bar charts three rows high from this height on */

enum review_panel {
	PANEL_FINISHED,     /* blocks and hours done vs planned */
	PANEL_UNFINISHED,   /* the unfinished blocks, carried or not */
	PANEL_FOCUS,        /* days held to one niche, interruptions */
	PANEL_QUOTA,        /* sales against the target, pace, projection */
	PANEL_RESULTS,      /* calls, conversations, meetings per industry */
	PANEL_ACCOUNTS,     /* account time against the baselines */
	PANEL_TREND,        /* the last weeks as bar charts */
	PANEL_COUNT
};

struct review_layout {
	bool too_small;      /* only the "too small" message fits */
	int rows, cols;
	int summary_row;     /* the one-line answer under the title, or -1 */
	int body_row;        /* the first row of the panels' window */
	int body_rows;       /* its height (at least 1) */
	int status_row;      /* the bottom line */
	int ncols;           /* columns of panels: 1 or 2 */
	int col_x[2], col_w[2];
	int chart_rows;      /* rows of one bar of the trend (1: a sparkline) */
	/* Set by review_layout_stack: */
	int panel_col[PANEL_COUNT];  /* the column of each panel */
	int panel_row[PANEL_COUNT];  /* its first row, counted from the top of the panels */
	int height;          /* rows of the taller column */
};

void review_layout_compute(struct review_layout *l, int rows, int cols);
/* The column panel p goes in. */
int review_layout_column(const struct review_layout *l, enum review_panel p);
/* Stacks the panels (heights in rows; 0 leaves one out) down their columns,
 * one blank row between two, in reading order. */
void review_layout_stack(struct review_layout *l, const int heights[PANEL_COUNT]);
/* A scroll offset kept within the panels: 0 .. height - body_rows. */
int review_layout_clamp(const struct review_layout *l, int scroll);

#endif
