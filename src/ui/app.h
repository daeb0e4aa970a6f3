/* app.h - the planner's state, passed to every part of the UI.  Reads like
 * a table of contents of what the screen shows and what the user did. */
#ifndef FOCUSWEEK_APP_H
#define FOCUSWEEK_APP_H

#include <stdbool.h>

#include "boot.h"
#include "clock.h"
#include "colors.h"
#include "glyph.h"
#include "history.h"
#include "layout.h"
#include "model.h"
#include "term.h"
#include "theme.h"
#include "timer.h"
#include "ui.h"

/* What a handler changed; the loop acts on it once (save, then one redraw). */
enum {
	APP_NONE = 0,
	APP_REDRAW = 1u << 0,   /* something on screen changed */
	APP_CHANGE = 1u << 1,   /* a change was proposed (app.pending): save it */
	APP_QUIT = 1u << 2,     /* leave the loop */
	APP_REPAINT = 1u << 3,  /* clear and repaint the whole terminal */
};

/* The screens that take keys (screens.h); actions are bound per context. */
enum app_context {
	CTX_WEEK = 1u << 0,    /* the week calendar */
	CTX_HELP = 1u << 1,    /* the help overlay */
	CTX_FOCUS = 1u << 2,   /* the focus timer */
	CTX_REVIEW = 1u << 3,  /* the review of completed blocks */
	CTX_PLAN = 1u << 4,    /* Monday-morning planning */
	CTX_ANY = 0xffu,
};

/* A proposed change: new states of up to HISTORY_WEEKS_MAX weeks. */
struct app_change {
	char label[96];
	int follow;                             /* week key to show once saved, or 0 */
	size_t n;
	struct week *after[HISTORY_WEEKS_MAX];  /* owned until committed */
};

struct modal;        /* a form, a picker, a confirmation: modal.h */
struct review_data;  /* the review screen's figures: review_view.h */
struct plan_state;  /* the planning screen's state: plan_view.h */

/* The review screen (review_view.c draws it, review_actions.c takes its keys). */
struct app_review {
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
struct app_clocks {
	int64_t wall_ms;  /* clock_now_ms */
	int64_t mono_ms;  /* CLOCK_MONOTONIC: stops while the machine sleeps */
	int64_t boot_ms;  /* CLOCK_BOOTTIME: runs on while it sleeps */
};

struct app {
	/* The data. */
	struct boot boot;             /* the open store and the plan */
	struct week *week;            /* the week on screen (loaded or unsaved) */
	char week_error[640];         /* the week's file could not be read: shown, not edited */
	struct week *unsaved[HISTORY_WEEKS_MAX]; /* weeks whose save failed, kept for a retry */
	size_t n_unsaved;
	struct history *history;      /* undo and redo */
	struct app_change pending;    /* proposed by a handler, saved by the loop */
	int plan_record;              /* week key the planning screen was shown for, to
					 note in plan.json (saved by the loop), or 0 */

	/* Where the user is. */
	enum app_context context;     /* the screen taking keys */
	int day;                      /* the cursor's weekday, 0 = Monday */
	int slot;                     /* the cursor's slot from the day's start */
	int top;                      /* the first slot row shown (scrolling) */
	bool weekend;                 /* the weekend is shown */
	struct modal *modal;          /* the open form or picker, or NULL */
	struct plan_state *plan_state; /* the planning screen while open, or NULL */
	int help_scroll;              /* first line shown of the help overlay */
	enum app_context help_return; /* the screen the help overlay covers */
	struct app_review review;     /* the review screen's week, span and scroll */
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
	struct app_clocks clocks;     /* the clocks at the last wake */

	/* The bottom line. */
	char message[640];            /* the last message; "" shows key hints */
	enum theme_role message_role; /* ROLE_STATUS, ROLE_OK, ROLE_WARNING, ROLE_ERROR */
	bool readonly_notice;         /* the read-only reason is shown in the top line */
};

/* ---- app.c: data ---- */
int app_open(struct app *a, const struct ui_options *opt, struct error *err);
void app_close(struct app *a);
/* The week key on screen. */
int app_week_key(const struct app *a);
/* Loads week `key` to the screen (an unsaved copy wins over the file). */
void app_show_week(struct app *a, int key);
/* Re-reads what changed on disk; keeps the cursor. */
unsigned app_reload_changed(struct app *a);
void app_message(struct app *a, enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* True (and says why) when the plan cannot be edited now. */
bool app_refuse_edit(struct app *a);

/* ---- change.c: proposing, saving, undoing ---- */
/* Takes ownership of `after` (one week). */
void change_propose(struct app *a, const char *label, struct week *after);
/* Two weeks at once (a block moved across weeks). */
void change_propose2(struct app *a, const char *label, struct week *after1,
		     struct week *after2);
unsigned change_commit(struct app *a);
unsigned change_undo(struct app *a);
unsigned change_redo(struct app *a);
unsigned change_retry(struct app *a);
void change_discard_pending(struct app *a);

/* ---- cursor.c ---- */
/* The slot count of a day under the plan's settings. */
int cursor_slots(const struct app *a);
/* The minute the cursor's slot starts at. */
int cursor_minute(const struct app *a);
date_t cursor_date(const struct app *a);
/* The block under the cursor, or NULL. */
const struct block *cursor_block(const struct app *a);
/* Keeps the cursor inside the day and the shown days, and scrolls to it. */
void cursor_clamp(struct app *a);
/* Puts the cursor on a block (by id) if it is in the week on screen. */
bool cursor_to_block(struct app *a, const char *id);
/* The shown weekdays (bit d = weekday d). */
unsigned cursor_days_mask(const struct app *a);

#endif
