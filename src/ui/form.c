/* form.c - the block form: add at the cursor, or edit the selected block.
 * The quota question is asked explicitly: a new block cannot be saved until
 * it is answered yes or no.  The industry and account choices end with
 * "New industry…" / "New account…": Enter there names one in place, and it
 * is added through the app layer before the block is saved. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_block.h"
#include "app_catalog.h"
#include "draw.h"
#include "modal.h"
#include "textfield.h"
#include "xalloc.h"

enum form_field { F_KIND, F_INDUSTRY, F_ACCOUNT, F_TITLE, F_START, F_END, F_QUOTA, F_NOTE, F_N };

static const enum block_kind kinds[] = { KIND_PROSPECTING, KIND_ACCOUNT, KIND_ADMIN, KIND_OTHER,
					 KIND_MEETING };
#define N_KINDS 5
#define TIME_TEXT_MAX 8 /* bytes of a time as typed: "12:30 pm" */
#define TIME_FIELD_W 9  /* its columns, with the cursor after it */
#define CHOICE_NEW (-1) /* the last choice: a new industry or account, named in place */

struct form {
	bool is_new;
	struct block base;            /* the block edited, or a blank one at the cursor */
	int kind;                     /* index into kinds */
	int industries[MODEL_INDUSTRY_MAX + 2]; /* choices: 0 = none, ids, CHOICE_NEW */
	int n_industries, industry;
	int accounts[MODEL_ACCOUNT_MAX + 2];
	int n_accounts, account;
	enum form_field naming;       /* F_INDUSTRY or F_ACCOUNT while a new one is typed */
	int named_from;               /* the choice before "New…", for Esc */
	struct textfield title, start, end, note, name;
	int quota;                    /* -1 not answered yet, 0 no, 1 yes */
	enum form_field focus;
	char error[640];
};

static bool field_shown(const struct form *f, enum form_field fld)
{
	if (fld == F_ACCOUNT)
		return kinds[f->kind] == KIND_ACCOUNT;
	return true;
}

static int form_index_of(const int *ids, int n, int id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return i;
	return 0;
}

/* The choices: none, each one not archived (or named by the block), new. */
static void form_choices(struct form *f, const struct plan *p)
{
	f->n_industries = f->n_accounts = 0;
	f->industries[f->n_industries++] = 0;
	for (size_t i = 0; i < plan_industry_count(p); i++) {
		const struct industry *ind = plan_industry_at(p, i);

		/* Archived ones only when the block already names it. */
		if (!ind->archived || ind->id == f->base.industry)
			f->industries[f->n_industries++] = ind->id;
	}
	f->accounts[f->n_accounts++] = 0;
	for (size_t i = 0; i < plan_account_count(p); i++) {
		const struct account *acc = plan_account_at(p, i);

		if (!acc->archived || acc->id == f->base.account)
			f->accounts[f->n_accounts++] = acc->id;
	}
	if (f->n_industries <= MODEL_INDUSTRY_MAX)
		f->industries[f->n_industries++] = CHOICE_NEW;
	if (f->n_accounts <= MODEL_ACCOUNT_MAX)
		f->accounts[f->n_accounts++] = CHOICE_NEW;
}

static int *form_choice(struct form *f, enum form_field fld)
{
	return fld == F_INDUSTRY ? &f->industries[f->industry] : &f->accounts[f->account];
}

/* A new block starts at the cursor and runs an hour, up to the next block. */
static void form_new_times(struct tui *ui, struct block *b)
{
	const struct settings *s = plan_settings(tui_plan(ui));
	int end = cursor_minute(ui) + (s->slot < 60 ? 60 : s->slot);

	b->start = cursor_minute(ui);
	if (end > s->day_end)
		end = s->day_end;
	for (size_t i = 0; i < week_block_count(ui->week); i++) {
		const struct block *o = week_block_at(ui->week, i);

		if (o->date == b->date && o->kind != KIND_MEETING && o->start > b->start &&
		    o->start < end)
			end = o->start;
	}
	b->end = end > b->start ? end : b->start + s->slot;
}

/* ---- drawing ---- */

static const char *const field_names[F_N] = {
	"Kind", "Industry", "Account", "Title", "Start", "End", "Quota?", "Note",
};

