/* ics_expand.c - the VEVENTs of a calendar as occurrences in local time:
 * events grouped by UID (a series and its overrides), each occurrence
 * placed in the range or noted as left out, and an event that cannot be
 * read skipped whole with its line and why. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"


int ics_fail(struct ics_ctx *x, int no, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->fault, sizeof x->fault, fmt, ap);
	va_end(ap);
	x->fault_line = no;
	return -1;
}

int ics_fatal(struct ics_ctx *x, enum error_code code, const char *fmt, ...)
{
	char msg[sizeof x->err->msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x->fatal = true;
	return error_set(x->err, code, "%s", msg);
}

int ics_work(struct ics_ctx *x, int no, int64_t steps)
{
	if (steps <= (int64_t)(ICS_WORK_MAX - x->work)) {
		x->work += (size_t)steps;
		return 0;
	}
	x->work = ICS_WORK_MAX;
	return ics_fail(x, no, "the file needs more steps of expansion than one import may take "
			"(%d); this event repeats too often to expand", ICS_WORK_MAX);
}

/* ---------------------------------------------------------------- output */

static void occ_push(struct ics_ctx *x, const struct ics_occ *o, const struct ics_span *s)
{
	struct ics_calendar *cal = x->out;
	struct ics_event *ev;
	const struct ics_ev *e = o->e, *m = o->master;
	char id[256];

	cal->events = xgrow(cal->events, &x->cap_events, cal->n_events + 1, sizeof *cal->events);
	ev = &cal->events[cal->n_events++];
	if (o->rid != NULL)
		snprintf(id, sizeof id, "%s#%s", e->uid, o->rid);
	else
		snprintf(id, sizeof id, "%s", e->uid);
	ev->uid = xstrdup(id);
	ev->title = xstrdup(ics_ev_title(e, m));
	ev->location = xstrdup(e->location ? e->location : m && m->location ? m->location : "");
	ev->all_day = o->start.date;
	ev->first = s->first;
	ev->last = s->last;
	ev->start = s->start;
	ev->end = s->end;
	ev->line = x->lines->lines[x->lines->nodes[e->node].first].no;
}

/* Notes an occurrence on `day` of e left out for `why`. */
static void occ_leave(struct ics_ctx *x, const struct ics_occ *o, enum ics_leave why,
		      date_t day)
{
	struct ics_ev *e = o->e;
	int begin = x->lines->lines[x->lines->nodes[e->node].first].no;
	int64_t days = o->start.date ? o->dur : o->dur / ICS_SECONDS_PER_DAY;
	size_t *n = &e->left_out[why];

	if (*n == 0) {
		const char *title = ics_ev_title(e, o->master);

		if (why == ICS_LEAVE_CANCELLED)
			ics_note_add(x->out, ICS_NOTE_LEFT_OUT, e->status_line, title,
				     "cancelled (STATUS:CANCELLED)");
		else if (why == ICS_LEAVE_FREE)
			ics_note_add(x->out, ICS_NOTE_LEFT_OUT, e->busy_line, title, "%s",
				     e->free_why);
		else if (why == ICS_LEAVE_EMPTY)
			ics_note_add(x->out, ICS_NOTE_LEFT_OUT, begin, title, "has no duration: a "
				     "point in time is no busy time");
		else
			ics_note_add(x->out, ICS_NOTE_LEFT_OUT, begin, title, "lasts %lld days: "
				     "longer than any meeting (%d days at most%s)", (long long)days,
				     o->start.date ? ICS_RANGE_MAX : ICS_TIMED_DAYS_MAX,
				     o->start.date ? " all day" : "");
		*n = x->out->n_notes;
	}
	ics_note_count(&x->out->notes[*n - 1], day);
}

/* Longer than any meeting: a timed event of more than ICS_TIMED_DAYS_MAX
 * days, a run of days longer than ICS_RANGE_MAX. */
static bool occ_absurd(const struct ics_occ *o)
{
	return o->start.date ? o->dur > ICS_RANGE_MAX
			     : o->dur > (int64_t)ICS_TIMED_DAYS_MAX * ICS_SECONDS_PER_DAY;
}

/* The local day an absurd occurrence starts on, when it touches the range. */
static bool occ_absurd_in_range(const struct ics_ctx *x, const struct ics_occ *o, date_t *day)
{
	struct ics_span s;
	int64_t days = o->start.date ? o->dur : o->dur / ICS_SECONDS_PER_DAY + 1;

	if (ics_time_span(&o->start, 0, &s) != 0)
		return false;
	*day = s.first;
	return s.first <= x->to && (int64_t)s.first + days >= x->from;
}

