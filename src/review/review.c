/* review.c - the review: the span of weeks it reads, and what got finished,
 * per day, kind, industry and account. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_int.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- helpers */

int review_pct(int64_t num, int64_t den)
{
	int64_t pct;

	if (den <= 0)
		return -1;
	pct = num * 100 / den;
	return pct > INT_MAX ? INT_MAX : (int)pct;
}

int64_t review_per_hour(int64_t count, int64_t minutes)
{
	return minutes > 0 ? (count * 6000 + minutes / 2) / minutes : -1;
}

static int week_distance(int from, int to)
{
	return (int)((date_week_monday(to) - date_week_monday(from)) / 7);
}

const struct week *review_slot(const struct review_slots *s, int key)
{
	int i;

	if (!date_week_valid(key))
		return NULL;
	i = week_distance(s->first, key);
	return i >= 0 && (size_t)i < s->n ? s->at[i] : NULL;
}

const struct review_digest *review_slot_digest(const struct review_slots *s, int key)
{
	int i;

	if (!date_week_valid(key))
		return NULL;
	i = week_distance(s->first, key);
	return i >= 0 && (size_t)i < s->n ? s->dg[i] : NULL;
}

/* The span, without checks. */
static void span_of(const struct plan *p, const struct review_request *rq,
		    struct review_span *span)
{
	int n = rq->n_weeks < REVIEW_TREND_WEEKS ? REVIEW_TREND_WEEKS : rq->n_weeks;
	date_t start, cutoff;
	int quota_first, quota_last;

	review_quota_dates(rq->last, plan_quota(p)->period, &start, &cutoff);
	quota_first = date_week_key(start);
	quota_last = date_week_key(cutoff);
	span->first = date_week_add(rq->last, -(n - 1));
	if (week_distance(quota_first, span->first) > 0)
		span->first = quota_first;
	/* The week after the range: where its unfinished blocks were carried. */
	span->last = rq->last;
	if (date_week_valid(date_week_add(rq->last, 1)))
		span->last = date_week_add(rq->last, 1);
	if (week_distance(span->last, quota_last) > 0)
		span->last = quota_last;
}

int review_span(const struct plan *p, const struct review_request *rq,
		struct review_span *span, struct error *err)
{
	if (!date_week_valid(rq->last))
		return error_set(err, ERR_USAGE, "the week to review is not a valid ISO week");
	if (rq->n_weeks < 1 || rq->n_weeks > REVIEW_WEEKS_MAX)
		return error_set(err, ERR_USAGE, "the review covers 1..%d weeks", REVIEW_WEEKS_MAX);
	if (rq->minute < 0 || rq->minute > DATE_MINUTES_PER_DAY)
		return error_set(err, ERR_USAGE, "the review's time of day is out of range");
	span_of(p, rq, span);
	if (!date_week_valid(span->first) || !date_week_valid(span->last))
		return error_set(err, ERR_USAGE, "the review reaches outside the years %d..%d; "
				 "choose a later week or fewer weeks", DATE_YEAR_MIN, DATE_YEAR_MAX);
	return 0;
}

size_t review_span_weeks(const struct review_span *span)
{
	size_t n = 1;

	for (int key = span->first; key != span->last; key = date_week_add(key, 1))
		n++;
	return n;
}

/* ---------------------------------------------------------------- rows */

/* Rows looked up by id through a sorted index. */
struct rowmap {
	struct rowkey {
		int id;
		size_t row;
	} *e;
	size_t n, cap;
};

