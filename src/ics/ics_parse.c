/* ics_parse.c - a calendar file, through libical, into occurrences: the
 * entry points, and libical's complaints traced back to their lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

#define SHOWN_MAX 60  /* bytes of a line quoted in a message */

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

/* The VTIMEZONE a node is part of, or -1. */
static int zone_of_node(const struct ics_lines *l, int node)
{
	for (int n = node; n >= 0; n = l->nodes[n].parent)
		if (strcmp(l->nodes[n].name, "VTIMEZONE") == 0)
			return n;
	return -1;
}

/* A line libical cannot read: its event's or zone's fault when it bears on
 * time there, else a note. */
static void line_refused(struct ics_lines *l, struct ics_calendar *cal, int node, size_t i,
			 const char *msg)
{
	const char *s = ics_line_text(l, i);
	int zone = zone_of_node(l, node), no = l->lines[i].no;

	if (zone >= 0)
		ics_node_fault(l, zone, no, "cannot read \"%.*s\": %s", SHOWN_MAX, s, msg);
	else if (strcmp(l->nodes[node].name, "VEVENT") == 0 && ics_prop_is_time(s))
		ics_node_fault(l, node, no, "cannot read \"%.*s\": %s", SHOWN_MAX, s, msg);
	else
		ics_note_add(cal, ICS_NOTE_IGNORED, no, NULL, "cannot read \"%.*s\": %s",
			     SHOWN_MAX, s, msg);
}

/* A component libical complained about: find the lines. */
static void locate_errors(struct ics_lines *l, struct ics_calendar *cal, icalcomponent *c,
			  int node)
{
	const struct ics_node *nd = &l->nodes[node];
	char msg[300];
	bool found = false;

	if (only_empty_values(c))
		return;
	for (size_t i = nd->first + 1; i < nd->last; i++) {
		const char *colon;

		if (l->lines[i].node != node)
			continue;
		colon = strchr(ics_line_text(l, i), ':');
		if (colon != NULL && colon[1] == '\0')
			continue; /* an empty value: see only_empty_values */
		if (line_error(ics_line_text(l, i), msg, sizeof msg)) {
			error_tidy(msg);
			line_refused(l, cal, node, i, msg);
			found = true;
		}
	}
	if (!found && zone_of_node(l, node) >= 0) {
		icalproperty *e = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);

		snprintf(msg, sizeof msg, "%s", e != NULL ? icalproperty_get_xlicerror(e) : "?");
		error_tidy(msg);
		ics_node_fault(l, zone_of_node(l, node), l->lines[nd->first].no,
			       "this %s cannot be read: %s", nd->name, msg);
	}
}

/* Walks c and its node together, noting what libical could not read in
 * the components that are imported or used. */
static void check_component(struct ics_lines *l, struct ics_calendar *cal, icalcomponent *c,
			    int node)
{
	icalcomponent_kind kind = icalcomponent_isa(c);
	icalcomponent *k;
	size_t n;

	if (kind == ICAL_XLICINVALID_COMPONENT || kind == ICAL_X_COMPONENT)
		return; /* not one we know: nothing of it is read */
	if (icalcomponent_count_properties(c, ICAL_XLICERROR_PROPERTY) > 0 &&
	    (kind == ICAL_VEVENT_COMPONENT || kind == ICAL_VCALENDAR_COMPONENT ||
	     zone_of_node(l, node) >= 0))
		locate_errors(l, cal, c, node);
	k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	for (n = (size_t)node + 1; n < l->n_nodes && k != NULL; n++) {
		if (l->nodes[n].parent != node)
			continue;
		check_component(l, cal, k, (int)n);
		k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT);
	}
}

/* Feeds the lines kept to libical: one component per VCALENDAR, in order. */
static size_t feed(struct ics_lines *l, icalcomponent ***out)
{
	icalparser *ps = icalparser_new();
	icalcomponent **cals = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < l->n_feed; i++) {
		const struct ics_feed *f = &l->feed[i];
		char end[40];
		icalcomponent *c;

		if (f->end_of >= 0) {
			snprintf(end, sizeof end, "END:%s", l->nodes[f->end_of].name);
			c = icalparser_add_line(ps, end);
		} else {
			c = icalparser_add_line(ps, l->text + l->lines[f->line].off);
		}
		if (c != NULL) {
			cals = xgrow(cals, &cap, n + 1, sizeof *cals);
			cals[n++] = c;
		}
	}
	icalparser_free(ps);
	*out = cals;
	return n;
}

int ics_event_order(const void *pa, const void *pb)
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
		qsort(cal->events, cal->n_events, sizeof *cal->events, ics_event_order);
	if (cal->n_uids > 1)
		qsort(cal->uids, cal->n_uids, sizeof *cal->uids, str_order);
	for (size_t i = 0; i < cal->n_uids; i++) {
		if (j > 0 && strcmp(cal->uids[j - 1], cal->uids[i]) == 0)
			free(cal->uids[i]);
		else
			cal->uids[j++] = cal->uids[i];
	}
	cal->n_uids = j;
	ics_notes_sort(cal->notes, cal->n_notes);
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
		check_component(l, x->out, cals[i], node);
	}
	for (size_t i = 0; i < n; i++) {
		int rc;

		x->cal = cals[i];
		x->cal_node = top_node(l, i);
		rc = ics_expand_calendar(x);
		ics_zones_clear(x);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int parse(const char *text, size_t len, date_t from, date_t to, bool strict,
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
	if (ics_lib_open(err) != 0)
		return -1;
	x.out = xcalloc(1, sizeof *x.out);
	if (ics_lines_read(&l, text, len, x.out, err) != 0) {
		ics_calendar_free(x.out);
		return -1;
	}
	n = feed(&l, &cals);
	rc = parse_calendars(&l, cals, n, &x);
	for (size_t i = 0; i < n; i++)
		icalcomponent_free(cals[i]);
	free(cals);
	ics_lines_free(&l);
	if (rc == 0) {
		const struct ics_note *bad;

		calendar_finish(x.out);
		bad = strict ? ics_notes_problem(x.out->notes, x.out->n_notes) : NULL;
		if (bad != NULL)
			rc = error_set(err, ERR_DATA, "line %d: %s; in strict mode the whole file "
				       "is refused", bad->line, bad->why);
	}
	if (rc != 0) {
		ics_calendar_free(x.out);
		return -1;
	}
	*out = x.out;
	return 0;
}

int ics_parse(const char *text, size_t len, date_t from, date_t to,
	      struct ics_calendar **out, struct error *err)
{
	return parse(text, len, from, to, false, out, err);
}

int ics_parse_strict(const char *text, size_t len, date_t from, date_t to,
		     struct ics_calendar **out, struct error *err)
{
	return parse(text, len, from, to, true, out, err);
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
	ics_notes_free(cal->notes, cal->n_notes);
	free(cal->events);
	free(cal->uids);
	free(cal);
}
