/* test_review.c - the review's figures against a week computed by hand:
 * finished, results per industry, focus, accounts. */
#include <limits.h>
#include <stdio.h>

#include "test_review_fixture.h"

/*
 * 2026-W49 (Mon 30 Nov), seen on Wed 2 Dec at 12:00.
 *
 *   id   day  time         min kind        ind acc status   counters
 *   a1   Mon  09:00-11:00  120 prospecting 1   -   done     10 calls 1 mtg
 *   a2   Mon  11:00-11:30   30 prospecting 1   -   planned   4 calls (due, unfinished: 30 left)
 *   a3   Tue  09:00-10:00   60 account     -   1   done
 *   a4   Tue  10:00-12:00  120 account     -   2   skipped  (due, dropped: not unfinished)
 *   a5   Wed  09:00-12:00  180 prospecting 2   -   done     30 calls 2 mtg 500 sold
 *   a6   Wed  12:00-12:30   30 admin       -   -   planned  not for quota; ends after 12:00
 *   a7   Thu  09:00-10:00   60 prospecting 2   -   done     5 calls (done early: due)
 *   a8   Fri  14:00-15:00   60 meeting                      calendar time, not a block
 *   a9   Fri  15:00-16:00   60 account     -   3   planned  (archived account)
 *   a10  Fri  16:00-16:30   30 account     -   0   done     not for quota
 *   a11  Sat  10:00-11:00   60 other       3   -   planned  (archived industry)
 *
 * Niches: Mon 1, Tue 2, Wed 2, Thu 1.  Sales: Mon 1000 (ind 1), Wed 2500
 * (ind 2), Sun 700 (none), and the 500 sold on a5 (Wed, ind 2); in W48 (not
 * in range) 800 on 27 Nov.
 */
static const struct fx_block week49[] = {
	{ "a1", "2026-11-30", "09:00", "11:00", KIND_PROSPECTING, 1, 0, STATUS_DONE, 10, 1, 0, false },
	{ "a2", "2026-11-30", "11:00", "11:30", KIND_PROSPECTING, 1, 0, STATUS_PLANNED, 4, 0, 0, false },
	{ "a3", "2026-12-01", "09:00", "10:00", KIND_ACCOUNT, 0, 1, STATUS_DONE, 0, 0, 0, false },
	{ "a4", "2026-12-01", "10:00", "12:00", KIND_ACCOUNT, 0, 2, STATUS_SKIPPED, 0, 0, 0, false },
	{ "a5", "2026-12-02", "09:00", "12:00", KIND_PROSPECTING, 2, 0, STATUS_DONE, 30, 2, 500, false },
	{ "a6", "2026-12-02", "12:00", "12:30", KIND_ADMIN, 0, 0, STATUS_PLANNED, 0, 0, 0, true },
	{ "a7", "2026-12-03", "09:00", "10:00", KIND_PROSPECTING, 2, 0, STATUS_DONE, 5, 0, 0, false },
	{ "a8", "2026-12-04", "14:00", "15:00", KIND_MEETING, 0, 0, STATUS_PLANNED, 0, 0, 0, false },
	{ "a9", "2026-12-04", "15:00", "16:00", KIND_ACCOUNT, 0, 3, STATUS_PLANNED, 0, 0, 0, false },
	{ "a10", "2026-12-04", "16:00", "16:30", KIND_ACCOUNT, 0, 0, STATUS_DONE, 0, 0, 0, true },
	{ "a11", "2026-12-05", "10:00", "11:00", KIND_OTHER, 3, 0, STATUS_PLANNED, 0, 0, 0, false },
};

