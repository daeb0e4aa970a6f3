/* ics.h - calendar files (iCalendar, RFC 5545) out and in, through libical.
 *
 * Export: the planned blocks of a range of days become VEVENTs that Outlook
 * and Google Calendar can import.  Each has a stable UID ("ID@focusweek"), so
 * importing a newer export updates the events instead of duplicating them.
 * Times are written in the user's zone with its VTIMEZONE, or in UTC when the
 * zone has no name libical knows.
 *
 * Import is two steps, so the parser can be tested (and fuzzed) without a
 * data folder:
 *   ics_parse  reads a file into the occurrences of its events in a range of
 *              days, in local time: recurrences expanded (RRULE, RDATE,
 *              EXDATE, overridden instances), TZID and UTC converted, floating
 *              times taken as local, all-day events as runs of dates.
 *   ics_merge  puts them into weeks as read-only meetings and day banners,
 *              replacing what an earlier import of the same UIDs left there.
 *
 * An occurrence that crosses midnight, or lasts longer than a day, becomes
 * one meeting per day it covers (22:00-24:00, then 00:00-02:00), all with
 * its identity: the time is busy on each day, and each day shows it.  A
 * floating time that does not exist locally (the hour skipped in spring)
 * starts when the clock jumps; one that exists twice is the first.
 *
 * The identity of an occurrence is the event's UID, or for one occurrence of
 * a recurring event "UID#RID", where RID is the occurrence's original start
 * (its RECURRENCE-ID): "20260330T070000Z" in UTC, "20260330T090000" for a
 * floating time, "20260330" for a date.  An overridden instance keeps the
 * identity of the occurrence it replaces, wherever it was moved to.
 */
#ifndef FOCUSWEEK_ICS_H
#define FOCUSWEEK_ICS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "clock.h"
#include "date.h"
#include "error.h"
#include "model.h"

#define ICS_FILE_MAX (32u << 20)   /* bytes in a calendar file */
#define ICS_EVENTS_MAX 50000       /* occurrences in the range of one import */
#define ICS_RANGE_MAX 366          /* days one import may span */
#define ICS_UID_SUFFIX "@focusweek" /* the UIDs of exported blocks end so */

/* One occurrence of an event that touches the range, in local time. */
struct ics_event {
	char *uid;       /* its identity (see above); at most 255 bytes */
	char *title;     /* SUMMARY as one line of text safe to store, or "Busy" */
	char *location;  /* LOCATION the same way, or "" */
	bool all_day;
	date_t first;    /* the day it starts */
	date_t last;     /* the day it ends (inclusive) */
	int start, end;  /* timed: minutes; start on `first`, end on `last` (1..1440) */
	int line;        /* the line of its BEGIN:VEVENT */
};

/* What a calendar file holds for a range of days. */
struct ics_calendar {
	struct ics_event *events;  /* by first day, start and identity */
	size_t n_events;
	char **uids;               /* the UID of every event in the file, sorted, once */
	size_t n_uids;
	/* Occurrences in the range left out, and why. */
	size_t n_cancelled;        /* STATUS:CANCELLED */
	size_t n_free;             /* TRANSP:TRANSPARENT: shown as free */
	size_t n_empty;            /* no duration */
	size_t n_duplicates;       /* VEVENTs ignored as older copies (lower SEQUENCE) */
};

/*
 * Parses a whole file (text need not be NUL-terminated) and expands its
 * events for the days from..to.  Touches no data folder; consults the local
 * zone (TZ) and the system's zone files through libical.  A malformed file
 * fails with "line N: ..." naming the problem, and nothing is returned.
 */
int ics_parse(const char *text, size_t len, date_t from, date_t to,
	      struct ics_calendar **out, struct error *err);
void ics_calendar_free(struct ics_calendar *cal);

/* A meeting of the import that lies over a planned block. */
struct ics_overlap {
	date_t date;
	int start, end;             /* the meeting (its part on that day) */
	char *title;
	char block[MODEL_ID_MAX];   /* the planned block */
	int block_start, block_end;
	char *block_title;
};

struct ics_report {
	size_t added;     /* occurrences new to the range */
	size_t replaced;  /* occurrences imported before, written again */
	size_t removed;   /* occurrences of the file's UIDs gone from it */
	size_t blocks;    /* meeting blocks written (one per day an occurrence covers) */
	size_t banners;   /* day banners written */
	size_t own;       /* focusweek's own exported blocks, come back: left out */
	struct ics_overlap *overlaps;  /* by date and time */
	size_t n_overlaps;
};

/*
 * Merges cal into weeks[0..n_weeks), which are the consecutive weeks that
 * hold from..to.  Within from..to, every meeting and banner whose UID is in
 * the file is replaced by what the file says now; everything else (other
 * calendars' meetings, days outside the range, planned blocks) is kept.
 * Meetings may lie over planned blocks: each such overlap is reported.
 * On success weeks[i] are replaced by the merged weeks (the old ones
 * freed); on refusal (a week would exceed its limits) they are untouched.
 */
int ics_merge(struct week **weeks, size_t n_weeks, const struct plan *p,
	      const struct ics_calendar *cal, date_t from, date_t to,
	      struct ics_report *rep, struct error *err);
void ics_report_clear(struct ics_report *rep);

/*
 * The IANA name of the local zone ("Europe/Berlin") from TZ, else
 * /etc/localtime or /etc/timezone, when libical has it; "UTC" for UTC; NULL
 * when unknown.  Writes into buf.
 */
const char *ics_local_zone(char *buf, size_t size);

/*
 * Writes the blocks dated from..to in weeks[0..n_weeks) as a calendar
 * (imported meetings are left out: they came from a calendar).  zone names
 * the user's zone (see ics_local_zone); NULL or "UTC" writes UTC times.
 * `now` stamps the events (DTSTAMP).  *n_events receives the count.
 */
int ics_export(const struct plan *p, struct week *const *weeks, size_t n_weeks, date_t from,
	       date_t to, const char *zone, instant_t now, struct buf *out, size_t *n_events,
	       struct error *err);

/* Reads a whole calendar file ("-": standard input), at most ICS_FILE_MAX
 * bytes.  *data is NUL-terminated (free()). */
int ics_file_read(const char *path, char **data, size_t *len, struct error *err);
/*
 * Writes a file atomically and durably: a temp file beside it, fsync,
 * rename, fsync of the folder.  Refuses to write through a symbolic link or
 * over anything but a regular file.  An existing file keeps its mode; a new
 * one is 0600.
 */
int ics_file_write(const char *path, const char *data, size_t len, struct error *err);

/* The version of libical focusweek was built with, "3.0.16", for
 * --version; the library is not loaded for it. */
const char *ics_lib_version(void);

#endif
