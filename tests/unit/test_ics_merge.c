/* test_ics_merge.c - occurrences into weeks: meetings and banners added,
 * replaced and removed by UID within the range, nothing else touched,
 * overlaps reported, and the round trip of an export back in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ics.h"
#include "rules.h"
#include "testutil.h"

static date_t d(const char *s)
{
	date_t out;

	assert_int_equal(date_parse(s, &out), 0);
	return out;
}

static int tm(const char *s)
{
	int out;

	assert_int_equal(date_time_parse(s, &out), 0);
	return out;
}

static struct plan *new_plan(void)
{
	struct plan *p = plan_new();
	struct settings s = *plan_settings(p);
	struct error err = { 0 };

	s.day_start = 0;
	s.day_end = DATE_MINUTES_PER_DAY;
	assert_int_equal(plan_set_settings(p, &s, &err), 0);
	assert_int_equal(plan_industry_add(p, "Healthcare", 0, &err), 1);
	return p;
}

static struct ics_calendar *parse(const char *events, const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	struct ics_calendar *cal = NULL;
	struct error err = { 0 };

	buf_addf(&b, "BEGIN:VCALENDAR\nVERSION:2.0\n%sEND:VCALENDAR\n", events);
	if (ics_parse(b.data, b.len, d(from), d(to), &cal, &err) != 0)
		fail_msg("%s", err.msg);
	buf_free(&b);
	return cal;
}

static void add(struct week *w, const struct plan *p, enum block_kind kind, const char *day,
		const char *start, const char *end, const char *title, char *id)
{
	struct block b;
	struct error err = { 0 };

	block_init(&b);
	b.kind = kind;
	b.date = d(day);
	b.start = tm(start);
	b.end = tm(end);
	b.industry = kind == KIND_PROSPECTING ? 1 : 0;
	block_set_title(&b, title);
	if (week_block_add(w, p, &b, id, &err) != 0)
		fail_msg("%s", err.msg);
	block_clear(&b);
}

static int merge(struct week **w, size_t n, const struct plan *p, const struct ics_calendar *cal,
		 const char *from, const char *to, struct ics_report *rep)
{
	struct error err = { 0 };
	int rc = ics_merge(w, n, p, cal, d(from), d(to), rep, &err);

	if (rc != 0)
		fail_msg("%s", err.msg);
	return rc;
}

/* The meetings and banners of a week, one per line. */
static char *render(const struct week *w)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < week_banner_count(w); i++) {
		const struct banner *bn = week_banner_at(w, i);
		char day[11];

		date_format(bn->date, day);
		buf_addf(&b, "%s all day %s <%s>\n", day, bn->title, bn->uid ? bn->uid : "");
	}
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *x = week_block_at(w, i);
		char day[11], s[6], e[6];

		if (x->kind != KIND_MEETING)
			continue;
		date_format(x->date, day);
		date_time_format(x->start, s);
		date_time_format(x->end, e);
		buf_addf(&b, "%s %s-%s %s %s <%s>\n", day, s, e, x->id, x->title,
			 x->uid ? x->uid : "");
	}
	return buf_take(&b);
}

static void expect_week(const struct week *w, const char *want)
{
	char *got = render(w);

	assert_string_equal(got ? got : "", want);
	free(got);
}

#define SERIES "BEGIN:VEVENT\nUID:s\nDTSTART;TZID=Europe/Berlin:20260323T103000\n" \
	       "DURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=3\nSUMMARY:Sync\nEND:VEVENT\n"
#define NIGHT "BEGIN:VEVENT\nUID:n\nDTSTART;TZID=Europe/Berlin:20260327T220000\n" \
	      "DTEND;TZID=Europe/Berlin:20260328T020000\nSUMMARY:%s\nEND:VEVENT\n"
#define FAIR "BEGIN:VEVENT\nUID:f\nDTSTART;VALUE=DATE:20260328\nDTEND;VALUE=DATE:20260330\n" \
	     "SUMMARY:Fair\nEND:VEVENT\n"

