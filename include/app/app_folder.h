/* app_folder.h - the data folder without a session: what a command that
 * must not create it, or must report a damaged plan, reads. */
#ifndef FOCUSWEEK_APP_FOLDER_H
#define FOCUSWEEK_APP_FOLDER_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* Checks every data file of the folder (data_flag as app_options), calling
 * report(msg) for each problem, which a damaged plan.json does not stop.
 * *problems gets the count.  -1 only when the folder cannot be opened. */
int app_check(const char *data_flag, void (*report)(const char *msg, void *ctx), void *ctx,
	      int *problems, struct error *err);

/* The plan's theme, creating nothing: "default" before a first run.  With
 * demo, the demo plan's. */
int app_plan_theme(const char *data_flag, bool demo, char *name, size_t size,
		   struct error *err);

#endif
