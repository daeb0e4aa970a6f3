/* test_ics_parse.c - calendar files into occurrences: exports shaped like
 * Google Calendar's and Outlook's, recurrence, zones, daylight-saving
 * changes, and malformed files with the line of their error. */
#include "test_ics.h"

static char *fixture(const char *name, size_t *len)
{
	const char *dir = getenv("FOCUSWEEK_TEST_DATA");
	char path[512];
	char *data = NULL;
	struct error err = { 0 };

	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/ics/%s", dir, name);
	if (ics_file_read(path, &data, len, &err) != 0)
		fail_msg("%s", err.msg);
	return data;
}

/* Does cal hold a note of that kind ("skipped", "left out", "assumed",
 * "ignored") reading "line N: why" (starting so; NULL: any)? */
static bool has_note(const struct ics_calendar *cal, const char *kind, const char *msg)
{
	static const char *const kinds[ICS_NOTE_KINDS] = {
		[ICS_NOTE_SKIPPED] = "skipped", [ICS_NOTE_LEFT_OUT] = "left out",
		[ICS_NOTE_ASSUMED] = "assumed", [ICS_NOTE_IGNORED] = "ignored",
	};

	for (size_t i = 0; i < cal->n_notes; i++) {
		char line[600];

		snprintf(line, sizeof line, "line %d: %s", cal->notes[i].line, cal->notes[i].why);
		if (strcmp(kinds[cal->notes[i].kind], kind) == 0 &&
		    (msg == NULL || strncmp(line, msg, strlen(msg)) == 0))
			return true;
	}
	return false;
}

/* "line N: why" of the first note that is not an event left out, or "". */
static void first_problem(const struct ics_calendar *cal, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < cal->n_notes; i++)
		if (cal->notes[i].kind != ICS_NOTE_LEFT_OUT) {
			snprintf(out, size, "line %d: %s", cal->notes[i].line, cal->notes[i].why);
			return;
		}
}

static struct ics_calendar *parse(const char *text, size_t len, const char *from, const char *to)
{
	struct ics_calendar *cal = NULL;
	struct error err = { 0 };

	if (ics_parse(text, len, ti_day(from), ti_day(to), &cal, &err) != 0)
		fail_msg("ics_parse: %s", err.msg);
	return cal;
}

static void expect(const char *text, const char *from, const char *to, const char *want)
{
	struct ics_calendar *cal = parse(text, strlen(text), from, to);
	char *got = ti_render(cal);

	assert_string_equal(got ? got : "", want);
	free(got);
	ics_calendar_free(cal);
}

/* A calendar around the lines of one or more VEVENTs (LF line ends). */
static char *calendar(const char *events)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n%sEND:VCALENDAR\n", events);
	return buf_take(&b);
}

static void expect_events(const char *events, const char *from, const char *to,
			  const char *want)
{
	char *text = calendar(events);

	expect(text, from, to, want);
	free(text);
}

#define STANDUP "<4kq1s0v2m9l8r7t6y5u4i3o2p1@google.com#"

