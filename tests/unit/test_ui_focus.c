/* test_ui_focus.c - the focus screen's pure parts: its layout for every
 * terminal size, when it wakes, how it reads the clocks, the week's minutes. */
#include <string.h>

#include "focus.h"
#include "focus_layout.h"
#include "testutil.h"

/* ---- the layout ---- */

static void check_focus_layout(int rows, int cols, int big_w)
{
	struct focus_layout l;
	bool used[200] = { false };
	int shown = 0;

	focus_layout_compute(&l, rows, cols, big_w);
	assert_int_equal(l.too_small, rows < 6 || cols < 20);
	/* The countdown always shows; parts stay on screen and never overlap. */
	assert_true(l.row[FOCUS_COUNTDOWN] >= 0);
	for (int p = 0; p < FOCUS_PARTS; p++) {
		if (l.row[p] < 0) {
			assert_int_equal(l.height[p], 0);
			continue;
		}
		shown++;
		assert_true(l.height[p] >= 1);
		assert_true(l.row[p] + l.height[p] <= rows);
		for (int r = l.row[p]; r < l.row[p] + l.height[p]; r++) {
			assert_false(used[r]);
			used[r] = true;
		}
	}
	/* In screen order, the bottom line last, the header first. */
	for (int p = 0, last = -1; p < FOCUS_PARTS; p++) {
		if (l.row[p] < 0)
			continue;
		assert_true(l.row[p] > last);
		last = l.row[p];
	}
	if (l.row[FOCUS_STATUS] >= 0)
		assert_int_equal(l.row[FOCUS_STATUS], rows - 1);
	if (l.row[FOCUS_HEADER] >= 0)
		assert_int_equal(l.row[FOCUS_HEADER], 0);
	/* As many parts as fit, one row each at least. */
	assert_int_equal(shown, rows < FOCUS_PARTS ? rows : FOCUS_PARTS);
	/* Big digits only when they fit across. */
	if (l.big_digits) {
		assert_true(big_w <= cols);
		assert_int_equal(l.height[FOCUS_COUNTDOWN], FOCUS_BIG_ROWS);
	}
}

static void test_layout_every_size(void **state)
{
	(void)state;
	for (int rows = 1; rows <= 60; rows++)
		for (int cols = 1; cols <= 200; cols++) {
			check_focus_layout(rows, cols, 30);
			check_focus_layout(rows, cols, 41);
		}
}

static void test_layout_degrades_in_steps(void **state)
{
	struct focus_layout l;

	(void)state;
	/* One row: the countdown alone. */
	focus_layout_compute(&l, 1, 1, 30);
	assert_int_equal(l.row[FOCUS_COUNTDOWN], 0);
	assert_int_equal(l.row[FOCUS_STATUS], -1);
	/* Two: and the bottom line under it. */
	focus_layout_compute(&l, 2, 10, 30);
	assert_int_equal(l.row[FOCUS_COUNTDOWN], 0);
	assert_int_equal(l.row[FOCUS_STATUS], 1);
	/* 80x24 has room for everything, big. */
	focus_layout_compute(&l, 24, 80, 30);
	assert_true(l.big_digits);
	assert_true(l.band);
	for (int p = 0; p < FOCUS_PARTS; p++)
		assert_true(l.row[p] >= 0);
	/* Too narrow for the big digits: plain, the rest still there. */
	focus_layout_compute(&l, 24, 29, 30);
	assert_false(l.big_digits);
	assert_true(l.row[FOCUS_QUESTION] >= 0);
	/* 40x12: no room for big digits beside everything else. */
	focus_layout_compute(&l, 12, 40, 30);
	assert_false(l.big_digits);
	assert_int_equal(l.height[FOCUS_COUNTDOWN], 1);
}

/* ---- when to wake ---- */

static struct timer_view view(int64_t remaining, bool paused)
{
	struct timer_view v = { 0 };

	v.at = 1000;
	v.remaining = remaining;
	v.is_paused = paused;
	return v;
}

static void test_wakes_when_the_second_turns(void **state)
{
	struct timer_view v = view(600, false);

	(void)state;
	assert_int_equal(focus_next_change_ms(&v, 1000000, true), 1000);
	assert_int_equal(focus_next_change_ms(&v, 1000001, true), 999);
	assert_int_equal(focus_next_change_ms(&v, 1000999, true), 1);
	/* Paused: the pause's length still counts up on the focus screen. */
	v.is_paused = true;
	assert_int_equal(focus_next_change_ms(&v, 1000250, true), 750);
	/* Before 1970 too (floor, not truncation). */
	assert_int_equal(focus_next_change_ms(&v, -1, true), 1);
}

