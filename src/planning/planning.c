/* planning.c - the planning of one week: items, choices, the simulated week,
 * applying, and last week's summary. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planning_int.h"
#include "xalloc.h"

/* ---- what a block did ---- */

bool planning_block_worked(const struct week *w, const struct block *b)
{
	const struct outcome *o = &b->out;

	if (b->status != STATUS_PLANNED || o->calls || o->conversations || o->meetings ||
	    week_block_sold(w, b->id) > 0)
		return true;
	for (size_t i = 0; i < week_session_count(w); i++)
		if (strcmp(week_session_at(w, i)->block, b->id) == 0)
			return true;
	return false;
}

int planning_overlap(const struct block *b, date_t day, int start, int end)
{
	int s = b->start > start ? b->start : start;
	int e = b->end < end ? b->end : end;

	return b->date == day && s < e ? e - s : 0;
}

/* ---- items ---- */

struct planning_item *planning_item_new(struct planning *pl, enum planning_step step,
					enum planning_action action)
{
	struct planning_item *it;

	pl->items = xgrow(pl->items, &pl->cap_items, pl->n_items + 1, sizeof *pl->items);
	it = &pl->items[pl->n_items++];
	memset(it, 0, sizeof *it);
	it->step = step;
	it->action = action;
	block_init(&it->block);
	it->why = xstrdup("");
	return it;
}

void planning_item_why(struct planning_item *it, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(it->why);
	it->why = b.data != NULL ? buf_take(&b) : xstrdup("");
}

void planning_item_block(struct planning_item *it, const char *reason)
{
	it->blocked = true;
	it->chosen = false;
	planning_item_why(it, "%s", reason);
}

void planning_item_add_conflict(struct planning_item *it, const char *id)
{
	it->conflicts = xrealloc(it->conflicts, (it->n_conflicts + 1) * sizeof *it->conflicts);
	snprintf(it->conflicts[it->n_conflicts++], MODEL_ID_MAX, "%s", id);
}

static void planning_item_clear(struct planning_item *it)
{
	block_clear(&it->block);
	free(it->conflicts);
	free(it->why);
}

void planning_drop_from(struct planning *pl, enum planning_step step)
{
	while (pl->n_items > 0 && pl->items[pl->n_items - 1].step >= step)
		planning_item_clear(&pl->items[--pl->n_items]);
	if (step <= PLANNING_ROTATION) {
		free(pl->slots);
		free(pl->yields);
		pl->slots = NULL;
		pl->yields = NULL;
		pl->n_slots = pl->n_yields = 0;
	}
	if (step <= PLANNING_TRIM) {
		free(pl->accounts);
		pl->accounts = NULL;
		pl->n_accounts = 0;
	}
}

size_t planning_item_count(const struct planning *pl)
{
	return pl->n_items;
}

const struct planning_item *planning_item_at(const struct planning *pl, size_t i)
{
	return i < pl->n_items ? &pl->items[i] : NULL;
}

size_t planning_change_count(const struct planning *pl)
{
	size_t n = 0;

	for (size_t i = 0; i < pl->n_items; i++)
		n += pl->items[i].chosen;
	return n;
}

/* ---- applying ---- */

int planning_item_apply(struct week *w, const struct plan *p, const struct planning_item *it,
			struct error *err)
{
	switch (it->action) {
	case PLANNING_SET_NICHE:
		return week_set_niche(w, p, it->day, it->part, it->industry, err);
	case PLANNING_ADD:
		for (size_t i = 0; i < it->n_conflicts; i++)
			if (week_block_by_id(w, it->conflicts[i]) != NULL &&
			    week_block_remove(w, it->conflicts[i], err) != 0)
				return -1;
		return week_block_add(w, p, &it->block, NULL, err);
	case PLANNING_UPDATE:
		return week_block_update(w, p, &it->block, err);
	case PLANNING_REMOVE:
		return week_block_remove(w, it->block.id, err);
	}
	return error_set(err, ERR_REFUSED, "unknown planning change");
}

/* Applies the chosen items of steps [from, upto) to w; -1 names the item. */
static int planning_apply_range(const struct planning *pl, struct week *w,
				enum planning_step upto, struct error *err)
{
	for (size_t i = 0; i < pl->n_items; i++) {
		const struct planning_item *it = &pl->items[i];

		if (it->step >= upto || !it->chosen)
			continue;
		if (planning_item_apply(w, pl->plan, it, err) != 0) {
			struct buf what = BUF_INIT;

			planning_item_text(pl, it, &what);
			error_prefix(err, "%s", buf_str(&what));
			buf_free(&what);
			return -1;
		}
	}
	return 0;
}

