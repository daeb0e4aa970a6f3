/* layout.c - where everything goes on the week screen. */
#include "layout.h"

#include <string.h>

/* Widest ruler that leaves each day at least `min_w` columns. */
static int layout_ruler(int cols, int ndays, int min_w)
{
	if (cols - 6 >= ndays * min_w)
		return 6; /* "08:30 " */
	if (cols - 3 >= ndays * min_w)
		return 3; /* "08 " */
	return 0;
}

static void layout_days(struct layout *l, int cols, unsigned days_mask, int focus_day)
{
	int all[7], n = 0, first = 0;

	for (int d = 0; d < 7; d++)
		if (days_mask & (1u << d))
			all[n++] = d;
	if (n == 0)
		all[n++] = focus_day;
	/* Drop days until each shown day gets at least 4 columns. */
	l->ndays = n;
	while (l->ndays > 1 && (cols - layout_ruler(cols, l->ndays, 4)) / l->ndays < 4)
		l->ndays--;
	/* Keep the cursor's day in the window of shown days. */
	for (int i = 0; i < n; i++)
		if (all[i] == focus_day)
			first = i - l->ndays / 2;
	if (first > n - l->ndays)
		first = n - l->ndays;
	if (first < 0)
		first = 0;
	for (int i = 0; i < l->ndays; i++)
		l->day[i] = all[first + i];
}

void layout_compute(struct layout *l, int rows, int cols, unsigned days_mask, int focus_day,
		    int slots, bool banners)
{
	int x, w, extra;

	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	l->detail_row = -1;
	l->banner_row = -1;
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		l->too_small = true;
		return;
	}
	layout_days(l, cols, days_mask, focus_day);
	l->ruler_w = layout_ruler(cols, l->ndays, 6);
	if (l->ruler_w == 0)
		l->ruler_w = layout_ruler(cols, l->ndays, 4);
	w = (cols - l->ruler_w) / l->ndays;
	extra = (cols - l->ruler_w) - w * l->ndays;
	x = l->ruler_w;
	for (int i = 0; i < l->ndays; i++) {
		/* Spread the leftover columns over the first days. */
		l->day_x[i] = x;
		l->day_w[i] = w + (i < extra ? 1 : 0);
		x += l->day_w[i];
	}
	l->header = w >= 11 ? HEADER_LONG : w >= 7 ? HEADER_MEDIUM : w >= 4 ? HEADER_SHORT
							      : HEADER_TINY;
	/* Rows: top line, headers, grid, details, status. */
	l->head_row = 1;
	l->niche_row = rows >= 12;
	l->grid_row = l->head_row + 1 + (l->niche_row ? 1 : 0);
	if (banners && rows >= 14)
		l->banner_row = l->grid_row++;
	l->status_row = rows - 1;
	if (rows >= 10)
		l->detail_row = rows - 2;
	l->grid_rows = (l->detail_row >= 0 ? l->detail_row : l->status_row) - l->grid_row;
	l->visible_slots = slots > 0 && slots < l->grid_rows ? slots : l->grid_rows;
}

int layout_slot_y(const struct layout *l, int rel)
{
	if (l->visible_slots <= 0)
		return l->grid_row;
	return l->grid_row + rel * l->grid_rows / l->visible_slots;
}

int layout_slot_at(const struct layout *l, int y)
{
	for (int rel = 0; rel < l->visible_slots; rel++)
		if (y >= layout_slot_y(l, rel) && y < layout_slot_y(l, rel + 1))
			return rel;
	return -1;
}

int layout_column(const struct layout *l, int day)
{
	for (int i = 0; i < l->ndays; i++)
		if (l->day[i] == day)
			return i;
	return -1;
}
