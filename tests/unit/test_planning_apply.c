/* test_planning_apply.c - the planning core's later steps: carry-over, the
 * account trim and the freed time, the quota question; choices that
 * recompute later steps or are refused; all-or-nothing applying. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_planning.h"
#include "timer.h"

/* ---- carry-over ---- */

struct carry {
	struct plan *p;
	struct lastweek lw;
	struct week *w;
	struct planning *pl;
};

static void carry_setup(struct carry *c, const int niches[7])
{
	const struct week *past[1];
	struct error err = { 0 };

	c->p = tp_plan();
	lastweek_make(&c->lw, c->p);
	c->w = week_new(c->p, THIS_WEEK);
	tp_niches(c->w, c->p, niches);
	tp_add(c->w, c->p, 1, "08:00", "11:00", KIND_PROSPECTING, MF, 0, "Plants");
	tp_add(c->w, c->p, 3, "08:00", "10:00", KIND_ADMIN, 0, 0, "Forecast");
	past[0] = c->lw.w;
	c->pl = tp_new(c->p, c->w, past, 1);
	assert_int_equal(planning_carry_over(c->pl, &err), 0);
}

static void carry_teardown(struct carry *c)
{
	planning_free(c->pl);
	week_free(c->lw.w);
	week_free(c->w);
	plan_free(c->p);
}

/* The carry item continuing block `from`. */
static const struct planning_item *carried(const struct planning *pl, const char *from)
{
	for (size_t i = 0; i < planning_item_count(pl); i++)
		if (strcmp(planning_item_at(pl, i)->block.carried_from, from) == 0)
			return planning_item_at(pl, i);
	fail_msg("nothing carries %s", from);
	return NULL;
}

static void assert_placed(const struct planning_item *it, int d, const char *s, const char *e)
{
	assert_true(it->chosen);
	assert_int_equal(it->block.date, tp_day(THIS_WEEK, d));
	assert_int_equal(it->block.start, tp_min(s));
	assert_int_equal(it->block.end, tp_min(e));
}

static void test_carry_over_placement(void **state)
{
	static const int niches[7] = { HC, MF, LG, RT, 0, 0, 0 };
	struct carry c;
	struct week *out, *again;
	struct planning *pl2;
	const struct week *past[1];
	struct error err = { 0 };
	const struct block *b;

	(void)state;
	carry_setup(&c, niches);
	/* Four unfinished (done, skipped and meetings stay behind). */
	assert_int_equal(tp_count(c.pl, PLANNING_CARRY), 4);
	/* Cut short: what is left (90) on Manufacturing's day, after 11:00. */
	assert_placed(carried(c.pl, c.lw.tue), 1, "11:00", "12:30");
	/* Retail's day, after the admin block that fills 08:00-10:00. */
	assert_placed(carried(c.pl, c.lw.thu), 3, "10:00", "12:30");
	/* No industry: its own weekday, after the carried Retail block. */
	assert_placed(carried(c.pl, c.lw.thu_acc), 3, "12:30", "14:00");
	assert_placed(carried(c.pl, c.lw.fri_other), 4, "08:00", "09:00");
	assert_int_equal(planning_apply(c.pl, &out, &err), 0);
	b = tp_find(out, 1, "11:00");
	assert_non_null(b);
	assert_string_equal(b->carried_from, c.lw.tue);
	assert_int_equal(b->status, STATUS_PLANNED);
	assert_false(b->cut_short);
	assert_int_equal(b->out.meetings, 0);
	assert_int_equal(b->industry, MF);
	/* Carrying over again adds nothing: each is already there. */
	past[0] = c.lw.w;
	pl2 = tp_new(c.p, out, past, 1);
	assert_int_equal(planning_carry_over(pl2, &err), 0);
	assert_int_equal(tp_count(pl2, PLANNING_CARRY), 4);
	assert_int_equal(planning_change_count(pl2), 0);
	assert_true(carried(pl2, c.lw.thu)->present);
	assert_int_equal(planning_apply(pl2, &again, &err), 0);
	assert_true(week_equal(again, out));
	week_free(again);
	planning_free(pl2);
	week_free(out);
	carry_teardown(&c);
}

