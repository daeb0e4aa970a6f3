/* modal.c - a form, picker or question over the current screen. */
#include "modal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "xalloc.h"

void modal_open(struct app *a, const struct modal_ops *ops, void *state)
{
	modal_close(a);
	a->modal = xmalloc(sizeof *a->modal);
	a->modal->ops = ops;
	a->modal->state = state;
}

void modal_close(struct app *a)
{
	if (a->modal == NULL)
		return;
	a->modal->ops->free(a->modal->state);
	free(a->modal);
	a->modal = NULL;
}

void modal_draw(struct app *a)
{
	if (a->modal != NULL)
		a->modal->ops->draw(a, a->modal->state);
}

unsigned modal_key(struct app *a, struct key k)
{
	return a->modal->ops->key(a, a->modal->state, k);
}

void modal_frame(struct app *a, int h, int w, const char *title, int *y, int *x)
{
	attr_t bg = colors_role(&a->colors, ROLE_DIALOG);

	if (h > LINES)
		h = LINES;
	if (w > COLS)
		w = COLS;
	*y = (LINES - h) / 2;
	*x = (COLS - w) / 2;
	for (int r = 0; r < h; r++)
		draw_fill(*y + r, *x, w, bg);
	draw_box(*y, *x, h, w, bg, a->mode);
	if (title != NULL && w > 6) {
		char t[128];

		snprintf(t, sizeof t, " %s ", title);
		draw_text(*y, *x + 2, w - 4, t, colors_role(&a->colors, ROLE_TITLE), a->mode);
	}
}

/* ---- a yes/no question ---- */

struct confirm {
	char question[300];
	unsigned (*yes)(struct app *a);
};

static void confirm_draw(struct app *a, void *state)
{
	struct confirm *c = state;
	int y, x, w = (int)strlen(c->question) + 6;

	if (w < 30)
		w = 30;
	modal_frame(a, 5, w, "Confirm", &y, &x);
	draw_text(y + 1, x + 2, w - 4, c->question, colors_role(&a->colors, ROLE_DIALOG), a->mode);
	draw_text(y + 3, x + 2, w - 4, "y yes    n / Esc no", colors_role(&a->colors, ROLE_HINT_KEY),
		  a->mode);
}

static unsigned confirm_key(struct app *a, void *state, struct key k)
{
	struct confirm *c = state;
	unsigned (*yes)(struct app *) = c->yes;

	if (!k.fn && (k.code == 'y' || k.code == 'Y')) {
		modal_close(a);
		return yes(a) | APP_REDRAW;
	}
	if (!k.fn && (k.code == 'n' || k.code == 'N' || k.code == 27 || k.code == 'q')) {
		modal_close(a);
		return APP_REDRAW;
	}
	return APP_NONE;
}

static void confirm_free(void *state)
{
	free(state);
}

static const struct modal_ops confirm_ops = {
	.draw = confirm_draw, .key = confirm_key, .free = confirm_free,
};

void confirm_open(struct app *a, const char *question, unsigned (*yes)(struct app *a))
{
	struct confirm *c = xcalloc(1, sizeof *c);

	snprintf(c->question, sizeof c->question, "%s", question);
	c->yes = yes;
	modal_open(a, &confirm_ops, c);
}