static const char *form_choice_name(const struct tui *ui, const struct form *f,
				    enum form_field fld)
{
	if (fld == F_KIND)
		return model_kind_name(kinds[f->kind]);
	if (fld == F_INDUSTRY && f->industries[f->industry] == CHOICE_NEW)
		return "New industry";
	if (fld == F_ACCOUNT && f->accounts[f->account] == CHOICE_NEW)
		return "New account";
	if (fld == F_INDUSTRY) {
		const struct industry *ind =
			plan_industry_by_id(tui_plan(ui), f->industries[f->industry]);

		return ind ? ind->name : "none";
	}
	{
		const struct account *acc = plan_account_by_id(tui_plan(ui), f->accounts[f->account]);

		return acc ? acc->name : "none";
	}
}

static const char *form_hint(struct form *f)
{
	if (f->naming == F_INDUSTRY)
		return "Type the new industry's name  Enter add it  Esc back";
	if (f->naming == F_ACCOUNT)
		return "Type the new account's name  Enter add it  Esc back";
	if ((f->focus == F_INDUSTRY || f->focus == F_ACCOUNT) &&
	    *form_choice(f, f->focus) == CHOICE_NEW)
		return "Enter name it  Left/Right choose  Esc cancel";
	return "Tab next  Left/Right choose  Enter save  Esc cancel";
}

/* Where a field's value goes: its row, first column and width. */
struct form_at {
	int row, x, w;
};

static void form_draw_choice(struct tui *ui, struct form *f, enum form_field fld,
			     struct form_at at)
{
	attr_t a = colors_role(&ui->colors, f->focus == fld ? ROLE_CURSOR : ROLE_DIALOG);
	bool is_new = fld != F_KIND && *form_choice(f, fld) == CHOICE_NEW;
	char v[96];

	if (f->naming == fld) {
		ui->cur_y = at.row;
		ui->cur_x = textfield_draw(&f->name, at.row, at.x, at.w,
					   colors_role(&ui->colors, ROLE_INPUT), true, ui->mode);
		return;
	}
	snprintf(v, sizeof v, "%s %s%s %s", ui->g->prev, form_choice_name(ui, f, fld),
		 is_new ? ui->g->ellipsis : "", ui->g->next);
	draw_text(at.row, at.x, at.w, v, a, ui->mode);
}

/* A text field; the cursor goes there when it has the focus. */
static void form_draw_text(struct tui *ui, struct textfield *t, bool on, struct form_at at)
{
	int cx = textfield_draw(t, at.row, at.x, at.w, colors_role(&ui->colors, ROLE_INPUT), on,
				ui->mode);

	if (on)
		ui->cur_y = at.row, ui->cur_x = cx;
}

/* The question, and its answer on the row below. */
static void form_draw_quota(struct tui *ui, const struct form *f, struct form_at at)
{
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG);
	attr_t chosen = colors_role(&ui->colors, ROLE_CURSOR) | A_BOLD;

	draw_text(at.row, at.x, at.w, "Will this help me make my sales quota?",
		  colors_role(&ui->colors, ROLE_QUESTION), ui->mode);
	draw_text(at.row + 1, at.x, 8, "y yes", f->quota == 1 ? chosen : dlg, ui->mode);
	draw_text(at.row + 1, at.x + 8, 8, "n no", f->quota == 0 ? chosen : dlg, ui->mode);
	if (f->quota < 0)
		draw_text(at.row + 1, at.x + 16, at.w - 16, "(answer it)",
			  colors_role(&ui->colors, ROLE_WARNING), ui->mode);
}

/* One field's value; the rows it took. */
static int form_draw_value(struct tui *ui, struct form *f, enum form_field fld, struct form_at at)
{
	attr_t end_at = colors_role(&ui->colors, f->focus == F_END ? ROLE_CURSOR : ROLE_DIALOG);
	struct form_at time = { at.row, at.x, TIME_FIELD_W };

	switch (fld) {
	case F_KIND:
	case F_INDUSTRY:
	case F_ACCOUNT:
		form_draw_choice(ui, f, fld, at);
		return 1;
	case F_TITLE:
	case F_NOTE:
		form_draw_text(ui, fld == F_TITLE ? &f->title : &f->note, f->focus == fld, at);
		return 1;
	case F_START: /* End beside it */
		form_draw_text(ui, &f->start, f->focus == F_START, time);
		draw_text(at.row, at.x + TIME_FIELD_W + 2, 4, "End", end_at, ui->mode);
		time.x += TIME_FIELD_W + 6;
		form_draw_text(ui, &f->end, f->focus == F_END, time);
		return 1;
	case F_QUOTA:
		form_draw_quota(ui, f, at);
		return 2;
	default:
		return 0;
	}
}