static void test_carry_over_no_room(void **state)
{
	static const int no_retail[7] = { HC, MF, LG, 0, 0, 0, 0 };
	struct carry c;

	(void)state;
	carry_setup(&c, no_retail);
	assert_true(carried(c.pl, c.lw.thu)->blocked);
	assert_string_equal(carried(c.pl, c.lw.thu)->why, "Retail has no day this week");
	/* Thursday has room for the account block even without a niche. */
	assert_placed(carried(c.pl, c.lw.thu_acc), 3, "10:00", "11:30");
	carry_teardown(&c);
	/* A week with no niches at all (carried before any planning) says
	 * what is missing; the account block still finds its Thursday. */
	{
		static const int none[7] = { 0 };

		carry_setup(&c, none);
		assert_true(carried(c.pl, c.lw.thu)->blocked);
		assert_string_equal(carried(c.pl, c.lw.thu)->why,
				    "Retail has no day this week: the week has no niches yet (the "
				    "rotation gives each day one)");
		assert_false(carried(c.pl, c.lw.thu_acc)->blocked);
		carry_teardown(&c);
	}
	/* Manufacturing's day full; Thursday full: the account block moves on
	 * to Friday, the next work day. */
	{
		static const int niches[7] = { HC, MF, LG, RT, 0, 0, 0 };
		const struct week *past[1];
		struct error err = { 0 };

		c.p = tp_plan();
		lastweek_make(&c.lw, c.p);
		c.w = week_new(c.p, THIS_WEEK);
		tp_niches(c.w, c.p, niches);
		tp_add(c.w, c.p, 1, "08:00", "18:00", KIND_PROSPECTING, MF, 0, "All day");
		tp_add(c.w, c.p, 3, "08:00", "18:00", KIND_ADMIN, 0, 0, "Trade fair");
		past[0] = c.lw.w;
		c.pl = tp_new(c.p, c.w, past, 1);
		assert_int_equal(planning_carry_over(c.pl, &err), 0);
		assert_true(carried(c.pl, c.lw.tue)->blocked);
		assert_string_equal(carried(c.pl, c.lw.tue)->why,
				    "no free 1h30 on Manufacturing's days this week");
		assert_placed(carried(c.pl, c.lw.thu_acc), 4, "08:00", "09:30");
		assert_placed(carried(c.pl, c.lw.fri_other), 4, "09:30", "10:30");
		carry_teardown(&c);
	}
}

/* Half-days: a carried block goes only where its industry is the niche,
 * not into the other, niche-less half of the day. */
static void test_carry_over_half_days(void **state)
{
	struct plan *p = tp_plan();
	struct settings s = *plan_settings(p);
	struct lastweek lw;
	struct week *w;
	const struct week *past[1];
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	lastweek_make(&lw, p);
	s.focus = FOCUS_HALF_DAY;
	assert_int_equal(plan_set_settings(p, &s, NULL), 0);
	w = week_new(p, THIS_WEEK);
	assert_int_equal(week_set_niche(w, p, tp_day(THIS_WEEK, 1), PART_AM, MF, NULL), 0);
	tp_add(w, p, 1, "08:00", "12:00", KIND_ADMIN, 0, 0, "Workshop");
	past[0] = lw.w;
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_true(carried(pl, lw.tue)->blocked);
	assert_string_equal(carried(pl, lw.tue)->why,
			    "no free 1h30 on Manufacturing's days this week");
	planning_free(pl);
	assert_int_equal(week_set_niche(w, p, tp_day(THIS_WEEK, 1), PART_PM, MF, NULL), 0);
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_placed(carried(pl, lw.tue), 1, "12:00", "13:30");
	planning_free(pl);
	week_free(lw.w);
	week_free(w);
	plan_free(p);
}

/* ---- account time, the trim, the freed time ---- */

struct trim {
	struct plan *p;
	struct week *w;
	struct planning *pl;
	char tue[MODEL_ID_MAX], thu[MODEL_ID_MAX], wed[MODEL_ID_MAX], fri[MODEL_ID_MAX];
};

/* Northwind: Tue 14:00-16:00 and Thu 09:00-11:00 (240 min); Contoso: Wed
 * 14:00-15:30 and Fri 10:00-11:00, the latter done (150 min, 90 trimmable). */
