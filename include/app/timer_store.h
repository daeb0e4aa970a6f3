/* timer_store.h - the timer through the store: lock, load, check, change,
 * save.  What the command line and the screens call. */
#ifndef FOCUSWEEK_TIMER_STORE_H
#define FOCUSWEEK_TIMER_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "model.h"
#include "store.h"
#include "timer.h"

enum timer_op {
	TIMER_OP_PAUSE,
	TIMER_OP_RESUME,
	TIMER_OP_TOGGLE,     /* pause when running, resume when paused */
	TIMER_OP_EXTEND,     /* amount: minutes */
	TIMER_OP_COUNT,      /* counter, amount: +N or -N */
	TIMER_OP_INTERRUPT,  /* note */
	TIMER_OP_STOP,       /* end (or the default end), revenue, note */
};

struct timer_action {
	enum timer_op op;
	int64_t amount;
	enum timer_counter counter;
	const char *note;
	bool end_given;         /* stop: use `end`, else timer_default_end */
	enum session_end end;
	int64_t revenue;
};

/* Why an action was refused, when the caller may want to offer a way out. */
enum timer_refusal {
	TIMER_REFUSED_OTHER = 0,
	TIMER_REFUSED_NONE,   /* no timer is running */
	TIMER_REFUSED_BUSY,   /* another block's timer runs: `state` holds it */
	TIMER_REFUSED_STALE,  /* the timer's block was removed or done: it was cleared */
};

struct timer_result {
	struct timer_state state; /* the timer after the change (as it ended, for a
				     stop); always timer_state_clear it */
	enum session_end end;     /* a stop: how it ended */
	enum timer_refusal why;   /* on failure */
	char notice[700];         /* something the user should know, or "" */
};

/*
 * Starts the timer on block `id`, or (id NULL) on the block happening now,
 * else fails naming the next one.  A running timer is refused, naming it,
 * unless do_switch: then it is abandoned (logged) in the same change.  A
 * stale timer (its block removed or done meanwhile) is replaced, with a
 * notice.
 */
int timer_store_start(struct store *st, const struct plan *p, const char *id, bool do_switch,
		      instant_t now, struct timer_result *res, struct error *err);
/*
 * Applies one action to the running timer.  With no timer, ERR_NOTFOUND.  A
 * stale timer is removed and reported as ERR_NOTFOUND.  A stop writes the
 * block's week and removes timer.json in one change.
 */
int timer_store_apply(struct store *st, const struct plan *p, const struct timer_action *a,
		      instant_t now, struct timer_result *res, struct error *err);
/* Refuses (ERR_REFUSED, ending with way_out) when the timer runs on block
 * `id`: what ends or removes a block by hand checks this first. */
int timer_store_check_free(struct store *st, const char *id, const char *way_out,
			   struct error *err);
/* timer_record / timer_skip on the stored week; refused while the timer runs
 * on that block. */
int timer_store_record(struct store *st, const struct plan *p, const char *id,
		       const struct timer_outcome *o, struct error *err);
int timer_store_skip(struct store *st, const struct plan *p, const char *id,
		     struct error *err);

#endif
