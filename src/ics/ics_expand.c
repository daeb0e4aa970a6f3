/* ics_expand.c - the VEVENTs of a calendar as occurrences in local time:
 * recurrences expanded, overridden instances in place, zones converted. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "text.h"
#include "xalloc.h"

/* Steps of expansion one file may take: occurrences looked at, and checks of
 * an RDATE against the instances before it.  A legitimate calendar needs a
 * small part of it (an hourly series walked from 2020 is 55,000 steps;
 * daily and slower ones start near the range); a hostile one stops here
 * after about a second (libical takes ~1.1 us a step) with an error. */
#define WORK_MAX 1000000

/* One VEVENT, read. */
struct ev {
	icalcomponent *c;
	int node;            /* its lines */
	size_t order;        /* its place in the file */
	char *uid;
	int seq;
	bool override;       /* it has a RECURRENCE-ID */
	char rid[ICS_RID_MAX]; /* the occurrence it overrides */
	struct ics_time start;
	int64_t dur;         /* seconds, or days for an all-day event */
	bool has_dur;        /* DTEND or DURATION was given */
	bool cancelled, transparent;
	char *title, *location; /* NULL when the VEVENT has none */
};

/* ---------------------------------------------------------------- text */

char *ics_clean_text(const char *s, size_t max, const char *fallback)
{
	struct buf b = BUF_INIT;
	size_t n = s != NULL ? strlen(s) : 0, i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);

		if (text_is_control(cp) || cp == 0xFFFD) {
			if (b.len > 0 && b.data[b.len - 1] != ' ')
				buf_addc(&b, ' ');
		} else if (b.len + k > max) {
			break;
		} else {
			buf_add(&b, s + i, k);
		}
		i += k;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	if (b.len == 0) {
		buf_free(&b);
		return xstrdup(fallback);
	}
	return buf_take(&b);
}

static uint64_t fnv1a(const char *s, uint64_t h)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The UID to store: as given when it is fit to store, else a digest of it;
 * an event without one is named by its start and summary. */
static char *ev_uid(const struct ics_ctx *x, const struct ev *e)
{
	const char *uid = icalcomponent_get_uid(e->c);
	char out[40];

	if (uid != NULL && uid[0] != '\0' && strlen(uid) <= 200 && text_find_control(uid) == 0)
		return xstrdup(uid);
	if (uid == NULL || uid[0] == '\0') {
		uint64_t h = 0xcbf29ce484222325ULL;
		static const char *const props[] = { "DTSTART", "SUMMARY", "RECURRENCE-ID" };

		for (size_t i = 0; i < 3; i++) {
			long k = ics_lines_find(x->lines, e->node, props[i]);

			h = fnv1a(k >= 0 ? ics_line_text(x->lines, (size_t)k) : "-", h);
		}
		snprintf(out, sizeof out, "nouid-%016llx", (unsigned long long)h);
	} else {
		snprintf(out, sizeof out, "uid-%016llx",
			 (unsigned long long)fnv1a(uid, 0xcbf29ce484222325ULL));
	}
	return xstrdup(out);
}

/* ---------------------------------------------------------------- reading */

static int ev_fail(const struct ics_ctx *x, const struct ev *e, const char *prop,
		   const char *what)
{
	return error_set(x->err, ERR_DATA, "line %d: %s", ics_lines_no(x->lines, e->node, prop),
			 what);
}

/* In 64 bits: libical's own sum is an int. */
static int64_t duration_seconds(struct icaldurationtype d)
{
	int64_t s = (int64_t)d.weeks * 604800 + (int64_t)d.days * 86400 +
		    (int64_t)d.hours * 3600 + (int64_t)d.minutes * 60 + d.seconds;

	return d.is_neg ? -s : s;
}

