/* test_rules.c - the planning rules: overlaps, meetings, day hours and the
 * slot grid, one niche per day or half-day, archived references, kinds,
 * text, ids, and the loader's whole-week check.  Every refusal also leaves
 * the week as it was and says what clashed and how to resolve it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rules.h"
#include "testutil.h"

/* The week of Mon 30 Nov 2026 with three industries and two accounts. */
#define KEY 202649
enum { MON, TUE, WED, THU, FRI, SAT, SUN };

static struct plan *p;
static struct week *w;
static struct error err;
static int hc, mf, rt; /* Healthcare, Manufacturing, Retail */
static int acme, globex;

static int setup(void **state)
{
	(void)state;
	p = plan_new();
	hc = plan_industry_add(p, "Healthcare", 0, NULL);
	mf = plan_industry_add(p, "Manufacturing", 0, NULL);
	rt = plan_industry_add(p, "Retail", 0, NULL);
	acme = plan_account_add(p, "Acme", 60, NULL);
	globex = plan_account_add(p, "Globex", 0, NULL);
	w = week_new(p, KEY);
	error_clear(&err);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	week_free(w);
	plan_free(p);
	return 0;
}

/* Switches the plan and a fresh week to the half-day rule. */
static void use_half_days(int midday)
{
	struct settings s = *plan_settings(p);

	s.focus = FOCUS_HALF_DAY;
	s.midday = midday;
	assert_int_equal(plan_set_settings(p, &s, &err), 0);
	week_free(w);
	w = week_new(p, KEY);
}

static void set_hours(int start, int end, int slot)
{
	struct settings s = *plan_settings(p);

	s.day_start = start;
	s.day_end = end;
	s.slot = slot;
	assert_int_equal(plan_set_settings(p, &s, &err), 0);
}

static int tm(const char *hhmm)
{
	int m;

	assert_int_equal(date_time_parse(hhmm, &m), 0);
	return m;
}

static date_t day(int weekday)
{
	return week_monday(w) + weekday;
}

/* A block (block_clear it) on a weekday of the week. */
static struct block mk(int weekday, const char *start, const char *end, enum block_kind kind,
		       int industry, const char *title)
{
	struct block b;

	block_init(&b);
	b.date = day(weekday);
	b.start = tm(start);
	b.end = tm(end);
	b.kind = kind;
	b.industry = industry;
	block_set_title(&b, title);
	return b;
}

/* Adds a block and returns its sequence number. */
static int add_ok(int weekday, const char *start, const char *end, enum block_kind kind,
		  int industry, const char *title)
{
	struct block b = mk(weekday, start, end, kind, industry, title);
	char id[MODEL_ID_MAX];

	if (week_block_add(w, p, &b, id, &err) != 0)
		fail_msg("refused %s %s-%s: %s", title, start, end, err.msg);
	block_clear(&b);
	return atoi(strchr(id, '-') + 1);
}

/* Every word must appear in err.msg. */
static void assert_msg(enum error_code code, ...)
{
	va_list ap;
	const char *word;

	assert_int_equal(err.code, code);
	va_start(ap, code);
	while ((word = va_arg(ap, const char *)) != NULL)
		if (strstr(err.msg, word) == NULL)
			fail_msg("\"%s\" not in: %s", word, err.msg);
	va_end(ap);
}

/* Adding must be refused, leaving the week as it was. */
static void add_refused(const struct block *b)
{
	struct week *before = week_clone(w);
	char id[MODEL_ID_MAX] = "untouched";

	error_clear(&err);
	if (week_block_add(w, p, b, id, &err) != -1)
		fail_msg("accepted %s on day %d %d-%d", b->title, (int)(b->date - day(MON)),
			 b->start, b->end);
	assert_true(week_equal(before, w));
	assert_string_equal(id, "untouched");
	week_free(before);
}

static void add_refused_mk(int weekday, const char *start, const char *end,
			   enum block_kind kind, int industry, const char *title)
{
	struct block b = mk(weekday, start, end, kind, industry, title);

	add_refused(&b);
	block_clear(&b);
}

/* Updating must be refused, leaving the week as it was. */
static void update_refused(const struct block *b)
{
	struct week *before = week_clone(w);

	error_clear(&err);
	assert_int_equal(week_block_update(w, p, b, &err), -1);
	assert_true(week_equal(before, w));
	week_free(before);
}

static struct block copy_of(const char *id)
{
	struct block b;

	assert_non_null(week_block_by_id(w, id));
	block_copy(&b, week_block_by_id(w, id));
	return b;
}

/* ---- overlaps and meetings ---- */

static void test_overlaps(void **state)
{
	(void)state;
	add_ok(TUE, "09:00", "10:00", KIND_ADMIN, 0, "Pipeline");
	/* Touching edges on both sides are fine. */
	add_ok(TUE, "10:00", "11:00", KIND_ADMIN, 0, "Expenses");
	add_ok(TUE, "08:00", "09:00", KIND_OTHER, 0, "Coffee");
	/* The same times on another day are fine. */
	add_ok(WED, "09:00", "10:00", KIND_ADMIN, 0, "Pipeline");
	add_ok(WED, "10:00", "11:00", KIND_ADMIN, 0, "Expenses");
	/* Half an hour over, inside, around: refused, naming the other block. */
	add_refused_mk(TUE, "09:30", "10:30", KIND_OTHER, 0, "Lunch");
	assert_msg(ERR_REFUSED, "Tue 1 Dec", "09:30-10:30", "overlaps", "\"Pipeline\" (09:00-10:00)",
		   "choose a free time", "move that block", NULL);
	assert_int_equal(week_block_count(w), 5);
	add_ok(TUE, "11:00", "12:00", KIND_OTHER, 0, "Free");
	add_refused_mk(TUE, "11:30", "12:00", KIND_ADMIN, 0, "Inside");
	add_refused_mk(TUE, "10:30", "12:30", KIND_ADMIN, 0, "Around");
	add_refused_mk(TUE, "08:00", "12:00", KIND_ADMIN, 0, "All of it");
	assert_msg(ERR_REFUSED, "overlaps", NULL);
}

