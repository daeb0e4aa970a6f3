/* cursor.c - where the cursor is, and keeping it on the screen. */
#include <string.h>

#include "tui.h"

unsigned cursor_days_mask(const struct tui *ui)
{
	unsigned days = plan_settings(tui_plan(ui))->work_days & DATE_WEEK_MASK;

	return date_week_index_mask(ui->weekend ? DATE_WEEK_MASK : days);
}

bool cursor_day_off(const struct tui *ui, date_t day)
{
	return !(plan_settings(tui_plan(ui))->work_days & (1u << date_weekday(day)));
}

int cursor_slots(const struct tui *ui)
{
	const struct settings *s = plan_settings(tui_plan(ui));

	return (s->day_end - s->day_start) / s->slot;
}

int cursor_minute(const struct tui *ui)
{
	const struct settings *s = plan_settings(tui_plan(ui));

	return s->day_start + ui->slot * s->slot;
}

date_t cursor_date(const struct tui *ui)
{
	return week_monday(ui->week) + ui->day;
}

const struct block *cursor_block(const struct tui *ui)
{
	date_t day = cursor_date(ui);
	int m = cursor_minute(ui), slot = plan_settings(tui_plan(ui))->slot;

	/* A meeting on top of a planned block: the planned block wins the cursor;
	 * any block touching the slot counts (meetings keep off-grid times). */
	const struct block *found = NULL;

	for (size_t i = 0; i < week_block_count(ui->week); i++) {
		const struct block *b = week_block_at(ui->week, i);

		if (b->date != day || b->start >= m + slot || b->end <= m)
			continue;
		if (found == NULL || (found->kind == KIND_MEETING && b->kind != KIND_MEETING))
			found = b;
	}
	return found;
}

void cursor_clamp(struct tui *ui)
{
	unsigned mask = cursor_days_mask(ui);
	int slots = cursor_slots(ui);
	int rows = ui->layout.visible_slots > 0 ? ui->layout.visible_slots : 1;

	if (!(mask & (1u << ui->day))) {
		/* The nearest shown day. */
		for (int k = 1; k < 7; k++) {
			if (ui->day - k >= 0 && (mask & (1u << (ui->day - k)))) {
				ui->day -= k;
				break;
			}
			if (ui->day + k < 7 && (mask & (1u << (ui->day + k)))) {
				ui->day += k;
				break;
			}
		}
	}
	if (ui->slot >= slots)
		ui->slot = slots - 1;
	if (ui->slot < 0)
		ui->slot = 0;
	if (ui->top > ui->slot)
		ui->top = ui->slot;
	if (ui->slot >= ui->top + rows)
		ui->top = ui->slot - rows + 1;
	if (ui->top > slots - rows)
		ui->top = slots - rows;
	if (ui->top < 0)
		ui->top = 0;
}

bool cursor_to_block(struct tui *ui, const char *id)
{
	const struct block *b = week_block_by_id(ui->week, id);
	const struct settings *s = plan_settings(tui_plan(ui));

	if (b == NULL)
		return false;
	ui->day = b->date - week_monday(ui->week);
	if (cursor_day_off(ui, b->date))
		ui->weekend = true;
	ui->slot = (b->start - s->day_start) / s->slot;
	cursor_clamp(ui);
	return true;
}