static void form_draw(struct tui *ui, void *state)
{
	struct form *f = state;
	int w = COLS - 4 < 64 ? COLS - 4 : 64, h = 16, y, x, row;
	char title[96], when[16];

	date_format_short(f->base.date, when);
	snprintf(title, sizeof title, "%s %s %s", f->is_new ? "Add a block" : "Edit the block",
		 ui->g->dot, when);
	modal_frame(ui, h, w, title, &y, &x);
	ui->cur_y = ui->cur_x = -1;
	row = y + 1;
	for (int i = 0; i < F_N; i++) {
		enum form_field fld = (enum form_field)i;
		struct form_at at = { row, x + 12, w - 14 };

		if (!field_shown(f, fld) || fld == F_END)
			continue;
		draw_text(row, x + 2, 10, field_names[i],
			  colors_role(&ui->colors, f->focus == fld ? ROLE_CURSOR : ROLE_DIALOG),
			  ui->mode);
		row += form_draw_value(ui, f, fld, at);
	}
	if (f->error[0])
		draw_wrap(y + h - 5, x + 2, w - 4, 3, f->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4, form_hint(f), colors_role(&ui->colors, ROLE_HINT_KEY),
		  ui->mode);
}

/* ---- keys ---- */

static void form_move(struct form *f, int dir)
{
	int i = (int)f->focus;

	do
		i = (i + dir + F_N) % F_N;
	while (!field_shown(f, (enum form_field)i));
	f->focus = (enum form_field)i;
}

/* Cycles a choice field; prospecting defaults its industry to the niche. */
static void form_cycle(struct tui *ui, struct form *f, int dir)
{
	switch (f->focus) {
	case F_KIND:
		f->kind = (f->kind + dir + N_KINDS) % N_KINDS;
		if (kinds[f->kind] == KIND_PROSPECTING && f->industries[f->industry] == 0) {
			int start;
			int niche = date_time_read(f->start.s, &start) == 0
					    ? week_niche_at(ui->week, f->base.date, start)
					    : 0;

			f->industry = form_index_of(f->industries, f->n_industries, niche);
		}
		break;
	case F_INDUSTRY:
		if (f->industries[f->industry] != CHOICE_NEW)
			f->named_from = f->industry;
		f->industry = (f->industry + dir + f->n_industries) % f->n_industries;
		break;
	case F_ACCOUNT:
		if (f->accounts[f->account] != CHOICE_NEW)
			f->named_from = f->account;
		f->account = (f->account + dir + f->n_accounts) % f->n_accounts;
		break;
	case F_QUOTA:
		f->quota = f->quota == 1 ? 0 : 1;
		break;
	default:
		break;
	}
}

/* Whether choice `index` of the focused field is "New…". */
static bool form_on_new(struct form *f, int index)
{
	return (f->focus == F_INDUSTRY && f->industries[index] == CHOICE_NEW) ||
	       (f->focus == F_ACCOUNT && f->accounts[index] == CHOICE_NEW);
}

/* A letter on a choice field jumps to the next choice starting with it. */
static bool form_jump(struct tui *ui, struct form *f, int c)
{
	int n = f->focus == F_KIND ? N_KINDS : f->focus == F_INDUSTRY ? f->n_industries
				      : f->focus == F_ACCOUNT ? f->n_accounts : 0;
	int *sel = f->focus == F_KIND ? &f->kind : f->focus == F_INDUSTRY ? &f->industry
										  : &f->account;

	int before = n > 0 ? *sel : 0;

	for (int k = 1; k <= n; k++) {
		const char *name;

		*sel = (before + k) % n;
		name = form_choice_name(ui, f, f->focus);
		if (name[0] == c || name[0] == c - 'a' + 'A') {
			if (f->focus != F_KIND && f->focus != F_QUOTA && !form_on_new(f, before))
				f->named_from = before;
			return true;
		}
		*sel = before;
	}
	return n > 0;
}