int ics_occ_emit(struct ics_ctx *x, const struct ics_occ *o)
{
	struct ics_span s;
	date_t day;

	if (occ_absurd(o)) {
		if (occ_absurd_in_range(x, o, &day)) {
			occ_leave(x, o, ICS_LEAVE_ABSURD, day > x->from ? day : x->from);
			x->out->n_absurd++;
		}
		return 0;
	}
	if (ics_time_span(&o->start, o->dur, &s) != 0 || s.last < x->from || s.first > x->to)
		return 0; /* outside the range (or the years of a plan) */
	day = s.first > x->from ? s.first : x->from;
	if (o->e->cancelled) {
		occ_leave(x, o, ICS_LEAVE_CANCELLED, day);
		x->out->n_cancelled++;
	} else if (o->e->free_time) {
		occ_leave(x, o, ICS_LEAVE_FREE, day);
		x->out->n_free++;
	} else if (!o->start.date && o->dur == 0) {
		occ_leave(x, o, ICS_LEAVE_EMPTY, day);
		x->out->n_empty++;
	} else if (x->out->n_events >= ICS_EVENTS_MAX) {
		return ics_fatal(x, ERR_REFUSED, "more than %d events in the range; import a "
				 "shorter range", ICS_EVENTS_MAX);
	} else {
		occ_push(x, o, &s);
	}
	return 0;
}

/* ---------------------------------------------------------------- groups */

/* What was added to the calendar from a point on, to take back when an
 * event turns out not to be readable after all. */
struct mark {
	size_t events, notes;
};

static struct mark mark_now(const struct ics_ctx *x)
{
	return (struct mark){ x->out->n_events, x->out->n_notes };
}

static void mark_undo(struct ics_ctx *x, struct mark mk, struct ics_ev *evs, size_t n)
{
	struct ics_calendar *cal = x->out;

	for (size_t i = mk.events; i < cal->n_events; i++) {
		free(cal->events[i].uid);
		free(cal->events[i].title);
		free(cal->events[i].location);
	}
	cal->n_events = mk.events;
	for (size_t i = mk.notes; i < cal->n_notes; i++) {
		free(cal->notes[i].title);
		free(cal->notes[i].why);
	}
	cal->n_notes = mk.notes;
	for (size_t i = 0; i < n; i++)
		memset(evs[i].left_out, 0, sizeof evs[i].left_out);
}

static void uid_add(struct ics_ctx *x, const char *uid)
{
	struct ics_calendar *cal = x->out;

	cal->uids = xgrow(cal->uids, &x->cap_uids, cal->n_uids + 1, sizeof *cal->uids);
	cal->uids[cal->n_uids++] = xstrdup(uid);
}

static void ev_skipped(struct ics_ctx *x, const struct ics_ev *e, const struct ics_ev *master)
{
	ics_note_add(x->out, ICS_NOTE_SKIPPED, e->why_line, ics_ev_title(e, master), "%s",
		     e->why);
}

/* The occurrences an event gave since mk: noted when its zone was guessed. */
static void ev_assumed(struct ics_ctx *x, const struct ics_ev *e, const struct ics_ev *master,
		       struct mark mk)
{
	struct ics_note *note;

	if (e->skipped || e->why == NULL || x->out->n_events == mk.events)
		return;
	note = ics_note_add(x->out, ICS_NOTE_ASSUMED, e->why_line, ics_ev_title(e, master), "%s",
			    e->why);
	for (size_t i = mk.events; i < x->out->n_events; i++)
		ics_note_count(note, x->out->events[i].first);
}

static bool ev_recurs(const struct ics_ev *e)
{
	return icalcomponent_get_first_property(e->c, ICAL_RRULE_PROPERTY) != NULL ||
	       icalcomponent_get_first_property(e->c, ICAL_RDATE_PROPERTY) != NULL;
}

/* Is evs[i] the first (the newest) of the copies of its occurrence? */
static bool ev_first_copy(const struct ics_ev *evs, size_t i)
{
	return i == 0 || evs[i].override != evs[i - 1].override ||
	       strcmp(evs[i].rid, evs[i - 1].rid) != 0;
}

/* Older copies of an event (a lower SEQUENCE, or earlier in the file). */
static void group_duplicates(struct ics_ctx *x, struct ics_ev *evs, size_t n)
{
	const struct ics_lines *l = x->lines;
	size_t newest = 0;

	for (size_t i = 0; i < n; i++) {
		if (ev_first_copy(evs, i)) {
			newest = i;
			continue;
		}
		x->out->n_duplicates++;
		ics_note_add(x->out, ICS_NOTE_LEFT_OUT, l->lines[l->nodes[evs[i].node].first].no,
			     ics_ev_title(&evs[i], NULL), "an older copy of the event at line %d "
			     "(SEQUENCE %d, that one %d)", l->lines[l->nodes[evs[newest].node].first].no,
			     evs[i].seq, evs[newest].seq);
	}
}

/* The overrides of a group.  s: the series they belong to, or NULL; with
 * `identities`, each occurrence's identity is the UID known to the merge
 * (the series itself could not be read). */
