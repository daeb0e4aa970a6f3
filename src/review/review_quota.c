/* review_quota.c - months, quarters and years, and where the quota stands. */
#include <stdio.h>
#include <string.h>

#include "review_int.h"

void review_period_of_day(date_t day, enum review_period period, date_t *start,
			  date_t *end)
{
	int y, m, d, first = 1, last = 12;

	date_to_ymd(day, &y, &m, &d);
	if (period == REVIEW_MONTH) {
		first = last = m;
	} else if (period == REVIEW_QUARTER) {
		first = (m - 1) / 3 * 3 + 1;
		last = first + 2;
	}
	*start = date_from_ymd(y, first, 1);
	*end = date_from_ymd(y, last, date_days_in_month(y, last));
}

void review_period_of_week(int key, enum quota_period period, date_t *start, date_t *end)
{
	review_period_of_day(date_week_monday(key) + 3,
			     period == QUOTA_MONTH ? REVIEW_MONTH : REVIEW_QUARTER, start, end);
}

void review_period_label(date_t start, enum review_period period, char out[16])
{
	int y, m, d;

	date_to_ymd(start, &y, &m, &d);
	if (period == REVIEW_MONTH)
		snprintf(out, 16, "%s %d", date_month_abbr(m), y);
	else if (period == REVIEW_QUARTER)
		snprintf(out, 16, "Q%d %d", (m - 1) / 3 + 1, y);
	else
		snprintf(out, 16, "%d", y);
}

static date_t thursday_on_or_after(date_t day)
{
	return day + (3 - date_weekday(day) + 7) % 7;
}

static date_t thursday_on_or_before(date_t day)
{
	return day - (date_weekday(day) - 3 + 7) % 7;
}

void review_quota_dates(int key, enum quota_period period, date_t *start, date_t *cutoff)
{
	date_t monday = date_week_monday(key), end;

	review_period_of_week(key, period, start, &end);
	*cutoff = monday + 3 == thursday_on_or_before(end) ? end : monday + 6;
}

static int64_t quota_sold(const struct review_quota *q, const struct review_slots *s)
{
	int key = date_week_key(q->start), last = date_week_key(q->cutoff);
	int64_t sold = 0;

	for (;; key = date_week_add(key, 1)) {
		const struct review_digest *d = review_slot_digest(s, key);

		for (size_t i = 0; d != NULL && i < d->n_sales; i++) {
			const struct review_digest_sale *sale = &d->sales[i];

			if (sale->date >= q->start && sale->date <= q->cutoff)
				sold += sale->amount;
		}
		if (key == last)
			return sold;
	}
}

void review_quota_compute(struct review *r, const struct plan *p,
			  const struct review_slots *s)
{
	const struct quota *qt = plan_quota(p);
	struct review_quota *q = &r->quota;
	date_t thursday = date_week_monday(r->last) + 3, first, last;
	int y, m, d;

	memset(q, 0, sizeof *q);
	q->period = qt->period;
	snprintf(q->currency, sizeof q->currency, "%s", qt->currency);
	review_period_of_week(r->last, qt->period, &q->start, &q->end);
	review_quota_dates(r->last, qt->period, &q->start, &q->cutoff);
	date_to_ymd(q->start, &y, &m, &d);
	q->year = y;
	q->number = qt->period == QUOTA_MONTH ? m : (m - 1) / 3 + 1;
	first = thursday_on_or_after(q->start);
	last = thursday_on_or_before(q->end);
	q->weeks = (int)(last - first) / 7 + 1;
	q->week_index = (int)(thursday - first) / 7 + 1;
	q->weeks_left = q->weeks - q->week_index;
	q->target = qt->target;
	q->sold = quota_sold(q, s);
	q->gap = q->target > q->sold ? q->target - q->sold : 0;
	q->progress_pct = review_pct(q->sold, q->target);
	q->pace = q->weeks_left > 0 ? (q->gap + q->weeks_left - 1) / q->weeks_left : -1;
	q->projection = q->sold * q->weeks / q->week_index;
}
