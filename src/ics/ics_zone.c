/* ics_zone.c - the zone of a TZID in the calendar being read: its own
 * VTIMEZONE when that can be used, else the system's zone of that name,
 * else the calendar's X-WR-TIMEZONE or local time, each guess told. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

#define LOOKUP_STEPS 500     /* a TZID looked up (up to ~150 files tried), in steps */
#define ZONE_LAST_YEAR 2587  /* libical expands a zone's rules up to 2582, +5 */
#define OFFSET_MAX (18 * 3600)
#define WHY_MAX 200

/* ---- the calendar's VTIMEZONEs ---- */

static int vtz_order(const void *pa, const void *pb)
{
	const struct ics_vtz *a = pa, *b = pb;

	return a->c < b->c ? -1 : a->c > b->c;
}

/* The calendar's VTIMEZONE components and their nodes, by address. */
static void vtimezones_list(struct ics_ctx *x)
{
	const struct ics_lines *l = x->lines;
	icalcomponent *c = icalcomponent_get_first_component(x->cal, ICAL_ANY_COMPONENT);
	size_t cap = 0;

	for (size_t k = 0; k < l->n_nodes && c != NULL; k++) {
		if (l->nodes[k].parent != x->cal_node)
			continue;
		if (icalcomponent_isa(c) == ICAL_VTIMEZONE_COMPONENT) {
			x->vtz = xgrow(x->vtz, &cap, x->n_vtz + 1, sizeof *x->vtz);
			x->vtz[x->n_vtz].c = c;
			x->vtz[x->n_vtz++].node = (int)k;
		}
		c = icalcomponent_get_next_component(x->cal, ICAL_ANY_COMPONENT);
	}
	if (x->n_vtz > 1)
		qsort(x->vtz, x->n_vtz, sizeof *x->vtz, vtz_order);
	x->vtz_listed = true;
}

/* The node of a VTIMEZONE component of the calendar, or -1. */
static int vtimezone_node(struct ics_ctx *x, icalcomponent *vtz)
{
	struct ics_vtz key = { .c = vtz }, *found;

	if (!x->vtz_listed)
		vtimezones_list(x);
	found = x->n_vtz > 0 ? bsearch(&key, x->vtz, x->n_vtz, sizeof *x->vtz, vtz_order) : NULL;
	return found != NULL ? found->node : -1;
}

struct zone_why {
	int line;
	char text[WHY_MAX];
};

static bool zone_bad(struct zone_why *w, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool zone_bad(struct zone_why *w, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(w->text, sizeof w->text, fmt, ap);
	va_end(ap);
	w->line = line;
	return false;
}

/* One STANDARD or DAYLIGHT part: usable, and how many changes libical
 * would make of it (added to *changes). */
static bool part_usable(const struct ics_ctx *x, icalcomponent *c, int node,
			int64_t *changes, struct icaltimetype *begins, struct zone_why *w)
{
	const struct ics_lines *l = x->lines;
	icalproperty *start = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
	icalproperty *to = icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY);
	icalproperty *p;
	struct icaltimetype t;
	int begin = l->lines[l->nodes[node].first].no;

	if (start == NULL || icaltime_is_null_time(t = icalproperty_get_dtstart(start)) ||
	    t.year < 0 || t.year >= ZONE_LAST_YEAR)
		return zone_bad(w, begin, "has a %s part without a usable DTSTART",
				l->nodes[node].name);
	if (to == NULL || abs(icalproperty_get_tzoffsetto(to)) > OFFSET_MAX)
		return zone_bad(w, begin, "has a %s part without a usable TZOFFSETTO",
				l->nodes[node].name);
	*changes += 1;
	if (icaltime_is_null_time(*begins) || ics_time_before(t, *begins))
		*begins = t;
	for (p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY)) {
		struct icalrecurrencetype r = icalproperty_get_rrule(p);
		int per_year;
		const char *why = ics_rule_zone_check(&r, t, &per_year);

		if (why != NULL)
			return zone_bad(w, ics_lines_no(l, node, "RRULE"), "changes its offset %s "
					"(a zone changes a few times a year)", why);
		*changes += (int64_t)per_year * (ZONE_LAST_YEAR - t.year);
	}
	*changes += icalcomponent_count_properties(c, ICAL_RDATE_PROPERTY);
	return true;
}

