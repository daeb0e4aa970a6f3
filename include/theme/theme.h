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

#include "buf.h"
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
#define THEME_NAME_MAX 40         /* bytes in a theme name */
#define THEME_DESCRIPTION_MAX 80  /* bytes in a theme's description */

struct theme_style {
	int fg, bg;       /* THEME_DEFAULT_COLOR, or 0..255 (0-7 the basic colours) */
	unsigned attrs;   /* THEME_BOLD | ... */
};

struct theme {
	char name[MODEL_NAME_MAX];
	struct theme_style role[ROLE_COUNT];
	/* Industry colour slots 1..MODEL_COLOR_MAX at [slot - 1]: the block's look. */
	struct theme_style industry[MODEL_COLOR_MAX];
	bool light;       /* made for a light terminal background ("background": "light") */
	char description[THEME_DESCRIPTION_MAX + 1]; /* one line for `focusweek themes` */
};

/* The role's key in theme files ("header", "block-done"...), or NULL. */
const char *theme_role_name(enum theme_role role);
int theme_role_parse(const char *name, enum theme_role *out);

/* The compiled-in default (dark) theme: what is used when no file loads. */
void theme_builtin(struct theme *t);

/* Same name, description, background and styles. */
bool theme_equal(const struct theme *a, const struct theme *b);

/* The compiled-in attributes-only look (what themes/mono.json holds): for
 * NO_COLOR and monochrome terminals. */
void theme_builtin_mono(struct theme *t);

/* A letter or mark that tells industry slot apart without colour ("A".."P"). */
char theme_industry_letter(int slot);
/* A fill character for an industry's blocks where colour is missing, distinct
 * for each slot 1..MODEL_COLOR_MAX (printable ASCII; ' ' for slot 1). */
char theme_industry_fill(int slot);

/* A theme name: 1..THEME_NAME_MAX of letters, digits, '-' and '_', starting
 * with a letter or digit (so NAME.json never leaves its folder). */
bool theme_name_valid(const char *name);

/* ------------------------------------------------- colours and attributes */

/* "red", "bright-red" (0..15) or "default" (THEME_DEFAULT_COLOR); NULL for
 * 16..255, which files write as numbers. */
const char *theme_color_name(int color);
/* A colour name as above; -1 when unknown. */
int theme_color_parse(const char *name, int *out);
/* "bold", "dim", "underline", "reverse", "italic" for one THEME_* bit. */
const char *theme_attr_name(unsigned attr);
int theme_attr_parse(const char *name, unsigned *out);
/* The attribute bits are 1u << 0 .. 1u << (THEME_ATTR_COUNT - 1). */
#define THEME_ATTR_COUNT 5

/* ------------------------------------------------------------- degrading */

/* The RGB of colour 0..255 in xterm's default palette. */
void theme_color_rgb(int color, unsigned char rgb[3]);
/* The nearest of colours 0..ncolors-1 (ncolors 8 or 16) to `color`: a grey
 * (channels within 24 of each other) becomes black or white by brightness
 * (with 16: the nearest of black, bright-black, white, bright-white), any
 * other colour the nearest by RGB distance over xterm's palette.  Colours
 * below ncolors and THEME_DEFAULT_COLOR stay. */
int theme_color_nearest(int color, int ncolors);
/* Same as theme_color_nearest(color, 8). */
int theme_color_nearest8(int color);
/*
 * The theme as a terminal of `ncolors` colours can show it: 256 or more: as
 * is; 16 and 8: every colour mapped to the nearest, and a foreground that
 * would land on its own background (the style's, or for a default background
 * black, white on a light theme) changed to black or white, whichever is
 * farther; fewer than 8: the mono look (theme_mono).  Never needs
 * can_change_color.
 */
void theme_reduce(const struct theme *in, int ncolors, struct theme *out);
/* The attributes-only look: the theme itself when it uses no colour (a
 * user's own mono theme), else the built-in mono look. */
void theme_mono(const struct theme *in, struct theme *out);
/* True when any role or industry of t has a colour. */
bool theme_has_color(const struct theme *t);
/* The look for a terminal: theme_mono when no_color, else theme_reduce. */
void theme_for_terminal(const struct theme *in, int ncolors, bool no_color, struct theme *out);
/* True when $NO_COLOR is set to a non-empty value (no-color.org). */
bool theme_env_no_color(void);
/* Appends the ANSI SGR escape that draws s ("\033[0;...m"). */
void theme_sgr(struct buf *b, const struct theme_style *s);

#endif
