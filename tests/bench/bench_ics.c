/* bench_ics.c - the calendar import: a salesperson's Outlook export of a
 * year, read into the four weeks from this one (ics_parse, then ics_merge
 * into those weeks as loaded), beside libical's own read of the same text.
 *
 * The calendar is made in memory, the same for a given day: two Windows
 * zones with their VTIMEZONEs (written from 1601, as Outlook does), weekly
 * and daily series begun a year ago with cancelled and moved instances, and
 * two or three single meetings a work day from a year back to two months
 * ahead (some in New York's zone, some in UTC as Google writes them, some
 * shown as free, a few all day), each with the description, organizer and
 * attendees a real invitation carries.
 */
#include "bench.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ics.h"
#include "store.h"

#define ICS_SERIES 30          /* recurring events */
#define ICS_PAST_DAYS 365      /* single meetings from a year back... */
#define ICS_AHEAD_DAYS 60      /* ...to two months ahead */
#define ICS_LIBICAL "libical.so.3"
#define ICS_STAMP 40           /* "20260324T090000" and room */

static const char ics_zones[] =
	"BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
	"BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n"
	"END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\n"
	"END:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
	"BEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\n"
	"BEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\n"
	"TZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11\r\n"
	"END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\n"
	"TZOFFSETTO:-0400\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3\r\n"
	"END:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

/* What every invitation carries besides its times. */
static void ics_event_body(struct buf *b, unsigned n, const char *title)
{
	buf_addf(b, "SUMMARY;LANGUAGE=de-DE:%s %u\r\n", title, n);
	buf_addf(b, "DESCRIPTION;LANGUAGE=de-DE:Agenda: pipeline\\, forecast and next steps"
		 " for account %u.\\n\\nMicrosoft Teams meeting\\nJoin on your computer or mobi\r\n"
		 " le app: https://teams.example.com/l/meetup-join/19%%3ameeting_%08u\\n\r\n", n, n);
	buf_addf(b, "ORGANIZER;CN=Jane Doe:mailto:jane.doe@example.com\r\n"
		 "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Buyer %u:m\r\n"
		 " ailto:buyer%u@customer.example\r\n", n, n);
	buf_addf(b, "LOCATION;LANGUAGE=de-DE:Room %u\r\nCLASS:PUBLIC\r\nPRIORITY:5\r\n"
		 "DTSTAMP:20260101T090000Z\r\nX-MICROSOFT-CDO-IMPORTANCE:1\r\n", n % 40);
}

static void ics_stamp(char out[ICS_STAMP], date_t day, int minutes)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(out, ICS_STAMP, "%04d%02d%02dT%02d%02d00", y, m, d, minutes / 60, minutes % 60);
}

static void ics_series(struct buf *b, date_t today, unsigned n)
{
	date_t first = today - ICS_PAST_DAYS + (date_t)(n % 7);
	char s[ICS_STAMP], e[ICS_STAMP], x[ICS_STAMP];
	int start = 8 * 60 + (int)(n % 16) * 30;

	ics_stamp(s, first, start);
	ics_stamp(e, first, start + 30);
	buf_addf(b, "BEGIN:VEVENT\r\nUID:series-%u@bench\r\n"
		 "DTSTART;TZID=W. Europe Standard Time:%s\r\n"
		 "DTEND;TZID=W. Europe Standard Time:%s\r\n", n, s, e);
	buf_addf(b, "RRULE:FREQ=%s;INTERVAL=1%s\r\n", n % 3 ? "WEEKLY" : "DAILY",
		 n % 3 ? "" : ";BYDAY=MO,TU,WE,TH,FR");
	ics_stamp(x, first + 14, start);
	buf_addf(b, "EXDATE;TZID=W. Europe Standard Time:%s\r\n", x);
	ics_event_body(b, n, "Jour fixe");
	buf_adds(b, "END:VEVENT\r\n");
	/* This week's instance moved by an hour, the next one cancelled. */
	for (int k = 0; k < 2; k++) {
		date_t day = first + ((today - first) / 7 + k) * 7;

		ics_stamp(x, day, start);
		ics_stamp(s, day, start + 60 * (1 - k));
		ics_stamp(e, day, start + 60 * (1 - k) + 30);
		buf_addf(b, "BEGIN:VEVENT\r\nUID:series-%u@bench\r\n"
			 "RECURRENCE-ID;TZID=W. Europe Standard Time:%s\r\n"
			 "DTSTART;TZID=W. Europe Standard Time:%s\r\n"
			 "DTEND;TZID=W. Europe Standard Time:%s\r\n%s", n, x, s, e,
			 k ? "STATUS:CANCELLED\r\n" : "SEQUENCE:1\r\n");
		ics_event_body(b, n, "Jour fixe");
		buf_adds(b, "END:VEVENT\r\n");
	}
}

