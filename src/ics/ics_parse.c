/* ics_parse.c - a calendar file, through libical, into occurrences: the
 * entry point, and errors traced back to their lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

/* The properties an import reads: an error in one of them fails the file.
 * libical drops other broken properties (an odd X-property, a VALARM's
 * TRIGGER), which cannot change what is imported. */
static const char *const used_props[] = {
	"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "UID",
	"SUMMARY", "LOCATION", "STATUS", "TRANSP", "SEQUENCE",
};

static bool line_used(const struct ics_lines *l, size_t i)
{
	for (size_t k = 0; k < sizeof used_props / sizeof used_props[0]; k++)
		if (ics_line_is(l, i, used_props[k]))
			return true;
	return false;
}

/* libical's complaint about one content line read on its own, or false. */
static bool line_error(const char *line, char *msg, size_t size)
{
	icalparser *ps = icalparser_new();
	char begin[] = "BEGIN:VCALENDAR", end[] = "END:VCALENDAR";
	char *copy = xstrdup(line);
	icalcomponent *root;
	icalproperty *e;

	icalparser_add_line(ps, begin);
	icalparser_add_line(ps, copy);
	root = icalparser_add_line(ps, end);
	e = root != NULL ? icalcomponent_get_first_property(root, ICAL_XLICERROR_PROPERTY) : NULL;
	if (e != NULL)
		snprintf(msg, size, "%s", icalproperty_get_xlicerror(e));
	icalcomponent_free(root);
	icalparser_free(ps);
	free(copy);
	return e != NULL;
}

/* libical says "Can't parse as DATE-TIME value in DTSTART property.
 * Removing entire property: 2026-03-25T09:00"; keep what went wrong, in
 * lower case, without what libical did about it or the text it quotes. */
static void error_tidy(char *msg)
{
	char *cut = strstr(msg, ". Removing entire property");

	if (cut == NULL)
		cut = strstr(msg, ": ");
	if (cut != NULL)
		*cut = '\0';
	if (msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' && msg[1] <= 'Z'))
		msg[0] = (char)(msg[0] - 'A' + 'a');
}

/* Empty values are legal ("LOCATION:" in Google's exports); libical drops
 * those properties with an error that changes nothing for us. */
static bool only_empty_values(icalcomponent *c)
{
	icalproperty *e;

	for (e = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); e != NULL;
	     e = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
		if (strncmp(icalproperty_get_xlicerror(e), "No value for ", 13) != 0)
			return false;
	return true;
}

/* A component libical complained about: find the line. */
static int locate_error(const struct ics_lines *l, icalcomponent *c, int node, bool all,
			struct error *err)
{
	const struct ics_node *nd = &l->nodes[node];
	char msg[300];
	icalproperty *e;

	if (only_empty_values(c))
		return 0;
	for (size_t i = nd->first + 1; i < nd->last; i++) {
		const char *colon;

		if (l->lines[i].node != node || (!all && !line_used(l, i)))
			continue;
		colon = strchr(ics_line_text(l, i), ':');
		if (colon != NULL && colon[1] == '\0')
			continue; /* an empty value: see only_empty_values */
		if (line_error(ics_line_text(l, i), msg, sizeof msg)) {
			error_tidy(msg);
			return error_set(err, ERR_DATA, "line %d: cannot read \"%.60s\": %s",
					 l->lines[i].no, ics_line_text(l, i), msg);
		}
	}
	if (!all)
		return 0; /* a property the import does not read */
	e = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	snprintf(msg, sizeof msg, "%s", e != NULL ? icalproperty_get_xlicerror(e) : "?");
	error_tidy(msg);
	return error_set(err, ERR_DATA, "line %d: this %s cannot be read: %s",
			 l->lines[nd->first].no, nd->name, msg);
}

/* Walks c and its node together; fails on an error that matters. */
static int check_component(const struct ics_lines *l, icalcomponent *c, int node, bool in_tz,
			   struct error *err)
{
	icalcomponent_kind kind = icalcomponent_isa(c);
	bool tz = in_tz || kind == ICAL_VTIMEZONE_COMPONENT;
	icalcomponent *k;
	size_t n;

	if (kind == ICAL_XLICINVALID_COMPONENT || kind == ICAL_X_COMPONENT)
		return 0; /* not one we know: nothing of it is read */
	if ((kind == ICAL_VEVENT_COMPONENT || tz) &&
	    icalcomponent_count_properties(c, ICAL_XLICERROR_PROPERTY) > 0 &&
	    locate_error(l, c, node, tz, err) != 0)
		return -1;
	k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	for (n = (size_t)node + 1; n < l->n_nodes && k != NULL; n++) {
		if (l->nodes[n].parent != node)
			continue;
		if (check_component(l, k, (int)n, tz, err) != 0)
			return -1;
		k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT);
	}
	return 0;
}