struct week *planning_sim(const struct planning *pl, enum planning_step upto,
			  struct error *err)
{
	struct week *w = week_clone(pl->week);

	if (planning_apply_range(pl, w, upto, err) != 0) {
		week_free(w);
		return NULL;
	}
	return w;
}

int planning_apply(const struct planning *pl, struct week **out, struct error *err)
{
	*out = planning_sim(pl, PLANNING_STEP_COUNT, err);
	if (*out == NULL)
		return -1;
	/* The carry-overs left out are remembered, so they are not offered
	 * again; one carried after all is taken off. */
	for (size_t i = 0; i < pl->n_items; i++) {
		const struct planning_item *it = &pl->items[i];

		if (it->step == PLANNING_CARRY && !it->blocked)
			week_decline_carry(*out, it->block.carried_from, !it->chosen);
	}
	return 0;
}

void planning_item_try(struct planning *pl, struct week *w, size_t index)
{
	struct planning_item *it = &pl->items[index];
	struct week *trial = week_clone(w);
	struct error err;

	if (planning_item_apply(trial, pl->plan, it, &err) != 0) {
		planning_item_block(it, err.msg);
	} else if (it->chosen) {
		/* Keep the trial's result: apply the same change to w itself. */
		planning_item_apply(w, pl->plan, it, &err);
	}
	week_free(trial);
}

/* ---- steps and choices ---- */

static int (*const compute[PLANNING_STEP_COUNT])(struct planning *, struct error *) = {
	planning_compute_rotation, planning_compute_layout, planning_compute_carry,
	planning_compute_trim,     planning_compute_freed,  planning_compute_quota,
};

/* Recomputes every step asked for from `from` on. */
static int planning_run_from(struct planning *pl, enum planning_step from, struct error *err)
{
	planning_drop_from(pl, from);
	for (int s = from; s < PLANNING_STEP_COUNT; s++)
		if (pl->computed[s] && compute[s](pl, err) != 0)
			return -1;
	return 0;
}

int planning_choose(struct planning *pl, size_t i, bool chosen, struct error *err)
{
	struct planning_item *it;
	struct week *w;

	if (i >= pl->n_items)
		return error_set(err, ERR_NOTFOUND, "no planning item %zu", i);
	it = &pl->items[i];
	if (chosen && it->blocked)
		return error_set(err, ERR_REFUSED, "%s", it->why);
	if (it->chosen == chosen)
		return 0;
	it->chosen = chosen;
	w = planning_sim(pl, (enum planning_step)(it->step + 1), err);
	if (w == NULL) {
		pl->items[i].chosen = !chosen;
		return -1;
	}
	week_free(w);
	return planning_run_from(pl, (enum planning_step)(pl->items[i].step + 1), err);
}

int planning_rotate(struct planning *pl, bool by_yield, struct error *err)
{
	size_t active = 0;

	for (size_t i = 0; i < plan_industry_count(pl->plan); i++)
		active += !plan_industry_at(pl->plan, i)->archived;
	if (active == 0)
		return error_set(err, ERR_REFUSED, "the plan has no industries to rotate; add one "
				 "with 'focusweek industry add NAME'");
	pl->by_yield = by_yield;
	memset(pl->by_hand, 0, sizeof pl->by_hand);
	pl->computed[PLANNING_ROTATION] = true;
	return planning_run_from(pl, PLANNING_ROTATION, err);
}

int planning_rotate_slot(struct planning *pl, size_t i, int industry, struct error *err)
{
	const struct industry *ind = plan_industry_by_id(pl->plan, industry);

	if (!pl->computed[PLANNING_ROTATION] || i >= pl->n_slots)
		return error_set(err, ERR_NOTFOUND, "no rotation slot %zu", i);
	if (industry != 0 && (ind == NULL || ind->archived))
		return error_set(err, ERR_NOTFOUND, "no active industry with id %d", industry);
	pl->by_hand[i] = industry;
	return planning_run_from(pl, PLANNING_ROTATION, err);
}