static void test_one_minute_overlap(void **state)
{
	struct block m = mk(TUE, "09:00", "10:01", KIND_MEETING, 0, "Client call");

	(void)state;
	block_set_uid(&m, "abc@example.com");
	assert_int_equal(week_block_add(w, p, &m, NULL, &err), 0);
	add_refused_mk(TUE, "10:00", "11:00", KIND_ADMIN, 0, "Pipeline");
	assert_msg(ERR_REFUSED, "overlaps the meeting \"Client call\" (09:00-10:01)",
		   "plan around it", NULL);
	/* Touching it is fine. */
	add_ok(TUE, "08:30", "09:00", KIND_ADMIN, 0, "Pipeline");
	assert_int_equal(week_block_count(w), 2);
	/* A planned block may be moved to start where the meeting ends. */
	{
		struct block b = copy_of("2026W49-2");

		b.start = tm("10:30");
		b.end = tm("11:00");
		assert_int_equal(week_block_update(w, p, &b, &err), 0);
		b.start = tm("10:00");
		update_refused(&b);
		assert_msg(ERR_REFUSED, "meeting", NULL);
		block_clear(&b);
	}
	block_clear(&m);
}

static void test_meetings(void **state)
{
	struct block a = mk(WED, "10:07", "11:10", KIND_MEETING, 0, "Board");
	struct block b = mk(WED, "10:45", "11:45", KIND_MEETING, 0, "Vendor");
	struct block early = mk(WED, "07:10", "07:50", KIND_MEETING, 0, "Breakfast");

	(void)state;
	/* Meetings keep their real times (off the grid, outside the hours) and
	 * may overlap each other. */
	assert_int_equal(week_block_add(w, p, &a, NULL, &err), 0);
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	assert_int_equal(week_block_add(w, p, &early, NULL, &err), 0);
	assert_int_equal(week_block_count(w), 3);
	/* Nothing planned on top of any of them. */
	add_refused_mk(WED, "11:30", "12:00", KIND_PROSPECTING, hc, "Calls");
	assert_msg(ERR_REFUSED, "overlaps the meeting \"Vendor\"", "plan around it", NULL);
	add_refused_mk(WED, "09:30", "10:30", KIND_ADMIN, 0, "Pipeline");
	assert_msg(ERR_REFUSED, "overlaps the meeting \"Board\"", NULL);
	add_ok(WED, "12:00", "12:30", KIND_OTHER, 0, "Notes");
	block_clear(&a);
	block_clear(&b);
	block_clear(&early);
}

/* ---- day hours and the slot grid ---- */

static void test_slot_grid(void **state)
{
	static const int slots[] = { 15, 30, 60 };

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		int slot = slots[i];

		week_free(w);
		w = week_new(p, KEY);
		set_hours(8 * 60, 18 * 60, slot);
		add_ok(MON, "09:00", "10:00", KIND_ADMIN, 0, "On every grid");
		if (slot == 15)
			add_ok(TUE, "09:15", "10:45", KIND_ADMIN, 0, "Quarter");
		else
			add_refused_mk(TUE, "09:15", "10:45", KIND_ADMIN, 0, "Quarter");
		if (slot == 30)
			assert_msg(ERR_REFUSED, "09:15 is off the 30-minute grid; use 09:00 or 09:30",
				   NULL);
		if (slot <= 30)
			add_ok(WED, "09:30", "10:30", KIND_ADMIN, 0, "Half");
		else
			add_refused_mk(WED, "09:30", "10:30", KIND_ADMIN, 0, "Half");
		if (slot == 60)
			assert_msg(ERR_REFUSED, "09:30 is off the 60-minute grid; use 09:00 or 10:00",
				   NULL);
		/* The end is checked too. */
		if (slot == 60) {
			add_refused_mk(THU, "09:00", "10:30", KIND_ADMIN, 0, "End off grid");
			assert_msg(ERR_REFUSED, "10:30 is off the 60-minute grid", NULL);
		}
	}
}

static void test_day_hours(void **state)
{
	(void)state;
	/* 08:00-18:00 by default: both edges are inside. */
	add_ok(MON, "08:00", "09:00", KIND_ADMIN, 0, "First");
	add_ok(MON, "17:00", "18:00", KIND_ADMIN, 0, "Last");
	add_refused_mk(TUE, "07:30", "08:30", KIND_ADMIN, 0, "Too early");
	assert_msg(ERR_REFUSED, "Tue 1 Dec 07:30-08:30 lies outside the day's hours (08:00-18:00)",
		   "fit it inside", "change the day's hours", NULL);
	add_refused_mk(TUE, "17:30", "18:30", KIND_ADMIN, 0, "Too late");
	assert_msg(ERR_REFUSED, "outside the day's hours", NULL);
	set_hours(6 * 60, 20 * 60, 30);
	add_ok(TUE, "06:00", "07:00", KIND_ADMIN, 0, "Early bird");
	add_ok(TUE, "19:30", "20:00", KIND_ADMIN, 0, "Late");
	add_refused_mk(WED, "05:30", "06:30", KIND_ADMIN, 0, "Too early");
}

/* Narrowing the settings later must not strand blocks made before: an edit
 * that leaves the times alone is fine; moving the block checks them. */
