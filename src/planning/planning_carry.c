/* planning_carry.c - last week's unfinished blocks, placed into this week. */
#include <stdio.h>
#include <string.h>

#include "planning_int.h"
#include "rules.h"

/* The days to try for b, in order; returns how many. */
static int carry_days(const struct planning *pl, const struct week *w, const struct block *b,
		      date_t days[7])
{
	unsigned work = date_week_index_mask(plan_settings(pl->plan)->work_days);
	date_t monday = week_monday(w);
	int n = 0, own = date_week_index(b->date);

	if (b->industry != 0) {
		for (int d = 0; d < DATE_DAYS_PER_WEEK; d++)
			for (int part = 0; part < PART_COUNT; part++)
				if (week_niche(w, monday + d, (enum day_part)part) == b->industry) {
					days[n++] = monday + d;
					break;
				}
		if (n > 0 || b->kind == KIND_PROSPECTING)
			return n;
	}
	for (int k = 0; k < 7; k++)
		if (work & (1u << ((own + k) % 7)))
			days[n++] = monday + (own + k) % 7;
	return n;
}

/* May b stand where it is: the rules, and prospecting inside its niche. */
static bool carry_fits(const struct planning *pl, const struct week *w, const struct block *b)
{
	struct error err;

	if (b->kind == KIND_PROSPECTING &&
	    (week_niche_at(w, b->date, b->start) != b->industry ||
	     week_niche_at(w, b->date, b->end - 1) != b->industry))
		return false;
	return rules_check_block(w, pl->plan, b, NULL, &err) == 0;
}

/* The earliest free stretch of b's length on the grid of `days`. */
static bool carry_place(const struct planning *pl, const struct week *w, struct block *b,
			const date_t *days, int n_days)
{
	const struct settings *s = plan_settings(pl->plan);
	int len = b->end - b->start;

	for (int k = 0; k < n_days; k++) {
		b->date = days[k];
		for (int t = s->day_start; t + len <= s->day_end; t += s->slot) {
			b->start = t;
			b->end = t + len;
			if (carry_fits(pl, w, b))
				return true;
		}
	}
	return false;
}

static const char *carry_industry(const struct plan *p, int id)
{
	const struct industry *ind = plan_industry_by_id(p, id);

	return ind != NULL ? ind->name : "?";
}

/* Whether any day of w has a niche yet. */
static bool carry_week_has_niches(const struct week *w)
{
	for (int d = 0; d < DATE_DAYS_PER_WEEK; d++)
		for (int part = PART_DAY; part < PART_COUNT; part++)
			if (week_niche(w, week_monday(w) + d, (enum day_part)part) != 0)
				return true;
	return false;
}

/* Why b found no place. */
static void carry_nowhere(struct planning *pl, const struct week *w, struct planning_item *it,
			  int n_days)
{
	char len[16];
	const struct block *b = &it->block;

	planning_format_minutes(b->end - b->start, len);
	it->blocked = true;
	if (n_days == 0 && b->industry != 0 && !carry_week_has_niches(w))
		planning_item_why(it, "%s has no day this week: the week has no niches yet (the "
				  "rotation gives each day one)", carry_industry(pl->plan, b->industry));
	else if (n_days == 0 && b->industry != 0)
		planning_item_why(it, "%s has no day this week", carry_industry(pl->plan, b->industry));
	else if (n_days == 0)
		planning_item_why(it, "the plan has no work days");
	else if (b->kind == KIND_PROSPECTING)
		planning_item_why(it, "no free %s on %s's days this week", len,
				  carry_industry(pl->plan, b->industry));
	else
		planning_item_why(it, "no free %s on a work day this week", len);
}

/* Blocks it when it names an archived industry or account. */
static bool carry_archived(const struct plan *p, struct planning_item *it)
{
	const struct industry *ind = plan_industry_by_id(p, it->block.industry);
	const struct account *acc = plan_account_by_id(p, it->block.account);
	const char *name = ind != NULL && ind->archived   ? ind->name
			   : acc != NULL && acc->archived ? acc->name
							  : NULL;

	if (name == NULL)
		return false;
	it->blocked = true;
	planning_item_why(it, "%s is archived; restore it first", name);
	return true;
}

