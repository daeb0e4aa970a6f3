/* fuzz_ics.c - libFuzzer target for the calendar import (ics_parse and
 * ics_merge), read for 2026-W13 in Europe/Berlin.
 *
 * Whatever the file, the import ends within the file's budget of expansion
 * (run.sh gives each input -timeout seconds; a hang or a slow input is a
 * failure); a file is refused only with a message; an accepted file gives
 * occurrences in order, inside the range and the day, notes with a line
 * and a reason; strict mode refuses exactly the files with a note of a
 * problem; and the merge into the starter week either succeeds or says
 * why.  Sanitizers catch the rest.  See run.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics.h"
#include "starter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define WEEK 202613 /* Mon 23 Mar 2026, the week before the clocks change */

static void check_events(const struct ics_calendar *cal, date_t from, date_t to)
{
	for (size_t i = 0; i < cal->n_events; i++) {
		const struct ics_event *e = &cal->events[i];

		if (e->first > e->last || e->last < from || e->first > to || e->line < 1 ||
		    e->start < 0 || e->end > DATE_MINUTES_PER_DAY || e->uid[0] == '\0' ||
		    (!e->all_day && e->first == e->last && e->start >= e->end) ||
		    (i > 0 && cal->events[i - 1].first > e->first))
			abort();
	}
	for (size_t i = 0; i < cal->n_notes; i++)
		if (cal->notes[i].line < 1 || cal->notes[i].why[0] == '\0' ||
		    (i > 0 && cal->notes[i - 1].line > cal->notes[i].line))
			abort();
	for (size_t i = 1; i < cal->n_uids; i++)
		if (strcmp(cal->uids[i - 1], cal->uids[i]) >= 0)
			abort();
}

/* All or nothing: strict mode refuses a file exactly when it has a note of
 * a problem (not of an event left out), and otherwise reads the same. */
static void check_strict(const char *text, size_t size, const struct ics_calendar *cal,
			 date_t from, date_t to)
{
	struct ics_calendar *strict = NULL;
	struct error err = { 0 };
	bool problem = false;
	int rc = ics_parse_strict(text, size, from, to, &strict, &err);

	for (size_t i = 0; i < cal->n_notes; i++)
		problem |= cal->notes[i].kind != ICS_NOTE_LEFT_OUT;
	if (problem != (rc != 0) || (rc != 0 && err.msg[0] == '\0') ||
	    (rc == 0 && strict->n_events != cal->n_events))
		abort();
	ics_calendar_free(strict);
}

static void check_merge(const struct plan *p, const struct ics_calendar *cal, date_t from,
			date_t to)
{
	struct week *w[1] = { week_new(p, WEEK) };
	struct ics_report rep;
	struct error err = { 0 };

	if (ics_merge(w, 1, p, cal, from, to, &rep, &err) != 0) {
		if (err.msg[0] == '\0')
			abort();
	} else {
		if (rep.n_notes < cal->n_notes)
			abort();
		ics_report_clear(&rep);
	}
	week_free(w[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct plan *plan;
	date_t from = date_week_monday(WEEK), to = from + 6;
	struct ics_calendar *cal = NULL;
	struct error err = { 0 };
	char *text = malloc(size + 1);

	if (plan == NULL) {
		setenv("TZ", "Europe/Berlin", 1);
		tzset();
		plan = starter_plan(); /* kept for the run */
	}
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (ics_parse(text, size, from, to, &cal, &err) != 0) {
		if (err.msg[0] == '\0' || (err.code != ERR_DATA && err.code != ERR_REFUSED))
			abort(); /* refused without saying why */
		free(text);
		return 0;
	}
	check_events(cal, from, to);
	check_strict(text, size, cal, from, to);
	check_merge(plan, cal, from, to);
	ics_calendar_free(cal);
	free(text);
	return 0;
}