/* DTEND or DURATION as a duration (seconds, or days for a date). */
static int ev_duration(struct ics_ctx *x, struct ev *e)
{
	icalproperty *end = icalcomponent_get_first_property(e->c, ICAL_DTEND_PROPERTY);
	icalproperty *dur = icalcomponent_get_first_property(e->c, ICAL_DURATION_PROPERTY);
	struct ics_time t;

	e->has_dur = end != NULL || dur != NULL;
	e->dur = e->start.date ? 1 : 0;
	if (end != NULL) {
		if (ics_time_of(x, e->node, end, "DTEND", icalproperty_get_dtend(end), &t) != 0)
			return -1;
		if (t.date != e->start.date)
			return ev_fail(x, e, "DTEND", e->start.date
				       ? "DTEND is a date-time, but DTSTART is a date"
				       : "DTEND is a date, but DTSTART is a date-time");
		e->dur = ics_time_diff(&e->start, &t);
	} else if (dur != NULL) {
		e->dur = duration_seconds(icalproperty_get_duration(dur));
		if (e->start.date)
			e->dur /= 86400;
	}
	if (e->dur < 0)
		return ev_fail(x, e, end != NULL ? "DTEND" : "DURATION",
			       "the event ends before it starts");
	if (e->start.date && e->dur == 0)
		e->dur = 1; /* an all-day event is at least its day */
	return 0;
}

static int ev_read(struct ics_ctx *x, struct ev *e)
{
	icalproperty *p = icalcomponent_get_first_property(e->c, ICAL_DTSTART_PROPERTY);

	if (p == NULL)
		return ev_fail(x, e, "BEGIN", "the event has no DTSTART");
	if (ics_time_of(x, e->node, p, "DTSTART", icalproperty_get_dtstart(p), &e->start) != 0 ||
	    ev_duration(x, e) != 0)
		return -1;
	e->uid = ev_uid(x, e);
	p = icalcomponent_get_first_property(e->c, ICAL_SEQUENCE_PROPERTY);
	e->seq = p != NULL ? icalproperty_get_sequence(p) : 0;
	p = icalcomponent_get_first_property(e->c, ICAL_RECURRENCEID_PROPERTY);
	if (p != NULL) {
		struct ics_time rid;

		if (ics_time_of(x, e->node, p, "RECURRENCE-ID", icalproperty_get_recurrenceid(p),
				&rid) != 0)
			return -1;
		e->override = true;
		ics_time_rid(&rid, e->rid);
	}
	e->cancelled = icalcomponent_get_status(e->c) == ICAL_STATUS_CANCELLED;
	p = icalcomponent_get_first_property(e->c, ICAL_TRANSP_PROPERTY);
	e->transparent = p != NULL && (icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT ||
				       icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENTNOCONFLICT);
	if (icalcomponent_get_first_property(e->c, ICAL_SUMMARY_PROPERTY) != NULL)
		e->title = ics_clean_text(icalcomponent_get_summary(e->c), MODEL_TITLE_MAX, "Busy");
	if (icalcomponent_get_first_property(e->c, ICAL_LOCATION_PROPERTY) != NULL)
		e->location = ics_clean_text(icalcomponent_get_location(e->c), MODEL_NOTE_MAX, "");
	return 0;
}

static void ev_clear(struct ev *e)
{
	free(e->uid);
	free(e->title);
	free(e->location);
}

/* ---------------------------------------------------------------- output */

/* One occurrence: start, its duration, and what it is. */
struct occ {
	const struct ev *e;        /* the VEVENT it comes from */
	const struct ev *master;   /* for an override: the series' VEVENT, or NULL */
	const char *rid;           /* NULL for a single event */
	struct ics_time start;
	int64_t dur;
};

static void occ_push(struct ics_ctx *x, const struct occ *o, const struct ics_span *s)
{
	struct ics_calendar *cal = x->out;
	struct ics_event *ev;
	const struct ev *e = o->e, *m = o->master;
	char id[256];

	cal->events = xgrow(cal->events, &x->cap_events, cal->n_events + 1, sizeof *cal->events);
	ev = &cal->events[cal->n_events++];
	if (o->rid != NULL)
		snprintf(id, sizeof id, "%s#%s", e->uid, o->rid);
	else
		snprintf(id, sizeof id, "%s", e->uid);
	ev->uid = xstrdup(id);
	ev->title = xstrdup(e->title ? e->title : m && m->title ? m->title : "Busy");
	ev->location = xstrdup(e->location ? e->location : m && m->location ? m->location : "");
	ev->all_day = o->start.date;
	ev->first = s->first;
	ev->last = s->last;
	ev->start = s->start;
	ev->end = s->end;
	ev->line = x->lines->lines[x->lines->nodes[e->node].first].no;
}