static void test_import_and_again(void **state)
{
	struct plan *p = new_plan();
	struct week *w = week_new(p, 202613), *before;
	struct ics_report rep;
	struct ics_calendar *cal;
	char planned[MODEL_ID_MAX], events[1000];

	(void)state;
	tu_tz("Europe/Berlin");
	add(w, p, KIND_PROSPECTING, "2026-03-24", "10:00", "11:00", "Call list A", planned);
	snprintf(events, sizeof events, SERIES NIGHT FAIR, "Night shift");
	cal = parse(events, "2026-03-23", "2026-03-29");
	merge(&w, 1, p, cal, "2026-03-23", "2026-03-29", &rep);
	expect_week(w, "2026-03-28 all day Fair <f>\n"
		       "2026-03-29 all day Fair <f>\n"
		       "2026-03-23 10:30-11:30 2026W13-2 Sync <s#20260323T093000Z>\n"
		       "2026-03-24 10:30-11:30 2026W13-3 Sync <s#20260324T093000Z>\n"
		       "2026-03-25 10:30-11:30 2026W13-4 Sync <s#20260325T093000Z>\n"
		       "2026-03-27 22:00-24:00 2026W13-5 Night shift <n>\n"
		       "2026-03-28 00:00-02:00 2026W13-6 Night shift <n>\n");
	assert_int_equal(rep.added, 5);
	assert_int_equal(rep.replaced, 0);
	assert_int_equal(rep.removed, 0);
	assert_int_equal(rep.blocks, 5);
	assert_int_equal(rep.banners, 2);
	/* The planned block stays, under the meeting, and the overlap is told. */
	assert_non_null(week_block_by_id(w, planned));
	assert_int_equal(rep.n_overlaps, 1);
	assert_string_equal(rep.overlaps[0].block, planned);
	assert_string_equal(rep.overlaps[0].title, "Sync");
	assert_string_equal(rep.overlaps[0].block_title, "Call list A");
	assert_int_equal(rep.overlaps[0].date, d("2026-03-24"));
	assert_int_equal(rep.overlaps[0].start, tm("10:30"));
	assert_int_equal(rep.overlaps[0].block_end, tm("11:00"));
	ics_report_clear(&rep);

	/* The same file again changes nothing, not even an id. */
	before = week_clone(w);
	merge(&w, 1, p, cal, "2026-03-23", "2026-03-29", &rep);
	assert_true(week_equal(before, w));
	assert_int_equal(rep.added, 0);
	assert_int_equal(rep.replaced, 5);
	assert_int_equal(rep.removed, 0);
	ics_report_clear(&rep);
	ics_calendar_free(cal);

	/* A newer file: one instance cancelled, one event renamed. */
	snprintf(events, sizeof events, SERIES NIGHT FAIR
		 "BEGIN:VEVENT\nUID:s\nRECURRENCE-ID;TZID=Europe/Berlin:20260324T103000\n"
		 "DTSTART;TZID=Europe/Berlin:20260324T103000\nSTATUS:CANCELLED\nEND:VEVENT\n",
		 "Night shift (2)");
	cal = parse(events, "2026-03-23", "2026-03-29");
	merge(&w, 1, p, cal, "2026-03-23", "2026-03-29", &rep);
	expect_week(w, "2026-03-28 all day Fair <f>\n"
		       "2026-03-29 all day Fair <f>\n"
		       "2026-03-23 10:30-11:30 2026W13-2 Sync <s#20260323T093000Z>\n"
		       "2026-03-25 10:30-11:30 2026W13-4 Sync <s#20260325T093000Z>\n"
		       "2026-03-27 22:00-24:00 2026W13-5 Night shift (2) <n>\n"
		       "2026-03-28 00:00-02:00 2026W13-6 Night shift (2) <n>\n");
	assert_int_equal(rep.added, 0);
	assert_int_equal(rep.replaced, 4);
	assert_int_equal(rep.removed, 1);
	assert_int_equal(rep.n_overlaps, 0);
	ics_report_clear(&rep);
	ics_calendar_free(cal);
	week_free(before);
	week_free(w);
	plan_free(p);
}

/* Outside the range, and other calendars' meetings, nothing changes. */
static void test_only_the_range(void **state)
{
	struct plan *p = new_plan();
	struct week *w = week_new(p, 202613);
	struct ics_report rep;
	struct ics_calendar *cal;
	struct block b;
	struct banner bn = { .title = "Fair (old)", .uid = "f" };

	(void)state;
	tu_tz("Europe/Berlin");
	block_init(&b);
	b.kind = KIND_MEETING;
	b.date = d("2026-03-25");
	b.start = tm("10:00");
	b.end = tm("11:00");
	snprintf(b.id, sizeof b.id, "2026W13-50");
	block_set_title(&b, "Other calendar");
	block_set_uid(&b, "other@example.com");
	week_block_restore(w, &b);
	/* A meeting of the file's series before the range: kept. */
	snprintf(b.id, sizeof b.id, "2026W13-51");
	b.date = d("2026-03-23");
	block_set_title(&b, "Sync (old)");
	block_set_uid(&b, "s#20260323T093000Z");
	week_block_restore(w, &b);
	block_clear(&b);
	bn.date = d("2026-03-24");
	week_banner_add(w, &bn);
	bn.date = d("2026-03-28");
	week_banner_add(w, &bn);

	cal = parse(SERIES FAIR, "2026-03-25", "2026-03-28");
	merge(&w, 1, p, cal, "2026-03-25", "2026-03-28", &rep);
	expect_week(w, "2026-03-24 all day Fair (old) <f>\n"
		       "2026-03-28 all day Fair <f>\n"
		       "2026-03-23 10:00-11:00 2026W13-51 Sync (old) <s#20260323T093000Z>\n"
		       "2026-03-25 10:00-11:00 2026W13-50 Other calendar <other@example.com>\n"
		       "2026-03-25 10:30-11:30 2026W13-1 Sync <s#20260325T093000Z>\n");
	assert_int_equal(rep.added, 1);
	assert_int_equal(rep.replaced, 1); /* the fair's banner of the 28th */
	assert_int_equal(rep.n_overlaps, 0); /* meetings may overlap meetings */
	ics_report_clear(&rep);
	ics_calendar_free(cal);
	week_free(w);
	plan_free(p);
}

