/* test_timer.c - the focus timer's state machine with an injected clock:
 * the planned-duration policy, pause, resume, extend, overtime, counters,
 * interruptions, clock jumps both ways, a reload from JSON, the status
 * line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "duration.h"
#include "starter.h"
#include "testutil.h"
#include "timer.h"

/* The local instant of 2026-12-DD HH:MM in the test zone. */
static instant_t at(int day, int hh, int mm)
{
	return tu_local(date_from_ymd(2026, 12, day), hh * 60 + mm);
}

/* A timer with chosen numbers, for the arithmetic. */
static void bare_timer(struct timer_state *t, instant_t started, int64_t planned)
{
	timer_state_init(t);
	snprintf(t->block, sizeof t->block, "2026W49-2");
	t->week = TU_WEEK;
	t->started = t->changed = started;
	t->planned = planned;
}

static void status_of(const struct timer_state *t, instant_t now, const char *fmt,
		      enum text_mode mode, char *out, size_t size)
{
	struct buf b = BUF_INIT;
	struct error err;

	assert_int_equal(timer_status_line(&b, t, now, fmt, mode, &err), 0);
	snprintf(out, size, "%s", buf_str(&b));
	buf_free(&b);
}

/* ---------------------------------------------------------------- start */

static void test_planned_policy(void **state)
{
	struct tu_week *f = *state;
	const struct block *b = week_block_by_id(f->w, "2026W49-2"); /* Tue 08:30-11:00 */

	assert_non_null(b);
	/* Started while it is scheduled: the countdown ends at 11:00. */
	assert_int_equal(timer_planned_for(b, at(1, 9, 15)), 105 * 60);
	assert_int_equal(timer_planned_for(b, at(1, 8, 30)), 150 * 60);
	assert_int_equal(timer_planned_for(b, at(1, 10, 59) + 30), 30);
	/* Early, late, or another day: the block's full length. */
	assert_int_equal(timer_planned_for(b, at(1, 8, 29)), 150 * 60);
	assert_int_equal(timer_planned_for(b, at(1, 11, 0)), 150 * 60);
	assert_int_equal(timer_planned_for(b, at(2, 9, 15)), 150 * 60);
}

/* Across a DST change the countdown still ends at the planned wall time. */
static void test_planned_policy_dst(void **state)
{
	struct block b;
	instant_t start;

	(void)state;
	block_init(&b);
	b.kind = KIND_ADMIN;
	b.start = 90;  /* 01:30 */
	b.end = 210;   /* 03:30 */
	/* Autumn: 02:00-03:00 happens twice, the block lasts three real hours. */
	b.date = date_from_ymd(2026, 10, 25);
	clock_from_local(b.date, 105, &start); /* 01:45 CEST */
	assert_int_equal(timer_planned_for(&b, start), 2 * 3600 + 45 * 60);
	/* Spring: 02:00-03:00 never happens, the block lasts one real hour. */
	b.date = date_from_ymd(2026, 3, 29);
	clock_from_local(b.date, 105, &start); /* 01:45 CET */
	assert_int_equal(timer_planned_for(&b, start), 45 * 60);
	/* Ending inside the skipped hour: where the clock jumped to. */
	b.end = 150;   /* 02:30, which does not exist */
	assert_int_equal(timer_planned_for(&b, start), 15 * 60);
	block_clear(&b);
}

static void test_clock_off_the_calendar(void **state)
{
	struct tu_week *f = *state;
	struct timer_state t;
	struct error err;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-2"), f->p, 0, &err),
			 -1);
	assert_non_null(strstr(err.msg, "outside 1970..9999"));
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-2"), f->p,
				     253402300800LL, &err), -1);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-2"), f->p,
				     at(1, 9, 15), &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 1, 253402300800LL, &err), -1);
	assert_int_equal(timer_pause(&t, -1, &err), -1);
	assert_int_equal(t.changed, at(1, 9, 15));
	timer_state_clear(&t);
}

