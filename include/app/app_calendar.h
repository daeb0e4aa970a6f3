/* app_calendar.h - calendar files through the application layer: the
 * blocks of a span written out, real meetings read in as busy time. */
#ifndef FOCUSWEEK_APP_CALENDAR_H
#define FOCUSWEEK_APP_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "date.h"
#include "error.h"
#include "ics.h"

/* What an import read and did. */
struct app_import {
	struct ics_calendar *cal;  /* the file as parsed */
	struct ics_report rep;     /* what the merge did */
	size_t written;            /* week files written (0 for a dry run) */
};

/*
 * Reads calendar file `path` ("-": standard input) and merges its meetings
 * of the days from..to into their weeks as one change (all of the import,
 * or none of it).  With dry, changes nothing.  A file that cannot be read
 * changes nothing, and err names it.  app_import_free(im) afterwards.
 */
int app_import(struct app *app, const char *path, date_t from, date_t to, bool dry,
	       struct app_import *im, struct app_result *res, struct error *err);
void app_import_free(struct app_import *im);

/* What an export wrote. */
struct app_export {
	size_t n;                  /* blocks written */
	const char *zone;          /* the zone of the times, or NULL: UTC */
	char zone_buf[80];
};

/* Writes the blocks dated from..to to calendar file `path` ("-": standard
 * output), atomically; with alarm, each block still planned reminds
 * remind.before minutes ahead (a VALARM). */
int app_export(struct app *app, const char *path, date_t from, date_t to, bool alarm,
	       struct app_export *out, struct error *err);

#endif
