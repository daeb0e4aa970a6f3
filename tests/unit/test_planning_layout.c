/* test_planning_layout.c - laying a week out: a template across a DST week,
 * last week's structure, staggered starts, templates from weeks. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "test_planning.h"

static void tb_set(struct template_block *tb, int weekday, const char *s, const char *e,
		   enum block_kind kind, int account, const char *title)
{
	tb->weekday = weekday;
	tb->start = tp_min(s);
	tb->end = tp_min(e);
	tb->kind = kind;
	tb->account = account;
	tb->title = (char *)title;
	tb->for_quota = true;
}

static struct week *apply(const struct planning *pl)
{
	struct week *out;
	struct error err = { 0 };

	if (planning_apply(pl, &out, &err) != 0)
		fail_msg("apply: %s", err.msg);
	return out;
}

/*
 * 2026-W13 in Berlin: clocks go forward on Sunday 29 March, a 23-hour day.
 * Planned times are wall-clock: 08:30 stays 08:30 every day, Sunday too,
 * and a block in the skipped hour keeps its planned 02:00; only the instants
 * they stand for move.
 */
static void test_template_across_dst(void **state)
{
	struct plan *p = tp_plan();
	struct settings s = *plan_settings(p);
	static const int niches[7] = { HC, HC, HC, HC, HC, HC, HC };
	struct template_block tb[8];
	struct template t = { (char *)"every day", tb, 8 };
	struct week *w, *out;
	struct planning *pl;
	struct error err = { 0 };
	instant_t mon, sat, sun, night;
	const int key = 202613;

	(void)state;
	tu_tz("Europe/Berlin");
	s.day_start = 0;
	s.day_end = DATE_MINUTES_PER_DAY;
	s.work_days = 0x7F;
	assert_int_equal(plan_set_settings(p, &s, NULL), 0);
	for (int d = 0; d < 7; d++)
		tb_set(&tb[d], d, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tb_set(&tb[7], 6, "02:00", "03:00", KIND_ADMIN, 0, "Night check");
	w = week_new(p, key);
	tp_niches(w, p, niches);
	pl = tp_new(p, w, NULL, 0);
	assert_int_equal(planning_layout(pl, &t, false, &err), 0);
	assert_int_equal(planning_change_count(pl), 8);
	out = apply(pl);
	assert_int_equal(week_block_count(out), 8);
	for (int d = 0; d < 7; d++) {
		const struct block *b = tp_find(out, d, "08:30");

		assert_non_null(b);
		assert_int_equal(b->date, date_week_monday(key) + d);
		assert_int_equal(b->end, tp_min("11:00"));
		assert_int_equal(b->industry, HC);
	}
	assert_int_equal(tp_day(key, 6), date_from_ymd(2026, 3, 29));
	assert_int_equal(tp_find(out, 6, "02:00")->end, tp_min("03:00"));
	/* The same wall-clock 08:30: 07:30 UTC on Monday (CET), 06:30 UTC on
	 * Sunday (CEST); Saturday to Sunday is 23 hours. */
	assert_int_equal(clock_from_local(tp_day(key, 0), tp_min("08:30"), &mon), CLOCK_LOCAL_OK);
	assert_int_equal(clock_from_local(tp_day(key, 5), tp_min("08:30"), &sat), CLOCK_LOCAL_OK);
	assert_int_equal(clock_from_local(tp_day(key, 6), tp_min("08:30"), &sun), CLOCK_LOCAL_OK);
	assert_int_equal(mon % 86400, 7 * 3600 + 1800);
	assert_int_equal(sun % 86400, 6 * 3600 + 1800);
	assert_int_equal(sun - sat, 23 * 3600);
	/* 02:00 that Sunday never happens on the clock; the plan still says 02:00. */
	assert_int_equal(clock_from_local(tp_day(key, 6), tp_min("02:00"), &night), CLOCK_LOCAL_GAP);
	week_free(out);
	planning_free(pl);
	week_free(w);
	plan_free(p);
	tu_tz("UTC");
}

static void test_template_niche_and_repeat(void **state)
{
	struct plan *p = tp_plan();
	static const int niches[7] = { HC, MF, 0, 0, 0, 0, 0 };
	struct template_block tb[3];
	struct template t = { (char *)"std", tb, 3 };
	struct week *w = week_new(p, THIS_WEEK), *out;
	struct planning *pl;
	struct error err = { 0 };
	size_t wed;

	(void)state;
	tb_set(&tb[0], 1, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tb_set(&tb[1], 2, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tb_set(&tb[2], 1, "14:00", "16:00", KIND_ACCOUNT, NORTHWIND, "Visit");
	tp_niches(w, p, niches);
	pl = tp_new(p, w, NULL, 0);
	assert_int_equal(planning_layout(pl, &t, false, &err), 0);
	/* Prospecting takes the day's niche; Wednesday has none. */
	assert_int_equal(planning_item_at(pl, tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 1),
						       "08:30"))->block.industry,
			 MF);
	wed = tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 2), "08:30");
	assert_true(planning_item_at(pl, wed)->blocked);
	assert_string_equal(planning_item_at(pl, wed)->why,
			    "Wed 9 Dec has no niche for prospecting; give it one first");
	out = apply(pl);
	assert_int_equal(week_block_count(out), 2);
	assert_int_equal(tp_find(out, 1, "14:00")->account, NORTHWIND);
	planning_free(pl);
	/* The same template again: every block is already there. */
	pl = tp_new(p, out, NULL, 0);
	assert_int_equal(planning_layout(pl, &t, false, &err), 0);
	assert_int_equal(planning_change_count(pl), 0);
	assert_true(planning_item_at(pl, 0)->present);
	planning_free(pl);
	week_free(out);
	week_free(w);
	plan_free(p);
}

