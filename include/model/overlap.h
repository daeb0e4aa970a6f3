/* overlap.h - real meetings over planned blocks: finding them, and fitting
 * a block around them.
 *
 * A meeting imported from a calendar may land on planned time (the import
 * keeps both).  That is something to show and to help resolve, never a
 * lock: recording what happened on the block stays allowed (rules.h checks
 * a block's time only when its time changes).  These say which meetings lie
 * over a block, and where the block could go instead.
 */
#ifndef FOCUSWEEK_OVERLAP_H
#define FOCUSWEEK_OVERLAP_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"

/* Is m a meeting (KIND_MEETING) that shares time with block b, itself not a
 * meeting? */
bool overlap_over(const struct block *m, const struct block *b);
/* How many of w's meetings (KIND_MEETING) share time with block b (not a
 * meeting itself: 0); *first (if not NULL) gets the earliest, or NULL. */
size_t overlap_meetings(const struct week *w, const struct block *b,
			const struct block **first);

/* An all-day event (a day banner) on the day of b, a planned block that is
 * not a meeting, or NULL: the day is taken (a trade fair, a holiday) while
 * b plans work in it. */
const struct banner *overlap_banner(const struct week *w, const struct block *b);

enum overlap_fit {
	OVERLAP_MOVE,    /* the same length, at the free time nearest its start that day */
	OVERLAP_SHORTEN, /* the longest free stretch inside its own time */
};

/*
 * Where block b of w (by its id) could stand clear of every other block
 * that day: *out gets a copy of b (block_clear it) with its new start and
 * end, on the slot grid, inside the day's hours, meeting every rule.  On a
 * tie a move goes later, a shortened block keeps its earlier part.  Refused
 * (ERR_REFUSED, *out untouched) when nothing overlaps it or there is no
 * such time that day.
 */
int overlap_fit(const struct week *w, const struct plan *p, const struct block *b,
		enum overlap_fit how, struct block *out, struct error *err);

#endif
