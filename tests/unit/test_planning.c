/* test_planning.c - the planning core: last week's summary, the rotation
 * (continued, by yield, half-days, conflicts and meetings, by hand), and its
 * text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "test_planning.h"

static void test_last_week_summary(void **state)
{
	struct plan *p = tp_plan();
	struct lastweek lw;
	struct week *w = week_new(p, THIS_WEEK);
	const struct week *past[1];
	struct planning *pl;
	const struct planning_summary *s;
	struct buf text = BUF_INIT;

	(void)state;
	lastweek_make(&lw, p);
	past[0] = lw.w;
	pl = tp_new(p, w, past, 1);
	s = planning_last_week(pl);
	assert_int_equal(s->week, LAST_WEEK);
	assert_int_equal(s->planned_minutes, 150 * 4 + 120 + 90 + 90 + 60);  /* 960 */
	assert_int_equal(s->done_minutes, 150 + 65 + 120 + 90);              /* 425 */
	assert_int_equal(s->meetings, 3);
	assert_int_equal(s->n_per_industry, 4);
	assert_int_equal(s->per_industry[0].industry, HC);
	assert_int_equal(s->per_industry[0].meetings, 2);
	assert_int_equal(s->per_industry[1].meetings, 1);
	assert_int_equal(s->per_industry[3].meetings, 0);
	/* Tue's 150 - 65 = 85 rounds up to 90 on the 30-minute grid. */
	assert_int_equal(s->unfinished, 4);
	assert_int_equal(s->unfinished_minutes, 90 + 150 + 90 + 60);
	planning_last_week_text(pl, &text);
	assert_string_equal(buf_str(&text),
			    "Last week (2026-W49): 7h05 done of 16h00 planned (44%)\n"
			    "Meetings booked: Healthcare 2, Manufacturing 1, Logistics 0, Retail 0 "
			    "(3 in all)\n"
			    "Left unfinished: 4 blocks, 6h30\n");
	buf_free(&text);
	planning_free(pl);
	week_free(lw.w);
	week_free(w);
	plan_free(p);
}

/* ---- the rotation ---- */

/* The industry the rotation proposes for slot i. */
static int proposed(const struct planning *pl, size_t i)
{
	assert_true(i < planning_slot_count(pl));
	return planning_slot_at(pl, i)->proposed;
}

static void test_rotation_continues(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK), *out;
	static const int four[7] = { HC, MF, LG, RT, 0, 0, 0 };
	static const int five[7] = { HC, MF, LG, RT, HC, 0, 0 };
	struct planning *pl;
	struct error err = { 0 };

	(void)state;
	/* Four industries on four days: after Retail comes Healthcare again, so
	 * each keeps its day; Friday stays free as it was. */
	tp_niches(last, p, four);
	pl = tp_rotate(p, w, last, false);
	assert_int_equal(planning_slot_count(pl), 4);
	assert_int_equal(proposed(pl, 0), HC);
	assert_int_equal(proposed(pl, 3), RT);
	assert_int_equal(planning_change_count(pl), 4);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 2), PART_DAY), LG);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 4), PART_DAY), 0);
	week_free(out);
	planning_free(pl);
	/* Five days, four industries: last week ended on Healthcare (Friday), so
	 * this week goes on with Manufacturing. */
	week_free(last);
	last = week_new(p, LAST_WEEK);
	tp_niches(last, p, five);
	pl = tp_rotate(p, w, last, false);
	assert_int_equal(planning_slot_count(pl), 5);
	assert_int_equal(proposed(pl, 0), MF);
	assert_int_equal(proposed(pl, 1), LG);
	assert_int_equal(proposed(pl, 2), RT);
	assert_int_equal(proposed(pl, 3), HC);
	assert_int_equal(proposed(pl, 4), MF);
	planning_free(pl);
	/* No history: every work day, from the top. */
	pl = tp_rotate(p, w, NULL, false);
	assert_int_equal(planning_slot_count(pl), 5);
	assert_int_equal(proposed(pl, 0), HC);
	assert_int_equal(proposed(pl, 4), HC);
	planning_free(pl);
	/* An archived industry leaves the cycle: H M R, after R comes H. */
	week_free(last);
	last = week_new(p, LAST_WEEK);
	tp_niches(last, p, four);
	assert_int_equal(plan_industry_archive(p, LG, true, NULL), 0);
	pl = tp_rotate(p, w, last, false);
	assert_int_equal(proposed(pl, 0), HC);
	assert_int_equal(proposed(pl, 1), MF);
	assert_int_equal(proposed(pl, 2), RT);
	assert_int_equal(proposed(pl, 3), HC);
	planning_free(pl);
	week_free(last);
	week_free(w);
	plan_free(p);
}