/* A block exported and come back through the calendar is not a meeting. */
static void test_own_blocks(void **state)
{
	struct plan *p = new_plan();
	struct week *w = week_new(p, 202613), *fresh = week_new(p, 202613);
	struct ics_report rep;
	struct ics_calendar *cal;
	char id[MODEL_ID_MAX], events[400];

	(void)state;
	tu_tz("Europe/Berlin");
	add(w, p, KIND_ADMIN, "2026-03-24", "09:00", "10:00", "Inbox", id);
	snprintf(events, sizeof events, "BEGIN:VEVENT\nUID:%s@focusweek\n"
		 "DTSTART;TZID=Europe/Berlin:20260324T090000\nDURATION:PT1H\n"
		 "SUMMARY:Admin — Inbox\nEND:VEVENT\n", id);
	cal = parse(events, "2026-03-23", "2026-03-29");
	merge(&w, 1, p, cal, "2026-03-23", "2026-03-29", &rep);
	assert_int_equal(rep.own, 1);
	assert_int_equal(rep.blocks, 0);
	assert_int_equal(week_block_count(w), 1);
	ics_report_clear(&rep);
	/* In another plan, where no such block is, it is a meeting like any. */
	merge(&fresh, 1, p, cal, "2026-03-23", "2026-03-29", &rep);
	assert_int_equal(rep.own, 0);
	assert_int_equal(rep.blocks, 1);
	ics_report_clear(&rep);
	ics_calendar_free(cal);
	week_free(w);
	week_free(fresh);
	plan_free(p);
}

/* A week that would overflow refuses the whole import and keeps its state. */
static void test_full_week(void **state)
{
	struct plan *p = new_plan();
	struct week *w[2] = { week_new(p, 202613), week_new(p, 202614) };
	struct week *keep0, *keep1;
	struct ics_report rep;
	struct ics_calendar *cal;
	struct error err = { 0 };
	struct block b;

	(void)state;
	tu_tz("Europe/Berlin");
	block_init(&b);
	b.kind = KIND_MEETING;
	b.date = d("2026-03-23");
	b.end = 1;
	for (int i = 0; i < MODEL_WEEK_BLOCKS_MAX; i++) {
		snprintf(b.id, sizeof b.id, "2026W13-%d", 100 + i);
		week_block_restore(w[0], &b);
	}
	block_clear(&b);
	keep0 = w[0];
	keep1 = w[1];
	cal = parse(SERIES "BEGIN:VEVENT\nUID:x\nDTSTART:20260401T090000Z\nDURATION:PT1H\n"
		    "END:VEVENT\n", "2026-03-23", "2026-04-05");
	assert_int_equal(ics_merge(w, 2, p, cal, d("2026-03-23"), d("2026-04-05"), &rep, &err), -1);
	assert_int_equal(err.code, ERR_REFUSED);
	assert_string_equal(err.msg, "2026-W13 would hold more than 2000 blocks; import a "
				     "calendar with fewer events");
	assert_ptr_equal(w[0], keep0);
	assert_ptr_equal(w[1], keep1);
	assert_int_equal(week_block_count(w[0]), MODEL_WEEK_BLOCKS_MAX);
	assert_int_equal(week_block_count(w[1]), 0);
	assert_int_equal(rep.n_overlaps, 0);
	ics_calendar_free(cal);
	week_free(w[0]);
	week_free(w[1]);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_and_again),
		cmocka_unit_test(test_only_the_range),
		cmocka_unit_test(test_own_blocks),
		cmocka_unit_test(test_full_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
