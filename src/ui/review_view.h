/* review_view.h - the review screen: what got finished, what it produced
 * per industry, and where the quota stands, for the week on screen or the
 * last 4, 8 or 13 weeks.  It shows the data as the planner has it: the week
 * on screen and any week kept unsaved win over their files. */
#ifndef FOCUSWEEK_REVIEW_VIEW_H
#define FOCUSWEEK_REVIEW_VIEW_H

#include "tui.h"
#include "review.h"

/* ---- review_load.c: the weeks a review reads ---- */

/* The week `key` as the planner has it: the one on screen, an unsaved
 * copy, or its file (*owned set: week_free it).  NULL, with err, when its
 * file cannot be read. */
const struct week *review_week_current(struct tui *ui, int key, bool *owned,
				       struct error *err);

/* The review on screen and the weeks it borrows from. */
struct review_data {
	struct review *r;          /* NULL when it could not be computed (error) */
	const struct week **weeks; /* the span's weeks in order; NULL where unread */
	bool *owned;               /* weeks[i] was loaded here and is freed with it */
	size_t n;
	struct review_span span;
	char error[700];           /* the first week that could not be read, or "" */
	unsigned gen;              /* app.data_gen when it was computed */
	int week, n_weeks;         /* the request it answers */
};

/* Loads the weeks of the app's review request and computes it; 0, or -1
 * with d->error (d is always filled: review_data_free it). */
int review_data_load(struct tui *ui, struct review_data *d);
void review_data_free(struct review_data *d);
/* The review of the app's request, computed again only when the request or
 * the data changed (app.data_gen): scrolling never rereads files. */
const struct review_data *review_data_current(struct tui *ui);
/* Forgets the cached review (on quit). */
void review_data_drop(struct tui *ui);
/* The week with `key` among the loaded ones, or NULL. */
const struct week *review_data_week(const struct review_data *d, int key);

/* ---- review_view.c: drawing ---- */
void review_view_draw(struct tui *ui);
/* Milliseconds until what is due changes by itself (-1: never). */
int review_view_tick_ms(const struct tui *ui);

/* ---- carry_preview.c: what the review's c carries ---- */
/* Shows where the carry-over would put each unfinished block of the week
 * reviewed (in week `next`), to choose block by block; Enter carries the
 * chosen ones as one change and remembers the others as declined (not
 * offered again, by c or P); Esc changes nothing. */
void carry_preview_open(struct tui *ui, int next);

/* ---- review_actions.c: the keys ---- */
/* Opens the review of the week on screen. */
unsigned review_open(struct tui *ui);

#endif
