/* theme.h - colour roles and themes.
 *
 * The interface names what a thing is (a role); a theme decides how it looks.
 * Themes are JSON files (themes/NAME.json, and the user's own in
 * $XDG_CONFIG_HOME/focusweek/themes/) mapping each role to colours (names or
 * 0-255) and attributes, plus a palette of industry colours.  This module is
 * core: it knows nothing of curses; src/ui/ turns styles into curses pairs.
 */
#ifndef FOCUSWEEK_THEME_H
#define FOCUSWEEK_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"

enum theme_role {
	ROLE_NORMAL,        /* plain text on the screen's background */
	ROLE_HEADER,        /* the top line: week label */
	ROLE_QUESTION,      /* "Will this help me make my sales quota?" */
	ROLE_STATUS,        /* the bottom line */
	ROLE_HINT,          /* key hints in the bottom line */
	ROLE_HINT_KEY,      /* the key of a hint */
	ROLE_RULER,         /* the time ruler */
	ROLE_GRID,          /* slot lines, empty slots */
	ROLE_DAY,           /* a day's header */
	ROLE_TODAY,         /* today's header and column */
	ROLE_NOW,           /* the "now" marker */
	ROLE_CURSOR,        /* the cursor on an empty slot */
	ROLE_SELECTED,      /* the frame of the selected block */
	ROLE_BLOCK,         /* a block without an industry (admin, other) */
	ROLE_BLOCK_ACCOUNT, /* an account block */
	ROLE_BLOCK_MEETING, /* a real meeting (busy time) */
	ROLE_BLOCK_DONE,    /* the mark of a finished block */
	ROLE_BLOCK_SKIPPED, /* a skipped block (dimmed) */
	ROLE_NOT_QUOTA,     /* the mark of a block answered "not for quota" */
	ROLE_BANNER,        /* an all-day event */
	ROLE_TIMER,         /* the running timer */
	ROLE_PAUSED,        /* the paused timer */
	ROLE_OVERTIME,      /* the timer past its end */
	ROLE_BAR,           /* progress and bar-chart fill */
	ROLE_OK,            /* good news: saved, on pace */
	ROLE_WARNING,       /* read-only, behind pace */
	ROLE_ERROR,         /* refused, failed */
	ROLE_TITLE,         /* a screen's or dialog's title */
	ROLE_DIALOG,        /* dialogs and forms */
	ROLE_INPUT,         /* a form's input field */
	ROLE_HELP,          /* the help overlay */
	ROLE_HELP_KEY,      /* a key in the help overlay */
	ROLE_COUNT
};

/* Attributes, terminal-independent. */
enum {
	THEME_BOLD = 1u << 0,
	THEME_DIM = 1u << 1,
	THEME_UNDERLINE = 1u << 2,
	THEME_REVERSE = 1u << 3,
	THEME_ITALIC = 1u << 4,
};

#define THEME_DEFAULT_COLOR (-1) /* the terminal's own foreground/background */

struct theme_style {
	int fg, bg;       /* THEME_DEFAULT_COLOR, or 0..255 (0-7 the basic colours) */
	unsigned attrs;   /* THEME_BOLD | ... */
};

struct theme {
	char name[MODEL_NAME_MAX];
	struct theme_style role[ROLE_COUNT];
	/* Industry colour slots 1..MODEL_COLOR_MAX at [slot - 1]: the block's look. */
	struct theme_style industry[MODEL_COLOR_MAX];
};

/* The role's key in theme files ("header", "block-done"...), or NULL. */
const char *theme_role_name(enum theme_role role);
int theme_role_parse(const char *name, enum theme_role *out);

/* The compiled-in default (dark) theme: what is used when no file loads. */
void theme_builtin(struct theme *t);

/* A letter or mark that tells industry slot apart without colour ("A".."P"). */
char theme_industry_letter(int slot);

#endif
