/* test_review_digest.c - a review merged from week digests equals the one
 * computed from every week in full, whatever weeks its lists are read from. */
#include "test_review_gen.h"

#include "buf.h"

/* ---------------------------------------------------------------- checks */

static void tally_eq(const struct review_tally *a, const struct review_tally *b)
{
	fx_tally_eq(a, b);
	assert_int_equal(a->rate_pct, b->rate_pct);
}

static void industry_eq(const struct review_industry *a, const struct review_industry *b)
{
	assert_int_equal(a->id, b->id);
	tally_eq(&a->t, &b->t);
	assert_int_equal(a->out.calls, b->out.calls);
	assert_int_equal(a->out.conversations, b->out.conversations);
	assert_int_equal(a->out.meetings, b->out.meetings);
	assert_int_equal(a->sales, b->sales);
	assert_int_equal(a->prospecting_minutes, b->prospecting_minutes);
	assert_int_equal(a->calls_ph, b->calls_ph);
	assert_int_equal(a->meetings_ph, b->meetings_ph);
}

/* Every figure but the lists. */
static void figures_eq(const struct review *a, const struct review *b)
{
	const struct review_focus *f = &a->focus, *g = &b->focus;

	tally_eq(&a->total, &b->total);
	for (int d = 0; d < 7; d++)
		tally_eq(&a->day[d], &b->day[d]);
	for (int k = 0; k < KIND_COUNT; k++)
		tally_eq(&a->kind[k], &b->kind[k]);
	assert_int_equal(a->n_industries, b->n_industries);
	for (size_t i = 0; i < a->n_industries; i++)
		industry_eq(&a->industries[i], &b->industries[i]);
	industry_eq(&a->all, &b->all);
	assert_int_equal(a->accounts.n, b->accounts.n);
	for (size_t i = 0; i < a->accounts.n; i++) {
		assert_int_equal(a->accounts.rows[i].id, b->accounts.rows[i].id);
		assert_int_equal(a->accounts.rows[i].baseline, b->accounts.rows[i].baseline);
		assert_int_equal(a->accounts.rows[i].planned, b->accounts.rows[i].planned);
		assert_int_equal(a->accounts.rows[i].done, b->accounts.rows[i].done);
	}
	assert_int_equal(a->accounts.freed, b->accounts.freed);
	assert_int_equal(a->accounts.to_prospecting, b->accounts.to_prospecting);
	assert_int_equal(f->days, g->days);
	assert_int_equal(f->days_held, g->days_held);
	assert_int_equal(f->halves, g->halves);
	assert_int_equal(f->halves_held, g->halves_held);
	assert_int_equal(f->interruptions, g->interruptions);
	assert_memory_equal(f->per_day, g->per_day, sizeof f->per_day);
	assert_int_equal(f->timer_seconds, g->timer_seconds);
	assert_int_equal(f->notquota_minutes, g->notquota_minutes);
	assert_int_equal(f->notquota_done_minutes, g->notquota_done_minutes);
	assert_int_equal(a->quota.sold, b->quota.sold);
	assert_int_equal(a->quota.pace, b->quota.pace);
	assert_int_equal(a->quota.projection, b->quota.projection);
	for (int i = 0; i < REVIEW_TREND_WEEKS; i++) {
		assert_int_equal(a->trend[i].key, b->trend[i].key);
		tally_eq(&a->trend[i].t, &b->trend[i].t);
		assert_int_equal(a->trend[i].meetings, b->trend[i].meetings);
		assert_int_equal(a->trend[i].prospecting_minutes, b->trend[i].prospecting_minutes);
	}
	assert_int_equal(a->n_carried, b->n_carried);
}