static void test_start_fills_state(void **state)
{
	struct tu_week *f = *state;
	struct timer_state t;
	struct error err;
	struct block done;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-2"), f->p,
				     at(1, 9, 15), &err), 0);
	assert_string_equal(t.block, "2026W49-2");
	assert_string_equal(t.industry, "Manufacturing");
	assert_int_equal(t.color, 2);
	assert_string_equal(t.title, "Call list: plants");
	assert_int_equal(t.week, TU_WEEK);
	assert_int_equal(t.planned_end, 11 * 60);
	assert_int_equal(t.started, at(1, 9, 15));
	assert_int_equal(t.changed, t.started);
	assert_int_equal(t.planned, 105 * 60);

	/* A done block is refused and the state is left as it was. */
	block_copy(&done, week_block_by_id(f->w, "2026W49-3"));
	done.status = STATUS_DONE;
	assert_int_equal(timer_start(&t, &done, f->p, at(1, 14, 0), &err), -1);
	assert_non_null(strstr(err.msg, "already done"));
	assert_string_equal(t.block, "2026W49-2");
	/* So is an imported meeting. */
	done.status = STATUS_PLANNED;
	done.kind = KIND_MEETING;
	block_set_uid(&done, "abc@example.com");
	assert_int_equal(timer_start(&t, &done, f->p, at(1, 14, 0), &err), -1);
	assert_non_null(strstr(err.msg, "from your calendar"));
	block_clear(&done);
	timer_state_clear(&t);
}

/* ---------------------------------------------------------------- arithmetic */

static void test_pause_resume(void **state)
{
	struct timer_state t;
	struct timer_view v;
	struct error err;
	const instant_t s = 1800000000;

	(void)state;
	bare_timer(&t, s, 3600);
	assert_int_equal(timer_resume(&t, s + 10, &err), -1);
	assert_non_null(strstr(err.msg, "not paused"));
	assert_int_equal(timer_pause(&t, s + 600, &err), 0);
	assert_int_equal(timer_pause(&t, s + 700, &err), -1);
	assert_non_null(strstr(err.msg, "already paused"));

	/* While paused, the countdown stands still. */
	timer_view(&t, s + 1200, &v);
	assert_true(v.is_paused);
	assert_int_equal(v.elapsed, 600);
	assert_int_equal(v.paused, 600);
	assert_int_equal(v.remaining, 3000);
	assert_int_equal(v.planned_end, s + 1200 + 3000);

	assert_int_equal(timer_resume(&t, s + 1800, &err), 0);
	assert_int_equal(t.paused_total, 1200);
	assert_int_equal(t.paused_at, 0);
	timer_view(&t, s + 2400, &v);
	assert_false(v.is_paused);
	assert_int_equal(v.elapsed, 1200);
	assert_int_equal(v.remaining, 2400);
	assert_int_equal(v.planned_end, s + 1200 + 3600);
	assert_true(v.progress > 0.333 && v.progress < 0.334);
	timer_state_clear(&t);
}

static void test_extend_and_overtime(void **state)
{
	struct timer_state t;
	struct timer_view v;
	struct error err;
	const instant_t s = 1800000000;

	(void)state;
	bare_timer(&t, s, 600);
	timer_view(&t, s + 790, &v);
	assert_int_equal(v.remaining, -190);
	assert_int_equal(v.overtime, 190);
	assert_true(v.progress == 1.0);
	assert_int_equal(v.planned_end, s + 600);

	assert_int_equal(timer_extend(&t, 5, s + 790, &err), 0);
	timer_view(&t, s + 790, &v);
	assert_int_equal(v.remaining, 110);
	assert_int_equal(v.overtime, 0);
	assert_int_equal(v.budget, 900);

	assert_int_equal(timer_extend(&t, 0, s + 800, &err), -1);
	assert_int_equal(timer_extend(&t, TIMER_EXTEND_MAX_MIN + 1, s + 800, &err), -1);
	assert_int_equal(timer_extend(&t, TIMER_EXTEND_MAX_MIN - 5, s + 800, &err), 0);
	assert_int_equal(timer_extend(&t, 1, s + 800, &err), -1);
	assert_non_null(strstr(err.msg, "already extended by 1440 minutes"));
	assert_int_equal(t.extended, TIMER_EXTEND_MAX_MIN * 60);
	timer_state_clear(&t);
}