struct fixture {
	struct plan *p;
	struct week *w[2];
	struct review *r;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->p = fx_plan(QUOTA_MONTH, 10000);
	f->w[0] = week_new(f->p, fx_week("2026-W49"));
	for (size_t i = 0; i < sizeof week49 / sizeof week49[0]; i++)
		fx_add(f->w[0], &week49[i]);
	week_restore_niche(f->w[0], fx_day("2026-11-30"), PART_DAY, 1);
	week_restore_niche(f->w[0], fx_day("2026-12-01"), PART_DAY, 2);
	week_restore_niche(f->w[0], fx_day("2026-12-02"), PART_DAY, 2);
	week_restore_niche(f->w[0], fx_day("2026-12-03"), PART_DAY, 1);
	fx_sale(f->w[0], "2026-11-30", 1000, 1);
	fx_sale(f->w[0], "2026-12-02", 2500, 2);
	fx_sale(f->w[0], "2026-12-06", 700, 0);
	f->w[1] = week_new(f->p, fx_week("2026-W48"));
	fx_sale(f->w[1], "2026-11-27", 800, 1);
	f->r = fx_review(f->p, f->w, 2, "2026-W49", 1, "2026-12-02", "12:00");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	review_free(f->r);
	fx_free_weeks(f->w, 2);
	plan_free(f->p);
	free(f);
	return 0;
}

/* The tally, and that its blocks are each done, unfinished, dropped or to
 * come (left is checked with the unfinished count). */
static void tally_is(const struct review_tally *t, int blocks, int done, int unfinished,
		     int dropped, int64_t minutes, int64_t done_min, int64_t due_min,
		     int64_t left, int rate)
{
	assert_int_equal(t->blocks, blocks);
	assert_int_equal(t->done, done);
	assert_int_equal(t->unfinished, unfinished);
	assert_int_equal(t->dropped, dropped);
	assert_int_equal(t->minutes, minutes);
	assert_int_equal(t->done_minutes, done_min);
	assert_int_equal(t->due_minutes, due_min);
	assert_int_equal(t->left_minutes, left);
	assert_int_equal(t->rate_pct, rate);
	assert_true(t->done + t->unfinished + t->dropped <= t->blocks);
}

static void test_finished(void **state)
{
	struct fixture *f = *state;
	const struct review *r = f->r;

	/* 10 blocks (a8 is calendar time); 750 min; done a1 a3 a5 a7 a10 = 450;
	 * due = 450 + a2 30 + a4 120 = 600; 450 / 600 = 75%.  Unfinished: a2
	 * alone (30 left); the skipped a4 is dropped (it was "unfinished" before
	 * the review and the planning shared one meaning: 2 unfinished, then).
	 * To come: a6 a9 a11; 5 + 1 + 1 + 3 = 10. */
	tally_is(&r->total, 10, 5, 1, 1, 750, 450, 600, 30, 75);
	tally_is(&r->day[0], 2, 1, 1, 0, 150, 120, 150, 30, 80);  /* 120/150 */
	tally_is(&r->day[1], 2, 1, 0, 1, 180, 60, 180, 0, 33);    /* 60/180 = 33.3 */
	tally_is(&r->day[2], 2, 1, 0, 0, 210, 180, 180, 0, 100);  /* a6 not yet due */
	tally_is(&r->day[3], 1, 1, 0, 0, 60, 60, 60, 0, 100);     /* done ahead of time */
	tally_is(&r->day[4], 2, 1, 0, 0, 90, 30, 30, 0, 100);     /* a8 left out */
	tally_is(&r->day[5], 1, 0, 0, 0, 60, 0, 0, 0, -1);
	tally_is(&r->day[6], 0, 0, 0, 0, 0, 0, 0, 0, -1);
	tally_is(&r->kind[KIND_PROSPECTING], 4, 3, 1, 0, 390, 360, 390, 30, 92); /* 92.3 */
	tally_is(&r->kind[KIND_ACCOUNT], 4, 2, 0, 1, 270, 90, 210, 0, 42);       /* 42.9 */
	tally_is(&r->kind[KIND_ADMIN], 1, 0, 0, 0, 30, 0, 0, 0, -1);
	tally_is(&r->kind[KIND_OTHER], 1, 0, 0, 0, 60, 0, 0, 0, -1);
	tally_is(&r->kind[KIND_MEETING], 1, 0, 0, 0, 60, 0, 0, 0, -1);
	/* Unfinished: a2 with what is left of it; dropped: a4; borrowed. */
	assert_int_equal(r->n_unfinished, 1);
	assert_ptr_equal(r->unfinished[0].block, week_block_by_id(f->w[0], "a2"));
	assert_int_equal(r->unfinished[0].left, 30);
	assert_int_equal(r->n_dropped, 1);
	assert_ptr_equal(r->dropped[0], week_block_by_id(f->w[0], "a4"));
	/* W50 was not given: nothing is known to be carried. */
	assert_null(r->unfinished[0].carried_to);
	assert_int_equal(r->n_carried, 0);
}