static long rowmap_find(const struct rowmap *m, int id)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (m->e[mid].id == id)
			return (long)m->e[mid].row;
		if (m->e[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void rowmap_put(struct rowmap *m, int id, size_t row)
{
	size_t i = m->n;

	m->e = xgrow(m->e, &m->cap, m->n + 1, sizeof *m->e);
	while (i > 0 && m->e[i - 1].id > id) {
		m->e[i] = m->e[i - 1];
		i--;
	}
	m->e[i].id = id;
	m->e[i].row = row;
	m->n++;
}

/* What a computation carries besides the review itself. */
struct ctx {
	const struct plan *p;
	const struct review_request *rq;
	struct review *r;
	struct rowmap ind, acc;
	size_t cap_ind, cap_acc, cap_unfinished, cap_dropped;
	struct review_verdict *v;   /* the verdicts on the week being read */
	size_t cap_v;
};

static struct review_industry *industry_row(struct ctx *c, int id)
{
	long i = rowmap_find(&c->ind, id);
	struct review *r = c->r;

	if (i >= 0)
		return &r->industries[i];
	r->industries = xgrow(r->industries, &c->cap_ind, r->n_industries + 1,
			      sizeof *r->industries);
	memset(&r->industries[r->n_industries], 0, sizeof *r->industries);
	r->industries[r->n_industries].id = id;
	rowmap_put(&c->ind, id, r->n_industries);
	return &r->industries[r->n_industries++];
}

static struct review_account *account_row(struct ctx *c, int id)
{
	long i = rowmap_find(&c->acc, id);
	struct review_accounts *a = &c->r->accounts;
	const struct account *acc;

	if (i >= 0)
		return &a->rows[i];
	acc = plan_account_by_id(c->p, id);
	a->rows = xgrow(a->rows, &c->cap_acc, a->n + 1, sizeof *a->rows);
	memset(&a->rows[a->n], 0, sizeof *a->rows);
	a->rows[a->n].id = id;
	a->rows[a->n].baseline = acc != NULL ? (int64_t)acc->baseline * c->rq->n_weeks : 0;
	rowmap_put(&c->acc, id, a->n);
	return &a->rows[a->n++];
}

/* Active industries and accounts get a row even when nothing happened. */
static void rows_init(struct ctx *c)
{
	for (size_t i = 0; i < plan_industry_count(c->p); i++)
		if (!plan_industry_at(c->p, i)->archived)
			industry_row(c, plan_industry_at(c->p, i)->id);
	for (size_t i = 0; i < plan_account_count(c->p); i++)
		if (!plan_account_at(c->p, i)->archived)
			account_row(c, plan_account_at(c->p, i)->id);
}

/* Row 0 (blocks and sales naming no industry or account) goes last. */
static void industries_none_last(struct review_industry *rows, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (rows[i].id == 0) {
			struct review_industry none = rows[i];

			memmove(&rows[i], &rows[i + 1], (n - i - 1) * sizeof *rows);
			rows[n - 1] = none;
			return;
		}
	}
}

static void accounts_none_last(struct review_account *rows, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (rows[i].id == 0) {
			struct review_account none = rows[i];

			memmove(&rows[i], &rows[i + 1], (n - i - 1) * sizeof *rows);
			rows[n - 1] = none;
			return;
		}
	}
}

/* ---------------------------------------------------------------- digests */

static void tally_sum(struct review_tally *t, const struct review_tally *x)
{
	t->blocks += x->blocks;
	t->done += x->done;
	t->unfinished += x->unfinished;
	t->dropped += x->dropped;
	t->minutes += x->minutes;
	t->done_minutes += x->done_minutes;
	t->due_minutes += x->due_minutes;
	t->left_minutes += x->left_minutes;
}

static void tally_finish(struct review_tally *t)
{
	t->rate_pct = review_pct(t->done_minutes, t->due_minutes);
}

/* A week of the range, from its digest: every figure but the lists. */
static void review_range_digest(struct ctx *c, const struct review_digest *d)
{
	struct review *r = c->r;

	tally_sum(&r->total, &d->total);
	for (int i = 0; i < 7; i++)
		tally_sum(&r->day[i], &d->day[i]);
	for (int k = 0; k < KIND_COUNT; k++)
		tally_sum(&r->kind[k], &d->kind[k]);
	for (size_t i = 0; i < d->n_industries; i++) {
		const struct review_digest_industry *x = &d->industries[i];
		struct review_industry *ind = industry_row(c, x->id);

		tally_sum(&ind->t, &x->t);
		review_outcome_add(&ind->out, &x->out);
		ind->sales += x->sales;
		ind->prospecting_minutes += x->prospecting_minutes;
	}
	for (size_t i = 0; i < d->n_accounts; i++) {
		struct review_account *a = account_row(c, d->accounts[i].id);

		a->planned += d->accounts[i].planned;
		a->done += d->accounts[i].done;
	}
	review_focus_digest(&r->focus, d);
}

