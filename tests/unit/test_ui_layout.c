/* test_ui_layout.c - the week screen's layout for every terminal size. */
#include <string.h>

#include "layout.h"
#include "testutil.h"

static void check_layout(int rows, int cols, unsigned mask, int focus, int slots)
{
	struct layout l;
	int last_end;

	layout_compute(&l, rows, cols, mask, focus, slots, rows % 2 == 0);
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		assert_true(l.too_small);
		return;
	}
	assert_false(l.too_small);
	/* Days: at least one, the focused one among them, columns in order. */
	assert_true(l.ndays >= 1 && l.ndays <= 7);
	assert_true(layout_column(&l, focus) >= 0);
	last_end = l.ruler_w;
	for (int c = 0; c < l.ndays; c++) {
		assert_true(mask & (1u << l.day[c]));
		assert_int_equal(l.day_x[c], last_end);
		assert_true(l.day_w[c] >= 4);
		last_end = l.day_x[c] + l.day_w[c];
		if (c > 0)
			assert_true(l.day[c] > l.day[c - 1]);
	}
	assert_int_equal(last_end, cols); /* every column used, none past the edge */
	/* Rows: header, grid, details, status, in order and on screen. */
	assert_int_equal(l.status_row, rows - 1);
	assert_true(l.grid_row > l.head_row);
	if (l.banner_row >= 0)
		assert_true(l.banner_row > l.head_row && l.banner_row < l.grid_row);
	assert_true(l.grid_rows >= 1);
	assert_true(l.grid_row + l.grid_rows <= (l.detail_row >= 0 ? l.detail_row : l.status_row));
	/* Slots: all of them when they fit, each at least one row, in order. */
	assert_true(l.visible_slots >= 1);
	if (slots <= l.grid_rows)
		assert_int_equal(l.visible_slots, slots);
	for (int r = 0; r < l.visible_slots; r++) {
		assert_true(layout_slot_y(&l, r + 1) > layout_slot_y(&l, r));
		assert_int_equal(layout_slot_at(&l, layout_slot_y(&l, r)), r);
	}
	assert_int_equal(layout_slot_y(&l, l.visible_slots), l.grid_row + l.grid_rows);
}

static void test_every_size(void **state)
{
	static const unsigned masks[] = { 0x1f, 0x7f, 0x01, 0x55 };

	(void)state;
	for (int rows = 1; rows <= 70; rows++)
		for (int cols = 1; cols <= 220; cols++)
			for (size_t m = 0; m < sizeof masks / sizeof masks[0]; m++)
				for (int focus = 0; focus < 7; focus++)
					if (masks[m] & (1u << focus))
						check_layout(rows, cols, masks[m], focus,
							     focus % 2 ? 20 : 96);
}

static void test_degrades_in_steps(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 40, 120, 0x1f, 1, 20, true);
	assert_int_equal(l.banner_row, 3);
	assert_int_equal(l.ndays, 5);
	assert_int_equal(l.ruler_w, 6);
	assert_int_equal(l.header, HEADER_LONG);
	assert_true(l.niche_row);
	assert_true(l.detail_row > 0);
	layout_compute(&l, 12, 40, 0x1f, 1, 20, true);
	assert_int_equal(l.banner_row, -1);
	assert_int_equal(l.ndays, 5);
	assert_int_equal(l.header, HEADER_SHORT);
	/* 20 columns cannot hold five days and a ruler: the ruler goes. */
	layout_compute(&l, 6, 20, 0x1f, 4, 20, false);
	assert_int_equal(l.ndays, 5);
	assert_int_equal(l.ruler_w, 0);
	assert_false(l.niche_row);
	assert_int_equal(l.detail_row, -1);
	/* Seven days in 24 columns: some go, the focused day stays. */
	layout_compute(&l, 20, 24, 0x7f, 6, 20, false);
	assert_true(l.ndays < 7);
	assert_int_equal(l.day[l.ndays - 1], 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_degrades_in_steps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