static int group_overrides(struct ics_ctx *x, struct ics_ev *evs, size_t n, struct ics_ev *m,
			   const struct ics_series *s, bool identities)
{
	for (size_t i = 0; i < n; i++) {
		struct ics_ev *o = &evs[i];
		struct mark mk = mark_now(x);
		char id[256];

		if (!o->override || !ev_first_copy(evs, i))
			continue;
		if (o->skipped) {
			ev_skipped(x, o, m);
			continue;
		}
		if (ics_occ_emit(x, &(struct ics_occ){ .e = o, .master = m, .rid = o->rid,
						     .start = o->start,
						     .dur = o->has_dur || m == NULL ? o->dur : m->dur }))
			return -1;
		ev_assumed(x, o, m, mk);
		if (identities) {
			snprintf(id, sizeof id, "%s#%s", o->uid, o->rid);
			uid_add(x, id);
		}
		if (s != NULL && x->out->n_events > mk.events && ics_series_orphan(s, o))
			ics_note_add(x->out, ICS_NOTE_ASSUMED, ics_lines_no(x->lines, o->node,
									   "RECURRENCE-ID"),
				     ics_ev_title(o, m), "its RECURRENCE-ID is no instance of the "
				     "series: imported at its own time, beside the series, as Outlook "
				     "does");
	}
	return 0;
}

/* A series (or single event) m and its overrides. */
static int group_series(struct ics_ctx *x, struct ics_ev *evs, size_t n, struct ics_ev *m)
{
	struct ics_series *s = ics_series_new(m);
	struct mark mk = mark_now(x);
	bool overrides = false;
	int rc;

	for (size_t i = 0; i < n; i++)
		if (evs[i].override && evs[i].rid[0] != '\0' && ev_first_copy(evs, i)) {
			ics_series_override(s, evs[i].rid);
			overrides = true;
		}
	if (!overrides && !ev_recurs(m))
		rc = ics_occ_emit(x, &(struct ics_occ){ .e = m, .start = m->start, .dur = m->dur });
	else
		rc = ics_series_expand(x, s);
	if (rc != 0 && !x->fatal) {
		mark_undo(x, mk, evs, n);
		m->skipped = true;
		free(m->why);
		m->why = xstrdup(x->fault);
		m->why_line = x->fault_line;
		ev_skipped(x, m, NULL);
		rc = group_overrides(x, evs, n, m, NULL, true);
	} else if (rc == 0) {
		ev_assumed(x, m, NULL, mk);
		uid_add(x, m->uid);
		rc = group_overrides(x, evs, n, m, s, false);
	}
	ics_series_free(s);
	return rc;
}

/* One UID's events: evs[0..n), sorted by ev_order. */
static int group_expand(struct ics_ctx *x, struct ics_ev *evs, size_t n)
{
	struct ics_ev *m = !evs[0].override ? &evs[0] : NULL;

	group_duplicates(x, evs, n);
	if (m == NULL) {
		uid_add(x, evs[0].uid);
		return group_overrides(x, evs, n, NULL, NULL, false);
	}
	if (!m->skipped)
		return group_series(x, evs, n, m);
	ev_skipped(x, m, NULL);
	return group_overrides(x, evs, n, m, NULL, true);
}

/* By UID; the series before its overrides; overrides by RECURRENCE-ID; the
 * highest SEQUENCE (then the last in the file) first. */
static int ev_order(const void *pa, const void *pb)
{
	const struct ics_ev *a = pa, *b = pb;
	int c = strcmp(a->uid, b->uid);

	if (c != 0)
		return c;
	if (a->override != b->override)
		return a->override ? 1 : -1;
	if ((c = strcmp(a->rid, b->rid)) != 0)
		return c;
	if (a->seq != b->seq)
		return a->seq > b->seq ? -1 : 1;
	return a->order > b->order ? -1 : a->order < b->order;
}

/* The VEVENTs of the calendar with the node of each: libical keeps the
 * components in the order of the file, as the lines do. */
static size_t calendar_events(struct ics_ctx *x, struct ics_ev **out)
{
	const struct ics_lines *l = x->lines;
	icalcomponent *c = icalcomponent_get_first_component(x->cal, ICAL_ANY_COMPONENT);
	struct ics_ev *evs = NULL;
	size_t n = 0, cap = 0;

	for (size_t k = 0; k < l->n_nodes && c != NULL; k++) {
		if (l->nodes[k].parent != x->cal_node)
			continue;
		if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT) {
			evs = xgrow(evs, &cap, n + 1, sizeof *evs);
			memset(&evs[n], 0, sizeof *evs);
			evs[n].c = c;
			evs[n].node = (int)k;
			evs[n].order = n;
			n++;
		}
		c = icalcomponent_get_next_component(x->cal, ICAL_ANY_COMPONENT);
	}
	*out = evs;
	return n;
}

int ics_expand_calendar(struct ics_ctx *x)
{
	struct ics_ev *evs;
	size_t n = calendar_events(x, &evs), i = 0;
	int rc = 0;

	ics_zone_floating(x); /* its note, if any, before any event's */
	for (size_t k = 0; k < n && rc == 0; k++)
		rc = ics_ev_read(x, &evs[k]);
	if (rc == 0 && n > 1)
		qsort(evs, n, sizeof *evs, ev_order);
	while (rc == 0 && i < n) {
		size_t j = i + 1;

		while (j < n && strcmp(evs[j].uid, evs[i].uid) == 0)
			j++;
		rc = group_expand(x, evs + i, j - i);
		i = j;
	}
	for (size_t k = 0; k < n; k++)
		ics_ev_clear(&evs[k]);
	free(evs);
	return rc;
}
