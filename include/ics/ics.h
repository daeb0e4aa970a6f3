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
 *              times taken in the calendar's X-WR-TIMEZONE or else as local,
 *              all-day events as runs of dates.
 *   ics_merge  puts them into weeks as read-only meetings and day banners,
 *              replacing what an earlier import of the same UIDs left there.
 *
 * A calendar is read event by event, as far as it goes.  An event whose
 * time cannot be worked out is skipped; a line that changes no time and
 * cannot be read is ignored; an event that is no busy time (free,
 * cancelled, without a duration, absurdly long) is left out; an event read
 * on an assumption (a time zone guessed) is imported.  Each is a note with
 * its line and why (struct ics_note), so the user sees exactly what was not
 * imported as written.  Only a file that is not a calendar at all is refused;
 * ics_parse_strict refuses a file at its first note of a problem instead.
 *
 * Time zones are taken as calendars write them: the file's VTIMEZONE; an
 * IANA name; a Windows zone id ("W. Europe Standard Time", after CLDR's
 * windowsZones.xml) or display name ("(UTC+01:00) Amsterdam, Berlin, ...");
 * a bare offset ("(GMT +01:00)", "GMT+0100"); a vendor's prefix before an
 * IANA name.  A VTIMEZONE that cannot be used (no offsets, or rules that
 * repeat more often than yearly, which libical would expand without end)
 * gives way to the system's zone of its name; a zone nobody knows is read
 * as the calendar's X-WR-TIMEZONE, else as local time, and noted.
 *
 * An override whose RECURRENCE-ID is no instance of its series is imported
 * at its own time, beside the series, as Outlook does ([MS-OXCICAL]
 * 2.1.3.1.1.20.20: the RECURRENCE-ID is taken as an EXDATE and DTSTART as
 * an RDATE), and noted.
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
#include "fsio.h"
#include "model.h"

#define ICS_FILE_MAX (32u << 20)   /* bytes in a calendar file */
#define ICS_EVENTS_MAX 50000       /* occurrences in the range of one import */
#define ICS_RANGE_MAX 366          /* days one import may span */
#define ICS_TIMED_DAYS_MAX 14      /* a timed event longer than this is no meeting */
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

/* What a note says of its event or line. */
enum ics_note_kind {
	ICS_NOTE_SKIPPED,  /* an event whose time cannot be worked out: not imported */
	ICS_NOTE_LEFT_OUT, /* an event that is no busy time in the range: not imported */
	ICS_NOTE_ASSUMED,  /* an event imported on an assumption (a zone guessed...) */
	ICS_NOTE_IGNORED,  /* a line that cannot be read and changes no time */
};
#define ICS_NOTE_KINDS 4

/* Something in the file not imported as written, and why. */
struct ics_note {
	enum ics_note_kind kind;
	int line;        /* the line at fault (1-based) */
	char *title;     /* the event's title, or NULL when the note is of a line */
	size_t count;    /* occurrences in the range it stands for (0: not known) */
	date_t first;    /* the first of them, when count > 0 */
	char *why;       /* one line, e.g. "shown as free (TRANSP:TRANSPARENT)" */
};

/* What a calendar file holds for a range of days. */
struct ics_calendar {
	struct ics_event *events;  /* by first day, start and identity */
	size_t n_events;
	char **uids;               /* the UID of every event in the file, sorted, once */
	size_t n_uids;
	/* Occurrences in the range left out, and why (each event also has a note). */
	size_t n_cancelled;        /* STATUS:CANCELLED */
	size_t n_free;             /* TRANSP:TRANSPARENT or X-MICROSOFT-CDO-BUSYSTATUS:FREE */
	size_t n_empty;            /* no duration */
	size_t n_duplicates;       /* VEVENTs ignored as older copies (lower SEQUENCE) */
	size_t n_absurd;           /* longer than any meeting (ICS_TIMED_DAYS_MAX days,
				    * or an all-day event over ICS_RANGE_MAX) */
	struct ics_note *notes;    /* by line */
	size_t n_notes;
};

/*
 * Parses a whole file (text need not be NUL-terminated) and expands its
 * events for the days from..to.  Touches no data folder; consults the local
 * zone (TZ) and the system's zone files through libical.  Fails only when
 * the text is not a calendar at all (no BEGIN:VCALENDAR, binary data), or
 * a limit is passed, with "line N: ..." naming the problem; everything
 * else not imported as written is in (*out)->notes.
 */
