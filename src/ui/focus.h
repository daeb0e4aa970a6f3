/* focus.h - the focus timer in the planner.
 *
 * focus_timer.c keeps the planner's copy of timer.json (re-read when another
 * program changes it), acts through the timer's store functions (one durable
 * change each, like a command), rings the bell once when the time is up, and
 * watches the clocks; focus_view.c draws the focus screen and the week's
 * compact timer; focus_actions.c holds the keys; outcome_form.c the form
 * that finishes a block.
 *
 * The screen wakes once a second, when the second turns, while the focus
 * screen shows; on the week, with a timer running, when the remaining
 * minutes turn; with no timer, never on its account.  Every value shown is
 * derived from the stored instants and the wall clock (timer.h).
 */
#ifndef FOCUSWEEK_FOCUS_H
#define FOCUSWEEK_FOCUS_H

#include <stdbool.h>
#include <stdint.h>

#include "app_timer.h"
#include "timer.h"
#include "tui.h"

/* ---- focus_timer.c: the timer's copy ---- */

/* Reads timer.json at start (and records it, so changes are noticed). */
void focus_timer_load(struct tui *ui);
void focus_timer_free(struct tui *ui);
/* timer.json changed on disk: re-reads it and says what happened. */
unsigned focus_timer_reload(struct tui *ui);
/* False when no timer runs; else fills v at ui->now. */
bool focus_timer_view(const struct tui *ui, struct timer_view *v);
/*
 * One change through the store (timer_store_apply).  On success ui->timer
 * follows it (a stop ends it and reloads the week shown) and 0 is returned
 * with *res filled (the caller clears it); on failure the bottom line says
 * why, the copy is re-read so the screen stays true, and -1 is returned.
 */
int focus_timer_apply(struct tui *ui, const struct timer_action *act, struct timer_result *res);
/* Makes a copy of t the timer shown (after timer_store_start). */
void focus_timer_set(struct tui *ui, const struct timer_state *t);
/* Leaves the focus screen (closing its dialogs) when no timer runs. */
void focus_leave_if_none(struct tui *ui);
/* Once per wake: the bell when the time runs out, the clock checks. */
unsigned focus_timer_wake(struct tui *ui);
/* Milliseconds until the timer's display next changes: each second when
 * `seconds`, else each turn of the remaining minutes; -1 with no timer. */
int focus_timer_tick_ms(const struct tui *ui, bool seconds);

/* ---- focus_timer.c: pure helpers (tested without a terminal) ---- */

enum focus_clock_event {
	FOCUS_CLOCK_STEADY,     /* the clocks agree */
	FOCUS_CLOCK_SUSPENDED,  /* the machine slept (boot time ran, monotonic did not) */
	FOCUS_CLOCK_FORWARD,    /* the wall clock jumped forward */
	FOCUS_CLOCK_BACK,       /* the wall clock moved back */
};
#define FOCUS_CLOCK_SLACK_MS 2000  /* differences up to this are noise */

/* Compares two readings of the clocks; *by_ms gets the size of the event. */
enum focus_clock_event focus_clock_compare(const struct tui_clocks *before,
					   const struct tui_clocks *after, int64_t *by_ms);
/* Milliseconds from now_ms until what v shows next changes (see above). */
int64_t focus_next_change_ms(const struct timer_view *v, int64_t now_ms, bool seconds);
/* "43 min left", "time is up", "+5 min over" (minutes: for the week's line). */
void focus_minutes_left(int64_t remaining, char *out, size_t size);

/* ---- focus_view.c ---- */
void focus_view_draw(struct tui *ui);
/* The compact timer right-aligned on `row` in at most maxw columns; returns
 * the columns it took (0 with no timer). */
int focus_compact_draw(struct tui *ui, int row, int maxw);
/* The columns the big digits of s take. */
int focus_big_width(const char *s);

/* ---- focus_actions.c ---- */
/* The week's `s`: the timer on the selected block (or the one happening
 * now), asking before it replaces a running one. */
unsigned focus_start(struct tui *ui);
/* The week's `f`: the focus screen. */
unsigned focus_open(struct tui *ui);

/* ---- outcome_form.c ---- */
/* Finishing the timer's block: the counters (editable), what was sold, the
 * minutes it took, a note, done or cut short. */
void outcome_form_open(struct tui *ui);
/* The same for a timer whose work stopped at `at` (stop_at as typed). */
void outcome_form_open_at(struct tui *ui, const char *stop_at, instant_t at);

/* ---- stop_prompt.c ---- */
/* A timer left running (timer_forgotten): asks when the work stopped, then
 * finishes it from then through the outcome form.  Asked once per run of
 * the timer at a wake (ui->timer_asked), and again at x. */
void stop_prompt_open(struct tui *ui);
/* At a wake: the question, when the timer was forgotten and not asked yet. */
unsigned stop_prompt_wake(struct tui *ui);
/* The same for block b without the timer (the week's x): recorded done
 * through the application layer. */
void outcome_form_open_block(struct tui *ui, const struct block *b);

#endif
