/* test_review_verdict.c - one meaning of "unfinished" for the review and the
 * planning: what each block counts as (review_week_verdicts), blocks cut
 * short and skipped, and the review's list against the carry-over's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "timer.h"
#include "test_planning.h"

/* Mon 7 Dec 00:00, when THIS_WEEK begins: all of last week is due. */
#define AFTER tp_day(THIS_WEEK, 0), 0
/* Thu 3 Dec 12:00, in the middle of last week. */
#define THURSDAY tp_day(LAST_WEEK, 3), 12 * 60

/* The verdict on block `id` of w, seen at (today, minute). */
static struct review_verdict verdict(const struct week *w, const char *id, date_t today,
				     int minute, int slot)
{
	struct review_verdict *all = calloc(week_block_count(w) + 1, sizeof *all);
	struct review_verdict v = { REVIEW_CALENDAR, -1, -1 };

	review_week_verdicts(w, today, minute, slot, all);
	for (size_t i = 0; i < week_block_count(w); i++)
		if (strcmp(week_block_at(w, i)->id, id) == 0)
			v = all[i];
	free(all);
	assert_int_not_equal(v.done_minutes, -1);
	return v;
}

static void verdict_is(const struct week *w, const char *id, date_t today, int minute,
		       int slot, enum review_state state, int done, int left)
{
	struct review_verdict v = verdict(w, id, today, minute, slot);

	assert_string_equal(review_state_name(v.state), review_state_name(state));
	assert_int_equal(v.done_minutes, done);
	assert_int_equal(v.left_minutes, left);
}

/* The id of last week's meeting (tp_add gives none back). */
static const char *meeting_id(const struct week *w)
{
	for (size_t i = 0; i < week_block_count(w); i++)
		if (week_block_at(w, i)->kind == KIND_MEETING)
			return week_block_at(w, i)->id;
	fail_msg("no meeting");
	return NULL;
}

/* Every block of last week (test_planning.h), judged. */
static void test_verdicts(void **state)
{
	struct plan *p = tp_plan();
	struct lastweek lw;

	(void)state;
	lastweek_make(&lw, p);
	verdict_is(lw.w, lw.mon, AFTER, 30, REVIEW_DONE, 150, 0);
	/* Cut short after 65 tracked minutes: 150 - 65 = 85 left, 90 on the
	 * 30-minute grid, 120 on the hour grid. */
	verdict_is(lw.w, lw.tue, AFTER, 30, REVIEW_UNFINISHED, 65, 90);
	verdict_is(lw.w, lw.tue, AFTER, 60, REVIEW_UNFINISHED, 65, 120);
	verdict_is(lw.w, lw.tue_acc, AFTER, 30, REVIEW_DONE, 120, 0);
	verdict_is(lw.w, lw.wed, AFTER, 30, REVIEW_DROPPED, 0, 0);
	verdict_is(lw.w, meeting_id(lw.w), AFTER, 30, REVIEW_CALENDAR, 0, 0);
	verdict_is(lw.w, lw.thu, AFTER, 30, REVIEW_UNFINISHED, 0, 150);
	verdict_is(lw.w, lw.thu_acc, AFTER, 30, REVIEW_UNFINISHED, 0, 90);
	verdict_is(lw.w, lw.fri, AFTER, 30, REVIEW_DONE, 90, 0);
	verdict_is(lw.w, lw.fri_other, AFTER, 30, REVIEW_UNFINISHED, 0, 60);
	/* On Thursday at noon: Thursday morning has ended, its afternoon and
	 * Friday are still to come; a block done is due whenever it was. */
	verdict_is(lw.w, lw.tue, THURSDAY, 30, REVIEW_UNFINISHED, 65, 90);
	verdict_is(lw.w, lw.thu, THURSDAY, 30, REVIEW_UNFINISHED, 0, 150);
	verdict_is(lw.w, lw.thu_acc, THURSDAY, 30, REVIEW_TO_COME, 0, 0);
	verdict_is(lw.w, lw.fri_other, THURSDAY, 30, REVIEW_TO_COME, 0, 0);
	verdict_is(lw.w, lw.fri, THURSDAY, 30, REVIEW_DONE, 90, 0);
	verdict_is(lw.w, lw.wed, THURSDAY, 30, REVIEW_DROPPED, 0, 0);
	week_free(lw.w);
	plan_free(p);
}