int planning_layout(struct planning *pl, const struct template *t, bool stagger,
		    struct error *err)
{
	template_clear(&pl->tmpl);
	if (t != NULL)
		template_copy(&pl->tmpl, t);
	pl->stagger = stagger;
	pl->computed[PLANNING_LAYOUT] = true;
	return planning_run_from(pl, PLANNING_LAYOUT, err);
}

int planning_carry_over(struct planning *pl, struct error *err)
{
	pl->computed[PLANNING_CARRY] = true;
	return planning_run_from(pl, PLANNING_CARRY, err);
}

int planning_trim_accounts(struct planning *pl, int pct, struct error *err)
{
	if (pct < 0 || pct > 100)
		return error_set(err, ERR_USAGE, "the trim is a percentage, 0..100");
	pl->trim_pct = pct;
	pl->computed[PLANNING_TRIM] = true;
	return planning_run_from(pl, PLANNING_TRIM, err);
}

int planning_offer_freed(struct planning *pl, struct error *err)
{
	pl->computed[PLANNING_FREED] = true;
	return planning_run_from(pl, PLANNING_FREED, err);
}

int planning_quota(struct planning *pl, struct error *err)
{
	pl->computed[PLANNING_QUOTA] = true;
	return planning_run_from(pl, PLANNING_QUOTA, err);
}

/* ---- last week ---- */

const struct week *planning_last(const struct planning *pl)
{
	return pl->n_past > 0 ? pl->past[0] : NULL;
}

static void planning_count_meetings(struct planning_summary *s, int industry, int64_t n)
{
	for (size_t i = 0; i < s->n_per_industry; i++)
		if (s->per_industry[i].industry == industry) {
			s->per_industry[i].meetings += n;
			return;
		}
	s->per_industry = xrealloc(s->per_industry,
				   (s->n_per_industry + 1) * sizeof *s->per_industry);
	s->per_industry[s->n_per_industry].industry = industry;
	s->per_industry[s->n_per_industry++].meetings = n;
}

static void planning_summarize(struct planning *pl)
{
	struct planning_summary *s = &pl->summary;
	const struct week *last = planning_last(pl);

	if (last == NULL)
		return;
	s->week = week_key(last);
	/* Active industries always show, in plan order; others when they booked. */
	for (size_t i = 0; i < plan_industry_count(pl->plan); i++)
		if (!plan_industry_at(pl->plan, i)->archived)
			planning_count_meetings(s, plan_industry_at(pl->plan, i)->id, 0);
	for (size_t i = 0; i < week_block_count(last); i++) {
		const struct block *b = week_block_at(last, i);
		const struct review_verdict *v = &pl->verdicts[0][i];

		if (b->out.meetings > 0)
			planning_count_meetings(s, b->industry, b->out.meetings);
		s->meetings += b->out.meetings;
		if (b->kind == KIND_MEETING)
			continue;
		s->planned_minutes += block_minutes(b);
		s->done_minutes += v->done_minutes;
		s->unfinished += v->state == REVIEW_UNFINISHED;
		s->unfinished_minutes += v->left_minutes;
	}
}

const struct planning_summary *planning_last_week(const struct planning *pl)
{
	return &pl->summary;
}

/* ---- life ---- */

struct planning *planning_new(const struct plan *p, const struct week *w,
			      const struct week *const *past, size_t n_past, date_t today,
			      int minute)
{
	struct planning *pl = xcalloc(1, sizeof *pl);

	pl->plan = p;
	pl->week = w;
	pl->n_past = n_past;
	pl->today = today;
	pl->minute = minute;
	pl->past = xcalloc(n_past + 1, sizeof *pl->past);
	pl->verdicts = xcalloc(n_past + 1, sizeof *pl->verdicts);
	for (size_t i = 0; i < n_past; i++) {
		pl->past[i] = past[i];
		pl->verdicts[i] = xcalloc(week_block_count(past[i]) + 1, sizeof **pl->verdicts);
		review_week_verdicts(past[i], today, minute, plan_settings(p)->slot,
				     pl->verdicts[i]);
	}
	planning_summarize(pl);
	return pl;
}

void planning_free(struct planning *pl)
{
	if (pl == NULL)
		return;
	planning_drop_from(pl, PLANNING_ROTATION);
	free(pl->items);
	free(pl->summary.per_industry);
	template_clear(&pl->tmpl);
	for (size_t i = 0; i < pl->n_past; i++)
		free(pl->verdicts[i]);
	free(pl->verdicts);
	free(pl->past);
	free(pl);
}
