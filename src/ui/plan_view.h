/* plan_view.h - the planning screen: the Monday-morning planning of the
 * week on screen, one step at a time, applied all at once as one change.
 *
 * plan_screen.c opens and closes it, plan_actions.c takes its keys,
 * plan_rows.c says what each page lists and plan_view.c draws it.  The
 * screen works on the application layer's copies of the plan and the weeks
 * (app_planning.h), so nothing on disk or on the week screen changes until
 * the summary is confirmed. */
#ifndef FOCUSWEEK_PLAN_VIEW_H
#define FOCUSWEEK_PLAN_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "tui.h"
#include "buf.h"
#include "app_planning.h"
#include "planning.h"

/* The pages: six numbered steps, then the summary. */
enum plan_page {
	PLAN_PAGE_LAST,
	PLAN_PAGE_ROTATION,
	PLAN_PAGE_LAYOUT,
	PLAN_PAGE_CARRY,
	PLAN_PAGE_ACCOUNTS,
	PLAN_PAGE_QUOTA,
	PLAN_PAGE_SUMMARY,
	PLAN_PAGE_COUNT
};
#define PLAN_STEPS PLAN_PAGE_SUMMARY /* the numbered steps: "2/6" */

/* Where the layout comes from (else: a template's index in the plan). */
#define PLAN_LAYOUT_NONE (-2)
#define PLAN_LAYOUT_COPY (-1)

struct plan_state {
	struct app_planning *ap;      /* copies of the plan and the weeks, and the
				         planning: the proposals and the choices */
	char warning[640];            /* what could not be read or computed, or "" */
	enum plan_page page;          /* the page shown */
	int sel[PLAN_PAGE_COUNT];     /* each page's selected entry */
	int top[PLAN_PAGE_COUNT];     /* each page's first row shown */
	bool touched[PLAN_PAGE_COUNT]; /* the user changed a choice there */
	bool by_yield;                /* the rotation's order: by yield, else continued */
	int layout;                   /* PLAN_LAYOUT_NONE, PLAN_LAYOUT_COPY or a template */
	bool stagger;                 /* staggered prospecting starts */
	bool trimmed;                 /* account time trimmed by MODEL_ACCOUNT_CUT % */
};

/* What a row of a page's list shows. */
enum plan_row_kind {
	PLAN_ROW_TEXT,     /* a line of text */
	PLAN_ROW_HEAD,     /* a heading */
	PLAN_ROW_ITEM,     /* a planning item (ref: its index); selectable */
	PLAN_ROW_SLOT,     /* a rotation slot (ref: its index); selectable */
	PLAN_ROW_ACCOUNT,  /* an account's time (ref: its index) */
};

struct plan_row {
	enum plan_row_kind kind;
	size_t ref;
	char *text;        /* PLAN_ROW_TEXT, PLAN_ROW_HEAD: owned */
};

struct plan_rows {
	struct plan_row *v;
	size_t n, cap;
	size_t entries;    /* selectable rows */
};

/* ---- plan_rows.c ---- */
/* The rows of the page shown (plan_rows_free them). */
void plan_rows_build(const struct tui *ui, struct plan_rows *rows);
void plan_rows_free(struct plan_rows *rows);
/* The row of selectable entry `entry`, or -1. */
long plan_rows_entry(const struct plan_rows *rows, int entry);
/* The planning item a row shows (a slot's, if it has one), or NULL. */
const struct planning_item *plan_rows_item(const struct tui *ui, const struct plan_row *row);
/* What will happen ("add", "replace", "skip", "keep"...), or NULL for text. */
const char *plan_rows_verb(const struct tui *ui, const struct plan_row *row);
/* The row's line (plain text, made safe when drawn). */
void plan_rows_line(const struct tui *ui, const struct plan_row *row, struct buf *out);
/* Why the row's item is as it is and what the toggle key would do. */
void plan_rows_detail(const struct tui *ui, const struct plan_row *row, struct buf *out);
/* A page's name ("Rotation"). */
const char *plan_rows_page_name(enum plan_page page);

/* ---- plan_view.c ---- */
void plan_view_draw(struct tui *ui);
/* The keys of action `name` in context ctx ("Tab n"), or "" when unbound. */
void plan_view_keys(const struct tui *ui, enum tui_context ctx, const char *name, char *out,
		    size_t size);

/* ---- plan_screen.c ---- */
/* Opens the planning screen on the week shown (the P key). */
unsigned plan_screen_open(struct tui *ui);
/* At start-up: opens it once in a new week (never read-only, never on a
 * first run or the demo); a first run notes this week as planned. */
void plan_screen_auto(struct tui *ui);
/* The loop: notes ui->plan_record in plan.json with a durable save. */
unsigned plan_screen_record(struct tui *ui);
/* The loop, after the plan or the week was reloaded from disk: the
 * planning, made from the old ones, closes without changing anything. */
unsigned plan_screen_reloaded(struct tui *ui);
/* Closes it without changing anything (also at exit). */
void plan_screen_close(struct tui *ui);
/* Proposes the layout again from ps->layout and ps->stagger. */
int plan_screen_layout(struct plan_state *ps, struct error *err);
/* "WHAT; nothing was changed (P plans again)" on the bottom line. */
void plan_screen_say_left(struct tui *ui, enum theme_role r, const char *what);

#endif
