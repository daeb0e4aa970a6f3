/* test_remind.c - focusweek remind without a clock: which reminders a week
 * and the timer hold, which are given at a moment (on time, after a sleep,
 * a block planned late), the next due moment, what is noted across
 * restarts, and a reminder in words and FOCUSWEEK_* variables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind_int.h"
#include "settings.h"
#include "testutil.h"
#include "timer.h"

#define MIN 60
#define PLANTS "2026W49-2"  /* Tue 1 Dec 08:30-11:00, prospecting, Manufacturing */
#define CLINICS "2026W49-1" /* Mon 30 Nov 08:30-11:00 */
#define REVIEW "2026W49-3"  /* Tue 1 Dec 14:00-16:00, account Northwind Clinics */

static instant_t at(int day, int hh, int mm)
{
	return tu_local(date_from_ymd(2026, day == 30 ? 11 : 12, day), hh * MIN + mm);
}

static void set(struct plan *p, const char *key, const char *value)
{
	struct error err = { 0 };

	if (settings_set(p, key, value, &err) != 0)
		fail_msg("%s", err.msg);
}

static const struct reminder *find(const struct remind_sched *s, enum remind_event ev,
				   const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].event == ev && strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

static void build(struct remind_sched *s, struct tu_week *f, const struct timer_state *t,
		  instant_t now)
{
	struct week *weeks[1] = { f->w };

	remind_sched_build(s, f->p, weeks, 1, t, now);
}

/* Picks at now with everything up to since looked at. */
static size_t pick(const struct remind_sched *s, struct remind_state *st, instant_t since,
		   instant_t now, const struct reminder **out)
{
	st->since = since;
	return remind_pick(s, st, now, out, 16);
}

/* ---------------------------------------------------------------- schedule */

static void test_sched_blocks(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	const struct reminder *r;

	build(&s, f, NULL, at(1, 8, 0));
	r = find(&s, REMIND_EV_START, PLANTS);
	assert_non_null(r);
	assert_int_equal(r->due, at(1, 8, 28)); /* remind.before: 2 minutes */
	assert_int_equal(r->start, at(1, 8, 30));
	assert_int_equal(r->end, at(1, 11, 0));
	r = find(&s, REMIND_EV_END, PLANTS);
	assert_non_null(r);
	assert_int_equal(r->due, at(1, 11, 0));
	assert_int_equal(s.n, 2 * week_block_count(f->w));
	for (size_t i = 1; i < s.n; i++)
		assert_true(s.v[i - 1].due <= s.v[i].due);
	remind_sched_free(&s);
}

static void test_sched_settings(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct block b;
	struct error err = { 0 };

	set(f->p, "remind.before", "15");
	set(f->p, "remind.events", "start");
	block_copy(&b, week_block_by_id(f->w, REVIEW));
	b.status = STATUS_DONE;
	assert_int_equal(week_block_update(f->w, f->p, &b, &err), 0);
	block_clear(&b);
	build(&s, f, NULL, at(1, 8, 0));
	assert_int_equal(find(&s, REMIND_EV_START, PLANTS)->due, at(1, 8, 15));
	assert_null(find(&s, REMIND_EV_END, PLANTS));
	assert_null(find(&s, REMIND_EV_START, REVIEW)); /* done: nothing to remind of */
	remind_sched_free(&s);
	set(f->p, "remind.events", "none");
	build(&s, f, NULL, at(1, 8, 0));
	assert_int_equal(s.n, 0);
	remind_sched_free(&s);
}

/* The timer's block gets the timer's planned end instead of its own; a
 * paused timer has no end to remind of. */
static void test_sched_timer(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct timer_state t;
	struct error err = { 0 };
	const struct reminder *r;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, PLANTS), f->p, at(1, 8, 30), &err),
			 0);
	build(&s, f, &t, at(1, 9, 0));
	assert_null(find(&s, REMIND_EV_END, PLANTS));
	assert_null(find(&s, REMIND_EV_START, PLANTS));
	r = find(&s, REMIND_EV_TIMER, PLANTS);
	assert_non_null(r);
	assert_int_equal(r->due, at(1, 11, 0));
	assert_ptr_equal(r->block, week_block_by_id(f->w, PLANTS));
	remind_sched_free(&s);
	assert_int_equal(timer_extend(&t, 10, at(1, 9, 0), &err), 0);
	build(&s, f, &t, at(1, 9, 0));
	assert_int_equal(find(&s, REMIND_EV_TIMER, PLANTS)->due, at(1, 11, 10));
	remind_sched_free(&s);
	assert_int_equal(timer_pause(&t, at(1, 9, 5), &err), 0);
	build(&s, f, &t, at(1, 9, 10));
	assert_null(find(&s, REMIND_EV_TIMER, PLANTS));
	remind_sched_free(&s);
	timer_state_clear(&t);
}

/* ---------------------------------------------------------------- picking */

