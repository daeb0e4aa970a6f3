/* app_remind.h - what `focusweek remind` keeps in the data folder: its lock
 * (one per folder) and the few lines it notes there, what it reminded of.
 * It reads the plan, the weeks and the timer through app.h and
 * app_timer.h like any front end. */
#ifndef FOCUSWEEK_APP_REMIND_H
#define FOCUSWEEK_APP_REMIND_H

#include "app.h"
#include "error.h"

/* Claims the folder for this program until app_close (making the folder,
 * empty, when there is none yet); *state (free()) receives what the last
 * holder noted, "" the first time.  ERR_LOCKED, naming its pid, while
 * another one runs. */
int app_remind_claim(struct app *app, char **state, struct error *err);
/* Replaces what is noted (not durable: after a crash it may be old). */
int app_remind_note(struct app *app, const char *state, struct error *err);

#endif
