/* test_date.c - civil dates, ISO weeks, times of day, and local time across
 * daylight-saving changes. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "date.h"
#include "testutil.h"

static date_t d(const char *s)
{
	date_t out;

	assert_int_equal(date_parse(s, &out), 0);
	return out;
}

static int wk(const char *s)
{
	return date_week_key(d(s));
}

static void test_round_trip(void **state)
{
	char buf[11];

	(void)state;
	for (date_t day = d("1999-12-25"); day < d("2033-01-10"); day++) {
		int y, m, dd;

		date_to_ymd(day, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), day);
		date_format(day, buf);
		assert_int_equal(d(buf), day);
	}
	assert_int_equal(d("1970-01-01"), 0);
	assert_int_equal(date_weekday(d("2026-11-30")), 0); /* a Monday */
	assert_int_equal(date_weekday(d("2026-12-06")), 6);
}

static void test_parse_strict(void **state)
{
	date_t x;
	int m;

	(void)state;
	assert_int_equal(date_parse("2026-02-29", &x), -1);
	assert_int_equal(date_parse("2024-02-29", &x), 0);
	assert_int_equal(date_parse("2026-1-01", &x), -1);
	assert_int_equal(date_parse("2026-13-01", &x), -1);
	assert_int_equal(date_parse("2026-12-01x", &x), -1);
	assert_int_equal(date_parse("", &x), -1);
	assert_int_equal(date_time_parse("24:00", &m), 0);
	assert_int_equal(m, 1440);
	assert_int_equal(date_time_parse("24:01", &m), -1);
	assert_int_equal(date_time_parse("9:00", &m), -1);
	assert_int_equal(date_time_parse("09:60", &m), -1);
	assert_int_equal(date_time_parse("08:30", &m), 0);
	assert_int_equal(m, 510);
}

static void test_iso_weeks(void **state)
{
	char buf[9];
	int key;

	(void)state;
	/* Week 1 holds 4 January; the year of a week is its Thursday's. */
	assert_int_equal(wk("2021-01-03"), 202053);
	assert_int_equal(wk("2021-01-04"), 202101);
	assert_int_equal(wk("2024-12-30"), 202501);
	assert_int_equal(wk("2026-11-30"), 202649);
	assert_int_equal(wk("2026-12-06"), 202649);
	assert_int_equal(wk("2026-12-31"), 202653);
	assert_int_equal(wk("2027-01-03"), 202653);
	assert_int_equal(date_weeks_in_year(2020), 53);
	assert_int_equal(date_weeks_in_year(2026), 53);
	assert_int_equal(date_weeks_in_year(2025), 52);
	assert_int_equal(date_week_monday(202653), d("2026-12-28"));
	assert_int_equal(date_week_add(202653, 1), 202701);
	assert_int_equal(date_week_add(202701, -1), 202653);
	assert_int_equal(date_week_add(202652, 2), 202701);
	date_week_format(202649, buf);
	assert_string_equal(buf, "2026-W49");
	assert_int_equal(date_week_parse("2026-W53", &key), 0);
	assert_int_equal(key, 202653);
	assert_int_equal(date_week_parse("2025-W53", &key), -1);
	assert_int_equal(date_week_parse("2026-W00", &key), -1);
	/* Every day of a decade maps to a week whose Monday is within 6 days. */
	for (date_t day = d("2018-01-01"); day < d("2030-01-01"); day++) {
		int k = date_week_key(day);

		assert_true(day - date_week_monday(k) >= 0 && day - date_week_monday(k) <= 6);
		assert_true(date_week_valid(k));
	}
}

static void test_week_label(void **state)
{
	char label[DATE_WEEK_LABEL_MAX];

	(void)state;
	date_week_label(202649, true, label);
	assert_string_equal(label, "2026-W49 \xc2\xb7 30 Nov \xe2\x80\x93 4 Dec");
	date_week_label(202649, false, label);
	assert_string_equal(label, "2026-W49 - 30 Nov - 4 Dec");
}

/* Local time -> instant -> local time, every quarter hour of a week. */
static void check_week_of_local_times(const char *monday, int expect_gaps, int expect_dups)
{
	date_t mon = d(monday);
	int gaps = 0, dups = 0;
	instant_t prev = 0;

	for (date_t day = mon; day < mon + 7; day++) {
		for (int m = 0; m < 1440; m += 15) {
			instant_t t;
			date_t back_day;
			int back_min;

			if (clock_from_local(day, m, &t) == CLOCK_LOCAL_GAP) {
				gaps++;
				continue;
			}
			clock_to_local(t, &back_day, &back_min, NULL);
			assert_int_equal(back_day, day);
			assert_int_equal(back_min, m);
			if (prev != 0 && t - prev != 900)
				dups += t - prev > 900; /* an hour repeated: first occurrence taken */
			prev = t;
		}
	}
	assert_int_equal(gaps, expect_gaps);
	assert_int_equal(dups, expect_dups);
}

