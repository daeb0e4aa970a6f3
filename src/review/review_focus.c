/* review_focus.c - days held to one niche, interruptions, timer time. */
#include <stdlib.h>
#include <string.h>

#include "review_int.h"
#include "rules.h"
#include "xalloc.h"

/* One day or half-day of a week. */
struct unit {
	bool counted;   /* it had prospecting that is due: done, or ended */
	int niche;      /* its niche, 0 = none */
	int done;       /* done prospecting blocks in it */
	int industry;   /* the industry of the first of them */
	bool mixed;     /* a done one of another industry */
};

static void units_blocks(struct unit u[7][PART_COUNT], const struct week *w, date_t today,
			 int minute)
{
	date_t monday = week_monday(w);

	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		enum day_part parts[2];
		int n, d = (int)(b->date - monday);

		if (b->kind != KIND_PROSPECTING || d < 0 || d > 6 ||
		    !review_block_due(b, today, minute))
			continue;
		n = rules_block_parts(w, b, parts);
		for (int k = 0; k < n; k++) {
			struct unit *x = &u[d][parts[k]];

			x->counted = true;
			if (b->status != STATUS_DONE)
				continue;
			if (x->done++ == 0)
				x->industry = b->industry;
			else if (x->industry != b->industry)
				x->mixed = true;
		}
	}
}

void review_focus_units(const struct week *w, date_t today, int minute, struct review_digest *d)
{
	struct unit u[7][PART_COUNT];
	bool half = week_focus(w) == FOCUS_HALF_DAY;
	enum day_part first = half ? PART_AM : PART_DAY, last = half ? PART_PM : PART_DAY;

	memset(u, 0, sizeof u);
	for (int day = 0; day < 7; day++)
		for (int k = first; k <= (int)last; k++)
			u[day][k].niche = week_niche(w, week_monday(w) + day, (enum day_part)k);
	units_blocks(u, w, today, minute);
	for (int day = 0; day < 7; day++)
		for (int k = first; k <= (int)last; k++) {
			const struct unit *x = &u[day][k];
			bool held = x->done > 0 && !x->mixed &&
				    (x->niche == 0 || x->industry == x->niche);

			if (!x->counted)
				continue;
			if (half) {
				d->halves++;
				d->halves_held += held;
			} else {
				d->days++;
				d->days_held += held;
			}
		}
}

void review_focus_digest(struct review_focus *f, const struct review_digest *d)
{
	f->days += d->days;
	f->days_held += d->days_held;
	f->halves += d->halves;
	f->halves_held += d->halves_held;
	f->timer_seconds += d->timer_seconds;
	f->notquota_minutes += d->notquota_minutes;
	f->notquota_done_minutes += d->notquota_done_minutes;
	for (size_t i = 0; i < d->n_interruptions; i++) {
		date_t day;

		clock_to_local(d->interruptions[i], &day, NULL, NULL);
		f->per_day[date_weekday(day)]++;
		f->interruptions++;
	}
}

void review_focus_list(struct review_focus *f, const struct week *w)
{
	for (size_t i = 0; i < week_session_count(w); i++) {
		const struct session *s = week_session_at(w, i);

		for (size_t j = 0; j < s->n_interruptions; j++) {
			const struct interruption *in = &s->interruptions[j];
			struct review_interruption *x;
			size_t n = f->n_list;

			/* Capacity doubles at each power of two. */
			if (n == 0 || (n & (n - 1)) == 0)
				f->list = xrealloc(f->list, (n ? 2 * n : 1) * sizeof *f->list);
			x = &f->list[f->n_list++];
			x->at = in->at;
			clock_to_local(in->at, &x->date, &x->minute, NULL);
			x->note = in->note != NULL ? in->note : "";
			x->block = s->block;
		}
	}
}

static int interruption_cmp(const void *a, const void *b)
{
	const struct review_interruption *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return strcmp(x->block, y->block);
}

void review_focus_finish(struct review_focus *f)
{
	if (f->n_list > 1)
		qsort(f->list, f->n_list, sizeof *f->list, interruption_cmp);
}
