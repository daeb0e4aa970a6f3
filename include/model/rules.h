/* rules.h - the planning rules, checked in the core so every interface gets
 * them.
 *
 * - blocks of one day never overlap (imported meetings may overlap each
 *   other, but nothing is planned on top of them; a meeting imported onto
 *   planned time is kept beside it, shown, and resolved by moving or
 *   shortening the block: overlap.h);
 * - blocks sit inside the day's hours, on the slot grid;
 * - one niche per day (or half-day): a prospecting block must match its
 *   day's (or half-day's) niche and every other prospecting block there.
 *
 * Each refusal names the conflict and the way out.
 */
#ifndef FOCUSWEEK_RULES_H
#define FOCUSWEEK_RULES_H

#include <stdbool.h>

#include "error.h"
#include "model.h"

/*
 * May b stand in w?  A block with b's id already in w is the one b replaces
 * and is ignored.  `old` is that block's current state (or NULL for a new
 * block): rules that depend on settings which may have changed since (day
 * hours, slot grid, archived industries) are checked only for what changed,
 * and the block's time against the other blocks (overlaps) only when its
 * date, start or end changes.  So recording what happened (status, outcome,
 * note, title) on a block that an imported meeting landed on is always
 * allowed; moving or resizing it is checked (overlap.h helps fit it).
 */
int rules_check_block(const struct week *w, const struct plan *p, const struct block *b,
		      const struct block *old, struct error *err);

/*
 * The rules a stored week must meet whatever the settings: dates inside the
 * week, times on a 5-minute grid, no overlaps, niches and prospecting
 * consistent, known industries and accounts.  Errors name blocks as
 * "blocks[i]" by their position in `order` (file order), which maps file
 * positions to indices of w; pass NULL when they are the same.
 */
int rules_check_week(const struct week *w, const struct plan *p, const size_t *order,
		     struct error *err);

/* The niche rule for every prospecting block of w, refused like a change:
 * for a new focus rule or midday under blocks already planned. */
int rules_check_prospecting(const struct week *w, const struct plan *p, struct error *err);

/* The parts a block belongs to under the week's rule: PART_DAY, or AM/PM
 * (both when it spans midday).  Returns the count written to parts[2]. */
int rules_block_parts(const struct week *w, const struct block *b, enum day_part parts[2]);

/*
 * A meeting imported from a calendar belongs to that calendar: the next
 * import puts it back as it is there.  Every change made to one here
 * (edit, move, delete, done, skip, the timer) is refused (ERR_REFUSED) with
 * this one message, which says where to change it.
 */
bool rules_from_calendar(const struct block *b);
int rules_check_own(const struct block *b, struct error *err);

/* "morning" / "afternoon" / "" for messages. */
const char *rules_part_phrase(enum day_part part);

#endif
