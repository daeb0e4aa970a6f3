/* timer.h - the focus timer: one block, one niche, every call counted.
 *
 * There is at most one timer.  Its state lives in the small timer.json and is
 * written through the store on every change (start, pause, resume, extend,
 * count, interruption), never once a second.  Finishing or abandoning writes
 * the block's week (status, outcome, a session in the log) and removes
 * timer.json in one all-or-nothing change.
 *
 * Everything shown is derived from the stored instants (UTC seconds, signed
 * 64 bits) and the wall clock at the moment it is shown, never from counting
 * ticks, so the timer survives quitting, kill -9 and reboots.  Every function
 * takes the current instant `now`; none reads the clock itself.
 *
 * Time that passes:
 *   worked    = (now - started) - paused time
 *   remaining = planned + extended - worked   (negative: overtime)
 * A suspend or a forward jump of the wall clock counts as worked time: the
 * block's time went by (pause the timer before stepping away).  When the wall
 * clock reads earlier than the timer's last recorded change, the clock moved
 * back: every value stays as it was at that change (never negative, never
 * running backwards), the status says "clock moved back", and changes made
 * meanwhile are recorded at that change's instant.  Counting goes on once the
 * clock passes it again.
 *
 * Planned duration: started on the block it is time for (today, between its
 * start and end), the countdown ends at the block's planned end; started at
 * any other time (early, late, another day), it runs the block's full length.
 *
 * A screen needs only these calls: timer_store_start / timer_store_apply to
 * act (they lock, load, check, change and save), store_load_timer to read,
 * timer_view and timer_status_line to show.
 */
#ifndef FOCUSWEEK_TIMER_H
#define FOCUSWEEK_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "clock.h"
#include "model.h"
#include "text.h"

struct store;

#define TIMER_EXTEND_MAX_MIN 1440          /* one extension, and all of them together */
#define TIMER_INTERRUPTIONS_MAX 1000

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
	instant_t changed;         /* UTC instant of the last change (>= started) */
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
/* Takes the block's week, industry (name and colour), title, kind and planned
 * end into the timer's copies (at a start, and when the block was edited). */
void timer_state_follow(struct timer_state *t, const struct block *b, const struct plan *p);

/* ---- what is shown ---- */

struct timer_view {
	bool is_paused;
	bool clock_back;        /* now < the last change: values are as of that change */
	instant_t at;           /* the instant the values are for: max(now, changed) */
	int64_t budget;         /* planned + extended */
	int64_t paused;         /* seconds paused, the current pause included */
	int64_t elapsed;        /* seconds worked, >= 0 */
	int64_t remaining;      /* budget - elapsed; negative in overtime */
	int64_t overtime;       /* -remaining when negative, else 0 */
	double progress;        /* elapsed / budget, 0..1 */
	instant_t planned_end;  /* when remaining is (or was) 0, if nothing is paused
				   from `at` on */
};

void timer_view(const struct timer_state *t, instant_t now, struct timer_view *v);

/* Writes "mm:ss", or "h:mm:ss" from an hour on, of |secs| into out[32]: the
 * face of the focus screen's big countdown, the one place seconds show.
 * Durations in words are duration.h's ("13 min", "1h05"). */
void timer_format_duration(int64_t secs, char out[32]);

/*
 * Appends the one-line status of t at `now` to b (raw: the caller makes it
 * safe for its terminal with text_safe).  fmt NULL gives the default,
 *   "▶ Healthcare · Call list A · 13 min left · 7 calls · 1 mtg"
 * with "⏸" while paused, "+3 min over" in overtime and "clock moved back"
 * when the clock reads before the last change; empty fields and zero counters
 * are left out.  A fmt holds text and fields:
 *   %s state glyph   %S running|paused|overtime|forgotten   %b block id   %k kind
 *   %i industry      %t title     %C industry colour slot (0..16)
 *   %r remaining, rounded up ("0 min" in overtime)   %o overtime ("0 min"
 *   before)   %R "13 min left" | "+3 min over" | "clock moved back"
 * (durations as duration.h writes them)
 *   %e elapsed       %p progress percent (0..100)   %E planned end (HH:MM)
 *   %c calls   %v conversations   %m meetings   %n interruptions   %% a %
 * Returns -1 with ERR_USAGE for an unknown field (see timer_status_check).
 */
int timer_status_line(struct buf *b, const struct timer_state *t, instant_t now,
		      const char *fmt, enum text_mode mode, struct error *err);
/* Checks a status format without a timer: 0, or -1 naming the bad field. */
int timer_status_check(const char *fmt, struct error *err);
/* Seconds from `now` until the line of fmt (NULL: the default) may next
 * read differently with nothing but time passing: at a minute of elapsed,
 * remaining or overtime turning, the timer becoming forgotten, or a new day,
 * each only when fmt shows it; 1 when fmt shows the progress percent.  -1
 * when nothing shown changes with time (paused, or fields such as %t): only
 * a change of the timer changes the line then. */
int64_t timer_status_next(const struct timer_state *t, instant_t now, const char *fmt);

/* ---- the state machine: each change sets `changed` ---- */

