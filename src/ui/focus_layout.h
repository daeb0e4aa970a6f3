/* focus_layout.h - where everything goes on the focus screen: a pure
 * function of the terminal size and the width of the big countdown.  No
 * curses here, so it is tested for every size without a terminal.
 *
 * Parts are kept by importance as the terminal shrinks: the countdown
 * first, then the bottom line, the counters, the industry, the title...
 * Spare rows then buy the big digits, the industry's band, and blank rows
 * between the groups; what is left centres the middle of the screen. */
#ifndef FOCUSWEEK_FOCUS_LAYOUT_H
#define FOCUSWEEK_FOCUS_LAYOUT_H

#include <stdbool.h>

enum focus_part {
	FOCUS_HEADER,        /* the top line: "Focus" and the time of day */
	FOCUS_INDUSTRY,      /* the block's industry, large and in its colour */
	FOCUS_TITLE,         /* the block's title and kind */
	FOCUS_COUNTDOWN,     /* the countdown: big digits, or "12:34 left" */
	FOCUS_STATE,         /* running, paused, time up, clock moved back: in words */
	FOCUS_BAR,           /* the progress bar */
	FOCUS_END,           /* the planned end */
	FOCUS_QUESTION,      /* "Will this help me make my sales quota?" */
	FOCUS_COUNTERS,      /* calls, conversations, meetings booked */
	FOCUS_INTERRUPTIONS, /* how many, and the last one's note */
	FOCUS_STATUS,        /* the bottom line: messages or key hints */
	FOCUS_PARTS
};

#define FOCUS_BIG_ROWS 5      /* rows of the big digits */
#define FOCUS_BAND_ROWS 3     /* rows of the industry's band */

struct focus_layout {
	int row[FOCUS_PARTS];     /* each part's first row, or -1 when it is not shown */
	int height[FOCUS_PARTS];  /* its rows (0 when not shown) */
	bool big_digits;          /* the countdown in big digits */
	bool band;                /* the industry as a band of FOCUS_BAND_ROWS rows */
	bool too_small;           /* below the size dialogs need (as the week's) */
};

/* big_w: the columns the countdown needs in big digits. */
void focus_layout_compute(struct focus_layout *l, int rows, int cols, int big_w);

#endif
