/* test_timer_outcome.c - ending a block: with the timer (done, cut short,
 * abandoned, stale), without it (done, skip), and picking the block
 * happening now. */
#include <stdlib.h>
#include <string.h>

#include "starter.h"
#include "testutil.h"
#include "timer.h"

/* The local instant of 2026-12-DD HH:MM in the test zone. */
static instant_t at(int day, int hh, int mm)
{
	return tu_local(date_from_ymd(2026, 12, day), hh * 60 + mm);
}

static void test_finish_done_and_cut_short(void **state)
{
	struct tu_week *f = *state;
	struct timer_state t;
	struct timer_outcome o = { .end = SESSION_DONE, .sold = 1200, .note = "good list" };
	const struct block *b;
	const struct session *s;
	struct error err;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-2"), f->p,
				     at(1, 9, 15), &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 12, at(1, 10, 0), &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CONVERSATIONS, 3, at(1, 10, 0), &err), 0);
	assert_int_equal(timer_interrupt(&t, "printer", at(1, 10, 5), &err), 0);
	assert_int_equal(timer_default_end(&t, at(1, 10, 59)), SESSION_CUT_SHORT);
	assert_int_equal(timer_default_end(&t, at(1, 11, 0)), SESSION_DONE);
	assert_int_equal(timer_finish(&t, f->w, f->p, &o, at(1, 11, 5), &err), 0);

	b = week_block_by_id(f->w, "2026W49-2");
	assert_int_equal(b->status, STATUS_DONE);
	assert_false(b->cut_short);
	assert_int_equal(b->out.calls, 12);
	assert_int_equal(b->out.conversations, 3);
	/* Sold on the block: a sale of its day, industry and account, naming it. */
	assert_int_equal(week_block_sold(f->w, "2026W49-2"), 1200);
	assert_int_equal(week_sale_count(f->w), 1);
	assert_int_equal(week_sale_at(f->w, 0)->date, b->date);
	assert_int_equal(week_sale_at(f->w, 0)->industry, b->industry);
	assert_string_equal(week_sale_at(f->w, 0)->note, "Call list: plants");
	assert_string_equal(b->note, "good list");
	assert_int_equal(week_session_count(f->w), 1);
	s = week_session_at(f->w, 0);
	assert_string_equal(s->block, "2026W49-2");
	assert_int_equal(s->started, at(1, 9, 15));
	assert_int_equal(s->ended, at(1, 11, 5));
	assert_int_equal(s->end, SESSION_DONE);
	assert_int_equal(s->counted.calls, 12);
	assert_int_equal(s->n_interruptions, 1);
	assert_string_equal(s->interruptions[0].note, "printer");

	/* Finishing it again: the timer is stale, and nothing changes. */
	assert_int_equal(timer_finish(&t, f->w, f->p, &o, at(1, 11, 6), &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "already done"));
	assert_int_equal(week_session_count(f->w), 1);

	/* Cut short: done, flagged; the note goes after the one it had. */
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-3"), f->p,
				     at(1, 14, 0), &err), 0);
	o = (struct timer_outcome){ .end = SESSION_CUT_SHORT, .note = "left early" };
	assert_int_equal(timer_finish(&t, f->w, f->p, &o, at(1, 15, 0), &err), 0);
	b = week_block_by_id(f->w, "2026W49-3");
	assert_int_equal(b->status, STATUS_DONE);
	assert_true(b->cut_short);
	assert_string_equal(b->note, "left early");
	timer_state_clear(&t);
}

static void test_abandon_keeps_block_planned(void **state)
{
	struct tu_week *f = *state;
	struct timer_state t;
	struct timer_outcome o = { .end = SESSION_ABANDONED };
	const struct block *b;
	struct error err;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-4"), f->p,
				     at(2, 9, 0), &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 4, at(2, 9, 20), &err), 0);
	assert_int_equal(timer_pause(&t, at(2, 9, 30), &err), 0);
	assert_int_equal(timer_finish(&t, f->w, f->p, &o, at(2, 9, 45), &err), 0);
	b = week_block_by_id(f->w, "2026W49-4");
	assert_int_equal(b->status, STATUS_PLANNED);
	assert_int_equal(b->out.calls, 4); /* the calls were made all the same */
	assert_int_equal(week_session_at(f->w, 0)->end, SESSION_ABANDONED);
	assert_int_equal(week_session_at(f->w, 0)->paused, 15 * 60);
	assert_int_equal(week_session_at(f->w, 0)->ended, at(2, 9, 45));

	/* The block removed meanwhile: stale, refused, week untouched. */
	assert_int_equal(week_block_remove(f->w, "2026W49-4", &err), 0);
	assert_int_equal(timer_finish(&t, f->w, f->p, &o, at(2, 9, 50), &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "no longer exists"));
	assert_int_equal(week_session_count(f->w), 1);
	timer_state_clear(&t);
}

