/* catalog_view.c - industries and accounts (I): add, rename, recolour,
 * weekly baselines, archive, delete, and the sample plan taken out, each
 * through the same application call as its command. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_catalog.h"
#include "app_setup.h"
#include "draw.h"
#include "duration.h"
#include "modal.h"
#include "textfield.h"
#include "xalloc.h"

#define CATALOG_W 72
#define CATALOG_NAME_W 28

/* What a line of input is for, while one is asked. */
enum catalog_ask { ASK_NONE, ASK_NEW_INDUSTRY, ASK_NEW_ACCOUNT, ASK_RENAME, ASK_BASELINE };

struct catalog_view {
	size_t sel;                 /* a row: industries first, then accounts */
	size_t top;
	enum catalog_ask ask;
	struct textfield input;
	char said[800];
	enum theme_role said_role;
};

static size_t cv_industries(struct tui *ui)
{
	return plan_industry_count(tui_plan(ui));
}

static size_t cv_rows(struct tui *ui)
{
	return cv_industries(ui) + plan_account_count(tui_plan(ui));
}

/* The industry (or account) of the row selected, or NULL. */
static const struct industry *cv_industry(struct tui *ui, const struct catalog_view *v)
{
	return v->sel < cv_industries(ui) ? plan_industry_at(tui_plan(ui), v->sel) : NULL;
}

static const struct account *cv_account(struct tui *ui, const struct catalog_view *v)
{
	return v->sel >= cv_industries(ui) ? plan_account_at(tui_plan(ui), v->sel - cv_industries(ui))
					   : NULL;
}

static void cv_row(struct tui *ui, size_t i, int y, int x, int w, attr_t at)
{
	const struct plan *p = tui_plan(ui);
	char what[64];
	const char *name;
	bool archived, sample;

	if (i < cv_industries(ui)) {
		const struct industry *ind = plan_industry_at(p, i);

		name = ind->name;
		archived = ind->archived;
		sample = ind->sample;
		snprintf(what, sizeof what, "colour %d", ind->color);
		if (ui->colors.color)
			draw_text(y, x + w - 2, 2, "  ", colors_industry(&ui->colors, ind->color),
				  ui->mode);
	} else {
		const struct account *acc = plan_account_at(p, i - cv_industries(ui));
		char base[DURATION_TEXT];

		name = acc->name;
		archived = acc->archived;
		sample = acc->sample;
		duration_format(acc->baseline, base);
		snprintf(what, sizeof what, "baseline %s a week", base);
	}
	draw_pad(y, x, CATALOG_NAME_W, name, at, ui->mode);
	draw_text(y, x + CATALOG_NAME_W + 1, w - CATALOG_NAME_W - 4, what, at, ui->mode);
	if (archived || sample)
		draw_text(y, x + CATALOG_NAME_W + 22, 20, archived ? "(archived)" : "(sample)", at,
			  ui->mode);
}

static const char *cv_ask_label(enum catalog_ask a)
{
	switch (a) {
	case ASK_NEW_INDUSTRY: return "New industry: ";
	case ASK_NEW_ACCOUNT: return "New account (name:time a week, e.g. Acme:2h): ";
	case ASK_RENAME: return "New name: ";
	case ASK_BASELINE: return "Time a week (90, 1h30): ";
	default: return "";
	}
}