static void test_counters_never_negative(void **state)
{
	struct timer_state t;
	struct error err;
	enum timer_counter c;

	(void)state;
	bare_timer(&t, 1800000000, 600);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 1, 1800000010, &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 6, 1800000020, &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, -2, 1800000030, &err), 0);
	assert_int_equal(t.counted.calls, 5);
	assert_int_equal(t.changed, 1800000030);

	assert_int_equal(timer_count(&t, TIMER_CALLS, -6, 1800000040, &err), -1);
	assert_string_equal(err.msg, "only 5 calls counted; cannot take back 6");
	assert_int_equal(t.counted.calls, 5);
	assert_int_equal(t.changed, 1800000030);
	assert_int_equal(timer_count(&t, TIMER_MEETINGS, -1, 1800000040, &err), -1);
	assert_int_equal(t.counted.meetings, 0);
	assert_int_equal(timer_count(&t, TIMER_CONVERSATIONS, MODEL_COUNT_MAX, 1800000040, &err),
			 0);
	assert_int_equal(timer_count(&t, TIMER_CONVERSATIONS, 1, 1800000040, &err), -1);
	assert_int_equal(t.counted.conversations, MODEL_COUNT_MAX);

	assert_int_equal(timer_counter_parse("conv", &c), 0);
	assert_int_equal(c, TIMER_CONVERSATIONS);
	assert_int_equal(timer_counter_parse("mtg", &c), 0);
	assert_int_equal(c, TIMER_MEETINGS);
	assert_int_equal(timer_counter_parse("emails", &c), -1);
	timer_state_clear(&t);
}

static void test_interruptions(void **state)
{
	struct timer_state t;
	struct error err;

	(void)state;
	bare_timer(&t, 1800000000, 600);
	assert_int_equal(timer_interrupt(&t, "boss called", 1800000100, &err), 0);
	assert_int_equal(timer_interrupt(&t, NULL, 1800000200, &err), 0);
	assert_int_equal(timer_interrupt(&t, "two\nlines", 1800000300, &err), -1);
	assert_int_equal(t.n_interruptions, 2);
	assert_int_equal(t.interruptions[0].at, 1800000100);
	assert_string_equal(t.interruptions[0].note, "boss called");
	assert_string_equal(t.interruptions[1].note, "");
	for (int i = 2; i < TIMER_INTERRUPTIONS_MAX; i++)
		assert_int_equal(timer_interrupt(&t, "", 1800000300, &err), 0);
	assert_int_equal(timer_interrupt(&t, "", 1800000300, &err), -1);
	assert_int_equal(t.n_interruptions, TIMER_INTERRUPTIONS_MAX);
	timer_state_clear(&t);
}

/* ---------------------------------------------------------------- clock jumps */

static void test_clock_moved_back(void **state)
{
	struct timer_state t;
	struct timer_view v;
	struct error err;
	char line[200];
	const instant_t s = 1800000000;

	(void)state;
	bare_timer(&t, s, 3600);
	t.title = (free(t.title), strdup("Calls"));
	assert_int_equal(timer_count(&t, TIMER_CALLS, 1, s + 500, &err), 0);

	/* Behind the last change: frozen there, flagged, never negative. */
	timer_view(&t, s + 200, &v);
	assert_true(v.clock_back);
	assert_int_equal(v.at, s + 500);
	assert_int_equal(v.elapsed, 500);
	timer_view(&t, s - 7200, &v);
	assert_true(v.clock_back);
	assert_int_equal(v.elapsed, 500);
	assert_int_equal(v.remaining, 3100);
	status_of(&t, s - 7200, NULL, TEXT_UTF8, line, sizeof line);
	assert_string_equal(line, "\xe2\x96\xb6 Calls \xc2\xb7 clock moved back \xc2\xb7 1 call");

	/* Changes made meanwhile are recorded at the last change. */
	assert_int_equal(timer_pause(&t, s + 300, &err), 0);
	assert_int_equal(t.paused_at, s + 500);
	assert_int_equal(timer_resume(&t, s + 400, &err), 0);
	assert_int_equal(t.paused_total, 0);
	assert_int_equal(timer_interrupt(&t, "x", s + 100, &err), 0);
	assert_int_equal(t.interruptions[0].at, s + 500);

	/* Once the clock passes it again, time counts on. */
	timer_view(&t, s + 560, &v);
	assert_false(v.clock_back);
	assert_int_equal(v.elapsed, 560);
	timer_state_clear(&t);
}

