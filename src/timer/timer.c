/* timer.c - the focus timer's state machine and what it shows. */
#include "timer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "rules.h"
#include "xalloc.h"

static const char *const counter_names[TIMER_COUNTERS] = { "calls", "conversations",
							   "meetings" };

const char *timer_counter_name(enum timer_counter c)
{
	return c < TIMER_COUNTERS ? counter_names[c] : "?";
}

int timer_counter_parse(const char *s, enum timer_counter *out)
{
	static const struct {
		const char *name;
		enum timer_counter c;
	} names[] = {
		{ "calls", TIMER_CALLS },       { "call", TIMER_CALLS },
		{ "conversations", TIMER_CONVERSATIONS }, { "conversation", TIMER_CONVERSATIONS },
		{ "conv", TIMER_CONVERSATIONS }, { "meetings", TIMER_MEETINGS },
		{ "meeting", TIMER_MEETINGS },  { "mtg", TIMER_MEETINGS },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].c;
			return 0;
		}
	return -1;
}

/* The instant values are taken at: never before the last change. */
static instant_t timer_at(const struct timer_state *t, instant_t now)
{
	return now < t->changed ? t->changed : now;
}

/* The instants a data file can hold: 1970 to the end of 9999. */
#define TIMER_INSTANT_MAX 253402300799LL

int timer_clock_ok(instant_t now, struct error *err)
{
	if (now < 1 || now > TIMER_INSTANT_MAX)
		return error_set(err, ERR_REFUSED, "the clock reads %lld, outside 1970..9999; "
				 "set it right, then try again", (long long)now);
	return 0;
}

/* "HH:MM" local of an instant, for messages. */
static void timer_hhmm(instant_t t, char out[DATE_TIME_SHOW_MAX])
{
	int minute;

	clock_to_local(t, NULL, &minute, NULL);
	date_time_show(minute, out);
}

void timer_view(const struct timer_state *t, instant_t now, struct timer_view *v)
{
	instant_t at = timer_at(t, now);

	memset(v, 0, sizeof *v);
	v->at = at;
	v->clock_back = now < t->changed;
	v->is_paused = t->paused_at != 0;
	v->paused = t->paused_total + (v->is_paused && at > t->paused_at ? at - t->paused_at : 0);
	v->budget = t->planned + t->extended;
	v->elapsed = at - t->started - v->paused;
	if (v->elapsed < 0)
		v->elapsed = 0; /* only a hand-made file gets here */
	v->remaining = v->budget - v->elapsed;
	v->overtime = v->remaining < 0 ? -v->remaining : 0;
	v->progress = v->budget > 0 && v->elapsed < v->budget
			      ? (double)v->elapsed / (double)v->budget
			      : 1.0;
	v->planned_end = at + v->remaining;
}

void timer_format_duration(int64_t secs, char out[32])
{
	uint64_t s = secs < 0 ? (uint64_t)0 - (uint64_t)secs : (uint64_t)secs;

	if (s >= 3600)
		snprintf(out, 32, "%llu:%02u:%02u", (unsigned long long)(s / 3600),
			 (unsigned)(s / 60 % 60), (unsigned)(s % 60));
	else
		snprintf(out, 32, "%02u:%02u", (unsigned)(s / 60), (unsigned)(s % 60));
}

/* ---------------------------------------------------------------- changes */

int64_t timer_planned_for(const struct block *b, instant_t now)
{
	date_t today;
	int minute;

	clock_to_local(now, &today, &minute, NULL);
	if (b->date == today && b->start <= minute && minute < b->end) {
		instant_t end;

		clock_from_local(b->date, b->end, &end);
		if (end > now)
			return end - now;
	}
	return (int64_t)block_minutes(b) * 60;
}

int timer_start(struct timer_state *t, const struct block *b, const struct plan *p,
		instant_t now, struct error *err)
{
	if (timer_clock_ok(now, err) != 0)
		return -1;
	if (b->status == STATUS_DONE)
		return error_set(err, ERR_REFUSED, "%s \"%s\" is already done; pick another block",
				 b->id, b->title);
	if (rules_check_own(b, err) != 0)
		return -1;
	timer_state_clear(t);
	timer_state_init(t);
	snprintf(t->block, sizeof t->block, "%s", b->id);
	timer_state_follow(t, b, p);
	t->started = t->changed = now;
	t->planned = timer_planned_for(b, now);
	return 0;
}