static void test_google_export(void **state)
{
	size_t len;
	char *text = fixture("google.ics", &len), *got;
	struct ics_calendar *cal;

	(void)state;
	tu_tz("Europe/Berlin");
	cal = parse(text, len, "2026-03-23", "2026-04-05");
	got = ti_render(cal);
	assert_string_equal(got,
		"2026-03-24..2026-03-26 Trade fair “MedTech Düsseldorf” — stand B12 "
		"<7h2j3k4l5m6n7b8v9c0x1z2a3s@google.com>\n"
		/* 09:00 in New York is 13:00 UTC (the US changed on 8 March), 14:00 in Berlin */
		"2026-03-25 14:00-15:00 Kick-off with the Boston team <ny-kickoff@google.com>\n"
		"2026-03-26 14:00-15:00 Call with Zoë Müller (Ørsted A/S) about the pricing of "
		"the Nordic hospital bundle — 第二回 <9q8w7e6r5t4y3u2i1o0p9a8s7d@google.com>\n"
		"2026-03-26 17:00-18:00 Gym <floating-gym-20260326@google.com>\n"
		/* the override keeps the identity of the 09:30 CET it replaces */
		"2026-03-27 11:00-11:30 Team stand-up (moved to 11:00) " STANDUP "20260327T083000Z>\n"
		/* 22:00 CET to 04:00 CEST: the night the clocks go forward */
		"2026-03-28 22:00-2026-03-29 04:00 Flight LH400 FRA–JFK "
		"<night-flight-LH400@google.com>\n"
		"2026-03-30 09:30-10:00 Team stand-up " STANDUP "20260330T073000Z>\n"
		"2026-04-01 09:30-10:00 Team stand-up " STANDUP "20260401T073000Z>\n"
		"2026-04-03 09:30-10:00 Team stand-up " STANDUP "20260403T073000Z>\n");
	/* Mon 23 cancelled by its override; Wed 25 an EXDATE; the focus time free. */
	assert_int_equal(cal->n_cancelled, 1);
	assert_int_equal(cal->n_free, 1);
	assert_int_equal(cal->n_empty, 0);
	assert_int_equal(cal->n_uids, 7);
	assert_string_equal(cal->uids[0], "4kq1s0v2m9l8r7t6y5u4i3o2p1@google.com");
	free(got);
	ics_calendar_free(cal);

	/* The same file read from New York: zoned times move, and so do floating
	 * ones, which are in the calendar's X-WR-TIMEZONE (Europe/Berlin). */
	tu_tz("America/New_York");
	cal = parse(text, len, "2026-03-25", "2026-03-26");
	got = ti_render(cal);
	assert_non_null(strstr(got, "2026-03-25 09:00-10:00 Kick-off with the Boston team"));
	assert_non_null(strstr(got, "2026-03-26 09:00-10:00 Call with Zoë"));
	assert_non_null(strstr(got, "2026-03-26 12:00-13:00 Gym"));
	free(got);
	ics_calendar_free(cal);
	free(text);
	tu_tz("Europe/Berlin");
}

#define PIPELINE "040000008200E00074C5B7101A82E00800000000D0B1C6E7D9A7DC01000000000000000010000000" \
		 "A1B2C3D4E5F60718293A4B5C6D7E8F90"
#define SEATTLE "040000008200E00074C5B7101A82E00800000000AABBCCDDEEFF00112233445566778899"

static void test_outlook_export(void **state)
{
	size_t len;
	char *text = fixture("outlook.ics", &len);

	(void)state;
	tu_tz("Europe/Berlin");
	/* Windows zone names: defined by the file's VTIMEZONEs, except "Eastern
	 * Standard Time", which has none and is looked up.  The summary of the
	 * series is folded inside the two bytes of an "ö". */
	expect(text, "2026-03-23", "2026-04-05",
	       "2026-03-24 10:00-11:00 Pipeline-Überprüfung mit der Vertriebsleitung (wöchentlich, "
	       "bitte Forecast aktualisieren) <" PIPELINE "#20260324T090000Z>\n"
	       /* 08:00 in Seattle: 16:00 in Berlin while only the US is on summer time... */
	       "2026-03-26 16:00-17:00 Forecast call with Seattle <" SEATTLE "#20260326T150000Z>\n"
	       "2026-03-31 14:00-15:00 Pipeline-Überprüfung (verschoben) <" PIPELINE
	       "#20260331T080000Z>\n"
	       "2026-04-01 16:00-17:00 Customer call: Contoso Health (Boston) "
	       "<040000008200E00074C5B7101A82E00800000000FFEEDDCCBBAA99887766554433221100>\n"
	       "2026-04-02 12:00-13:00 Arzttermin "
	       "<040000008200E00074C5B7101A82E0080000000001020304050607080910111213141516>\n"
	       /* ...and 17:00 once both are; Good Friday is all day and free
	        * (X-MICROSOFT-CDO-BUSYSTATUS), so left out */
	       "2026-04-02 17:00-18:00 Forecast call with Seattle <" SEATTLE "#20260402T150000Z>\n");
	/* COUNT=10 from 3 March ends on 5 May. */
	expect(text, "2026-05-04", "2026-05-17",
	       "2026-05-05 10:00-11:00 Pipeline-Überprüfung mit der Vertriebsleitung (wöchentlich, "
	       "bitte Forecast aktualisieren) <" PIPELINE "#20260505T080000Z>\n");
	free(text);
}