static void test_clock_jumped_forward(void **state)
{
	struct timer_state t;
	struct timer_view v;
	char line[200];
	const instant_t s = 1800000000;

	(void)state;
	/* A suspend or a jump forward counts as elapsed: three days later the
	 * hour-long block is 71 hours over, and so left running: the status
	 * asks when the work stopped (timer_forgotten). */
	bare_timer(&t, s, 3600);
	timer_view(&t, s + 3 * 86400, &v);
	assert_false(v.clock_back);
	assert_int_equal(v.elapsed, 3 * 86400);
	assert_int_equal(v.overtime, 3 * 86400 - 3600);
	status_of(&t, s + 3 * 86400, "%S|%e|%r|%p", TEXT_ASCII, line, sizeof line);
	assert_string_equal(line, "forgotten|72h00|0 min|100");
	/* An hour later than planned it is overtime, not forgotten. */
	status_of(&t, s + 3600 + 3540, "%S|%R", TEXT_ASCII, line, sizeof line);
	assert_string_equal(line, "overtime|+59 min over");
	timer_state_clear(&t);
}

/* ---------------------------------------------------------------- reload */

static void test_reload_from_json(void **state)
{
	struct tu_week *f = *state;
	struct timer_state t, back;
	struct timer_view v1, v2;
	struct error err;
	bool newer;
	size_t len;
	char *json;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, "2026W49-2"), f->p,
				     at(1, 9, 15), &err), 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 7, at(1, 9, 30), &err), 0);
	assert_int_equal(timer_pause(&t, at(1, 9, 40), &err), 0);
	assert_int_equal(timer_resume(&t, at(1, 9, 50), &err), 0);
	assert_int_equal(timer_interrupt(&t, "courier", at(1, 10, 0), &err), 0);
	assert_int_equal(timer_extend(&t, 15, at(1, 10, 5), &err), 0);
	assert_int_equal(timer_pause(&t, at(1, 10, 10), &err), 0);

	/* What a restart finds: the same state, the same time left. */
	json = codec_timer_write(&t, &len);
	assert_int_equal(codec_timer_read(json, len, "timer.json", &back, &newer, &err), 0);
	free(json);
	assert_string_equal(back.block, t.block);
	assert_string_equal(back.title, t.title);
	assert_int_equal(back.started, t.started);
	assert_int_equal(back.changed, at(1, 10, 10));
	assert_int_equal(back.paused_total, 600);
	assert_int_equal(back.paused_at, at(1, 10, 10));
	assert_int_equal(back.extended, 900);
	assert_int_equal(back.counted.calls, 7);
	assert_int_equal(back.n_interruptions, 1);
	timer_view(&t, at(1, 10, 30), &v1);
	timer_view(&back, at(1, 10, 30), &v2);
	assert_int_equal(v1.remaining, v2.remaining);
	assert_int_equal(v2.elapsed, 45 * 60);          /* 09:15-10:10 less 10 paused */
	assert_int_equal(v2.remaining, 120 * 60 - 45 * 60);
	assert_true(v2.is_paused);
	timer_state_clear(&back);
	timer_state_clear(&t);
}

static void test_json_order_checked(void **state)
{
	static const char base[] =
		"{\"schema\":1,\"block\":\"2026W49-2\",\"week\":\"2026-W49\",\"industry\":\"\","
		"\"color\":0,\"title\":\"t\",\"kind\":\"admin\",\"planned_end\":\"11:00\","
		"\"started\":1000,\"planned\":600,\"extended\":0,\"paused\":0%s}";
	struct timer_state t;
	struct error err;
	bool newer;
	char json[600];

	(void)state;
	/* A file from before "changed" existed takes its latest instant. */
	snprintf(json, sizeof json, base, ",\"paused_at\":1500,"
		 "\"interruptions\":[{\"at\":1700}]");
	assert_int_equal(codec_timer_read(json, strlen(json), "timer.json", &t, &newer, &err), 0);
	assert_int_equal(t.changed, 1700);
	timer_state_clear(&t);
	snprintf(json, sizeof json, base, ",\"paused_at\":1500,\"changed\":1400");
	assert_int_equal(codec_timer_read(json, strlen(json), "timer.json", &t, &newer, &err),
			 -1);
	assert_non_null(strstr(err.msg, "changed"));
	snprintf(json, sizeof json, base, ",\"paused_at\":900");
	assert_int_equal(codec_timer_read(json, strlen(json), "timer.json", &t, &newer, &err),
			 -1);
	assert_non_null(strstr(err.msg, "paused_at"));
}