static void test_results(void **state)
{
	struct fixture *f = *state;
	const struct review *r = f->r;
	const struct review_industry *x;

	/* Rows: active industries in plan order, archived Retail (a11), none last. */
	assert_int_equal(r->n_industries, 4);
	assert_int_equal(r->industries[0].id, 1);
	assert_int_equal(r->industries[1].id, 2);
	assert_int_equal(r->industries[2].id, 3);
	assert_int_equal(r->industries[3].id, 0);
	x = &r->industries[0];
	tally_is(&x->t, 2, 1, 1, 0, 150, 120, 150, 30, 80);
	/* Counters of a2 count though it is not done; its minutes do not. */
	assert_int_equal(x->out.calls, 14);
	assert_int_equal(x->out.meetings, 1);
	assert_int_equal(x->sales, 1000);      /* 800 in W48 is outside the range */
	assert_int_equal(x->prospecting_minutes, 120);
	assert_int_equal(x->calls_ph, 700);    /* 14 * 60 / 120 = 7.00 */
	assert_int_equal(x->meetings_ph, 50);  /* 0.50 */
	x = &r->industries[1];
	tally_is(&x->t, 2, 2, 0, 0, 240, 240, 240, 0, 100);
	assert_int_equal(x->out.calls, 35);
	assert_int_equal(x->sales, 3000);      /* 2500 + the 500 sold on a5 */
	assert_int_equal(x->calls_ph, 875);    /* 35 / 4 h = 8.75 */
	assert_int_equal(x->meetings_ph, 50);
	x = &r->industries[2];
	tally_is(&x->t, 1, 0, 0, 0, 60, 0, 0, 0, -1);
	assert_int_equal(x->calls_ph, -1);
	assert_int_equal(x->meetings_ph, -1);
	x = &r->industries[3];
	tally_is(&x->t, 5, 2, 0, 1, 300, 90, 210, 0, 42);
	assert_int_equal(x->sales, 700);
	x = &r->all;
	tally_is(&x->t, 10, 5, 1, 1, 750, 450, 600, 30, 75);
	assert_int_equal(x->out.calls, 49);
	assert_int_equal(x->out.meetings, 3);
	assert_int_equal(x->sales, 4700);
	assert_int_equal(x->prospecting_minutes, 360);
	assert_int_equal(x->calls_ph, 817);    /* 49 / 6 h = 8.1667 */
	assert_int_equal(x->meetings_ph, 50);  /* 3 / 6 h = 0.50 */
}

static void test_focus_day_rule(void **state)
{
	struct fixture *f = *state;
	const struct review_focus *x = &f->r->focus;

	/* Seen on Wed 2 Dec at 12:00.  Mon held (a1 done, a2 ended); Tue has a
	 * niche but had no prospecting: not counted; Wed held (a5 ended at
	 * 12:00); Thu's done block is of industry 2, not the niche 1; Fri and
	 * Sat have neither.  The week is under way: "so far". */
	assert_int_equal(x->days, 3);
	assert_int_equal(x->days_held, 2);
	assert_true(x->so_far);
	assert_int_equal(x->halves, 0);
	assert_int_equal(x->notquota_minutes, 60);      /* a6 30 + a10 30 */
	assert_int_equal(x->notquota_done_minutes, 30); /* a10 */
	assert_int_equal(x->interruptions, 0);
	assert_int_equal(x->timer_seconds, 0);
}

