/* ics_event.c - one VEVENT read: its identity, title, times, duration and
 * whether it is busy time; or why it cannot be read. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ics_int.h"
#include "text.h"
#include "xalloc.h"

#define UID_MAX 200            /* bytes of a UID stored as it is */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

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
		h *= FNV_PRIME;
	}
	return h;
}

/* The UID to store: as given when it is fit to store, else a digest of it;
 * an event without one is named by its start and summary. */
static char *ev_uid(const struct ics_ctx *x, const struct ics_ev *e)
{
	const char *uid = icalcomponent_get_uid(e->c);
	char out[40];

	if (uid != NULL && uid[0] != '\0' && strlen(uid) <= UID_MAX && text_find_control(uid) == 0)
		return xstrdup(uid);
	if (uid == NULL || uid[0] == '\0') {
		uint64_t h = FNV_OFFSET;
		static const char *const props[] = { "DTSTART", "SUMMARY", "RECURRENCE-ID" };

		for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
			long k = ics_lines_find(x->lines, e->node, props[i]);

			h = fnv1a(k >= 0 ? ics_line_text(x->lines, (size_t)k) : "-", h);
		}
		snprintf(out, sizeof out, "nouid-%016llx", (unsigned long long)h);
	} else {
		snprintf(out, sizeof out, "uid-%016llx", (unsigned long long)fnv1a(uid, FNV_OFFSET));
	}
	return xstrdup(out);
}

/* ---------------------------------------------------------------- times */

/* In 64 bits: libical's own sum is an int. */
int64_t ics_duration_seconds(struct icaldurationtype d)
{
	int64_t s = (int64_t)d.weeks * 7 * ICS_SECONDS_PER_DAY + (int64_t)d.days * ICS_SECONDS_PER_DAY +
		    (int64_t)d.hours * ICS_SECONDS_PER_HOUR + (int64_t)d.minutes * ICS_SECONDS_PER_MINUTE + d.seconds;

	return d.is_neg ? -s : s;
}

/* DTEND or DURATION as a duration (seconds, or days for a date). */
static int ev_duration(struct ics_ctx *x, struct ics_ev *e)
{
	icalproperty *end = icalcomponent_get_first_property(e->c, ICAL_DTEND_PROPERTY);
	icalproperty *dur = icalcomponent_get_first_property(e->c, ICAL_DURATION_PROPERTY);
	const char *name = end != NULL ? "DTEND" : "DURATION";
	struct ics_time t;

	e->has_dur = end != NULL || dur != NULL;
	e->dur = e->start.date ? 1 : 0;
	if (end != NULL) {
		if (ics_time_of(x, e->node, end, "DTEND", icalproperty_get_dtend(end),
				ICS_FLOAT_CALENDAR, &t) != 0)
			return -1;
		if (t.date != e->start.date)
			return ics_fail(x, ics_lines_no(x->lines, e->node, "DTEND"), e->start.date
					? "DTEND is a date-time, but DTSTART is a date"
					: "DTEND is a date, but DTSTART is a date-time");
		e->dur = ics_time_diff(&e->start, &t);
	} else if (dur != NULL) {
		e->dur = ics_duration_seconds(icalproperty_get_duration(dur));
		if (e->start.date)
			e->dur /= ICS_SECONDS_PER_DAY;
	}
	if (e->dur < 0)
		return ics_fail(x, ics_lines_no(x->lines, e->node, name), "the event ends before "
				"it starts (%s)", end != NULL ? "DTEND before DTSTART"
							      : "a negative DURATION");
	if (e->start.date && e->dur == 0)
		e->dur = 1; /* an all-day event is at least its day */
	return 0;
}

/* ---------------------------------------------------------------- busy */

/* Free time, one rule: Outlook's own status when it gives one (FREE is
 * free; BUSY, TENTATIVE, OOF and WORKINGELSEWHERE are not), else TRANSP. */