static void test_narrowed_settings_keep_old_blocks(void **state)
{
	struct block b;

	(void)state;
	set_hours(8 * 60, 18 * 60, 30);
	add_ok(TUE, "08:00", "09:00", KIND_ADMIN, 0, "Early");
	add_ok(TUE, "09:30", "10:30", KIND_ADMIN, 0, "Half past");
	set_hours(9 * 60, 17 * 60, 60);

	b = copy_of("2026W49-1");
	block_set_title(&b, "Early, renamed");
	b.status = STATUS_DONE;
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	assert_string_equal(week_block_by_id(w, "2026W49-1")->title, "Early, renamed");
	/* Same times on another day: moved, so checked. */
	b.date = day(WED);
	update_refused(&b);
	assert_msg(ERR_REFUSED, "Wed 2 Dec 08:00-09:00 lies outside the day's hours (09:00-17:00)",
		   NULL);
	b.date = day(TUE);
	b.start = tm("08:00");
	b.end = tm("08:30");
	update_refused(&b);
	b.start = tm("11:00");
	b.end = tm("12:00");
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	block_clear(&b);

	b = copy_of("2026W49-2");
	block_set_note(&b, "still at half past");
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	b.start = tm("13:30");
	b.end = tm("14:30");
	update_refused(&b);
	assert_msg(ERR_REFUSED, "13:30 is off the 60-minute grid; use 13:00 or 14:00", NULL);
	block_clear(&b);
	/* A new block at the old times is refused. */
	add_refused_mk(THU, "09:30", "10:30", KIND_ADMIN, 0, "Half past");
}

/* ---- one niche per day ---- */

static void test_niche_day_rule(void **state)
{
	(void)state;
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_DAY, hc, &err), 0);
	add_refused_mk(TUE, "09:00", "10:00", KIND_PROSPECTING, rt, "Stores");
	assert_msg(ERR_REFUSED, "Retail prospecting on Tue 1 Dec", "breaks the day's niche Healthcare",
		   "one industry per day", "Choose Healthcare", "change the niche first", NULL);
	add_ok(TUE, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	/* Only prospecting is bound by the niche. */
	add_ok(TUE, "10:00", "11:00", KIND_ADMIN, rt, "Retail research");
	/* Another day is another niche. */
	add_ok(WED, "09:00", "10:00", KIND_PROSPECTING, rt, "Stores");
	/* A cleared niche no longer binds; the Healthcare block still does. */
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_DAY, 0, &err), 0);
	add_refused_mk(TUE, "14:00", "15:00", KIND_PROSPECTING, mf, "Plants");
	add_ok(TUE, "14:00", "15:00", KIND_PROSPECTING, hc, "More clinics");
}

static void test_niche_against_other_blocks(void **state)
{
	struct block b;

	(void)state;
	/* Wednesday has no niche: the first prospecting block sets the tone. */
	add_ok(WED, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	add_refused_mk(WED, "14:00", "15:00", KIND_PROSPECTING, rt, "Stores");
	assert_msg(ERR_REFUSED, "Retail prospecting on Wed 2 Dec",
		   "clashes with Healthcare prospecting \"Clinics\" (09:00-10:00)",
		   "one industry per day", "Use Healthcare", "move that block", NULL);
	/* Changing the only prospecting block's industry is fine (it is not
	 * compared with itself) ... */
	b = copy_of("2026W49-1");
	b.industry = rt;
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	/* ... but not once another block holds the day. */
	add_ok(WED, "10:00", "11:00", KIND_PROSPECTING, rt, "More stores");
	b.industry = hc;
	update_refused(&b);
	assert_msg(ERR_REFUSED, "clashes with Retail prospecting \"More stores\"", NULL);
	block_clear(&b);
}

static void test_niche_half_day(void **state)
{
	(void)state;
	use_half_days(12 * 60);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_AM, hc, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_PM, rt, &err), 0);
	add_ok(TUE, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	add_refused_mk(TUE, "10:00", "11:00", KIND_PROSPECTING, rt, "Stores");
	assert_msg(ERR_REFUSED, "Retail prospecting on Tue 1 Dec morning",
		   "breaks the half-day's niche Healthcare", "one industry per half-day",
		   "Choose Healthcare", NULL);
	add_ok(TUE, "14:00", "15:00", KIND_PROSPECTING, rt, "Stores");
	add_refused_mk(TUE, "15:00", "16:00", KIND_PROSPECTING, hc, "Clinics");
	assert_msg(ERR_REFUSED, "Tue 1 Dec afternoon", "niche Retail", NULL);
	/* Without niches, the morning and the afternoon may differ ... */
	add_ok(WED, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	add_ok(WED, "14:00", "15:00", KIND_PROSPECTING, rt, "Stores");
	/* ... but one half holds one industry. */
	add_refused_mk(WED, "10:00", "11:00", KIND_PROSPECTING, mf, "Plants");
	assert_msg(ERR_REFUSED, "Wed 2 Dec morning clashes with Healthcare prospecting", NULL);
}

static void test_niche_spanning_midday(void **state)
{
	(void)state;
	use_half_days(12 * 60);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_AM, hc, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_PM, rt, &err), 0);
	/* A block across midday belongs to both halves: it matches neither. */
	add_refused_mk(TUE, "11:00", "13:00", KIND_PROSPECTING, hc, "Long calls");
	assert_msg(ERR_REFUSED, "afternoon", "niche Retail", NULL);
	add_refused_mk(TUE, "11:00", "13:00", KIND_PROSPECTING, rt, "Long calls");
	assert_msg(ERR_REFUSED, "morning", "niche Healthcare", NULL);
	/* With the same niche both halves, it fits. */
	assert_int_equal(week_set_niche(w, p, day(THU), PART_AM, mf, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(THU), PART_PM, mf, &err), 0);
	add_ok(THU, "11:00", "13:00", KIND_PROSPECTING, mf, "Long calls");
	/* Against other blocks, without niches. */
	add_ok(WED, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	add_ok(WED, "14:00", "15:00", KIND_PROSPECTING, rt, "Stores");
	add_refused_mk(WED, "11:30", "12:30", KIND_PROSPECTING, hc, "Across");
	assert_msg(ERR_REFUSED, "clashes with Retail prospecting \"Stores\"", NULL);
	add_refused_mk(WED, "11:30", "12:30", KIND_PROSPECTING, rt, "Across");
	assert_msg(ERR_REFUSED, "clashes with Healthcare prospecting \"Clinics\"", NULL);
}