int ics_parse(const char *text, size_t len, date_t from, date_t to,
	      struct ics_calendar **out, struct error *err);
/* The same, all or nothing: a file with any note but an event left out
 * (no busy time) fails with its first such note, "line N: why". */
int ics_parse_strict(const char *text, size_t len, date_t from, date_t to,
		     struct ics_calendar **out, struct error *err);
void ics_calendar_free(struct ics_calendar *cal);
/* The order of ics_calendar.events, for qsort: by first day, all-day first,
 * start, identity.  It also sorts records that begin with an ics_event. */
int ics_event_order(const void *a, const void *b);

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
	struct ics_note *notes;  /* the calendar's, and the own blocks left out; by line */
	size_t n_notes;
};

/*
 * Merges cal into weeks[0..n_weeks), which are the consecutive weeks that
 * hold from..to.  Within from..to, every meeting and banner whose UID is in
 * the file is replaced by what the file says now; everything else (other
 * calendars' meetings, days outside the range, planned blocks) is kept.
 * Meetings may lie over planned blocks: each such overlap is reported.
 * rep->notes holds the calendar's notes and focusweek's own blocks left
 * out, for a front end to print (ics_notes_text).  On success weeks[i] are
 * replaced by the merged weeks (the old ones freed); on refusal (a week
 * would exceed its limits) they are untouched.
 */
int ics_merge(struct week **weeks, size_t n_weeks, const struct plan *p,
	      const struct ics_calendar *cal, date_t from, date_t to,
	      struct ics_report *rep, struct error *err);
void ics_report_clear(struct ics_report *rep);
/*
 * The notes as lines for a person, by kind, each kind under a heading:
 *   "  skipped 1 event whose time cannot be worked out:"
 *   "    line 88 \"Weekly sync\": the event ends before it starts (a negative DURATION)"
 *   "  left out 2 events that are no busy time:"
 *   "    line 120 \"Focus time\" (Tue 24 Mar): shown as free (TRANSP:TRANSPARENT)"
 * Nothing when there are none.  Titles are as stored (one line, no control
 * characters); a front end passes the text through text_safe as any other.
 */
void ics_notes_text(const struct ics_note *notes, size_t n, struct buf *out);

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
 * `now` stamps the events (DTSTAMP).  With alarm >= 0, each block still
 * planned carries a VALARM that shows it `alarm` minutes before it starts
 * (the reminder lead time, remind.before), so a phone reminds too; -1 for
 * none.  *n_events receives the count.
 */
int ics_export(const struct plan *p, struct week *const *weeks, size_t n_weeks, date_t from,
	       date_t to, const char *zone, instant_t now, int alarm, struct buf *out,
	       size_t *n_events, struct error *err);

/* The UID of block `id` of plan p: "ID.INSTALL@focusweek" (see ics_uid.c),
 * or "ID@focusweek" while the plan has no install id. */
#define ICS_UID_MAX (MODEL_ID_MAX + MODEL_INSTALL_MAX + 16)
void ics_block_uid(const struct plan *p, const char *id, char *out, size_t size);
/* Is uid one of p's blocks' (its own, or one an older export wrote)?  Then
 * id receives the block's short id. */
bool ics_uid_block_id(const struct plan *p, const char *uid, char id[MODEL_ID_MAX]);

/* ---- sync: a block's own file, busy time from a vdir, the vdir itself ---- */

/*
 * Block b as a calendar object of its own, for a vdir: a VCALENDAR with the
 * VTIMEZONE of `zone` (as ics_export) and one VEVENT, as the export writes
 * it, with the X-FOCUSWEEK-* fields (id, kind, industry, account, quota
 * answer, status, outcome, carried from) and, when alarm is not
 * MODEL_ALARM_OFF and the block is planned, a reminder that many minutes
 * before it.  sold: what the week's sales say the block sold (its
 * DESCRIPTION's outcome says it, as the export's does).
 */
int ics_block_render(const struct plan *p, const struct block *b, int64_t sold, const char *zone,
		     int alarm, instant_t now, struct buf *out, struct error *err);
