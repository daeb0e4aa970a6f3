/* actions.h - keys mapped to named actions.  Each screen has a table; the
 * same tables drive the key dispatch, the help overlay and the hints in the
 * bottom line, so they can never disagree. */
#ifndef FOCUSWEEK_ACTIONS_H
#define FOCUSWEEK_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui.h"

/* A key press: a character (Unicode) or a curses function key. */
struct key {
	int code;
	bool fn;
};

#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27        /* the Escape character (curses names no such key) */
#define KEY_DEL_CHAR 127  /* what Backspace sends on most terminals */

struct action {
	const char *name;      /* "move-down": stable, for docs and tests */
	int chars[4];          /* characters bound, 0-terminated */
	int fns[3];            /* curses function keys bound, 0-terminated */
	const char *help;      /* one line for the help overlay */
	const char *hint;      /* a word for the bottom line, or NULL */
	unsigned (*run)(struct tui *ui);
};

/* A screen's table, ended by an entry with name NULL. */
struct action_table {
	enum tui_context ctx;
	const char *title;     /* heading in the help overlay */
	const struct action *actions;
};

/* The tables, in help order (actions.c). */
extern const struct action_table *const action_tables[];

/* Actions every screen binds: the help overlay (?), a full repaint (^L). */
unsigned actions_help(struct tui *ui);
unsigned actions_repaint(struct tui *ui);

/* The action bound to k in ctx, or NULL. */
const struct action *actions_find(enum tui_context ctx, struct key k);
/* Runs the action bound to k; TUI_NONE when none is. */
unsigned actions_dispatch(struct tui *ui, struct key k);
/* "j ↓" for an action's keys. */
void actions_keys_label(const struct action *act, enum text_mode mode, char *out, size_t size);
/* A key's name ("Enter", "^R", "↓", "q"). */
void actions_key_name(struct key k, enum text_mode mode, char *out, size_t size);

/* The screens' tables: the week view (week_actions.c), the review
 * (review_actions.c), the focus screen (focus_actions.c), the help overlay
 * (help.c) and the planning (planning_actions.c). */
extern const struct action_table week_action_table;
extern const struct action_table review_action_table;
extern const struct action_table focus_action_table;
extern const struct action_table help_action_table;
extern const struct action_table planning_action_table;
/* The week's quit (asks first when changes could not be saved); bound on
 * other screens too. */
unsigned week_action_quit(struct tui *ui);

#endif