/* A timer run of `seconds` (`paused` of them paused) on block id. */
static void run(struct week *w, const char *id, instant_t started, int64_t seconds,
		int64_t paused)
{
	struct session s = { 0 };

	snprintf(s.block, sizeof s.block, "%s", id);
	s.started = started;
	s.ended = started + seconds;
	s.paused = paused;
	s.end = SESSION_CUT_SHORT;
	week_session_add(w, &s);
}

/*
 * Blocks cut short, 60 minutes each, Mon of last week:
 *   none   no timer run (done --cut-short): 0 done, 60 left
 *   over   runs of 50 and 20 min: 70 tracked, at most its 60: done, 0 left
 *   mixed  a run that ends before it starts (counts 0), one of 26 min with
 *          30 s paused (1530 s: 25 whole minutes): 25 done, 35 left -> 60
 *          on the 30-minute grid
 *   plain  done, not cut short, though a 10-min run was logged: 60 done
 * A run on another block never counts.
 */
static void test_cut_short(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK);
	char none[MODEL_ID_MAX], over[MODEL_ID_MAX], mixed[MODEL_ID_MAX], plain[MODEL_ID_MAX];
	const struct week *past[1] = { last };
	struct planning *pl;
	struct error err = { 0 };
	instant_t t0 = 1796023800;

	(void)state;
	tp_add_id(last, p, 0, "08:00", "09:00", KIND_ADMIN, 0, 0, "None", none);
	tp_add_id(last, p, 0, "09:00", "10:00", KIND_ADMIN, 0, 0, "Over", over);
	tp_add_id(last, p, 0, "10:00", "11:00", KIND_ADMIN, 0, 0, "Mixed", mixed);
	tp_add_id(last, p, 0, "11:00", "12:00", KIND_ADMIN, 0, 0, "Plain", plain);
	tp_mark(last, p, none, STATUS_DONE, true, 0);
	tp_mark(last, p, over, STATUS_DONE, true, 0);
	tp_mark(last, p, mixed, STATUS_DONE, true, 0);
	tp_mark(last, p, plain, STATUS_DONE, false, 0);
	run(last, over, t0, 50 * 60, 0);
	run(last, over, t0 + 3600, 20 * 60, 0);
	run(last, mixed, t0, -300, 0);
	run(last, mixed, t0, 25 * 60 + 60, 30);
	run(last, plain, t0, 10 * 60, 0);
	run(last, "2026W49-99", t0, 3600, 0);
	verdict_is(last, none, AFTER, 30, REVIEW_UNFINISHED, 0, 60);
	verdict_is(last, over, AFTER, 30, REVIEW_DONE, 60, 0);
	verdict_is(last, mixed, AFTER, 30, REVIEW_UNFINISHED, 25, 60);
	verdict_is(last, plain, AFTER, 30, REVIEW_DONE, 60, 0);
	/* The carry-over takes none and mixed, with those lengths, and leaves
	 * over (it used to carry one slot of a block with nothing left). */
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_int_equal(planning_item_count(pl), 2);
	for (size_t i = 0; i < 2; i++) {
		const struct planning_item *it = planning_item_at(pl, i);

		assert_true(strcmp(it->block.carried_from, none) == 0 ||
			    strcmp(it->block.carried_from, mixed) == 0);
		assert_int_equal(it->block.end - it->block.start, 60);
	}
	assert_int_equal(planning_last_week(pl)->done_minutes, 0 + 60 + 25 + 60);
	planning_free(pl);
	week_free(last);
	week_free(w);
	plan_free(p);
}