static void test_pick_on_time(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct remind_state st;
	const struct reminder *out[16];

	remind_state_init(&st, 0);
	build(&s, f, NULL, at(1, 8, 28));
	assert_int_equal(pick(&s, &st, at(1, 8, 27), at(1, 8, 27) + 59, out), 0);
	assert_int_equal(pick(&s, &st, at(1, 8, 27) + 59, at(1, 8, 28), out), 1);
	assert_int_equal(out[0]->event, REMIND_EV_START);
	assert_string_equal(out[0]->id, PLANTS);
	remind_state_add(&st, out[0]);
	/* Never twice, even when the clock is set back over it. */
	assert_int_equal(pick(&s, &st, at(1, 8, 0), at(1, 8, 28), out), 0);
	assert_int_equal(remind_next(&s, &st, at(1, 8, 28)), at(1, 11, 0));
	assert_int_equal(remind_next(&s, &st, at(1, 8, 20)), at(1, 11, 0)); /* given: skipped */
	remind_state_free(&st);
	remind_sched_free(&s);
}

/* The computer slept through due moments: a start is given on waking if
 * its block has not ended, an end only within the grace. */
static void test_pick_after_sleep(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct remind_state st;
	const struct reminder *out[16];

	remind_state_init(&st, 0);
	build(&s, f, NULL, at(1, 9, 0));
	/* Asleep from 08:00 to 09:00: plants (08:30-11:00) still runs. */
	assert_int_equal(pick(&s, &st, at(1, 8, 0), at(1, 9, 0), out), 1);
	assert_string_equal(out[0]->id, PLANTS);
	/* Asleep from 08:00 to 12:00: its start and end are both dropped. */
	assert_int_equal(pick(&s, &st, at(1, 8, 0), at(1, 12, 0), out), 0);
	/* Woken 30 s after its end: the end is given. */
	assert_int_equal(pick(&s, &st, at(1, 10, 0), at(1, 11, 0) + 30, out), 1);
	assert_int_equal(out[0]->event, REMIND_EV_END);
	assert_int_equal(pick(&s, &st, at(1, 10, 0), at(1, 11, 0) + REMIND_GRACE_SECONDS + 1, out),
			 0);
	remind_state_free(&st);
	remind_sched_free(&s);
}

/* A block planned (or moved) into the lead time after its moment: given
 * at once while it has not started, never after. */
static void test_pick_planned_late(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct remind_state st;
	const struct reminder *out[16];

	remind_state_init(&st, 0);
	build(&s, f, NULL, at(1, 8, 29));
	assert_int_equal(pick(&s, &st, at(1, 8, 29), at(1, 8, 29), out), 1);
	assert_int_equal(out[0]->event, REMIND_EV_START);
	assert_int_equal(pick(&s, &st, at(1, 8, 31), at(1, 8, 31), out), 0);
	remind_state_free(&st);
	remind_sched_free(&s);
}

/* ---------------------------------------------------------------- state */

static void test_state_notes(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct remind_state st, back;
	struct buf b = BUF_INIT;
	instant_t now = at(1, 8, 28);

	build(&s, f, NULL, now);
	remind_state_init(&st, now);
	remind_state_add(&st, find(&s, REMIND_EV_START, PLANTS));
	remind_state_add(&st, find(&s, REMIND_EV_END, CLINICS));
	remind_state_format(&st, &b);
	remind_state_parse(&back, buf_str(&b), now);
	assert_int_equal(back.since, now);
	assert_int_equal(back.n, 2);
	assert_true(remind_state_given(&back, find(&s, REMIND_EV_START, PLANTS)));
	assert_true(remind_state_given(&back, find(&s, REMIND_EV_END, CLINICS)));
	assert_false(remind_state_given(&back, find(&s, REMIND_EV_END, PLANTS)));
	remind_state_free(&back);
	/* Read back later, what is old is forgotten; a clock set back looks on
	 * from now. */
	remind_state_parse(&back, buf_str(&b), now + REMIND_KEEP_SECONDS + 3 * 3600);
	assert_int_equal(back.n, 0);
	remind_state_free(&back);
	remind_state_parse(&back, buf_str(&b), now - 3600);
	assert_int_equal(back.since, now - 3600);
	remind_state_free(&back);
	/* Damaged notes: what reads is kept, the rest skipped; none at all
	 * looks back a minute. */
	buf_reset(&b);
	buf_addf(&b, "since x\ngiven start\ngiven nope " PLANTS " %lld\n"
		 "given end " CLINICS " %lld extra\n\xff\xfe\ngiven start " PLANTS " %lld\n",
		 (long long)now, (long long)now, (long long)now);
	remind_state_parse(&back, buf_str(&b), now);
	assert_int_equal(back.n, 1);
	assert_int_equal(back.since, now - REMIND_FIRST_LOOKBACK);
	remind_state_free(&back);
	remind_state_free(&st);
	remind_sched_free(&s);
	buf_free(&b);
}

/* ---------------------------------------------------------------- words */

static bool env_has(char **env, const char *entry)
{
	for (; *env != NULL; env++)
		if (strcmp(*env, entry) == 0)
			return true;
	return false;
}

