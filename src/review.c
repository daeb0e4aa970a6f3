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

/* ---------------------------------------------------------------- blocks */

/* The verdicts on w's blocks, into c->v. */
static void verdicts_of(struct ctx *c, const struct week *w)
{
	c->v = xgrow(c->v, &c->cap_v, week_block_count(w) + 1, sizeof *c->v);
	review_week_verdicts(w, c->rq->today, c->rq->minute, plan_settings(c->p)->slot, c->v);
}

static void tally_add(struct review_tally *t, const struct block *b,
		      const struct review_verdict *v, bool due)
{
	t->blocks++;
	t->minutes += block_minutes(b);
	t->done += v->state == REVIEW_DONE;
	t->unfinished += v->state == REVIEW_UNFINISHED;
	t->dropped += v->state == REVIEW_DROPPED;
	t->done_minutes += v->done_minutes;
	t->left_minutes += v->left_minutes;
	if (due)
		t->due_minutes += block_minutes(b);
}

static void tally_finish(struct review_tally *t)
{
	t->rate_pct = review_pct(t->done_minutes, t->due_minutes);
}

static void outcome_add(struct outcome *sum, const struct outcome *o)
{
	sum->calls += o->calls;
	sum->conversations += o->conversations;
	sum->meetings += o->meetings;
	sum->revenue += o->revenue;
}

/* The lists: unfinished blocks with what is left, dropped ones. */
static void review_list(struct ctx *c, const struct block *b, const struct review_verdict *v)
{
	struct review *r = c->r;

	if (v->state == REVIEW_UNFINISHED) {
		r->unfinished = xgrow(r->unfinished, &c->cap_unfinished, r->n_unfinished + 1,
				      sizeof *r->unfinished);
		r->unfinished[r->n_unfinished++] =
			(struct review_unfinished){ b, v->left_minutes, NULL };
	} else if (v->state == REVIEW_DROPPED) {
		r->dropped = xgrow(r->dropped, &c->cap_dropped, r->n_dropped + 1,
				   sizeof *r->dropped);
		r->dropped[r->n_dropped++] = b;
	}
}

static void review_block(struct ctx *c, const struct block *b, const struct review_verdict *v)
{
	struct review *r = c->r;
	bool due = review_block_due(b, c->rq->today, c->rq->minute);
	struct review_industry *ind;
	int m = block_minutes(b);

	if (b->kind == KIND_MEETING) {
		/* Calendar time: neither done nor due. */
		r->kind[KIND_MEETING].blocks++;
		r->kind[KIND_MEETING].minutes += m;
		return;
	}
	tally_add(&r->kind[b->kind], b, v, due);
	tally_add(&r->total, b, v, due);
	tally_add(&r->day[date_weekday(b->date)], b, v, due);
	ind = industry_row(c, b->industry);
	tally_add(&ind->t, b, v, due);
	outcome_add(&ind->out, &b->out);
	if (b->kind == KIND_PROSPECTING)
		ind->prospecting_minutes += v->done_minutes;
	if (b->kind == KIND_ACCOUNT) {
		struct review_account *a = account_row(c, b->account);

		a->planned += m;
		a->done += v->done_minutes;
	}
	if (!b->for_quota) {
		r->focus.notquota_minutes += m;
		r->focus.notquota_done_minutes += v->done_minutes;
	}
	review_list(c, b, v);
}

static void review_range_week(struct ctx *c, const struct week *w)
{
	date_t monday = week_monday(w);

	verdicts_of(c, w);
	for (size_t i = 0; i < week_block_count(w); i++)
		review_block(c, week_block_at(w, i), &c->v[i]);
	for (size_t i = 0; i < week_sale_count(w); i++) {
		const struct sale *s = week_sale_at(w, i);

		if (s->date >= monday && s->date <= monday + 6)
			industry_row(c, s->industry)->sales += s->amount;
	}
	review_focus_week(&c->r->focus, w);
}

static void review_trend_week(struct ctx *c, struct review_week *tw, int key,
			      const struct week *w)
{
	memset(tw, 0, sizeof *tw);
	tw->key = key;
	if (w != NULL)
		verdicts_of(c, w);
	for (size_t i = 0; w != NULL && i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);

		if (b->kind == KIND_MEETING)
			continue;
		tally_add(&tw->t, b, &c->v[i], review_block_due(b, c->rq->today, c->rq->minute));
		tw->meetings += b->out.meetings;
		if (b->kind == KIND_PROSPECTING)
			tw->prospecting_minutes += c->v[i].done_minutes;
	}
	tally_finish(&tw->t);
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
		all->t.blocks += x->t.blocks;
		all->t.done += x->t.done;
		all->t.unfinished += x->t.unfinished;
		all->t.dropped += x->t.dropped;
		all->t.minutes += x->t.minutes;
		all->t.done_minutes += x->t.done_minutes;
		all->t.due_minutes += x->t.due_minutes;
		all->t.left_minutes += x->t.left_minutes;
		outcome_add(&all->out, &x->out);
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

		x->target = (4 * x->baseline + 2) / 5;
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
		if (lo < n && strcmp(c[lo].from, key.from) == 0) {
			r->unfinished[i].carried_to = c[lo].id;
			r->n_carried++;
		}
	}
	free(c);
}

/* The unfinished blocks are in date order, so grouped by week. */
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
	s->n = (size_t)week_distance(span->first, span->last) + 1;
	s->at = xcalloc(s->n, sizeof *s->at);
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

int review_compute(const struct plan *p, const struct review_request *rq,
		   const struct week *const *weeks, size_t n, struct review **out,
		   struct error *err)
{
	struct review_span span;
	struct review_slots slots;
	struct ctx c = { .p = p, .rq = rq };
	struct review *r;

	if (review_span(p, rq, &span, err) != 0)
		return -1;
	if (slots_fill(&slots, &span, weeks, n, err) != 0)
		return -1;
	r = c.r = xcalloc(1, sizeof *r);
	r->last = rq->last;
	r->n_weeks = rq->n_weeks;
	r->first = date_week_add(rq->last, -(rq->n_weeks - 1));
	r->today = rq->today;
	r->minute = rq->minute;
	r->weeks = xcalloc((size_t)rq->n_weeks, sizeof *r->weeks);
	rows_init(&c);
	for (int i = 0; i < rq->n_weeks; i++) {
		r->weeks[i] = review_slot(&slots, date_week_add(r->first, i));
		if (r->weeks[i] != NULL)
			review_range_week(&c, r->weeks[i]);
	}
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		int key = date_week_add(rq->last, i - (REVIEW_TREND_WEEKS - 1));

		review_trend_week(&c, &r->trend[i], key, review_slot(&slots, key));
	}
	review_finish(r);
	review_carried(r, &slots);
	review_quota_compute(r, p, &slots);
	free(slots.at);
	free(c.ind.e);
	free(c.acc.e);
	free(c.v);
	*out = r;
	return 0;
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
