/* ics_int.h - what the calendar modules (src/ics/ics_*.c) share.  Private. */
#ifndef FOCUSWEEK_ICS_INT_H
#define FOCUSWEEK_ICS_INT_H

#include <stdarg.h>

#include "ics.h"
#include "ics_lib.h"

/* Calls to libical go through the table of the library opened at run time
 * (ics_lib.h): the code reads as libical's own documentation, and a call to
 * a function missing from the table fails to link, since the program does
 * not link libical. */
#define icalcomponent_add_component (ics_lib()->icalcomponent_add_component)
#define icalcomponent_add_property (ics_lib()->icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (ics_lib()->icalcomponent_as_ical_string_r)
#define icalcomponent_count_properties (ics_lib()->icalcomponent_count_properties)
#define icalcomponent_free (ics_lib()->icalcomponent_free)
#define icalcomponent_get_first_component (ics_lib()->icalcomponent_get_first_component)
#define icalcomponent_get_first_property (ics_lib()->icalcomponent_get_first_property)
#define icalcomponent_get_location (ics_lib()->icalcomponent_get_location)
#define icalcomponent_get_next_component (ics_lib()->icalcomponent_get_next_component)
#define icalcomponent_get_next_property (ics_lib()->icalcomponent_get_next_property)
#define icalcomponent_get_status (ics_lib()->icalcomponent_get_status)
#define icalcomponent_get_summary (ics_lib()->icalcomponent_get_summary)
#define icalcomponent_get_timezone (ics_lib()->icalcomponent_get_timezone)
#define icalcomponent_get_uid (ics_lib()->icalcomponent_get_uid)
#define icalcomponent_isa (ics_lib()->icalcomponent_isa)
#define icalcomponent_new (ics_lib()->icalcomponent_new)
#define icalcomponent_new_clone (ics_lib()->icalcomponent_new_clone)
#define icalcomponent_remove_component (ics_lib()->icalcomponent_remove_component)
#define icaldurationtype_from_int (ics_lib()->icaldurationtype_from_int)
#define icalparameter_get_tzid (ics_lib()->icalparameter_get_tzid)
#define icalparameter_new_tzid (ics_lib()->icalparameter_new_tzid)
#define icalparser_add_line (ics_lib()->icalparser_add_line)
#define icalparser_free (ics_lib()->icalparser_free)
#define icalparser_new (ics_lib()->icalparser_new)
#define icalparser_parse_string (ics_lib()->icalparser_parse_string)
#define icalproperty_add_parameter (ics_lib()->icalproperty_add_parameter)
#define icalproperty_get_dtend (ics_lib()->icalproperty_get_dtend)
#define icalproperty_get_dtstart (ics_lib()->icalproperty_get_dtstart)
#define icalproperty_get_duration (ics_lib()->icalproperty_get_duration)
#define icalproperty_get_exdate (ics_lib()->icalproperty_get_exdate)
#define icalproperty_get_first_parameter (ics_lib()->icalproperty_get_first_parameter)
#define icalproperty_get_rdate (ics_lib()->icalproperty_get_rdate)
#define icalproperty_get_recurrenceid (ics_lib()->icalproperty_get_recurrenceid)
#define icalproperty_get_rrule (ics_lib()->icalproperty_get_rrule)
#define icalproperty_get_sequence (ics_lib()->icalproperty_get_sequence)
#define icalproperty_get_transp (ics_lib()->icalproperty_get_transp)
#define icalproperty_get_tzoffsetfrom (ics_lib()->icalproperty_get_tzoffsetfrom)
#define icalproperty_get_tzoffsetto (ics_lib()->icalproperty_get_tzoffsetto)
#define icalproperty_isa (ics_lib()->icalproperty_isa)
#define icalproperty_get_xlicerror (ics_lib()->icalproperty_get_xlicerror)
#define icalproperty_new_action (ics_lib()->icalproperty_new_action)
#define icalproperty_new_calscale (ics_lib()->icalproperty_new_calscale)
#define icalproperty_new_categories (ics_lib()->icalproperty_new_categories)
#define icalproperty_new_description (ics_lib()->icalproperty_new_description)
#define icalproperty_new_dtend (ics_lib()->icalproperty_new_dtend)
#define icalproperty_new_dtstamp (ics_lib()->icalproperty_new_dtstamp)
#define icalproperty_new_dtstart (ics_lib()->icalproperty_new_dtstart)
#define icalproperty_new_method (ics_lib()->icalproperty_new_method)
#define icalproperty_new_prodid (ics_lib()->icalproperty_new_prodid)
#define icalproperty_new_summary (ics_lib()->icalproperty_new_summary)
#define icalproperty_new_transp (ics_lib()->icalproperty_new_transp)
#define icalproperty_new_trigger (ics_lib()->icalproperty_new_trigger)
#define icalproperty_new_uid (ics_lib()->icalproperty_new_uid)
#define icalproperty_new_version (ics_lib()->icalproperty_new_version)
#define icalproperty_new_x (ics_lib()->icalproperty_new_x)
#define icalproperty_set_rrule (ics_lib()->icalproperty_set_rrule)
#define icalproperty_set_tzid (ics_lib()->icalproperty_set_tzid)
#define icalproperty_set_x_name (ics_lib()->icalproperty_set_x_name)
#define icalrecur_iterator_free (ics_lib()->icalrecur_iterator_free)
#define icalrecur_iterator_new (ics_lib()->icalrecur_iterator_new)
#define icalrecur_iterator_next (ics_lib()->icalrecur_iterator_next)
#define icalrecur_iterator_set_start (ics_lib()->icalrecur_iterator_set_start)
#define icalrecurrencetype_as_string_r (ics_lib()->icalrecurrencetype_as_string_r)
#define icalrecurrencetype_day_day_of_week (ics_lib()->icalrecurrencetype_day_day_of_week)
#define icalrecurrencetype_day_position (ics_lib()->icalrecurrencetype_day_position)
#define icalrecurrencetype_month_is_leap (ics_lib()->icalrecurrencetype_month_is_leap)
#define icalrecurrencetype_month_month (ics_lib()->icalrecurrencetype_month_month)
#define icaltime_as_timet_with_zone (ics_lib()->icaltime_as_timet_with_zone)
#define icaltime_from_timet_with_zone (ics_lib()->icaltime_from_timet_with_zone)
#define icaltime_is_null_time (ics_lib()->icaltime_is_null_time)
#define icaltime_is_utc (ics_lib()->icaltime_is_utc)
#define icaltime_null_time (ics_lib()->icaltime_null_time)
#define icaltimezone_get_builtin_timezone (ics_lib()->icaltimezone_get_builtin_timezone)
#define icaltimezone_get_component (ics_lib()->icaltimezone_get_component)
#define icaltimezone_get_location (ics_lib()->icaltimezone_get_location)
#define icaltimezone_free (ics_lib()->icaltimezone_free)
#define icaltimezone_get_utc_offset (ics_lib()->icaltimezone_get_utc_offset)
#define icaltimezone_get_utc_timezone (ics_lib()->icaltimezone_get_utc_timezone)
#define icaltimezone_new (ics_lib()->icaltimezone_new)
#define icaltimezone_set_component (ics_lib()->icaltimezone_set_component)
#define icaltimezone_truncate_vtimezone (ics_lib()->icaltimezone_truncate_vtimezone)

