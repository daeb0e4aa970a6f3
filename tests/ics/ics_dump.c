/* ics_dump.c - what `focusweek import --ics` reads from a calendar file, one
 * line per occurrence, for the differential test (differential.py):
 *
 *   ics_dump FILE FROM TO [--strict]
 *
 *   T 2026-03-24 10:00 2026-03-24 11:00 UID      a timed occurrence (local)
 *   D 2026-03-24 2026-03-26 UID                   an all-day one (inclusive)
 *   N KIND LINE WHY                               a note (skipped, left-out,
 *                                                 assumed, ignored: see ics.h)
 *
 * The UID is the event's, without the "#RID" of an instance.  A file that
 * is refused prints "refused: WHY" and exits 1; bad arguments exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "date.h"
#include "ics.h"

static void dump_event(const struct ics_event *e)
{
	char f[11], l[11], s[6], t[6];
	const char *hash = strrchr(e->uid, '#');
	int n = hash != NULL ? (int)(hash - e->uid) : (int)strlen(e->uid);

	date_format(e->first, f);
	date_format(e->last, l);
	if (e->all_day) {
		printf("D %s %s %.*s\n", f, l, n, e->uid);
		return;
	}
	date_time_format(e->start, s);
	date_time_format(e->end, t);
	printf("T %s %s %s %s %.*s\n", f, s, l, t, n, e->uid);
}

int main(int argc, char **argv)
{
	static const char *const kinds[ICS_NOTE_KINDS] = {
		[ICS_NOTE_SKIPPED] = "skipped", [ICS_NOTE_LEFT_OUT] = "left-out",
		[ICS_NOTE_ASSUMED] = "assumed", [ICS_NOTE_IGNORED] = "ignored",
	};
	struct error err = { 0 };
	struct ics_calendar *cal = NULL;
	date_t from, to;
	char *text;
	size_t len;

	if ((argc != 4 && argc != 5) || date_parse(argv[2], &from) != 0 ||
	    date_parse(argv[3], &to) != 0 || (argc == 5 && strcmp(argv[4], "--strict") != 0)) {
		fputs("usage: ics_dump FILE FROM TO [--strict]\n", stderr);
		return 2;
	}
	if (clock_init(&err) != 0 || ics_file_read(argv[1], &text, &len, &err) != 0 ||
	    (argc == 5 ? ics_parse_strict : ics_parse)(text, len, from, to, &cal, &err) != 0) {
		printf("refused: %s\n", err.msg);
		return 1;
	}
	for (size_t i = 0; i < cal->n_events; i++)
		dump_event(&cal->events[i]);
	for (size_t i = 0; i < cal->n_notes; i++)
		printf("N %s %d %s\n", kinds[cal->notes[i].kind], cal->notes[i].line,
		       cal->notes[i].why);
	ics_calendar_free(cal);
	free(text);
	return 0;
}
