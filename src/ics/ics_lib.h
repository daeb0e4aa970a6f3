/* ics_lib.h - libical, opened when a calendar is first read or written.
 *
 * libical brings ICU and the C++ runtime with it.  Loading them at every
 * start cost each command about 4.5 million instructions and 1.4 ms (more
 * than all the rest of `focusweek week`) and 4 MB of memory, for the few
 * commands that read or write calendars.  So the program does not link
 * libical: the calendar code opens it with dlopen on first use and calls
 * it through a table of the functions it uses (ics_int.h routes every
 * call there).  Private to src/ics/.
 */
#ifndef FOCUSWEEK_ICS_LIB_H
#define FOCUSWEEK_ICS_LIB_H

#include <libical/ical.h>

#include "error.h"

/* Every libical function the calendar code calls. */
#define ICS_LIB_FUNCTIONS(X) \
	X(icalcomponent_add_component) \
	X(icalcomponent_add_property) \
	X(icalcomponent_as_ical_string_r) \
	X(icalcomponent_count_properties) \
	X(icalcomponent_free) \
	X(icalcomponent_get_first_component) \
	X(icalcomponent_get_first_property) \
	X(icalcomponent_get_location) \
	X(icalcomponent_get_next_component) \
	X(icalcomponent_get_next_property) \
	X(icalcomponent_get_status) \
	X(icalcomponent_get_summary) \
	X(icalcomponent_get_timezone) \
	X(icalcomponent_get_uid) \
	X(icalcomponent_isa) \
	X(icalcomponent_new) \
	X(icalcomponent_new_clone) \
	X(icalcomponent_remove_component) \
	X(icaldurationtype_from_int) \
	X(icalparameter_get_tzid) \
	X(icalparameter_new_tzid) \
	X(icalparser_add_line) \
	X(icalparser_free) \
	X(icalparser_new) \
	X(icalparser_parse_string) \
	X(icalproperty_add_parameter) \
	X(icalproperty_get_dtend) \
	X(icalproperty_get_dtstart) \
	X(icalproperty_get_duration) \
	X(icalproperty_get_exdate) \
	X(icalproperty_get_first_parameter) \
	X(icalproperty_get_rdate) \
	X(icalproperty_get_recurrenceid) \
	X(icalproperty_get_rrule) \
	X(icalproperty_get_sequence) \
	X(icalproperty_get_transp) \
	X(icalproperty_get_tzoffsetfrom) \
	X(icalproperty_get_tzoffsetto) \
	X(icalproperty_isa) \
	X(icalproperty_get_xlicerror) \
	X(icalproperty_new_action) \
	X(icalproperty_new_calscale) \
	X(icalproperty_new_categories) \
	X(icalproperty_new_description) \
	X(icalproperty_new_dtend) \
	X(icalproperty_new_dtstamp) \
	X(icalproperty_new_dtstart) \
	X(icalproperty_new_method) \
	X(icalproperty_new_prodid) \
	X(icalproperty_new_summary) \
	X(icalproperty_new_transp) \
	X(icalproperty_new_trigger) \
	X(icalproperty_new_uid) \
	X(icalproperty_new_version) \
	X(icalproperty_new_x) \
	X(icalproperty_set_rrule) \
	X(icalproperty_set_tzid) \
	X(icalproperty_set_x_name) \
	X(icalrecur_iterator_free) \
	X(icalrecur_iterator_new) \
	X(icalrecur_iterator_next) \
	X(icalrecur_iterator_set_start) \
	X(icalrecurrencetype_as_string_r) \
	X(icalrecurrencetype_day_day_of_week) \
	X(icalrecurrencetype_day_position) \
	X(icalrecurrencetype_month_is_leap) \
	X(icalrecurrencetype_month_month) \
	X(icaltime_as_timet_with_zone) \
	X(icaltime_from_timet_with_zone) \
	X(icaltime_is_null_time) \
	X(icaltime_is_utc) \
	X(icaltime_null_time) \
	X(icaltimezone_get_builtin_timezone) \
	X(icaltimezone_get_component) \
	X(icaltimezone_get_location) \
	X(icaltimezone_free) \
	X(icaltimezone_get_utc_offset) \
	X(icaltimezone_get_utc_timezone) \
	X(icaltimezone_new) \
	X(icaltimezone_set_component) \
	X(icaltimezone_truncate_vtimezone)

struct ics_lib {
#define ICS_LIB_POINTER(name) __typeof__(name) *name;
	ICS_LIB_FUNCTIONS(ICS_LIB_POINTER)
#undef ICS_LIB_POINTER
};

/* Opens libical and takes its functions, once per process; 0, or -1 with
 * a message naming the library and the package to install (err may be
 * NULL).  Every entry point of the calendar code calls it before any other
 * libical call. */
int ics_lib_open(struct error *err);
/* The table, after a successful ics_lib_open (a call before it is a broken
 * invariant and aborts). */
const struct ics_lib *ics_lib(void);

#endif
