/* screens.h - the full screens of the planner.  Each screen draws itself
 * and says when it next needs to be redrawn without input; its keys are in
 * an action table (actions.h) bound to the same context. */
#ifndef FOCUSWEEK_SCREENS_H
#define FOCUSWEEK_SCREENS_H

#include "tui.h"

struct screen {
	enum tui_context ctx;
	const char *name;
	void (*draw)(struct tui *ui);
	/* Milliseconds until the screen changes by itself, or -1 (never). */
	int (*tick_ms)(const struct tui *ui);
};

/* The screens (screens.c); one line each. */
extern const struct screen week_screen;
extern const struct screen review_screen;
extern const struct screen focus_screen;
extern const struct screen help_screen;
extern const struct screen planning_screen;

const struct screen *screen_for(enum tui_context ctx);
/* Opens the help overlay over the current screen. */
unsigned screen_help(struct tui *ui);

#endif
