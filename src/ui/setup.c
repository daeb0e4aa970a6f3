/* setup.c - the planner's first start, on a folder without a plan: how to
 * begin (the user's own week, an empty plan, the sample, the demo), then the
 * user's own week in one short form that ends on this week's planning. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_setup.h"
#include "draw.h"
#include "fields.h"
#include "modal.h"
#include "planning_view.h"
#include "xalloc.h"

enum setup_choice { SETUP_MINE, SETUP_EMPTY, SETUP_SAMPLE, SETUP_DEMO, SETUP_CHOICES };

static const struct {
	const char *name, *what;
} choices[SETUP_CHOICES] = {
	{ "Set up my week", "your industries, key accounts, quota, hours and days" },
	{ "Start empty", "nothing planned: add industries and blocks as you go" },
	{ "Explore the sample plan",
	  "four sample industries, two accounts and this week's blocks; 'sample rm' takes "
	  "them out" },
	{ "Open the demo", "a filled month in a throw-away copy; your folder stays as it is" },
};

#define WELCOME_W 76
#define WELCOME_H (SETUP_CHOICES * 2 + 7)

/* ---------------------------------------------------------------- the form */

enum setup_field {
	SF_INDUSTRIES, SF_ACCOUNTS, SF_QUOTA, SF_CURRENCY, SF_PERIOD, SF_START, SF_END, SF_DAYS,
	SF_WEEK_START, SF_CLOCK, SF_COUNT
};

struct setup_form {
	struct fields f;
	char error[640];
};

