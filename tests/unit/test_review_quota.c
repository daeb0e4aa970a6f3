/* test_review_quota.c - periods, the weeks a review reads, and where the
 * quota stands: month boundaries, quarters, 53-week years. */
#include <stdio.h>

#include "test_review_fixture.h"

static void period_is(date_t day, enum review_period period, const char *start,
		      const char *end, const char *label)
{
	date_t s, e;
	char l[16];

	review_period_of_day(day, period, &s, &e);
	assert_int_equal(s, fx_day(start));
	assert_int_equal(e, fx_day(end));
	review_period_label(s, period, l);
	assert_string_equal(l, label);
}

static void test_periods_of_days(void **state)
{
	(void)state;
	period_is(fx_day("2028-02-15"), REVIEW_MONTH, "2028-02-01", "2028-02-29", "Feb 2028");
	period_is(fx_day("2026-11-30"), REVIEW_MONTH, "2026-11-01", "2026-11-30", "Nov 2026");
	period_is(fx_day("2026-11-15"), REVIEW_QUARTER, "2026-10-01", "2026-12-31", "Q4 2026");
	period_is(fx_day("2026-01-01"), REVIEW_QUARTER, "2026-01-01", "2026-03-31", "Q1 2026");
	period_is(fx_day("2026-07-04"), REVIEW_YEAR, "2026-01-01", "2026-12-31", "2026");
}

static void week_period_is(const char *week, enum quota_period period, const char *start)
{
	date_t s, e;

	review_period_of_week(fx_week(week), period, &s, &e);
	assert_int_equal(s, fx_day(start));
}

/* A week belongs to the period of its Thursday. */
static void test_periods_of_weeks(void **state)
{
	(void)state;
	week_period_is("2026-W49", QUOTA_MONTH, "2026-12-01");   /* 30 Nov - 6 Dec */
	week_period_is("2026-W48", QUOTA_MONTH, "2026-11-01");
	week_period_is("2026-W53", QUOTA_MONTH, "2026-12-01");   /* Thu 31 Dec */
	week_period_is("2026-W01", QUOTA_MONTH, "2026-01-01");   /* Mon 29 Dec 2025 */
	week_period_is("2026-W01", QUOTA_QUARTER, "2026-01-01");
	week_period_is("2020-W53", QUOTA_QUARTER, "2020-10-01"); /* Thu 31 Dec 2020 */
	week_period_is("2026-W40", QUOTA_QUARTER, "2026-10-01"); /* Thu 1 Oct */
	week_period_is("2026-W39", QUOTA_QUARTER, "2026-07-01"); /* Thu 24 Sep */
}

static void span_is(const struct plan *p, const char *last, int n, const char *first,
		    const char *end)
{
	struct review_request rq = { fx_week(last), n, 0, 0 };
	struct review_span s;

	assert_int_equal(review_span(p, &rq, &s, NULL), 0);
	assert_int_equal(s.first, fx_week(first));
	assert_int_equal(s.last, fx_week(end));
}

