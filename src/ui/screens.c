/* screens.c - the table of screens. */
#include "screens.h"

#include <stddef.h>

#include "focus.h"
#include "help.h"
#include "planning_view.h"
#include "review_view.h"
#include "week_view.h"

static const struct screen *const screens[] = {
	&week_screen,
	&review_screen,
	&focus_screen,
	&help_screen,
	&planning_screen,
	NULL,
};

const struct screen *screen_for(enum tui_context ctx)
{
	for (size_t i = 0; screens[i] != NULL; i++)
		if (screens[i]->ctx == ctx)
			return screens[i];
	return &week_screen;
}

/* The week changes when the now marker moves and, with a timer running,
 * when its remaining minutes turn (the bottom line shows minutes). */
static int week_screen_tick(const struct tui *ui)
{
	int week = week_view_next_tick_ms(ui), timer = focus_timer_tick_ms(ui, false);

	return week < 0 ? timer : timer < 0 || week < timer ? week : timer;
}

const struct screen week_screen = {
	.ctx = CTX_WEEK,
	.name = "week",
	.draw = week_view_draw,
	.tick_ms = week_screen_tick,
};

/* The focus screen shows seconds: it changes as each one turns. */
static int focus_screen_tick(const struct tui *ui)
{
	return focus_timer_tick_ms(ui, true);
}

const struct screen focus_screen = {
	.ctx = CTX_FOCUS,
	.name = "focus",
	.draw = focus_view_draw,
	.tick_ms = focus_screen_tick,
};

/* The planning never changes by itself. */
static int planning_screen_tick(const struct tui *ui)
{
	(void)ui;
	return -1;
}

const struct screen planning_screen = {
	.ctx = CTX_PLANNING,
	.name = "plan",
	.draw = planning_view_draw,
	.tick_ms = planning_screen_tick,
};

const struct screen review_screen = {
	.ctx = CTX_REVIEW,
	.name = "review",
	.draw = review_view_draw,
	.tick_ms = review_view_tick_ms,
};

/* Help draws over the screen it was opened from. */
static void help_screen_draw(struct tui *ui)
{
	screen_for(ui->help_return)->draw(ui);
	if (!ui->layout.too_small)
		help_draw(ui);
}

static int help_screen_tick(const struct tui *ui)
{
	return screen_for(ui->help_return)->tick_ms(ui);
}

const struct screen help_screen = {
	.ctx = CTX_HELP,
	.name = "help",
	.draw = help_screen_draw,
	.tick_ms = help_screen_tick,
};

unsigned screen_help(struct tui *ui)
{
	if (ui->context != CTX_HELP)
		ui->help_return = ui->context;
	ui->context = CTX_HELP;
	ui->help_scroll = 0;
	return TUI_REDRAW;
}