static void test_record_and_skip(void **state)
{
	struct tu_week *f = *state;
	struct timer_outcome o = { .end = SESSION_DONE, .add = { .calls = 9, .meetings = 2 } };
	const struct block *b;
	struct error err;

	assert_int_equal(timer_record(f->w, f->p, "2026W49-1", &o, &err), 0);
	b = week_block_by_id(f->w, "2026W49-1");
	assert_int_equal(b->status, STATUS_DONE);
	assert_int_equal(b->out.calls, 9);
	assert_int_equal(b->out.meetings, 2);
	assert_int_equal(week_session_count(f->w), 0); /* no timer, no session */
	assert_int_equal(timer_record(f->w, f->p, "2026W49-1", &o, &err), -1);
	assert_non_null(strstr(err.msg, "already done"));
	assert_int_equal(timer_skip(f->w, f->p, "2026W49-1", &err), -1);
	assert_int_equal(week_block_by_id(f->w, "2026W49-1")->out.calls, 9);

	/* A limit broken leaves the block as it was. */
	o.add.calls = MODEL_COUNT_MAX + 1;
	assert_int_equal(timer_record(f->w, f->p, "2026W49-2", &o, &err), -1);
	assert_int_equal(week_block_by_id(f->w, "2026W49-2")->status, STATUS_PLANNED);
	assert_int_equal(week_block_by_id(f->w, "2026W49-2")->out.calls, 0);

	assert_int_equal(timer_skip(f->w, f->p, "2026W49-2", &err), 0);
	assert_int_equal(week_block_by_id(f->w, "2026W49-2")->status, STATUS_SKIPPED);
	assert_int_equal(timer_skip(f->w, f->p, "2026W49-2", &err), 0);
	/* A skipped block can still be done after all.  Cut short without the
	 * timer, it needs its minutes: else it would count nothing done. */
	o = (struct timer_outcome){ .end = SESSION_CUT_SHORT };
	assert_int_equal(timer_record(f->w, f->p, "2026W49-2", &o, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_non_null(strstr(err.msg, "say how many minutes it really took (--minutes N)"));
	assert_int_equal(week_block_by_id(f->w, "2026W49-2")->status, STATUS_SKIPPED);
	o.minutes = 65;
	assert_int_equal(timer_record(f->w, f->p, "2026W49-2", &o, &err), 0);
	assert_true(week_block_by_id(f->w, "2026W49-2")->cut_short);
	assert_int_equal(week_block_by_id(f->w, "2026W49-2")->worked, 65);
	assert_int_equal(timer_record(f->w, f->p, "2026W49-404", &o, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
}

static void test_block_now_and_next(void **state)
{
	struct tu_week *f = *state;
	const struct block *now, *next;
	struct timer_outcome o = { .end = SESSION_DONE };
	struct error err;

	now = timer_block_now(f->w, at(1, 9, 15), &next);
	assert_non_null(now);
	assert_string_equal(now->id, "2026W49-2");
	assert_string_equal(next->id, "2026W49-3");
	now = timer_block_now(f->w, at(1, 12, 15), &next);
	assert_null(now);
	assert_string_equal(next->id, "2026W49-3");
	now = timer_block_now(f->w, at(1, 16, 0), &next); /* 14:00-16:00 has ended */
	assert_null(now);
	assert_string_equal(next->id, "2026W49-4");
	/* Done blocks are not picked. */
	assert_int_equal(timer_record(f->w, f->p, "2026W49-2", &o, &err), 0);
	assert_null(timer_block_now(f->w, at(1, 9, 15), NULL));
	now = timer_block_now(f->w, at(4, 18, 0), &next);
	assert_null(now);
	assert_null(next);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_WEEK_TEST(test_finish_done_and_cut_short),
		TU_WEEK_TEST(test_abandon_keeps_block_planned),
		TU_WEEK_TEST(test_record_and_skip),
		TU_WEEK_TEST(test_block_now_and_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
