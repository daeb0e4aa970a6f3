/* review_focus.c - days held to one niche, interruptions, timer time. */
#include <stdlib.h>
#include <string.h>

#include "review_int.h"
#include "rules.h"
#include "xalloc.h"

/* One day or half-day of a week. */
struct unit {
	bool counted;   /* it has a niche or a prospecting block */
	int niche;      /* its niche, 0 = none */
	int done;       /* done prospecting blocks in it */
	int industry;   /* the industry of the first of them */
	bool mixed;     /* a done one of another industry */
};

static void units_blocks(struct unit u[7][PART_COUNT], const struct week *w)
{
	date_t monday = week_monday(w);

	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		enum day_part parts[2];
		int n, d = (int)(b->date - monday);

		if (b->kind != KIND_PROSPECTING || d < 0 || d > 6)
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

static void focus_units(struct review_focus *f, const struct week *w)
{
	struct unit u[7][PART_COUNT];
	bool half = week_focus(w) == FOCUS_HALF_DAY;
	enum day_part first = half ? PART_AM : PART_DAY, last = half ? PART_PM : PART_DAY;

	memset(u, 0, sizeof u);
	for (int d = 0; d < 7; d++)
		for (int k = first; k <= (int)last; k++) {
			u[d][k].niche = week_niche(w, week_monday(w) + d, (enum day_part)k);
			u[d][k].counted = u[d][k].niche != 0;
		}
	units_blocks(u, w);
	for (int d = 0; d < 7; d++)
		for (int k = first; k <= (int)last; k++) {
			const struct unit *x = &u[d][k];
			bool held = x->done > 0 && !x->mixed &&
				    (x->niche == 0 || x->industry == x->niche);

			if (!x->counted)
				continue;
			if (half) {
				f->halves++;
				f->halves_held += held;
			} else {
				f->days++;
				f->days_held += held;
			}
		}
}

static void focus_interruption(struct review_focus *f, const struct session *s,
			       const struct interruption *in)
{
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
	f->per_day[date_weekday(x->date)]++;
	f->interruptions++;
}

void review_focus_week(struct review_focus *f, const struct week *w)
{
	focus_units(f, w);
	for (size_t i = 0; i < week_session_count(w); i++) {
		const struct session *s = week_session_at(w, i);
		int64_t secs = s->ended - s->started - s->paused;

		f->timer_seconds += secs > 0 ? secs : 0;
		for (size_t j = 0; j < s->n_interruptions; j++)
			focus_interruption(f, s, &s->interruptions[j]);
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