static void env_free(char **env)
{
	for (char **e = env; *e != NULL; e++)
		free(*e);
	free(env);
}

static void test_text(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct remind_text x;
	char **env;

	build(&s, f, NULL, at(1, 8, 28));
	remind_text_make(&x, f->p, &s, find(&s, REMIND_EV_START, PLANTS), at(1, 8, 28), TEXT_UTF8);
	assert_string_equal(buf_str(&x.summary), "Call list: plants in 2 min");
	assert_string_equal(buf_str(&x.body), "08:30–11:00 · prospecting · Manufacturing");
	assert_string_equal(buf_str(&x.message), "focusweek: Call list: plants in 2 min "
			    "(08:30–11:00 · prospecting · Manufacturing)");
	env = remind_text_env(&x, "/data");
	assert_true(env_has(env, "FOCUSWEEK_EVENT=start"));
	assert_true(env_has(env, "FOCUSWEEK_ID=" PLANTS));
	assert_true(env_has(env, "FOCUSWEEK_TITLE=Call list: plants"));
	assert_true(env_has(env, "FOCUSWEEK_INDUSTRY=Manufacturing"));
	assert_true(env_has(env, "FOCUSWEEK_KIND=prospecting"));
	assert_true(env_has(env, "FOCUSWEEK_DATE=2026-12-01"));
	assert_true(env_has(env, "FOCUSWEEK_START=08:30"));
	assert_true(env_has(env, "FOCUSWEEK_END=11:00"));
	assert_true(env_has(env, "FOCUSWEEK_MINUTES=2"));
	assert_true(env_has(env, "FOCUSWEEK_QUOTA=yes"));
	assert_true(env_has(env, "FOCUSWEEK_DATA=/data"));
	env_free(env);
	remind_text_free(&x);
	/* Late, in ASCII; an account block names its account. */
	remind_text_make(&x, f->p, &s, find(&s, REMIND_EV_START, PLANTS), at(1, 9, 40), TEXT_ASCII);
	assert_string_equal(buf_str(&x.summary), "Call list: plants started 1h10 ago");
	assert_string_equal(buf_str(&x.body), "08:30-11:00 - prospecting - Manufacturing");
	remind_text_free(&x);
	/* Under time.format 12h the words say so; the variables stay HH:MM. */
	date_style_clock12(true);
	remind_text_make(&x, f->p, &s, find(&s, REMIND_EV_START, PLANTS), at(1, 8, 28), TEXT_UTF8);
	date_style_clock12(false);
	assert_string_equal(buf_str(&x.body), "8:30am–11:00am · prospecting · Manufacturing");
	assert_string_equal(x.start, "08:30");
	remind_text_free(&x);
	remind_text_make(&x, f->p, &s, find(&s, REMIND_EV_END, REVIEW), at(1, 16, 0), TEXT_UTF8);
	assert_string_equal(buf_str(&x.summary), "Quarterly review ended");
	assert_string_equal(buf_str(&x.body), "14:00–16:00 · account · Northwind Clinics · done? "
			    "focusweek done " REVIEW);
	env = remind_text_env(&x, "/data");
	assert_true(env_has(env, "FOCUSWEEK_ACCOUNT=Northwind Clinics"));
	assert_true(env_has(env, "FOCUSWEEK_EVENT=end"));
	env_free(env);
	remind_text_free(&x);
	remind_sched_free(&s);
}

static void test_text_timer(void **state)
{
	struct tu_week *f = *state;
	struct remind_sched s;
	struct remind_text x;
	struct timer_state t;
	struct error err = { 0 };
	char **env;

	timer_state_init(&t);
	assert_int_equal(timer_start(&t, week_block_by_id(f->w, PLANTS), f->p, at(1, 8, 30), &err),
			 0);
	assert_int_equal(timer_count(&t, TIMER_CALLS, 7, at(1, 9, 0), &err), 0);
	build(&s, f, &t, at(1, 11, 0));
	remind_text_make(&x, f->p, &s, find(&s, REMIND_EV_TIMER, PLANTS), at(1, 11, 0), TEXT_UTF8);
	assert_string_equal(buf_str(&x.summary), "Time is up: Call list: plants");
	assert_string_equal(buf_str(&x.body), "planned end 11:00 · 7 calls · focusweek timer stop");
	env = remind_text_env(&x, "/data");
	assert_true(env_has(env, "FOCUSWEEK_EVENT=timer"));
	assert_true(env_has(env, "FOCUSWEEK_CALLS=7"));
	env_free(env);
	remind_text_free(&x);
	remind_sched_free(&s);
	timer_state_clear(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_WEEK_TEST(test_sched_blocks),   TU_WEEK_TEST(test_sched_settings),
		TU_WEEK_TEST(test_sched_timer),    TU_WEEK_TEST(test_pick_on_time),
		TU_WEEK_TEST(test_pick_after_sleep), TU_WEEK_TEST(test_pick_planned_late),
		TU_WEEK_TEST(test_state_notes),    TU_WEEK_TEST(test_text),
		TU_WEEK_TEST(test_text_timer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