/* Refuses a clock outside 1970..9999: no data file could hold its instants.
 * Every change below checks it. */
int timer_clock_ok(instant_t now, struct error *err);

enum timer_counter { TIMER_CALLS, TIMER_CONVERSATIONS, TIMER_MEETINGS, TIMER_COUNTERS };

const char *timer_counter_name(enum timer_counter c);   /* "calls" */
/* "calls"/"call", "conversations"/"conversation"/"conv", "meetings"/"meeting"/"mtg". */
int timer_counter_parse(const char *s, enum timer_counter *out);

/* The planned seconds of a timer started on b at now (the policy above). */
int64_t timer_planned_for(const struct block *b, instant_t now);
/*
 * Replaces the initialized state *t by a timer started on b at now (the
 * industry's name and colour come from p).  Refuses a done block and a
 * meeting imported from a calendar.
 */
int timer_start(struct timer_state *t, const struct block *b, const struct plan *p,
		instant_t now, struct error *err);
int timer_pause(struct timer_state *t, instant_t now, struct error *err);
int timer_resume(struct timer_state *t, instant_t now, struct error *err);
/* Adds 1..TIMER_EXTEND_MAX_MIN minutes (at most that much in all). */
int timer_extend(struct timer_state *t, int64_t minutes, instant_t now, struct error *err);
/* Adds delta (may be negative) to a counter; refuses to go below 0 or above
 * MODEL_COUNT_MAX, leaving it unchanged. */
int timer_count(struct timer_state *t, enum timer_counter c, int64_t delta, instant_t now,
		struct error *err);
/* Logs an interruption at now with an optional one-line note (NULL or ""). */
int timer_interrupt(struct timer_state *t, const char *note, instant_t now,
		    struct error *err);

/* ---- a timer left running ---- */

/*
 * Was the timer forgotten?  It runs (not paused) and either has counted
 * twice its budget (planned + extended) as worked, or is past its budget
 * with nothing recorded on it since a day before now's (started Friday
 * 16:00, still running on Monday; a run that merely crosses midnight within
 * its time is not).  Every look at it then asks when the work really
 * stopped instead of counting the weekend as worked.
 */
#define TIMER_FORGOTTEN_BUDGETS 2 /* worked past this many budgets: ask */
bool timer_forgotten(const struct timer_state *t, instant_t now);
/* 0, or when forgotten -1 (ERR_REFUSED) saying since when it ran and asking
 * when the work stopped. */
int timer_check_forgotten(const struct timer_state *t, instant_t now, struct error *err);
/*
 * When the work stopped, as the user says it: "HH:MM" (9:30, 5:30pm) on the
 * day of the timer's last change; "YYYY-MM-DD HH:MM" (or with a T: a run
 * past midnight); "now".  Refused unless it lies between the timer's last
 * change and now.
 */
int timer_parse_stop(const struct timer_state *t, const char *s, instant_t now, instant_t *at,
		     struct error *err);


/* ---- ending a block: with the timer, or without it ---- */

struct timer_outcome {
	enum session_end end;   /* done, cut short, or (timer only) abandoned */
	struct outcome add;     /* added to the block's outcome */
	int64_t sold;           /* sold on the block: recorded as a sale on its date,
				   of its industry and account, naming it (0: none) */
	int minutes;            /* the minutes it really took, as the user says
				   (1..MODEL_WORKED_MAX), or 0 when not said.  Fewer than
				   its length make it cut short, as many or more done */
	const char *note;       /* appended to the block's note, or NULL */
};

/* Done when the planned time is used up, else cut short. */
enum session_end timer_default_end(const struct timer_state *t, instant_t now);
/* The session a timer ending at now leaves in the log (session_clear). */
void timer_session(const struct timer_state *t, enum session_end end, instant_t now,
		   struct session *out);
/* 0 when t's block is in w and not done; else -1, ERR_NOTFOUND, saying why
 * the timer is stale. */
int timer_check_block(const struct timer_state *t, const struct week *w, struct error *err);
/*
 * Ends the timer on its block in w: adds the timer's counts and o->add to
 * the block's outcome, marks it done (or done and cut short; abandoning
 * leaves its status), appends o->note, and logs the session.  Leaves w
 * untouched when it refuses.
 */
int timer_finish(const struct timer_state *t, struct week *w, const struct plan *p,
		 const struct timer_outcome *o, instant_t now, struct error *err);
/* Records an outcome without the timer (o->end done or cut short); refuses a
 * block already done, and a block cut short without its minutes when no
 * timer ran on it (it would count nothing done). */
int timer_record(struct week *w, const struct plan *p, const char *id,
		 const struct timer_outcome *o, struct error *err);
/* Marks a block skipped (a skipped block stays so); refuses a done block. */
int timer_skip(struct week *w, const struct plan *p, const char *id, struct error *err);

/*
 * The planned block happening at now in w, or NULL; *next (if not NULL) gets
 * the first planned block after now in w, or NULL.  Imported meetings and
 * blocks done or skipped are not picked.
 */
const struct block *timer_block_now(const struct week *w, instant_t now,
				    const struct block **next);

#endif
