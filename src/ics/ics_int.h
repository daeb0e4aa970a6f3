/* ics_int.h - what the calendar modules (src/ics_*.c) share.  Private. */
#ifndef FOCUSWEEK_ICS_INT_H
#define FOCUSWEEK_ICS_INT_H

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
#define icalparameter_get_tzid (ics_lib()->icalparameter_get_tzid)
#define icalparameter_new_tzid (ics_lib()->icalparameter_new_tzid)
#define icalparser_add_line (ics_lib()->icalparser_add_line)
#define icalparser_free (ics_lib()->icalparser_free)
#define icalparser_new (ics_lib()->icalparser_new)
#define icalproperty_add_parameter (ics_lib()->icalproperty_add_parameter)
#define icalproperty_new_action (ics_lib()->icalproperty_new_action)
#define icalproperty_new_trigger (ics_lib()->icalproperty_new_trigger)
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
#define icalproperty_get_xlicerror (ics_lib()->icalproperty_get_xlicerror)
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
#define icaltime_as_timet_with_zone (ics_lib()->icaltime_as_timet_with_zone)
#define icaltime_from_timet_with_zone (ics_lib()->icaltime_from_timet_with_zone)
#define icaltime_is_null_time (ics_lib()->icaltime_is_null_time)
#define icaltime_is_utc (ics_lib()->icaltime_is_utc)
#define icaltime_null_time (ics_lib()->icaltime_null_time)
#define icaltimezone_get_builtin_timezone (ics_lib()->icaltimezone_get_builtin_timezone)
#define icaltimezone_set_component (ics_lib()->icaltimezone_set_component)
#define icaltimezone_new (ics_lib()->icaltimezone_new)
#define icaltimezone_free (ics_lib()->icaltimezone_free)
#define icaltimezone_get_component (ics_lib()->icaltimezone_get_component)
#define icaltimezone_get_utc_timezone (ics_lib()->icaltimezone_get_utc_timezone)
#define icaltimezone_truncate_vtimezone (ics_lib()->icaltimezone_truncate_vtimezone)

/* ---- ics_alarm.c: reminders ---- */

/* Adds to event ev a VALARM that shows `text` `minutes` before it starts
 * (0: as it starts).  The one way focusweek writes a reminder, for the
 * vdir's files and for exports alike. */
void ics_valarm_add(icalcomponent *ev, int minutes, const char *text);

/* ---- ics_busy.c ---- */

/* Does an event of the file repeat (an RRULE or RDATE in a VEVENT)?  Read
 * from the text as it is; a text too odd to tell says yes. */
bool ics_text_repeats(const char *text, size_t len);

/* ---- ics_lines.c: the file as content lines, with their line numbers ---- */

#define ICS_DEPTH_MAX 8        /* nested components */
#define ICS_LINE_MAX (1u << 20) /* bytes in one unfolded content line */

struct ics_line {
	size_t off;   /* of its text in ics_lines.text */
	int no;       /* the physical line it starts on (1-based) */
	int node;     /* the component it is in (BEGIN/END: the one it opens or closes) */
};

/* One component, as the lines show it. */
struct ics_node {
	char name[32];  /* upper case: "VEVENT" */
	int parent;     /* index of the enclosing node, or -1 */
	size_t first;   /* index of its BEGIN line */
	size_t last;    /* index of its END line */
};

struct ics_lines {
	char *text;             /* the unfolded lines, each NUL-terminated */
	struct ics_line *lines;
	size_t n_lines, cap_lines;
	struct ics_node *nodes; /* in the order of their BEGIN lines */
	size_t n_nodes, cap_nodes;
};

/*
 * Splits and unfolds the file, and checks what libical would let pass: valid
 * UTF-8, no control characters, NAME[;PARAM=VALUE...]:VALUE on every line,
 * BEGIN and END that match, only VCALENDARs at the top.
 */
