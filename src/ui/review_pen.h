/* review_pen.h - the review screen's panels, drawn row by row with a pen
 * that knows which rows are on screen.  The same code measures a panel (a
 * pen with no rows on screen counts them) and draws it, so a panel's height
 * can never disagree with what it draws.  Private to the review screen. */
#ifndef FOCUSWEEK_REVIEW_PEN_H
#define FOCUSWEEK_REVIEW_PEN_H

#include <curses.h>

#include "review_layout.h"
#include "review_view.h"

struct pen {
	struct tui *ui;
	int x, w;          /* the panel's column on screen */
	int y0;            /* the screen row of the panel's row 0 (may be off screen) */
	int top, bottom;   /* the screen rows it may draw on: [top, bottom) */
	int row;           /* the panel's current row; its height once done */
};

/* What the panels draw from. */
struct review_view {
	struct tui *ui;
	const struct review *r;
	const struct review_data *d;
	const struct review_layout *l;
};

/* Text at column dx of the current row, in at most w columns (cut at the
 * panel's edge, with an ellipsis); returns the columns it takes. */
int pen_text(struct pen *p, int dx, int w, const char *s, attr_t at);
/* Text from column dx word-wrapped over at most `lines` rows (the last cut
 * with an ellipsis), moving to the row after it. */
void pen_wrap(struct pen *p, int dx, const char *s, attr_t at, int lines);
/* Right-aligned in [dx, dx + w). */
void pen_right(struct pen *p, int dx, int w, const char *s, attr_t at);
/* A bar of `cells` cells, value/scale of them full. */
void pen_bar(struct pen *p, int dx, int cells, int64_t value, int64_t scale);
/* A panel's title with a rule after it, then the next row. */
void pen_title(struct pen *p, const char *title);
void pen_nl(struct pen *p);

/* "76%" or the none glyph, into out[16]. */
const char *pen_pct(const struct pen *p, int pct, char out[16]);
/* Hundredths as "8.40", or the none glyph, into out[32]. */
const char *pen_yield(const struct pen *p, int64_t x100, char out[32]);
/* The attribute of an industry's name; the plain one for none. */
attr_t pen_industry(const struct pen *p, int id);
/* Where the quota stands in a few words ("Quota 22% of 20000 USD, need 3875
 * a week: on pace", or in short "Quota 22%, on pace (3875/wk)"), and the
 * role that colours it: on pace, behind, or no target. */
enum theme_role review_pen_pace(const struct review_quota *q, bool brief, char *out,
				size_t size);

/* The panels (review_work.c: what was done; review_results.c: what it
 * produced). */
void panel_finished(struct pen *p, const struct review_view *v);
void panel_unfinished(struct pen *p, const struct review_view *v);
void panel_focus(struct pen *p, const struct review_view *v);
void panel_quota(struct pen *p, const struct review_view *v);
void panel_results(struct pen *p, const struct review_view *v);
void panel_accounts(struct pen *p, const struct review_view *v);
void panel_trend(struct pen *p, const struct review_view *v);

#endif
