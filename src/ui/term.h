/* term.h - the terminal: start-up checks, curses set-up and restore,
 * signals as flags, and waiting for input without spinning. */
#ifndef FOCUSWEEK_TERM_H
#define FOCUSWEEK_TERM_H

#include <stdbool.h>

#include "error.h"
#include "text.h"

/* What the terminal can do, found at start-up. */
struct term_caps {
	bool utf8;        /* the locale is UTF-8: wide glyphs and box lines */
	bool color;       /* colours are used (has_colors, and NO_COLOR unset) */
	int colors;       /* COLORS: 8, 16, 256... */
	bool mouse;       /* mouse events are reported */
};

/* Checks stdin/stdout are a terminal and TERM can address the cursor,
 * then starts curses.  On failure nothing was changed on the screen. */
int term_start(struct term_caps *caps, struct error *err);
/* The modes the planner runs curses in (raw keys, no echo, colours, the
 * mouse), on the current screen; term_start ends with it. */
void term_setup(struct term_caps *caps);
/* Restores the terminal; safe to call twice and from the OOM hook. */
void term_stop(void);

/* term_fatal.c: the terminal given back when a signal ends the program at
 * once (SIGSEGV, SIGABRT, SIGQUIT, SIGBUS...), before that signal's own
 * action.  term_fatal_save notes the terminal's modes before curses;
 * term_fatal_arm catches the signals once curses has set up the terminal;
 * term_fatal_disarm gives them back their actions. */
void term_fatal_save(void);
void term_fatal_arm(const struct term_caps *caps);
void term_fatal_disarm(void);

/* Signals, recorded as flags by the handlers and read here. */
enum term_signal { TERM_SIG_NONE = 0, TERM_SIG_QUIT, TERM_SIG_HUP };
enum term_signal term_pending_signal(void);

/* What woke the wait. */
enum term_wake {
	TERM_WAKE_INPUT = 1,    /* keys to read */
	TERM_WAKE_WATCH = 2,    /* the extra fd (file changes) */
	TERM_WAKE_TIMEOUT = 4,
	TERM_WAKE_SIGNAL = 8,
	TERM_WAKE_GONE = 16,    /* the terminal went away */
};

/* Sleeps in ppoll() until input, a resize, the watch fd, a signal, or timeout_ms
 * (-1: forever).  Never spins: a terminal that keeps reporting readable
 * without giving keys is reported as gone. */
unsigned term_wait(int watch_fd, int timeout_ms);
/* Called after reading: how many keys the last wake yielded (0 = spurious). */
void term_note_keys(int n);

#endif