static void test_copy_last_week(void **state)
{
	struct plan *p = tp_plan();
	static const int last_niches[7] = { HC, 0, 0, RT, 0, 0, 0 };
	static const int this_niches[7] = { MF, 0, 0, 0, 0, 0, 0 };
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK), *out;
	const struct week *past[1] = { last };
	struct planning *pl;
	struct error err = { 0 };
	char id[MODEL_ID_MAX];
	struct block b;
	const struct block *x;

	(void)state;
	tp_niches(last, p, last_niches);
	tp_niches(w, p, this_niches);
	tp_add_id(last, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "Clinics", id);
	block_copy(&b, week_block_by_id(last, id));
	b.status = STATUS_DONE;
	b.out.calls = 30;
	b.out.meetings = 2;
	block_set_note(&b, "ask for the practice manager");
	assert_int_equal(week_block_update(last, p, &b, NULL), 0);
	block_clear(&b);
	tp_add(last, p, 0, "13:00", "14:00", KIND_MEETING, 0, 0, "Dentist visit");
	tp_add(last, p, 3, "08:30", "11:00", KIND_PROSPECTING, RT, 0, "Stores");
	tp_add_id(last, p, 4, "16:00", "17:00", KIND_OTHER, 0, 0, "Team", id);
	block_copy(&b, week_block_by_id(last, id));
	b.for_quota = false;
	assert_int_equal(week_block_update(last, p, &b, NULL), 0);
	block_clear(&b);
	tp_block(&b, tp_day(LAST_WEEK, 4), "09:00", "10:00", KIND_ADMIN, 0, 0, "Carried");
	strcpy(b.carried_from, "2026W48-3");
	assert_int_equal(week_block_add(last, p, &b, NULL, NULL), 0);
	block_clear(&b);
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_layout(pl, NULL, false, &err), 0);
	/* The meeting and the carried block are not structure. */
	assert_int_equal(tp_count(pl, PLANNING_LAYOUT), 3);
	out = apply(pl);
	x = tp_find(out, 0, "08:30");
	assert_non_null(x);
	assert_int_equal(x->industry, MF);      /* this week's niche */
	assert_int_equal(x->status, STATUS_PLANNED);
	assert_int_equal(x->out.calls, 0);
	assert_int_equal(x->out.meetings, 0);
	assert_string_equal(x->note, "");
	assert_string_equal(x->title, "Clinics");
	assert_int_equal(tp_find(out, 3, "08:30")->industry, RT); /* no niche: last week's */
	assert_false(tp_find(out, 4, "16:00")->for_quota);
	assert_null(tp_find(out, 0, "13:00"));
	assert_null(tp_find(out, 4, "09:00"));
	week_free(out);
	planning_free(pl);
	week_free(last);
	week_free(w);
	plan_free(p);
}