/* Feeds the lines to libical: one component per VCALENDAR, in order. */
static size_t feed(struct ics_lines *l, icalcomponent ***out)
{
	icalparser *ps = icalparser_new();
	icalcomponent **cals = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < l->n_lines; i++) {
		icalcomponent *c = icalparser_add_line(ps, l->text + l->lines[i].off);

		if (c != NULL) {
			cals = xgrow(cals, &cap, n + 1, sizeof *cals);
			cals[n++] = c;
		}
	}
	icalparser_free(ps);
	*out = cals;
	return n;
}

static int event_order(const void *pa, const void *pb)
{
	const struct ics_event *a = pa, *b = pb;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->all_day != b->all_day)
		return a->all_day ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return strcmp(a->uid, b->uid);
}

static int str_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void calendar_finish(struct ics_calendar *cal)
{
	size_t j = 0;

	if (cal->n_events > 1)
		qsort(cal->events, cal->n_events, sizeof *cal->events, event_order);
	if (cal->n_uids > 1)
		qsort(cal->uids, cal->n_uids, sizeof *cal->uids, str_order);
	for (size_t i = 0; i < cal->n_uids; i++) {
		if (j > 0 && strcmp(cal->uids[j - 1], cal->uids[i]) == 0)
			free(cal->uids[i]);
		else
			cal->uids[j++] = cal->uids[i];
	}
	cal->n_uids = j;
}

/* The top-level nodes (the VCALENDARs) in order. */
static int top_node(const struct ics_lines *l, size_t nth)
{
	for (size_t k = 0; k < l->n_nodes; k++)
		if (l->nodes[k].parent < 0 && nth-- == 0)
			return (int)k;
	return -1;
}

static int parse_calendars(struct ics_lines *l, icalcomponent **cals, size_t n,
			   struct ics_ctx *x)
{
	for (size_t i = 0; i < n; i++) {
		int node = top_node(l, i);

		if (node < 0 || icalcomponent_isa(cals[i]) != ICAL_VCALENDAR_COMPONENT)
			return error_set(x->err, ERR_DATA, "line 1: libical could not read the "
					 "calendar");
		if (check_component(l, cals[i], node, false, x->err) != 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		x->cal = cals[i];
		x->cal_node = top_node(l, i);
		if (ics_expand_calendar(x) != 0)
			return -1;
	}
	return 0;
}

int ics_parse(const char *text, size_t len, date_t from, date_t to,
	      struct ics_calendar **out, struct error *err)
{
	struct ics_lines l;
	struct ics_ctx x = { .lines = &l, .from = from, .to = to, .err = err };
	icalcomponent **cals = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	if (len > ICS_FILE_MAX)
		return error_set(err, ERR_DATA, "the file is larger than %u MiB",
				 ICS_FILE_MAX >> 20);
	if (from > to)
		return error_set(err, ERR_USAGE, "the range ends before it starts");
	if (ics_lib_open(err) != 0 || ics_lines_read(&l, text, len, err) != 0)
		return -1;
	n = feed(&l, &cals);
	x.out = xcalloc(1, sizeof *x.out);
	rc = parse_calendars(&l, cals, n, &x);
	for (size_t i = 0; i < n; i++)
		icalcomponent_free(cals[i]);
	free(cals);
	ics_lines_free(&l);
	if (rc != 0) {
		ics_calendar_free(x.out);
		return -1;
	}
	calendar_finish(x.out);
	*out = x.out;
	return 0;
}

void ics_calendar_free(struct ics_calendar *cal)
{
	if (cal == NULL)
		return;
	for (size_t i = 0; i < cal->n_events; i++) {
		free(cal->events[i].uid);
		free(cal->events[i].title);
		free(cal->events[i].location);
	}
	for (size_t i = 0; i < cal->n_uids; i++)
		free(cal->uids[i]);
	free(cal->events);
	free(cal->uids);
	free(cal);
}