static void cv_draw(struct tui *ui, void *state)
{
	struct catalog_view *v = state;
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG);
	int w = COLS - 2 < CATALOG_W ? COLS - 2 : CATALOG_W, h = LINES - 2 < 24 ? LINES - 2 : 24;
	int list = h - 7, y, x;
	size_t n = cv_rows(ui);

	modal_frame(ui, h, w, "Industries and accounts", &y, &x);
	ui->cur_y = ui->cur_x = -1;
	if (v->sel >= n)
		v->sel = n > 0 ? n - 1 : 0;
	if (v->sel < v->top)
		v->top = v->sel;
	if (list > 0 && v->sel >= v->top + (size_t)list)
		v->top = v->sel - (size_t)list + 1;
	if (n == 0)
		draw_text(y + 1, x + 2, w - 4, "None yet: n adds an industry, N an account", dlg,
			  ui->mode);
	for (size_t i = v->top; i < n && list > 0 && i < v->top + (size_t)list; i++)
		cv_row(ui, i, y + 1 + (int)(i - v->top), x + 2, w - 4,
		       i == v->sel ? colors_role(&ui->colors, ROLE_CURSOR) : dlg);
	if (v->ask != ASK_NONE) {
		const char *label = cv_ask_label(v->ask);
		int lw = (int)strlen(label);

		draw_text(y + h - 5, x + 2, lw, label, dlg, ui->mode);
		ui->cur_x = textfield_draw(&v->input, y + h - 5, x + 2 + lw, w - 4 - lw,
					   colors_role(&ui->colors, ROLE_INPUT), true, ui->mode);
		ui->cur_y = y + h - 5;
	}
	if (v->said[0])
		draw_wrap(y + h - 4, x + 2, w - 4, 2, v->said, colors_role(&ui->colors, v->said_role),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4,
		  v->ask != ASK_NONE ? "Enter save  Esc cancel"
				     : "n/N new industry/account  r rename  c colour  b baseline  "
				       "a archive  d delete  X drop sample  Esc",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* Shows what an application call did, in the dialog and on the week. */
static unsigned cv_done(struct tui *ui, struct catalog_view *v, int rc,
			const struct app_result *res, const struct error *err)
{
	v->said_role = rc != 0 ? ROLE_ERROR : res->notice[0] ? ROLE_WARNING : ROLE_OK;
	snprintf(v->said, sizeof v->said, "%s",
		 rc != 0 ? err->msg : res->notice[0] ? res->notice : res->label);
	if (rc != 0)
		return TUI_REDRAW;
	tui_show_week(ui, tui_week_key(ui));
	return TUI_CHANGE | TUI_REDRAW;
}

static unsigned cv_new_account(struct tui *ui, struct catalog_view *v, const char *text,
			       struct app_result *res, struct error *err)
{
	struct app_setup_lists l;
	int rc;

	if (app_setup_lists_parse(NULL, text, &l, err) != 0)
		return cv_done(ui, v, -1, res, err);
	rc = l.n_accounts != 1
		     ? error_set(err, ERR_USAGE, "one account at a time, as name:time a week")
		     : app_account_add(ui->app, l.accounts[0].name, l.accounts[0].baseline, res, err);
	app_setup_lists_free(&l);
	return cv_done(ui, v, rc, res, err);
}

/* The line typed, saved as what it was asked for. */
static unsigned cv_answer(struct tui *ui, struct catalog_view *v)
{
	const struct industry *ind = cv_industry(ui, v);
	const struct account *acc = cv_account(ui, v);
	const char *text = v->input.s;
	enum catalog_ask a = v->ask;
	struct app_result res = { 0 };
	struct error err;
	int64_t minutes;
	int rc = -1;

	v->ask = ASK_NONE;
	if (a == ASK_NEW_INDUSTRY)
		rc = app_industry_add(ui->app, text, 0, &res, &err);
	else if (a == ASK_NEW_ACCOUNT)
		return cv_new_account(ui, v, text, &res, &err);
	else if (a == ASK_RENAME && ind != NULL)
		rc = app_industry_rename(ui->app, ind->id, text, &res, &err);
	else if (a == ASK_RENAME && acc != NULL)
		rc = app_account_rename(ui->app, acc->id, text, &res, &err);
	else if (a == ASK_BASELINE && acc != NULL)
		rc = duration_read(text, MODEL_BASELINE_MAX, &minutes, &err) != 0
			     ? -1
			     : app_account_baseline(ui->app, acc->id, (int)minutes, &res, &err);
	return cv_done(ui, v, rc, &res, &err);
}

static void cv_ask(struct catalog_view *v, enum catalog_ask a, const char *value)
{
	v->ask = a;
	textfield_set(&v->input, value, MODEL_NAME_MAX + 8);
}

/* A key on the list itself (no line being typed). */
static unsigned cv_list_key(struct tui *ui, struct catalog_view *v, int code)
{
	const struct industry *ind = cv_industry(ui, v);
	const struct account *acc = cv_account(ui, v);
	struct app_result res = { 0 };
	struct error err;
	char base[16];
	int rc;

	switch (code) {
	case 'n': cv_ask(v, ASK_NEW_INDUSTRY, ""); return TUI_REDRAW;
	case 'N': cv_ask(v, ASK_NEW_ACCOUNT, ""); return TUI_REDRAW;
	case 'r':
		if (ind != NULL || acc != NULL)
			cv_ask(v, ASK_RENAME, ind != NULL ? ind->name : acc->name);
		return TUI_REDRAW;
	case 'b':
		if (acc != NULL) {
			snprintf(base, sizeof base, "%d", acc->baseline);
			cv_ask(v, ASK_BASELINE, base);
		}
		return TUI_REDRAW;
	case 'c':
		if (ind == NULL)
			return TUI_REDRAW;
		rc = app_industry_color(ui->app, ind->id, ind->color % MODEL_COLOR_MAX + 1, &res,
					&err);
		return cv_done(ui, v, rc, &res, &err);
	case 'a':
		rc = ind != NULL   ? app_industry_archive(ui->app, ind->id, !ind->archived, &res, &err)
		     : acc != NULL ? app_account_archive(ui->app, acc->id, !acc->archived, &res, &err)
				   : 0;
		return cv_done(ui, v, rc, &res, &err);
	case 'd':
		rc = ind != NULL   ? app_industry_remove(ui->app, ind->id, &res, &err)
		     : acc != NULL ? app_account_remove(ui->app, acc->id, &res, &err)
				   : 0;
		return cv_done(ui, v, rc, &res, &err);
	case 'X':
		rc = app_sample_remove(ui->app, &res, &err);
		return cv_done(ui, v, rc, &res, &err);
	default:
		return TUI_NONE;
	}
}

static unsigned cv_key(struct tui *ui, void *state, struct key k)
{
	struct catalog_view *v = state;
	size_t n = cv_rows(ui);
	bool enter = (!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER);

	v->said[0] = '\0';
	if (!k.fn && k.code == KEY_ESC) {
		ui->cur_y = ui->cur_x = -1;
		if (v->ask == ASK_NONE) {
			modal_close(ui); /* frees v */
			return TUI_REDRAW;
		}
		v->ask = ASK_NONE;
		return TUI_REDRAW;
	}
	if (v->ask != ASK_NONE) {
		if (enter)
			return cv_answer(ui, v);
		textfield_key(&v->input, k);
		return TUI_REDRAW;
	}
	if ((k.fn && k.code == KEY_DOWN) || (!k.fn && k.code == 'j'))
		v->sel = n > 0 && v->sel + 1 < n ? v->sel + 1 : v->sel;
	else if ((k.fn && k.code == KEY_UP) || (!k.fn && k.code == 'k'))
		v->sel = v->sel > 0 ? v->sel - 1 : 0;
	else if (!k.fn)
		return cv_list_key(ui, v, k.code) | TUI_REDRAW;
	return TUI_REDRAW;
}

static void cv_free(void *state)
{
	free(state);
}

static const struct modal_ops catalog_ops = {
	.draw = cv_draw,
	.key = cv_key,
	.free = cv_free,
};

unsigned catalog_view_open(struct tui *ui)
{
	modal_open(ui, &catalog_ops, xcalloc(1, sizeof(struct catalog_view)));
	return TUI_REDRAW;
}