static void test_midday_boundary(void **state)
{
	struct block am, pm, across;
	enum day_part parts[2];

	(void)state;
	use_half_days(13 * 60);
	am = mk(TUE, "12:00", "13:00", KIND_PROSPECTING, hc, "Ends at midday");
	pm = mk(TUE, "13:00", "14:00", KIND_PROSPECTING, rt, "Starts at midday");
	across = mk(TUE, "12:30", "13:30", KIND_PROSPECTING, hc, "Across");
	assert_int_equal(rules_block_parts(w, &am, parts), 1);
	assert_int_equal(parts[0], PART_AM);
	assert_int_equal(rules_block_parts(w, &pm, parts), 1);
	assert_int_equal(parts[0], PART_PM);
	assert_int_equal(rules_block_parts(w, &across, parts), 2);
	assert_int_equal(parts[0], PART_AM);
	assert_int_equal(parts[1], PART_PM);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_AM, hc, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_PM, rt, &err), 0);
	/* Touching midday from either side stays in its own half. */
	assert_int_equal(week_block_add(w, p, &am, NULL, &err), 0);
	assert_int_equal(week_block_add(w, p, &pm, NULL, &err), 0);
	assert_int_equal(week_niche_at(w, day(TUE), 12 * 60 + 59), hc);
	assert_int_equal(week_niche_at(w, day(TUE), 13 * 60), rt);
	/* Under the day rule everything is the whole day. */
	week_restore_focus(w, FOCUS_DAY, 13 * 60);
	assert_int_equal(rules_block_parts(w, &across, parts), 1);
	assert_int_equal(parts[0], PART_DAY);
	assert_string_equal(rules_part_phrase(PART_AM), "morning");
	assert_string_equal(rules_part_phrase(PART_PM), "afternoon");
	assert_string_equal(rules_part_phrase(PART_DAY), "");
	block_clear(&am);
	block_clear(&pm);
	block_clear(&across);
}

static void test_set_niche(void **state)
{
	struct week *before;

	(void)state;
	add_ok(TUE, "09:00", "10:00", KIND_PROSPECTING, rt, "Stores");
	before = week_clone(w);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_DAY, hc, &err), -1);
	assert_msg(ERR_REFUSED, "Tue 1 Dec already holds Retail prospecting \"Stores\"",
		   "one industry per day", "move that block, or make Retail the niche", NULL);
	assert_true(week_equal(before, w));
	week_free(before);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_DAY, rt, &err), 0);
	assert_int_equal(week_niche(w, day(TUE), PART_DAY), rt);
	/* Clearing is always possible. */
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_DAY, 0, &err), 0);
	assert_int_equal(week_niche(w, day(TUE), PART_DAY), 0);
	/* A niche on a day with only other kinds of blocks is fine. */
	add_ok(WED, "09:00", "10:00", KIND_ADMIN, rt, "Research");
	assert_int_equal(week_set_niche(w, p, day(WED), PART_DAY, hc, &err), 0);
	/* The day rule has no halves. */
	assert_int_equal(week_set_niche(w, p, day(THU), PART_AM, hc, &err), -1);
	assert_msg(ERR_REFUSED, "switch it to the half-day rule to give the morning its own niche", NULL);
	assert_int_equal(week_niche(w, day(THU), PART_AM), 0);
	/* Unknown, archived, out of the week. */
	assert_int_equal(week_set_niche(w, p, day(THU), PART_DAY, 99, &err), -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_int_equal(plan_industry_archive(p, mf, true, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(THU), PART_DAY, mf, &err), -1);
	assert_msg(ERR_REFUSED, "Manufacturing is archived; restore it first", NULL);
	assert_int_equal(week_set_niche(w, p, day(MON) - 1, PART_DAY, hc, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_int_equal(week_set_niche(w, p, day(SUN) + 1, PART_DAY, hc, &err), -1);
	assert_int_equal(week_niche(w, day(THU), PART_DAY), 0);
}

static void test_set_niche_half_day(void **state)
{
	(void)state;
	use_half_days(12 * 60);
	add_ok(TUE, "09:00", "10:00", KIND_PROSPECTING, rt, "Stores");
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_PM, hc, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_AM, hc, &err), -1);
	assert_msg(ERR_REFUSED, "Tue 1 Dec morning already holds Retail prospecting",
		   "one industry per half-day", NULL);
	assert_int_equal(week_niche(w, day(TUE), PART_AM), 0);
	/* A block across midday binds both halves. */
	add_ok(WED, "11:30", "12:30", KIND_PROSPECTING, rt, "Across");
	assert_int_equal(week_set_niche(w, p, day(WED), PART_AM, hc, &err), -1);
	assert_int_equal(week_set_niche(w, p, day(WED), PART_PM, hc, &err), -1);
	assert_msg(ERR_REFUSED, "afternoon", NULL);
	assert_int_equal(week_set_niche(w, p, day(WED), PART_PM, rt, &err), 0);
	/* The half-day rule has no whole-day niche. */
	assert_int_equal(week_set_niche(w, p, day(THU), PART_DAY, hc, &err), -1);
	assert_msg(ERR_REFUSED, "choose the morning or the afternoon", NULL);
}