static void review_trend_week(struct review_week *tw, int key, const struct review_digest *d)
{
	memset(tw, 0, sizeof *tw);
	tw->key = key;
	if (d != NULL) {
		tw->t = d->total;
		for (size_t i = 0; i < d->n_industries; i++)
			tw->meetings += d->industries[i].out.meetings;
		tw->prospecting_minutes = d->kind[KIND_PROSPECTING].done_minutes;
	}
	tally_finish(&tw->t);
}

/* ---------------------------------------------------------------- lists */

/* The verdicts on w's blocks, into c->v. */
static void verdicts_of(struct ctx *c, const struct week *w)
{
	c->v = xgrow(c->v, &c->cap_v, week_block_count(w) + 1, sizeof *c->v);
	review_week_verdicts(w, c->rq->today, c->rq->minute, plan_settings(c->p)->slot, c->v);
}

/* A listed week's unfinished and dropped blocks and interruptions. */
static void review_list_week(struct ctx *c, const struct week *w)
{
	struct review *r = c->r;

	verdicts_of(c, w);
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		const struct review_verdict *v = &c->v[i];

		if (v->state == REVIEW_UNFINISHED) {
			r->unfinished = xgrow(r->unfinished, &c->cap_unfinished,
					      r->n_unfinished + 1, sizeof *r->unfinished);
			r->unfinished[r->n_unfinished++] =
				(struct review_unfinished){ b, v->left_minutes, NULL };
		} else if (v->state == REVIEW_DROPPED) {
			r->dropped = xgrow(r->dropped, &c->cap_dropped, r->n_dropped + 1,
					   sizeof *r->dropped);
			r->dropped[r->n_dropped++] = b;
		}
	}
	review_focus_list(&r->focus, w);
}

/* ---------------------------------------------------------------- totals */

static void industries_finish(struct review *r)
{
	struct review_industry *all = &r->all;

	memset(all, 0, sizeof *all);
	industries_none_last(r->industries, r->n_industries);
	for (size_t i = 0; i < r->n_industries; i++) {
		struct review_industry *x = &r->industries[i];

		tally_finish(&x->t);
		x->calls_ph = review_per_hour(x->out.calls, x->prospecting_minutes);
		x->meetings_ph = review_per_hour(x->out.meetings, x->prospecting_minutes);
		tally_sum(&all->t, &x->t);
		review_outcome_add(&all->out, &x->out);
		all->sales += x->sales;
		all->prospecting_minutes += x->prospecting_minutes;
	}
	tally_finish(&all->t);
	all->calls_ph = review_per_hour(all->out.calls, all->prospecting_minutes);
	all->meetings_ph = review_per_hour(all->out.meetings, all->prospecting_minutes);
}

static void accounts_finish(struct review *r)
{
	struct review_accounts *a = &r->accounts;

	accounts_none_last(a->rows, a->n);
	for (size_t i = 0; i < a->n; i++) {
		struct review_account *x = &a->rows[i];

		x->target = model_account_target(x->baseline);
		a->baseline += x->baseline;
		a->target += x->target;
		a->planned += x->planned;
		a->done += x->done;
	}
	a->freed = a->baseline > a->done ? a->baseline - a->done : 0;
	a->freed_planned = a->baseline > a->planned ? a->baseline - a->planned : 0;
	a->to_prospecting = a->freed < r->all.prospecting_minutes ? a->freed
								  : r->all.prospecting_minutes;
}

static void review_finish(struct review *r)
{
	tally_finish(&r->total);
	for (int d = 0; d < 7; d++)
		tally_finish(&r->day[d]);
	for (int k = 0; k < KIND_COUNT; k++)
		tally_finish(&r->kind[k]);
	industries_finish(r);
	accounts_finish(r);
	review_focus_finish(&r->focus);
}

/* ---------------------------------------------------------------- carried */

/* A block of the following week that carries another on. */
struct carrier {
	const char *from;        /* its carried_from */
	const char *id;
	size_t at;               /* its place in the week: the first one wins */
};

