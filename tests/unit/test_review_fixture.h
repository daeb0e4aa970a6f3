/* test_review_fixture.h - building plans and weeks by hand for the review's
 * unit tests (blocks go in as loaded, so a test can also break the rules). */
#ifndef FOCUSWEEK_TEST_REVIEW_FIXTURE_H
#define FOCUSWEEK_TEST_REVIEW_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "review.h"
#include "testutil.h"

static inline date_t fx_day(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static inline int fx_week(const char *s)
{
	int key;

	assert_int_equal(date_week_parse(s, &key), 0);
	return key;
}

static inline int fx_min(const char *s)
{
	int m;

	assert_int_equal(date_time_parse(s, &m), 0);
	return m;
}

/* Industries 1 Healthcare, 2 Manufacturing, 3 Retail (archived); accounts
 * 1 Northwind (240), 2 Contoso (93), 3 Fabrikam (60, archived). */
static inline struct plan *fx_plan(enum quota_period period, int64_t target)
{
	struct plan *p = plan_new();
	struct quota q = { period, target, "EUR" };

	assert_int_equal(plan_industry_add(p, "Healthcare", 0, NULL), 1);
	assert_int_equal(plan_industry_add(p, "Manufacturing", 0, NULL), 2);
	assert_int_equal(plan_industry_add(p, "Retail", 0, NULL), 3);
	assert_int_equal(plan_industry_archive(p, 3, true, NULL), 0);
	assert_int_equal(plan_account_add(p, "Northwind", 240, NULL), 1);
	assert_int_equal(plan_account_add(p, "Contoso", 93, NULL), 2);
	assert_int_equal(plan_account_add(p, "Fabrikam", 60, NULL), 3);
	assert_int_equal(plan_account_archive(p, 3, true, NULL), 0);
	assert_int_equal(plan_set_quota(p, &q, NULL), 0);
	return p;
}

struct fx_block {
	const char *id, *date, *start, *end;
	enum block_kind kind;
	int industry, account;
	enum block_status status;
	int64_t calls, meetings, sold; /* sold: a sale of its day naming it */
	bool not_quota;
};

static inline void fx_add(struct week *w, const struct fx_block *f)
{
	struct block b;

	block_init(&b);
	snprintf(b.id, sizeof b.id, "%s", f->id);
	b.date = fx_day(f->date);
	b.start = fx_min(f->start);
	b.end = fx_min(f->end);
	b.kind = f->kind;
	b.industry = f->industry;
	b.account = f->account;
	b.status = f->status;
	b.out.calls = f->calls;
	b.out.meetings = f->meetings;
	b.for_quota = !f->not_quota;
	block_set_title(&b, f->id);
	week_block_restore(w, &b);
	if (f->sold > 0) {
		struct sale s = { .date = b.date, .amount = f->sold, .industry = b.industry,
				  .account = b.account };

		memcpy(s.block, b.id, sizeof s.block);
		assert_int_equal(week_sale_add(w, &s, NULL, NULL), 0);
	}
	block_clear(&b);
}

static inline void fx_sale(struct week *w, const char *date, int64_t amount, int industry)
{
	struct sale s = { 0 };

	s.date = fx_day(date);
	s.amount = amount;
	s.industry = industry;
	assert_int_equal(week_sale_add(w, &s, NULL, NULL), 0);
}

/* Computes the review of n weeks ending `last`, seen at `today` `minute`. */
static inline struct review *fx_review(const struct plan *p, struct week **weeks, size_t n,
				       const char *last, int n_weeks, const char *today,
				       const char *minute)
{
	struct review_request rq = { fx_week(last), n_weeks, fx_day(today), fx_min(minute) };
	struct review *r = NULL;
	struct error err;

	assert_int_equal(review_compute(p, &rq, (const struct week *const *)weeks, n, &r, &err),
			 0);
	return r;
}

/* Two tallies hold the same counts (rate_pct, which digests do not keep,
 * aside). */
static inline void fx_tally_eq(const struct review_tally *a, const struct review_tally *b)
{
	assert_int_equal(a->blocks, b->blocks);
	assert_int_equal(a->done, b->done);
	assert_int_equal(a->unfinished, b->unfinished);
	assert_int_equal(a->dropped, b->dropped);
	assert_int_equal(a->minutes, b->minutes);
	assert_int_equal(a->done_minutes, b->done_minutes);
	assert_int_equal(a->due_minutes, b->due_minutes);
	assert_int_equal(a->left_minutes, b->left_minutes);
}

static inline void fx_free_weeks(struct week **weeks, size_t n)
{
	for (size_t i = 0; i < n; i++)
		week_free(weeks[i]);
}

#endif