int timer_pause(struct timer_state *t, instant_t now, struct error *err)
{
	char hhmm[DATE_TIME_SHOW_MAX];

	if (timer_clock_ok(now, err) != 0)
		return -1;
	if (t->paused_at != 0) {
		timer_hhmm(t->paused_at, hhmm);
		return error_set(err, ERR_REFUSED, "the timer is already paused (since %s); "
				 "resume it to go on", hhmm);
	}
	t->paused_at = t->changed = timer_at(t, now);
	return 0;
}

int timer_resume(struct timer_state *t, instant_t now, struct error *err)
{
	instant_t at = timer_at(t, now);

	if (timer_clock_ok(now, err) != 0)
		return -1;
	if (t->paused_at == 0)
		return error_set(err, ERR_REFUSED, "the timer is not paused; it is running");
	t->paused_total += at - t->paused_at;
	t->paused_at = 0;
	t->changed = at;
	return 0;
}

int timer_extend(struct timer_state *t, int64_t minutes, instant_t now, struct error *err)
{
	const int64_t max = TIMER_EXTEND_MAX_MIN * 60LL;

	if (timer_clock_ok(now, err) != 0)
		return -1;
	if (minutes < 1 || minutes > TIMER_EXTEND_MAX_MIN)
		return error_set(err, ERR_USAGE, "extend by 1 to %d minutes", TIMER_EXTEND_MAX_MIN);
	if (t->extended + minutes * 60 > max)
		return error_set(err, ERR_REFUSED,
				 "already extended by %lld minutes; a block takes at most %d "
				 "minutes of extensions in all",
				 (long long)(t->extended / 60), TIMER_EXTEND_MAX_MIN);
	t->extended += minutes * 60;
	t->changed = timer_at(t, now);
	return 0;
}

static int64_t *timer_counter_slot(struct timer_state *t, enum timer_counter c)
{
	switch (c) {
	case TIMER_CALLS:
		return &t->counted.calls;
	case TIMER_CONVERSATIONS:
		return &t->counted.conversations;
	case TIMER_MEETINGS:
	default:
		return &t->counted.meetings;
	}
}

int timer_count(struct timer_state *t, enum timer_counter c, int64_t delta, instant_t now,
		struct error *err)
{
	int64_t *slot = timer_counter_slot(t, c);

	if (timer_clock_ok(now, err) != 0)
		return -1;
	if (delta < -MODEL_COUNT_MAX || delta > MODEL_COUNT_MAX)
		return error_set(err, ERR_USAGE, "count by -%d..%d", MODEL_COUNT_MAX,
				 MODEL_COUNT_MAX);
	if (*slot + delta < 0)
		return error_set(err, ERR_REFUSED, "only %lld %s counted; cannot take back %lld",
				 (long long)*slot, timer_counter_name(c), (long long)-delta);
	if (*slot + delta > MODEL_COUNT_MAX)
		return error_set(err, ERR_REFUSED, "%s would exceed %d", timer_counter_name(c),
				 MODEL_COUNT_MAX);
	*slot += delta;
	t->changed = timer_at(t, now);
	return 0;
}

int timer_interrupt(struct timer_state *t, const char *note, instant_t now, struct error *err)
{
	const char *problem;
	struct interruption *in;

	if (timer_clock_ok(now, err) != 0)
		return -1;
	if (note == NULL)
		note = "";
	if ((problem = text_check(note, MODEL_NOTE_MAX)) != NULL)
		return error_set(err, ERR_USAGE, "the note %s", problem);
	if (t->n_interruptions >= TIMER_INTERRUPTIONS_MAX)
		return error_set(err, ERR_REFUSED, "%d interruptions are logged already; that is "
				 "the most one block keeps", TIMER_INTERRUPTIONS_MAX);
	t->interruptions = xrealloc(t->interruptions,
				    (t->n_interruptions + 1) * sizeof *t->interruptions);
	in = &t->interruptions[t->n_interruptions++];
	in->at = t->changed = timer_at(t, now);
	in->note = xstrdup(note);
	return 0;
}