static void test_rotation_half_days(void **state)
{
	struct plan *p = tp_plan();
	struct settings s = *plan_settings(p);
	struct week *last = week_new(p, LAST_WEEK), *w;
	static const int four[7] = { HC, MF, LG, RT, 0, 0, 0 };
	struct planning *pl;

	(void)state;
	tp_niches(last, p, four);
	s.focus = FOCUS_HALF_DAY;
	assert_int_equal(plan_set_settings(p, &s, NULL), 0);
	w = week_new(p, THIS_WEEK);
	pl = tp_rotate(p, w, last, false);
	/* Monday to Thursday had a niche: eight half-days, H M L R H M L R. */
	assert_int_equal(planning_slot_count(pl), 8);
	assert_int_equal(planning_slot_at(pl, 0)->part, PART_AM);
	assert_int_equal(planning_slot_at(pl, 1)->part, PART_PM);
	assert_int_equal(planning_slot_at(pl, 1)->day, tp_day(THIS_WEEK, 0));
	assert_int_equal(proposed(pl, 0), HC);
	assert_int_equal(proposed(pl, 1), MF);
	assert_int_equal(proposed(pl, 4), HC);
	assert_int_equal(proposed(pl, 7), RT);
	planning_free(pl);
	week_free(last);
	week_free(w);
	plan_free(p);
}

static void test_rotation_by_yield(void **state)
{
	struct plan *p = tp_plan();
	struct week *w49 = week_new(p, LAST_WEEK), *w48 = week_new(p, 202648);
	struct week *w = week_new(p, THIS_WEEK);
	static const int four[7] = { HC, MF, LG, RT, 0, 0, 0 };
	const struct week *past[2] = { w49, w48 };
	struct planning *pl;
	char id[MODEL_ID_MAX];
	struct error err = { 0 };

	(void)state;
	tp_niches(w49, p, four);
	tp_niches(w48, p, four);
	/* Healthcare: 2 meetings in 300 min (0.4/h); Manufacturing: 1 in 60
	 * (1/h); Retail: 0 in 120 (0/h); Logistics: no prospecting done. */
	tp_add_id(w49, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "a", id);
	tp_mark(w49, p, id, STATUS_DONE, false, 1);
	tp_add_id(w49, p, 1, "09:00", "10:00", KIND_PROSPECTING, MF, 0, "b", id);
	tp_mark(w49, p, id, STATUS_DONE, false, 1);
	tp_add_id(w49, p, 2, "09:00", "12:00", KIND_PROSPECTING, LG, 0, "c", id); /* planned */
	tp_add_id(w48, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "d", id);
	tp_mark(w48, p, id, STATUS_DONE, false, 1);
	tp_add_id(w48, p, 3, "09:00", "11:00", KIND_PROSPECTING, RT, 0, "e", id);
	tp_mark(w48, p, id, STATUS_DONE, false, 0);
	pl = tp_new(p, w, past, 2);
	assert_int_equal(planning_rotate(pl, true, &err), 0);
	assert_int_equal(planning_yield_count(pl), 4);
	assert_int_equal(planning_yield_at(pl, 0)->industry, MF);
	assert_int_equal(planning_yield_at(pl, 1)->industry, HC);
	assert_int_equal(planning_yield_at(pl, 1)->meetings, 2);
	assert_int_equal(planning_yield_at(pl, 1)->minutes, 300);
	assert_int_equal(planning_yield_at(pl, 2)->industry, RT);
	assert_int_equal(planning_yield_at(pl, 3)->industry, LG);
	assert_int_equal(planning_yield_at(pl, 3)->minutes, 0);
	/* The best first, from Monday on. */
	assert_int_equal(proposed(pl, 0), MF);
	assert_int_equal(proposed(pl, 1), HC);
	assert_int_equal(proposed(pl, 2), RT);
	assert_int_equal(proposed(pl, 3), LG);
	planning_free(pl);
	week_free(w49);
	week_free(w48);
	week_free(w);
	plan_free(p);
}