static void trim_setup(struct trim *t, int slot)
{
	static const int niches[7] = { HC, MF, 0, RT, 0, 0, 0 };
	struct settings s;

	t->p = tp_plan();
	s = *plan_settings(t->p);
	s.slot = slot;
	assert_int_equal(plan_set_settings(t->p, &s, NULL), 0);
	t->w = week_new(t->p, THIS_WEEK);
	tp_niches(t->w, t->p, niches);
	tp_add_id(t->w, t->p, 1, "14:00", "16:00", KIND_ACCOUNT, 0, NORTHWIND, "Review", t->tue);
	tp_add_id(t->w, t->p, 3, "09:00", "11:00", KIND_ACCOUNT, 0, NORTHWIND, "Visit", t->thu);
	tp_add_id(t->w, t->p, 2, "14:00", "15:30", KIND_ACCOUNT, 0, CONTOSO, "Renewal", t->wed);
	tp_add_id(t->w, t->p, 4, "10:00", "11:00", KIND_ACCOUNT, 0, CONTOSO, "Check-in", t->fri);
	tp_mark(t->w, t->p, t->fri, STATUS_DONE, false, 0);
	t->pl = tp_new(t->p, t->w, NULL, 0);
}

static void trim_teardown(struct trim *t)
{
	planning_free(t->pl);
	week_free(t->w);
	plan_free(t->p);
}

static int trimmed_end(const struct planning *pl, const char *id)
{
	for (size_t i = 0; i < planning_item_count(pl); i++) {
		const struct planning_item *it = planning_item_at(pl, i);

		if (it->step == PLANNING_TRIM && strcmp(it->block.id, id) == 0)
			return it->block.end;
	}
	return -1; /* not trimmed */
}

static void test_trim_to_the_grid(void **state)
{
	struct trim t;
	struct error err = { 0 };
	const struct planning_account *nw, *co;
	struct week *out;

	(void)state;
	trim_setup(&t, 30);
	assert_int_equal(planning_trim_accounts(t.pl, 20, &err), 0);
	nw = planning_account_at(t.pl, 0);
	co = planning_account_at(t.pl, 1);
	assert_int_equal(nw->planned, 240);
	assert_int_equal(nw->baseline, 240);
	assert_int_equal(nw->target, 192);       /* 240 less 20% */
	/* 20% of 240 = 48, nearest slot 60: one slot from each 120-minute block
	 * (the later first, then the other, now the longest). */
	assert_int_equal(nw->cut, 60);
	assert_int_equal(trimmed_end(t.pl, t.thu), tp_min("10:30"));
	assert_int_equal(trimmed_end(t.pl, t.tue), tp_min("15:30"));
	/* Contoso: 150 planned, its done block among them: the cut is 20% of
	 * its whole week, 150 -> 30, taken from the block still planned. */
	assert_int_equal(co->planned, 150);
	assert_int_equal(co->target, 144);
	assert_int_equal(co->cut, 30);
	assert_int_equal(trimmed_end(t.pl, t.wed), tp_min("15:00"));
	assert_int_equal(trimmed_end(t.pl, t.fri), -1);
	assert_int_equal(planning_freed_minutes(t.pl), 90);
	assert_int_equal(planning_apply(t.pl, &out, &err), 0);
	assert_int_equal(week_block_by_id(out, t.tue)->start, tp_min("14:00"));
	assert_int_equal(week_block_by_id(out, t.tue)->end, tp_min("15:30"));
	week_free(out);
	/* 10%: 24 -> one slot, from the later of two equal blocks. */
	assert_int_equal(planning_trim_accounts(t.pl, 10, &err), 0);
	assert_int_equal(planning_account_at(t.pl, 0)->cut, 30);
	assert_int_equal(trimmed_end(t.pl, t.thu), tp_min("10:30"));
	assert_int_equal(trimmed_end(t.pl, t.tue), -1);
	/* 100%: every block keeps one slot. */
	assert_int_equal(planning_trim_accounts(t.pl, 100, &err), 0);
	assert_int_equal(planning_account_at(t.pl, 0)->cut, 180);
	assert_int_equal(trimmed_end(t.pl, t.tue), tp_min("14:30"));
	/* 0%: the report alone. */
	assert_int_equal(planning_trim_accounts(t.pl, 0, &err), 0);
	assert_int_equal(tp_count(t.pl, PLANNING_TRIM), 0);
	assert_int_equal(planning_account_at(t.pl, 0)->planned, 240);
	assert_int_equal(planning_trim_accounts(t.pl, 101, &err), -1);
	trim_teardown(&t);
	/* 15-minute slots, 10%: Northwind 24 -> 30 (two slots), Contoso 15. */
	trim_setup(&t, 15);
	assert_int_equal(planning_trim_accounts(t.pl, 10, &err), 0);
	assert_int_equal(planning_account_at(t.pl, 0)->cut, 30);
	assert_int_equal(trimmed_end(t.pl, t.thu), tp_min("10:45"));
	assert_int_equal(trimmed_end(t.pl, t.tue), tp_min("15:45"));
	assert_int_equal(trimmed_end(t.pl, t.wed), tp_min("15:15"));
	assert_int_equal(planning_freed_minutes(t.pl), 45);
	trim_teardown(&t);
}

