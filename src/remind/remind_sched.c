/* remind_sched.c - which reminders the weeks and the timer hold, which are
 * due now, and when the next one is.  Pure: every instant is given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remind_int.h"
#include "xalloc.h"

/* The instant of a local date and minute (1440: the next midnight). */
static instant_t sched_local(date_t day, int minute)
{
	instant_t t;

	if (minute == DATE_MINUTES_PER_DAY) {
		day++;
		minute = 0;
	}
	clock_from_local(day, minute, &t);
	return t;
}

static void sched_add(struct remind_sched *s, enum remind_event ev, instant_t due,
		      instant_t start, instant_t end, const struct block *b, const char *id)
{
	struct reminder *r;

	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	r = &s->v[s->n++];
	memset(r, 0, sizeof *r);
	r->event = ev;
	r->due = due;
	r->start = start;
	r->end = end;
	r->block = b;
	snprintf(r->id, sizeof r->id, "%s", id);
}

static int sched_cmp(const void *a, const void *b)
{
	const struct reminder *x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->event != y->event)
		return (int)x->event - (int)y->event;
	return strcmp(x->id, y->id);
}

static const struct block *sched_find(struct week *const *weeks, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_by_id(weeks[i], id);

		if (b != NULL)
			return b;
	}
	return NULL;
}

/* A block's start and end; the timer's block gets the timer's end. */
static void sched_block(struct remind_sched *s, const struct remind_settings *rs,
			const struct block *b)
{
	bool timed = s->timer != NULL && strcmp(s->timer->block, b->id) == 0;
	instant_t start = sched_local(b->date, b->start), end = sched_local(b->date, b->end);

	if (b->status != STATUS_PLANNED || timed)
		return;
	if (rs->events & REMIND_ON_START)
		sched_add(s, REMIND_EV_START, start - (instant_t)rs->before * 60, start, end, b,
			  b->id);
	if (rs->events & REMIND_ON_END)
		sched_add(s, REMIND_EV_END, end, start, end, b, b->id);
}

/* The running timer's planned end; none while paused or the clock reads
 * before its last change. */
static void sched_timer(struct remind_sched *s, struct week *const *weeks, size_t n,
			instant_t now)
{
	const struct timer_state *t = s->timer;
	const struct block *b = sched_find(weeks, n, t->block);
	struct timer_view v;

	timer_view(t, now, &v);
	if (v.is_paused || v.clock_back)
		return;
	if (b != NULL)
		sched_add(s, REMIND_EV_TIMER, v.planned_end, sched_local(b->date, b->start),
			  v.planned_end, b, t->block);
	else
		sched_add(s, REMIND_EV_TIMER, v.planned_end, t->started, v.planned_end, NULL,
			  t->block);
}

void remind_sched_build(struct remind_sched *s, const struct plan *p, struct week *const *weeks,
			size_t n_weeks, const struct timer_state *t, instant_t now)
{
	const struct remind_settings *rs = &plan_settings(p)->remind;

	memset(s, 0, sizeof *s);
	s->timer = t;
	for (size_t i = 0; i < n_weeks; i++)
		for (size_t k = 0; k < week_block_count(weeks[i]); k++)
			sched_block(s, rs, week_block_at(weeks[i], k));
	if (t != NULL && (rs->events & REMIND_ON_TIMER))
		sched_timer(s, weeks, n_weeks, now);
	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, sched_cmp);
}

void remind_sched_free(struct remind_sched *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* Is a reminder that came due since the last look still worth giving? */
static bool sched_worth(const struct reminder *r, instant_t now)
{
	switch (r->event) {
	case REMIND_EV_START:
		return now < r->end;  /* the block has not ended */
	case REMIND_EV_END:
		return now - r->due <= REMIND_GRACE_SECONDS;
	default:
		return true;          /* the timer still runs */
	}
}

size_t remind_pick(const struct remind_sched *s, const struct remind_state *st, instant_t now,
		   const struct reminder **out, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n && k < max; i++) {
		const struct reminder *r = &s->v[i];

		if (r->due > now)
			break;
		if (remind_state_given(st, r))
			continue;
		if (r->due > st->since ? sched_worth(r, now)
				       : r->event == REMIND_EV_START && r->start > now)
			out[k++] = r;
	}
	return k;
}

instant_t remind_next(const struct remind_sched *s, const struct remind_state *st, instant_t now)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].due > now && !remind_state_given(st, &s->v[i]))
			return s->v[i].due;
	return REMIND_NEVER;
}