/* "Prospecting · Healthcare — Call list A": the SUMMARY of block b. */
void ics_block_summary(const struct plan *p, const struct block *b, struct buf *out);

/* What a block's file holds now. */
enum ics_back_kind {
	ICS_BACK_EVENT,      /* one timed event within a day: date, start, end, title */
	ICS_BACK_CANCELLED,  /* its event was cancelled (STATUS:CANCELLED) */
	ICS_BACK_UNUSABLE,   /* no block can be made of it: why says so */
};

struct ics_back {
	enum ics_back_kind kind;
	char *uid;          /* the event's UID (NULL when it has none) */
	date_t date;        /* local, as the import reads it */
	int start, end;
	char *title;        /* its SUMMARY as the import cleans it */
	char why[96];       /* ICS_BACK_UNUSABLE: "it runs over midnight in the calendar" */
};

/* Reads a block's file back (as the import reads a calendar); a file that
 * cannot be read fails with "line N: ...".  ics_back_clear afterwards. */
int ics_block_read(const char *text, size_t len, struct ics_back *out, struct error *err);
void ics_back_clear(struct ics_back *b);
/* The title block b takes from a calendar's SUMMARY: what follows the
 * "Kind · Who — " that focusweek writes before it, or all of it (free()). */
char *ics_block_title_from(const struct plan *p, const struct block *b, const char *summary);

/* One file of a calendar's vdir as busy time. */
struct ics_busy {
	struct ics_event *events;  /* its occurrences that touch from..to */
	size_t n_events;
	bool whole;                /* nothing repeats: every occurrence lies in lo..hi */
	date_t lo, hi;             /* with whole: where they lie (lo > hi: nowhere) */
	char *problem;             /* the events that could not be read, with their lines
				      and why, on one line; or NULL */
};
#define ICS_BUSY_PROBLEM_MAX 900 /* bytes of it, at most */

/* Loads libical now (it is loaded on first use otherwise): before files are
 * read on several threads at once.  Fails, saying how to install it, when
 * it cannot be loaded. */
int ics_lib_ready(struct error *err);
/* Reads one calendar object as ics_parse does, keeping the occurrences of
 * from..to (see ics_busy.c).  ics_busy_clear afterwards. */
int ics_busy_read(const char *text, size_t len, date_t from, date_t to, struct ics_busy *out,
		  struct error *err);
void ics_busy_clear(struct ics_busy *b);
/* The length of the UID in an occurrence's identity ("UID" or "UID#RID"). */
size_t ics_identity_uid_len(const char *identity);

/* A vdir's .ics files (not hidden, regular), as listed. */
struct ics_vdir_file {
	char *name;
	struct stamp stamp;
};

struct ics_vdir_list {
	struct ics_vdir_file *files;  /* in the folder's order */
	size_t n;
	size_t n_unnamed;             /* left out: names that are not text */
};

/* Opens the folder at path (create: made 0700 when missing). */
int ics_vdir_open(const char *path, bool create, int *dirfd, struct error *err);
/* Every .ics file with its stamp (a large folder on up to one thread per core). */
int ics_vdir_list(int dirfd, const char *shown, struct ics_vdir_list *out, struct error *err);
void ics_vdir_list_free(struct ics_vdir_list *l);
/* The stamp of name now: 0 (exists false when it is gone), or -1 when it is
 * not a regular file. */
int ics_vdir_stat(int dirfd, const char *name, struct stamp *out);
/* A whole file of at most ICS_FILE_MAX bytes (ERR_NOTFOUND when gone). */
int ics_vdir_read(int dirfd, const char *name, const char *shown, char **data, size_t *len,
		  struct stamp *stamp, struct error *err);
/* Writes name atomically (a temp file beside it, fsync, rename, fsync of the
 * folder), only while it is as `expect` says (NULL: absent): else
 * ERR_CONFLICT and nothing written.  *out is its new stamp. */
int ics_vdir_write(int dirfd, const char *name, const char *shown, const char *data, size_t len,
		   const struct stamp *expect, struct stamp *out, struct error *err);
/* Removes name, only while it is as `expect` says. */
int ics_vdir_remove(int dirfd, const char *name, const char *shown, const struct stamp *expect,
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