int ics_lines_read(struct ics_lines *l, const char *text, size_t len, struct error *err);
void ics_lines_free(struct ics_lines *l);
const char *ics_line_text(const struct ics_lines *l, size_t i);
/* Does line i name property `name` (case-insensitive)? */
bool ics_line_is(const struct ics_lines *l, size_t i, const char *name);
/* Index of the first line of property `name` directly in node, or -1. */
long ics_lines_find(const struct ics_lines *l, int node, const char *name);
/* The line number for messages about `name` in node: its line, or the
 * node's BEGIN line when it has none. */
int ics_lines_no(const struct ics_lines *l, int node, const char *name);

/* ---- ics_zone.c: time zones ---- */

/* Could this be an IANA zone name?  Letters, digits, "_+-", "/" between
 * parts; no dots, so no path can climb out of the zone folder. */
bool ics_zone_name_ok(const char *name);
/* The zone a TZID names: the calendar's own VTIMEZONE, else a zone libical
 * has under that IANA name (or the one a Windows name stands for, or the
 * IANA name at the end of a "/vendor/.../Europe/Berlin" TZID).  NULL when
 * unknown. */
icaltimezone *ics_zone_resolve(icalcomponent *cal, const char *tzid);
/* The zone of the same VTIMEZONE as own's, shared by every calendar read in
 * this process (worked out once; ics_zone_share.c), or own itself. */
icaltimezone *ics_zone_shared(icaltimezone *own);
/* The IANA zone of a Windows zone name ("W. Europe Standard Time"), or NULL. */
const char *ics_zone_windows(const char *name);
/* Entry i of the table of Windows names (NULL past its end), for tests. */
const char *ics_zone_windows_at(size_t i, const char **iana);

/* ---- ics_time.c: the times of events ---- */

struct ics_ctx;

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

/* Reads the value t of prop (the property `name` of node, for messages),
 * resolving its TZID. */
int ics_time_of(struct ics_ctx *x, int node, icalproperty *prop, const char *name,
		struct icaltimetype t, struct ics_time *out);
/* b - a: seconds between date-times (between the wall clocks when one is
 * outside the years 1900..9999), days between dates. */
int64_t ics_time_diff(const struct ics_time *a, const struct ics_time *b);
/* The identity of an occurrence that starts at t (see ics.h). */
void ics_time_rid(const struct ics_time *t, char out[ICS_RID_MAX]);
/* The date, or the date and time, of t's fields as written ("YYYYMMDD",
 * "YYYYMMDDTHHMMSS"), for EXDATEs that are dates or floating times. */
void ics_time_rid_date(const struct ics_time *t, char out[ICS_RID_MAX]);
void ics_time_rid_wall(const struct ics_time *t, char out[ICS_RID_MAX]);
/* Days since 1970-01-01 of t's date as written, in its own zone. */
int64_t ics_time_wall_day(const struct ics_time *t);
/* Midnight of `day` (as ics_time_wall_day counts) in the zone of `like`. */
struct icaltimetype ics_time_day_start(const struct ics_time *like, int64_t day);
/* Local days and minutes of an occurrence of `dur` (seconds, or days for a
 * date); -1 when it lies outside the years 1900..9999. */
int ics_time_span(const struct ics_time *start, int64_t dur, struct ics_span *out);

/* ---- ics_expand.c: events to occurrences ---- */

struct ics_ctx {
	const struct ics_lines *lines;
	date_t from, to;
	struct ics_calendar *out;
	struct error *err;
	icalcomponent *cal;  /* the VCALENDAR being expanded */
	int cal_node;
	size_t cap_events, cap_uids;
	size_t work;         /* steps of expansion so far (see ics_expand.c) */
};

/* Expands the VEVENTs of x->cal into x->out. */
int ics_expand_calendar(struct ics_ctx *x);
/* Text for a title or note: one line, no control characters, at most max
 * bytes (cut at a character); NULL or blank gives `fallback`. */
char *ics_clean_text(const char *s, size_t max, const char *fallback);

#endif
