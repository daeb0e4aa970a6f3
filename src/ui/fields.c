/* fields.c - labelled lines of text input in a dialog. */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "xalloc.h"

#define FIELD_TEXT_MAX 512 /* bytes in one field */

void fields_init(struct fields *f, size_t n)
{
	memset(f, 0, sizeof *f);
	f->v = xcalloc(n, sizeof *f->v);
	f->n = n;
}

void fields_free(struct fields *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}

void fields_set(struct fields *f, size_t i, const char *label, const char *hint,
		const char *value)
{
	f->v[i].label = label;
	f->v[i].hint = hint;
	textfield_set(&f->v[i].text, value != NULL ? value : "", FIELD_TEXT_MAX);
}

const char *fields_value(const struct fields *f, size_t i)
{
	return f->v[i].text.s;
}

bool fields_key(struct fields *f, struct key k)
{
	if ((!k.fn && k.code == '\t') || (k.fn && k.code == KEY_DOWN)) {
		f->sel = (f->sel + 1) % f->n;
		return true;
	}
	if (k.fn && (k.code == KEY_BTAB || k.code == KEY_UP)) {
		f->sel = (f->sel + f->n - 1) % f->n;
		return true;
	}
	return textfield_key(&f->v[f->sel].text, k);
}

void fields_draw(struct tui *ui, struct fields *f, int y, int x, int h, int w, int label_w)
{
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG);
	attr_t in = colors_role(&ui->colors, ROLE_INPUT);
	attr_t on = colors_role(&ui->colors, ROLE_CURSOR);
	int rows = h - FIELDS_HINT_ROWS;

	if (rows < 1 || w <= label_w + 2)
		return;
	if (f->sel < f->top)
		f->top = f->sel;
	if (f->sel >= f->top + (size_t)rows)
		f->top = f->sel - (size_t)rows + 1;
	for (size_t i = f->top; i < f->n && i < f->top + (size_t)rows; i++) {
		int row = y + (int)(i - f->top);
		int cx;

		draw_pad(row, x, label_w, f->v[i].label, i == f->sel ? on : dlg, ui->mode);
		cx = textfield_draw(&f->v[i].text, row, x + label_w + 1, w - label_w - 1, in,
				    i == f->sel, ui->mode);
		if (i == f->sel) {
			ui->cur_y = row;
			ui->cur_x = cx;
		}
	}
	draw_wrap(y + h - FIELDS_HINT_ROWS, x, w, FIELDS_HINT_ROWS, f->v[f->sel].hint,
		  colors_role(&ui->colors, ROLE_HINT), ui->mode);
}