static void test_rotation_conflicts_and_meetings(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK), *out;
	static const int four[7] = { HC, MF, LG, RT, 0, 0, 0 };
	struct planning *pl;
	const struct planning_slot *thu, *tue;
	struct error err = { 0 };

	(void)state;
	tp_niches(last, p, four);
	assert_int_equal(week_set_niche(w, p, tp_day(THIS_WEEK, 3), PART_DAY, HC, NULL), 0);
	tp_add(w, p, 1, "09:00", "10:00", KIND_PROSPECTING, RT, 0, "Retail on Tuesday");
	tp_add(w, p, 2, "09:00", "10:00", KIND_MEETING, 0, 0, "Call");
	tp_add(w, p, 2, "14:00", "14:30", KIND_MEETING, 0, 0, "Demo");
	pl = tp_rotate(p, w, last, false);
	/* Wednesday's real meetings are reported. */
	assert_int_equal(planning_slot_at(pl, 2)->meetings, 2);
	assert_int_equal(planning_slot_at(pl, 2)->meeting_minutes, 90);
	/* Thursday has a niche: the change is listed, skipped by default. */
	thu = planning_slot_at(pl, 3);
	assert_int_equal(thu->current, HC);
	assert_int_equal(thu->proposed, RT);
	assert_true(thu->item >= 0);
	assert_false(planning_item_at(pl, (size_t)thu->item)->chosen);
	assert_int_equal(planning_item_at(pl, (size_t)thu->item)->old_industry, HC);
	/* Tuesday holds Retail prospecting: Manufacturing cannot be its niche. */
	tue = planning_slot_at(pl, 1);
	assert_true(planning_item_at(pl, (size_t)tue->item)->blocked);
	assert_non_null(strstr(planning_item_at(pl, (size_t)tue->item)->why, "Retail"));
	assert_int_equal(planning_choose(pl, (size_t)tue->item, true, &err), -1);
	assert_int_equal(err.code, ERR_REFUSED);
	assert_int_equal(planning_change_count(pl), 2); /* Mon and Wed */
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 3), PART_DAY), HC);
	week_free(out);
	/* Replace: Thursday becomes Retail. */
	assert_int_equal(planning_choose(pl, (size_t)planning_slot_at(pl, 3)->item, true, &err), 0);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 3), PART_DAY), RT);
	week_free(out);
	planning_free(pl);
	week_free(last);
	week_free(w);
	plan_free(p);
}

/* A day given an industry by hand: chosen (replacing a niche there), the
 * other days keep the cycle's, later steps follow, and a new rotation
 * forgets it. */
