/* focus_layout.c - where everything goes on the focus screen. */
#include "focus_layout.h"

#include <string.h>

#include "layout.h"

/* What stays as the terminal shrinks, the most important first. */
static const enum focus_part by_importance[] = {
	FOCUS_COUNTDOWN, FOCUS_STATUS, FOCUS_COUNTERS, FOCUS_INDUSTRY, FOCUS_TITLE,
	FOCUS_STATE, FOCUS_BAR, FOCUS_QUESTION, FOCUS_END, FOCUS_INTERRUPTIONS, FOCUS_HEADER,
};

/* A blank row goes before these, when there is room, in this order. */
static const enum focus_part gaps_before[] = { FOCUS_COUNTDOWN, FOCUS_COUNTERS, FOCUS_QUESTION };

#define N_IMPORTANCE (sizeof by_importance / sizeof by_importance[0])
#define N_GAPS (sizeof gaps_before / sizeof gaps_before[0])

/* The parts that fit one row each; returns the rows left. */
static int focus_choose(struct focus_layout *l, int rows)
{
	int used = 0;

	for (size_t i = 0; i < N_IMPORTANCE && used < rows; i++, used++)
		l->height[by_importance[i]] = 1;
	return rows - used;
}

/* Spends spare rows on the big digits, the band, then the gaps. */
static int focus_grow(struct focus_layout *l, int spare, int cols, int big_w, int gap[])
{
	if (l->height[FOCUS_COUNTDOWN] && big_w <= cols && spare >= FOCUS_BIG_ROWS - 1) {
		l->big_digits = true;
		l->height[FOCUS_COUNTDOWN] = FOCUS_BIG_ROWS;
		spare -= FOCUS_BIG_ROWS - 1;
	}
	if (l->height[FOCUS_INDUSTRY] && spare >= FOCUS_BAND_ROWS - 1) {
		l->band = true;
		l->height[FOCUS_INDUSTRY] = FOCUS_BAND_ROWS;
		spare -= FOCUS_BAND_ROWS - 1;
	}
	for (size_t i = 0; i < N_GAPS && spare > 0; i++) {
		if (l->height[gaps_before[i]]) {
			gap[gaps_before[i]] = 1;
			spare--;
		}
	}
	return spare;
}

void focus_layout_compute(struct focus_layout *l, int rows, int cols, int big_w)
{
	int gap[FOCUS_PARTS] = { 0 };
	int spare, top = 0, bottom = rows, y;

	memset(l, 0, sizeof *l);
	for (int p = 0; p < FOCUS_PARTS; p++)
		l->row[p] = -1;
	l->too_small = rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
	if (rows <= 0 || cols <= 0)
		return;
	spare = focus_grow(l, focus_choose(l, rows), cols, big_w, gap);
	if (l->height[FOCUS_HEADER])
		l->row[FOCUS_HEADER] = top++;
	if (l->height[FOCUS_STATUS])
		l->row[FOCUS_STATUS] = --bottom;
	/* The middle parts in screen order, centred in what is left. */
	y = top + spare / 2;
	for (int p = FOCUS_HEADER + 1; p < FOCUS_STATUS; p++) {
		if (!l->height[p])
			continue;
		y += gap[p];
		l->row[p] = y;
		y += l->height[p];
	}
}
