/* review_verdict.c - what one block counts as: done, unfinished (and what
 * is left of it), dropped, or still to come.  The review and the planning
 * both judge blocks here, so "unfinished" means one thing everywhere. */
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "xalloc.h"

bool review_block_due(const struct block *b, date_t today, int minute)
{
	return b->status == STATUS_DONE || b->date < today ||
	       (b->date == today && b->end <= minute);
}

const char *review_state_name(enum review_state s)
{
	static const char *const names[] = { "done", "unfinished", "dropped", "to come",
					     "calendar" };

	return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}

/* What is left, up to the slot grid and at least one slot. */
static int on_grid(int64_t left, int slot)
{
	if (slot <= 0)
		return (int)left;
	if (left < slot)
		return slot;
	return (int)((left + slot - 1) / slot * slot);
}

/* b's verdict, given the seconds its timer runs tracked. */
static void judge(const struct block *b, int64_t tracked, date_t today, int minute, int slot,
		  struct review_verdict *v)
{
	int len = block_minutes(b);
	int64_t left;

	memset(v, 0, sizeof *v);
	if (b->kind == KIND_MEETING) {
		v->state = REVIEW_CALENDAR;
		return;
	}
	if (b->status == STATUS_SKIPPED) {
		v->state = REVIEW_DROPPED;
		return;
	}
	if (b->status == STATUS_DONE) {
		if (b->worked > 0) /* the minutes the user said it took */
			v->done_minutes = b->worked < len ? b->worked : len;
		else
			v->done_minutes = !b->cut_short || tracked / 60 >= len ? len
										: (int)(tracked / 60);
		left = len - v->done_minutes;
	} else if (review_block_due(b, today, minute)) {
		left = len;
	} else {
		v->state = REVIEW_TO_COME;
		return;
	}
	v->state = left > 0 ? REVIEW_UNFINISHED : REVIEW_DONE;
	v->left_minutes = left > 0 ? on_grid(left, slot) : 0;
}

/* A block cut short and the seconds its runs tracked. */
struct cut {
	const char *id;
	size_t at;              /* its place in the week */
	int64_t seconds;
};

static int cut_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cut *)a)->id, ((const struct cut *)b)->id);
}

/* The runs of w on the blocks in cut[0..n) (sorted by id), added up. */
static void cut_track(struct cut *cut, size_t n, const struct week *w)
{
	for (size_t i = 0; i < week_session_count(w); i++) {
		const struct session *s = week_session_at(w, i);
		struct cut key = { s->block, 0, 0 };
		struct cut *c = bsearch(&key, cut, n, sizeof *cut, cut_cmp);
		int64_t t = s->ended - s->started - s->paused;

		if (c != NULL && t > 0)
			c->seconds += t;
	}
}

void review_week_verdicts(const struct week *w, date_t today, int minute, int slot,
			  struct review_verdict *out)
{
	size_t n = week_block_count(w), n_cut = 0;
	struct cut *cut;

	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_at(w, i);

		n_cut += b->status == STATUS_DONE && b->cut_short;
		judge(b, 0, today, minute, slot, &out[i]);
	}
	if (n_cut == 0)
		return;
	cut = xcalloc(n_cut, sizeof *cut);
	n_cut = 0;
	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_at(w, i);

		if (b->status == STATUS_DONE && b->cut_short)
			cut[n_cut++] = (struct cut){ b->id, i, 0 };
	}
	qsort(cut, n_cut, sizeof *cut, cut_cmp);
	cut_track(cut, n_cut, w);
	for (size_t k = 0; k < n_cut; k++)
		judge(week_block_at(w, cut[k].at), cut[k].seconds, today, minute, slot,
		      &out[cut[k].at]);
	free(cut);
}
