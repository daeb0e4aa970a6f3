/* layout.h - where everything goes on the week screen: a pure function of
 * the terminal size, the days to show and the cursor's day.  No curses here,
 * so it is tested for every size without a terminal. */
#ifndef FOCUSWEEK_LAYOUT_H
#define FOCUSWEEK_LAYOUT_H

#include <stdbool.h>

#define LAYOUT_MIN_ROWS 6
#define LAYOUT_MIN_COLS 20

enum layout_header { HEADER_LONG, HEADER_MEDIUM, HEADER_SHORT, HEADER_TINY };

struct layout {
	bool too_small;       /* only the "too small" message fits */
	int rows, cols;
	int head_row;         /* the day headers (dates) */
	bool niche_row;       /* a second header row for the niches */
	int banner_row;       /* a row for all-day events, or -1 */
	int grid_row;         /* first row of time slots */
	int grid_rows;        /* rows of the grid */
	int visible_slots;    /* slots shown at once (all of them when they fit) */
	int detail_row;       /* the selected block's details, or -1 */
	int status_row;       /* the bottom line */
	int ruler_w;          /* columns of the time ruler */
	enum layout_header header;
	int ndays;            /* columns of days shown */
	int day[7];           /* the weekday (0 = Monday) in each column */
	int day_x[7];         /* where each column starts */
	int day_w[7];         /* and its width, including a 1-column gap */
};

/*
 * days_mask: bit d set for each weekday to show (0 = Monday); focus_day: the
 * cursor's weekday, kept visible when not all days fit; slots: the slots in a
 * day; banners: the week has all-day events to show (a row when there is room).
 */
void layout_compute(struct layout *l, int rows, int cols, unsigned days_mask, int focus_day,
		    int slots, bool banners);
/* The first row of the slot `rel` slots below the top one; rel may equal
 * visible_slots (the row after the last).  A tall terminal spreads the slots
 * over all its rows, so blocks show more of themselves. */
int layout_slot_y(const struct layout *l, int rel);
/* The slot (relative to the top one) drawn on row y, or -1. */
int layout_slot_at(const struct layout *l, int y);
/* The column showing weekday `day`, or -1 when it is not shown. */
int layout_column(const struct layout *l, int day);

#endif