static struct review *review_of(const struct plan *p, const struct week *last, date_t today,
				int minute)
{
	struct review_request rq = { LAST_WEEK, 1, today, minute };
	struct review *r = NULL;
	struct error err = { 0 };

	assert_int_equal(review_compute(p, &rq, &last, 1, &r, &err), 0);
	return r;
}

static const struct review_unfinished *listed(const struct review *r, const char *id)
{
	for (size_t i = 0; i < r->n_unfinished; i++)
		if (strcmp(r->unfinished[i].block->id, id) == 0)
			return &r->unfinished[i];
	return NULL;
}

static const struct planning_item *carried(const struct planning *pl, const char *id)
{
	for (size_t i = 0; i < planning_item_count(pl); i++)
		if (strcmp(planning_item_at(pl, i)->block.carried_from, id) == 0)
			return planning_item_at(pl, i);
	return NULL;
}

/*
 * The skipped block (Wed) is dropped: not in the review's Unfinished list
 * (it was, as "skipped", before the two shared one meaning), listed apart,
 * and not carried.  The block cut short (Tue, 65 of 150 minutes tracked) is
 * unfinished with 85 -> 90 minutes left (the review used to leave it out),
 * and carried with that length.
 */
static void test_skipped_and_cut_short(void **state)
{
	struct plan *p = tp_plan();
	struct lastweek lw;
	struct week *w = week_new(p, THIS_WEEK);
	const struct week *past[1];
	struct planning *pl;
	struct review *r;
	struct error err = { 0 };
	const struct planning_item *it;

	(void)state;
	lastweek_make(&lw, p);
	past[0] = lw.w;
	r = review_of(p, lw.w, AFTER);
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);

	assert_null(listed(r, lw.wed));
	assert_null(carried(pl, lw.wed));
	assert_int_equal(r->n_dropped, 1);
	assert_string_equal(r->dropped[0]->id, lw.wed);
	assert_int_equal(r->total.dropped, 1);

	assert_non_null(listed(r, lw.tue));
	assert_int_equal(listed(r, lw.tue)->left, 90);
	it = carried(pl, lw.tue);
	assert_non_null(it);
	assert_int_equal(it->block.end - it->block.start, 90);
	assert_false(it->block.cut_short);

	/* Done: Mon, Tue's account, Fri's admin (Tue's prospecting has minutes
	 * left); done time 150 + 65 + 120 + 90 = 425 (Tue counts what was
	 * tracked: before, 150 + 150 + 120 + 90 = 510); due: everything but the
	 * meeting, 960; rate 425 / 960 = 44.3 -> 44% (was 510 / 960 = 53%).
	 * Unfinished Tue, Thu, Thu's account, Fri's other: 4, 90 + 150 + 90 + 60
	 * = 390 left.  3 done + 4 unfinished + 1 dropped = 8 blocks. */
	assert_int_equal(r->total.done, 3);
	assert_int_equal(r->total.done_minutes, 425);
	assert_int_equal(r->total.due_minutes, 960);
	assert_int_equal(r->total.rate_pct, 44);
	assert_int_equal(r->total.unfinished, 4);
	assert_int_equal(r->total.left_minutes, 390);
	assert_int_equal(r->total.blocks, 8);
	/* Manufacturing's yield counts Tue's 65 tracked minutes: 1 meeting x 60
	 * / 65 = 0.923 -> 92 hundredths (was 1 x 60 / 150 = 40). */
	assert_int_equal(r->industries[1].id, MF);
	assert_int_equal(r->industries[1].prospecting_minutes, 65);
	assert_int_equal(r->industries[1].meetings_ph, 92);

	review_free(r);
	planning_free(pl);
	week_free(lw.w);
	week_free(w);
	plan_free(p);
}

/* The review's Unfinished list and the carry-over's items: the same blocks
 * with the same lengths, and the same sums in the planning's summary. */
