/* app_hooks.h - programs run after a change, as taskwarrior's hooks are.
 *
 * Executables in $XDG_CONFIG_HOME/focusweek/hooks/ (~/.config/focusweek/
 * hooks/) named after an event, or after it with a suffix
 * ("on-block-done", "on-block-done.crm"), run in name order once for each
 * time that event happens, after the change is saved, with the event as one
 * JSON object on standard input and FOCUSWEEK_EVENT and FOCUSWEEK_DATA in
 * their environment:
 *
 *   on-block-done   a block was marked done (by the timer or by hand)
 *   on-timer-stop   the focus timer stopped on a block (done, cut short,
 *                   or abandoned), with its counts and interruptions
 *   on-sale         a sale was recorded
 *   on-plan         the Monday planning was applied to a week
 *
 * Every change goes through app_txn.c, which runs them: from the command
 * line and from the planner alike.  Undo, redo and a save retried are not
 * events.  A hook that fails (exit status not 0) or runs longer than the
 * setting hooks.timeout (it and its children are then stopped) is reported,
 * and its change is saved all the same: the hooks run after it, without the
 * lock, so a hook may call focusweek itself.  Nothing runs under --demo, and
 * a read-only planner makes no change.
 */
#ifndef FOCUSWEEK_APP_HOOKS_H
#define FOCUSWEEK_APP_HOOKS_H

#include <stdbool.h>

#include "app.h"
#include "buf.h"

/* What the hooks had to say since the last call (one line per hook that
 * failed or was stopped) appended to out; false when there was nothing. */
bool app_hooks_report(struct app *app, struct buf *out);

#endif
