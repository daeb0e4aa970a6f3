/* tui.h - the planner's state, passed to every part of the UI.  Reads like
 * a table of contents of what the screen shows and what the user did.
 * Every change goes through the application layer (app.h); the planner
 * shows what it answers (change.c). */
#ifndef FOCUSWEEK_TUI_H
#define FOCUSWEEK_TUI_H

#include <stdbool.h>

#include "app.h"
#include "app_sync.h"
#include "clock.h"
#include "colors.h"
#include "glyph.h"
#include "layout.h"
#include "model.h"
#include "term.h"
#include "theme.h"
#include "timer.h"
#include "ui.h"

/* What a handler changed; the loop acts on it once (one redraw). */
enum {
	TUI_NONE = 0,
	TUI_REDRAW = 1u << 0,   /* something on screen changed */
	TUI_CHANGE = 1u << 1,   /* the data changed (the handler saved it through the
				   application layer) */
	TUI_QUIT = 1u << 2,     /* leave the loop */
	TUI_REPAINT = 1u << 3,  /* clear and repaint the whole terminal */
};

/* The screens that take keys (screens.h); actions are bound per context. */
enum tui_context {
	CTX_WEEK = 1u << 0,    /* the week calendar */
	CTX_HELP = 1u << 1,    /* the help overlay */
	CTX_FOCUS = 1u << 2,   /* the focus timer */
	CTX_REVIEW = 1u << 3,  /* the review of completed blocks */
	CTX_PLANNING = 1u << 4,    /* Monday-morning planning */
	CTX_ANY = 0xffu,
};

struct modal;        /* a form, a picker, a confirmation: modal.h */
struct review_data;  /* the review screen's figures: review_view.h */
struct planning_state;  /* the planning screen's state: planning_view.h */

/* The review screen (review_view.c draws it, review_actions.c takes its keys). */
struct tui_review {
	int week;                     /* the (last) week reviewed */
	int n_weeks;                  /* weeks reviewed, ending with it: 1, 4, 8 or 13 */
	int scroll;                   /* the first row of the panels shown */
	int rows;                     /* rows the panels take (as last drawn) */
	int page;                     /* rows of panels shown at once (as last drawn) */
	char carry[480];              /* what the last carry-over did, or "": lines
					 led by '+' (some placed) or ' ' sum it up;
					 one "!ID\tWHY" per unfinished block that
					 found no place (its row shows why) */
};

/* The clocks read at one wake; two readings tell a suspend or a jump of the
 * wall clock (focus_timer.c). */
struct tui_clocks {
	int64_t wall_ms;  /* clock_now_ms */
	int64_t mono_ms;  /* CLOCK_MONOTONIC: stops while the machine sleeps */
	int64_t boot_ms;  /* CLOCK_BOOTTIME: runs on while it sleeps */
};

struct tui {
	/* The data. */
	struct app *app;              /* the data folder: every change goes through it */
	struct week *week;            /* a copy of the week on screen, as the app has it */
	char week_error[640];         /* the week's file could not be read: shown, not edited */
	int planning_record;              /* week key the planning screen was shown for, to
					 note in plan.json (by the loop), or 0 */

	/* Where the user is. */
	enum tui_context context;     /* the screen taking keys */
	int day;                      /* the cursor's weekday, 0 = Monday */
	int slot;                     /* the cursor's slot from the day's start */
	int top;                      /* the first slot row shown (scrolling) */
	bool weekend;                 /* the days off (the weekend) are shown too */
	struct modal *modal;          /* the open form or picker, or NULL */
	struct planning_state *planning_state; /* the planning screen while open, or NULL */
	int help_scroll;              /* first line shown of the help overlay */
	enum tui_context help_return; /* the screen the help overlay covers */
	struct tui_review review;     /* the review screen's week, span and scroll */
	struct review_data *review_data; /* the review last computed (review_view.c), or NULL */
	unsigned data_gen;            /* bumped whenever data may have changed: cached
					 figures computed at an older value are stale */
	int cur_y, cur_x;             /* where the terminal cursor shows (text input), or -1 */