static void test_set_focus(void **state)
{
	struct week *before;

	(void)state;
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_DAY, hc, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(WED), PART_DAY, rt, &err), 0);
	/* Day -> half-day: each day's niche holds both halves. */
	assert_int_equal(week_set_focus(w, p, FOCUS_HALF_DAY, 12 * 60, &err), 0);
	assert_int_equal(week_focus(w), FOCUS_HALF_DAY);
	assert_int_equal(week_niche(w, day(TUE), PART_AM), hc);
	assert_int_equal(week_niche(w, day(TUE), PART_PM), hc);
	assert_int_equal(week_niche(w, day(TUE), PART_DAY), 0);
	assert_int_equal(week_niche(w, day(WED), PART_PM), rt);
	/* Half-day -> day: equal halves, or one half, make the day's niche. */
	assert_int_equal(week_set_niche(w, p, day(WED), PART_AM, 0, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(THU), PART_AM, mf, &err), 0);
	assert_int_equal(week_set_focus(w, p, FOCUS_DAY, 12 * 60, &err), 0);
	assert_int_equal(week_niche(w, day(TUE), PART_DAY), hc);
	assert_int_equal(week_niche(w, day(WED), PART_DAY), rt);
	assert_int_equal(week_niche(w, day(THU), PART_DAY), mf);
	assert_int_equal(week_niche(w, day(TUE), PART_AM), 0);
	assert_int_equal(week_niche(w, day(TUE), PART_PM), 0);
	/* Two different halves cannot become one day. */
	assert_int_equal(week_set_focus(w, p, FOCUS_HALF_DAY, 12 * 60, &err), 0);
	assert_int_equal(week_set_niche(w, p, day(TUE), PART_PM, rt, &err), 0);
	before = week_clone(w);
	assert_int_equal(week_set_focus(w, p, FOCUS_DAY, 12 * 60, &err), -1);
	assert_msg(ERR_REFUSED, "Tue has two niches (Healthcare, then Retail)",
		   "make them the same", NULL);
	assert_true(week_equal(before, w));
	week_free(before);
	/* Midday must be a quarter hour inside the day. */
	assert_int_equal(week_set_focus(w, p, FOCUS_HALF_DAY, 12 * 60 + 10, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_int_equal(week_set_focus(w, p, FOCUS_HALF_DAY, 0, &err), -1);
	assert_int_equal(week_midday(w), 12 * 60);
}

static void test_set_focus_checks_blocks(void **state)
{
	struct week *before;

	(void)state;
	use_half_days(12 * 60);
	add_ok(THU, "11:00", "12:00", KIND_PROSPECTING, hc, "Clinics");
	add_ok(THU, "12:00", "13:00", KIND_PROSPECTING, rt, "Stores");
	before = week_clone(w);
	/* Moving midday to 13:00 puts both in the morning. */
	assert_int_equal(week_set_focus(w, p, FOCUS_HALF_DAY, 13 * 60, &err), -1);
	assert_msg(ERR_REFUSED, "midday at 13:00 does not fit the blocks",
		   "Healthcare prospecting on Thu 3 Dec morning clashes with Retail", NULL);
	assert_null(strstr(err.msg, "blocks["));
	assert_true(week_equal(before, w));
	/* One niche for the whole day cannot hold both. */
	assert_int_equal(week_set_focus(w, p, FOCUS_DAY, 12 * 60, &err), -1);
	assert_msg(ERR_REFUSED, "one niche per whole day does not fit the blocks", NULL);
	assert_true(week_equal(before, w));
	week_free(before);
	/* With one industry left, midday may move. */
	assert_int_equal(week_block_remove(w, "2026W49-2", &err), 0);
	assert_int_equal(week_set_focus(w, p, FOCUS_HALF_DAY, 13 * 60, &err), 0);
	assert_int_equal(week_midday(w), 13 * 60);
	assert_int_equal(week_focus(w), FOCUS_HALF_DAY);
}

/* ---- references, kinds, text ---- */

static void test_archived_references(void **state)
{
	struct block b;

	(void)state;
	add_ok(TUE, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	{
		struct block a = mk(TUE, "10:00", "11:00", KIND_ACCOUNT, 0, "Review");

		a.account = acme;
		assert_int_equal(week_block_add(w, p, &a, NULL, &err), 0);
		block_clear(&a);
	}
	add_ok(WED, "09:00", "10:00", KIND_ADMIN, 0, "Admin");
	assert_int_equal(plan_industry_archive(p, hc, true, &err), 0);
	assert_int_equal(plan_account_archive(p, acme, true, &err), 0);
	/* Old blocks keep them through any edit that leaves them named. */
	b = copy_of("2026W49-1");
	block_set_title(&b, "Clinics, still");
	b.status = STATUS_DONE;
	b.out.calls = 12;
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	block_clear(&b);
	b = copy_of("2026W49-2");
	b.start = tm("10:30");
	b.end = tm("11:30");
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	block_clear(&b);
	/* New blocks, and blocks switching to them, are refused. */
	add_refused_mk(THU, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
	assert_msg(ERR_REFUSED, "Healthcare is archived; restore it first", NULL);
	{
		struct block a = mk(THU, "10:00", "11:00", KIND_ACCOUNT, 0, "Review");

		a.account = acme;
		add_refused(&a);
		assert_msg(ERR_REFUSED, "Acme is archived; restore it first", NULL);
		block_clear(&a);
	}
	/* A block moved into the next week keeps them too; a new one there does not. */
	{
		struct week *next = week_new(p, date_week_add(KEY, 1));
		struct block moved = copy_of("2026W49-1");

		moved.date += 7;
		assert_int_equal(week_block_add(next, p, &moved, NULL, &err), -1);
		assert_non_null(strstr(err.msg, "Healthcare is archived"));
		assert_int_equal(week_block_move_in(next, p, &moved, week_block_by_id(w, moved.id),
						    &err), 0);
		assert_non_null(week_block_by_id(next, "2026W49-1"));
		assert_int_equal(week_block_move_in(next, p, &moved, NULL, &err), -1);
		block_clear(&moved);
		week_free(next);
	}
	b = copy_of("2026W49-3");
	b.industry = hc;
	update_refused(&b);
	assert_msg(ERR_REFUSED, "archived", NULL);
	b.kind = KIND_ACCOUNT;
	b.industry = 0;
	b.account = acme;
	update_refused(&b);
	assert_msg(ERR_REFUSED, "Acme is archived", NULL);
	/* Restored, they work again. */
	assert_int_equal(plan_account_archive(p, acme, false, &err), 0);
	assert_int_equal(week_block_update(w, p, &b, &err), 0);
	block_clear(&b);
	assert_int_equal(plan_industry_archive(p, hc, false, &err), 0);
	add_ok(THU, "09:00", "10:00", KIND_PROSPECTING, hc, "Clinics");
}

static void test_kinds_and_references(void **state)
{
	struct block b;

	(void)state;
	add_refused_mk(TUE, "09:00", "10:00", KIND_PROSPECTING, 0, "Anyone");
	assert_msg(ERR_REFUSED, "a prospecting block needs an industry", NULL);
	add_refused_mk(TUE, "09:00", "10:00", KIND_PROSPECTING, 42, "Ghost");
	assert_msg(ERR_NOTFOUND, "no industry with id 42", NULL);
	b = mk(TUE, "09:00", "10:00", KIND_ADMIN, 0, "Expenses");
	b.account = acme;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "only account blocks name an account", NULL);
	b.kind = KIND_OTHER;
	add_refused(&b);
	b.kind = KIND_PROSPECTING;
	b.industry = hc;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "only account blocks name an account", NULL);
	b.kind = KIND_ACCOUNT;
	b.industry = 0;
	b.account = 77;
	add_refused(&b);
	assert_msg(ERR_NOTFOUND, "no account with id 77", NULL);
	b.account = globex;
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	/* An account block names its customer. */
	b.account = 0;
	b.start = tm("10:00");
	b.end = tm("11:00");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "an account block is time with one customer: name the account", NULL);
	/* One stored without (written before) stays editable. */
	b.start = tm("11:00");
	b.end = tm("12:00");
	b.account = 0;
	week_block_restore(w, &b);
	{
		struct block edit;

		block_copy(&edit, week_block_at(w, week_block_count(w) - 1));
		block_set_title(&edit, "Review, renamed");
		assert_int_equal(week_block_update(w, p, &edit, &err), 0);
		block_clear(&edit);
	}
	b.account = globex;
	b.start = tm("12:00");
	b.end = tm("13:00");
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	/* Shape: in the week, start before end, a known kind and status. */
	b.date = day(MON) - 1;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "not in this week", NULL);
	b.date = day(SUN) + 1;
	add_refused(&b);
	b.date = day(THU);
	b.start = b.end = tm("10:00");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "a block must start before it ends", NULL);
	b.start = tm("11:00");
	add_refused(&b);
	b.start = -30;
	add_refused(&b);
	b.start = tm("10:00");
	b.end = tm("11:00");
	b.kind = KIND_COUNT;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "unknown kind", NULL);
	block_clear(&b);
}

