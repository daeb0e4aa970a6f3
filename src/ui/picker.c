/* picker.c - choosing the niche of the cursor's day or half-day, or a new
 * industry typed in place ("New industry…", the last line). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "app_block.h"
#include "app_catalog.h"
#include "draw.h"
#include "modal.h"
#include "rules.h"
#include "textfield.h"
#include "xalloc.h"

struct picker {
	date_t day;
	enum day_part part;
	int ids[MODEL_INDUSTRY_MAX + 1];  /* 0 = no niche, then industry ids */
	int n, sel;                       /* sel == n: "New industry…" */
	bool typing;                      /* its name is being typed */
	struct textfield name;
	char error[640];
};

/* The last line: "New industry…", or its name being typed. */
static void picker_draw_new(struct tui *ui, struct picker *p, int y, int x, int w)
{
	attr_t at = p->sel == p->n ? colors_role(&ui->colors, ROLE_CURSOR)
				   : colors_role(&ui->colors, ROLE_DIALOG);
	char line[64];

	ui->cur_y = ui->cur_x = -1;
	if (!p->typing) {
		snprintf(line, sizeof line, " New industry%s", ui->g->ellipsis);
		draw_pad(y, x, w, line, at, ui->mode);
		return;
	}
	draw_text(y, x, 6, " Name ", at, ui->mode);
	ui->cur_x = textfield_draw(&p->name, y, x + 6, w - 6,
				   colors_role(&ui->colors, ROLE_INPUT), true, ui->mode);
	ui->cur_y = y;
}

static void picker_draw(struct tui *ui, void *state)
{
	struct picker *p = state;
	char title[96], when[16];
	int h = p->n + 6, w = 44, y, x;

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
	picker_draw_new(ui, p, y + 1 + p->n, x + 2, w - 4);
	if (p->error[0])
		draw_text(y + h - 3, x + 2, w - 4, p->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4, p->typing ? "Enter add it  Esc back" : "Enter choose  Esc cancel",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* The industry typed is added, then made the niche: two changes. */
static unsigned picker_add(struct tui *ui, struct picker *p)
{
	struct app_result res;
	struct error err;
	const struct industry *ind;

	if (app_industry_add(ui->app, p->name.s, 0, &res, &err) != 0) {
		snprintf(p->error, sizeof p->error, "%s", err.msg);
		return TUI_REDRAW;
	}
	ind = plan_industry_by_name(tui_plan(ui), p->name.s, false);
	p->ids[p->n] = ind != NULL ? ind->id : 0;
	p->n++;
	p->typing = false;
	return TUI_CHANGE | TUI_REDRAW;
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
	bool enter = (!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER);
	unsigned f;

	p->error[0] = '\0';
	if (p->typing) {
		if (!k.fn && k.code == KEY_ESC)
			p->typing = false;
		else if (enter && (f = picker_add(ui, p)) & TUI_CHANGE)
			return f | picker_choose(ui, p);
		else if (!enter)
			textfield_key(&p->name, k);
		return TUI_REDRAW;
	}
	if (!k.fn && (k.code == KEY_ESC || k.code == 'q')) {
		modal_close(ui);
		return TUI_REDRAW;
	}
	if (enter && p->sel == p->n) {
		p->typing = true;
		textfield_set(&p->name, "", MODEL_NAME_MAX);
		return TUI_REDRAW;
	}
	if (enter)
		return picker_choose(ui, p);
	if ((k.fn && k.code == KEY_DOWN) || (!k.fn && k.code == 'j'))
		p->sel = (p->sel + 1) % (p->n + 1);
	else if ((k.fn && k.code == KEY_UP) || (!k.fn && k.code == 'k'))
		p->sel = (p->sel + p->n) % (p->n + 1);
	else if ((k.fn && k.code == KEY_END) || (!k.fn && k.code == 'G'))
		p->sel = p->n;
	else if ((k.fn && k.code == KEY_HOME) || (!k.fn && k.code == 'g'))
		p->sel = 0;
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