/* Adds the occurrence when it touches the range (and counts why not). */
static int occ_emit(struct ics_ctx *x, const struct occ *o)
{
	struct ics_span s;
	int rc = ics_time_span(&o->start, o->dur, &s);

	if (rc != 0 || s.last < x->from || s.first > x->to)
		return 0; /* outside the range (or the calendar) */
	if (o->e->cancelled)
		x->out->n_cancelled++;
	else if (o->e->transparent && !o->start.date) /* all-day: a banner all the same */
		x->out->n_free++;
	else if (!o->start.date && o->dur == 0)
		x->out->n_empty++;
	else if (x->out->n_events >= ICS_EVENTS_MAX)
		return error_set(x->err, ERR_REFUSED, "more than %d events in the range; import a "
				 "shorter range", ICS_EVENTS_MAX);
	else
		occ_push(x, o, &s);
	return 0;
}

/* ---------------------------------------------------------------- series */

/* The instances of one series that are not to be emitted again. */
struct skip {
	char (*rids)[ICS_RID_MAX];
	size_t n, cap;
	bool sorted;  /* for bsearch, once complete */
};

static void skip_add(struct skip *s, const char *rid)
{
	s->rids = xgrow(s->rids, &s->cap, s->n + 1, sizeof *s->rids);
	snprintf(s->rids[s->n++], ICS_RID_MAX, "%s", rid);
	s->sorted = false;
}

static int rid_order(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void skip_sort(struct skip *s)
{
	if (s->n > 1)
		qsort(s->rids, s->n, sizeof *s->rids, rid_order);
	s->sorted = true;
}

static bool skip_has(const struct skip *s, const char *rid)
{
	if (s->sorted)
		return s->n > 0 && bsearch(rid, s->rids, s->n, sizeof *s->rids, rid_order) != NULL;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->rids[i], rid) == 0)
			return true;
	return false;
}

/* Counts steps of expansion against WORK_MAX. */
static int work(struct ics_ctx *x, int node, const char *prop, size_t steps)
{
	x->work += steps;
	if (x->work <= WORK_MAX)
		return 0;
	return error_set(x->err, ERR_DATA, "line %d: this %s repeats too often to expand (more "
			 "than %d steps for the file); import a calendar without it",
			 ics_lines_no(x->lines, node, prop), prop, WORK_MAX);
}

struct series {
	const struct ev *m;
	struct skip exdates;   /* EXDATE: identities, and dates ("YYYYMMDD") */
	struct skip overridden; /* RECURRENCE-IDs of the series' overrides */
	struct skip seen;      /* instances near the range already emitted */
	char first[ICS_RID_MAX]; /* DTSTART's identity */
	int64_t lo, hi;        /* days (as written) worth converting */
};

/* One instance of the series starting at t (lasting dur). */
static int series_instance(struct ics_ctx *x, struct series *s, const struct ics_time *t,
			   int64_t dur, bool check_seen)
{
	struct occ o = { .e = s->m, .start = *t, .dur = dur };
	char rid[ICS_RID_MAX], day[ICS_RID_MAX], wall[ICS_RID_MAX];

	ics_time_rid(t, rid);
	ics_time_rid_date(t, day);
	ics_time_rid_wall(t, wall);
	/* An EXDATE or RECURRENCE-ID may be written as a date, or as a floating
	 * time, for a series in a zone: those match its dates and wall times. */
	if (skip_has(&s->exdates, rid) ||
	    (!t->date && (skip_has(&s->exdates, day) || skip_has(&s->exdates, wall))) ||
	    skip_has(&s->overridden, rid) || (!t->date && skip_has(&s->overridden, wall)) ||
	    (check_seen && skip_has(&s->seen, rid)))
		return 0;
	skip_add(&s->seen, rid);
	o.rid = rid;
	return occ_emit(x, &o);
}