static void test_outcomes(void **state)
{
	struct block b = mk(TUE, "09:00", "10:00", KIND_ADMIN, 0, "Calls");

	(void)state;
	b.out.calls = -1;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "counts must be 0..1000000", NULL);
	b.out.calls = MODEL_COUNT_MAX + 1;
	add_refused(&b);
	b.out.calls = MODEL_COUNT_MAX;
	b.out.conversations = -2;
	add_refused(&b);
	b.out.conversations = 0;
	b.out.meetings = MODEL_COUNT_MAX + 1;
	add_refused(&b);
	b.out.meetings = 3;
	/* The minutes it took: said only of a done block, 1..1440. */
	b.worked = 30;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "only a done block has minutes worked", NULL);
	b.worked = -1;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the minutes worked must be 1..1440", NULL);
	b.worked = MODEL_WORKED_MAX + 1;
	add_refused(&b);
	b.worked = 0;
	b.cut_short = true;
	add_refused(&b);
	assert_msg(ERR_REFUSED, "only a done block can be cut short", NULL);
	b.status = STATUS_SKIPPED;
	add_refused(&b);
	b.status = STATUS_DONE;
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	block_clear(&b);
}

static void test_text(void **state)
{
	struct block b = mk(TUE, "09:00", "10:00", KIND_ADMIN, 0, "x");
	char *longest = malloc(MODEL_NOTE_MAX + 2);

	(void)state;
	block_set_title(&b, "Calls \x1b[2J");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the title contains a control character", NULL);
	block_set_title(&b, "Tab\there");
	add_refused(&b);
	block_set_title(&b, "RTL \xe2\x80\xae override");
	add_refused(&b);
	block_set_title(&b, "Caf\xe9");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the title is not valid UTF-8", NULL);
	memset(longest, 'a', MODEL_TITLE_MAX + 1);
	longest[MODEL_TITLE_MAX + 1] = '\0';
	block_set_title(&b, longest);
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the title is too long", NULL);
	longest[MODEL_TITLE_MAX] = '\0';
	block_set_title(&b, longest);
	block_set_note(&b, "line one\nline two");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the note contains a control character", NULL);
	memset(longest, 'n', MODEL_NOTE_MAX + 1);
	longest[MODEL_NOTE_MAX + 1] = '\0';
	block_set_note(&b, longest);
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the note is too long", NULL);
	longest[MODEL_NOTE_MAX] = '\0';
	block_set_note(&b, longest);
	block_set_uid(&b, "uid\x07");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "the calendar UID contains a control character", NULL);
	block_set_uid(&b, NULL);
	/* At the limits, and in any script, it is fine. */
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	block_set_title(&b, "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x93\x9e \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	block_set_note(&b, "");
	b.start = tm("10:00");
	b.end = tm("11:00");
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	block_clear(&b);
	free(longest);
}

