/* ics_time.c - the times of events: zones resolved, instants, local days. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ics_int.h"

/* 1900-01-02 and 9999-12-30 (UTC): local dates on any zone stay inside the
 * years a plan can hold. */
#define INSTANT_MIN (-2208902400LL)
#define INSTANT_MAX 253402128000LL
#define DAYS_MAX 3660000 /* an all-day event lasts at most ~10,000 years */

int64_t ics_civil_days(int y, int m, int d)
{
	int64_t yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int64_t ics_time_wall_day(const struct ics_time *t)
{
	return ics_civil_days(t->t.year, t->t.month, t->t.day);
}

struct icaltimetype ics_time_day_start(const struct ics_time *like, int64_t day)
{
	struct icaltimetype t = like->t;

	civil_from_days(day, &t.year, &t.month, &t.day);
	t.hour = t.minute = t.second = 0;
	t.zone = like->zone;
	return t;
}

bool ics_time_before(struct icaltimetype a, struct icaltimetype b)
{
	int fa[] = { a.year, a.month, a.day, a.hour, a.minute, a.second };
	int fb[] = { b.year, b.month, b.day, b.hour, b.minute, b.second };

	for (size_t i = 0; i < sizeof fa / sizeof fa[0]; i++)
		if (fa[i] != fb[i])
			return fa[i] < fb[i];
	return false;
}

/* What was assumed of the zone of the event being read (the first stays). */
static void zone_note(struct ics_ctx *x, int node, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void zone_note(struct ics_ctx *x, int node, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (x->guess[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(x->guess, sizeof x->guess, fmt, ap);
	va_end(ap);
	x->guess_line = ics_lines_no(x->lines, node, name);
}

int ics_time_of(struct ics_ctx *x, int node, icalproperty *prop, const char *name,
		struct icaltimetype t, enum ics_floating floating, struct ics_time *out)
{
	icalparameter *tzp = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
	const char *tzid = tzp != NULL ? icalparameter_get_tzid(tzp) : NULL;
	const struct ics_zone *z;

	memset(out, 0, sizeof *out);
	out->t = t;
	out->date = t.is_date != 0;
	if (icaltime_is_null_time(t) || t.year < 1 || t.year > 9999)
		return ics_fail(x, ics_lines_no(x->lines, node, name), "%s has no usable date",
				name);
	if (out->date)
		return 0;
	if (icaltime_is_utc(t)) {
		out->zone = icaltimezone_get_utc_timezone();
		return 0;
	}
	if (tzid == NULL) {
		/* Floating: the calendar's own zone when it names one. */
		if (floating == ICS_FLOAT_CALENDAR)
			out->zone = ics_zone_floating(x);
		return 0;
	}
	z = ics_zone_of(x, tzid);
	if (z == NULL)
		return ics_fail(x, ics_lines_no(x->lines, node, name), "the file has too many "
				"time zones to look up (more than %d steps of work)", ICS_WORK_MAX);
	out->zone = z->zone;
	if (z->system != NULL && ics_time_before(t, z->begins)) {
		/* A VTIMEZONE cut to recent years (as many writers make them). */
		out->zone = z->system;
		zone_note(x, node, name, "the VTIMEZONE \"%.60s\" begins in %04d: earlier times "
			  "read in the system's %s", tzid, z->begins.year, z->system_name);
	} else if (z->guess != NULL) {
		zone_note(x, node, name, "%s", z->guess);
	}
	return 0;
}

/* The instant of a date-time; a floating one is taken as local time. */
static int time_instant(const struct ics_time *t, instant_t *out)
{
	int64_t day = ics_civil_days(t->t.year, t->t.month, t->t.day);

	if (t->zone != NULL) {
		struct icaltimetype tt = t->t;

		tt.zone = t->zone;
		*out = (instant_t)icaltime_as_timet_with_zone(tt, t->zone);
	} else {
		if (day < ics_civil_days(DATE_YEAR_MIN, 1, 1) || day > ics_civil_days(DATE_YEAR_MAX, 12, 31))
			return -1;
		clock_from_local((date_t)day, t->t.hour * 60 + t->t.minute, out);
		*out += t->t.second;
	}
	return *out < INSTANT_MIN || *out > INSTANT_MAX ? -1 : 0;
}

int64_t ics_time_diff(const struct ics_time *a, const struct ics_time *b)
{
	instant_t ia, ib;

	if (a->date)
		return ics_time_wall_day(b) - ics_time_wall_day(a);
	if (time_instant(a, &ia) == 0 && time_instant(b, &ib) == 0)
		return ib - ia;
	/* Outside the years of a plan (an anniversary set in 1890): the wall
	 * clocks' difference, which is what its occurrences will last. */
	return (ics_time_wall_day(b) - ics_time_wall_day(a)) * 86400 +
	       (b->t.hour - a->t.hour) * 3600 + (b->t.minute - a->t.minute) * 60 +
	       (b->t.second - a->t.second);
}

void ics_time_rid_date(const struct ics_time *t, char out[ICS_RID_MAX])
{
	snprintf(out, ICS_RID_MAX, "%04d%02d%02d", t->t.year, t->t.month, t->t.day);
}

void ics_time_rid_wall(const struct ics_time *t, char out[ICS_RID_MAX])
{
	snprintf(out, ICS_RID_MAX, "%04d%02d%02dT%02d%02d%02d", t->t.year, t->t.month, t->t.day,
		 t->t.hour, t->t.minute, t->t.second);
}

void ics_time_rid(const struct ics_time *t, char out[ICS_RID_MAX])
{
	instant_t i;
	int y, m, d;
	int64_t sec;

	if (t->date) {
		ics_time_rid_date(t, out);
		return;
	}
	if (t->zone == NULL || time_instant(t, &i) != 0) {
		ics_time_rid_wall(t, out);
		return;
	}
	sec = ((i % 86400) + 86400) % 86400;
	civil_from_days((i - sec) / 86400, &y, &m, &d);
	snprintf(out, ICS_RID_MAX, "%04d%02d%02dT%02d%02d%02dZ", y, m, d, (int)(sec / 3600),
		 (int)(sec / 60 % 60), (int)(sec % 60));
}

static int span_dates(const struct ics_time *start, int64_t days, struct ics_span *out)
{
	int64_t first = ics_time_wall_day(start);

	if (first < ics_civil_days(DATE_YEAR_MIN, 1, 1) || first > ics_civil_days(DATE_YEAR_MAX, 12, 31))
		return -1;
	if (days > DAYS_MAX)
		days = DAYS_MAX;
	out->first = (date_t)first;
	out->last = (date_t)(first + (days > 0 ? days : 1) - 1);
	out->start = 0;
	out->end = DATE_MINUTES_PER_DAY;
	return 0;
}

int ics_time_span(const struct ics_time *start, int64_t dur, struct ics_span *out)
{
	instant_t s, e;
	int sec;

	if (start->date)
		return span_dates(start, dur, out);
	if (time_instant(start, &s) != 0 || dur > INSTANT_MAX - s)
		return -1;
	e = s + dur;
	clock_to_local(s, &out->first, &out->start, NULL);
	clock_to_local(e, &out->last, &out->end, &sec);
	if (sec > 0 && ++out->end == DATE_MINUTES_PER_DAY) { /* a part-minute counts whole */
		out->last++;
		out->end = 0;
	}
	if (out->end == 0 && e > s) { /* ends at midnight: 24:00 of the day before */
		out->last--;
		out->end = DATE_MINUTES_PER_DAY;
	}
	if (dur > 0 && (out->last < out->first ||
			(out->last == out->first && out->end <= out->start))) {
		/* The clocks went back during it: keep its real length on the start day. */
		int64_t minutes = (dur + 59) / 60;

		out->last = out->first;
		out->end = out->start + (int)(minutes < DATE_MINUTES_PER_DAY - out->start
						      ? minutes : DATE_MINUTES_PER_DAY - out->start);
	}
	return 0;
}
