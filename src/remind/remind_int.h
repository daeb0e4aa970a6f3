/* remind_int.h - what the files of `focusweek remind` share.  Private to
 * src/remind/ (and its unit tests).
 *
 *   remind_sched.c   which reminders the weeks and the timer hold, which of
 *                    them are due now, and when the next one is (pure)
 *   remind_state.c   what was reminded of already, kept across restarts
 *   remind_text.c    a reminder in words and as FOCUSWEEK_* variables (pure)
 *   remind_run.c     giving a reminder: the command, or a notifier
 *   remind_loop.c    sleeping until the next due moment
 *   remind.c         the program: options, the lock, the background
 */
#ifndef FOCUSWEEK_REMIND_INT_H
#define FOCUSWEEK_REMIND_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "app.h"
#include "buf.h"
#include "clock.h"
#include "model.h"
#include "text.h"
#include "remind.h"
#include "timer.h"

#define REMIND_NEVER INT64_MAX
/* A block's end reminder later than this (the computer slept through it)
 * is dropped: the block is over. */
#define REMIND_GRACE_SECONDS 60
/* What was reminded of is kept this long (a start reminder comes at most a
 * day before its block). */
#define REMIND_KEEP_SECONDS (2 * 86400)
/* A first start (nothing noted) also gives what came due this long ago. */
#define REMIND_FIRST_LOOKBACK 60

enum remind_event { REMIND_EV_START, REMIND_EV_END, REMIND_EV_TIMER, REMIND_EV_COUNT };

/* One reminder: a block's start or end, or the timer's planned end. */
struct reminder {
	enum remind_event event;
	instant_t due;             /* when it is given */
	instant_t start, end;      /* the block's (for the timer: its block's, else
				      the run's start and planned end) */
	const struct block *block; /* in the weeks the schedule was made from, or NULL
				      (the timer's block in a week not read) */
	char id[MODEL_ID_MAX];     /* the block's id */
};

/* The reminders of some weeks and the timer, by due moment. */
struct remind_sched {
	struct reminder *v;
	size_t n, cap;
	const struct timer_state *timer; /* the running timer, or NULL */
};

/*
 * The reminders that plan p's weeks and the timer t (NULL: none) hold,
 * under p's settings: each planned block's start (`before` minutes ahead)
 * and end, and a running timer's planned end (a block the timer runs on
 * gets that instead of its end).  Blocks done or skipped have none.  The
 * schedule points into weeks and t: they outlive it.
 */
void remind_sched_build(struct remind_sched *s, const struct plan *p, struct week *const *weeks,
			size_t n_weeks, const struct timer_state *t, instant_t now);
void remind_sched_free(struct remind_sched *s);

/* What was reminded of, and the moment up to which everything due was
 * looked at. */
struct remind_key {
	enum remind_event event;
	char id[MODEL_ID_MAX];
	instant_t due;
};

struct remind_state {
	instant_t since;             /* everything due up to here was looked at */
	struct remind_key *given;
	size_t n, cap;
};

void remind_state_init(struct remind_state *st, instant_t since);
void remind_state_free(struct remind_state *st);
bool remind_state_given(const struct remind_state *st, const struct reminder *r);
void remind_state_add(struct remind_state *st, const struct reminder *r);
/* Forgets reminders due before `before`. */
void remind_state_prune(struct remind_state *st, instant_t before);
/* As noted in the data folder, and read back; text that does not read
 * (damaged, cut short) gives what it can, never an error. */
void remind_state_format(const struct remind_state *st, struct buf *out);
void remind_state_parse(struct remind_state *st, const char *text, instant_t now);

/*
 * The reminders to give at `now`, into out (at most max; returns how many):
 * those that came due after st->since that are still worth giving (a
 * start while its block has not ended, an end within REMIND_GRACE_SECONDS,
 * the timer's end while it runs), and starts whose moment passed before
 * their block was planned there while the block is still to come.  Never
 * one already given.
 */
size_t remind_pick(const struct remind_sched *s, const struct remind_state *st, instant_t now,
		   const struct reminder **out, size_t max);
/* The first due moment after now not given yet, or REMIND_NEVER. */
instant_t remind_next(const struct remind_sched *s, const struct remind_state *st,
		      instant_t now);

/* A reminder in words and fields, for a notifier or the command. */
struct remind_text {
	const char *event;           /* "start", "end", "timer" */
	char id[MODEL_ID_MAX];
	char *title;                 /* the block's title, or its kind */
	const char *kind;
	char *industry, *account;    /* names, or "" */
	char date[11], start[6], end[6]; /* as data: YYYY-MM-DD, HH:MM */
	char show_start[DATE_TIME_SHOW_MAX], show_end[DATE_TIME_SHOW_MAX]; /* as the
					     user reads them (time.format) */
	long minutes;                /* from now to the block's start (negative after) */
	bool for_quota;
	struct outcome counted;      /* the timer's counts (timer reminders) */
	struct buf summary;          /* "Call list A in 2 min" */
	struct buf body;             /* "10:30-11:30 · Prospecting · Healthcare" */
	struct buf message;          /* one line: "focusweek: SUMMARY (BODY)" */
};

/* The words use the separators of `mode` (UTF-8 or ASCII). */
void remind_text_make(struct remind_text *x, const struct plan *p, const struct remind_sched *s,
		      const struct reminder *r, instant_t now, enum text_mode mode);
void remind_text_free(struct remind_text *x);
/* "FOCUSWEEK_TITLE=..." entries for the command's environment (free each
 * and the array); NULL-terminated. */
char **remind_text_env(const struct remind_text *x, const char *data_dir);

/* ---- giving reminders (remind_run.c) ---- */

/* Where the program's own words go, and the children it waits for. */
struct remind_out {
	int tty;                     /* the terminal it was started from, or -1 */
	bool log_stderr;             /* its own messages on stderr (foreground) */
	enum text_mode mode;         /* what that terminal shows */
	pid_t *children;
	size_t n_children, cap_children;
};

void remind_out_init(struct remind_out *o, bool foreground);
void remind_out_free(struct remind_out *o);
/* One line from the program ("focusweek remind: ..."), made safe. */
void remind_say(struct remind_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Gives one reminder: the command (sh -c, the fields in its environment)
 * when there is one, else notify-send, tmux or the terminal. */
void remind_give(struct remind_out *o, const char *command, const struct remind_text *x,
		 const char *data_dir);
/* Collects children that ended, saying which failed; with wait_ms > 0
 * waits that long at most for all of them. */
void remind_reap(struct remind_out *o, int wait_ms);

/* ---- the loop (remind_loop.c) ---- */

/* With the folder claimed (app_remind_claim gave `noted`): gives what is
 * due now, then, unless once, sleeps until the next due moment and again,
 * until SIGTERM or SIGINT. */
int remind_loop(struct app *app, const char *noted, struct remind_out *out, bool once,
		struct error *err);

#endif