/* Can the VTIMEZONE be used as it is, within what the file may still spend?
 * *begins receives the first time it describes. */
static bool vtimezone_usable(struct ics_ctx *x, icaltimezone *z, struct icaltimetype *begins,
			     struct zone_why *w)
{
	const struct ics_lines *l = x->lines;
	icalcomponent *vtz = icaltimezone_get_component(z), *c;
	int node = vtimezone_node(x, vtz), parts = 0;
	int64_t changes = 0;
	size_t k;

	*begins = icaltime_null_time();
	if (node < 0)
		return zone_bad(w, 0, "cannot be found");
	if (l->nodes[node].fault != NULL)
		return zone_bad(w, l->nodes[node].fault_line, "%s", l->nodes[node].fault);
	c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	for (k = (size_t)node + 1; k < l->n_nodes && c != NULL; k++) {
		icalcomponent_kind kind = icalcomponent_isa(c);

		if (l->nodes[k].parent != node)
			continue;
		if ((kind == ICAL_XSTANDARD_COMPONENT || kind == ICAL_XDAYLIGHT_COMPONENT) &&
		    (parts++, !part_usable(x, c, (int)k, &changes, begins, w)))
			return false;
		c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT);
	}
	if (parts == 0)
		return zone_bad(w, l->lines[l->nodes[node].first].no, "has no STANDARD or "
				"DAYLIGHT part");
	if (changes > (int64_t)(ICS_WORK_MAX - x->work))
		return zone_bad(w, l->lines[l->nodes[node].first].no, "has more changes than the "
				"file may take steps to expand (%d)", ICS_WORK_MAX);
	x->work += (size_t)changes;
	return true;
}

/* ---- zones made for offsets ---- */

static icaltimezone *zone_fixed(struct ics_ctx *x, int seconds)
{
	int a = abs(seconds) / 60;
	char text[300], off[16];
	icalcomponent *c;
	icaltimezone *z;

	snprintf(off, sizeof off, "%c%02d%02d", seconds < 0 ? '-' : '+', a / 60, a % 60);
	snprintf(text, sizeof text, "BEGIN:VTIMEZONE\r\nTZID:UTC%s\r\nBEGIN:STANDARD\r\n"
		 "DTSTART:16010101T000000\r\nTZOFFSETFROM:%s\r\nTZOFFSETTO:%s\r\n"
		 "END:STANDARD\r\nEND:VTIMEZONE\r\n", off, off, off);
	c = icalparser_parse_string(text);
	z = icaltimezone_new();
	if (c == NULL || z == NULL || !icaltimezone_set_component(z, c)) {
		if (c != NULL)
			icalcomponent_free(c);
		if (z != NULL)
			icaltimezone_free(z, 1);
		return NULL;
	}
	x->made = xgrow(x->made, &x->cap_made, x->n_made + 1, sizeof *x->made);
	x->made[x->n_made++] = z;
	return z;
}

/* The system's zone of a name, or of a bare offset. */
static icaltimezone *zone_system(struct ics_ctx *x, const char *tzid,
				 char iana[ICS_ZONE_NAME_MAX + 1])
{
	icaltimezone *z = ics_zone_named(tzid, iana);
	int seconds;

	if (z == NULL && ics_zone_offset(tzid, &seconds)) {
		int a = abs(seconds) / 60;

		snprintf(iana, ICS_ZONE_NAME_MAX + 1, "UTC%c%02d:%02d", seconds < 0 ? '-' : '+',
			 a / 60, a % 60);
		z = zone_fixed(x, seconds);
	}
	return z;
}

/* ---- floating times ---- */

icaltimezone *ics_zone_floating(struct ics_ctx *x)
{
	long i;
	char name[ICS_ZONE_NAME_MAX * 4], iana[ICS_ZONE_NAME_MAX + 1];
	icaltimezone *own;
	struct icaltimetype begins;
	struct zone_why w;

	if (x->floating_read)
		return x->floating;
	x->floating_read = true;
	i = ics_lines_find(x->lines, x->cal_node, "X-WR-TIMEZONE");
	if (i < 0)
		return NULL;
	snprintf(name, sizeof name, "%s", ics_line_value(x->lines, (size_t)i));
	own = icalcomponent_get_timezone(x->cal, name);
	if (own != NULL && vtimezone_usable(x, own, &begins, &w))
		x->floating = own;
	else
		x->floating = zone_system(x, name, iana);
	if (x->floating == NULL)
		ics_note_add(x->out, ICS_NOTE_IGNORED, x->lines->lines[i].no, NULL,
			     "X-WR-TIMEZONE \"%.60s\" is no zone focusweek knows: floating times "
			     "are read as local time", name);
	return x->floating;
}

