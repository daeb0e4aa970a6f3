/* help.c - the help overlay, written from the action tables. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "draw.h"
#include "help.h"
#include "modal.h"

static unsigned help_close(struct tui *ui)
{
	ui->context = ui->help_return ? ui->help_return : CTX_WEEK;
	ui->help_scroll = 0;
	return TUI_REDRAW;
}

static unsigned help_down(struct tui *ui)
{
	ui->help_scroll++;
	return TUI_REDRAW;
}

static unsigned help_up(struct tui *ui)
{
	if (ui->help_scroll > 0)
		ui->help_scroll--;
	return TUI_REDRAW;
}

static const struct action help_actions[] = {
	{ "help-close", { '?', 'q', KEY_ESC }, { KEY_F(1) }, "close the help", "close", help_close },
	{ "help-down", { 'j', ' ' }, { KEY_DOWN, KEY_NPAGE }, "scroll down", NULL, help_down },
	{ "help-up", { 'k' }, { KEY_UP, KEY_PPAGE }, "scroll up", NULL, help_up },
	{ NULL },
};

const struct action_table help_action_table = {
	.ctx = CTX_HELP,
	.title = "Help",
	.actions = help_actions,
};

/* Draws the keys of every screen's table into the frame. */
void help_draw(struct tui *ui)
{
	int h = LINES - 2, w = COLS > 72 ? 72 : COLS, y, x, row = 0, lines = 0;
	attr_t key = colors_role(&ui->colors, ROLE_HELP_KEY), txt = colors_role(&ui->colors, ROLE_HELP);

	for (size_t t = 0; action_tables[t] != NULL; t++) {
		if (!(action_tables[t]->ctx & ui->help_return))
			continue;
		lines += 2;
		for (const struct action *act = action_tables[t]->actions; act->name; act++)
			lines++;
	}
	if (ui->help_scroll > lines - (h - 2))
		ui->help_scroll = lines - (h - 2) > 0 ? lines - (h - 2) : 0;
	modal_frame(ui, h, w, "Keys  (? or Esc closes, j/k scroll)", &y, &x);
	for (size_t t = 0; action_tables[t] != NULL; t++) {
		if (!(action_tables[t]->ctx & ui->help_return))
			continue;
		if (row >= ui->help_scroll && row - ui->help_scroll < h - 2)
			draw_text(y + 1 + row - ui->help_scroll, x + 2, w - 4, action_tables[t]->title,
				  colors_role(&ui->colors, ROLE_TITLE), ui->mode);
		row += 2;
		for (const struct action *act = action_tables[t]->actions; act->name; act++, row++) {
			char keys[64];
			int r = y + 1 + row - ui->help_scroll;

			if (row < ui->help_scroll || row - ui->help_scroll >= h - 2)
				continue;
			actions_keys_label(act, ui->mode, keys, sizeof keys);
			draw_text(r, x + 2, 14, keys, key, ui->mode);
			draw_text(r, x + 17, w - 19, act->help, txt, ui->mode);
		}
	}
	if (ui->caps.mouse && ui->help_return == CTX_WEEK && h - 2 > lines - ui->help_scroll)
		draw_text(y + h - 2, x + 2, w - 4, "Mouse: click a slot or block; the wheel scrolls",
			  txt, ui->mode);
}