/* Only what is no calendar at all is refused; everything else is read as
 * far as it goes, each problem a note with its line (and in strict mode
 * the whole file refused at the first). */
static void test_malformed(void **state)
{
	static const struct {
		const char *file, *kind, *msg;
	} bad[] = {
		{ "backwards", "skipped", "line 8: the event ends before it starts (DTEND before "
			   "DTSTART)" },
		{ "control", "ignored", "line 9: \"SUMMARY:Escape \x1b[2J here\" cannot be read: "
			   "contains the control character 0x1B" },
		{ "date", "skipped", "line 7: cannot read \"DTSTART:2026-03-25T09:00\": can't parse "
			  "as DATE-TIME value in DTSTART property" },
		{ "empty", NULL, "line 1: not a calendar file: there is no BEGIN:VCALENDAR" },
		{ "fold", "ignored", "line 1: a line starting with blanks continues nothing: read "
			  "without them" },
		{ "json", NULL, "line 1: not a calendar file: there is no BEGIN:VCALENDAR" },
		{ "mismatch", "ignored", "line 10: END:VTODO without its BEGIN" },
		{ "mixed", "skipped", "line 8: DTEND is a date-time, but DTSTART is a date" },
		{ "nocolon", "ignored", "line 9: \"SUMMARY Team meeting\" cannot be read: SUMMARY "
			     "has no ':' before its value" },
		{ "nodtstart", "skipped", "line 4: the event has no DTSTART" },
		{ "nul", NULL, "line 9: contains a NUL byte; this is not a text file" },
		{ "outside", "ignored", "line 11: \"SUMMARY:After the end\" is outside "
			    "BEGIN:VCALENDAR" },
		{ "param", "skipped", "line 7: cannot read \"DTSTART;VALUE=SOMEDAY:20260325T090000\": "
			  "invalid VALUE type for property DTSTART" },
		{ "quote", "skipped", "line 7: \"DTSTART;TZID=\"Europe/Berlin:20260325T090\" cannot "
			  "be read: a quoted parameter of DTSTART is never closed" },
		{ "rrule", "skipped", "line 9: cannot read \"RRULE:FREQ=SOMETIMES;COUNT=3\": can't "
			  "parse as RECUR value in RRULE property" },
		{ "toplevel", NULL, "line 1: not a calendar file: there is no BEGIN:VCALENDAR" },
		{ "truncated", "ignored", "line 1: BEGIN:VCALENDAR is never closed (no "
			       "END:VCALENDAR); read to the end of the file" },
		{ "tzid", "assumed", "line 7: the time zone \"Mars/Olympus_Mons\" is defined "
			  "nowhere (no VTIMEZONE, and no zone has that name): read as local time" },
		{ "utf8", "ignored", NULL },
		{ "vtimezone", "left out", "line 11: has no duration: a point in time is no busy "
			       "time" },
	};

	(void)state;
	tu_tz("Europe/Berlin");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char name[64], *text, want[400];
		size_t len;
		struct ics_calendar *cal = (void *)1;
		struct error err = { 0 };
		int rc;

		snprintf(name, sizeof name, "bad/%s.ics", bad[i].file);
		text = fixture(name, &len);
		rc = ics_parse(text, len, ti_day("2026-03-23"), ti_day("2026-03-29"), &cal, &err);
		if (bad[i].kind == NULL) {
			assert_int_equal(rc, -1);
			assert_null(cal);
			assert_int_equal(err.code, ERR_DATA);
			if (strcmp(err.msg, bad[i].msg) != 0)
				fail_msg("%s: got \"%s\"", bad[i].file, err.msg);
		} else {
			if (rc != 0)
				fail_msg("%s: refused: %s", bad[i].file, err.msg);
			snprintf(want, sizeof want, "%s %s", bad[i].kind, bad[i].msg ? bad[i].msg : "");
			if (!has_note(cal, bad[i].kind, bad[i].msg))
				fail_msg("%s: no note \"%s\"", bad[i].file, want);
			/* All or nothing: the first problem (not an event left out)
			 * refuses it, with its line. */
			first_problem(cal, want, sizeof want);
			ics_calendar_free(cal);
			rc = ics_parse_strict(text, len, ti_day("2026-03-23"), ti_day("2026-03-29"), &cal, &err);
			assert_int_equal(rc, want[0] != '\0' ? -1 : 0);
			if (rc == 0)
				ics_calendar_free(cal);
			else if (strncmp(err.msg, want, strlen(want)) != 0)
				fail_msg("%s: strict: got \"%s\", not \"%s\"", bad[i].file, err.msg,
					 want);
		}
		free(text);
	}
}