/* b's lists are a's entries from b->listed_from on, the same ones. */
static void lists_tail_eq(const struct review *a, const struct review *b)
{
	date_t from = date_week_monday(b->listed_from);
	size_t k = 0;

	for (size_t i = 0; i < a->n_unfinished; i++) {
		if (a->unfinished[i].block->date < from)
			continue;
		assert_true(k < b->n_unfinished);
		assert_ptr_equal(a->unfinished[i].block, b->unfinished[k].block);
		assert_int_equal(a->unfinished[i].left, b->unfinished[k].left);
		assert_ptr_equal(a->unfinished[i].carried_to, b->unfinished[k].carried_to);
		k++;
	}
	assert_int_equal(k, b->n_unfinished);
	k = 0;
	for (size_t i = 0; i < a->n_dropped; i++)
		if (a->dropped[i]->date >= from)
			assert_ptr_equal(a->dropped[i], b->dropped[k++]);
	assert_int_equal(k, b->n_dropped);
	k = 0;
	for (size_t i = 0; i < a->focus.n_list; i++)
		if (a->focus.list[i].date >= from) {
			assert_int_equal(a->focus.list[i].at, b->focus.list[k].at);
			assert_ptr_equal(a->focus.list[i].note, b->focus.list[k++].note);
		}
	assert_int_equal(k, b->focus.n_list);
}

static size_t min_shown(int total)
{
	return total < REVIEW_LIST_SHOWN ? (size_t)total : REVIEW_LIST_SHOWN;
}

/* The text and Markdown of a and b are the same. */
static void output_eq(const struct review *a, const struct review *b, const struct plan *p)
{
	for (int f = REVIEW_TEXT; f <= REVIEW_MD; f++) {
		struct buf x = BUF_INIT, y = BUF_INIT;

		review_write(&x, a, p, (enum review_format)f, TEXT_UTF8);
		review_write(&y, b, p, (enum review_format)f, TEXT_UTF8);
		assert_string_equal(buf_str(&x), buf_str(&y));
		buf_free(&x);
		buf_free(&y);
	}
}

/* ---------------------------------------------------------------- history */

#define HIST_FIRST 202530 /* 2025-W30 .. 2026-W49 */
#define HIST_N 73

struct hist {
	struct plan *p;
	struct week *w[HIST_N];
};

static int hist_setup(void **state)
{
	struct hist *h = calloc(1, sizeof *h);
	uint32_t seed = 2463534242u;

	tu_tz("Europe/Berlin");
	h->p = fx_plan(QUOTA_QUARTER, 250000);
	for (int i = 0; i < HIST_N; i++)
		h->w[i] = gen_week(h->p, date_week_add(HIST_FIRST, i), i ? h->w[i - 1] : NULL,
				   &seed);
	*state = h;
	return 0;
}

static int hist_teardown(void **state)
{
	struct hist *h = *state;

	fx_free_weeks(h->w, HIST_N);
	plan_free(h->p);
	free(h);
	return 0;
}

static const struct week *hist_week(const struct hist *h, int key)
{
	int i = (int)((date_week_monday(key) - date_week_monday(HIST_FIRST)) / 7);

	return i >= 0 && i < HIST_N ? h->w[i] : NULL;
}

/* The review of rq from digests with the last `listed` weeks in full, beside
 * the one from every week: the same figures, the same lists from listed_from
 * on, and the same text and Markdown when the lists show as many entries.
 * Returns whether the outputs were compared. */
static bool check_listed(const struct hist *h, const struct review_request *rq,
			 const struct review *full, size_t listed)
{
	struct review_span span;
	struct review_digest **d;
	const struct week **w;
	struct review *r = NULL;
	struct error err;
	size_t n;
	bool compared = false;

	assert_int_equal(review_span(h->p, rq, &span, &err), 0);
	n = review_span_weeks(&span);
	if (listed > n)
		listed = n;
	d = calloc(n, sizeof *d);
	w = calloc(n, sizeof *w);
	for (size_t i = 0; i < n; i++) {
		int key = date_week_add(span.first, (int)i);

		w[i] = i >= n - listed ? hist_week(h, key) : NULL;
		d[i] = review_digest_week(hist_week(h, key), key, rq->today, rq->minute,
					  plan_settings(h->p)->slot);
	}
	assert_int_equal(review_compute_digests(h->p, rq, (const struct review_digest *const *)d,
						w, n, listed, &r, &err), 0);
	figures_eq(full, r);
	lists_tail_eq(full, r);
	if (listed == n)
		assert_int_equal(r->listed_from, r->first);
	if (r->n_unfinished >= min_shown(full->total.unfinished) &&
	    r->n_dropped >= min_shown(full->total.dropped) &&
	    r->focus.n_list >= min_shown(full->focus.interruptions)) {
		output_eq(full, r, h->p);
		compared = true;
	}
	review_free(r);
	for (size_t i = 0; i < n; i++)
		review_digest_free(d[i]);
	free(d);
	free(w);
	return compared;
}