static const struct block *carry_already(const struct week *w, const char *id)
{
	for (size_t i = 0; i < week_block_count(w); i++)
		if (strcmp(week_block_at(w, i)->carried_from, id) == 0)
			return week_block_at(w, i);
	return NULL;
}

/* A block this week already plans like src (never started), on the same
 * weekday: the routine covers it, so carrying it too would do it twice.  What
 * is left of a block cut short is new work and has no twin, except with an
 * account: a week that already plans time with that customer (any day, any
 * title) is where the rest of it goes, not a second booking. */
static const struct block *carry_twin(const struct week *w, const struct block *src)
{
	bool customer = src->kind == KIND_ACCOUNT && src->account != 0;

	if (src->status != STATUS_PLANNED && !customer)
		return NULL;
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);

		if (b->status != STATUS_PLANNED || b->carried_from[0] != '\0' || b->kind != src->kind)
			continue;
		if (customer && b->account == src->account)
			return b;
		if (b->industry == src->industry && b->account == src->account &&
		    strcmp(b->title, src->title) == 0 && date_weekday(b->date) == date_weekday(src->date))
			return b;
	}
	return NULL;
}

/* One unfinished block with `left` minutes to go. */
static void carry_item(struct planning *pl, struct week *w, const struct block *src, int left)
{
	struct planning_item *it = planning_item_new(pl, PLANNING_CARRY, PLANNING_ADD);
	struct block *b = &it->block;
	const struct block *there = carry_already(w, src->id);
	date_t days[7];
	int n_days;

	block_clear(b);
	block_copy(b, src);
	b->id[0] = '\0';
	b->status = STATUS_PLANNED;
	b->cut_short = false;
	b->worked = 0;
	memset(&b->out, 0, sizeof b->out);
	block_set_uid(b, NULL);
	snprintf(b->carried_from, sizeof b->carried_from, "%s", src->id);
	b->end = b->start + left;
	if (there != NULL) {
		/* Shown where it is now. */
		b->date = there->date;
		b->start = there->start;
		b->end = there->end;
		it->blocked = it->present = true;
		planning_item_why(it, "already carried over as %s", there->id);
		return;
	}
	if (carry_archived(pl->plan, it))
		return;
	n_days = carry_days(pl, w, b, days);
	if (!carry_place(pl, w, b, days, n_days)) {
		/* Shown where it was last week. */
		b->date = src->date;
		b->start = src->start;
		b->end = src->start + left;
		carry_nowhere(pl, w, it, n_days);
		return;
	}
	if (week_carry_declined(pl->week, src->id)) {
		/* Left out before: not offered again, though Space carries it. */
		planning_item_why(it, "left out before; not offered again");
		return;
	}
	if (carry_twin(w, src) != NULL) {
		/* Offered, not chosen: Space carries it anyway. */
		const struct block *twin = carry_twin(w, src);
		const struct account *acc = plan_account_by_id(pl->plan, src->account);
		char when[16];

		date_format_short(twin->date, when);
		if (src->kind == KIND_ACCOUNT && acc != NULL)
			planning_item_why(it, "the week already plans %s: \"%.60s\" on %s", acc->name,
					  twin->title, when);
		else
			planning_item_why(it, "the layout already plans \"%.60s\" on %s", src->title,
					  when);
		return;
	}
	it->chosen = true;
	planning_item_try(pl, w, pl->n_items - 1);
}

int planning_compute_carry(struct planning *pl, struct error *err)
{
	const struct week *last = planning_last(pl);
	struct week *w;

	if (last == NULL)
		return 0;
	w = planning_sim(pl, PLANNING_CARRY, err);
	if (w == NULL)
		return -1;
	/* Unfinished as the review means it (review_week_verdicts). */
	for (size_t i = 0; i < week_block_count(last); i++)
		if (pl->verdicts[0][i].state == REVIEW_UNFINISHED)
			carry_item(pl, w, week_block_at(last, i), pl->verdicts[0][i].left_minutes);
	week_free(w);
	return 0;
}