static void test_recurrence(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	/* DTSTART is an occurrence even when the rule would not make it one. */
	expect_events("BEGIN:VEVENT\nUID:r1\nDTSTART;TZID=Europe/Berlin:20260303T090000\n"
		      "DURATION:PT1H\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2\nSUMMARY:Odd start\n"
		      "END:VEVENT\n", "2026-03-02", "2026-03-15",
		      "2026-03-03 09:00-10:00 Odd start <r1#20260303T080000Z>\n"
		      "2026-03-09 09:00-10:00 Odd start <r1#20260309T080000Z>\n");
	/* EXDATE as a date on a timed series; RDATE as a time and as a period. */
	expect_events("BEGIN:VEVENT\nUID:r2\nDTSTART:20260302T150000Z\nDTEND:20260302T153000Z\n"
		      "RRULE:FREQ=DAILY;COUNT=5\nEXDATE;VALUE=DATE:20260304\n"
		      "RDATE:20260310T120000Z\nRDATE;VALUE=PERIOD:20260311T080000Z/PT2H\n"
		      "SUMMARY:Daily check\nEND:VEVENT\n", "2026-03-02", "2026-03-15",
		      "2026-03-02 16:00-16:30 Daily check <r2#20260302T150000Z>\n"
		      "2026-03-03 16:00-16:30 Daily check <r2#20260303T150000Z>\n"
		      "2026-03-05 16:00-16:30 Daily check <r2#20260305T150000Z>\n"
		      "2026-03-06 16:00-16:30 Daily check <r2#20260306T150000Z>\n"
		      "2026-03-10 13:00-13:30 Daily check <r2#20260310T120000Z>\n"
		      "2026-03-11 09:00-11:00 Daily check <r2#20260311T080000Z>\n");
	/* UNTIL is an instant: 09:00 in Tokyo on the 23rd is exactly 00:00 UTC... */
	expect_events("BEGIN:VEVENT\nUID:tokyo\nDTSTART;TZID=Asia/Tokyo:20260302T090000\n"
		      "DURATION:PT30M\nRRULE:FREQ=WEEKLY;UNTIL=20260323T000000Z\n"
		      "SUMMARY:Tokyo\nEND:VEVENT\n", "2026-03-16", "2026-03-29",
		      "2026-03-16 01:00-01:30 Tokyo <tokyo#20260316T000000Z>\n"
		      "2026-03-23 01:00-01:30 Tokyo <tokyo#20260323T000000Z>\n");
	/* ...and 09:00 in New York on the 23rd, 13:00 UTC, is after it.  The US
	 * changed clocks on 8 March: the same meeting comes an hour earlier. */
	expect_events("BEGIN:VEVENT\nUID:ny\nDTSTART;TZID=America/New_York:20260302T090000\n"
		      "DURATION:PT1H\nRRULE:FREQ=WEEKLY;UNTIL=20260323T125959Z\n"
		      "SUMMARY:New York\nEND:VEVENT\n", "2026-03-01", "2026-03-29",
		      "2026-03-02 15:00-16:00 New York <ny#20260302T140000Z>\n"
		      "2026-03-09 14:00-15:00 New York <ny#20260309T130000Z>\n"
		      "2026-03-16 14:00-15:00 New York <ny#20260316T130000Z>\n");
	/* A floating EXDATE and RECURRENCE-ID on a series in a zone: its wall times. */
	expect_events("BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Berlin:20260323T080000\n"
		      "DURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=3\nEXDATE:20260324T080000\n"
		      "SUMMARY:Early\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:w\nRECURRENCE-ID:20260325T080000\n"
		      "DTSTART;TZID=Europe/Berlin:20260325T120000\nDURATION:PT1H\n"
		      "SUMMARY:Moved\nEND:VEVENT\n", "2026-03-23", "2026-03-29",
		      "2026-03-23 08:00-09:00 Early <w#20260323T070000Z>\n"
		      "2026-03-25 12:00-13:00 Moved <w#20260325T080000>\n");
	/* All-day series with an exception. */
	expect_events("BEGIN:VEVENT\nUID:fair\nDTSTART;VALUE=DATE:20260323\n"
		      "RRULE:FREQ=DAILY;COUNT=3\nEXDATE;VALUE=DATE:20260324\nSUMMARY:Fair\n"
		      "END:VEVENT\n", "2026-03-23", "2026-03-29",
		      "2026-03-23..2026-03-23 Fair <fair#20260323>\n"
		      "2026-03-25..2026-03-25 Fair <fair#20260325>\n");
}

