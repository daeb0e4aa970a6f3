/* planning_view.h - the planning screen: the Monday-morning planning of the
 * week on screen, one step at a time, applied all at once as one change.
 *
 * planning_screen.c opens and closes it, planning_actions.c takes its keys,
 * planning_rows.c says what each page lists and planning_view.c draws it.  The
 * screen works on the application layer's copies of the plan and the weeks
 * (app_planning.h), so nothing on disk or on the week screen changes until
 * the summary is confirmed. */
#ifndef FOCUSWEEK_PLANNING_VIEW_H
#define FOCUSWEEK_PLANNING_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "tui.h"
#include "buf.h"
#include "app_planning.h"
#include "planning.h"

/* The pages: six numbered steps, then the summary. */
enum planning_page {
	PLANNING_PAGE_LAST,
	PLANNING_PAGE_ROTATION,
	PLANNING_PAGE_LAYOUT,
	PLANNING_PAGE_CARRY,
	PLANNING_PAGE_ACCOUNTS,
	PLANNING_PAGE_QUOTA,
	PLANNING_PAGE_SUMMARY,
	PLANNING_PAGE_COUNT
};
#define PLANNING_STEPS PLANNING_PAGE_SUMMARY /* the numbered steps: "2/6" */

/* Where the layout comes from (else: a template's index in the plan). */
#define PLANNING_LAYOUT_NONE (-2)
#define PLANNING_LAYOUT_COPY (-1)

struct planning_state {
	struct app_planning *ap;      /* copies of the plan and the weeks, and the
				         planning: the proposals and the choices */
	char warning[640];            /* what could not be read or computed, or "" */
	enum planning_page page;          /* the page shown */
	int sel[PLANNING_PAGE_COUNT];     /* each page's selected entry */
	int top[PLANNING_PAGE_COUNT];     /* each page's first row shown */
	bool touched[PLANNING_PAGE_COUNT]; /* the user changed a choice there */
	bool by_yield;                /* the rotation's order: by yield, else continued */
	int layout;                   /* PLANNING_LAYOUT_NONE, PLANNING_LAYOUT_COPY or a template */
	bool stagger;                 /* staggered prospecting starts */
	bool trimmed;                 /* account time trimmed by MODEL_ACCOUNT_CUT % */
};

/* What a row of a page's list shows. */
enum planning_row_kind {
	PLANNING_ROW_TEXT,     /* a line of text */
	PLANNING_ROW_HEAD,     /* a heading */
	PLANNING_ROW_ITEM,     /* a planning item (ref: its index); selectable */
	PLANNING_ROW_SLOT,     /* a rotation slot (ref: its index); selectable */
	PLANNING_ROW_ACCOUNT,  /* an account's time (ref: its index) */
};

struct planning_row {
	enum planning_row_kind kind;
	size_t ref;
	char *text;        /* PLANNING_ROW_TEXT, PLANNING_ROW_HEAD: owned */
};

struct planning_rows {
	struct planning_row *v;
	size_t n, cap;
	size_t entries;    /* selectable rows */
};

/* ---- planning_rows.c ---- */
/* The rows of the page shown (planning_rows_free them). */
void planning_rows_build(const struct tui *ui, struct planning_rows *rows);
void planning_rows_free(struct planning_rows *rows);
/* The row of selectable entry `entry`, or -1. */
long planning_rows_entry(const struct planning_rows *rows, int entry);
/* The planning item a row shows (a slot's, if it has one), or NULL. */
const struct planning_item *planning_rows_item(const struct tui *ui, const struct planning_row *row);
/* What will happen ("add", "replace", "skip", "keep"...), or NULL for text. */
const char *planning_rows_verb(const struct tui *ui, const struct planning_row *row);
/* The row's line (plain text, made safe when drawn). */
void planning_rows_line(const struct tui *ui, const struct planning_row *row, struct buf *out);
/* Why the row's item is as it is and what the toggle key would do. */
void planning_rows_detail(const struct tui *ui, const struct planning_row *row, struct buf *out);
/* A page's name ("Rotation"). */
const char *planning_rows_page_name(enum planning_page page);

/* ---- planning_view.c ---- */
void planning_view_draw(struct tui *ui);
/* The keys of action `name` in context ctx ("Tab n"), or "" when unbound. */
void planning_view_keys(const struct tui *ui, enum tui_context ctx, const char *name, char *out,
		    size_t size);

/* ---- planning_screen.c ---- */
/* Opens the planning screen on the week shown (the P key). */
unsigned planning_screen_open(struct tui *ui);
/* At start-up: opens it once in a new week (never read-only, never on a
 * first run or the demo); a first run notes this week as planned. */
void planning_screen_auto(struct tui *ui);
/* The loop: notes ui->planning_record in plan.json with a durable save. */
unsigned planning_screen_record(struct tui *ui);
/* The loop, after the plan or the week was reloaded from disk: the
 * planning, made from the old ones, closes without changing anything. */
unsigned planning_screen_reloaded(struct tui *ui);
/* Closes it without changing anything (also at exit). */
void planning_screen_close(struct tui *ui);
/* Proposes the layout again from ps->layout and ps->stagger. */
int planning_screen_layout(struct planning_state *ps, struct error *err);
/* "WHAT; nothing was changed (P plans again)" on the bottom line. */
void planning_screen_say_left(struct tui *ui, enum theme_role r, const char *what);

#endif
