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

/* What people type reads, and every form duration_format writes reads
 * back; anything else is refused, naming the text and the forms. */
static void test_read(void **state)
{
	static const struct {
		const char *in;
		int64_t minutes;
	} good[] = {
		{ "90", 90 },       { "0", 0 },          { " 45 ", 45 },     { "45 min", 45 },
		{ "45min", 45 },    { "45m", 45 },       { "45 minutes", 45 }, { "2h", 120 },
		{ "2 h", 120 },     { "1h30", 90 },      { "1h 30", 90 },    { "1h30m", 90 },
		{ "1h 30 min", 90 }, { "1h05", 65 },     { "1:30", 90 },     { "10:05", 605 },
		{ "168h00", 10080 },
	};
	static const char *const bad[] = {
		"", " ", "h", "1h60", "1:5", "1:60", "1:300", "-5", "5x", "1h30x", "2 hours",
		"1.5h", "12345678", "1h:30", "min", "10081", "169h",
	};
	char out[DURATION_TEXT];
	struct error err;
	int64_t m;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (duration_read(good[i].in, 10080, &m, &err) != 0)
			fail_msg("\"%s\": %s", good[i].in, err.msg);
		assert_int_equal(m, good[i].minutes);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (duration_read(bad[i], 10080, &m, &err) == 0)
			fail_msg("\"%s\" read as %lld minutes", bad[i], (long long)m);
	assert_int_equal(err.code, ERR_USAGE);
	assert_string_equal(err.msg, "\"169h\" is not a duration up to 168h00: write minutes "
			    "(90) or hours and minutes (1h30, 1:30)");
	for (int64_t k = 0; k <= 10080; k++) {
		duration_format(k, out);
		assert_int_equal(duration_read(out, 10080, &m, &err), 0);
		assert_int_equal(m, k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_seconds),
		cmocka_unit_test(test_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
