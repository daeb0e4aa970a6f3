/* picker.c - choosing the niche of the cursor's day or half-day. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

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

static void picker_draw(struct app *a, void *state)
{
	struct picker *p = state;
	char title[96], when[16];
	int h = p->n + 4, w = 40, y, x;

	date_format_short(p->day, when);
	snprintf(title, sizeof title, "Niche for %s%s%s", when, p->part == PART_DAY ? "" : " ",
		 rules_part_phrase(p->part));
	modal_frame(a, h, w, title, &y, &x);
	for (int i = 0; i < p->n && y + 1 + i < y + h - 2; i++) {
		const struct industry *ind = plan_industry_by_id(a->boot.plan, p->ids[i]);
		attr_t at = i == p->sel ? colors_role(&a->colors, ROLE_CURSOR)
					: colors_role(&a->colors, ROLE_DIALOG);
		char line[96];

		if (ind == NULL)
			snprintf(line, sizeof line, " No niche (clear it)");
		else if (!a->colors.color)
			snprintf(line, sizeof line, " %c: %s", theme_industry_letter(ind->color), ind->name);
		else
			snprintf(line, sizeof line, " %s", ind->name);
		draw_pad(y + 1 + i, x + 2, w - 4, line, at, a->mode);
		if (ind != NULL && a->colors.color)
			draw_text(y + 1 + i, x + w - 4, 2, "  ", colors_industry(&a->colors, ind->color),
				  a->mode);
	}
	draw_text(y + h - 2, x + 2, w - 4, "Enter choose  Esc cancel",
		  colors_role(&a->colors, ROLE_HINT_KEY), a->mode);
}

static unsigned picker_choose(struct app *a, struct picker *p)
{
	struct week *w = week_clone(a->week);
	struct error err;
	const struct industry *ind = plan_industry_by_id(a->boot.plan, p->ids[p->sel]);
	char label[128], when[16];

	date_format_short(p->day, when);
	if (week_set_niche(w, a->boot.plan, p->day, p->part, p->ids[p->sel], &err) != 0) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		week_free(w);
		modal_close(a);
		return APP_REDRAW;
	}
	snprintf(label, sizeof label, "niche of %s%s%s: %s", when, p->part == PART_DAY ? "" : " ",
		 rules_part_phrase(p->part), ind ? ind->name : "none");
	modal_close(a);
	change_propose(a, label, w);
	return APP_CHANGE | APP_REDRAW;
}

static unsigned picker_key(struct app *a, void *state, struct key k)
{
	struct picker *p = state;

	if (!k.fn && (k.code == 27 || k.code == 'q')) {
		modal_close(a);
		return APP_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return picker_choose(a, p);
	if ((k.fn && k.code == KEY_DOWN) || (!k.fn && k.code == 'j'))
		p->sel = (p->sel + 1) % p->n;
	else if ((k.fn && k.code == KEY_UP) || (!k.fn && k.code == 'k'))
		p->sel = (p->sel + p->n - 1) % p->n;
	else if (!k.fn && k.code >= '1' && k.code <= '9' && k.code - '0' < p->n)
		p->sel = k.code - '0';
	return APP_REDRAW;
}

static void picker_free(void *state)
{
	free(state);
}

static const struct modal_ops picker_ops = {
	.draw = picker_draw, .key = picker_key, .free = picker_free,
};

void niche_picker_open(struct app *a)
{
	struct picker *p = xcalloc(1, sizeof *p);
	int current;

	p->day = cursor_date(a);
	if (week_focus(a->week) == FOCUS_DAY)
		p->part = PART_DAY;
	else
		p->part = cursor_minute(a) < week_midday(a->week) ? PART_AM : PART_PM;
	current = week_niche(a->week, p->day, p->part);
	p->ids[p->n++] = 0;
	for (size_t i = 0; i < plan_industry_count(a->boot.plan); i++) {
		const struct industry *ind = plan_industry_at(a->boot.plan, i);

		if (ind->archived)
			continue;
		if (ind->id == current)
			p->sel = p->n;
		p->ids[p->n++] = ind->id;
	}
	modal_open(a, &picker_ops, p);
}