/* Series begun years ago, which libical starts near the range instead of
 * walking from DTSTART (checked against python3-dateutil), and an HOURLY one
 * it walks. */
static void test_long_series(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	expect_events("BEGIN:VEVENT\nUID:daily\nDTSTART;TZID=Europe/Berlin:20150105T093000\n"
		      "DURATION:PT15M\nRRULE:FREQ=DAILY\nSUMMARY:Daily\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:thu\nDTSTART;TZID=Europe/Berlin:20160107T100000\n"
		      "DURATION:PT1H\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH\nSUMMARY:Every other "
		      "Thursday\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:fri\nDTSTART;TZID=Europe/Berlin:20150626T150000\n"
		      "DURATION:PT1H\nRRULE:FREQ=MONTHLY;BYDAY=-1FR\nSUMMARY:Last Friday\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:ended\nDTSTART;TZID=Europe/Berlin:20150105T080000\n"
		      "DURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=20190101T000000Z\nSUMMARY:Over\n"
		      "END:VEVENT\n", "2026-03-26", "2026-04-03",
		      "2026-03-26 09:30-09:45 Daily <daily#20260326T083000Z>\n"
		      "2026-03-27 09:30-09:45 Daily <daily#20260327T083000Z>\n"
		      "2026-03-27 15:00-16:00 Last Friday <fri#20260327T140000Z>\n"
		      "2026-03-28 09:30-09:45 Daily <daily#20260328T083000Z>\n"
		      "2026-03-29 09:30-09:45 Daily <daily#20260329T073000Z>\n"
		      "2026-03-30 09:30-09:45 Daily <daily#20260330T073000Z>\n"
		      "2026-03-31 09:30-09:45 Daily <daily#20260331T073000Z>\n"
		      "2026-04-01 09:30-09:45 Daily <daily#20260401T073000Z>\n"
		      "2026-04-02 09:30-09:45 Daily <daily#20260402T073000Z>\n"
		      "2026-04-02 10:00-11:00 Every other Thursday <thu#20260402T080000Z>\n"
		      "2026-04-03 09:30-09:45 Daily <daily#20260403T073000Z>\n");
	expect_events("BEGIN:VEVENT\nUID:h\nDTSTART:20260326T000000Z\nDURATION:PT30M\n"
		      "RRULE:FREQ=HOURLY;INTERVAL=5\nSUMMARY:Hourly\nEND:VEVENT\n",
		      "2026-03-27", "2026-03-27",
		      "2026-03-27 02:00-02:30 Hourly <h#20260327T010000Z>\n"
		      "2026-03-27 07:00-07:30 Hourly <h#20260327T060000Z>\n"
		      "2026-03-27 12:00-12:30 Hourly <h#20260327T110000Z>\n"
		      "2026-03-27 17:00-17:30 Hourly <h#20260327T160000Z>\n"
		      "2026-03-27 22:00-22:30 Hourly <h#20260327T210000Z>\n");
}