static void test_rotation_by_hand(void **state)
{
	struct plan *p = tp_plan();
	struct week *last = week_new(p, LAST_WEEK), *w = week_new(p, THIS_WEEK), *out;
	static const int four[7] = { HC, MF, LG, RT, 0, 0, 0 };
	const struct week *past[1] = { last };
	struct planning *pl;
	struct error err = { 0 };
	size_t item;

	(void)state;
	tp_niches(last, p, four);
	tp_add(last, p, 0, "08:30", "11:00", KIND_PROSPECTING, HC, 0, "Calls");
	assert_int_equal(week_set_niche(w, p, tp_day(THIS_WEEK, 3), PART_DAY, HC, NULL), 0);
	tp_add(w, p, 1, "14:00", "15:00", KIND_PROSPECTING, RT, 0, "Retail on Tuesday");
	pl = tp_new(p, w, past, 1);
	assert_int_equal(planning_rotate(pl, false, &err), 0);
	assert_int_equal(planning_layout(pl, NULL, false, &err), 0);
	/* Monday by hand: Retail; Tuesday and Wednesday keep the cycle's. */
	assert_int_equal(planning_rotate_slot(pl, 0, RT, &err), 0);
	assert_int_equal(proposed(pl, 0), RT);
	assert_true(planning_slot_at(pl, 0)->by_hand);
	assert_int_equal(proposed(pl, 1), MF);
	assert_false(planning_slot_at(pl, 1)->by_hand);
	assert_int_equal(proposed(pl, 2), LG);
	/* The layout was recomputed: Monday's calls take Retail. */
	item = tp_item(pl, PLANNING_LAYOUT, tp_day(THIS_WEEK, 0), "08:30");
	assert_int_equal(planning_item_at(pl, item)->block.industry, RT);
	assert_true(planning_item_at(pl, item)->chosen);
	/* Thursday by hand: Manufacturing replaces Healthcare, chosen. */
	assert_int_equal(planning_rotate_slot(pl, 3, MF, &err), 0);
	item = (size_t)planning_slot_at(pl, 3)->item;
	assert_int_equal(planning_item_at(pl, item)->old_industry, HC);
	assert_true(planning_item_at(pl, item)->chosen);
	/* Tuesday holds Retail prospecting: Retail by hand is allowed... */
	assert_int_equal(planning_rotate_slot(pl, 1, RT, &err), 0);
	assert_false(planning_item_at(pl, (size_t)planning_slot_at(pl, 1)->item)->blocked);
	assert_int_equal(planning_apply(pl, &out, &err), 0);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 0), PART_DAY), RT);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 1), PART_DAY), RT);
	assert_int_equal(week_niche(out, tp_day(THIS_WEEK, 3), PART_DAY), MF);
	week_free(out);
	/* ...and back to the cycle's Manufacturing, blocked again. */
	assert_int_equal(planning_rotate_slot(pl, 1, 0, &err), 0);
	assert_int_equal(proposed(pl, 1), MF);
	assert_true(planning_item_at(pl, (size_t)planning_slot_at(pl, 1)->item)->blocked);
	/* Thursday by hand to what it holds: nothing to change. */
	assert_int_equal(planning_rotate_slot(pl, 3, HC, &err), 0);
	assert_int_equal(planning_slot_at(pl, 3)->item, -1);
	/* Refused: no such slot, no such industry, an archived one. */
	assert_int_equal(planning_rotate_slot(pl, 4, HC, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_int_equal(planning_rotate_slot(pl, 0, 99, &err), -1);
	assert_int_equal(plan_industry_archive(p, LG, true, NULL), 0);
	assert_int_equal(planning_rotate_slot(pl, 0, LG, &err), -1);
	assert_int_equal(proposed(pl, 0), RT);
	assert_int_equal(plan_industry_archive(p, LG, false, NULL), 0);
	/* A new rotation starts from the cycle again. */
	assert_int_equal(planning_rotate(pl, false, &err), 0);
	assert_int_equal(proposed(pl, 0), HC);
	assert_false(planning_slot_at(pl, 0)->by_hand);
	planning_free(pl);
	week_free(last);
	week_free(w);
	plan_free(p);
}

static void test_text(void **state)
{
	char m[16];
	struct plan *p = tp_plan();
	struct week *w = week_new(p, THIS_WEEK);
	struct planning *pl = tp_new(p, w, NULL, 0);
	struct buf b = BUF_INIT;

	(void)state;
	planning_format_minutes(0, m);
	assert_string_equal(m, "0 min");
	planning_format_minutes(390, m);
	assert_string_equal(m, "6h30");
	planning_format_minutes(-30, m);
	assert_string_equal(m, "-30 min");
	planning_last_week_text(pl, &b);
	assert_string_equal(buf_str(&b), "Last week: not known\n\n\n");
	buf_free(&b);
	planning_free(pl);
	week_free(w);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_week_summary),
		cmocka_unit_test(test_rotation_continues),
		cmocka_unit_test(test_rotation_half_days),
		cmocka_unit_test(test_rotation_by_yield),
		cmocka_unit_test(test_rotation_conflicts_and_meetings),
		cmocka_unit_test(test_rotation_by_hand),
		cmocka_unit_test(test_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
