/* test_duration.c - durations written one way: "45 min", "1h05". */
#include <stdint.h>
#include <string.h>

#include "duration.h"
#include "testutil.h"

static void expect(int64_t minutes, const char *want)
{
	char out[DURATION_TEXT];

	duration_format(minutes, out);
	assert_string_equal(out, want);
}

static void test_minutes(void **state)
{
	(void)state;
	expect(0, "0 min");
	expect(1, "1 min");
	expect(59, "59 min");
	expect(60, "1h00");
	expect(65, "1h05");
	expect(150, "2h30");
	expect(64 * 60, "64h00");
	expect(-30, "-30 min");
	expect(-65, "-1h05");
	expect(INT64_MIN, "-153722867280912930h08");
}

static void test_seconds(void **state)
{
	char out[DURATION_TEXT];

	(void)state;
	/* Spent time rounds down: one minute once it has passed. */
	duration_format_secs(59, out);
	assert_string_equal(out, "0 min");
	duration_format_secs(60, out);
	assert_string_equal(out, "1 min");
	duration_format_secs(3 * 3600 + 59, out);
	assert_string_equal(out, "3h00");
	/* Time left rounds up: 30 seconds left is a minute left. */
	duration_format_secs_up(30, out);
	assert_string_equal(out, "1 min");
	duration_format_secs_up(120, out);
	assert_string_equal(out, "2 min");
	duration_format_secs_up(0, out);
	assert_string_equal(out, "0 min");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_seconds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