/* ---- ids ---- */

static void test_ids(void **state)
{
	char id[MODEL_ID_MAX];
	struct block b;

	(void)state;
	add_ok(MON, "09:00", "10:00", KIND_ADMIN, 0, "One");
	add_ok(MON, "10:00", "11:00", KIND_ADMIN, 0, "Two");
	assert_int_equal(add_ok(MON, "11:00", "12:00", KIND_ADMIN, 0, "Three"), 3);
	assert_non_null(week_block_by_id(w, "2026W49-1"));
	assert_string_equal(week_block_by_id(w, "2026W49-3")->title, "Three");
	/* A removed id is never given again. */
	assert_int_equal(week_block_remove(w, "2026W49-3", &err), 0);
	assert_int_equal(add_ok(MON, "11:00", "12:00", KIND_ADMIN, 0, "Four"), 4);
	assert_int_equal(week_block_remove(w, "2026W49-4", &err), 0);
	assert_int_equal(week_block_remove(w, "2026W49-2", &err), 0);
	assert_int_equal(week_block_remove(w, "2026W49-1", &err), 0);
	assert_true(week_block_count(w) == 0);
	assert_int_equal(add_ok(MON, "09:00", "10:00", KIND_ADMIN, 0, "Five"), 5);
	assert_int_equal(week_next_seq(w), 6);
	assert_int_equal(week_block_remove(w, "2026W49-4", &err), -1);
	assert_msg(ERR_NOTFOUND, "no block 2026W49-4", NULL);
	/* A block moved in keeps its id; a twin id is refused. */
	b = mk(TUE, "09:00", "10:00", KIND_ADMIN, 0, "Moved in");
	strcpy(b.id, "2026W48-7");
	assert_int_equal(week_block_add(w, p, &b, id, &err), 0);
	assert_string_equal(id, "2026W48-7");
	b.start = tm("10:00");
	b.end = tm("11:00");
	add_refused(&b);
	assert_msg(ERR_REFUSED, "block 2026W48-7 is already in this week", NULL);
	/* A moved-in id that matches the next one is skipped over. */
	strcpy(b.id, "2026W49-6");
	assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	assert_int_equal(add_ok(WED, "09:00", "10:00", KIND_ADMIN, 0, "Seven"), 7);
	block_clear(&b);
	/* Ids carry their week; week numbers are two digits. */
	assert_int_equal(model_id_week("2026W49-12"), 202649);
	assert_int_equal(model_id_week("2026W53-1"), 202653);
	assert_int_equal(model_id_week("2025W53-1"), 0);
	assert_int_equal(model_id_week("2026W4-1"), 0);
	assert_int_equal(model_id_week("garbage"), 0);
	week_free(w);
	w = week_new(p, 202701);
	b = mk(MON, "09:00", "10:00", KIND_ADMIN, 0, "New year");
	assert_int_equal(week_block_add(w, p, &b, id, &err), 0);
	assert_string_equal(id, "2027W01-1");
	assert_int_equal(model_id_week(id), 202701);
	block_clear(&b);
}

static void test_block_limit(void **state)
{
	struct block b = mk(MON, "00:00", "00:30", KIND_MEETING, 0, "Standing");

	(void)state;
	/* Meetings may overlap, so the cap is what stops them. */
	for (int i = 0; i < MODEL_WEEK_BLOCKS_MAX; i++)
		assert_int_equal(week_block_add(w, p, &b, NULL, &err), 0);
	add_refused(&b);
	assert_msg(ERR_REFUSED, "a week holds at most 2000 blocks", NULL);
	block_clear(&b);
}

/* ---- the loader's whole-week check ---- */

/* Restores blocks given in file order; returns the file -> sorted map
 * (found by id and title, as ids may be shared on purpose). */
static size_t *restore_in_file_order(const struct block *blocks, size_t n)
{
	size_t *order = calloc(n, sizeof *order);

	for (size_t i = 0; i < n; i++)
		week_block_restore(w, &blocks[i]);
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		while (j < n && (strcmp(week_block_at(w, j)->id, blocks[i].id) != 0 ||
				 strcmp(week_block_at(w, j)->title, blocks[i].title) != 0))
			j++;
		assert_true(j < n);
		order[i] = j;
	}
	return order;
}

static void check_week_expect(const struct block *blocks, size_t n, const char *want)
{
	size_t *order;

	week_free(w);
	w = week_new(p, KEY);
	order = restore_in_file_order(blocks, n);
	error_clear(&err);
	if (want == NULL) {
		if (rules_check_week(w, p, order, &err) != 0)
			fail_msg("refused: %s", err.msg);
	} else {
		assert_int_equal(rules_check_week(w, p, order, &err), -1);
		assert_int_equal(err.code, ERR_DATA);
		if (strstr(err.msg, want) == NULL)
			fail_msg("\"%s\" not in: %s", want, err.msg);
	}
	free(order);
}