static void test_dst_berlin(void **state)
{
	instant_t t;
	date_t day;
	int minute;

	(void)state;
	tu_tz("Europe/Berlin");
	/* Spring: 02:00-02:59 does not exist on 2025-03-30 (4 quarter hours). */
	check_week_of_local_times("2025-03-24", 4, 0);
	assert_int_equal(clock_from_local(d("2025-03-30"), 150, &t), CLOCK_LOCAL_GAP);
	clock_to_local(t, &day, &minute, NULL);
	assert_int_equal(minute, 180); /* the clock resumed at 03:00 */
	/* Autumn: 02:00-02:59 happens twice on 2025-10-26; the first is taken,
	 * so after 02:45 (first) comes 03:00, 75 minutes later. */
	check_week_of_local_times("2025-10-20", 0, 1);
	{
		instant_t a, b;

		clock_from_local(d("2025-10-26"), 120, &a);
		clock_from_local(d("2025-10-26"), 60, &b);
		assert_int_equal(a - b, 3600); /* 01:00 -> first 02:00 */
	}
}

static void test_dst_sao_paulo_and_lord_howe(void **state)
{
	instant_t t, t2;
	date_t day;
	int minute;

	(void)state;
	tu_tz("America/Sao_Paulo");
	/* 2018-11-04: midnight skipped, so the day starts at 01:00. */
	assert_int_equal(clock_from_local(d("2018-11-04"), 30, &t), CLOCK_LOCAL_GAP);
	clock_to_local(t, &day, &minute, NULL);
	assert_int_equal(day, d("2018-11-04"));
	assert_int_equal(minute, 60);
	/* A block 08:00-09:00 that day is still an hour. */
	clock_from_local(d("2018-11-04"), 480, &t);
	clock_from_local(d("2018-11-04"), 540, &t2);
	assert_int_equal(t2 - t, 3600);
	tu_tz("Australia/Lord_Howe");
	/* 2024-10-06: 02:00 jumps to 02:30, a half-hour change. */
	assert_int_equal(clock_from_local(d("2024-10-06"), 135, &t), CLOCK_LOCAL_GAP);
	clock_to_local(t, &day, &minute, NULL);
	assert_int_equal(minute, 150);
	check_week_of_local_times("2024-09-30", 2, 0);
	tu_tz("UTC");
}

static void test_pinned_clock(void **state)
{
	struct error err;
	date_t day;
	int minute;

	(void)state;
	tu_tz("Europe/Berlin");
	setenv("FOCUSWEEK_NOW", "2026-12-01T09:15", 1);
	assert_int_equal(clock_init(&err), 0);
	clock_to_local(clock_now(), &day, &minute, NULL);
	assert_int_equal(day, d("2026-12-01"));
	assert_int_equal(minute, 9 * 60 + 15);
	setenv("FOCUSWEEK_NOW", "@1700000000", 1);
	assert_int_equal(clock_init(&err), 0);
	assert_int_equal(clock_now(), 1700000000);
	setenv("FOCUSWEEK_NOW", "tomorrow", 1);
	assert_int_equal(clock_init(&err), -1);
	assert_non_null(strstr(err.msg, "FOCUSWEEK_NOW"));
	unsetenv("FOCUSWEEK_NOW");
	assert_int_equal(clock_init(&err), 0);
	tu_tz("UTC");
}

/* A week that starts on Sunday (or Saturday) is named by its Monday's ISO
 * week, and holds the days before it; the year's end too. */
