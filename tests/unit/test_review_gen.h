/* test_review_gen.h - a made-up history for the review's tests: weeks of
 * blocks of every kind and status, timer runs with interruptions, blocks
 * carried on from the week before, sales; the same for the same seed. */
#ifndef FOCUSWEEK_TEST_REVIEW_GEN_H
#define FOCUSWEEK_TEST_REVIEW_GEN_H

#include <stdint.h>
#include <stdio.h>

#include "test_review_fixture.h"

/* A small deterministic generator (xorshift). */
static inline uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static inline void gen_session(struct week *w, const struct block *b, uint32_t *seed)
{
	struct session s = { 0 };
	int n = (int)(rnd(seed) % 4);

	snprintf(s.block, sizeof s.block, "%s", b->id);
	s.started = tu_local(b->date, b->start);
	s.ended = s.started + 60 * (int64_t)(block_minutes(b) - (int)(rnd(seed) % 25));
	s.paused = rnd(seed) % 3 == 0 ? 300 : 0;
	s.end = b->status == STATUS_DONE ? (b->cut_short ? SESSION_CUT_SHORT : SESSION_DONE)
					 : SESSION_ABANDONED;
	s.interruptions = n > 0 ? calloc((size_t)n, sizeof *s.interruptions) : NULL;
	for (int i = 0; i < n; i++) {
		s.interruptions[i].at = s.started + 60 * (i + 1);
		s.interruptions[i].note = strdup(i % 2 ? "phone" : "");
	}
	s.n_interruptions = (size_t)n;
	week_session_take(w, &s);
}

/* One block of day `day` from start to end, of a random kind and status. */
static inline void gen_block(struct week *w, int key, int seq, date_t day, int start, int end,
		      const char *carried, uint32_t *seed)
{
	static const enum block_status st[] = { STATUS_DONE, STATUS_DONE, STATUS_DONE,
						STATUS_PLANNED, STATUS_SKIPPED };
	struct block b;
	char wk[9];

	block_init(&b);
	date_week_format(key, wk);
	snprintf(b.id, sizeof b.id, "%.4s%.3s-%d", wk, wk + 5, seq);
	b.date = day;
	b.start = start;
	b.end = end;
	b.kind = (enum block_kind)(rnd(seed) % KIND_COUNT);
	/* Prospecting works the niche of its part of the day (a block across
	 * midday between two niches is admin instead). */
	b.industry = (int)(rnd(seed) % 2);
	if (b.kind == KIND_PROSPECTING) {
		b.industry = week_niche_at(w, day, start);
		if (b.industry != week_niche_at(w, day, end - 1))
			b.kind = KIND_ADMIN;
	}
	b.account = b.kind == KIND_ACCOUNT ? (int)(rnd(seed) % 4) : 0;
	b.status = b.kind == KIND_MEETING ? STATUS_PLANNED : st[rnd(seed) % 5];
	b.cut_short = b.status == STATUS_DONE && rnd(seed) % 4 == 0;
	b.for_quota = rnd(seed) % 5 != 0;
	b.out.calls = rnd(seed) % 20;
	b.out.meetings = rnd(seed) % 3;
	if (carried != NULL)
		snprintf(b.carried_from, sizeof b.carried_from, "%s", carried);
	block_set_title(&b, "Calls");
	week_block_restore(w, &b);
	if (b.kind != KIND_MEETING && rnd(seed) % 7 == 0) {
		struct sale s = { .date = b.date, .amount = 500, .industry = b.industry,
				  .account = b.account };

		memcpy(s.block, b.id, sizeof s.block);
		week_sale_add(w, &s, NULL, NULL);
	}
	if (b.kind != KIND_MEETING && rnd(seed) % 3 == 0)
		gen_session(w, &b, seed);
	block_clear(&b);
}

/* A week: niches, ~5 blocks a day, some carrying on last week's, sales. */
static inline struct week *gen_week(const struct plan *p, int key, const struct week *prev,
			     uint32_t *seed)
{
	struct week *w = week_new(p, key);
	date_t monday = date_week_monday(key);
	int seq = 0;

	if (rnd(seed) % 3 == 0)
		week_restore_focus(w, FOCUS_HALF_DAY, 12 * 60);
	for (int d = 0; d < 5; d++) {
		if (week_focus(w) == FOCUS_HALF_DAY) {
			week_restore_niche(w, monday + d, PART_AM, 1 + (int)(rnd(seed) % 3));
			week_restore_niche(w, monday + d, PART_PM, 1 + (int)(rnd(seed) % 3));
		} else {
			week_restore_niche(w, monday + d, PART_DAY, 1 + (int)(rnd(seed) % 3));
		}
		for (int t = 8 * 60; t < 17 * 60; t += 90) {
			const char *carried = NULL;

			if (prev != NULL && rnd(seed) % 6 == 0) {
				size_t n = week_block_count(prev);

				carried = n ? week_block_at(prev, rnd(seed) % n)->id : NULL;
			}
			gen_block(w, key, ++seq, monday + d, t, t + 30 + 30 * (int)(rnd(seed) % 3),
				  carried, seed);
		}
	}
	for (int i = 0, n = (int)(rnd(seed) % 3); i < n; i++) {
		struct sale s = { 0 };

		s.date = monday + (date_t)(rnd(seed) % 7);
		s.amount = 1000 + rnd(seed) % 9000;
		s.industry = (int)(rnd(seed) % 4);
		assert_int_equal(week_sale_add(w, &s, NULL, NULL), 0);
	}
	return w;
}

#endif