#define ICS_SECONDS_PER_DAY 86400
#define ICS_SECONDS_PER_HOUR 3600
#define ICS_SECONDS_PER_MINUTE 60

/* ---- ics_notes.c: what was not imported as written ---- */

/* Appends a note (title may be NULL) to notes[0..*n) and returns it, its
 * count 0; the array grows at each power of two. */
struct ics_note *ics_note_vpush(struct ics_note **notes, size_t *n, enum ics_note_kind kind,
				int line, const char *title, const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));
/* The same, into cal->notes. */
struct ics_note *ics_note_add(struct ics_calendar *cal, enum ics_note_kind kind, int line,
			      const char *title, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* One more occurrence on `day` for n. */
void ics_note_count(struct ics_note *n, date_t day);
void ics_notes_sort(struct ics_note *notes, size_t n);
/* A copy that ics_note_vpush can grow. */
struct ics_note *ics_notes_copy(const struct ics_note *src, size_t n);
void ics_notes_free(struct ics_note *notes, size_t n);
/* The first note that is not an event left out (ics_parse_strict), or NULL. */
const struct ics_note *ics_notes_problem(const struct ics_note *notes, size_t n);

/* ---- ics_lines.c: the file as content lines, with their line numbers ---- */

#define ICS_DEPTH_MAX 8        /* nested components */
#define ICS_LINE_MAX (1u << 20) /* bytes in one unfolded content line */

struct ics_line {
	size_t off;   /* of its text in ics_lines.text */
	int no;       /* the physical line it starts on (1-based) */
	int node;     /* the component it is in (BEGIN/END: the one it opens or
		       * closes); -1 for a line that was ignored */
	bool cut;     /* longer than ICS_LINE_MAX: its text was dropped */
};

/* One component, as the lines show it. */
struct ics_node {
	char name[32];  /* upper case: "VEVENT" */
	int parent;     /* index of the enclosing node, or -1 */
	size_t first;   /* index of its BEGIN line */
	size_t last;    /* index of its END line, or of the line where it was
			 * closed for want of one (its lines are first+1..last-1) */
	int fault_line; /* the first line that keeps it from being read, or 0 */
	char *fault;    /* why (a VEVENT is skipped, a VTIMEZONE not used) */
};

/* What is given to libical, in order: a line, or the END of a component
 * that the file never closed. */
struct ics_feed {
	size_t line;
	int end_of;     /* >= 0: "END:" and that node's name, instead of the line */
};

struct ics_lines {
	char *text;             /* the unfolded lines, each NUL-terminated */
	struct ics_line *lines;
	size_t n_lines, cap_lines;
	struct ics_node *nodes; /* in the order of their BEGIN lines */
	size_t n_nodes, cap_nodes;
	struct ics_feed *feed;  /* the lines kept, and the ENDs supplied */
	size_t n_feed, cap_feed;
};

/*
 * Splits and unfolds the file, and checks what libical would let pass: valid
 * UTF-8, no control characters, NAME[;PARAM=VALUE...]:VALUE on every line,
 * BEGIN and END that match.  A line that fails is left out: a property that
 * bears on time in a VEVENT or VTIMEZONE is a fault of that component, any
 * other a note in cal.  Components outside a VCALENDAR are left out, and
 * ones never closed are closed.  Fails only on text that is not a calendar:
 * a NUL byte, or no BEGIN:VCALENDAR.
 */
int ics_lines_read(struct ics_lines *l, const char *text, size_t len, struct ics_calendar *cal,
		   struct error *err);
void ics_lines_free(struct ics_lines *l);
const char *ics_line_text(const struct ics_lines *l, size_t i);
/* The value of line i: its text after the ':' that ends name and parameters. */
const char *ics_line_value(const struct ics_lines *l, size_t i);
/* Does line i name property `name` (case-insensitive)? */
bool ics_line_is(const struct ics_lines *l, size_t i, const char *name);
/* Does this property decide when an event is busy (DTSTART, RRULE, TRANSP...)? */
bool ics_prop_is_time(const char *line);
/* Index of the first line of property `name` directly in node, or -1. */
long ics_lines_find(const struct ics_lines *l, int node, const char *name);
/* The line number for messages about `name` in node: its line, or the
 * node's BEGIN line when it has none. */
int ics_lines_no(const struct ics_lines *l, int node, const char *name);
/* Marks node as not to be read, for the reason given at line `no` (the
 * first fault stays). */
void ics_node_fault(struct ics_lines *l, int node, int no, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* ---- ics_export.c ---- */

/* Adds to event ev a VALARM that shows `text` `minutes` before it starts
 * (0: as it starts): the export's and the calendar sync's, written once. */
void ics_valarm_add(icalcomponent *ev, int minutes, const char *text);

/* ---- ics_rule.c: recurrence rules checked before libical expands them ---- */

/* Steps of expansion one file may take: occurrences looked at, periods
 * walked between them, checks of an RDATE against the instances before it,
 * and the changes of the zones it uses.  A legitimate calendar needs a
 * small part of it (an hourly series walked from 2020 is 55,000 steps;
 * daily and slower ones start near the range); a hostile one stops here
 * after about a second (libical takes ~1 us a step). */
#define ICS_WORK_MAX 1000000

/* Does r give any date after dtstart?  A YEARLY or MONTHLY rule whose BY
 * parts never meet (BYMONTH=2;BYMONTHDAY=30) would send libical looking
 * until the year 20000; other frequencies stop at UNTIL, which the
 * expansion sets at the end of the range.  *steps receives the days looked
 * at to find out. */
bool ics_rule_gives_dates(const struct icalrecurrencetype *r, struct icaltimetype dtstart,
			  size_t *steps);
/* Has r any BY part (which may make libical walk past periods between
 * instances)? */
bool ics_rule_filters(const struct icalrecurrencetype *r);
/* Steps libical takes to walk r over `seconds` (its periods, at least 1). */
int64_t ics_rule_steps(const struct icalrecurrencetype *r, int64_t seconds);
/* Why the rule of a STANDARD or DAYLIGHT part of a VTIMEZONE cannot be
 * used (real zones change a few times a year), or NULL.  *changes_per_year
 * receives how many times a year it changes. */
const char *ics_rule_zone_check(const struct icalrecurrencetype *r,
				struct icaltimetype dtstart, int *changes_per_year);

/* ---- ics_zone.c: the zone of a TZID ---- */

#define ICS_ZONE_NAME_MAX 64 /* bytes of an IANA zone name */

struct ics_ctx;

/* A VTIMEZONE of the calendar, and its node. */
struct ics_vtz {
	icalcomponent *c;
	int node;
};

/* A TZID as read, kept for the calendar being expanded. */
struct ics_zone {
	char *tzid;
	icaltimezone *zone;  /* NULL: read as local time */
	char *guess;         /* NULL when read as written; else what was assumed */
	/* When zone is the calendar's VTIMEZONE: the first time it describes,
	 * and the system's zone of the same name for times before it. */
	struct icaltimetype begins;
	icaltimezone *system;
	char system_name[ICS_ZONE_NAME_MAX + 1];
};

/* The zone a TZID names, through the calendar's VTIMEZONE (checked first),
 * the system's zones (IANA, Windows ids and display names, a vendor's
 * prefix, a bare offset), then the calendar's X-WR-TIMEZONE and local time;
 * see ics.h.  NULL when the file has spent its steps (ICS_WORK_MAX).  Valid
 * until ics_zones_clear. */
const struct ics_zone *ics_zone_of(struct ics_ctx *x, const char *tzid);
/* The zone of the calendar's floating times: its X-WR-TIMEZONE, or NULL
 * (local time). */
icaltimezone *ics_zone_floating(struct ics_ctx *x);
void ics_zones_clear(struct ics_ctx *x);

/* ---- ics_zone_names.c: zones by the names calendars give them ---- */

/* Could this be an IANA zone name?  Letters, digits, "_+-", "/" between
 * parts; no dots, so no path can climb out of the zone folder. */
bool ics_zone_name_ok(const char *name);
/* A zone libical has under an IANA name, or NULL. */
icaltimezone *ics_zone_builtin(const char *name);
/* The system's zone a name stands for: an IANA name (after any vendor's
 * prefix such as "/mozilla.org/20070129_1/"), a Windows zone id or
 * display name; NULL when none.  iana receives the IANA name. */
icaltimezone *ics_zone_named(const char *tzid, char iana[ICS_ZONE_NAME_MAX + 1]);
/* A bare UTC offset ("(GMT +01:00)", "UTC+0530", "GMT-5"): its seconds east. */
bool ics_zone_offset(const char *tzid, int *seconds);
/* The IANA zone of a Windows zone id ("W. Europe Standard Time"), or NULL. */
const char *ics_zone_windows(const char *name);
/* Entry i of the table of Windows ids (NULL past its end), for tests. */
const char *ics_zone_windows_at(size_t i, const char **iana);
/* The IANA zone of a Windows display name ("(UTC-05:00) Eastern Time (US &
 * Canada)", "(GMT+01:00) Amsterdam, Berlin, ..."): true, and its name. */
bool ics_zone_display(const char *name, char iana[ICS_ZONE_NAME_MAX + 1]);

/* ---- ics_time.c: the times of events ---- */

#define ICS_RID_MAX 20 /* "20260330T070000Z" and its NUL */

/* A DATE or DATE-TIME as an event gives it. */
struct ics_time {
	struct icaltimetype t;  /* the fields as written (wall time in its zone) */
	icaltimezone *zone;     /* its zone (UTC included); NULL when floating or a date */
	bool date;              /* a DATE: a whole day */
};

/* An occurrence in local days and minutes (see struct ics_event). */
struct ics_span {
	date_t first, last;
	int start, end;
};

/* How a floating time is read: in the calendar's X-WR-TIMEZONE (DTSTART,
 * DTEND, RDATE), or kept as a wall time to match an instance's (EXDATE,
 * RECURRENCE-ID). */
enum ics_floating { ICS_FLOAT_CALENDAR, ICS_FLOAT_WALL };

/* Reads the value t of prop (the property `name` of node, for messages),
 * resolving its TZID; a zone guessed is noted in x->guess. */
int ics_time_of(struct ics_ctx *x, int node, icalproperty *prop, const char *name,
		struct icaltimetype t, enum ics_floating floating, struct ics_time *out);
/* b - a: seconds between date-times (between the wall clocks when one is
 * outside the years 1900..9999), days between dates. */
int64_t ics_time_diff(const struct ics_time *a, const struct ics_time *b);
/* The identity of an occurrence that starts at t (see ics.h). */
void ics_time_rid(const struct ics_time *t, char out[ICS_RID_MAX]);
/* The date, or the date and time, of t's fields as written ("YYYYMMDD",
 * "YYYYMMDDTHHMMSS"), for EXDATEs that are dates or floating times. */
void ics_time_rid_date(const struct ics_time *t, char out[ICS_RID_MAX]);
void ics_time_rid_wall(const struct ics_time *t, char out[ICS_RID_MAX]);
/* Days since 1970-01-01 of a proleptic Gregorian date, any year. */
int64_t ics_civil_days(int y, int m, int d);
/* Is wall time a before b (their fields as written)? */
bool ics_time_before(struct icaltimetype a, struct icaltimetype b);
/* Days since 1970-01-01 of t's date as written, in its own zone. */
int64_t ics_time_wall_day(const struct ics_time *t);
/* Midnight of `day` (as ics_time_wall_day counts) in the zone of `like`. */
struct icaltimetype ics_time_day_start(const struct ics_time *like, int64_t day);
/* Local days and minutes of an occurrence of `dur` (seconds, or days for a
 * date); -1 when it lies outside the years 1900..9999. */
int ics_time_span(const struct ics_time *start, int64_t dur, struct ics_span *out);

/* ---- ics_expand.c, ics_event.c, ics_series.c: events to occurrences ---- */

struct ics_ctx {
	const struct ics_lines *lines;
	date_t from, to;
	struct ics_calendar *out;
	struct error *err;   /* why the whole file failed (with fatal) */
	bool fatal;          /* a limit was passed: the import stops */
	icalcomponent *cal;  /* the VCALENDAR being expanded */
	int cal_node;
	size_t cap_events, cap_uids;
	size_t work;         /* steps of expansion so far (ICS_WORK_MAX) */
	int fault_line;      /* why the event being read cannot be: its line... */
	char fault[300];     /* ...and the reason */
	int guess_line;      /* a zone the event being read was given: the line... */
	char guess[300];     /* ...and what was assumed, or "" */
	struct ics_zone **zones; /* the TZIDs of this calendar read so far, sorted */
	size_t n_zones, cap_zones;
	struct ics_vtz *vtz; /* its VTIMEZONEs, by address (once listed) */
	size_t n_vtz;
	bool vtz_listed;
	icaltimezone **made; /* zones made for bare offsets (freed with the ctx) */
	size_t n_made, cap_made;
	bool floating_read;  /* X-WR-TIMEZONE looked up for this calendar */
	icaltimezone *floating; /* its zone, or NULL */
};

/* The event being read cannot be: records why (line `no`) and returns -1. */
int ics_fail(struct ics_ctx *x, int no, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The whole import stops: a limit passed.  Returns -1. */
int ics_fatal(struct ics_ctx *x, enum error_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Counts steps against ICS_WORK_MAX: -1 (ics_fail, at line `no`) past it. */
int ics_work(struct ics_ctx *x, int no, int64_t steps);

/* Expands the VEVENTs of x->cal into x->out. */
int ics_expand_calendar(struct ics_ctx *x);

/* Why the occurrences of an event are left out. */
enum ics_leave { ICS_LEAVE_CANCELLED, ICS_LEAVE_FREE, ICS_LEAVE_EMPTY, ICS_LEAVE_ABSURD };
#define ICS_LEAVE_KINDS 4

/* One VEVENT, read (ics_event.c). */
struct ics_ev {
	icalcomponent *c;
	int node;            /* its lines */
	size_t order;        /* its place in the file */
	char *uid;
	int seq;
	bool override;       /* it has a RECURRENCE-ID */
	char rid[ICS_RID_MAX]; /* the occurrence it overrides */
	struct ics_time rid_time;
	struct ics_time start;
	int64_t dur;         /* seconds, or days for an all-day event */
	bool has_dur;        /* DTEND or DURATION was given */
	bool cancelled;      /* STATUS:CANCELLED (line status_line) */
	int status_line;
	bool free_time;      /* no busy time: free_why, at busy_line */
	const char *free_why;
	int busy_line;
	char *title, *location; /* NULL when the VEVENT has none */
	bool skipped;        /* its time cannot be worked out... */
	int why_line;        /* ...why (or, when not skipped, the zone guessed) */
	char *why;
	size_t left_out[ICS_LEAVE_KINDS]; /* 1 + its note of each kind, or 0 */
};

/* Reads e->c; e->skipped (with why) when its time cannot be worked out.
 * -1 only when the import stops (x->fatal). */
int ics_ev_read(struct ics_ctx *x, struct ics_ev *e);
void ics_ev_clear(struct ics_ev *e);
/* Its title as stored (the series' for an override without one, or "Busy"). */
const char *ics_ev_title(const struct ics_ev *e, const struct ics_ev *master);
/* A DURATION in seconds, in 64 bits. */
int64_t ics_duration_seconds(struct icaldurationtype d);
/* Text for a title or note: one line, no control characters, at most max
 * bytes (cut at a character); NULL or blank gives `fallback`. */
char *ics_clean_text(const char *s, size_t max, const char *fallback);

/* One occurrence: start, its duration, and what it is. */
struct ics_occ {
	struct ics_ev *e;          /* the VEVENT it comes from */
	const struct ics_ev *master; /* for an override: the series' VEVENT, or NULL */
	const char *rid;           /* NULL for a single event */
	struct ics_time start;
	int64_t dur;
};

/* Adds the occurrence when it touches the range, or notes it left out. */
int ics_occ_emit(struct ics_ctx *x, const struct ics_occ *o);

/* A recurring event's instances near the range (ics_series.c). */
struct ics_series;
struct ics_series *ics_series_new(struct ics_ev *master);
/* An instance that an override replaces (before ics_series_expand). */
void ics_series_override(struct ics_series *s, const char *rid);
int ics_series_expand(struct ics_ctx *x, struct ics_series *s);
/* After ics_series_expand: does override o replace no instance of the
 * series (as far as the days walked tell)? */
bool ics_series_orphan(const struct ics_series *s, const struct ics_ev *o);
void ics_series_free(struct ics_series *s);

#endif
