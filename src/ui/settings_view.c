/* settings_view.c - the settings screen (S): every setting with its value
 * and what it means; Enter saves the one selected, through the same call
 * and checks as `focusweek settings set`. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_settings.h"
#include "draw.h"
#include "fields.h"
#include "modal.h"
#include "settings.h"
#include "xalloc.h"

#define SETTINGS_W 84
#define SETTINGS_LABEL_W 15 /* "quota.currency" and a space */

struct settings_view {
	struct fields f;
	char said[800];            /* what the last save did, or why not */
	enum theme_role said_role;
	size_t force;              /* 1 + the field whose refusal Enter again forces, or 0 */
	char (*hints)[240];        /* each field's hint: its meaning and what it takes */
};

/* Every field shows the plan's value again (a save may change how others read). */
static void sv_fill(struct tui *ui, struct settings_view *v)
{
	for (size_t i = 0; i < settings_count(); i++) {
		const struct setting *s = settings_at(i);
		struct buf val = BUF_INIT;

		settings_format(tui_plan(ui), s, &val);
		snprintf(v->hints[i], sizeof v->hints[i], "%s: %s", s->meaning, s->values);
		fields_set(&v->f, i, s->key, v->hints[i], buf_str(&val));
		buf_free(&val);
	}
}

static void sv_draw(struct tui *ui, void *state)
{
	struct settings_view *v = state;
	int w = COLS - 2 < SETTINGS_W ? COLS - 2 : SETTINGS_W;
	int rows = (int)settings_count() + FIELDS_HINT_ROWS, h = rows + 6, y, x;

	if (h > LINES)
		h = LINES;
	modal_frame(ui, h, w, "Settings", &y, &x);
	ui->cur_y = ui->cur_x = -1;
	fields_draw(ui, &v->f, y + 1, x + 2, h - 6 < rows ? h - 6 : rows, w - 4, SETTINGS_LABEL_W);
	if (v->said[0])
		draw_wrap(y + h - 4, x + 2, w - 4, 2, v->said, colors_role(&ui->colors, v->said_role),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4,
		  "Up/Down choose  type a new value  Enter save it  Esc close",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

/* After a save: the week on screen under the new settings, the theme. */
static void sv_saved(struct tui *ui, const char *key)
{
	tui_show_week(ui, tui_week_key(ui));
	if (strcmp(key, "theme") == 0)
		tui_theme(ui, NULL);
}

static unsigned sv_save(struct tui *ui, struct settings_view *v)
{
	size_t i = v->f.sel;
	const char *key = settings_at(i)->key;
	bool force = v->force == i + 1;
	struct app_result res;
	struct error err;

	v->force = 0;
	if (app_settings_set(ui->app, key, fields_value(&v->f, i), force, &res, &err) != 0) {
		v->said_role = ROLE_ERROR;
		snprintf(v->said, sizeof v->said, "%s%s", err.msg,
			 res.forceable ? "; Enter again changes it anyway, leaving the blocks where "
					 "they are" : "");
		if (res.forceable)
			v->force = i + 1;
		return TUI_REDRAW;
	}
	v->said_role = res.notice[0] ? ROLE_WARNING : ROLE_OK;
	snprintf(v->said, sizeof v->said, "%s", res.notice[0] ? res.notice : res.label);
	sv_saved(ui, key);
	sv_fill(ui, v);
	return TUI_CHANGE | TUI_REDRAW | (strcmp(key, "theme") == 0 ? TUI_REPAINT : 0);
}

static unsigned sv_key(struct tui *ui, void *state, struct key k)
{
	struct settings_view *v = state;

	if (!k.fn && k.code == KEY_ESC) {
		modal_close(ui);
		ui->cur_y = ui->cur_x = -1;
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER))
		return sv_save(ui, v);
	if (fields_key(&v->f, k))
		v->force = 0; /* moved, or the value changed: ask the rules again */
	return TUI_REDRAW;
}

static void sv_free(void *state)
{
	struct settings_view *v = state;

	fields_free(&v->f);
	free(v->hints);
	free(v);
}

static const struct modal_ops settings_ops = {
	.draw = sv_draw,
	.key = sv_key,
	.free = sv_free,
};

unsigned settings_view_open(struct tui *ui)
{
	struct settings_view *v = xcalloc(1, sizeof *v);

	fields_init(&v->f, settings_count());
	v->hints = xcalloc(settings_count(), sizeof *v->hints);
	sv_fill(ui, v);
	modal_open(ui, &settings_ops, v);
	return TUI_REDRAW;
}
