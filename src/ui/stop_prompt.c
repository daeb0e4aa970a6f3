/* stop_prompt.c - a timer left running (started Friday, still running on
 * Monday): when did the work really stop?  The answer finishes the block
 * from then, through the outcome form, instead of counting the weekend as
 * worked.  The rule and its words are the timer's (timer_forgotten,
 * timer_parse_stop); this only asks. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "focus.h"
#include "modal.h"
#include "textfield.h"
#include "xalloc.h"

#define STOP_TEXT_MAX 24 /* "2026-12-04 12:30 pm" */

struct stop_prompt {
	char why[640];          /* since when it ran, and the question */
	struct textfield when;
	char error[640];        /* as struct error's */
};

static void stop_draw(struct tui *ui, void *state)
{
	struct stop_prompt *p = state;
	int w = COLS - 4 < 70 ? COLS - 4 : 70, h = 12, y, x;
	attr_t dlg = colors_role(&ui->colors, ROLE_DIALOG);

	modal_frame(ui, h, w, "The timer was left running", &y, &x);
	draw_wrap(y + 1, x + 2, w - 4, 4, p->why, colors_role(&ui->colors, ROLE_WARNING), ui->mode);
	draw_text(y + 6, x + 2, 12, "Stopped at", dlg, ui->mode);
	ui->cur_y = y + 6;
	ui->cur_x = textfield_draw(&p->when, y + 6, x + 15, STOP_TEXT_MAX,
				   colors_role(&ui->colors, ROLE_INPUT), true, ui->mode);
	if (p->error[0])
		draw_wrap(y + 7, x + 2, w - 4, 2, p->error, colors_role(&ui->colors, ROLE_ERROR),
			  ui->mode);
	draw_text(y + h - 2, x + 2, w - 4,
		  "17:30, 2026-12-04 17:30 or now  Enter finish  Esc not now",
		  colors_role(&ui->colors, ROLE_HINT_KEY), ui->mode);
}

static unsigned stop_key(struct tui *ui, void *state, struct key k)
{
	struct stop_prompt *p = state;
	struct error err;
	char text[STOP_TEXT_MAX + 1];
	instant_t at;

	p->error[0] = '\0';
	if (!k.fn && k.code == KEY_ESC) {
		modal_close(ui);
		ui->cur_y = ui->cur_x = -1;
		tui_message(ui, ROLE_WARNING, "the timer runs on, counting it all; x asks again");
		return TUI_REDRAW;
	}
	if ((!k.fn && (k.code == '\r' || k.code == '\n')) || (k.fn && k.code == KEY_ENTER)) {
		if (timer_parse_stop(&ui->timer, p->when.s, ui->now, &at, &err) != 0) {
			snprintf(p->error, sizeof p->error, "%s", err.msg);
			return TUI_REDRAW;
		}
		snprintf(text, sizeof text, "%.*s", STOP_TEXT_MAX, p->when.s);
		modal_close(ui); /* frees p */
		outcome_form_open_at(ui, text, at);
		return TUI_REDRAW;
	}
	textfield_key(&p->when, k);
	return TUI_REDRAW;
}

static void stop_free(void *state)
{
	free(state);
}

static const struct modal_ops stop_ops = {
	.draw = stop_draw, .key = stop_key, .free = stop_free,
};

void stop_prompt_open(struct tui *ui)
{
	struct stop_prompt *p = xcalloc(1, sizeof *p);
	struct error err;
	char end[6];

	timer_check_forgotten(&ui->timer, ui->now, &err);
	snprintf(p->why, sizeof p->why, "%.638s.", err.msg);
	/* The planned end is the likeliest answer. */
	date_time_format(ui->timer.planned_end, end);
	textfield_set(&p->when, end, STOP_TEXT_MAX);
	ui->timer_asked = true;
	modal_open(ui, &stop_ops, p);
}

unsigned stop_prompt_wake(struct tui *ui)
{
	/* Over the week or the focus screen, not over another question. */
	if (!ui->timer_on || ui->timer_asked || ui->modal != NULL ||
	    !(ui->context & (CTX_WEEK | CTX_FOCUS)) || !timer_forgotten(&ui->timer, ui->now))
		return TUI_NONE;
	stop_prompt_open(ui);
	return TUI_REDRAW;
}
