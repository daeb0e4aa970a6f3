/* app_timer.h - the focus timer through the application layer: each
 * action reads timer.json and the block's week under the lock, changes
 * them and writes them as one change (app.h).  What the command line and
 * the focus screen call. */
#ifndef FOCUSWEEK_APP_TIMER_H
#define FOCUSWEEK_APP_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "error.h"
#include "model.h"
#include "timer.h"

enum timer_op {
	TIMER_OP_PAUSE,
	TIMER_OP_RESUME,
	TIMER_OP_TOGGLE,     /* pause when running, resume when paused */
	TIMER_OP_EXTEND,     /* amount: minutes */
	TIMER_OP_COUNT,      /* counter, amount: +N or -N */
	TIMER_OP_INTERRUPT,  /* note; pause: and pause the timer, in the same change */
	TIMER_OP_STOP,       /* end (or the default end), sold, minutes, note */
};

struct timer_action {
	enum timer_op op;
	int64_t amount;
	enum timer_counter counter;
	const char *note;
	bool pause;             /* interrupt: pause the timer too (when it runs) */
	bool end_given;         /* stop: use `end`, else timer_default_end */
	enum session_end end;
	int64_t sold;           /* stop: sold on the block, a sale (timer_outcome) */
	int minutes;            /* stop: the minutes it really took, 0 = the timer's */
	const char *stop_at;    /* stop: when the work stopped, as typed ("17:30", "2026-12-04
				   17:30", "now": timer_parse_stop), or NULL: now.  A
				   forgotten timer (timer_forgotten) stops only with it */
};

/* Why an action was refused, when the caller may want to offer a way out. */
enum timer_refusal {
	TIMER_REFUSED_OTHER = 0,
	TIMER_REFUSED_NONE,   /* no timer is running */
	TIMER_REFUSED_BUSY,   /* another block's timer runs: `state` holds it */
	TIMER_REFUSED_STALE,  /* the timer's block was removed or done: it was cleared */
	TIMER_REFUSED_FORGOTTEN, /* a stop of a forgotten timer needs `at`: `state` holds it */
};

struct timer_result {
	struct timer_state state; /* the timer after the change (as it ended, for a
				     stop); always timer_state_clear it */
	enum session_end end;     /* a stop: how it ended */
	instant_t ended;          /* a stop: when (the time the work stopped) */
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
int app_timer_start(struct app *app, const char *id, bool do_switch, instant_t now,
		    struct timer_result *res, struct error *err);
/*
 * Applies one action to the running timer.  With no timer, ERR_NOTFOUND.  A
 * stale timer is removed and reported as ERR_NOTFOUND.  A stop writes the
 * block's week and removes timer.json in one change.
 */
int app_timer_act(struct app *app, const struct timer_action *a, instant_t now,
		  struct timer_result *res, struct error *err);
/* The running timer: *present is false (and *t untouched) when none runs. */
int app_timer_load(struct app *app, struct timer_state *t, bool *present, struct error *err);
/*
 * The running timer for a status line polled every few seconds, with the
 * least work: only timer.json is read, and a folder that does not exist
 * yet is not created (no timer).  A demo has none.
 */
int app_timer_peek(const char *data_flag, bool demo, struct timer_state *t, bool *present,
		   struct error *err);

#endif