/* A rule that would take minutes to walk to the range: its event is
 * skipped (and the file refused in strict mode), the others imported. */
static void test_too_much_work(void **state)
{
	char *text = calendar("BEGIN:VEVENT\nUID:s\nDTSTART:20250101T000000Z\nDURATION:PT1S\n"
			      "RRULE:FREQ=SECONDLY\nSUMMARY:Tick\nEND:VEVENT\n"
			      "BEGIN:VEVENT\nUID:ok\nDTSTART:20260324T090000Z\nDURATION:PT1H\n"
			      "SUMMARY:Fine\nEND:VEVENT\n");
	struct ics_calendar *cal = NULL;
	struct error err = { 0 };

	(void)state;
	tu_tz("Europe/Berlin");
	cal = parse(text, strlen(text), "2026-03-23", "2026-03-29");
	assert_int_equal(cal->n_events, 1);
	assert_string_equal(cal->events[0].uid, "ok");
	assert_true(has_note(cal, "skipped", "line 8: expanding this RRULE from 2025-01-01 could "
			     "take"));
	ics_calendar_free(cal);
	assert_int_equal(ics_parse_strict(text, strlen(text), ti_day("2026-03-23"), ti_day("2026-03-29"),
					  &cal, &err), -1);
	assert_null(cal);
	assert_non_null(strstr(err.msg, "line 8: expanding this RRULE"));
	free(text);
}

static void test_overrides(void **state)
{
	char *text;
	struct ics_calendar *cal;

	(void)state;
	tu_tz("Europe/Berlin");
	/* One instance moved into the week, one moved out of it; the moved one
	 * keeps the series' summary. */
	expect_events("BEGIN:VEVENT\nUID:move\nDTSTART;TZID=Europe/Berlin:20260302T100000\n"
		      "DTEND;TZID=Europe/Berlin:20260302T110000\nRRULE:FREQ=WEEKLY;COUNT=4\n"
		      "SUMMARY:Weekly 1:1\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:move\nRECURRENCE-ID;TZID=Europe/Berlin:20260316T100000\n"
		      "DTSTART;TZID=Europe/Berlin:20260325T100000\n"
		      "DTEND;TZID=Europe/Berlin:20260325T110000\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:move\nRECURRENCE-ID;TZID=Europe/Berlin:20260323T100000\n"
		      "DTSTART;TZID=Europe/Berlin:20260402T100000\n"
		      "DTEND;TZID=Europe/Berlin:20260402T110000\nSUMMARY:Weekly 1:1 (moved)\n"
		      "END:VEVENT\n", "2026-03-23", "2026-03-29",
		      "2026-03-25 10:00-11:00 Weekly 1:1 <move#20260316T090000Z>\n");
	/* Two copies of one event: the higher SEQUENCE wins, the other is counted. */
	text = calendar("BEGIN:VEVENT\nUID:dup\nSEQUENCE:2\nDTSTART:20260324T090000Z\n"
			"DURATION:PT1H\nSUMMARY:New time\nEND:VEVENT\n"
			"BEGIN:VEVENT\nUID:dup\nSEQUENCE:1\nDTSTART:20260324T070000Z\n"
			"DURATION:PT1H\nSUMMARY:Old time\nEND:VEVENT\n");
	expect(text, "2026-03-23", "2026-03-29", "2026-03-24 10:00-11:00 New time <dup>\n");
	cal = parse(text, strlen(text), "2026-03-23", "2026-03-29");
	assert_int_equal(cal->n_duplicates, 1);
	ics_calendar_free(cal);
	free(text);
}