static void test_span(void **state)
{
	struct plan *month = fx_plan(QUOTA_MONTH, 0), *quarter = fx_plan(QUOTA_QUARTER, 0);

	(void)state;
	/* The trend reaches further back than December's first week; the week
	 * after the range holds what its unfinished blocks were carried into. */
	span_is(month, "2026-W49", 1, "2026-W42", "2026-W50");
	/* November starts on Sun 1 Nov (in W44); its last week W48 counts the
	 * sales up to Mon 30 Nov, in W49, which is also the week after. */
	span_is(month, "2026-W48", 1, "2026-W41", "2026-W49");
	/* Q4 2026: Thu 1 Oct (W40) to Thu 31 Dec (W53); then 2027-W01. */
	span_is(quarter, "2026-W53", 1, "2026-W40", "2027-W01");
	span_is(quarter, "2026-W53", 20, "2026-W34", "2027-W01");
	/* A year: 52 weeks (and the one after), not the whole history. */
	span_is(month, "2026-W49", 52, "2025-W50", "2026-W50");
	/* The calendar's ends: 1900-W01 .. 9999-W52.  W08 is February 1900's
	 * last week (Thu 22 Feb); its sales run to Wed 28 Feb, in W09. */
	span_is(month, "1900-W08", 1, "1900-W01", "1900-W09");
	/* Q4 9999 starts on Fri 1 Oct, in W39 (whose Thursday is September's);
	 * there is no week after 9999-W52. */
	span_is(quarter, "9999-W52", 1, "9999-W39", "9999-W52");
	span_is(quarter, "9999-W51", 1, "9999-W39", "9999-W52");
	{
		struct review_request rq = { fx_week("1900-W07"), 1, 0, 0 };
		struct review_span s;
		struct error err;

		assert_int_equal(review_span(month, &rq, &s, &err), -1);
		assert_int_equal(err.code, ERR_USAGE);
		assert_non_null(strstr(err.msg, "outside the years 1900..9999"));
		rq.last = fx_week("1905-W01");
		rq.n_weeks = REVIEW_WEEKS_MAX;
		assert_int_equal(review_span(month, &rq, &s, &err), -1);
		rq.n_weeks = 0;
		assert_int_equal(review_span(month, &rq, &s, &err), -1);
		assert_non_null(strstr(err.msg, "1..520 weeks"));
	}
	plan_free(month);
	plan_free(quarter);
}

/* Over ten years of weeks the span stays small and holds what the quota
 * reads: the week of its first day and the week of its cutoff. */
static void test_span_bounds(void **state)
{
	struct plan *p[2] = { fx_plan(QUOTA_MONTH, 0), fx_plan(QUOTA_QUARTER, 0) };

	(void)state;
	for (int k = 0; k < 2; k++)
		for (int key = fx_week("2020-W01"); key != fx_week("2030-W01");
		     key = date_week_add(key, 1)) {
			struct review_request rq = { key, 1, 0, 0 };
			struct review_span s;
			date_t start, end;
			int size;

			assert_int_equal(review_span(p[k], &rq, &s, NULL), 0);
			size = (int)(date_week_monday(s.last) - date_week_monday(s.first)) / 7 + 1;
			assert_true(size <= 16);
			review_period_of_week(key, k ? QUOTA_QUARTER : QUOTA_MONTH, &start, &end);
			assert_true(date_week_monday(s.first) <= date_week_monday(date_week_key(start)));
			/* The week after (the last of the calendar has none). */
			assert_int_equal(s.last, date_week_add(key, 1));
		}
	plan_free(p[0]);
	plan_free(p[1]);
}

/* The last week of November counts a sale dated Mon 30 Nov, stored in the
 * first week of December; December's first week does not. */
static void test_month_boundary(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 5000);
	struct week *w[3] = { week_new(p, fx_week("2026-W48")), week_new(p, fx_week("2026-W49")),
			      week_new(p, fx_week("2026-W50")) };
	struct review *r;

	(void)state;
	fx_sale(w[0], "2026-11-23", 1000, 0);
	fx_sale(w[1], "2026-11-30", 2000, 0);
	fx_sale(w[1], "2026-12-01", 400, 0);
	fx_sale(w[2], "2026-12-07", 100, 0);
	r = fx_review(p, w, 3, "2026-W48", 1, "2026-11-29", "18:00");
	assert_int_equal(r->quota.cutoff, fx_day("2026-11-30"));
	assert_int_equal(r->quota.sold, 3000);
	assert_int_equal(r->quota.weeks, 4);          /* Thursdays 5, 12, 19, 26 Nov */
	assert_int_equal(r->quota.week_index, 4);
	assert_int_equal(r->quota.weeks_left, 0);
	assert_int_equal(r->quota.gap, 2000);
	assert_int_equal(r->quota.pace, -1);          /* no week left */
	assert_int_equal(r->quota.progress_pct, 60);
	assert_int_equal(r->quota.projection, 3000);
	review_free(r);
	r = fx_review(p, w, 3, "2026-W49", 1, "2026-12-06", "18:00");
	assert_int_equal(r->quota.sold, 400);         /* 30 Nov is November's */
	assert_int_equal(r->quota.weeks, 5);
	assert_int_equal(r->quota.pace, 1150);        /* 4600 / 4 */
	assert_int_equal(r->quota.projection, 2000);  /* 400 x 5 */
	/* The results count the week's sales by date, whatever their period. */
	assert_int_equal(r->all.sales, 2400);
	review_free(r);
	fx_free_weeks(w, 3);
	plan_free(p);
}

