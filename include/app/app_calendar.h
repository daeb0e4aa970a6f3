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

/* How an import goes: APP_IMPORT_DRY changes nothing; APP_IMPORT_STRICT
 * refuses the file at its first problem (ics_parse_strict) instead of
 * reading it event by event. */
enum { APP_IMPORT_DRY = 1, APP_IMPORT_STRICT = 2 };

/*
 * Reads calendar file `path` ("-": standard input) and merges its meetings
 * of the days from..to into their weeks as one change (all of the import,
 * or none of it).  `how` holds APP_IMPORT_* flags.  A file that cannot be
 * read changes nothing, and err names it; what the file holds that was not
 * imported as written is in im->rep.notes.  app_import_free(im) afterwards.
 */
int app_import(struct app *app, const char *path, date_t from, date_t to, unsigned how,
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