/* ---------------------------------------------------------------- status */

static void test_status_line(void **state)
{
	struct timer_state t;
	struct error err;
	char line[300];
	const instant_t s = 1800000000;

	(void)state;
	bare_timer(&t, s, 3600);
	t.industry = (free(t.industry), strdup("Healthcare"));
	t.title = (free(t.title), strdup("Call list A"));
	t.counted.calls = 7;
	t.counted.meetings = 1;
	status_of(&t, s + 3600 - 754, NULL, TEXT_UTF8, line, sizeof line);
	assert_string_equal(line, "\xe2\x96\xb6 Healthcare \xc2\xb7 Call list A \xc2\xb7 "
			    "13 min left \xc2\xb7 7 calls \xc2\xb7 1 mtg");
	status_of(&t, s + 3600 + 190, NULL, TEXT_ASCII, line, sizeof line);
	assert_string_equal(line, "> Healthcare - Call list A - +3 min over - 7 calls - 1 mtg");
	assert_int_equal(timer_pause(&t, s + 60, &err), 0);
	status_of(&t, s + 3000, NULL, TEXT_UTF8, line, sizeof line);
	assert_string_equal(line, "\xe2\x8f\xb8 Healthcare \xc2\xb7 Call list A \xc2\xb7 "
			    "59 min left \xc2\xb7 7 calls \xc2\xb7 1 mtg");
	status_of(&t, s + 3000, "%S %s %p%% %c/%v/%m %n %b %k %C", TEXT_ASCII, line,
		  sizeof line);
	assert_string_equal(line, "paused || 1% 7/0/1 0 2026W49-2 prospecting 0");

	/* No industry, no title, no counts: only what there is. */
	t.industry[0] = '\0';
	t.title[0] = '\0';
	t.kind = KIND_ADMIN;
	memset(&t.counted, 0, sizeof t.counted);
	status_of(&t, s + 3000, NULL, TEXT_ASCII, line, sizeof line);
	assert_string_equal(line, "|| admin - 59 min left");

	assert_int_equal(timer_status_check("%t %q", &err), -1);
	assert_non_null(strstr(err.msg, "%q"));
	assert_int_equal(timer_status_check("50%", &err), -1);
	assert_int_equal(timer_status_check("%% %R", &err), 0);
	timer_state_clear(&t);
}

/*
 * A timer left running: twice its budget worked, or nothing recorded on it
 * since an earlier day, while it runs.  Paused, it is not counting anything.
 * Started Friday 16:00 on a two-hour block (Europe/Berlin).
 */
