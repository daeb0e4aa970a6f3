/* ui.h - the full-screen planner (everything under src/ui/). */
#ifndef FOCUSWEEK_UI_H
#define FOCUSWEEK_UI_H

#include <stdbool.h>

#include "date.h"

struct ui_options {
	const char *data_flag;  /* --data DIR, or NULL */
	bool demo;              /* --demo: a throw-away filled plan */
	bool has_date;          /* --date D was given */
	date_t date;            /* the week to open on */
	const char *theme;      /* --theme NAME, or NULL for the plan's */
};

/* Runs the planner until the user quits.  Returns the process exit code. */
int ui_main(const struct ui_options *opt);
/* The curses library in use, "ncurses 6.4.20221231", for --version. */
const char *ui_curses_version(void);

#endif
