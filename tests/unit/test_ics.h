/* test_ics.h - what the calendar import tests share: calendars made from
 * the lines of their events, the occurrences as one line each, and the
 * notes looked up by kind and text. */
#ifndef FOCUSWEEK_TEST_ICS_H
#define FOCUSWEEK_TEST_ICS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ics.h"
#include "testutil.h"

static inline date_t ti_day(const char *s)
{
	date_t out;

	assert_int_equal(date_parse(s, &out), 0);
	return out;
}

/* A calendar around the given lines (LF line ends); `head` goes before the
 * events (X-WR-TIMEZONE, VTIMEZONEs). */
static inline char *ti_calendar(const char *head, const char *events)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n%s%sEND:VCALENDAR\n",
		 head != NULL ? head : "", events);
	return buf_take(&b);
}

/* One line per occurrence:
 *   2026-03-25 14:00-15:00 Title <uid>
 *   2026-03-28 22:00-2026-03-29 04:00 Title <uid>
 *   2026-03-24..2026-03-26 Title <uid>            (all day) */
static inline char *ti_render(const struct ics_calendar *cal)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < cal->n_events; i++) {
		const struct ics_event *e = &cal->events[i];
		char f[11], l[11], s[6], t[6];

		date_format(e->first, f);
		date_format(e->last, l);
		date_time_format(e->start, s);
		date_time_format(e->end, t);
		if (e->all_day)
			buf_addf(&b, "%s..%s", f, l);
		else if (e->first == e->last)
			buf_addf(&b, "%s %s-%s", f, s, t);
		else
			buf_addf(&b, "%s %s-%s %s", f, s, l, t);
		buf_addf(&b, " %s <%s>\n", e->title, e->uid);
	}
	return buf_take(&b);
}

/* Parses (leniently) or fails the test. */
static inline struct ics_calendar *ti_parse(const char *text, const char *from, const char *to)
{
	struct ics_calendar *cal = NULL;
	struct error err = { 0 };

	if (ics_parse(text, strlen(text), ti_day(from), ti_day(to), &cal, &err) != 0)
		fail_msg("ics_parse: %s", err.msg);
	return cal;
}

/* The notes as "KIND line N (COUNT): why" lines, kinds "skipped", "left
 * out", "assumed", "ignored"; COUNT is left out when 0. */
static inline char *ti_notes(const struct ics_note *notes, size_t n)
{
	static const char *const kinds[ICS_NOTE_KINDS] = {
		[ICS_NOTE_SKIPPED] = "skipped", [ICS_NOTE_LEFT_OUT] = "left out",
		[ICS_NOTE_ASSUMED] = "assumed", [ICS_NOTE_IGNORED] = "ignored",
	};
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		buf_addf(&b, "%s line %d", kinds[notes[i].kind], notes[i].line);
		if (notes[i].count > 0)
			buf_addf(&b, " (%zu)", notes[i].count);
		buf_addf(&b, ": %s\n", notes[i].why);
	}
	return buf_take(&b);
}

/* Parses the events in [from, to] and compares the occurrences and the
 * notes with what is wanted. */
static inline void ti_expect(const char *head, const char *events, const char *from,
			     const char *to, const char *want, const char *want_notes)
{
	char *text = ti_calendar(head, events);
	struct ics_calendar *cal = ti_parse(text, from, to);
	char *got = ti_render(cal), *notes = ti_notes(cal->notes, cal->n_notes);

	assert_string_equal(got ? got : "", want);
	assert_string_equal(notes ? notes : "", want_notes);
	free(got);
	free(notes);
	ics_calendar_free(cal);
	free(text);
}

/* ics_parse_strict of the same: refused with "line N: ..." (want, a
 * prefix), or read when want is NULL. */
static inline void ti_strict(const char *head, const char *events, const char *want)
{
	char *text = ti_calendar(head, events);
	struct ics_calendar *cal = NULL;
	struct error err = { 0 };
	int rc = ics_parse_strict(text, strlen(text), ti_day("2026-03-23"), ti_day("2026-04-19"),
				  &cal, &err);

	if (want == NULL) {
		if (rc != 0)
			fail_msg("strict: refused: %s", err.msg);
		ics_calendar_free(cal);
	} else {
		assert_int_equal(rc, -1);
		assert_null(cal);
		if (strncmp(err.msg, want, strlen(want)) != 0)
			fail_msg("strict: got \"%s\", not \"%s...\"", err.msg, want);
	}
	free(text);
}

#endif