static void test_check_week_file_positions(void **state)
{
	struct block f[4];

	(void)state;
	/* File order: Fri, Wed, Mon, Wed; sorted: Mon, Wed 9, Wed 10, Fri. */
	f[0] = mk(FRI, "09:00", "10:00", KIND_ADMIN, 0, "Fri");
	f[1] = mk(WED, "10:00", "11:00", KIND_PROSPECTING, hc, "Wed late");
	f[2] = mk(MON, "09:00", "10:00", KIND_ADMIN, 0, "Mon");
	f[3] = mk(WED, "09:00", "10:00", KIND_PROSPECTING, hc, "Wed early");
	for (int i = 0; i < 4; i++)
		snprintf(f[i].id, MODEL_ID_MAX, "2026W49-%d", i + 1);
	check_week_expect(f, 4, NULL);
	assert_int_equal(week_block_index(w, "2026W49-1"), 3);

	/* A bad block is named by its place in the file. */
	f[1].industry = 0;
	check_week_expect(f, 4, "blocks[1]: a prospecting block needs an industry");
	f[1].industry = 9;
	check_week_expect(f, 4, "blocks[1]: industry 9 is not in plan.json");
	f[1].industry = rt;
	check_week_expect(f, 4, "blocks[3]: Healthcare prospecting on Wed 2 Dec clashes with "
				"Retail prospecting \"Wed late\"");
	f[1].industry = hc;
	f[0].account = acme;
	check_week_expect(f, 4, "blocks[0]: only account blocks name an account");
	f[0].account = 0;
	f[2].date = day(MON) - 1;
	check_week_expect(f, 4, "blocks[2]: date is not in this week");
	f[2].date = day(MON);

	/* Overlaps and shared ids name both places in the file. */
	f[1].start = tm("09:30");
	check_week_expect(f, 4, "blocks[3] and blocks[1] overlap");
	f[1].start = tm("10:00");
	strcpy(f[2].id, "2026W49-1");
	check_week_expect(f, 4, "blocks[2] and blocks[0] share the id 2026W49-1");
	strcpy(f[3].id, "2026W49-2");
	strcpy(f[2].id, "2026W49-3");
	check_week_expect(f, 4, "blocks[3] and blocks[1] share the id 2026W49-2");
	strcpy(f[3].id, "2026W49-4");

	/* Whatever the settings: a stored block may sit outside today's hours and
	 * grid, on an archived industry, or under an imported meeting. */
	f[2].start = tm("06:15");
	f[2].end = tm("07:05");
	plan_industry_archive(p, hc, true, NULL);
	f[0].kind = KIND_MEETING;
	f[0].date = day(MON);
	f[0].start = tm("06:32");
	f[0].end = tm("07:07");
	check_week_expect(f, 4, NULL);
	/* ... but planned blocks stay on a five-minute grid. */
	f[2].end = tm("07:04");
	check_week_expect(f, 4, "blocks[2]");
	for (int i = 0; i < 4; i++)
		block_clear(&f[i]);
}

/* A week of more blocks than the small table of ids holds: a repeated id
 * is found however far apart the two are, and named as before. */
static void test_check_week_many_ids(void **state)
{
	enum { N = 45 };
	struct block f[N];
	char s[6], e[6], title[16];

	(void)state;
	for (int i = 0; i < N; i++) {
		date_time_format(8 * 60 + (i % 9) * 60, s);
		date_time_format(9 * 60 + (i % 9) * 60, e);
		snprintf(title, sizeof title, "Admin %d", i);
		f[i] = mk(MON + i / 9, s, e, KIND_ADMIN, 0, title);
		snprintf(f[i].id, MODEL_ID_MAX, "2026W49-%d", i + 1);
	}
	check_week_expect(f, N, NULL);
	strcpy(f[N - 1].id, "2026W49-1");
	check_week_expect(f, N, "blocks[0] and blocks[44] share the id 2026W49-1");
	strcpy(f[N - 1].id, "2026W49-45");
	strcpy(f[20].id, "2026W49-20");
	check_week_expect(f, N, "blocks[19] and blocks[20] share the id 2026W49-20");
	for (int i = 0; i < N; i++)
		block_clear(&f[i]);
}

static void test_check_week_niches(void **state)
{
	struct block b = mk(TUE, "09:00", "10:00", KIND_PROSPECTING, rt, "Stores");

	(void)state;
	strcpy(b.id, "2026W49-1");
	week_block_restore(w, &b);
	assert_int_equal(rules_check_week(w, p, NULL, &err), 0);
	week_restore_niche(w, day(TUE), PART_DAY, hc);
	assert_int_equal(rules_check_week(w, p, NULL, &err), -1);
	assert_msg(ERR_DATA, "blocks[0]: Retail prospecting on Tue 1 Dec breaks the day's niche "
			     "Healthcare", NULL);
	week_restore_niche(w, day(TUE), PART_DAY, rt);
	assert_int_equal(rules_check_week(w, p, NULL, &err), 0);
	week_restore_niche(w, day(WED), PART_DAY, 12);
	assert_int_equal(rules_check_week(w, p, NULL, &err), -1);
	assert_msg(ERR_DATA, "niches: industry 12 is not in plan.json", NULL);
	week_restore_niche(w, day(WED), PART_DAY, 0);
	week_restore_niche(w, day(THU), PART_AM, hc);
	assert_int_equal(rules_check_week(w, p, NULL, &err), -1);
	assert_msg(ERR_DATA, "niches: Thu has a am niche, but the week's focus rule is \"day\"",
		   NULL);
	week_restore_focus(w, FOCUS_HALF_DAY, 12 * 60);
	assert_int_equal(rules_check_week(w, p, NULL, &err), -1);
	assert_msg(ERR_DATA, "niches: Tue has a day niche", NULL);
	block_clear(&b);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_overlaps),
		T(test_one_minute_overlap),
		T(test_meetings),
		T(test_slot_grid),
		T(test_day_hours),
		T(test_narrowed_settings_keep_old_blocks),
		T(test_niche_day_rule),
		T(test_niche_against_other_blocks),
		T(test_niche_half_day),
		T(test_niche_spanning_midday),
		T(test_midday_boundary),
		T(test_set_niche),
		T(test_set_niche_half_day),
		T(test_set_focus),
		T(test_set_focus_checks_blocks),
		T(test_archived_references),
		T(test_kinds_and_references),
		T(test_outcomes),
		T(test_text),
		T(test_ids),
		T(test_block_limit),
		T(test_check_week_file_positions),
		T(test_check_week_many_ids),
		T(test_check_week_niches),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
