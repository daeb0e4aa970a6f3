/* test_review_carry.c - unfinished blocks carried into the following week,
 * and the counts of timer runs that were abandoned. */
#include <stdio.h>

#include "test_review_fixture.h"
#include "timer.h"

/*
 * W49 (seen long after, so everything is due):
 *   c1 Mon 09:00-10:00 prospecting 1 planned   (unfinished, carried as W50 k1)
 *   c2 Tue 09:00-10:00 prospecting 2 skipped   (dropped: not unfinished, not marked)
 *   c3 Wed 09:00-10:00 admin         planned   (unfinished, carried twice: k3 wins)
 *   c4 Thu 09:00-10:00 admin         done
 * W50:
 *   k0 Mon 08:00-09:00 admin, carried_from "c4"  (c4 is done: no mark)
 *   k1 Tue 09:00-10:00 prospecting 1, carried_from "c1"
 *   k3 Wed 09:00-10:00 admin, carried_from "c3"
 *   k2 Thu 09:00-10:00 admin, carried_from "c3"  (later in the week)
 *   k9 Fri 09:00-10:00 admin, carried_from "zz"  (names nothing)
 * W51:
 *   m1 Mon 09:00-10:00 admin, carried_from "c2"  (two weeks on: not looked at)
 */
static void carried(struct week *w, const char *id, const char *date, const char *start,
		    const char *end, enum block_kind kind, int industry, const char *from)
{
	struct fx_block f = { id, date, start, end, kind, industry, 0, STATUS_PLANNED,
			      0, 0, 0, false };
	struct block b;

	fx_add(w, &f);
	block_copy(&b, week_block_by_id(w, id));
	snprintf(b.carried_from, sizeof b.carried_from, "%s", from);
	assert_int_equal(week_block_remove(w, id, NULL), 0);
	week_block_restore(w, &b);
	block_clear(&b);
}

static void test_carried_marks(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w[3] = { week_new(p, fx_week("2026-W49")), week_new(p, fx_week("2026-W50")),
			      week_new(p, fx_week("2026-W51")) };
	static const struct fx_block b49[] = {
		{ "c1", "2026-11-30", "09:00", "10:00", KIND_PROSPECTING, 1, 0, STATUS_PLANNED, 0, 0, 0, false },
		{ "c2", "2026-12-01", "09:00", "10:00", KIND_PROSPECTING, 2, 0, STATUS_SKIPPED, 0, 0, 0, false },
		{ "c3", "2026-12-02", "09:00", "10:00", KIND_ADMIN, 0, 0, STATUS_PLANNED, 0, 0, 0, false },
		{ "c4", "2026-12-03", "09:00", "10:00", KIND_ADMIN, 0, 0, STATUS_DONE, 0, 0, 0, false },
	};
	struct review *r;

	(void)state;
	for (size_t i = 0; i < 4; i++)
		fx_add(w[0], &b49[i]);
	carried(w[1], "k0", "2026-12-07", "08:00", "09:00", KIND_ADMIN, 0, "c4");
	carried(w[1], "k1", "2026-12-08", "09:00", "10:00", KIND_PROSPECTING, 1, "c1");
	carried(w[1], "k3", "2026-12-09", "09:00", "10:00", KIND_ADMIN, 0, "c3");
	carried(w[1], "k2", "2026-12-10", "09:00", "10:00", KIND_ADMIN, 0, "c3");
	carried(w[1], "k9", "2026-12-11", "09:00", "10:00", KIND_ADMIN, 0, "zz");
	carried(w[2], "m1", "2026-12-14", "09:00", "10:00", KIND_ADMIN, 0, "c2");

	r = fx_review(p, w, 3, "2026-W49", 1, "2027-02-01", "08:00");
	assert_int_equal(r->n_unfinished, 2);
	assert_string_equal(r->unfinished[0].block->id, "c1");
	assert_string_equal(r->unfinished[0].carried_to, "k1");
	assert_string_equal(r->unfinished[1].block->id, "c3");
	assert_string_equal(r->unfinished[1].carried_to, "k3");
	assert_int_equal(r->n_carried, 2);
	/* c2 is dropped, even though m1 (two weeks on) names it. */
	assert_int_equal(r->n_dropped, 1);
	assert_string_equal(r->dropped[0]->id, "c2");
	/* Still unfinished in their week: the rate does not change (c4's 60 of
	 * the 240 due). */
	assert_int_equal(r->total.unfinished, 2);
	assert_int_equal(r->total.rate_pct, 25);
	review_free(r);

	/* Two weeks reviewed: W50's five blocks are due and unfinished too (2 +
	 * 5 = 7); the week after W50 is W51, whose m1 names c2, not a W50 block:
	 * no mark. */
	r = fx_review(p, w, 3, "2026-W50", 2, "2027-02-01", "08:00");
	assert_int_equal(r->n_unfinished, 7);
	assert_int_equal(r->n_carried, 2);
	for (size_t i = 2; i < r->n_unfinished; i++)
		assert_null(r->unfinished[i].carried_to);
	review_free(r);

	/* Without the week after, nothing is marked. */
	r = fx_review(p, w, 1, "2026-W49", 1, "2027-02-01", "08:00");
	assert_int_equal(r->n_carried, 0);
	assert_null(r->unfinished[0].carried_to);
	review_free(r);
	fx_free_weeks(w, 3);
	plan_free(p);
}