static void test_accounts(void **state)
{
	struct fixture *f = *state;
	const struct review_accounts *a = &f->r->accounts;

	/* Northwind, Contoso (active), Fabrikam (archived, a9), none (a10). */
	assert_int_equal(a->n, 4);
	assert_int_equal(a->rows[0].id, 1);
	assert_int_equal(a->rows[0].baseline, 240);
	assert_int_equal(a->rows[0].target, 192);
	assert_int_equal(a->rows[0].planned, 60);
	assert_int_equal(a->rows[0].done, 60);
	assert_int_equal(a->rows[1].id, 2);
	assert_int_equal(a->rows[1].target, 74);     /* 0.8 * 93 = 74.4 */
	assert_int_equal(a->rows[1].planned, 120);
	assert_int_equal(a->rows[1].done, 0);
	assert_int_equal(a->rows[2].id, 3);
	assert_int_equal(a->rows[2].baseline, 60);
	assert_int_equal(a->rows[2].target, 48);
	assert_int_equal(a->rows[2].planned, 60);
	assert_int_equal(a->rows[3].id, 0);
	assert_int_equal(a->rows[3].baseline, 0);
	assert_int_equal(a->rows[3].done, 30);
	assert_int_equal(a->baseline, 393);
	assert_int_equal(a->target, 314);
	assert_int_equal(a->planned, 270);
	assert_int_equal(a->done, 90);
	assert_int_equal(a->freed, 303);             /* 393 - 90 */
	assert_int_equal(a->freed_planned, 123);     /* 393 - 270 */
	assert_int_equal(a->to_prospecting, 303);    /* min(303, 360) */
}

static void test_quota_and_trend(void **state)
{
	struct fixture *f = *state;
	const struct review *r = f->r;
	const struct review_quota *q = &r->quota;

	/* December (Thursday 3 Dec); sales 1..6 Dec: 2500 + 700, and the 500
	 * sold on a5: money recorded on a block counts toward the quota. */
	assert_int_equal(q->start, fx_day("2026-12-01"));
	assert_int_equal(q->cutoff, fx_day("2026-12-06"));
	assert_int_equal(q->sold, 3700);
	assert_int_equal(q->weeks, 5);
	assert_int_equal(q->week_index, 1);
	assert_int_equal(q->pace, 1575);             /* 6300 / 4 */
	assert_int_equal(q->projection, 18500);      /* 3700 * 5 / 1 */
	assert_int_equal(q->progress_pct, 37);
	assert_string_equal(q->currency, "EUR");
	/* The trend ends with the week; weeks not given are empty. */
	assert_int_equal(r->trend[0].key, fx_week("2026-W42"));
	assert_int_equal(r->trend[0].t.rate_pct, -1);
	assert_int_equal(r->trend[6].t.blocks, 0);
	assert_int_equal(r->trend[7].key, fx_week("2026-W49"));
	tally_is(&r->trend[7].t, 10, 5, 1, 1, 750, 450, 600, 30, 75);
	assert_int_equal(r->trend[7].meetings, 3);
	assert_int_equal(r->trend[7].prospecting_minutes, 360);
	assert_ptr_equal(r->weeks[0], f->w[0]);
}

/* The moment decides what is due: a block ending exactly then is due. */
static void test_due_at_the_minute(void **state)
{
	struct fixture *f = *state;
	struct review *r;

	r = fx_review(f->p, f->w, 2, "2026-W49", 1, "2026-12-02", "12:29");
	assert_int_equal(r->total.due_minutes, 600);
	review_free(r);
	r = fx_review(f->p, f->w, 2, "2026-W49", 1, "2026-12-02", "12:30");
	assert_int_equal(r->total.due_minutes, 630);
	assert_int_equal(r->total.unfinished, 2);     /* a6 now too (a4 is dropped) */
	assert_int_equal(r->total.left_minutes, 60);  /* a2 30 + a6 30 */
	assert_int_equal(r->total.rate_pct, 71);      /* 450 / 630 = 71.4 */
	review_free(r);
	/* A week long gone: everything is due. */
	r = fx_review(f->p, f->w, 2, "2026-W49", 1, "2027-01-10", "08:00");
	assert_int_equal(r->total.due_minutes, 750);
	assert_int_equal(r->total.rate_pct, 60);      /* 450 / 750 */
	assert_int_equal(r->n_unfinished, 4);         /* a2 a6 a9 a11; a4 dropped */
	assert_int_equal(r->total.left_minutes, 180); /* 30 + 30 + 60 + 60 */
	assert_int_equal(r->total.done + r->total.unfinished + r->total.dropped, 10);
	review_free(r);
}