static void test_times(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	/* 02:30 floating on the night the clocks go forward does not exist: it
	 * starts when the clock jumps to 03:00. */
	expect_events("BEGIN:VEVENT\nUID:gap\nDTSTART:20260329T023000\nDTEND:20260329T033000\n"
		      "SUMMARY:Gap\nEND:VEVENT\n", "2026-03-29", "2026-03-29",
		      "2026-03-29 03:00-03:30 Gap <gap>\n");
	/* An hour of real time while the clocks go back reads 02:30-02:30; it
	 * keeps its length. */
	expect_events("BEGIN:VEVENT\nUID:fold\nDTSTART:20261025T003000Z\nDTEND:20261025T013000Z\n"
		      "SUMMARY:Fold\nEND:VEVENT\n", "2026-10-25", "2026-10-25",
		      "2026-10-25 02:30-03:30 Fold <fold>\n");
	/* Longer than a day; ending at midnight; DURATION; seconds round outwards. */
	expect_events("BEGIN:VEVENT\nUID:long\nDTSTART;TZID=Europe/Berlin:20260324T090000\n"
		      "DTEND;TZID=Europe/Berlin:20260326T170000\nSUMMARY:Offsite\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:late\nDTSTART;TZID=Europe/Berlin:20260324T230000\n"
		      "DTEND;TZID=Europe/Berlin:20260325T000000\nSUMMARY:Late\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:dur\nDTSTART:20260327T080000Z\nDURATION:PT1H30M\n"
		      "SUMMARY:Ninety\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:sec\nDTSTART:20260327T120030Z\nDTEND:20260327T121015Z\n"
		      "SUMMARY:Seconds\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:days\nDTSTART;VALUE=DATE:20260328\nDURATION:P2D\n"
		      "SUMMARY:Weekend\nEND:VEVENT\n", "2026-03-23", "2026-03-29",
		      "2026-03-24 09:00-2026-03-26 17:00 Offsite <long>\n"
		      "2026-03-24 23:00-24:00 Late <late>\n"
		      "2026-03-27 09:00-10:30 Ninety <dur>\n"
		      "2026-03-27 13:00-13:11 Seconds <sec>\n"
		      "2026-03-28..2026-03-29 Weekend <days>\n");
	/* A vendor's prefix before an IANA name; a Windows name without VTIMEZONE;
	 * an all-day event without DTEND is its day. */
	expect_events("BEGIN:VEVENT\nUID:pre\n"
		      "DTSTART;TZID=/freeassociation.sourceforge.net/America/New_York:20260325T090000\n"
		      "DURATION:PT1H\nSUMMARY:Prefixed\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:win\nDTSTART;TZID=Tokyo Standard Time:20260326T180000\n"
		      "DURATION:PT1H\nSUMMARY:Windows\nEND:VEVENT\n"
		      "BEGIN:VEVENT\nUID:one\nDTSTART;VALUE=DATE:20260327\nSUMMARY:One day\n"
		      "END:VEVENT\n", "2026-03-23", "2026-03-29",
		      "2026-03-25 14:00-15:00 Prefixed <pre>\n"
		      "2026-03-26 10:00-11:00 Windows <win>\n"
		      "2026-03-27..2026-03-27 One day <one>\n");
}

