/* history.h - undo and redo of the changes made in a session.
 *
 * A change is recorded as the state of every week it touched, before and
 * after.  Undoing applies the "before" states, but only if each week still
 * holds the "after" state: a week changed meanwhile by another program is
 * never rolled back over that change.
 */
#ifndef FOCUSWEEK_HISTORY_H
#define FOCUSWEEK_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#define HISTORY_WEEKS_MAX 4   /* weeks one change may touch */

struct history_change {
	char label[96];                          /* "add \"Call list A\"" */
	size_t n;                                /* weeks touched */
	struct week *before[HISTORY_WEEKS_MAX];  /* owned clones */
	struct week *after[HISTORY_WEEKS_MAX];   /* owned clones */
};

struct history;

/* Keeps at most `limit` changes; the oldest go first. */
struct history *history_new(size_t limit);
void history_free(struct history *h);

/* Records a change (clones the weeks) and clears the redo list. */
void history_push(struct history *h, const char *label, struct week *const *before,
		  struct week *const *after, size_t n);

/* The change the next undo (or redo) would apply, or NULL. */
const struct history_change *history_undo_peek(const struct history *h);
const struct history_change *history_redo_peek(const struct history *h);
/* Moves the top change to the other list once the caller applied it. */
void history_undone(struct history *h);
void history_redone(struct history *h);
/* Forgets everything (e.g. when the plan was replaced on disk). */
void history_clear(struct history *h);
size_t history_undo_count(const struct history *h);
size_t history_redo_count(const struct history *h);

#endif