/* Half-day niches: a block across midday is in both halves. */
static void test_focus_half_days(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w = week_new(p, fx_week("2026-W49"));
	struct review *r;
	static const struct fx_block b[] = {
		/* Mon: one block 11:00-13:00 over both halves: both held. */
		{ "h1", "2026-11-30", "11:00", "13:00", KIND_PROSPECTING, 1, 0, STATUS_DONE, 0, 0, 0, false },
		/* Tue AM: two done blocks of two industries (rules bypassed): not held. */
		{ "h2", "2026-12-01", "08:00", "09:00", KIND_PROSPECTING, 1, 0, STATUS_DONE, 0, 0, 0, false },
		{ "h3", "2026-12-01", "09:00", "10:00", KIND_PROSPECTING, 2, 0, STATUS_DONE, 0, 0, 0, false },
		/* Tue PM: no niche, one done block: held. */
		{ "h4", "2026-12-01", "14:00", "15:00", KIND_PROSPECTING, 2, 0, STATUS_DONE, 0, 0, 0, false },
		/* Wed AM: a planned block only: counted, not held. */
		{ "h5", "2026-12-02", "08:00", "09:00", KIND_PROSPECTING, 2, 0, STATUS_PLANNED, 0, 0, 0, false },
	};

	(void)state;
	week_restore_focus(w, FOCUS_HALF_DAY, 12 * 60);
	for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
		fx_add(w, &b[i]);
	week_restore_niche(w, fx_day("2026-11-30"), PART_AM, 1);
	week_restore_niche(w, fx_day("2026-11-30"), PART_PM, 1);
	week_restore_niche(w, fx_day("2026-12-01"), PART_AM, 1);
	week_restore_niche(w, fx_day("2026-12-03"), PART_PM, 2); /* Thu PM: niche, nothing */
	r = fx_review(p, &w, 1, "2026-W49", 1, "2026-12-31", "00:00");
	assert_int_equal(r->focus.days, 0);
	assert_int_equal(r->focus.halves, 5);       /* Mon AM PM, Tue AM PM, Wed AM (Thu PM
						       had a niche, no prospecting) */
	assert_int_equal(r->focus.halves_held, 3);  /* Mon AM PM, Tue PM */
	assert_false(r->focus.so_far);
	review_free(r);
	/* Seen on Tue 1 Dec at 12:00: Wed's planned block is still to come, so
	 * Wed AM does not count yet; Tue PM's (14:00) is done already, and a
	 * done block is due whenever it is. */
	r = fx_review(p, &w, 1, "2026-W49", 1, "2026-12-01", "12:00");
	assert_int_equal(r->focus.halves, 4);       /* Mon AM PM, Tue AM PM */
	assert_int_equal(r->focus.halves_held, 3);  /* Mon AM PM, Tue PM */
	assert_true(r->focus.so_far);
	review_free(r);
	week_free(w);
	plan_free(p);
}

static void add_session(struct week *w, const char *block, instant_t start, instant_t end,
			int64_t paused, const instant_t *at, const char *const *notes, size_t n)
{
	struct session s = { 0 };
	struct interruption in[4];

	snprintf(s.block, sizeof s.block, "%s", block);
	s.started = start;
	s.ended = end;
	s.paused = paused;
	for (size_t i = 0; i < n; i++) {
		in[i].at = at[i];
		in[i].note = (char *)notes[i];
	}
	s.interruptions = n ? in : NULL;
	s.n_interruptions = n;
	week_session_add(w, &s);
}