static void test_week_start(void **state)
{
	date_t sun = date_from_ymd(2026, 12, 6), sat = date_from_ymd(2026, 12, 5);
	char label[DATE_WEEK_LABEL_MAX];

	(void)state;
	assert_int_equal(date_week_key(sun), 202649);
	assert_int_equal(date_week_set_start(DATE_SUNDAY), 0);
	assert_int_equal(date_week_start(), DATE_SUNDAY);
	assert_int_equal(date_week_key(sun), 202650);
	assert_int_equal(date_week_key(sun + 6), 202650);          /* Saturday */
	assert_int_equal(date_week_key(sun + 7), 202651);          /* the next Sunday */
	assert_int_equal(date_week_monday(202650), sun);
	assert_int_equal(date_week_index(sun), 0);
	assert_int_equal(date_week_index(sun + 4), 4);             /* Thursday */
	/* Sunday to Thursday as places: the first five. */
	assert_int_equal(date_week_index_mask(0x4F), 0x1F);
	assert_int_equal(date_week_day(sun, 0), sun + 1);          /* its Monday */
	assert_int_equal(date_week_iso_key(sun), 202649);
	date_week_label(202650, true, label);
	assert_string_equal(label, "2026-W50 \xc2\xb7 6 Dec \xe2\x80\x93 10 Dec (ISO W49\xe2\x80\x93W50)");
	/* Sun 3 Jan 2021 opens 2021-W01 (ISO 2020-W53). */
	assert_int_equal(date_week_key(date_from_ymd(2021, 1, 3)), 202101);
	assert_int_equal(date_week_key(date_from_ymd(2021, 1, 2)), 202053);
	assert_int_equal(date_week_set_start(DATE_SATURDAY), 0);
	assert_int_equal(date_week_key(sat), 202650);
	assert_int_equal(date_week_monday(202650), sat);
	assert_int_equal(date_week_key_at(sat, 0), 202649);
	assert_int_equal(date_week_set_start(2), -1);              /* Wednesday: no */
	assert_int_equal(date_week_set_start(0), 0);
	assert_int_equal(date_week_key(sun), 202649);
	date_week_label(202650, true, label);
	assert_null(strstr(label, "ISO"));
}

/* Days and times as people type them. */
static void test_read_typed(void **state)
{
	date_t today = date_from_ymd(2026, 12, 1), d;
	int m;

	(void)state;
	assert_int_equal(date_read("2026-12-03", today, &d), 0);
	assert_int_equal(d, today + 2);
	assert_int_equal(date_read("tomorrow", today, &d), 0);
	assert_int_equal(d, today + 1);
	assert_int_equal(date_read("Yesterday", today, &d), 0);
	assert_int_equal(d, today - 1);
	assert_int_equal(date_read("4 Dec", today, &d), 0);
	assert_int_equal(d, today + 3);
	assert_int_equal(date_read("Jan 5 2027", today, &d), 0);
	assert_int_equal(d, date_from_ymd(2027, 1, 5));
	assert_int_equal(date_read("1.2.27", today, &d), 0);
	assert_int_equal(d, date_from_ymd(2027, 2, 1));
	assert_int_equal(date_read("12/1/2026", today, &d), 0); /* day first here */
	assert_int_equal(d, date_from_ymd(2026, 1, 12));
	assert_int_equal(date_read("31 Feb", today, &d), -1);
	assert_int_equal(date_read("1 Dec 2026 9", today, &d), -1);
	assert_int_equal(date_read("monday", today, &d), -1);
	assert_int_equal(date_read("", today, &d), -1);
	assert_int_equal(date_time_read("9", &m), 0);
	assert_int_equal(m, 9 * 60);
	assert_int_equal(date_time_read("9:30 PM", &m), 0);
	assert_int_equal(m, 21 * 60 + 30);
	assert_int_equal(date_time_read("12am", &m), 0);
	assert_int_equal(m, 0);
	assert_int_equal(date_time_read("12pm", &m), 0);
	assert_int_equal(m, 12 * 60);
	assert_int_equal(date_time_read("13pm", &m), -1);
	assert_int_equal(date_time_read("9:60", &m), -1);
	assert_int_equal(date_time_read("0930", &m), -1);
}

/* 12-hour times shown; ISO and 24-hour times written. */
static void test_show_clock12(void **state)
{
	char t[DATE_TIME_SHOW_MAX], f[6];

	(void)state;
	date_style_clock12(true);
	date_time_show(13 * 60 + 5, t);
	assert_string_equal(t, "1:05pm");
	date_time_show(0, t);
	assert_string_equal(t, "12:00am");
	date_time_show(12 * 60, t);
	assert_string_equal(t, "12:00pm");
	date_time_format(13 * 60 + 5, f);
	assert_string_equal(f, "13:05");
	date_style_clock12(false);
	date_time_show(9 * 60, t);
	assert_string_equal(t, "09:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_strict),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_week_label),
		cmocka_unit_test(test_week_start),
		cmocka_unit_test(test_read_typed),
		cmocka_unit_test(test_show_clock12),
		cmocka_unit_test(test_dst_berlin),
		cmocka_unit_test(test_dst_sao_paulo_and_lord_howe),
		cmocka_unit_test(test_pinned_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