/* Builds the block from the fields; on a problem, says it in the form. */
static bool form_build(struct form *f, struct block *b)
{
	const char *problem;

	block_copy(b, &f->base);
	b->kind = kinds[f->kind];
	b->industry = f->industries[f->industry];
	b->account = b->kind == KIND_ACCOUNT ? f->accounts[f->account] : 0;
	if (date_time_read(f->start.s, &b->start) != 0 ||
	    date_time_read(f->end.s, &b->end) != 0) {
		f->focus = date_time_read(f->start.s, &b->start) != 0 ? F_START : F_END;
		snprintf(f->error, sizeof f->error, "%s: a time of day, e.g. 09:30, 9:30 or 9:30am",
			 f->focus == F_START ? "Start" : "End");
		return false;
	}
	if ((problem = text_check(f->title.s, MODEL_TITLE_MAX)) != NULL ||
	    (problem = text_check(f->note.s, MODEL_NOTE_MAX)) != NULL) {
		snprintf(f->error, sizeof f->error, "the text %s", problem);
		return false;
	}
	if (f->quota < 0) {
		snprintf(f->error, sizeof f->error,
			 "Will this help you make your sales quota? Press y or n");
		f->focus = F_QUOTA;
		return false;
	}
	b->for_quota = f->quota == 1;
	block_set_title(b, f->title.s);
	block_set_note(b, f->note.s);
	return true;
}

/* "New industry…" or "New account…": its name is typed in the field's place. */
static void form_name_start(struct form *f, enum form_field fld)
{
	f->focus = fld;
	f->naming = fld;
	textfield_set(&f->name, "", MODEL_NAME_MAX);
}

static void form_name_stop(struct form *f)
{
	f->naming = F_N;
}

/* Adds the industry or account typed (one change of its own) and chooses
 * it; a refusal, such as a name already taken, stays in the form. */
static unsigned form_name_add(struct tui *ui, struct form *f)
{
	struct app_result res;
	struct error err;
	int rc, id;
	bool industry = f->naming == F_INDUSTRY;

	rc = industry ? app_industry_add(ui->app, f->name.s, 0, &res, &err)
		      : app_account_add(ui->app, f->name.s, -1, &res, &err);
	if (rc != 0 && !err.committed) {
		snprintf(f->error, sizeof f->error, "%s", err.msg);
		return TUI_REDRAW;
	}
	if (industry) {
		const struct industry *ind = plan_industry_by_name(tui_plan(ui), f->name.s, false);

		id = ind != NULL ? ind->id : 0;
	} else {
		const struct account *acc = plan_account_by_name(tui_plan(ui), f->name.s, false);

		id = acc != NULL ? acc->id : 0;
	}
	form_choices(f, tui_plan(ui));
	if (industry)
		f->industry = form_index_of(f->industries, f->n_industries, id);
	else
		f->account = form_index_of(f->accounts, f->n_accounts, id);
	form_name_stop(f);
	return change_shown(ui, rc, &res, &err);
}

/* Keys while a new name is typed: Enter or Tab adds it, Esc goes back. */
static unsigned form_name_key(struct tui *ui, struct form *f, struct key k)
{
	bool enter = (!k.fn && (k.code == '\r' || k.code == '\n' || k.code == '\t')) ||
		     (k.fn && k.code == KEY_ENTER);

	if (!k.fn && k.code == KEY_ESC) {
		*(f->naming == F_INDUSTRY ? &f->industry : &f->account) = f->named_from;
		form_name_stop(f);
		return TUI_REDRAW;
	}
	if (enter)
		return form_name_add(ui, f);
	textfield_key(&f->name, k);
	return TUI_REDRAW;
}

/* Saves through the application layer; a refusal stays in the form. */
static unsigned form_save(struct tui *ui, struct form *f)
{
	struct app_result res;
	struct error err;
	struct block b;
	int rc;

	if (f->industries[f->industry] == CHOICE_NEW ||
	    (kinds[f->kind] == KIND_ACCOUNT && f->accounts[f->account] == CHOICE_NEW)) {
		form_name_start(f, f->industries[f->industry] == CHOICE_NEW ? F_INDUSTRY
									  : F_ACCOUNT);
		return TUI_REDRAW;
	}
	if (!form_build(f, &b)) {
		block_clear(&b);
		return TUI_REDRAW;
	}
	rc = f->is_new ? app_block_add(ui->app, &b, &res, &err)
		       : app_block_update(ui->app, &b, &res, &err);
	block_clear(&b);
	if (rc != 0 && err.code != ERR_READONLY && err.code != ERR_IO) {
		snprintf(f->error, sizeof f->error, "%s", err.msg);
		return TUI_REDRAW;
	}
	modal_close(ui);
	ui->cur_y = ui->cur_x = -1;
	return change_shown(ui, rc, &res, &err);
}