static int series_exdates(struct ics_ctx *x, struct series *s)
{
	icalproperty *p;

	for (p = icalcomponent_get_first_property(s->m->c, ICAL_EXDATE_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(s->m->c, ICAL_EXDATE_PROPERTY)) {
		struct ics_time t;
		char rid[ICS_RID_MAX];

		if (ics_time_of(x, s->m->node, p, "EXDATE", icalproperty_get_exdate(p), &t) != 0)
			return -1;
		ics_time_rid(&t, rid);
		skip_add(&s->exdates, rid);
	}
	return 0;
}

/*
 * A series that began years before the range need not be walked from its
 * start: libical can start a rule later when it has no COUNT.  Measured
 * against a walk from DTSTART for 3,200 random rules, it agrees for DAILY to
 * YEARLY (with INTERVAL, BYSETPOS, BYWEEKNO...), not for HOURLY with an
 * INTERVAL, which therefore walks from DTSTART.
 */
static icalrecur_iterator *series_iterator(const struct series *s, struct icalrecurrencetype r)
{
	struct icaltimetype start = s->m->start.t, later;
	icalrecur_iterator *it;

	start.zone = s->m->start.zone;
	it = icalrecur_iterator_new(r, start);
	if (it == NULL || r.count != 0 || r.freq < ICAL_DAILY_RECURRENCE ||
	    r.freq > ICAL_YEARLY_RECURRENCE || ics_time_wall_day(&s->m->start) >= s->lo - 7)
		return it;
	later = ics_time_day_start(&s->m->start, s->lo);
	if (!icalrecur_iterator_set_start(it, later)) {
		icalrecur_iterator_free(it);
		it = icalrecur_iterator_new(r, start);
	}
	return it;
}

static int series_rrule(struct ics_ctx *x, struct series *s, icalproperty *p)
{
	const struct ev *m = s->m;
	struct icaltimetype t;
	struct icalrecurrencetype r = icalproperty_get_rrule(p);
	struct ics_time until = { .t = r.until };
	icalrecur_iterator *it;
	int rc = 0;

	if (!icaltime_is_null_time(r.until) && ics_time_wall_day(&until) < s->lo - 2)
		return 0; /* over before the range */
	it = series_iterator(s, r);
	if (it == NULL)
		return error_set(x->err, ERR_DATA, "line %d: this RRULE cannot be expanded",
				 ics_lines_no(x->lines, m->node, "RRULE"));
	while (rc == 0 && !icaltime_is_null_time(t = icalrecur_iterator_next(it))) {
		struct ics_time inst = m->start;
		int64_t day;
		char rid[ICS_RID_MAX];

		if ((rc = work(x, m->node, "RRULE", 1)) != 0)
			break;
		inst.t = t;
		inst.t.zone = NULL;
		day = ics_time_wall_day(&inst);
		if (day > s->hi)
			break;
		if (day < s->lo)
			continue;
		ics_time_rid(&inst, rid);
		if (strcmp(rid, s->first) != 0) /* DTSTART was emitted already */
			rc = series_instance(x, s, &inst, m->dur, false);
	}
	icalrecur_iterator_free(it);
	return rc;
}

static int series_rdate(struct ics_ctx *x, struct series *s, icalproperty *p)
{
	struct icaldatetimeperiodtype v = icalproperty_get_rdate(p);
	bool period = icaltime_is_null_time(v.time);
	struct ics_time t, end;
	int64_t dur = s->m->dur, day;

	if (work(x, s->m->node, "RDATE", 1 + s->seen.n) != 0 ||
	    ics_time_of(x, s->m->node, p, "RDATE", period ? v.period.start : v.time, &t) != 0)
		return -1;
	if (period && !icaltime_is_null_time(v.period.end)) {
		if (ics_time_of(x, s->m->node, p, "RDATE", v.period.end, &end) != 0)
			return -1;
		if ((dur = ics_time_diff(&t, &end)) < 0)
			return error_set(x->err, ERR_DATA, "line %d: an RDATE period ends before "
					 "it starts", ics_lines_no(x->lines, s->m->node, "RDATE"));
	} else if (period) {
		dur = duration_seconds(v.period.duration);
		if (t.date)
			dur /= 86400;
	}
	day = ics_time_wall_day(&t);
	return day < s->lo || day > s->hi ? 0 : series_instance(x, s, &t, dur, true);
}

/* Every instance of a recurring event: DTSTART, RRULE, RDATE, less EXDATE
 * and the instances its overrides replace. */
static int series_expand(struct ics_ctx *x, struct series *s)
{
	const struct ev *m = s->m;
	int64_t span = m->start.date ? m->dur : m->dur / 86400 + 1;
	icalproperty *p;
	int rc = 0;

	/* Wall times differ from local ones by a day at most: a margin of two. */
	s->lo = (int64_t)x->from - 2 - span;
	s->hi = (int64_t)x->to + 2;
	ics_time_rid(&m->start, s->first);
	if (series_exdates(x, s) != 0)
		return -1;
	skip_sort(&s->exdates);
	if (series_instance(x, s, &m->start, m->dur, false) != 0)
		return -1;
	for (p = icalcomponent_get_first_property(m->c, ICAL_RRULE_PROPERTY); p != NULL && rc == 0;
	     p = icalcomponent_get_next_property(m->c, ICAL_RRULE_PROPERTY))
		rc = series_rrule(x, s, p);
	for (p = icalcomponent_get_first_property(m->c, ICAL_RDATE_PROPERTY); p != NULL && rc == 0;
	     p = icalcomponent_get_next_property(m->c, ICAL_RDATE_PROPERTY))
		rc = series_rdate(x, s, p);
	return rc;
}

/* ---------------------------------------------------------------- groups */

static bool ev_recurs(const struct ev *e)
{
	return icalcomponent_get_first_property(e->c, ICAL_RRULE_PROPERTY) != NULL ||
	       icalcomponent_get_first_property(e->c, ICAL_RDATE_PROPERTY) != NULL;
}

/* By UID; the series before its overrides; overrides by RECURRENCE-ID; the
 * highest SEQUENCE (then the last in the file) first. */
static int ev_order(const void *pa, const void *pb)
{
	const struct ev *a = pa, *b = pb;
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

static void uid_add(struct ics_ctx *x, const char *uid)
{
	struct ics_calendar *cal = x->out;

	cal->uids = xgrow(cal->uids, &x->cap_uids, cal->n_uids + 1, sizeof *cal->uids);
	cal->uids[cal->n_uids++] = xstrdup(uid);
}

/* One UID's events: evs[0..n), sorted by ev_order. */
static int group_expand(struct ics_ctx *x, const struct ev *evs, size_t n)
{
	const struct ev *m = !evs[0].override ? &evs[0] : NULL;
	struct series s = { .m = m };
	int rc = 0;

	uid_add(x, evs[0].uid);
	for (size_t i = 1; i < n; i++)
		if (evs[i].override == evs[i - 1].override && strcmp(evs[i].rid, evs[i - 1].rid) == 0)
			x->out->n_duplicates++;
	for (size_t i = 0; i < n; i++)
		if (evs[i].override && (i == 0 || strcmp(evs[i].rid, evs[i - 1].rid) != 0))
			skip_add(&s.overridden, evs[i].rid);
	skip_sort(&s.overridden);
	if (m != NULL && s.overridden.n == 0 && !ev_recurs(m))
		rc = occ_emit(x, &(struct occ){ .e = m, .start = m->start, .dur = m->dur });
	else if (m != NULL)
		rc = series_expand(x, &s);
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct ev *o = &evs[i];

		if (!o->override || (i > 0 && evs[i - 1].override &&
				     strcmp(o->rid, evs[i - 1].rid) == 0))
			continue;
		rc = occ_emit(x, &(struct occ){ .e = o, .master = m, .rid = o->rid,
						 .start = o->start,
						 .dur = o->has_dur || m == NULL ? o->dur : m->dur });
	}
	free(s.exdates.rids);
	free(s.overridden.rids);
	free(s.seen.rids);
	return rc;
}

/* The VEVENTs of the calendar with the node of each: libical keeps the
 * components in the order of the file, as the lines do. */
static size_t calendar_events(struct ics_ctx *x, struct ev **out)
{
	const struct ics_lines *l = x->lines;
	icalcomponent *c = icalcomponent_get_first_component(x->cal, ICAL_ANY_COMPONENT);
	struct ev *evs = NULL;
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
	struct ev *evs;
	size_t n = calendar_events(x, &evs), i = 0;
	int rc = 0;

	for (size_t k = 0; k < n && rc == 0; k++)
		rc = ev_read(x, &evs[k]);
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
		ev_clear(&evs[k]);
	free(evs);
	return rc;
}
