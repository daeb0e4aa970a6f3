/* overlap.c - meetings over planned blocks, and fitting a block around them. */
#include "overlap.h"

#include <string.h>

#include "rules.h"

bool overlap_over(const struct block *m, const struct block *b)
{
	return m->kind == KIND_MEETING && b->kind != KIND_MEETING && m->date == b->date &&
	       m->start < b->end && b->start < m->end;
}

size_t overlap_meetings(const struct week *w, const struct block *b,
			const struct block **first)
{
	size_t n = 0;

	if (first != NULL)
		*first = NULL;
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *o = week_block_at(w, i);

		if (!overlap_over(o, b))
			continue;
		if (first != NULL && n == 0)
			*first = o;
		n++;
	}
	return n;
}

const struct banner *overlap_banner(const struct week *w, const struct block *b)
{
	if (b->kind == KIND_MEETING || b->status != STATUS_PLANNED)
		return NULL;
	for (size_t i = 0; i < week_banner_count(w); i++)
		if (week_banner_at(w, i)->date == b->date)
			return week_banner_at(w, i);
	return NULL;
}

/* May b stand at [start, end) that day, by every rule? */
static bool fits(const struct week *w, const struct plan *p, const struct block *b, int start,
		 int end, struct block *trial)
{
	if (start == b->start && end == b->end)
		return false; /* where it is, a meeting lies over it */
	trial->start = start;
	trial->end = end;
	/* Checked as a new time for b: the grid, the hours, the overlaps. */
	return rules_check_block(w, p, trial, b, NULL) == 0;
}

/* The nearest start to b's on the grid where its length fits; later first. */
static bool fit_move(const struct week *w, const struct plan *p, const struct block *b,
		     struct block *trial)
{
	const struct settings *s = plan_settings(p);
	int len = b->end - b->start;

	for (int k = s->slot; k <= DATE_MINUTES_PER_DAY; k += s->slot) {
		int later = b->start + k, earlier = b->start - k;

		if (later + len <= s->day_end && fits(w, p, b, later, later + len, trial))
			return true;
		if (earlier >= s->day_start && fits(w, p, b, earlier, earlier + len, trial))
			return true;
	}
	return false;
}

/* The longest stretch of b's own time that stands clear; earlier first. */
static bool fit_shorten(const struct week *w, const struct plan *p, const struct block *b,
			struct block *trial)
{
	const struct settings *s = plan_settings(p);
	int first = (b->start + s->slot - 1) / s->slot * s->slot;
	int last = b->end / s->slot * s->slot;
	int best_start = -1, best_len = 0;

	for (int start = first; start < last; start += s->slot)
		for (int end = last; end - start > best_len; end -= s->slot)
			if (fits(w, p, b, start, end, trial)) {
				best_start = start;
				best_len = end - start;
				break;
			}
	if (best_start < 0)
		return false;
	trial->start = best_start;
	trial->end = best_start + best_len;
	return true;
}

int overlap_fit(const struct week *w, const struct plan *p, const struct block *b,
		enum overlap_fit how, struct block *out, struct error *err)
{
	const struct block *meeting;
	struct block trial;
	char when[16];
	bool found;

	if (overlap_meetings(w, b, &meeting) == 0)
		return error_set(err, ERR_REFUSED, "no meeting overlaps %s \"%s\"; it stays as it is",
				 b->id, b->title);
	block_copy(&trial, b);
	found = how == OVERLAP_MOVE ? fit_move(w, p, b, &trial) : fit_shorten(w, p, b, &trial);
	if (found) {
		*out = trial;
		return 0;
	}
	block_clear(&trial);
	date_format_short(b->date, when);
	if (how == OVERLAP_MOVE)
		return error_set(err, ERR_REFUSED,
				 "%s has no free %d minutes for \"%s\" clear of the meeting \"%s\"; "
				 "shorten it, or move it to another day",
				 when, b->end - b->start, b->title, meeting->title);
	return error_set(err, ERR_REFUSED,
			 "no free stretch inside \"%s\" clears the meeting \"%s\"; move it instead",
			 b->title, meeting->title);
}