static void test_identity(void **state)
{
	char *text, long_uid[260], events[800];
	struct ics_calendar *a, *b;

	(void)state;
	tu_tz("Europe/Berlin");
	/* No UID: one is made from the start and summary, the same every time. */
	text = calendar("BEGIN:VEVENT\nDTSTART:20260324T090000Z\nDURATION:PT1H\nSUMMARY:A\n"
			"END:VEVENT\nBEGIN:VEVENT\nDTSTART:20260324T090000Z\nDURATION:PT1H\n"
			"SUMMARY:B\nEND:VEVENT\n"
			"BEGIN:VEVENT\nUID:zero\nDTSTART:20260324T090000Z\nSUMMARY:Reminder\n"
			"END:VEVENT\n"
			"BEGIN:VEVENT\nUID:later\nDTSTART:20270324T090000Z\nSUMMARY:Next year\n"
			"END:VEVENT\n");
	a = parse(text, strlen(text), "2026-03-23", "2026-03-29");
	b = parse(text, strlen(text), "2026-03-23", "2026-03-29");
	assert_int_equal(a->n_events, 2);
	assert_int_equal(strncmp(a->events[0].uid, "nouid-", 6), 0);
	assert_string_equal(a->events[0].uid, b->events[0].uid);
	assert_string_not_equal(a->events[0].uid, a->events[1].uid);
	/* A point in time is no busy time; a UID outside the range still counts. */
	assert_int_equal(a->n_empty, 1);
	assert_int_equal(a->n_uids, 4);
	ics_calendar_free(a);
	ics_calendar_free(b);
	free(text);
	/* A UID too long to store becomes a digest of it. */
	memset(long_uid, 'u', 250);
	long_uid[250] = '\0';
	snprintf(events, sizeof events, "BEGIN:VEVENT\nUID:%s\nDTSTART:20260324T090000Z\n"
		 "DURATION:PT1H\nEND:VEVENT\n", long_uid);
	text = calendar(events);
	a = parse(text, strlen(text), "2026-03-23", "2026-03-29");
	assert_int_equal(a->n_events, 1);
	assert_int_equal(strlen(a->events[0].uid), strlen("uid-") + 16);
	assert_string_equal(a->events[0].title, "Busy");
	ics_calendar_free(a);
	free(text);
}

/* Titles are one line of text safe to store, cut at a character. */
static void test_titles(void **state)
{
	char title[400], events[600];

	(void)state;
	tu_tz("Europe/Berlin");
	expect_events("BEGIN:VEVENT\nUID:t\nDTSTART:20260324T090000Z\nDURATION:PT1H\n"
		      "SUMMARY:Two\\nlines\\, and\\ttabs  \nLOCATION:Room\\n4\nEND:VEVENT\n",
		      "2026-03-23", "2026-03-29", "2026-03-24 10:00-11:00 Two lines, and tabs <t>\n");
	memset(title, 'x', 199);
	memcpy(title + 199, "é and more", sizeof "é and more");
	snprintf(events, sizeof events, "BEGIN:VEVENT\nUID:t2\nDTSTART:20260324T090000Z\n"
		 "DURATION:PT1H\nSUMMARY:%s\nEND:VEVENT\n", title);
	{
		char *text = calendar(events);
		struct ics_calendar *cal = parse(text, strlen(text), "2026-03-23", "2026-03-29");

		assert_int_equal(strlen(cal->events[0].title), 199); /* "é" would pass 200 */
		ics_calendar_free(cal);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_google_export),
		cmocka_unit_test(test_outlook_export),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_recurrence),
		cmocka_unit_test(test_long_series),
		cmocka_unit_test(test_too_much_work),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_titles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