/* Interruptions by the local day they happened, across the spring change:
 * Berlin is UTC+1 on Sat 28 Mar 2026 and UTC+2 from Sun 29 Mar 03:00. */
static void test_interruptions_dst(void **state)
{
	struct plan *p = fx_plan(QUOTA_QUARTER, 0);
	struct week *w = week_new(p, fx_week("2026-W13"));
	struct review *r;
	const struct review_focus *f;
	static const instant_t sat_at[] = { 1774689600 };            /* Sat 10:20 CET */
	static const instant_t sun_at[] = { 1774772400, 1774771800 }; /* Sun 10:20, 10:10 CEST */
	static const char *const sat_note[] = { "Neighbour" };
	static const char *const sun_note[] = { "Phone", "" };

	(void)state;
	tu_tz("Europe/Berlin");
	/* Sat 10:00-11:00 CET, paused 5 min: 55 min. */
	add_session(w, "x1", 1774688400, 1774692000, 300, sat_at, sat_note, 1);
	/* Sun 10:00-11:00 CEST: 60 min. */
	add_session(w, "x2", 1774771200, 1774774800, 0, sun_at, sun_note, 2);
	/* A clock that went backwards adds nothing. */
	add_session(w, "x3", 1774774800, 1774774800, 600, NULL, NULL, 0);
	r = fx_review(p, &w, 1, "2026-W13", 1, "2026-03-30", "09:00");
	f = &r->focus;
	assert_int_equal(f->timer_seconds, 55 * 60 + 60 * 60);
	assert_int_equal(f->interruptions, 3);
	assert_int_equal(f->per_day[5], 1);
	assert_int_equal(f->per_day[6], 2);
	assert_int_equal(f->n_list, 3);
	assert_int_equal(f->list[0].date, fx_day("2026-03-28"));
	assert_int_equal(f->list[0].minute, 10 * 60 + 20);
	assert_string_equal(f->list[0].note, "Neighbour");
	assert_int_equal(f->list[1].date, fx_day("2026-03-29"));
	assert_int_equal(f->list[1].minute, 10 * 60 + 10);    /* sorted by time */
	assert_string_equal(f->list[1].note, "");
	assert_int_equal(f->list[2].minute, 10 * 60 + 20);
	assert_string_equal(f->list[2].block, "x2");
	review_free(r);
	week_free(w);
	plan_free(p);
	tu_tz("UTC");
}

/* Over several weeks the baseline counts once a week; an account over its
 * baseline eats into what the others freed; freed time going into
 * prospecting is capped by the prospecting done. */
static void test_accounts_weeks(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w[2] = { week_new(p, fx_week("2026-W48")), week_new(p, fx_week("2026-W49")) };
	struct review *r;
	static const struct fx_block b48[] = {
		{ "n1", "2026-11-23", "08:00", "18:00", KIND_ACCOUNT, 0, 1, STATUS_DONE, 0, 0, 0, false },
		{ "n2", "2026-11-24", "08:00", "09:00", KIND_PROSPECTING, 1, 0, STATUS_DONE, 0, 0, 0, false },
	};
	static const struct fx_block b49[] = {
		{ "n3", "2026-11-30", "08:00", "09:00", KIND_ACCOUNT, 0, 2, STATUS_DONE, 0, 0, 0, false },
		{ "n4", "2026-11-30", "09:00", "10:00", KIND_ACCOUNT, 0, 2, STATUS_PLANNED, 0, 0, 0, false },
	};

	(void)state;
	fx_add(w[0], &b48[0]);
	fx_add(w[0], &b48[1]);
	fx_add(w[1], &b49[0]);
	fx_add(w[1], &b49[1]);
	r = fx_review(p, w, 2, "2026-W49", 2, "2026-12-31", "00:00");
	assert_int_equal(r->accounts.n, 2);                /* archived Fabrikam: no blocks */
	assert_int_equal(r->accounts.rows[0].baseline, 480); /* 240 x 2 */
	assert_int_equal(r->accounts.rows[0].target, 384);
	assert_int_equal(r->accounts.rows[0].done, 600);   /* over by 120 */
	assert_int_equal(r->accounts.rows[1].baseline, 186);
	assert_int_equal(r->accounts.rows[1].target, 149); /* 148.8 */
	assert_int_equal(r->accounts.rows[1].done, 60);
	assert_int_equal(r->accounts.freed, 6);            /* 666 - 660 */
	assert_int_equal(r->accounts.freed_planned, 0);    /* 666 - 720 < 0 */
	assert_int_equal(r->accounts.to_prospecting, 6);
	review_free(r);
	/* Without prospecting nothing freed went into it. */
	week_free(w[0]);
	w[0] = week_new(p, fx_week("2026-W48"));
	r = fx_review(p, w, 2, "2026-W49", 2, "2026-12-31", "00:00");
	assert_int_equal(r->accounts.freed, 606);
	assert_int_equal(r->accounts.to_prospecting, 0);
	review_free(r);
	fx_free_weeks(w, 2);
	plan_free(p);
}