/* Leaving a time field: its value is checked, and said when wrong. */
static bool form_time_ok(struct form *f)
{
	int m;

	if ((f->focus != F_START && f->focus != F_END) ||
	    date_time_read(f->focus == F_START ? f->start.s : f->end.s, &m) == 0)
		return true;
	snprintf(f->error, sizeof f->error, "%s: a time of day, e.g. 09:30, 9:30 or 9:30am",
		 f->focus == F_START ? "Start" : "End");
	return false;
}

static unsigned form_key(struct tui *ui, void *state, struct key k)
{
	struct form *f = state;
	bool text = f->focus == F_TITLE || f->focus == F_NOTE || f->focus == F_START ||
		    f->focus == F_END;

	f->error[0] = '\0';
	if (f->naming != F_N)
		return form_name_key(ui, f, k);
	if (!k.fn && k.code == KEY_ESC) {
		modal_close(ui);
		ui->cur_y = ui->cur_x = -1;
		tui_message(ui, ROLE_STATUS, "cancelled");
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n' || k.code == CTRL('s'))) ||
	    (k.fn && k.code == KEY_ENTER))
		return form_save(ui, f);
	if ((!k.fn && k.code == '\t') || (k.fn && k.code == KEY_DOWN)) {
		if (form_time_ok(f))
			form_move(f, 1);
		return TUI_REDRAW;
	}
	if (k.fn && (k.code == KEY_BTAB || k.code == KEY_UP)) {
		if (form_time_ok(f))
			form_move(f, -1);
		return TUI_REDRAW;
	}
	if (text) {
		struct textfield *t = f->focus == F_TITLE ? &f->title : f->focus == F_NOTE ? &f->note
				      : f->focus == F_START ? &f->start : &f->end;

		textfield_key(t, k);
		return TUI_REDRAW;
	}
	if (f->focus == F_QUOTA && !k.fn && (k.code == 'y' || k.code == 'n')) {
		f->quota = k.code == 'y';
		return TUI_REDRAW;
	}
	if ((k.fn && k.code == KEY_RIGHT) || (!k.fn && k.code == ' ')) {
		form_cycle(ui, f, 1);
		return TUI_REDRAW;
	}
	if (k.fn && k.code == KEY_LEFT) {
		form_cycle(ui, f, -1);
		return TUI_REDRAW;
	}
	if (!k.fn && k.code >= 'a' && k.code <= 'z' && f->focus != F_QUOTA)
		form_jump(ui, f, k.code);
	return TUI_REDRAW;
}

static void form_free(void *state)
{
	struct form *f = state;

	block_clear(&f->base);
	free(f);
}

static const struct modal_ops form_ops = {
	.draw = form_draw, .key = form_key, .free = form_free,
};

void form_open(struct tui *ui, const struct block *block)
{
	struct form *f = xcalloc(1, sizeof *f);
	char t[DATE_TIME_SHOW_MAX];

	f->is_new = block == NULL;
	if (block != NULL) {
		block_copy(&f->base, block);
	} else {
		block_init(&f->base);
		f->base.date = cursor_date(ui);
		form_new_times(ui, &f->base);
		f->base.industry = week_niche_at(ui->week, f->base.date, f->base.start);
		f->base.kind = f->base.industry ? KIND_PROSPECTING : KIND_ADMIN;
	}
	form_choices(f, tui_plan(ui));
	for (int i = 0; i < N_KINDS; i++)
		if (kinds[i] == f->base.kind)
			f->kind = i;
	f->industry = form_index_of(f->industries, f->n_industries, f->base.industry);
	f->account = form_index_of(f->accounts, f->n_accounts, f->base.account);
	textfield_set(&f->title, f->base.title, MODEL_TITLE_MAX);
	textfield_set(&f->note, f->base.note, MODEL_NOTE_MAX);
	date_time_show(f->base.start, t);
	textfield_set(&f->start, t, TIME_TEXT_MAX);
	date_time_show(f->base.end, t);
	textfield_set(&f->end, t, TIME_TEXT_MAX);
	f->quota = f->is_new ? -1 : f->base.for_quota;
	f->naming = F_N;
	f->focus = f->is_new ? F_TITLE : F_TITLE;
	modal_open(ui, &form_ops, f);
}