/* One single meeting: zone, UTC, free or all day by its number. */
static void ics_single(struct buf *b, date_t day, unsigned n)
{
	char s[ICS_STAMP], e[ICS_STAMP];
	int start = 9 * 60 + (int)(n % 9) * 45;

	buf_addf(b, "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008%016u\r\n", n);
	if (n % 29 == 0) {
		ics_stamp(s, day, 0);
		ics_stamp(e, day + 1, 0);
		buf_addf(b, "DTSTART;VALUE=DATE:%.8s\r\nDTEND;VALUE=DATE:%.8s\r\n", s, e);
	} else {
		const char *zone = n % 5 == 0 ? "Eastern Standard Time" : "W. Europe Standard Time";

		ics_stamp(s, day, start);
		ics_stamp(e, day, start + 45);
		if (n % 7 == 0)
			buf_addf(b, "DTSTART:%sZ\r\nDTEND:%sZ\r\n", s, e);
		else
			buf_addf(b, "DTSTART;TZID=%s:%s\r\nDTEND;TZID=%s:%s\r\n", zone, s, zone, e);
	}
	buf_addf(b, "TRANSP:%s\r\nX-MICROSOFT-CDO-BUSYSTATUS:%s\r\n",
		 n % 11 == 0 ? "TRANSPARENT" : "OPAQUE", n % 11 == 0 ? "FREE" : "BUSY");
	ics_event_body(b, n, "Kundentermin");
	buf_adds(b, "END:VEVENT\r\n");
}

static char *ics_calendar_text(date_t today, size_t *len)
{
	struct buf b = BUF_INIT;
	unsigned n = 0;

	buf_adds(&b, "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
		 "VERSION:2.0\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Kalender\r\n");
	buf_adds(&b, ics_zones);
	for (unsigned i = 0; i < ICS_SERIES; i++)
		ics_series(&b, today, i);
	for (date_t day = today - ICS_PAST_DAYS; day <= today + ICS_AHEAD_DAYS; day++) {
		if (date_weekday(day) >= 5)
			continue;
		for (unsigned k = 0; k < 2 + (unsigned)(day % 2); k++)
			ics_single(&b, day, n++);
	}
	buf_adds(&b, "END:VCALENDAR\r\n");
	*len = b.len;
	return buf_take(&b);
}

static int ics_libical(struct bench_ctx *c)
{
	void *h = dlopen(ICS_LIBICAL, RTLD_NOW | RTLD_LOCAL);
	void *parse, *release;

	if (h == NULL)
		return error_set(&c->err, ERR_IO, "cannot open %s: %s", ICS_LIBICAL, dlerror());
	parse = dlsym(h, "icalparser_parse_string");
	release = dlsym(h, "icalcomponent_free");
	if (parse == NULL || release == NULL)
		return error_set(&c->err, ERR_IO, "%s lacks its parser", ICS_LIBICAL);
	/* POSIX: a function's address from dlsym converts to a pointer to it. */
	memcpy(&c->ical_parse, &parse, sizeof parse);
	memcpy(&c->ical_free, &release, sizeof release);
	c->ical = h;
	return 0;
}

int bench_ics_open(struct bench_ctx *c, struct error *err)
{
	int first = c->st.now_week;

	c->ics_text = ics_calendar_text(c->st.today, &c->ics_len);
	c->ics_from = date_week_monday(first);
	c->ics_to = c->ics_from + 7 * BENCH_ICS_WEEKS - 1;
	for (int i = 0; i < BENCH_ICS_WEEKS; i++)
		if (store_load_week(c->store, c->plan, date_week_add(first, i), &c->ics_weeks[i],
				    err) != 0)
			return -1;
	if (ics_libical(c) != 0) {
		*err = c->err;
		return -1;
	}
	return 0;
}

void bench_ics_close(struct bench_ctx *c)
{
	for (int i = 0; i < BENCH_ICS_WEEKS; i++)
		week_free(c->ics_weeks[i]);
	free(c->ics_text);
	if (c->ical != NULL)
		dlclose(c->ical);
}

/* `focusweek import --ics` without the lock and the save: the file read
 * into occurrences, and merged into copies of the weeks of the range. */
int hook_import_ics(struct bench_ctx *c)
{
	struct ics_calendar *cal = NULL;
	struct ics_report rep;
	struct week *w[BENCH_ICS_WEEKS];
	int rc;

	if (ics_parse(c->ics_text, c->ics_len, c->ics_from, c->ics_to, &cal, &c->err) != 0)
		return -1;
	for (int i = 0; i < BENCH_ICS_WEEKS; i++)
		w[i] = week_clone(c->ics_weeks[i]);
	rc = ics_merge(w, BENCH_ICS_WEEKS, c->plan, cal, c->ics_from, c->ics_to, &rep, &c->err);
	if (rc == 0)
		ics_report_clear(&rep);
	for (int i = 0; i < BENCH_ICS_WEEKS; i++)
		week_free(w[i]);
	ics_calendar_free(cal);
	return rc;
}

/* libical's own read of the same text: what any importer through it pays. */
int op_import_floor(struct bench_ctx *c)
{
	void *root = c->ical_parse(c->ics_text);

	if (root == NULL)
		return error_set(&c->err, ERR_DATA, "libical refused the calendar");
	c->ical_free(root);
	return 0;
}