static void assert_agree(const struct plan *p, const struct lastweek *lw, date_t today,
			 int minute, size_t expect)
{
	struct week *w = week_new(p, THIS_WEEK);
	const struct week *past[1] = { lw->w };
	struct planning *pl = planning_new(p, w, past, 1, today, minute);
	struct review *r = review_of(p, lw->w, today, minute);
	const struct planning_summary *s = planning_last_week(pl);
	struct error err = { 0 };

	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_int_equal(r->n_unfinished, expect);
	assert_int_equal(planning_item_count(pl), r->n_unfinished);
	for (size_t i = 0; i < r->n_unfinished; i++) {
		const struct planning_item *it = carried(pl, r->unfinished[i].block->id);

		assert_non_null(it);
		assert_int_equal(it->block.end - it->block.start, r->unfinished[i].left);
	}
	assert_int_equal(s->unfinished, r->total.unfinished);
	assert_int_equal(s->unfinished_minutes, r->total.left_minutes);
	assert_int_equal(s->done_minutes, r->total.done_minutes);
	assert_int_equal(s->planned_minutes, r->total.minutes);
	review_free(r);
	planning_free(pl);
	week_free(w);
}

static void test_review_and_carry_agree(void **state)
{
	struct plan *p = tp_plan();
	struct lastweek lw;

	(void)state;
	lastweek_make(&lw, p);
	/* Planned on Monday: Tue (cut short), Thu, Thu's account, Fri's other. */
	assert_agree(p, &lw, AFTER, 4);
	/* Planned ahead on Thursday at noon: Tue and Thu's morning only; Thu's
	 * account and Fri's other are still to come (the carry-over used to
	 * take them too). */
	assert_agree(p, &lw, THURSDAY, 2);
	/* At the minute Thu's account ends (15:30) it is due. */
	assert_agree(p, &lw, tp_day(LAST_WEEK, 3), 15 * 60 + 30, 3);
	week_free(lw.w);
	plan_free(p);
}

/*
 * The minutes said for a block (`done --minutes`, the forms: block.worked)
 * decide its done time, before any timer run: a 2-hour account review that
 * really ran 65 minutes is 65 done, 55 left (60 on the grid), and the
 * carry-over plans 60 minutes, not 2 hours again.  A block done in full
 * without the timer counts its length.
 */
static void test_minutes_said(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK);
	char review[MODEL_ID_MAX], full[MODEL_ID_MAX], over[MODEL_ID_MAX];
	const struct week *past[1] = { last };
	struct timer_outcome o = { .end = SESSION_CUT_SHORT, .minutes = 65 };
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	tp_add_id(last, p, 1, "14:00", "16:00", KIND_ADMIN, 0, 0, "Account review", review);
	tp_add_id(last, p, 2, "09:00", "10:00", KIND_ADMIN, 0, 0, "Full", full);
	tp_add_id(last, p, 3, "09:00", "10:00", KIND_ADMIN, 0, 0, "Over", over);
	assert_int_equal(timer_record(last, p, review, &o, &err), 0);
	o = (struct timer_outcome){ .end = SESSION_DONE };
	assert_int_equal(timer_record(last, p, full, &o, &err), 0);
	o = (struct timer_outcome){ .end = SESSION_DONE, .minutes = 75 };
	assert_int_equal(timer_record(last, p, over, &o, &err), 0);
	assert_true(week_block_by_id(last, review)->cut_short);
	assert_false(week_block_by_id(last, over)->cut_short);
	verdict_is(last, review, AFTER, 30, REVIEW_UNFINISHED, 65, 60);
	verdict_is(last, full, AFTER, 30, REVIEW_DONE, 60, 0);
	verdict_is(last, over, AFTER, 30, REVIEW_DONE, 60, 0);
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_int_equal(planning_item_count(pl), 1);
	assert_string_equal(planning_item_at(pl, 0)->block.carried_from, review);
	assert_int_equal(planning_item_at(pl, 0)->block.end - planning_item_at(pl, 0)->block.start,
			 60);
	planning_free(pl);
	week_free(w);
	week_free(last);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verdicts),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_skipped_and_cut_short),
		cmocka_unit_test(test_review_and_carry_agree),
		cmocka_unit_test(test_minutes_said),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