static int carrier_cmp(const void *a, const void *b)
{
	const struct carrier *x = a, *y = b;
	int c = strcmp(x->from, y->from);

	return c != 0 ? c : x->at < y->at ? -1 : x->at > y->at;
}

/* Marks unfinished[from..to) (blocks of one week) carried where `next`, the
 * week after theirs, holds a block whose carried_from names them. */
static void carried_week(struct review *r, size_t from, size_t to, const struct week *next)
{
	struct carrier *c = xcalloc(week_block_count(next) + 1, sizeof *c);
	size_t n = 0;

	for (size_t i = 0; i < week_block_count(next); i++) {
		const struct block *b = week_block_at(next, i);

		if (b->carried_from[0])
			c[n++] = (struct carrier){ b->carried_from, b->id, i };
	}
	if (n > 1)
		qsort(c, n, sizeof *c, carrier_cmp);
	for (size_t i = from; i < to && n > 0; i++) {
		struct carrier key = { r->unfinished[i].block->id, NULL, 0 };
		size_t lo = 0, hi = n;

		/* The first entry not below (id, 0): the earliest carrier. */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (carrier_cmp(&c[mid], &key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && strcmp(c[lo].from, key.from) == 0)
			r->unfinished[i].carried_to = c[lo].id;
	}
	free(c);
}

static int id_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* How many of the range's unfinished blocks the week after theirs carries
 * on: from the digests, so also for weeks not listed. */
static size_t carried_count(const struct review *r, const struct review_slots *s)
{
	size_t n = 0;

	for (int i = 0; i < r->n_weeks; i++) {
		int key = date_week_add(r->first, i);
		const struct review_digest *d = review_slot_digest(s, key);
		const struct review_digest *next = review_slot_digest(s, date_week_add(key, 1));
		char (*from)[MODEL_ID_MAX];

		if (d == NULL || next == NULL || d->n_unfinished == 0 || next->n_carried_from == 0)
			continue;
		from = xcalloc(next->n_carried_from, sizeof *from);
		memcpy(from, next->carried_from, next->n_carried_from * sizeof *from);
		qsort(from, next->n_carried_from, sizeof *from, id_cmp);
		for (size_t k = 0; k < d->n_unfinished; k++)
			n += bsearch(d->unfinished[k], from, next->n_carried_from, sizeof *from,
				     id_cmp) != NULL;
		free(from);
	}
	return n;
}

/* The listed unfinished blocks are in date order, so grouped by week; the
 * weeks after theirs are listed too. */
static void review_carried(struct review *r, const struct review_slots *s)
{
	size_t i = 0;

	while (i < r->n_unfinished) {
		int key = date_week_key(r->unfinished[i].block->date);
		const struct week *next = review_slot(s, date_week_add(key, 1));
		size_t j = i;

		while (j < r->n_unfinished && date_week_key(r->unfinished[j].block->date) == key)
			j++;
		if (next != NULL)
			carried_week(r, i, j, next);
		i = j;
	}
}

/* ---------------------------------------------------------------- compute */

static int slots_fill(struct review_slots *s, const struct review_span *span,
		      const struct week *const *weeks, size_t n, struct error *err)
{
	s->first = span->first;
	s->n = review_span_weeks(span);
	s->at = xcalloc(s->n, sizeof *s->at);
	s->dg = NULL;
	for (size_t i = 0; i < n; i++) {
		int d = week_distance(span->first, week_key(weeks[i]));

		if (d < 0 || (size_t)d >= s->n)
			continue;
		if (s->at[d] != NULL) {
			char wk[9];

			date_week_format(week_key(weeks[i]), wk);
			free(s->at);
			return error_set(err, ERR_USAGE, "week %s was given twice", wk);
		}
		s->at[d] = weeks[i];
	}
	return 0;
}

static struct review *review_start(const struct review_request *rq, size_t listed_pos,
				   const struct review_slots *s)
{
	struct review *r = xcalloc(1, sizeof *r);

	r->last = rq->last;
	r->n_weeks = rq->n_weeks;
	r->first = date_week_add(rq->last, -(rq->n_weeks - 1));
	r->today = rq->today;
	r->minute = rq->minute;
	r->weeks = xcalloc((size_t)rq->n_weeks, sizeof *r->weeks);
	r->listed_from = date_week_add(s->first, (int)listed_pos);
	if (week_distance(r->listed_from, r->first) > 0)
		r->listed_from = r->first;
	return r;
}

/* The range from its digests, the lists from its listed weeks. */
static void review_range(struct ctx *c, const struct review_slots *s)
{
	struct review *r = c->r;

	rows_init(c);
	for (int i = 0; i < r->n_weeks; i++) {
		int key = date_week_add(r->first, i);

		review_range_digest(c, review_slot_digest(s, key));
		if (week_distance(r->listed_from, key) < 0)
			continue;
		r->weeks[i] = review_slot(s, key);
		if (r->weeks[i] != NULL)
			review_list_week(c, r->weeks[i]);
	}
}

int review_compute_digests(const struct plan *p, const struct review_request *rq,
			   const struct review_digest *const *d, const struct week *const *w,
			   size_t n, size_t listed, struct review **out, struct error *err)
{
	struct review_span span;
	struct review_slots slots;
	struct ctx c = { .p = p, .rq = rq };
	struct review *r;

	if (review_span(p, rq, &span, err) != 0)
		return -1;
	if (n != review_span_weeks(&span) || listed > n)
		return error_set(err, ERR_USAGE, "the review was given %zu weeks for a span of %zu",
				 n, review_span_weeks(&span));
	slots = (struct review_slots){ span.first, n, xcalloc(n, sizeof *slots.at), d };
	for (size_t i = n - listed; i < n; i++)
		slots.at[i] = w[i];
	r = c.r = review_start(rq, n - listed, &slots);
	review_range(&c, &slots);
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		int key = date_week_add(rq->last, i - (REVIEW_TREND_WEEKS - 1));

		review_trend_week(&r->trend[i], key, review_slot_digest(&slots, key));
	}
	review_finish(r);
	r->focus.so_far = !review_digest_settled(rq->last, rq->today);
	r->n_carried = carried_count(r, &slots);
	review_carried(r, &slots);
	review_quota_compute(r, p, &slots);
	free(slots.at);
	free(c.ind.e);
	free(c.acc.e);
	free(c.v);
	*out = r;
	return 0;
}