	/* The terminal and the look. */
	struct term_caps caps;
	enum text_mode mode;          /* UTF-8 or ASCII drawing */
	const struct glyphs *g;
	struct theme theme;
	struct colors colors;
	struct layout layout;         /* recomputed on every draw */

	/* Time. */
	instant_t now;                /* refreshed on each wake */
	date_t today;
	int now_minute;

	/* The focus timer (focus.h). */
	struct timer_state timer;     /* timer.json as last read or written, when timer_on */
	bool timer_on;                /* a timer runs */
	int64_t timer_left;           /* its remaining seconds at the last wake: the bell
					 rings once when this crosses zero */
	char timer_target[MODEL_ID_MAX]; /* the block a confirmed switch starts ("": now) */
	bool timer_asked;             /* this run of the timer, left running, was asked when
					 the work stopped (stop_prompt.c) */
	struct tui_clocks clocks;     /* the clocks at the last wake */

	/* The calendar sync (sync_status.c). */
	struct app_sync_status sync;  /* the last sync, for the top line */

	/* The bottom line. */
	char message[640];            /* the last message; "" shows key hints */
	enum theme_role message_role; /* ROLE_STATUS, ROLE_OK, ROLE_WARNING, ROLE_ERROR */
	bool readonly_notice;         /* the read-only reason is shown in the top line */
};

/* ---- tui.c: data ---- */
int tui_open(struct tui *ui, const struct ui_options *opt, struct error *err);
void tui_close(struct tui *ui);
/* The week key on screen. */
int tui_week_key(const struct tui *ui);
/* Shows week `key` as the app has it (the disk's, or a copy it refused). */
void tui_show_week(struct tui *ui, int key);
/* Re-reads what changed on disk; keeps the cursor. */
unsigned tui_reload_changed(struct tui *ui);
void tui_message(struct tui *ui, enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Loads theme `name` (NULL: the plan's); a broken one falls back to the
 * default, and says so. */
void tui_theme(struct tui *ui, const char *name);
/* Puts the demo, a throw-away filled copy, in place of the folder shown. */
unsigned tui_open_demo(struct tui *ui);
/* True (and says why) when the plan cannot be edited now. */
bool tui_refuse_edit(struct tui *ui);

/* The plan as the app has it now. */
const struct plan *tui_plan(const struct tui *ui);

/* ---- change.c: what a change did, shown ---- */
/*
 * Shows the answer of an application call that changed data (rc 0) or
 * refused to (rc -1, err says why): the message, the week on screen as it
 * is now (following a block into the week it moved to, res->week), and
 * figures made stale.  Returns the flags for the loop.
 */
unsigned change_shown(struct tui *ui, int rc, const struct app_result *res,
		      const struct error *err);
unsigned change_undo(struct tui *ui);
unsigned change_redo(struct tui *ui);
unsigned change_retry(struct tui *ui);

/* ---- cursor.c ---- */
/* The slot count of a day under the plan's settings. */
int cursor_slots(const struct tui *ui);
/* The minute the cursor's slot starts at. */
int cursor_minute(const struct tui *ui);
date_t cursor_date(const struct tui *ui);
/* The block under the cursor, or NULL. */
const struct block *cursor_block(const struct tui *ui);
/* Keeps the cursor inside the day and the shown days, and scrolls to it. */
void cursor_clamp(struct tui *ui);
/* Puts the cursor on a block (by id) if it is in the week on screen. */
bool cursor_to_block(struct tui *ui, const char *id);
/* The days shown, as places in the week (bit 0 = its first day): the work
 * days, or all of them with the days off shown. */
unsigned cursor_days_mask(const struct tui *ui);
/* Is day none of the work days? */
bool cursor_day_off(const struct tui *ui, date_t day);

#endif