static void test_wakes_when_the_minutes_turn(void **state)
{
	struct timer_view v = view(600, false);

	(void)state;
	/* Exactly 10:00 left: the next turn is at 9:00 left. */
	assert_int_equal(focus_next_change_ms(&v, 1000000, false), 60000);
	/* 10:00 left at 250 ms into the second: 9:59.75 left. */
	assert_int_equal(focus_next_change_ms(&v, 1000250, false), 59750);
	v.remaining = 61;
	assert_int_equal(focus_next_change_ms(&v, 1000000, false), 1000);
	/* Overtime turns on whole minutes too: +0:30 over turns at +1:00. */
	v.remaining = -30;
	assert_int_equal(focus_next_change_ms(&v, 1000000, false), 30000);
	/* Paused on the week: nothing changes, no wake. */
	v.is_paused = true;
	assert_int_equal(focus_next_change_ms(&v, 1000000, false), -1);
	/* The clock moved back: wake when it passes the last change. */
	v = view(600, false);
	v.clock_back = true;
	assert_int_equal(focus_next_change_ms(&v, 995000, false), 5000);
	assert_int_equal(focus_next_change_ms(&v, 100000, false), 60000);
}

/* ---- the clocks ---- */

static void test_clock_events(void **state)
{
	struct tui_clocks before = { 1000000, 5000, 5000 }, after;
	int64_t by;

	(void)state;
	/* Ten seconds on every clock. */
	after = (struct tui_clocks){ 1010000, 15000, 15000 };
	assert_int_equal(focus_clock_compare(&before, &after, &by), FOCUS_CLOCK_STEADY);
	assert_int_equal(by, 0);
	/* Noise up to 2 s is not an event. */
	after = (struct tui_clocks){ 1011900, 15000, 15000 };
	assert_int_equal(focus_clock_compare(&before, &after, &by), FOCUS_CLOCK_STEADY);
	/* The wall clock set back an hour. */
	after = (struct tui_clocks){ 1010000 - 3600000, 15000, 15000 };
	assert_int_equal(focus_clock_compare(&before, &after, &by), FOCUS_CLOCK_BACK);
	assert_int_equal(by, 3600000);
	/* Set forward five minutes. */
	after = (struct tui_clocks){ 1010000 + 300000, 15000, 15000 };
	assert_int_equal(focus_clock_compare(&before, &after, &by), FOCUS_CLOCK_FORWARD);
	assert_int_equal(by, 300000);
	/* A 20-minute sleep: wall and boot time ran on, monotonic did not. */
	after = (struct tui_clocks){ 1000000 + 1210000, 15000, 5000 + 1210000 };
	assert_int_equal(focus_clock_compare(&before, &after, &by), FOCUS_CLOCK_SUSPENDED);
	assert_int_equal(by, 1200000);
}

/* ---- the week's compact minutes ---- */

static void test_minutes_left(void **state)
{
	char s[48];

	(void)state;
	focus_minutes_left(600, s, sizeof s);
	assert_string_equal(s, "10 min left");
	focus_minutes_left(541, s, sizeof s);
	assert_string_equal(s, "10 min left");
	focus_minutes_left(540, s, sizeof s);
	assert_string_equal(s, "9 min left");
	focus_minutes_left(1, s, sizeof s);
	assert_string_equal(s, "1 min left");
	focus_minutes_left(0, s, sizeof s);
	assert_string_equal(s, "time is up");
	focus_minutes_left(-59, s, sizeof s);
	assert_string_equal(s, "time is up");
	focus_minutes_left(-60, s, sizeof s);
	assert_string_equal(s, "+1 min over");
	focus_minutes_left(6300, s, sizeof s);
	assert_string_equal(s, "1h45 left");
	focus_minutes_left(-7260, s, sizeof s);
	assert_string_equal(s, "+2h01 over");
}

static void test_big_width(void **state)
{
	(void)state;
	/* Digits 6 columns, the colon 2, a column between glyphs. */
	assert_int_equal(focus_big_width("12:34"), 4 * 6 + 2 + 4);
	assert_int_equal(focus_big_width("+1:02:03"), 6 * 6 + 2 * 2 + 7);
	assert_int_equal(focus_big_width(""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_every_size),
		cmocka_unit_test(test_layout_degrades_in_steps),
		cmocka_unit_test(test_wakes_when_the_second_turns),
		cmocka_unit_test(test_wakes_when_the_minutes_turn),
		cmocka_unit_test(test_clock_events),
		cmocka_unit_test(test_minutes_left),
		cmocka_unit_test(test_big_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