/*
 * Stagger with 30-minute slots.  Days with prospecting: Mon (k=0, +0), Tue
 * (k=1, +30, but its 16:30-18:00 block would pass 18:00: +0), Wed (k=2, +60
 * would run into the admin block at 11:30: +30), Fri (k=3, +0).  Thursday
 * has no prospecting and does not count.
 */
static void test_stagger(void **state)
{
	struct plan *p = tp_plan();
	static const int niches[7] = { HC, MF, LG, RT, HC, 0, 0 };
	struct template_block tb[7];
	struct template t = { (char *)"calls", tb, 7 };
	struct week *w = week_new(p, THIS_WEEK), *out;
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	tb_set(&tb[0], 0, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tb_set(&tb[1], 1, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tb_set(&tb[2], 1, "16:30", "18:00", KIND_PROSPECTING, 0, "Late calls");
	tb_set(&tb[3], 2, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tb_set(&tb[4], 2, "11:30", "12:30", KIND_ADMIN, 0, "CRM");
	tb_set(&tb[5], 3, "09:00", "10:00", KIND_ADMIN, 0, "Forecast");
	tb_set(&tb[6], 4, "08:30", "11:00", KIND_PROSPECTING, 0, "Calls");
	tp_niches(w, p, niches);
	pl = tp_new(p, w, NULL, 0);
	assert_int_equal(planning_layout(pl, &t, true, &err), 0);
	out = apply(pl);
	assert_non_null(tp_find(out, 0, "08:30"));
	assert_non_null(tp_find(out, 1, "08:30"));
	assert_non_null(tp_find(out, 1, "16:30"));
	assert_non_null(tp_find(out, 2, "09:00"));
	assert_int_equal(tp_find(out, 2, "09:00")->end, tp_min("11:30"));
	assert_non_null(tp_find(out, 2, "11:30"));     /* admin blocks never move */
	assert_non_null(tp_find(out, 3, "09:00"));
	assert_non_null(tp_find(out, 4, "08:30"));
	week_free(out);
	/* Without the obstacles, and with Thursday calls too: +0, +30, +60, +0, +30. */
	tb[2].weekday = 5;
	tb[2].kind = KIND_ADMIN;
	tb[4].start = tp_min("13:00");
	tb[4].end = tp_min("14:00");
	tb[6].weekday = 4;
	{
		struct template_block more[8];
		struct template t2 = { (char *)"calls", more, 8 };

		memcpy(more, tb, sizeof tb);
		tb_set(&more[7], 3, "08:30", "09:00", KIND_PROSPECTING, 0, "Calls");
		more[5].start = tp_min("10:00");
		more[5].end = tp_min("11:00");
		assert_int_equal(planning_layout(pl, &t2, true, &err), 0);
		out = apply(pl);
		assert_non_null(tp_find(out, 0, "08:30"));
		assert_non_null(tp_find(out, 1, "09:00"));
		assert_non_null(tp_find(out, 2, "09:30"));
		assert_non_null(tp_find(out, 3, "08:30"));
		assert_non_null(tp_find(out, 4, "09:00"));
		week_free(out);
	}
	planning_free(pl);
	week_free(w);
	plan_free(p);
}

static void test_template_from_week(void **state)
{
	struct plan *p = tp_plan();
	static const int niches[7] = { HC, 0, 0, 0, 0, 0, 0 };
	struct week *w = week_new(p, THIS_WEEK);
	struct template t;
	struct block b;

	(void)state;
	tp_niches(w, p, niches);
	tp_add(w, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "Cold calls: healthcare");
	tp_add(w, p, 2, "14:00", "16:00", KIND_ACCOUNT, 0, CONTOSO, "Visit");
	tp_add(w, p, 2, "09:00", "10:00", KIND_MEETING, 0, 0, "Imported");
	tp_block(&b, tp_day(THIS_WEEK, 4), "09:00", "10:00", KIND_ADMIN, 0, 0, "Carried");
	strcpy(b.carried_from, "2026W49-4");
	assert_int_equal(week_block_add(w, p, &b, NULL, NULL), 0);
	block_clear(&b);
	assert_int_equal(planning_template_from_week(p, w, "std", &t), 2);
	assert_string_equal(t.name, "std");
	assert_int_equal(t.blocks[0].weekday, 0);
	assert_int_equal(t.blocks[0].kind, KIND_PROSPECTING);
	/* The industry's name in a prospecting title becomes the token. */
	assert_string_equal(t.blocks[0].title, "Cold calls: {industry}");
	assert_int_equal(t.blocks[1].weekday, 2);
	assert_int_equal(t.blocks[1].start, tp_min("14:00"));
	assert_int_equal(t.blocks[1].account, CONTOSO);
	assert_string_equal(t.blocks[1].title, "Visit");
	assert_int_equal(plan_template_put(p, &t, NULL), 0);
	template_clear(&t);
	week_free(w);
	plan_free(p);
}

/*
 * Titles follow the day's industry.  A template's "{industry}" is the
 * industry of the day the block lands on (prospecting: its niche; other
 * kinds: the niche at their time); a copy of last week's prospecting block
 * whose title names its old industry names the new one.  Healthcare's
 * Monday becomes Logistics' (the rotation), Tuesday stays Manufacturing.
 */
static void test_titles_follow_the_industry(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK);
	const struct week *past[1] = { last };
	const int was[7] = { HC, MF }, now[7] = { LG, MF };
	struct template t = { .name = (char *)"std" };
	struct template_block tb[2] = {
		{ 0, 510, 660, KIND_PROSPECTING, 0, (char *)"Cold calls: {industry}", true },
		{ 1, 840, 900, KIND_ADMIN, 0, (char *)"Research {INDUSTRY} leads", true },
	};
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	tp_niches(last, p, was);
	tp_add(last, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "Cold calls: Healthcare");
	tp_add(last, p, 1, "08:30", "11:00", KIND_PROSPECTING, MF, 0, "Cold calls: Manufacturing");
	tp_niches(w, p, now);
	t.blocks = tb;
	t.n_blocks = 2;
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_layout(pl, &t, false, &err), 0);
	assert_string_equal(planning_item_at(pl, 0)->block.title, "Cold calls: Logistics");
	assert_string_equal(planning_item_at(pl, 1)->block.title, "Research Manufacturing leads");
	assert_int_equal(planning_layout(pl, NULL, false, &err), 0);
	assert_string_equal(planning_item_at(pl, 0)->block.title, "Cold calls: Logistics");
	assert_string_equal(planning_item_at(pl, 1)->block.title, "Cold calls: Manufacturing");
	planning_free(pl);
	week_free(w);
	week_free(last);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles_follow_the_industry),
		cmocka_unit_test(test_template_across_dst),
		cmocka_unit_test(test_template_niche_and_repeat),
		cmocka_unit_test(test_copy_last_week),
		cmocka_unit_test(test_stagger),
		cmocka_unit_test(test_template_from_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