/*
 * A customer booked twice: last week's 2-hour QBR with Northwind was cut
 * short after 20 minutes (1h40 left, 2h00 on the grid), and this week's
 * layout plans its QBR again (Tue 12:00-14:00).  The carry-over offers the
 * rest but does not add it: the week already plans time with Northwind.
 * Carried anyway (Space), the account has 4h00 against a 4h00 baseline:
 * the trim takes its percentage of that whole week (20%: 48 -> 60, 3h00;
 * 10%: 24 -> 30, 3h30), and an account that ends over its 3h12 target is
 * said to.
 */
static void test_customer_booked_twice(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK);
	const struct week *past[1] = { last };
	struct timer_outcome o = { .end = SESSION_CUT_SHORT, .minutes = 20 };
	struct planning *pl;
	struct error err = { 0 };
	struct buf text = BUF_INIT;
	char qbr[MODEL_ID_MAX];
	size_t i;

	(void)state;
	tp_add_id(last, p, 1, "12:00", "14:00", KIND_ACCOUNT, 0, NORTHWIND, "QBR", qbr);
	assert_int_equal(timer_record(last, p, qbr, &o, &err), 0);
	tp_add(w, p, 1, "12:00", "14:00", KIND_ACCOUNT, 0, NORTHWIND, "QBR");
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_int_equal(tp_count(pl, PLANNING_CARRY), 1);
	i = tp_item(pl, PLANNING_CARRY, tp_day(THIS_WEEK, 1), "08:00");
	assert_false(planning_item_at(pl, i)->chosen);
	assert_string_equal(planning_item_at(pl, i)->why,
			    "the week already plans Northwind Clinics: \"QBR\" on Tue 8 Dec");
	/* The trim without the second booking: 120 -> 24 -> 30, under target. */
	assert_int_equal(planning_trim_accounts(pl, 20, &err), 0);
	assert_int_equal(planning_account_after(pl, 0), 90);
	planning_account_text(pl, 0, &text);
	assert_string_equal(buf_str(&text), "planned 2h00  baseline 4h00  target 3h12  trimmed to 1h30");
	/* Carried anyway: 240 planned, 20% -> 48 -> 60, still 12 min over. */
	assert_int_equal(planning_choose(pl, i, true, &err), 0);
	assert_int_equal(planning_trim_accounts(pl, 20, &err), 0);
	assert_int_equal(planning_account_at(pl, 0)->planned, 240);
	assert_int_equal(planning_account_after(pl, 0), 180);
	buf_reset(&text);
	planning_account_text(pl, 0, &text);
	assert_string_equal(buf_str(&text), "planned 4h00  baseline 4h00  target 3h12  trimmed to "
			    "3h00");
	/* 10%: 24 -> 30: 3h30, 18 minutes over its target. */
	assert_int_equal(planning_trim_accounts(pl, 10, &err), 0);
	buf_reset(&text);
	planning_account_text(pl, 0, &text);
	assert_string_equal(buf_str(&text), "planned 4h00  baseline 4h00  target 3h12  trimmed to "
			    "3h30  18 min over target");
	buf_free(&text);
	planning_free(pl);
	week_free(w);
	week_free(last);
	plan_free(p);
}