int review_compute(const struct plan *p, const struct review_request *rq,
		   const struct week *const *weeks, size_t n, struct review **out,
		   struct error *err)
{
	struct review_span span;
	struct review_slots slots;
	struct review_digest **d;
	int rc;

	if (review_span(p, rq, &span, err) != 0 || slots_fill(&slots, &span, weeks, n, err) != 0)
		return -1;
	d = xcalloc(slots.n, sizeof *d);
	for (size_t i = 0; i < slots.n; i++)
		d[i] = review_digest_week(slots.at[i], date_week_add(span.first, (int)i),
					  rq->today, rq->minute, plan_settings(p)->slot);
	rc = review_compute_digests(p, rq, (const struct review_digest *const *)d, slots.at,
				    slots.n, slots.n, out, err);
	for (size_t i = 0; i < slots.n; i++)
		review_digest_free(d[i]);
	free(d);
	free(slots.at);
	return rc;
}

void review_free(struct review *r)
{
	if (r == NULL)
		return;
	free(r->unfinished);
	free(r->dropped);
	free(r->industries);
	free(r->accounts.rows);
	free(r->focus.list);
	free(r->weeks);
	free(r);
}

/* ---------------------------------------------------------------- names */

const char *review_industry_name(const struct plan *p, int id, const char *none,
				 char tmp[16])
{
	const struct industry *ind = id ? plan_industry_by_id(p, id) : NULL;

	if (id == 0)
		return none;
	if (ind != NULL)
		return ind->name;
	snprintf(tmp, 16, "#%d", id);
	return tmp;
}

const char *review_account_name(const struct plan *p, int id, const char *none,
				char tmp[16])
{
	const struct account *acc = id ? plan_account_by_id(p, id) : NULL;

	if (id == 0)
		return none;
	if (acc != NULL)
		return acc->name;
	snprintf(tmp, 16, "#%d", id);
	return tmp;
}
