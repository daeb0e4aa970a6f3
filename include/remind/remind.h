/* remind.h - `focusweek remind`: a small resident program that says when a
 * block is about to start, when it ends, and when the running timer reaches
 * its planned end, while the planner is closed.
 *
 * It sleeps until the next due moment and wakes for nothing else: a timer
 * on the wall clock that a clock change (or a resume from suspend) cancels,
 * the data folder's change notifications, and signals.  A change of plan
 * made while it sleeps moves the next reminder.  A reminder whose moment
 * passed while the computer slept is given once on waking if its block has
 * not ended, and dropped otherwise.  One runs per data folder (.remind is
 * its lock, and notes what it reminded of, so that a restart or the next
 * --once repeats nothing).
 *
 * What it runs is the setting remind.command (sh -c, with the block's
 * fields as FOCUSWEEK_* environment variables, never pasted into the
 * command), else notify-send in a graphical session, else tmux
 * display-message inside tmux, else the bell and a line on the terminal it
 * was started from.  It reads the plan through the application layer only.
 */
#ifndef FOCUSWEEK_REMIND_H
#define FOCUSWEEK_REMIND_H

#include <stdbool.h>

#include "error.h"

struct remind_options {
	const char *data_flag;  /* --data DIR, or NULL */
	bool demo;              /* a throw-away demo plan */
	bool once;              /* give what is due now, then return (for cron) */
	bool foreground;        /* stay attached to the terminal (systemd, tests) */
};

/*
 * Runs the program.  Without foreground it goes to the background once the
 * folder is claimed, and this call returns 0 in the caller's process (the
 * pid was printed).  Returns 0 after --once or a SIGTERM/SIGINT, -1 with
 * err on a failure (another one runs, the folder cannot be read).
 */
int remind_main(const struct remind_options *o, struct error *err);

#endif