/*
 * A carry-over left out is remembered in the week it would have gone to:
 * applying records it (week_carry_declined), the next planning places it
 * but does not choose it ("left out before"), and carrying it after all
 * takes it off.
 */
static void test_carry_declined(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK), *out, *again;
	const struct week *past[1] = { last };
	struct planning *pl;
	struct error err = { 0 };
	char id[MODEL_ID_MAX];
	size_t i;

	(void)state;
	tp_add_id(last, p, 2, "09:00", "10:00", KIND_ADMIN, 0, 0, "Forecast", id);
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	i = tp_item(pl, PLANNING_CARRY, tp_day(THIS_WEEK, 2), "08:00");
	assert_true(planning_item_at(pl, i)->chosen);
	assert_int_equal(planning_choose(pl, i, false, &err), 0);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_true(week_carry_declined(out, id));
	assert_int_equal(week_block_count(out), 0);
	planning_free(pl);
	/* The next planning of that week: placed, not chosen, saying why. */
	pl = tp_new(p, out, past, 1);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	i = tp_item(pl, PLANNING_CARRY, tp_day(THIS_WEEK, 2), "08:00");
	assert_false(planning_item_at(pl, i)->chosen);
	assert_string_equal(planning_item_at(pl, i)->why, "left out before; not offered again");
	/* Carried after all: no longer declined. */
	assert_int_equal(planning_choose(pl, i, true, &err), 0);
	assert_int_equal(planning_apply(pl, &again, &err), 0);
	assert_false(week_carry_declined(again, id));
	assert_int_equal(week_block_count(again), 1);
	week_free(again);
	planning_free(pl);
	week_free(out);
	week_free(w);
	week_free(last);
	plan_free(p);
}

static void test_freed_time_offer(void **state)
{
	struct trim t;
	struct error err = { 0 };
	struct week *out;
	size_t tue, wed, thu;
	const struct block *b;

	(void)state;
	trim_setup(&t, 30);
	assert_int_equal(planning_trim_accounts(t.pl, 20, &err), 0);
	assert_int_equal(planning_offer_freed(t.pl, &err), 0);
	assert_int_equal(tp_count(t.pl, PLANNING_FREED), 3);
	tue = tp_item(t.pl, PLANNING_FREED, tp_day(THIS_WEEK, 1), "15:30");
	wed = tp_item(t.pl, PLANNING_FREED, tp_day(THIS_WEEK, 2), "15:00");
	thu = tp_item(t.pl, PLANNING_FREED, tp_day(THIS_WEEK, 3), "10:30");
	/* An offer: not chosen until asked for. */
	assert_false(planning_item_at(t.pl, tue)->chosen);
	assert_false(planning_item_at(t.pl, tue)->blocked);
	assert_int_equal(planning_item_at(t.pl, tue)->block.industry, MF);
	assert_int_equal(planning_item_at(t.pl, thu)->block.industry, RT);
	assert_true(planning_item_at(t.pl, wed)->blocked);
	assert_string_equal(planning_item_at(t.pl, wed)->why, "Wed 9 Dec has no niche at 15:00");
	assert_int_equal(planning_choose(t.pl, tue, true, &err), 0);
	assert_int_equal(planning_apply(t.pl, &out, &err), 0);
	b = tp_find(out, 1, "15:30");
	assert_non_null(b);
	assert_int_equal(b->kind, KIND_PROSPECTING);
	assert_int_equal(b->end, tp_min("16:00"));
	assert_string_equal(b->title, PLANNING_FREED_TITLE);
	week_free(out);
	/* Leaving Tuesday's trim out takes its offer away (recomputed). */
	assert_int_equal(planning_choose(t.pl, tp_item(t.pl, PLANNING_TRIM, tp_day(THIS_WEEK, 1),
						      "14:00"),
					 false, &err),
			 0);
	assert_int_equal(tp_count(t.pl, PLANNING_FREED), 2);
	assert_int_equal(planning_freed_minutes(t.pl), 60);
	trim_teardown(&t);
}

/* ---- the quota question ---- */

