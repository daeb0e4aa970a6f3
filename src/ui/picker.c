/* picker.c - choosing the niche of the cursor's day or half-day. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "app_block.h"
#include "draw.h"
#include "modal.h"
#include "rules.h"
#include "xalloc.h"

struct picker {
	date_t day;
	enum day_part part;
	int ids[MODEL_INDUSTRY_MAX + 1];  /* 0 = no niche, then industry ids */
	int n, sel;
};

static void picker_draw(struct tui *ui, void *state)
{
	struct picker *p = state;
	char title[96], when[16];
	int h = p->n + 4, w = 40, y, x;

	date_format_short(p->day, when);
	snprintf(title, sizeof title, "Niche for %s%s%s", when, p->part == PART_DAY ? "" : " ",
		 rules_part_phrase(p->part));
	modal_frame(ui, h, w, title, &y, &x);
	for (int i = 0; i < p->n && y + 1 + i < y + h - 2; i++) {
		const struct industry *ind = plan_industry_by_id(tui_plan(ui), p->ids[i]);
		attr_t at = i == p->sel ? colors_role(&ui->colors, ROLE_CURSOR)
					: colors_role(&ui->colors, ROLE_DIALOG);
		char line[96];

		if (ind == NULL)
			snprintf(line, sizeof line, " No niche (clear it)");
		else if (!ui->colors.color)
			snprintf(line, sizeof line, " %c: %s", theme_industry_letter(ind->color), ind->name);
		else
			snprintf(line, sizeof line, " %s", ind->name);
		draw_pad(y + 1 + i, x + 2, w - 4, line, at, ui->mode);
		if (ind != NULL && ui->colors.color)
			draw_text(y + 1 + i, x + w - 4, 2, "  ", colors_industry(&ui->colors, ind->color),
				  ui->mode);
	}
	draw_text(y + h - 2, x + 2, w - 4, "Enter choose  Esc cancel",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

static unsigned picker_choose(struct tui *ui, struct picker *p)
{
	struct app_focus f = { .day = p->day, .set_niche = true, .part = p->part,
			       .industry = p->ids[p->sel] };
	struct app_result res;
	struct error err;
	int rc = app_focus(ui->app, &f, &res, &err);

	modal_close(ui);
	return change_shown(ui, rc, &res, &err);
}

static unsigned picker_key(struct tui *ui, void *state, struct key k)
{
	struct picker *p = state;

	if (!k.fn && (k.code == KEY_ESC || k.code == 'q')) {
		modal_close(ui);
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return picker_choose(ui, p);
	if ((k.fn && k.code == KEY_DOWN) || (!k.fn && k.code == 'j'))
		p->sel = (p->sel + 1) % p->n;
	else if ((k.fn && k.code == KEY_UP) || (!k.fn && k.code == 'k'))
		p->sel = (p->sel + p->n - 1) % p->n;
	else if (!k.fn && k.code >= '1' && k.code <= '9' && k.code - '0' < p->n)
		p->sel = k.code - '0';
	return TUI_REDRAW;
}

static void picker_free(void *state)
{
	free(state);
}

static const struct modal_ops picker_ops = {
	.draw = picker_draw, .key = picker_key, .free = picker_free,
};

void niche_picker_open(struct tui *ui)
{
	struct picker *p = xcalloc(1, sizeof *p);
	int current;

	p->day = cursor_date(ui);
	if (week_focus(ui->week) == FOCUS_DAY)
		p->part = PART_DAY;
	else
		p->part = cursor_minute(ui) < week_midday(ui->week) ? PART_AM : PART_PM;
	current = week_niche(ui->week, p->day, p->part);
	p->ids[p->n++] = 0;
	for (size_t i = 0; i < plan_industry_count(tui_plan(ui)); i++) {
		const struct industry *ind = plan_industry_at(tui_plan(ui), i);

		if (ind->archived)
			continue;
		if (ind->id == current)
			p->sel = p->n;
		p->ids[p->n++] = ind->id;
	}
	modal_open(ui, &picker_ops, p);
}