/* ---------------------------------------------------------------- picking */

static bool timer_pickable(const struct block *b)
{
	return b->status == STATUS_PLANNED && b->kind != KIND_MEETING;
}

const struct block *timer_block_now(const struct week *w, instant_t now,
				    const struct block **next)
{
	const struct block *found = NULL;
	date_t today;
	int minute;

	clock_to_local(now, &today, &minute, NULL);
	if (next != NULL)
		*next = NULL;
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);

		if (!timer_pickable(b))
			continue;
		if (b->date == today && b->start <= minute && minute < b->end)
			found = b;
		else if (next != NULL && *next == NULL &&
			 (b->date > today || (b->date == today && b->start > minute)))
			*next = b;
	}
	return found;
}

/* ---------------------------------------------------------------- forgotten */


bool timer_forgotten(const struct timer_state *t, instant_t now)
{
	struct timer_view v;
	date_t last, today;

	timer_view(t, now, &v);
	if (v.is_paused || v.clock_back)
		return false;
	clock_to_local(t->changed, &last, NULL, NULL);
	clock_to_local(now, &today, NULL, NULL);
	return v.elapsed > TIMER_FORGOTTEN_BUDGETS * v.budget || (v.remaining < 0 && last < today);
}

int timer_check_forgotten(const struct timer_state *t, instant_t now, struct error *err)
{
	struct timer_view v;
	char when[16], hhmm[DATE_TIME_SHOW_MAX], worked[DURATION_TEXT], budget[DURATION_TEXT];
	date_t day;
	int minute;

	if (!timer_forgotten(t, now))
		return 0;
	timer_view(t, now, &v);
	clock_to_local(t->changed, &day, &minute, NULL);
	date_format_short(day, when);
	date_time_show(minute, hhmm);
	duration_format_secs(v.elapsed, worked);
	duration_format_secs(v.budget, budget);
	return error_set(err, ERR_REFUSED,
			 "the timer on %s \"%s\" has run untouched since %s %s (%s, planned %s): "
			 "when did the work really stop? Say the time, or now to count it all",
			 t->block, t->title, when, hhmm, worked, budget);
}

/* "HH:MM" on the day of the last change, as an instant. */
static void timer_stop_time(const struct timer_state *t, int minute, instant_t *at)
{
	date_t day;

	clock_to_local(t->changed, &day, NULL, NULL);
	clock_from_local(day, minute, at);
}

/* "YYYY-MM-DD HH:MM" (or with a T between): 0, or -1. */
static int timer_read_datetime(const char *s, instant_t *at)
{
	const char *sep = strpbrk(s, " T");
	char day_text[16];
	date_t day;
	int minute;

	if (sep == NULL || sep - s >= (long)sizeof day_text)
		return -1;
	snprintf(day_text, sizeof day_text, "%.*s", (int)(sep - s), s);
	if (date_parse(day_text, &day) != 0 || date_time_read(sep + 1, &minute) != 0)
		return -1;
	clock_from_local(day, minute, at);
	return 0;
}

/* Between the last change and now. */
static int timer_check_stop(const struct timer_state *t, instant_t at, instant_t now,
			    struct error *err)
{
	char when[16], hhmm[DATE_TIME_SHOW_MAX];
	date_t day;
	int minute;

	if (at >= t->changed && at <= now)
		return 0;
	clock_to_local(t->changed, &day, &minute, NULL);
	date_format_short(day, when);
	date_time_show(minute, hhmm);
	return error_set(err, ERR_USAGE, "the work stopped between the timer's last change (%s %s) "
			 "and now; say a time in between", when, hhmm);
}

int timer_parse_stop(const struct timer_state *t, const char *s, instant_t now, instant_t *at,
		     struct error *err)
{
	int minute;

	if (strcmp(s, "now") == 0)
		*at = now;
	else if (date_time_read(s, &minute) == 0)
		timer_stop_time(t, minute, at);
	else if (timer_read_datetime(s, at) != 0)
		return error_set(err, ERR_USAGE, "\"%s\" is not when the work stopped: a time (17:30), "
				 "a date and time (2026-12-04 17:30) or now", s);
	return timer_check_stop(t, *at, now, err);
}