/* ---- a TZID ---- */

static char *zone_guess(struct ics_ctx *x, const char *problem)
{
	char text[WHY_MAX * 4], iana[ICS_ZONE_NAME_MAX + 1] = "";
	icaltimezone *f = ics_zone_floating(x);
	long i = ics_lines_find(x->lines, x->cal_node, "X-WR-TIMEZONE");

	if (f != NULL && i >= 0)
		snprintf(iana, sizeof iana, "%.60s", ics_line_value(x->lines, (size_t)i));
	if (f != NULL)
		snprintf(text, sizeof text, "%s: read in %s, the calendar's X-WR-TIMEZONE",
			 problem, iana);
	else
		snprintf(text, sizeof text, "%s: read as local time", problem);
	return xstrdup(text);
}

static void zone_resolve(struct ics_ctx *x, struct ics_zone *z)
{
	icaltimezone *own = icalcomponent_get_timezone(x->cal, z->tzid), *sys;
	char problem[WHY_MAX * 2];
	struct zone_why w = { 0, "" };

	sys = zone_system(x, z->tzid, z->system_name);
	if (own != NULL && vtimezone_usable(x, own, &z->begins, &w)) {
		z->zone = own;
		z->system = sys; /* for times before the VTIMEZONE begins */
		return;
	}
	if (own != NULL)
		snprintf(problem, sizeof problem, "the VTIMEZONE \"%.60s\" %s (line %d)", z->tzid,
			 w.text, w.line);
	if (sys != NULL) {
		z->zone = sys;
		if (own != NULL) {
			char text[WHY_MAX * 3];

			snprintf(text, sizeof text, "%s: read in the system's %s", problem,
				 z->system_name);
			z->guess = xstrdup(text);
		}
		return;
	}
	if (own == NULL)
		snprintf(problem, sizeof problem, "the time zone \"%.60s\" is defined nowhere "
			 "(no VTIMEZONE, and no zone has that name)", z->tzid);
	z->zone = ics_zone_floating(x);
	z->guess = zone_guess(x, problem);
}

static int zone_order(const void *key, const void *entry)
{
	return strcmp(key, (*(struct ics_zone *const *)entry)->tzid);
}

const struct ics_zone *ics_zone_of(struct ics_ctx *x, const char *tzid)
{
	size_t lo = 0, hi = x->n_zones;
	struct ics_zone *z;

	while (lo < hi) { /* the first entry not before tzid */
		size_t mid = lo + (hi - lo) / 2;
		int c = zone_order(tzid, &x->zones[mid]);

		if (c == 0)
			return x->zones[mid];
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (x->work + LOOKUP_STEPS > ICS_WORK_MAX)
		return NULL;
	x->work += LOOKUP_STEPS;
	z = xcalloc(1, sizeof *z);
	z->tzid = xstrdup(tzid);
	x->zones = xgrow(x->zones, &x->cap_zones, x->n_zones + 1, sizeof *x->zones);
	memmove(x->zones + lo + 1, x->zones + lo, (x->n_zones - lo) * sizeof *x->zones);
	x->zones[lo] = z;
	x->n_zones++;
	zone_resolve(x, z);
	return z;
}

void ics_zones_clear(struct ics_ctx *x)
{
	for (size_t i = 0; i < x->n_zones; i++) {
		free(x->zones[i]->tzid);
		free(x->zones[i]->guess);
		free(x->zones[i]);
	}
	for (size_t i = 0; i < x->n_made; i++)
		icaltimezone_free(x->made[i], 1);
	free(x->zones);
	free(x->made);
	free(x->vtz);
	x->zones = NULL;
	x->made = NULL;
	x->vtz = NULL;
	x->n_zones = x->cap_zones = x->n_made = x->cap_made = x->n_vtz = 0;
	x->vtz_listed = false;
	x->floating_read = false;
	x->floating = NULL;
}