static void test_forgotten(void **state)
{
	struct timer_state t;
	struct error err;
	instant_t fri = tu_local(date_from_ymd(2026, 12, 4), 16 * 60), at;
	char line[300];

	(void)state;
	tu_tz("Europe/Berlin");
	bare_timer(&t, fri, 2 * 3600);
	t.title = (free(t.title), strdup("CRM cleanup"));
	assert_false(timer_forgotten(&t, fri + 4 * 3600));   /* twice its time: not yet */
	assert_true(timer_forgotten(&t, fri + 4 * 3600 + 1));
	assert_int_equal(timer_extend(&t, 60, fri + 3600, &err), 0);
	assert_false(timer_forgotten(&t, fri + 5 * 3600));   /* extended: 3 h budget */
	assert_true(timer_forgotten(&t, fri + 6 * 3600 + 1));
	/* Past midnight within its time (started 23:00, two hours): not
	 * forgotten; past its time with nothing recorded since Friday, it is. */
	timer_state_clear(&t);
	bare_timer(&t, tu_local(date_from_ymd(2026, 12, 4), 23 * 60), 2 * 3600);
	assert_false(timer_forgotten(&t, tu_local(date_from_ymd(2026, 12, 5), 30)));
	assert_true(timer_forgotten(&t, tu_local(date_from_ymd(2026, 12, 5), 61)));
	assert_int_equal(timer_count(&t, TIMER_CALLS, 1, tu_local(date_from_ymd(2026, 12, 5), 50),
				     &err), 0);
	assert_false(timer_forgotten(&t, tu_local(date_from_ymd(2026, 12, 5), 61)));
	/* Paused over the weekend: nothing to ask. */
	timer_state_clear(&t);
	bare_timer(&t, fri, 2 * 3600);
	assert_int_equal(timer_pause(&t, fri + 3600, &err), 0);
	assert_false(timer_forgotten(&t, fri + 3 * 86400));
	assert_int_equal(timer_resume(&t, fri + 3 * 86400, &err), 0);
	assert_false(timer_forgotten(&t, fri + 3 * 86400 + 60));
	/* Monday 08:00, still running since Friday 16:00. */
	timer_state_clear(&t);
	bare_timer(&t, fri, 2 * 3600);
	t.title = (free(t.title), strdup("CRM cleanup"));
	assert_int_equal(timer_check_forgotten(&t, fri + 64 * 3600, &err), -1);
	assert_string_equal(err.msg, "the timer on 2026W49-2 \"CRM cleanup\" has run untouched "
			    "since Fri 4 Dec 16:00 (64h00, planned 2h00): when did the work "
			    "really stop? Say the time, or now to count it all");
	status_of(&t, fri + 64 * 3600, NULL, TEXT_ASCII, line, sizeof line);
	assert_string_equal(line, "> CRM cleanup - running since Fri 4 Dec 16:00: stopped when? "
			    "(timer stop --at)");
	/* When it stopped: a time on Friday, a date and time, or now. */
	assert_int_equal(timer_parse_stop(&t, "17:45", fri + 64 * 3600, &at, &err), 0);
	assert_int_equal(at, fri + 105 * 60);
	assert_int_equal(timer_parse_stop(&t, "5:45pm", fri + 64 * 3600, &at, &err), 0);
	assert_int_equal(at, fri + 105 * 60);
	assert_int_equal(timer_parse_stop(&t, "2026-12-05 09:00", fri + 64 * 3600, &at, &err), 0);
	assert_int_equal(at, fri + 17 * 3600);
	assert_int_equal(timer_parse_stop(&t, "2026-12-05T09:00", fri + 64 * 3600, &at, &err), 0);
	assert_int_equal(timer_parse_stop(&t, "now", fri + 64 * 3600, &at, &err), 0);
	assert_int_equal(at, fri + 64 * 3600);
	assert_int_equal(timer_parse_stop(&t, "15:00", fri + 64 * 3600, &at, &err), -1);
	assert_non_null(strstr(err.msg, "between the timer's last change (Fri 4 Dec 16:00) and now"));
	assert_int_equal(timer_parse_stop(&t, "2026-12-09 09:00", fri + 64 * 3600, &at, &err), -1);
	assert_int_equal(timer_parse_stop(&t, "soon", fri + 64 * 3600, &at, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_non_null(strstr(err.msg, "\"soon\" is not when the work stopped"));
	timer_state_clear(&t);
}

/*
 * timer_status_next, the sleep of `timer status --watch`: over every second
 * of a run (a 30-minute block started Fri 23:10 with 20 s planned on top,
 * into overtime, forgotten at twice its time and past midnight), the line
 * of each format stays the same until the second it names, and the text
 * formats sleep for whole stretches, not a second at a time.
 */
#define NEXT_SPAN (3 * 3600)
static void next_never_misses(const struct timer_state *t, instant_t t0, const char *fmt,
			      int64_t *longest)
{
	static char lines[NEXT_SPAN + 1][160];

	for (int s = 0; s <= NEXT_SPAN; s++)
		status_of(t, t0 + s, fmt, TEXT_ASCII, lines[s], sizeof lines[s]);
	*longest = 0;
	for (int s = 0; s < NEXT_SPAN - SECONDS_PER_MINUTE; s++) {
		int64_t next = timer_status_next(t, t0 + s, fmt);

		bool never = next < 0;

		if (never)
			next = NEXT_SPAN - s; /* with time alone: to the end */
		assert_true(next >= 1);
		for (int k = 1; k < next && s + k <= NEXT_SPAN; k++)
			if (strcmp(lines[s + k], lines[s]) != 0)
				fail_msg("%s at +%d s: next %lld, but +%d reads \"%s\" not \"%s\"",
					 fmt ? fmt : "(default)", s, (long long)next, k,
					 lines[s + k], lines[s]);
		if (!never && next > *longest)
			*longest = next;
	}
}

static void test_status_next(void **state)
{
	/* Each format, and its longest sleep: a minute, or for %o the whole
	 * budget before the overtime starts. */
	const struct {
		const char *fmt;
		int64_t longest;
	} fmts[] = { { NULL, 60 }, { "%e", 60 }, { "%r", 60 }, { "%o", 30 * 60 + 20 + 60 },
		     { "%R", 60 }, { "%s %R %E", 60 } };
	instant_t t0 = tu_local(date_from_ymd(2026, 12, 4), 23 * 60 + 10);
	struct timer_state t;
	struct error err;
	int64_t longest;

	(void)state;
	tu_tz("Europe/Berlin");
	bare_timer(&t, t0, 30 * 60 + 20);
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		next_never_misses(&t, t0, fmts[i].fmt, &longest);
		if (longest != fmts[i].longest)
			fail_msg("%s: slept %lld s at most", fmts[i].fmt ? fmts[i].fmt : "(default)",
				 (long long)longest);
	}
	/* %S turns three times: overtime, midnight, forgotten; %t never. */
	next_never_misses(&t, t0, "%S", &longest);
	assert_int_equal(timer_status_next(&t, t0, "%S"), 30 * 60 + 21);
	next_never_misses(&t, t0, "%t %c", &longest);
	assert_int_equal(timer_status_next(&t, t0, "%t %c"), -1);
	/* Seconds the line turns at: 20 s after the start ("31 min left" to
	 * "30 min left"), the overtime's first minute, forgotten once twice the
	 * budget has passed (3640 s + 1), midnight (50 min after the start). */
	assert_int_equal(timer_status_next(&t, t0, "%r"), 20);
	assert_int_equal(timer_status_next(&t, t0 + 1820, "%R"), 1);
	assert_int_equal(timer_status_next(&t, t0 + 1821, "%o"), 59);
	assert_int_equal(timer_status_next(&t, t0 + 2990, "%S"), 10);
	assert_int_equal(timer_status_next(&t, t0 + 3630, "%S"), 11);
	/* The percent may turn any second; paused, only a change turns it. */
	assert_int_equal(timer_status_next(&t, t0, "%p"), 1);
	assert_int_equal(timer_status_next(&t, t0, "100%% %e"), 60);
	assert_int_equal(timer_pause(&t, t0 + 100, &err), 0);
	assert_int_equal(timer_status_next(&t, t0 + 200, NULL), -1);
	timer_state_clear(&t);
}

static void test_format_duration(void **state)
{
	char d[32];

	(void)state;
	timer_format_duration(0, d);
	assert_string_equal(d, "00:00");
	timer_format_duration(59, d);
	assert_string_equal(d, "00:59");
	timer_format_duration(3599, d);
	assert_string_equal(d, "59:59");
	timer_format_duration(3600, d);
	assert_string_equal(d, "1:00:00");
	timer_format_duration(-190, d);
	assert_string_equal(d, "03:10");
	timer_format_duration(INT64_MIN, d);
	assert_string_equal(d, "2562047788015215:30:08");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_WEEK_TEST(test_planned_policy),
		TU_WEEK_TEST(test_planned_policy_dst),
		TU_WEEK_TEST(test_clock_off_the_calendar),
		TU_WEEK_TEST(test_start_fills_state),
		cmocka_unit_test(test_pause_resume),
		cmocka_unit_test(test_extend_and_overtime),
		cmocka_unit_test(test_counters_never_negative),
		cmocka_unit_test(test_interruptions),
		cmocka_unit_test(test_clock_moved_back),
		cmocka_unit_test(test_clock_jumped_forward),
		TU_WEEK_TEST(test_reload_from_json),
		cmocka_unit_test(test_json_order_checked),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_format_duration),
		cmocka_unit_test(test_forgotten),
		cmocka_unit_test(test_status_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