static void test_quota_keep_or_drop(void **state)
{
	struct plan *p = tp_plan();
	struct week *w = week_new(p, THIS_WEEK), *out;
	struct planning *pl;
	struct error err = { 0 };
	char team[MODEL_ID_MAX], done[MODEL_ID_MAX];
	struct block b;

	(void)state;
	tp_add_id(w, p, 4, "16:00", "17:00", KIND_OTHER, 0, 0, "Team", team);
	tp_add_id(w, p, 4, "09:00", "10:00", KIND_OTHER, 0, 0, "Newsletter", done);
	tp_add(w, p, 4, "11:00", "12:00", KIND_ADMIN, 0, 0, "CRM");
	for (int k = 0; k < 2; k++) {
		block_copy(&b, week_block_by_id(w, k ? done : team));
		b.for_quota = false;
		b.status = k ? STATUS_DONE : STATUS_PLANNED;
		assert_int_equal(week_block_update(w, p, &b, NULL), 0);
		block_clear(&b);
	}
	pl = tp_new(p, w, NULL, 0);
	assert_int_equal(planning_quota(pl, &err), 0);
	/* Only the planned one: what is done is no longer a decision. */
	assert_int_equal(planning_item_count(pl), 1);
	assert_string_equal(planning_item_at(pl, 0)->block.id, team);
	assert_false(planning_item_at(pl, 0)->chosen); /* kept by default */
	assert_int_equal(planning_change_count(pl), 0);
	assert_int_equal(planning_choose(pl, 0, true, &err), 0);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_null(week_block_by_id(out, team));
	assert_non_null(week_block_by_id(out, done));
	assert_int_equal(week_block_count(out), 2);
	week_free(out);
	planning_free(pl);
	week_free(w);
	plan_free(p);
}

/* ---- choices, recomputing, all or nothing ---- */

/* A rotation skipped on Thursday leaves Retail without a day; choosing it
 * recomputes the carry-over, which now finds Retail's day. */
static void test_choice_recomputes_later_steps(void **state)
{
	struct plan *p = tp_plan();
	struct lastweek lw;
	struct week *w = week_new(p, THIS_WEEK);
	const struct week *past[1];
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	lastweek_make(&lw, p);
	assert_int_equal(week_set_niche(w, p, tp_day(THIS_WEEK, 3), PART_DAY, HC, NULL), 0);
	past[0] = lw.w;
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_rotate(pl, false, &err), 0);
	assert_int_equal(planning_carry_over(pl, &err), 0);
	assert_true(carried(pl, lw.thu)->blocked);
	assert_int_equal(planning_choose(pl, (size_t)planning_slot_at(pl, 3)->item, true, &err), 0);
	assert_false(carried(pl, lw.thu)->blocked);
	assert_placed(carried(pl, lw.thu), 3, "08:00", "10:30");
	planning_free(pl);
	week_free(lw.w);
	week_free(w);
	plan_free(p);
}

static void test_all_or_nothing(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK), *before, *out;
	static const int four[7] = { HC, MF, LG, RT, 0, 0, 0 };
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	tp_niches(last, p, four);
	tp_add(last, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "Clinics");
	tp_add(last, p, 3, "08:30", "11:00", KIND_PROSPECTING, RT, 0, "Stores");
	tp_add(w, p, 4, "09:00", "10:00", KIND_ADMIN, 0, 0, "CRM");
	before = week_clone(w);
	pl = tp_rotate(p, w, last, false);
	assert_int_equal(planning_layout(pl, NULL, false, &err), 0);
	assert_int_equal(planning_change_count(pl), 6);
	/* Retail is archived after the proposal was made: applying stops at
	 * Thursday's niche, and the week is as it was. */
	assert_int_equal(plan_industry_archive(p, RT, true, NULL), 0);
	out = (struct week *)1;
	assert_int_equal(planning_apply(pl, &out, &err), -1);
	assert_null(out);
	assert_int_equal(err.code, ERR_REFUSED);
	assert_non_null(strstr(err.msg, "Thu 10 Dec: Retail: Retail is archived"));
	assert_true(week_equal(w, before));
	planning_free(pl);
	week_free(before);
	week_free(last);
	week_free(w);
	plan_free(p);
}

/* Two template blocks over the same existing block: each may replace it,
 * but not both, as they overlap each other. */
