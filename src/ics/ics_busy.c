/* ics_busy.c - one file of a calendar's vdir read as busy time, in a form
 * that can be kept and used again while the file is unchanged.
 *
 * A file whose events do not repeat is read whole: its occurrences are
 * all known, so it need not be read again whichever weeks a later sync
 * looks at (lo..hi says where they lie).  A file with a repeating event is
 * read for the days asked only, and again when a sync looks past them.
 */
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

int ics_text_repeats(const char *text, size_t len, bool *repeats, struct error *err)
{
	struct ics_lines l;

	*repeats = false;
	if (ics_lines_read(&l, text, len, err) != 0)
		return -1;
	/* An event's RRULE or RDATE: a VTIMEZONE's rules change no event. */
	for (size_t i = 0; i < l.n_lines && !*repeats; i++)
		*repeats = (ics_line_is(&l, i, "RRULE") || ics_line_is(&l, i, "RDATE")) &&
			   strcmp(l.nodes[l.lines[i].node].name, "VEVENT") == 0;
	ics_lines_free(&l);
	return 0;
}

static void event_move(struct ics_event *dst, struct ics_event *src)
{
	*dst = *src;
	src->uid = src->title = src->location = NULL;
}

/* Keeps the occurrences that touch from..to; notes where all of them lie. */
static void busy_take(struct ics_busy *out, struct ics_calendar *cal, date_t from, date_t to)
{
	out->lo = 1;
	out->hi = 0;
	out->events = xcalloc(cal->n_events + 1, sizeof *out->events);
	for (size_t i = 0; i < cal->n_events; i++) {
		struct ics_event *e = &cal->events[i];

		if (out->lo > out->hi || e->first < out->lo)
			out->lo = e->first;
		if (e->last > out->hi)
			out->hi = e->last;
		if (e->last >= from && e->first <= to)
			event_move(&out->events[out->n_events++], e);
	}
}

int ics_busy_read(const char *text, size_t len, date_t from, date_t to, struct ics_busy *out,
		  struct error *err)
{
	struct ics_calendar *cal;
	bool repeats;

	memset(out, 0, sizeof *out);
	if (ics_text_repeats(text, len, &repeats, err) != 0)
		return -1;
	out->whole = !repeats;
	if (ics_parse(text, len, repeats ? from : date_from_ymd(DATE_YEAR_MIN, 1, 1),
		      repeats ? to : date_from_ymd(DATE_YEAR_MAX, 12, 31), &cal, err) != 0)
		return -1;
	busy_take(out, cal, from, to);
	ics_calendar_free(cal);
	return 0;
}

void ics_busy_clear(struct ics_busy *b)
{
	for (size_t i = 0; i < b->n_events; i++) {
		free(b->events[i].uid);
		free(b->events[i].title);
		free(b->events[i].location);
	}
	free(b->events);
	memset(b, 0, sizeof *b);
}

size_t ics_identity_uid_len(const char *identity)
{
	const char *hash = strrchr(identity, '#');
	size_t rid;

	/* "UID#RID" with RID "20260330", "20260330T090000" or "...Z" (ics.h). */
	if (hash == NULL)
		return strlen(identity);
	rid = strlen(hash + 1);
	if (rid < 8 || strspn(hash + 1, "0123456789TZ") != rid)
		return strlen(identity);
	return (size_t)(hash - identity);
}