static void ev_busy(struct ics_ctx *x, struct ics_ev *e)
{
	const struct ics_lines *l = x->lines;
	long ms = ics_lines_find(l, e->node, "X-MICROSOFT-CDO-BUSYSTATUS");
	icalproperty *p = icalcomponent_get_first_property(e->c, ICAL_TRANSP_PROPERTY);
	icalproperty_transp t = p != NULL ? icalproperty_get_transp(p) : ICAL_TRANSP_NONE;

	if (ms >= 0) {
		const char *v = ics_line_value(l, (size_t)ms);

		v += strspn(v, " ");
		e->free_time = strncasecmp(v, "FREE", 4) == 0 && v[4 + strspn(v + 4, " ")] == '\0';
		e->free_why = "shown as free (X-MICROSOFT-CDO-BUSYSTATUS:FREE)";
		e->busy_line = l->lines[ms].no;
		return;
	}
	e->free_time = t == ICAL_TRANSP_TRANSPARENT || t == ICAL_TRANSP_TRANSPARENTNOCONFLICT;
	e->free_why = "shown as free (TRANSP:TRANSPARENT)";
	e->busy_line = ics_lines_no(l, e->node, "TRANSP");
}

/* ---------------------------------------------------------------- reading */

/* What the notes call an event: its title as stored, "Busy" when none. */
const char *ics_ev_title(const struct ics_ev *e, const struct ics_ev *master)
{
	return e->title != NULL ? e->title : master != NULL && master->title ? master->title
									  : "Busy";
}

static void ev_texts(struct ics_ev *e)
{
	if (icalcomponent_get_first_property(e->c, ICAL_SUMMARY_PROPERTY) != NULL)
		e->title = ics_clean_text(icalcomponent_get_summary(e->c), MODEL_TITLE_MAX, "Busy");
	if (icalcomponent_get_first_property(e->c, ICAL_LOCATION_PROPERTY) != NULL)
		e->location = ics_clean_text(icalcomponent_get_location(e->c), MODEL_NOTE_MAX, "");
}

/* The occurrence an override replaces; -1 (ics_fail) when unreadable. */
static int ev_rid(struct ics_ctx *x, struct ics_ev *e)
{
	icalproperty *p = icalcomponent_get_first_property(e->c, ICAL_RECURRENCEID_PROPERTY);

	if (p == NULL)
		return 0;
	e->override = true; /* rid stays "" when it cannot be read */
	if (ics_time_of(x, e->node, p, "RECURRENCE-ID", icalproperty_get_recurrenceid(p),
			ICS_FLOAT_WALL, &e->rid_time) != 0)
		return -1;
	ics_time_rid(&e->rid_time, e->rid);
	return 0;
}

static int ev_times(struct ics_ctx *x, struct ics_ev *e)
{
	const struct ics_node *nd = &x->lines->nodes[e->node];
	icalproperty *p = icalcomponent_get_first_property(e->c, ICAL_DTSTART_PROPERTY);

	if (nd->fault != NULL)
		return ics_fail(x, nd->fault_line, "%s", nd->fault);
	if (p == NULL)
		return ics_fail(x, x->lines->lines[nd->first].no, "the event has no DTSTART");
	if (ics_time_of(x, e->node, p, "DTSTART", icalproperty_get_dtstart(p),
			ICS_FLOAT_CALENDAR, &e->start) != 0)
		return -1;
	return ev_duration(x, e);
}

int ics_ev_read(struct ics_ctx *x, struct ics_ev *e)
{
	icalproperty *p;
	int rc;

	x->fault[0] = x->guess[0] = '\0';
	ev_texts(e);
	e->uid = ev_uid(x, e);
	p = icalcomponent_get_first_property(e->c, ICAL_SEQUENCE_PROPERTY);
	e->seq = p != NULL ? icalproperty_get_sequence(p) : 0;
	e->cancelled = icalcomponent_get_status(e->c) == ICAL_STATUS_CANCELLED;
	e->status_line = ics_lines_no(x->lines, e->node, "STATUS");
	ev_busy(x, e);
	/* The RECURRENCE-ID first: an override that cannot be read still hides
	 * the instance it replaces. */
	rc = ev_rid(x, e);
	if (rc == 0)
		rc = ev_times(x, e);
	if (rc != 0 && x->fatal)
		return -1;
	e->skipped = rc != 0;
	if (e->skipped) {
		e->why_line = x->fault_line;
		e->why = xstrdup(x->fault);
	} else if (x->guess[0] != '\0') {
		e->why_line = x->guess_line;
		e->why = xstrdup(x->guess);
	}
	return 0;
}

void ics_ev_clear(struct ics_ev *e)
{
	free(e->uid);
	free(e->title);
	free(e->location);
	free(e->why);
}