static void test_choice_refused_keeps_state(void **state)
{
	struct plan *p = tp_plan();
	struct week *w = week_new(p, THIS_WEEK), *out;
	struct template t = { 0 };
	struct template_block tb[2] = {
		{ 1, 9 * 60, 11 * 60, KIND_ADMIN, 0, (char *)"A", true },
		{ 1, 10 * 60 + 30, 12 * 60, KIND_ADMIN, 0, (char *)"B", true },
	};
	struct planning *pl;
	struct error err = { 0 };
	size_t a, b;

	(void)state;
	tp_add(w, p, 1, "10:00", "12:00", KIND_ADMIN, 0, 0, "E");
	t.name = (char *)"two";
	t.blocks = tb;
	t.n_blocks = 2;
	pl = tp_new(p, w, NULL, 0);
	assert_int_equal(planning_layout(pl, &t, false, &err), 0);
	a = tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 1), "09:00");
	b = tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 1), "10:30");
	assert_false(planning_item_at(pl, a)->chosen);
	assert_int_equal(planning_item_at(pl, a)->n_conflicts, 1);
	assert_false(planning_item_at(pl, b)->blocked);
	assert_int_equal(planning_choose(pl, a, true, &err), 0);
	assert_int_equal(planning_choose(pl, b, true, &err), -1);
	assert_non_null(strstr(err.msg, "overlaps \"A\""));
	assert_false(planning_item_at(pl, b)->chosen);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_non_null(tp_find(out, 1, "09:00"));
	assert_null(tp_find(out, 1, "10:00"));
	assert_null(tp_find(out, 1, "10:30"));
	week_free(out);
	planning_free(pl);
	week_free(w);
	plan_free(p);
}

/*
 * The other way round: the review's c carried last week's Northwind QBR
 * into Mon 08:00-10:00 first, then a template that books Northwind every
 * Tuesday is laid out.  Its Northwind block is offered, not chosen (the
 * customer is booked once); the template's other block is chosen.  Space
 * books Northwind twice all the same.
 */
static void test_customer_carried_then_template(void **state)
{
	struct plan *p = tp_plan();
	struct week *w = week_new(p, THIS_WEEK), *out;
	struct template_block tb[2] = {
		{ 1, 12 * 60, 14 * 60, KIND_ACCOUNT, NORTHWIND, (char *)"QBR", true },
		{ 1, 9 * 60, 10 * 60, KIND_ADMIN, 0, (char *)"CRM", true },
	};
	struct template t = { (char *)"routine", tb, 2 };
	struct planning *pl;
	struct error err = { 0 };
	struct block b;
	size_t qbr, crm;

	(void)state;
	tp_block(&b, tp_day(THIS_WEEK, 0), "08:00", "10:00", KIND_ACCOUNT, 0, NORTHWIND, "QBR");
	snprintf(b.carried_from, sizeof b.carried_from, "2026W49-3");
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	block_clear(&b);
	pl = tp_new(p, w, NULL, 0);
	assert_int_equal(planning_layout(pl, &t, false, &err), 0);
	qbr = tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 1), "12:00");
	crm = tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 1), "09:00");
	assert_false(planning_item_at(pl, qbr)->chosen);
	assert_false(planning_item_at(pl, qbr)->blocked);
	assert_string_equal(planning_item_at(pl, qbr)->why,
			    "the week already plans Northwind Clinics: \"QBR\" on Mon 7 Dec, "
			    "carried over");
	assert_true(planning_item_at(pl, crm)->chosen);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_null(tp_find(out, 1, "12:00"));
	assert_non_null(tp_find(out, 1, "09:00"));
	week_free(out);
	assert_int_equal(planning_choose(pl, qbr, true, &err), 0);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_non_null(tp_find(out, 1, "12:00"));
	week_free(out);
	planning_free(pl);
	week_free(w);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_carry_over_placement),
		cmocka_unit_test(test_carry_over_no_room),
		cmocka_unit_test(test_carry_over_half_days),
		cmocka_unit_test(test_trim_to_the_grid),
		cmocka_unit_test(test_customer_booked_twice),
		cmocka_unit_test(test_customer_carried_then_template),
		cmocka_unit_test(test_carry_declined),
		cmocka_unit_test(test_freed_time_offer),
		cmocka_unit_test(test_quota_keep_or_drop),
		cmocka_unit_test(test_choice_recomputes_later_steps),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_choice_refused_keeps_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