static void test_yield_rounding(void **state)
{
	(void)state;
	assert_int_equal(review_per_hour(1, 32), 188);    /* 1.875 -> 1.88 (half up) */
	assert_int_equal(review_per_hour(1, 48), 125);    /* 1.25 exactly */
	assert_int_equal(review_per_hour(2, 90), 133);    /* 1.333 */
	assert_int_equal(review_per_hour(0, 90), 0);
	assert_int_equal(review_per_hour(5, 0), -1);
	assert_int_equal(review_pct(2, 3), 66);           /* rounded down */
	assert_int_equal(review_pct(999, 1000), 99);      /* 100 only when complete */
	assert_int_equal(review_pct(5, 0), -1);
	assert_int_equal(review_pct(MODEL_MONEY_MAX * 100, 1), INT_MAX);
}

/* Bad requests and bad input are refused with a message. */
static void test_refusals(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w[2] = { week_new(p, fx_week("2026-W49")), week_new(p, fx_week("2026-W49")) };
	struct review_request rq = { fx_week("2026-W49"), 1, fx_day("2026-12-01"), 0 };
	struct review *r = NULL;
	struct error err;

	(void)state;
	assert_int_equal(review_compute(p, &rq, (const struct week *const *)w, 2, &r, &err), -1);
	assert_non_null(strstr(err.msg, "2026-W49 was given twice"));
	rq.n_weeks = 0;
	assert_int_equal(review_compute(p, &rq, (const struct week *const *)w, 1, &r, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	rq.n_weeks = REVIEW_WEEKS_MAX + 1;
	assert_int_equal(review_compute(p, &rq, (const struct week *const *)w, 1, &r, &err), -1);
	rq.n_weeks = 1;
	rq.last = 202699;
	assert_int_equal(review_compute(p, &rq, (const struct week *const *)w, 1, &r, &err), -1);
	assert_null(r);
	/* Weeks outside the span are ignored, not an error. */
	rq.last = fx_week("2027-W30");
	assert_int_equal(review_compute(p, &rq, (const struct week *const *)w, 1, &r, &err), 0);
	assert_int_equal(r->trend[7].t.blocks, 0);
	review_free(r);
	fx_free_weeks(w, 2);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_finished, setup, teardown),
		cmocka_unit_test_setup_teardown(test_results, setup, teardown),
		cmocka_unit_test_setup_teardown(test_focus_day_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accounts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quota_and_trend, setup, teardown),
		cmocka_unit_test_setup_teardown(test_due_at_the_minute, setup, teardown),
		cmocka_unit_test(test_focus_half_days),
		cmocka_unit_test(test_interruptions_dst),
		cmocka_unit_test(test_accounts_weeks),
		cmocka_unit_test(test_yield_rounding),
		cmocka_unit_test(test_refusals),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
