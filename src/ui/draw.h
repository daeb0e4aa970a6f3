/* draw.h - text on the screen by display width, made safe for the terminal. */
#ifndef FOCUSWEEK_DRAW_H
#define FOCUSWEEK_DRAW_H

#include <curses.h>

#include "text.h"

/* Draws s at (y, x) in at most `w` columns (an ellipsis marks a cut);
 * returns the columns used.  Control characters never reach the terminal. */
int draw_text(int y, int x, int w, const char *s, attr_t a, enum text_mode mode);
/* draw_text, then spaces to fill exactly `w` columns. */
void draw_pad(int y, int x, int w, const char *s, attr_t a, enum text_mode mode);
/* Draws s centred in [x, x + w). */
void draw_center(int y, int x, int w, const char *s, attr_t a, enum text_mode mode);
/* The end of the longest run of whole words of s that fits in w columns,
 * or NULL when the first word does not. */
const char *draw_wrap_cut(const char *s, int w, enum text_mode mode);
/* Draws s word-wrapped into at most `lines` rows of w columns; returns the
 * rows used.  The last row ends in an ellipsis if the text does not fit. */
int draw_wrap(int y, int x, int w, int lines, const char *s, attr_t a, enum text_mode mode);
/* Fills w columns with spaces. */
void draw_fill(int y, int x, int w, attr_t a);
/* A horizontal rule of w columns ("─" or "-"). */
void draw_rule(int y, int x, int w, attr_t a, enum text_mode mode);
/* A box frame (lines or ASCII). */
void draw_box(int y, int x, int h, int w, attr_t a, enum text_mode mode);

#endif