/* The text, Markdown and JSON say which unfinished block was carried. */
static void test_carried_output(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w[2] = { week_new(p, fx_week("2026-W49")), week_new(p, fx_week("2026-W50")) };
	static const struct fx_block b = { "c1", "2026-11-30", "09:00", "10:00", KIND_ADMIN, 0, 0,
					   STATUS_PLANNED, 0, 0, 0, false };
	struct review *r;
	struct buf o = BUF_INIT;

	(void)state;
	fx_add(w[0], &b);
	carried(w[1], "k1", "2026-12-08", "09:00", "10:00", KIND_ADMIN, 0, "c1");
	r = fx_review(p, w, 2, "2026-W49", 1, "2027-02-01", "08:00");
	review_write(&o, r, p, REVIEW_TEXT, TEXT_ASCII);
	assert_non_null(strstr(buf_str(&o), "Unfinished (1, 1 carried into the week after)"));
	assert_non_null(strstr(buf_str(&o), "planned     1h00 left  c1  carried as k1\n"));
	buf_reset(&o);
	review_write(&o, r, p, REVIEW_MD, TEXT_UTF8);
	assert_non_null(strstr(buf_str(&o), "| 1h00 | planned, carried as k1 |"));
	buf_reset(&o);
	review_write(&o, r, p, REVIEW_JSON, TEXT_UTF8);
	assert_non_null(strstr(buf_str(&o), "\"carried_to\": \"k1\""));
	buf_free(&o);
	review_free(r);
	fx_free_weeks(w, 2);
	plan_free(p);
}

/*
 * A timer run that was abandoned: its counts go to the block, which stays
 * planned.  The review counts them once, in the industry's results and in
 * the trend, though the block is unfinished.
 */
static void test_abandoned_counts(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w = week_new(p, fx_week("2026-W49"));
	static const struct fx_block b[] = {
		{ "t1", "2026-12-01", "09:00", "11:00", KIND_PROSPECTING, 1, 0, STATUS_PLANNED, 0, 0, 0, false },
		{ "t2", "2026-12-01", "11:00", "12:00", KIND_PROSPECTING, 1, 0, STATUS_PLANNED, 0, 0, 0, false },
	};
	struct timer_outcome abandon = { .end = SESSION_ABANDONED };
	struct timer_outcome done = { .end = SESSION_DONE };
	struct timer_state t;
	struct review *r;
	struct error err;
	instant_t nine;

	(void)state;
	clock_from_local(fx_day("2026-12-01"), 9 * 60, &nine);
	fx_add(w, &b[0]);
	fx_add(w, &b[1]);
	/* t1: 7 calls, 2 conversations, 1 meeting, then abandoned. */
	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(w, "t1"), p, nine, &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 7, nine + 600, &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CONVERSATIONS, 2, nine + 700, &err), 0);
	assert_int_equal(timer_count(&t, TIMER_MEETINGS, 1, nine + 800, &err), 0);
	assert_int_equal(timer_finish(&t, w, p, &abandon, nine + 1800, &err), 0);
	timer_state_clear(&t);
	/* t2: 3 calls, done. */
	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(w, "t2"), p, nine + 7200, &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 3, nine + 7300, &err), 0);
	assert_int_equal(timer_finish(&t, w, p, &done, nine + 10800, &err), 0);
	timer_state_clear(&t);
	assert_int_equal(week_session_count(w), 2);
	assert_int_equal(week_session_at(w, 0)->end, SESSION_ABANDONED);
	assert_int_equal(week_block_by_id(w, "t1")->status, STATUS_PLANNED);

	r = fx_review(p, &w, 1, "2026-W49", 1, "2026-12-01", "18:00");
	/* 7 + 3 calls, not 7 + 7 + 3 + 3: the sessions are not added again. */
	assert_int_equal(r->industries[0].out.calls, 10);
	assert_int_equal(r->industries[0].out.conversations, 2);
	assert_int_equal(r->industries[0].out.meetings, 1);
	assert_int_equal(r->all.out.meetings, 1);
	/* Yields over the done prospecting: t2's hour alone. */
	assert_int_equal(r->industries[0].prospecting_minutes, 60);
	assert_int_equal(r->industries[0].calls_ph, 1000);
	assert_int_equal(r->industries[0].meetings_ph, 100);
	assert_int_equal(r->trend[7].meetings, 1);
	/* t1 is unfinished all the same. */
	assert_int_equal(r->n_unfinished, 1);
	assert_string_equal(r->unfinished[0].block->id, "t1");
	review_free(r);
	week_free(w);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_carried_marks),
		cmocka_unit_test(test_carried_output),
		cmocka_unit_test(test_abandoned_counts),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
