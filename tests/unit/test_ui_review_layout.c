/* test_ui_review_layout.c - the review screen's layout for every terminal
 * size: rows in order and on screen, columns inside the terminal, panels
 * stacked without overlap, the scroll offset kept within them. */
#include <string.h>

#include "review_layout.h"
#include "testutil.h"

static const int heights[PANEL_COUNT] = {
	[PANEL_FINISHED] = 20, [PANEL_UNFINISHED] = 4, [PANEL_FOCUS] = 7, [PANEL_QUOTA] = 5,
	[PANEL_RESULTS] = 7, [PANEL_ACCOUNTS] = 7, [PANEL_TREND] = 13,
};

/* No two panels of a column share a row, and one blank row parts them. */
static void check_stack(const struct review_layout *l, const int h[PANEL_COUNT])
{
	int tallest = 0;

	for (int p = 0; p < PANEL_COUNT; p++) {
		if (h[p] == 0)
			continue;
		assert_true(l->panel_row[p] >= 0);
		if (l->panel_row[p] + h[p] > tallest)
			tallest = l->panel_row[p] + h[p];
		for (int q = 0; q < PANEL_COUNT; q++) {
			if (q == p || h[q] == 0 || l->panel_col[q] != l->panel_col[p])
				continue;
			/* q is wholly above p with a gap, or wholly below. */
			assert_true(l->panel_row[q] + h[q] < l->panel_row[p] ||
				    l->panel_row[p] + h[p] < l->panel_row[q]);
		}
	}
	assert_int_equal(l->height, tallest);
}

static void check_size(int rows, int cols)
{
	struct review_layout l;

	review_layout_compute(&l, rows, cols);
	if (rows < REVIEW_LAYOUT_MIN_ROWS || cols < REVIEW_LAYOUT_MIN_COLS) {
		assert_true(l.too_small);
		return;
	}
	assert_false(l.too_small);
	assert_int_equal(l.status_row, rows - 1);
	assert_true(l.body_rows >= 1);
	assert_int_equal(l.body_row + l.body_rows, l.status_row);
	if (l.summary_row >= 0)
		assert_true(l.summary_row > 0 && l.summary_row < l.body_row);
	/* Two columns only on a wide terminal; both inside it, apart. */
	assert_int_equal(l.ncols, cols >= REVIEW_LAYOUT_WIDE ? 2 : 1);
	assert_int_equal(l.col_x[0], 0);
	if (l.ncols == 2) {
		assert_true(l.col_w[0] >= 50 && l.col_w[1] >= 50);
		assert_true(l.col_x[1] > l.col_w[0]);
		assert_int_equal(l.col_x[1] + l.col_w[1], cols);
	} else {
		assert_int_equal(l.col_w[0], cols);
	}
	review_layout_stack(&l, heights);
	check_stack(&l, heights);
	/* The scroll offset: never negative, never past the last screenful. */
	assert_int_equal(review_layout_clamp(&l, -5), 0);
	assert_int_equal(review_layout_clamp(&l, 100000),
			 l.height > l.body_rows ? l.height - l.body_rows : 0);
}

static void test_every_size(void **state)
{
	(void)state;
	for (int rows = 1; rows <= 60; rows++)
		for (int cols = 1; cols <= 200; cols += (cols < 30 || cols > 110 ? 1 : 7))
			check_size(rows, cols);
}

/* Reading order: one column puts the results and the quota right after
 * what was finished; two put the work left and its results right. */
static void test_order(void **state)
{
	struct review_layout l;

	(void)state;
	review_layout_compute(&l, 24, 80);
	review_layout_stack(&l, heights);
	assert_int_equal(l.panel_row[PANEL_FINISHED], 0);
	assert_int_equal(l.panel_row[PANEL_RESULTS], 21);
	assert_int_equal(l.panel_row[PANEL_QUOTA], 29);
	assert_int_equal(l.panel_row[PANEL_UNFINISHED], 35);
	assert_int_equal(l.height, 20 + 7 + 5 + 4 + 7 + 7 + 13 + 6);
	assert_int_equal(l.chart_rows, 1);

	review_layout_compute(&l, 50, 160);
	review_layout_stack(&l, heights);
	assert_int_equal(l.panel_col[PANEL_FINISHED], 0);
	assert_int_equal(l.panel_col[PANEL_UNFINISHED], 0);
	assert_int_equal(l.panel_col[PANEL_FOCUS], 0);
	assert_int_equal(l.panel_col[PANEL_QUOTA], 1);
	assert_int_equal(l.panel_row[PANEL_QUOTA], 0);
	assert_int_equal(l.panel_row[PANEL_RESULTS], 6);
	assert_int_equal(l.panel_row[PANEL_TREND], 22);
	assert_int_equal(l.height, 35);          /* the right column: 5+7+7+13 + 3 gaps */
	assert_int_equal(l.chart_rows, 3);
	assert_int_equal(l.summary_row, 1);
	assert_int_equal(l.body_rows, 46);       /* 50 less title, answer, gap, status */

	/* A panel left out takes no row and no gap. */
	{
		int h[PANEL_COUNT];

		memcpy(h, heights, sizeof h);
		h[PANEL_RESULTS] = 0;
		review_layout_stack(&l, h);
		assert_int_equal(l.panel_row[PANEL_ACCOUNTS], 6);
		assert_int_equal(l.height, 33);         /* now the left column is taller */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