static void setup_form_draw(struct tui *ui, void *state)
{
	struct setup_form *s = state;
	int w = COLS - 4 < 72 ? COLS - 4 : 72, h = SF_COUNT + FIELDS_HINT_ROWS + 7, y, x;

	modal_frame(ui, h, w, "Set up my week", &y, &x);
	ui->cur_y = ui->cur_x = -1;
	draw_text(y + 1, x + 2, w - 4, "Will this help me make my sales quota? Start with what does.",
		  colors_role(&ui->colors, ROLE_QUESTION), ui->mode);
	fields_draw(ui, &s->f, y + 3, x + 2, SF_COUNT + FIELDS_HINT_ROWS, w - 4, 14);
	if (s->error[0])
		draw_wrap(y + h - 4, x + 2, w - 4, 2, s->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4, "Tab next  Enter save and plan this week  Esc back",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* What the form holds, as app_setup takes it. */
static void setup_from_form(const struct setup_form *s, const struct app_setup_lists *l,
			    struct app_setup *out)
{
	memset(out, 0, sizeof *out);
	out->industries = (const char *const *)l->industries;
	out->n_industries = l->n_industries;
	out->accounts = l->accounts;
	out->n_accounts = l->n_accounts;
	out->quota_target = fields_value(&s->f, SF_QUOTA);
	out->quota_currency = fields_value(&s->f, SF_CURRENCY);
	out->quota_period = fields_value(&s->f, SF_PERIOD);
	out->day_start = fields_value(&s->f, SF_START);
	out->day_end = fields_value(&s->f, SF_END);
	out->work_days = fields_value(&s->f, SF_DAYS);
	out->week_start = fields_value(&s->f, SF_WEEK_START);
	out->time_format = fields_value(&s->f, SF_CLOCK);
}

static unsigned setup_form_save(struct tui *ui, struct setup_form *s)
{
	struct app_setup_lists l;
	struct app_setup setup;
	struct app_result res;
	struct error err;
	int rc;

	if (app_setup_lists_parse(fields_value(&s->f, SF_INDUSTRIES),
				  fields_value(&s->f, SF_ACCOUNTS), &l, &err) != 0) {
		snprintf(s->error, sizeof s->error, "%s", err.msg);
		return TUI_REDRAW;
	}
	setup_from_form(s, &l, &setup);
	rc = app_setup(ui->app, &setup, &res, &err);
	app_setup_lists_free(&l);
	if (rc != 0) {
		snprintf(s->error, sizeof s->error, "%s", err.msg);
		return TUI_REDRAW;
	}
	modal_close(ui);
	ui->cur_y = ui->cur_x = -1;
	change_shown(ui, rc, &res, &err);
	/* It ends on this week's planning. */
	tui_show_week(ui, date_week_key(ui->today));
	return planning_screen_open(ui) | TUI_CHANGE;
}

static void welcome_open(struct tui *ui);

static unsigned setup_form_key(struct tui *ui, void *state, struct key k)
{
	struct setup_form *s = state;

	s->error[0] = '\0';
	if (!k.fn && k.code == KEY_ESC) {
		welcome_open(ui);
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n' || k.code == CTRL('s'))) ||
	    (k.fn && k.code == KEY_ENTER))
		return setup_form_save(ui, s);
	fields_key(&s->f, k);
	return TUI_REDRAW;
}

static void setup_form_free(void *state)
{
	struct setup_form *s = state;

	fields_free(&s->f);
	free(s);
}

static const struct modal_ops setup_form_ops = {
	.draw = setup_form_draw,
	.key = setup_form_key,
	.free = setup_form_free,
};

static void setup_form_open(struct tui *ui)
{
	struct setup_form *s = xcalloc(1, sizeof *s);
	struct fields *f = &s->f;

	fields_init(f, SF_COUNT);
	fields_set(f, SF_INDUSTRIES, "Industries", "the industries you prospect, one per day or "
		   "half-day, e.g. Construction, Education, Healthcare, Logistics", "");
	fields_set(f, SF_ACCOUNTS, "Key accounts", "customers with fixed time each week, and that "
		   "time, e.g. Grand Hotel:3h, Contoso:1h30", "");
	fields_set(f, SF_QUOTA, "Quota", "what you must sell each period, in whole units; "
		   "empty: none yet", "");
	fields_set(f, SF_CURRENCY, "Currency", "e.g. USD, EUR, GBP", "USD");
	fields_set(f, SF_PERIOD, "Per", "month or quarter", "month");
	fields_set(f, SF_START, "Day starts", "a time, e.g. 08:00 or 8am", "08:00");
	fields_set(f, SF_END, "Day ends", "a time, e.g. 18:00 or 6pm", "18:00");
	fields_set(f, SF_DAYS, "Work days", "days or ranges, e.g. mon-fri or sun-thu", "mon-fri");
	fields_set(f, SF_WEEK_START, "Week starts", "monday, sunday or saturday", "monday");
	fields_set(f, SF_CLOCK, "Times", "24h or 12h", "24h");
	modal_open(ui, &setup_form_ops, s);
}

/* ---------------------------------------------------------------- the welcome */

struct welcome {
	int sel;
};

static void welcome_draw(struct tui *ui, void *state)
{
	struct welcome *w = state;
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG);
	attr_t on = colors_role(&ui->colors, ROLE_CURSOR);
	int width = COLS - 4 < WELCOME_W ? COLS - 4 : WELCOME_W, y, x;

	modal_frame(ui, WELCOME_H, width, "Welcome to focusweek", &y, &x);
	draw_wrap(y + 1, x + 2, width - 4, 2,
		  "Every block you plan answers one question: Will this help me make my sales "
		  "quota?  How would you like to begin?",
		  colors_role(&ui->colors, ROLE_QUESTION), ui->mode);
	for (int i = 0; i < SETUP_CHOICES; i++) {
		int row = y + 4 + i * 2;

		draw_pad(row, x + 2, 26, choices[i].name, i == w->sel ? on | A_BOLD : dlg, ui->mode);
		draw_wrap(row, x + 29, width - 31, 2, choices[i].what, dlg, ui->mode);
	}
	draw_text(y + WELCOME_H - 2, x + 2, width - 4, "Up/Down choose  Enter begin  q quit",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

static unsigned welcome_begin(struct tui *ui, enum setup_choice c)
{
	struct app_result res;
	struct error err;
	int rc;

	switch (c) {
	case SETUP_MINE:
		setup_form_open(ui);
		return TUI_REDRAW;
	case SETUP_EMPTY:
		modal_close(ui);
		tui_message(ui, ROLE_OK, "An empty plan: i gives a day its industry, a adds a block, "
			    "S the settings, ? every key");
		return TUI_REDRAW;
	case SETUP_SAMPLE:
		modal_close(ui);
		rc = app_sample_add(ui->app, ui->today, &res, &err);
		return change_shown(ui, rc, &res, &err);
	case SETUP_DEMO:
	default:
		modal_close(ui);
		return tui_open_demo(ui);
	}
}

static unsigned welcome_key(struct tui *ui, void *state, struct key k)
{
	struct welcome *w = state;

	if ((k.fn && k.code == KEY_DOWN) || (!k.fn && (k.code == 'j' || k.code == '\t')))
		w->sel = (w->sel + 1) % SETUP_CHOICES;
	else if ((k.fn && (k.code == KEY_UP || k.code == KEY_BTAB)) || (!k.fn && k.code == 'k'))
		w->sel = (w->sel + SETUP_CHOICES - 1) % SETUP_CHOICES;
	else if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return welcome_begin(ui, (enum setup_choice)w->sel);
	else if (!k.fn && (k.code == 'q' || k.code == KEY_ESC))
		return TUI_QUIT;
	return TUI_REDRAW;
}

static void welcome_free(void *state)
{
	free(state);
}

static const struct modal_ops welcome_ops = {
	.draw = welcome_draw,
	.key = welcome_key,
	.free = welcome_free,
};

static void welcome_open(struct tui *ui)
{
	modal_open(ui, &welcome_ops, xcalloc(1, sizeof(struct welcome)));
}

void setup_first_start(struct tui *ui)
{
	if (!app_is_new(ui->app) || app_is_demo(ui->app) || app_readonly(ui->app, NULL))
		return;
	welcome_open(ui);
}
