/* planning_rotation.c - which industry owns each work day or half-day. */
#include <stdlib.h>
#include <string.h>

#include "planning_int.h"
#include "xalloc.h"

/* Meetings booked and done prospecting minutes of each industry, over the
 * past weeks given. */
static void rotation_yield(const struct planning *pl, struct planning_yield *y)
{
	for (size_t k = 0; k < pl->n_past; k++) {
		const struct week *w = pl->past[k];

		for (size_t i = 0; i < week_block_count(w); i++) {
			const struct block *b = week_block_at(w, i);

			if (b->kind != KIND_PROSPECTING || b->industry != y->industry ||
			    b->status != STATUS_DONE)
				continue;
			y->meetings += b->out.meetings;
			y->minutes += pl->verdicts[k][i].done_minutes;
		}
	}
}

/* Is a better than b?  Meetings per minute compared without division; an
 * industry with no time goes after every one with some. */
static bool rotation_better(const struct planning_yield *a, const struct planning_yield *b)
{
	if (a->minutes == 0 || b->minutes == 0)
		return a->minutes != 0 && b->minutes == 0;
	return a->meetings * b->minutes > b->meetings * a->minutes;
}

/* The cycle: active industries in plan order, or by yield (a stable sort). */
static void rotation_cycle(struct planning *pl)
{
	const struct plan *p = pl->plan;

	pl->yields = xcalloc(plan_industry_count(p) + 1, sizeof *pl->yields);
	for (size_t i = 0; i < plan_industry_count(p); i++) {
		const struct industry *ind = plan_industry_at(p, i);
		struct planning_yield y = { ind->id, 0, 0 };
		size_t j = pl->n_yields;

		if (ind->archived)
			continue;
		rotation_yield(pl, &y);
		while (pl->by_yield && j > 0 && rotation_better(&y, &pl->yields[j - 1])) {
			pl->yields[j] = pl->yields[j - 1];
			j--;
		}
		pl->yields[j] = y;
		pl->n_yields++;
	}
}

/* Any niche on day d (its place in the week) of w. */
static int rotation_niche_of_day(const struct week *w, int d)
{
	date_t day = week_monday(w) + d;
	int am = week_niche(w, day, PART_AM), pm = week_niche(w, day, PART_PM);

	return week_niche(w, day, PART_DAY) ? week_niche(w, day, PART_DAY) : am ? am : pm;
}

/* The days (as places in the week) that get a niche: work days that had one
 * last week, or all. */
static unsigned rotation_days(const struct planning *pl)
{
	unsigned work = date_week_index_mask(plan_settings(pl->plan)->work_days), had = 0;
	const struct week *last = planning_last(pl);

	for (int d = 0; last != NULL && d < DATE_DAYS_PER_WEEK; d++)
		if ((work & (1u << d)) && rotation_niche_of_day(last, d))
			had |= 1u << d;
	return had ? had : work;
}

/* Where the cycle starts: after last week's last niche, or at the top. */
static size_t rotation_start(const struct planning *pl)
{
	const struct week *last = planning_last(pl);

	if (pl->by_yield || last == NULL)
		return 0;
	for (int d = 6; d >= 0; d--) {
		date_t day = week_monday(last) + d;
		static const enum day_part order[] = { PART_PM, PART_AM, PART_DAY };

		for (int k = 0; k < 3; k++) {
			int id = week_niche(last, day, order[k]);

			if (id == 0)
				continue;
			for (size_t i = 0; i < pl->n_yields; i++)
				if (pl->yields[i].industry == id)
					return (i + 1) % pl->n_yields;
			return 0;
		}
	}
	return 0;
}

static void rotation_meetings(const struct week *w, struct planning_slot *s)
{
	int midday = week_midday(w);

	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		int from = s->part == PART_PM ? midday : 0;
		int to = s->part == PART_AM ? midday : DATE_MINUTES_PER_DAY;

		if (b->kind != KIND_MEETING || planning_overlap(b, s->day, from, to) == 0)
			continue;
		s->meetings++;
		s->meeting_minutes += block_minutes(b);
	}
}

/* The slot's item: a niche set where there is none, or a change (skipped
 * unless chosen, or given by hand) where another one is. */
static void rotation_item(struct planning *pl, struct week *w, struct planning_slot *s)
{
	struct planning_item *it;

	s->item = -1;
	if (s->proposed == s->current)
		return;
	it = planning_item_new(pl, PLANNING_ROTATION, PLANNING_SET_NICHE);
	it->day = s->day;
	it->part = s->part;
	it->industry = s->proposed;
	it->old_industry = s->current;
	it->chosen = s->current == 0 || s->by_hand;
	s->item = (long)(pl->n_items - 1);
	planning_item_try(pl, w, pl->n_items - 1);
}

int planning_compute_rotation(struct planning *pl, struct error *err)
{
	struct week *w = planning_sim(pl, PLANNING_ROTATION, err);
	unsigned days;
	size_t next;

	if (w == NULL)
		return -1;
	rotation_cycle(pl);
	days = rotation_days(pl);
	next = rotation_start(pl);
	pl->slots = xcalloc(PLANNING_SLOTS_MAX, sizeof *pl->slots);
	for (int d = 0; d < DATE_DAYS_PER_WEEK && pl->n_yields > 0; d++) {
		int parts = week_focus(w) == FOCUS_DAY ? 1 : 2;

		if (!(days & (1u << d)))
			continue;
		for (int k = 0; k < parts; k++) {
			struct planning_slot *s = &pl->slots[pl->n_slots++];

			s->day = week_monday(w) + d;
			s->part = parts == 1 ? PART_DAY : k == 0 ? PART_AM : PART_PM;
			s->current = week_niche(w, s->day, s->part);
			s->by_hand = pl->by_hand[pl->n_slots - 1] != 0;
			s->proposed = s->by_hand ? pl->by_hand[pl->n_slots - 1]
						 : pl->yields[next].industry;
			next = (next + 1) % pl->n_yields;
			rotation_meetings(w, s);
			rotation_item(pl, w, s);
		}
	}
	week_free(w);
	return 0;
}

size_t planning_slot_count(const struct planning *pl)
{
	return pl->n_slots;
}

const struct planning_slot *planning_slot_at(const struct planning *pl, size_t i)
{
	return i < pl->n_slots ? &pl->slots[i] : NULL;
}

size_t planning_yield_count(const struct planning *pl)
{
	return pl->n_yields;
}

const struct planning_yield *planning_yield_at(const struct planning *pl, size_t i)
{
	return i < pl->n_yields ? &pl->yields[i] : NULL;
}
