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
#include <strings.h>

#include "ics_int.h"
#include "xalloc.h"

/* Is the line [s, s+n) property `name` (any case), followed by ':' or ';'? */
static bool line_names(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);

	return n > k && strncasecmp(s, name, k) == 0 && (s[k] == ':' || s[k] == ';');
}

bool ics_text_repeats(const char *text, size_t len)
{
	bool event[ICS_DEPTH_MAX];
	size_t depth = 0;
	const char *p = text, *end = text + len;

	/* Line by line, without unfolding: a property's name starts its line. */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl != NULL ? nl : end) - p);

		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (line_names(p, n, "BEGIN")) {
			if (depth == ICS_DEPTH_MAX)
				return true; /* not a calendar to trust: read it as repeating */
			event[depth++] = n == 12 && strncasecmp(p + 6, "VEVENT", 6) == 0;
		} else if (line_names(p, n, "END")) {
			if (depth == 0)
				return true;
			depth--;
		} else if (depth > 0 && event[depth - 1] &&
			   (line_names(p, n, "RRULE") || line_names(p, n, "RDATE"))) {
			return true;
		}
		p = nl != NULL ? nl + 1 : end;
	}
	return false;
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

/* The events of the file that could not be read (skipped, each noted by
 * the import), as one line: "line 4 \"Call\": DTEND comes before DTSTART;
 * ...", or NULL. */
static char *busy_skipped(const struct ics_calendar *cal)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < cal->n_notes; i++) {
		const struct ics_note *n = &cal->notes[i];

		if (n->kind != ICS_NOTE_SKIPPED || b.len > ICS_BUSY_PROBLEM_MAX)
			continue;
		buf_addf(&b, "%sline %d", b.len ? "; " : "", n->line);
		if (n->title != NULL)
			buf_addf(&b, " \"%s\"", n->title);
		buf_addf(&b, ": %s", n->why);
	}
	if (b.len > ICS_BUSY_PROBLEM_MAX) {
		b.len = ICS_BUSY_PROBLEM_MAX;
		buf_adds(&b, "...");
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

int ics_busy_read(const char *text, size_t len, date_t from, date_t to, struct ics_busy *out,
		  struct error *err)
{
	struct ics_calendar *cal;
	bool repeats;

	memset(out, 0, sizeof *out);
	repeats = ics_text_repeats(text, len);
	out->whole = !repeats;
	if (ics_parse(text, len, repeats ? from : date_from_ymd(DATE_YEAR_MIN, 1, 1),
		      repeats ? to : date_from_ymd(DATE_YEAR_MAX, 12, 31), &cal, err) != 0)
		return -1;
	busy_take(out, cal, from, to);
	out->problem = busy_skipped(cal);
	ics_calendar_free(cal);
	return 0;
}

int ics_lib_ready(struct error *err)
{
	return ics_lib_open(err);
}

void ics_busy_clear(struct ics_busy *b)
{
	free(b->problem);
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
