/* week_view.h - drawing the week: headers, ruler, blocks, cursor, now marker,
 * details and the bottom line. */
#ifndef FOCUSWEEK_WEEK_VIEW_H
#define FOCUSWEEK_WEEK_VIEW_H

#include "tui.h"

void week_view_draw(struct tui *ui);
/* The bottom line (messages or key hints), shared by every screen. */
void week_view_status(struct tui *ui, int row);
/* The slot row and weekday under screen cell (y, x), for the mouse. */
bool week_view_hit(const struct tui *ui, int y, int x, int *day, int *slot);
/* Milliseconds until the now marker next moves (-1: never on this week). */
int week_view_next_tick_ms(const struct tui *ui);

#endif
