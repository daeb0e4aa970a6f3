/* sync_status.h - the calendar sync in the planner: its key, and the
 * status line that says when the last sync ran and what it did. */
#ifndef FOCUSWEEK_SYNC_STATUS_H
#define FOCUSWEEK_SYNC_STATUS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui.h"

/* Reads the last sync (sync.json) into ui->sync.  outside: what another
 * program changed (APP_CHANGED_*); with APP_CHANGED_SYNC the bottom line
 * says a sync ran (and whether it reloaded the week on screen). */
unsigned sync_status_load(struct tui *ui, unsigned outside);
/* "synced 14:05: 2 written, 1 back", or "" when no calendar is set. */
void sync_status_text(const struct tui *ui, char *out, size_t size);
/* The key: a sync now, as `focusweek sync`. */
unsigned sync_key(struct tui *ui);

#endif
