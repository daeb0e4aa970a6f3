/* test_overlap.c - a real meeting imported onto planned time: the block
 * stays workable (done, skip, title, the timer's finish and abandon), only
 * a change of its own time is checked, and it can be moved or shortened
 * clear of the meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "overlap.h"
#include "rules.h"
#include "starter.h"
#include "testutil.h"
#include "timer.h"

#define CLINICS "2026W49-1" /* Mon 30 Nov 08:30-11:00, prospecting Healthcare */

/* Monday 30 Nov 2026 at HH:MM, local. */
static instant_t mon(int hh, int mm)
{
	return tu_local(date_from_ymd(2026, 11, 30), hh * 60 + mm);
}

/* A meeting from a calendar on Monday, as an import leaves it. */
static void meeting(struct week *w, const char *id, int start, int end, const char *title)
{
	struct block m;

	block_init(&m);
	snprintf(m.id, sizeof m.id, "%s", id);
	m.date = week_monday(w);
	m.start = start;
	m.end = end;
	m.kind = KIND_MEETING;
	block_set_title(&m, title);
	block_set_uid(&m, title);
	week_block_restore(w, &m);
	block_clear(&m);
}

static void test_recording_is_allowed(void **state)
{
	struct tu_week *f = *state;
	struct timer_outcome done = { .end = SESSION_DONE, .add = { .calls = 3 } };
	struct block b;
	struct error err;

	meeting(f->w, "2026W49-90", 9 * 60, 9 * 60 + 15, "Standup");
	/* A title, a note: no time changes, so no overlap is checked. */
	block_copy(&b, week_block_by_id(f->w, CLINICS));
	block_set_title(&b, "Call list: clinics, second pass");
	assert_int_equal(week_block_update(f->w, f->p, &b, &err), 0);
	/* Its time: checked, and refused with the meeting named. */
	b.start = 8 * 60;
	assert_int_equal(week_block_update(f->w, f->p, &b, &err), -1);
	assert_non_null(strstr(err.msg, "overlaps the meeting \"Standup\""));
	block_clear(&b);
	/* Done by hand, skipped and planned again. */
	assert_int_equal(timer_record(f->w, f->p, CLINICS, &done, &err), 0);
	assert_int_equal(week_block_by_id(f->w, CLINICS)->status, STATUS_DONE);
	assert_int_equal(week_block_by_id(f->w, CLINICS)->out.calls, 3);
	block_copy(&b, week_block_by_id(f->w, CLINICS));
	b.status = STATUS_PLANNED;
	assert_int_equal(week_block_update(f->w, f->p, &b, &err), 0);
	block_clear(&b);
	assert_int_equal(timer_skip(f->w, f->p, CLINICS, &err), 0);
	assert_int_equal(week_block_by_id(f->w, CLINICS)->status, STATUS_SKIPPED);
}

static void test_timer_runs_and_stops(void **state)
{
	struct tu_week *f = *state;
	struct timer_outcome abandon = { .end = SESSION_ABANDONED };
	struct timer_outcome done = { .end = SESSION_DONE };
	struct timer_state t;
	struct error err;

	meeting(f->w, "2026W49-90", 9 * 60, 9 * 60 + 15, "Standup");
	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, CLINICS), f->p,
				     mon(8, 30), &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 4, mon(9, 30), &err), 0);
	/* Abandoned: its counts go to the block, which stays planned. */
	assert_int_equal(timer_finish(&t, f->w, f->p, &abandon, mon(9, 45), &err), 0);
	assert_int_equal(week_block_by_id(f->w, CLINICS)->out.calls, 4);
	timer_state_clear(&t);
	/* Started again and finished. */
	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, CLINICS), f->p,
				     mon(9, 50), &err), 0);
	assert_int_equal(timer_finish(&t, f->w, f->p, &done, mon(11, 0), &err), 0);
	assert_int_equal(week_block_by_id(f->w, CLINICS)->status, STATUS_DONE);
	assert_int_equal(week_session_count(f->w), 2);
	timer_state_clear(&t);
}

static void test_which_meetings(void **state)
{
	struct tu_week *f = *state;
	const struct block *first;

	assert_int_equal(overlap_meetings(f->w, week_block_by_id(f->w, CLINICS), &first), 0);
	assert_null(first);
	meeting(f->w, "2026W49-91", 10 * 60, 10 * 60 + 30, "Customer call");
	meeting(f->w, "2026W49-90", 9 * 60, 9 * 60 + 15, "Standup");
	meeting(f->w, "2026W49-92", 11 * 60, 11 * 60 + 30, "Lunch and learn");
	assert_int_equal(overlap_meetings(f->w, week_block_by_id(f->w, CLINICS), &first), 2);
	assert_string_equal(first->title, "Standup");
	/* A meeting overlaps no meeting, as far as planning goes. */
	assert_int_equal(overlap_meetings(f->w, first, NULL), 0);
}

static void test_fit(void **state)
{
	struct tu_week *f = *state;
	const struct block *b;
	struct block out;
	struct error err;

	b = week_block_by_id(f->w, CLINICS);
	assert_int_equal(overlap_fit(f->w, f->p, b, OVERLAP_SHORTEN, &out, &err), -1);
	assert_non_null(strstr(err.msg, "no meeting overlaps"));
	meeting(f->w, "2026W49-90", 9 * 60, 9 * 60 + 15, "Standup");
	b = week_block_by_id(f->w, CLINICS);
	/* Shortened: its longest free stretch, after the standup on the grid. */
	assert_int_equal(overlap_fit(f->w, f->p, b, OVERLAP_SHORTEN, &out, &err), 0);
	assert_int_equal(out.start, 9 * 60 + 30);
	assert_int_equal(out.end, 11 * 60);
	assert_string_equal(out.id, CLINICS);
	block_clear(&out);
	/* Moved: the nearest start that clears it, later first. */
	assert_int_equal(overlap_fit(f->w, f->p, b, OVERLAP_MOVE, &out, &err), 0);
	assert_int_equal(out.start, 9 * 60 + 30);
	assert_int_equal(out.end, 12 * 60);
	block_clear(&out);
	/* A meeting all day long: nowhere to go that day. */
	meeting(f->w, "2026W49-91", 8 * 60, 18 * 60, "Offsite");
	b = week_block_by_id(f->w, CLINICS);
	assert_int_equal(overlap_fit(f->w, f->p, b, OVERLAP_MOVE, &out, &err), -1);
	assert_non_null(strstr(err.msg, "no free 150 minutes"));
	assert_int_equal(overlap_fit(f->w, f->p, b, OVERLAP_SHORTEN, &out, &err), -1);
	assert_non_null(strstr(err.msg, "no free stretch inside"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_WEEK_TEST(test_recording_is_allowed),
		TU_WEEK_TEST(test_timer_runs_and_stops),
		TU_WEEK_TEST(test_which_meetings),
		TU_WEEK_TEST(test_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