/* Pace rounds up, projection and progress round down. */
static void test_rounding(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 2001);
	struct week *w[3] = { week_new(p, fx_week("2026-W49")), week_new(p, fx_week("2026-W51")),
			      week_new(p, fx_week("2026-W52")) };
	struct review *r;

	(void)state;
	fx_sale(w[0], "2026-12-01", 500, 0);
	fx_sale(w[1], "2026-12-15", 500, 0);
	fx_sale(w[2], "2026-12-21", 300, 0);          /* after Sun 20 Dec */
	r = fx_review(p, w, 3, "2026-W51", 1, "2026-12-20", "18:00");
	assert_int_equal(r->quota.week_index, 3);
	assert_int_equal(r->quota.weeks_left, 2);
	assert_int_equal(r->quota.sold, 1000);
	assert_int_equal(r->quota.pace, 501);         /* 1001 / 2 = 500.5 */
	assert_int_equal(r->quota.projection, 1666);  /* 1000 x 5 / 3 = 1666.7 */
	assert_int_equal(r->quota.progress_pct, 49);  /* 49.98 */
	review_free(r);
	fx_free_weeks(w, 3);
	plan_free(p);
}

/* Q4 2026 has 14 weeks; its last week counts sales to 31 Dec even though
 * the week runs on to Sun 3 Jan.  Without a target there is no progress. */
static void test_quarter(void **state)
{
	struct plan *p = fx_plan(QUOTA_QUARTER, 0);
	struct week *w[2] = { week_new(p, fx_week("2026-W40")), week_new(p, fx_week("2026-W53")) };
	struct review *r;

	(void)state;
	fx_sale(w[0], "2026-09-30", 700, 0);          /* Q3, though in W40 */
	fx_sale(w[0], "2026-10-01", 100, 0);
	fx_sale(w[1], "2026-12-31", 200, 0);
	fx_sale(w[1], "2027-01-02", 400, 0);          /* Q1 2027 */
	r = fx_review(p, w, 2, "2026-W53", 1, "2027-01-03", "18:00");
	assert_int_equal(r->quota.year, 2026);
	assert_int_equal(r->quota.number, 4);
	assert_int_equal(r->quota.weeks, 14);
	assert_int_equal(r->quota.week_index, 14);
	assert_int_equal(r->quota.cutoff, fx_day("2026-12-31"));
	assert_int_equal(r->quota.sold, 300);
	assert_int_equal(r->quota.progress_pct, -1);
	assert_int_equal(r->quota.gap, 0);
	assert_int_equal(r->quota.projection, 300);
	review_free(r);
	fx_free_weeks(w, 2);
	plan_free(p);
}

/* The trend crosses the year: 2027-W02 looks back to 2026-W48. */
static void test_trend_keys(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w = week_new(p, fx_week("2026-W53"));
	static const struct fx_block b = { "t1", "2026-12-28", "09:00", "10:00", KIND_PROSPECTING,
					   1, 0, STATUS_DONE, 0, 3, 0, false };
	struct review *r;
	static const char *const keys[] = { "2026-W48", "2026-W49", "2026-W50", "2026-W51",
					    "2026-W52", "2026-W53", "2027-W01", "2027-W02" };

	(void)state;
	fx_add(w, &b);
	r = fx_review(p, &w, 1, "2027-W02", 1, "2027-01-15", "18:00");
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++)
		assert_int_equal(r->trend[i].key, fx_week(keys[i]));
	assert_int_equal(r->trend[5].meetings, 3);
	assert_int_equal(r->trend[5].prospecting_minutes, 60);
	assert_int_equal(r->trend[5].t.rate_pct, 100);
	assert_null(r->weeks[0]);                     /* 2027-W02 was not given */
	review_free(r);
	week_free(w);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods_of_days),
		cmocka_unit_test(test_periods_of_weeks),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_span_bounds),
		cmocka_unit_test(test_month_boundary),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_quarter),
		cmocka_unit_test(test_trend_keys),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
