/* timer.h - the focus timer's state: one block, one niche, every call
 * counted.
 *
 * The state is persisted on every change (start, pause, resume, count,
 * interruption, extension, finish) in the small timer.json, never once a
 * second.  Everything shown is derived from the stored instants and the
 * current wall clock, never from counting ticks.
 */
#ifndef FOCUSWEEK_TIMER_H
#define FOCUSWEEK_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "model.h"

struct timer_state {
	char block[MODEL_ID_MAX];  /* the block being worked */
	int week;                  /* its week key */
	char *industry;            /* copy of the industry's name (status lines read
				      only timer.json), "" when none */
	int color;                 /* the industry's palette slot, 0 when none */
	char *title;               /* copy of the block's title */
	enum block_kind kind;
	int planned_end;           /* the block's planned end, local minutes */
	instant_t started;         /* UTC instant the timer started */
	int64_t planned;           /* seconds planned at the start */
	int64_t extended;          /* seconds added by "extend" */
	int64_t paused_total;      /* seconds in pauses that have ended */
	instant_t paused_at;       /* start of the current pause, or 0 when running */
	struct outcome counted;    /* calls, conversations, meetings so far */
	struct interruption *interruptions;
	size_t n_interruptions;
};

void timer_state_init(struct timer_state *t);
void timer_state_clear(struct timer_state *t);
void timer_state_copy(struct timer_state *dst, const struct timer_state *src);

#endif
