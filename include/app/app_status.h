/* app_status.h - watching the running timer for a status bar
 * (`focusweek timer status --watch`): a descriptor that wakes when
 * timer.json may have changed, without creating the data folder.  The
 * timer itself is read with app_timer_peek (app_timer.h). */
#ifndef FOCUSWEEK_APP_STATUS_H
#define FOCUSWEEK_APP_STATUS_H

#include <stdbool.h>

#include "error.h"

struct app_status_watch;

/* Watches the data folder of --data / $FOCUSWEEK_DATA / the default (or,
 * until it exists, the nearest folder above it).  A demo has no timer:
 * nothing is watched.  app_status_watch_close() it. */
int app_status_watch_open(const char *data_flag, bool demo, struct app_status_watch **out,
			  struct error *err);
void app_status_watch_close(struct app_status_watch *w);
/* Readable when something changed there, or -1 when nothing is watched. */
int app_status_watch_fd(const struct app_status_watch *w);
/* Empties it; follows the folder once it exists.  True when the timer
 * may have changed. */
bool app_status_watch_drain(struct app_status_watch *w);

#endif
