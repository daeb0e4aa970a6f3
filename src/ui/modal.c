/* modal.c - a form, picker or question over the current screen. */
#include "modal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "xalloc.h"

void modal_open(struct tui *ui, const struct modal_ops *ops, void *state)
{
	modal_close(ui);
	ui->modal = xmalloc(sizeof *ui->modal);
	ui->modal->ops = ops;
	ui->modal->state = state;
}

void modal_close(struct tui *ui)
{
	if (ui->modal == NULL)
		return;
	ui->modal->ops->free(ui->modal->state);
	free(ui->modal);
	ui->modal = NULL;
}

void modal_draw(struct tui *ui)
{
	if (ui->modal != NULL)
		ui->modal->ops->draw(ui, ui->modal->state);
}

unsigned modal_key(struct tui *ui, struct key k)
{
	return ui->modal->ops->key(ui, ui->modal->state, k);
}

void modal_frame(struct tui *ui, int h, int w, const char *title, int *y, int *x)
{
	attr_t bg = colors_role(&ui->colors, ROLE_DIALOG);

	if (h > LINES)
		h = LINES;
	if (w > COLS)
		w = COLS;
	*y = (LINES - h) / 2;
	*x = (COLS - w) / 2;
	for (int r = 0; r < h; r++)
		draw_fill(*y + r, *x, w, bg);
	draw_box(*y, *x, h, w, bg, ui->mode);
	if (title != NULL && w > 6) {
		char t[128];

		snprintf(t, sizeof t, " %s ", title);
		draw_text(*y, *x + 2, w - 4, t, colors_role(&ui->colors, ROLE_TITLE), ui->mode);
	}
}

/* ---- a yes/no question ---- */

struct confirm {
	char question[300];
	unsigned (*yes)(struct tui *ui);
};

static void confirm_draw(struct tui *ui, void *state)
{
	struct confirm *c = state;
	int y, x, w = (int)strlen(c->question) + 6;

	if (w < 30)
		w = 30;
	modal_frame(ui, 5, w, "Confirm", &y, &x);
	draw_text(y + 1, x + 2, w - 4, c->question, colors_role(&ui->colors, ROLE_DIALOG), ui->mode);
	draw_text(y + 3, x + 2, w - 4, "y yes    n / Esc no", colors_role(&ui->colors, ROLE_HINT_KEY),
		  ui->mode);
}

static unsigned confirm_key(struct tui *ui, void *state, struct key k)
{
	struct confirm *c = state;
	unsigned (*yes)(struct tui *) = c->yes;

	if (!k.fn && (k.code == 'y' || k.code == 'Y')) {
		modal_close(ui);
		return yes(ui) | TUI_REDRAW;
	}
	if (!k.fn && (k.code == 'n' || k.code == 'N' || k.code == KEY_ESC || k.code == 'q')) {
		modal_close(ui);
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

static void confirm_free(void *state)
{
	free(state);
}

static const struct modal_ops confirm_ops = {
	.draw = confirm_draw, .key = confirm_key, .free = confirm_free,
};

void confirm_open(struct tui *ui, const char *question, unsigned (*yes)(struct tui *ui))
{
	struct confirm *c = xcalloc(1, sizeof *c);

	snprintf(c->question, sizeof c->question, "%s", question);
	c->yes = yes;
	modal_open(ui, &confirm_ops, c);
}

/* ---- a question with a few answers ---- */

struct choice {
	char title[64];
	char question[300];
	struct modal_choice choices[MODAL_CHOICES_MAX];
	char labels[MODAL_CHOICES_MAX][120];
	size_t n;
	char arg[MODEL_ID_MAX];
	unsigned (*chosen)(struct tui *ui, int key, const char *arg);
};

static void choice_draw(struct tui *ui, void *state)
{
	struct choice *c = state;
	int y, x, w = (int)strlen(c->question) + 6, h = (int)c->n + 6;
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG);
	attr_t key = colors_role(&ui->colors, ROLE_HINT_KEY);

	if (w < 40)
		w = 40;
	modal_frame(ui, h, w, c->title, &y, &x);
	draw_text(y + 1, x + 2, w - 4, c->question, dlg, ui->mode);
	for (size_t i = 0; i < c->n; i++) {
		char k[8];

		snprintf(k, sizeof k, "%c", c->choices[i].key);
		draw_text(y + 3 + (int)i, x + 2, 2, k, key, ui->mode);
		draw_text(y + 3 + (int)i, x + 4, w - 6, c->labels[i], dlg, ui->mode);
	}
	draw_text(y + h - 2, x + 2, w - 4, "Esc leaves it as it is", key, ui->mode);
}

static unsigned choice_key(struct tui *ui, void *state, struct key k)
{
	struct choice *c = state;
	unsigned (*chosen)(struct tui *, int, const char *) = c->chosen;
	char arg[MODEL_ID_MAX];

	if (!k.fn && (k.code == KEY_ESC || k.code == 'q')) {
		modal_close(ui);
		return TUI_REDRAW;
	}
	for (size_t i = 0; i < c->n && !k.fn; i++) {
		int pick = c->choices[i].key;

		if (k.code != pick)
			continue;
		memcpy(arg, c->arg, sizeof arg);
		modal_close(ui); /* frees c */
		return chosen(ui, pick, arg) | TUI_REDRAW;
	}
	return TUI_NONE;
}

static const struct modal_ops choice_ops = {
	.draw = choice_draw, .key = choice_key, .free = confirm_free,
};

void choice_open(struct tui *ui, const char *title, const char *question,
		 const struct modal_choice *choices, size_t n, const char *arg,
		 unsigned (*chosen)(struct tui *ui, int key, const char *arg))
{
	struct choice *c = xcalloc(1, sizeof *c);

	snprintf(c->title, sizeof c->title, "%s", title);
	snprintf(c->question, sizeof c->question, "%s", question);
	c->n = n < MODAL_CHOICES_MAX ? n : MODAL_CHOICES_MAX;
	for (size_t i = 0; i < c->n; i++) {
		c->choices[i].key = choices[i].key;
		snprintf(c->labels[i], sizeof c->labels[i], "%s", choices[i].label);
	}
	snprintf(c->arg, sizeof c->arg, "%s", arg != NULL ? arg : "");
	c->chosen = chosen;
	modal_open(ui, &choice_ops, c);
}
