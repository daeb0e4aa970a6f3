/* cursor.c - where the cursor is, and keeping it on the screen. */
#include <string.h>

#include "app.h"

unsigned cursor_days_mask(const struct app *a)
{
	unsigned mask = plan_settings(a->boot.plan)->work_days & 0x7f;

	if (a->weekend)
		mask |= 0x60;
	return mask;
}

int cursor_slots(const struct app *a)
{
	const struct settings *s = plan_settings(a->boot.plan);

	return (s->day_end - s->day_start) / s->slot;
}

int cursor_minute(const struct app *a)
{
	const struct settings *s = plan_settings(a->boot.plan);

	return s->day_start + a->slot * s->slot;
}

date_t cursor_date(const struct app *a)
{
	return week_monday(a->week) + a->day;
}

const struct block *cursor_block(const struct app *a)
{
	date_t day = cursor_date(a);
	int m = cursor_minute(a), slot = plan_settings(a->boot.plan)->slot;

	/* A meeting on top of a planned block: the planned block wins the cursor;
	 * any block touching the slot counts (meetings keep off-grid times). */
	const struct block *found = NULL;

	for (size_t i = 0; i < week_block_count(a->week); i++) {
		const struct block *b = week_block_at(a->week, i);

		if (b->date != day || b->start >= m + slot || b->end <= m)
			continue;
		if (found == NULL || (found->kind == KIND_MEETING && b->kind != KIND_MEETING))
			found = b;
	}
	return found;
}

void cursor_clamp(struct app *a)
{
	unsigned mask = cursor_days_mask(a);
	int slots = cursor_slots(a);
	int rows = a->layout.visible_slots > 0 ? a->layout.visible_slots : 1;

	if (!(mask & (1u << a->day))) {
		/* The nearest shown day. */
		for (int k = 1; k < 7; k++) {
			if (a->day - k >= 0 && (mask & (1u << (a->day - k)))) {
				a->day -= k;
				break;
			}
			if (a->day + k < 7 && (mask & (1u << (a->day + k)))) {
				a->day += k;
				break;
			}
		}
	}
	if (a->slot >= slots)
		a->slot = slots - 1;
	if (a->slot < 0)
		a->slot = 0;
	if (a->top > a->slot)
		a->top = a->slot;
	if (a->slot >= a->top + rows)
		a->top = a->slot - rows + 1;
	if (a->top > slots - rows)
		a->top = slots - rows;
	if (a->top < 0)
		a->top = 0;
}

bool cursor_to_block(struct app *a, const char *id)
{
	const struct block *b = week_block_by_id(a->week, id);
	const struct settings *s = plan_settings(a->boot.plan);

	if (b == NULL)
		return false;
	a->day = b->date - week_monday(a->week);
	if (a->day >= 5)
		a->weekend = true;
	a->slot = (b->start - s->day_start) / s->slot;
	cursor_clamp(a);
	return true;
}