static void test_digests_equal_full(void **state)
{
	const struct hist *h = *state;
	static const int lengths[] = { 1, 4, 13, 52 };
	static const size_t listed[] = { 1, 3, 8, 10, 12, 200 };
	struct { const char *day, *minute; } moments[] = {
		{ "2026-11-18", "12:00" }, /* Wednesday of the reviewed week */
		{ "2026-11-30", "09:00" }, /* the Monday after the week after */
	};
	int compared = 0, tails = 0;

	for (size_t m = 0; m < sizeof moments / sizeof *moments; m++)
		for (size_t l = 0; l < sizeof lengths / sizeof *lengths; l++) {
			struct review_request rq = { fx_week("2026-W47"), lengths[l],
						     fx_day(moments[m].day),
						     fx_min(moments[m].minute) };
			struct week *all[HIST_N];
			struct review *full;

			memcpy(all, h->w, sizeof all);
			full = fx_review(h->p, all, HIST_N, "2026-W47", lengths[l], moments[m].day,
					 moments[m].minute);
			assert_true(full->total.unfinished > 0 && full->total.dropped > 0);
			for (size_t k = 0; k < sizeof listed / sizeof *listed; k++) {
				bool same = check_listed(h, &rq, full, listed[k]);

				compared += same;
				tails += same && listed[k] < 15 && lengths[l] == 52;
			}
			review_free(full);
		}
	/* The outputs were compared, also with lists read from a few weeks. */
	assert_true(compared > 10);
	assert_true(tails > 0);
}

/* A digest of no week is empty; a week is settled once its Sunday is past. */
static void test_digest_empty_and_settled(void **state)
{
	struct review_digest *d = review_digest_week(NULL, fx_week("2026-W47"),
						     fx_day("2026-11-30"), 0, 30);

	(void)state;
	assert_int_equal(d->key, fx_week("2026-W47"));
	assert_int_equal(d->total.blocks, 0);
	assert_int_equal(d->n_industries + d->n_accounts + d->n_sales, 0);
	review_digest_free(d);
	assert_false(review_digest_settled(fx_week("2026-W47"), fx_day("2026-11-22")));
	assert_true(review_digest_settled(fx_week("2026-W47"), fx_day("2026-11-23")));
}

/* The ids a digest keeps: its unfinished blocks, and what its blocks carry. */
static void test_digest_ids(void **state)
{
	const struct hist *h = *state;
	const struct week *w = hist_week(h, fx_week("2026-W40"));
	struct review_digest *d = review_digest_week(w, week_key(w), fx_day("2026-12-01"), 0,
						     plan_settings(h->p)->slot);
	size_t carried = 0;

	assert_int_equal(d->n_unfinished, (size_t)d->total.unfinished);
	assert_true(d->n_unfinished > 0);
	for (size_t i = 0; i < d->n_unfinished; i++)
		assert_int_equal(week_block_by_id(w, d->unfinished[i])->status == STATUS_SKIPPED, 0);
	for (size_t i = 0; i < week_block_count(w); i++)
		carried += week_block_at(w, i)->carried_from[0] != '\0';
	assert_int_equal(d->n_carried_from, carried);
	review_digest_free(d);
}

/* A span given the wrong number of weeks is refused. */
static void test_digests_wrong_span(void **state)
{
	const struct hist *h = *state;
	struct review_request rq = { fx_week("2026-W47"), 1, fx_day("2026-11-30"), 0 };
	struct review *r = NULL;
	struct error err;

	assert_int_equal(review_compute_digests(h->p, &rq, NULL, NULL, 3, 3, &r, &err), -1);
	assert_null(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_digests_equal_full, hist_setup, hist_teardown),
		cmocka_unit_test_setup_teardown(test_digest_ids, hist_setup, hist_teardown),
		cmocka_unit_test_setup_teardown(test_digests_wrong_span, hist_setup, hist_teardown),
		cmocka_unit_test(test_digest_empty_and_settled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
