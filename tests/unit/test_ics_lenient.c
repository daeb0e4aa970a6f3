/* test_ics_lenient.c - a calendar read event by event (issue 21): one bad
 * event or line costs that event or line, with its line and why; the
 * structure repaired where a reader can; strict mode all or nothing; the
 * merge keeps what an event that cannot be read imported before. */
#include "test_ics.h"

#define GOOD "BEGIN:VEVENT\nUID:good\nDTSTART:20260324T090000Z\nDURATION:PT1H\n" \
	"SUMMARY:Good\nEND:VEVENT\n"

/* Each of the things that used to refuse the whole file costs only its
 * event (time) or its line (anything else). */
static void test_one_bad_event(void **state)
{
	static const struct {
		const char *event, *note;
	} bad[] = {
		{ "BEGIN:VEVENT\nUID:x\nDTSTART:20260324T100000Z\nDURATION:-PT1H\nSUMMARY:Neg\n"
		  "END:VEVENT\n",
		  "skipped line 7: the event ends before it starts (a negative DURATION)\n" },
		{ "BEGIN:VEVENT\nUID:x\nDTSTART:2026-03-24T10:00\nSUMMARY:Dash\nEND:VEVENT\n",
		  "skipped line 6: cannot read \"DTSTART:2026-03-24T10:00\": can't parse as "
		  "DATE-TIME value in DTSTART property\n" },
		{ "BEGIN:VEVENT\nUID:x\nDTSTART 20260324T100000Z\nSUMMARY:Colon\nEND:VEVENT\n",
		  "skipped line 6: \"DTSTART 20260324T100000Z\" cannot be read: DTSTART has no ':' "
		  "before its value\n" },
		{ "BEGIN:VEVENT\nUID:x\nORGANIZER=\"mailto:a@example.com\"\nDTSTART:20260324T100000Z\n"
		  "DURATION:PT1H\nSUMMARY:Org\nEND:VEVENT\n",
		  "ignored line 6: \"ORGANIZER=\"mailto:a@example.com\"\" cannot be read: "
		  "ORGANIZER has no ':' before its value\n" },
		{ "BEGIN:VEVENT\nUID:x\nDTSTART:20260324T100000Z\nDURATION:PT1H\n"
		  "RRULE:FREQ=SOMETIMES\nSUMMARY:Rule\nEND:VEVENT\n",
		  "skipped line 8: cannot read \"RRULE:FREQ=SOMETIMES\": can't parse as RECUR value "
		  "in RRULE property\n" },
	};

	(void)state;
	tu_tz("Europe/Berlin");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct buf events = BUF_INIT;
		char *text;
		struct ics_calendar *cal;
		char *notes;

		buf_addf(&events, "%s%s", bad[i].event, GOOD);
		text = ti_calendar(NULL, buf_str(&events));
		cal = ti_parse(text, "2026-03-23", "2026-03-29");
		notes = ti_notes(cal->notes, cal->n_notes);
		assert_string_equal(notes, bad[i].note);
		/* The good event is there; the ORGANIZER's event too. */
		assert_int_equal(cal->n_events, strstr(bad[i].note, "ignored") ? 2 : 1);
		assert_string_equal(cal->events[0].uid, "good");
		free(notes);
		ics_calendar_free(cal);
		free(text);
		ti_strict(NULL, buf_str(&events), "line ");
		buf_free(&events);
	}
}

/* Structure as real files break it. */
static void test_structure(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	/* A misspelt END ends the component open; a stray END of a component
	 * that is not open is left out. */
	ti_expect(NULL, "BEGIN:VTODO\nUID:t\nEND:VTOOD\n" GOOD "END:VALARM\n",
		  "2026-03-23", "2026-03-29", "2026-03-24 10:00-11:00 Good <good>\n",
		  "ignored line 6: END:VTOOD, but BEGIN:VTODO on line 4 is open: taken as its END\n"
		  "ignored line 13: END:VALARM without its BEGIN\n");
	/* An event never closed is skipped; the calendar read to the end. */
	ti_expect(NULL, GOOD "BEGIN:VEVENT\nUID:cut\nDTSTART:20260325T090000Z\nSUMMARY:Cut\n",
		  "2026-03-23", "2026-03-29", "2026-03-24 10:00-11:00 Good <good>\n",
		  "skipped line 10: BEGIN:VEVENT is never closed (no END:VEVENT)\n");
	/* A VCALENDAR inside one. */
	ti_expect(NULL, "BEGIN:VCALENDAR\n" GOOD "END:VCALENDAR\n", "2026-03-23", "2026-03-29",
		  "2026-03-24 10:00-11:00 Good <good>\n",
		  "ignored line 4: BEGIN:VCALENDAR inside a VCALENDAR: its events are read as the "
		  "outer calendar's\n");
	/* A broken line of the calendar itself: noted, nothing else lost. */
	ti_expect(NULL, "RRULE:RRULE:Junk;FREQ=DAILY;COUNT=2\n" GOOD, "2026-03-23", "2026-03-29",
		  "2026-03-24 10:00-11:00 Good <good>\n",
		  "ignored line 4: cannot read \"RRULE:RRULE:Junk;FREQ=DAILY;COUNT=2\": can't parse "
		  "as RECUR value in RRULE property\n");
}

/* Outlook's doubled prefix, and a part that is no part of a rule. */
static void test_rrule_repaired(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect(NULL, "BEGIN:VEVENT\nUID:r\nDTSTART:20260323T080000Z\nDURATION:PT15M\n"
		  "RRULE:RRULE:AnythingRandom;FREQ=DAILY;COUNT=2\nSUMMARY:Stand-up\nEND:VEVENT\n",
		  "2026-03-23", "2026-03-29",
		  "2026-03-23 09:00-09:15 Stand-up <r#20260323T080000Z>\n"
		  "2026-03-24 09:00-09:15 Stand-up <r#20260324T080000Z>\n",
		  "ignored line 8: \"AnythingRandom\" in the RRULE is no part of a rule: left out\n"
		  "ignored line 8: the RRULE's value begins with a second \"RRULE:\": read without it\n");
}

/* What is not a calendar at all is still refused, and says why. */
static void test_not_a_calendar(void **state)
{
	static const char *const texts[][2] = {
		{ "BEGIN:VEVENT\nUID:a\nDTSTART:20260324T090000Z\nEND:VEVENT\n",
		  "line 1: not a calendar file: there is no BEGIN:VCALENDAR" },
		{ "{\"week\": 1}\n", "line 1: not a calendar file: there is no BEGIN:VCALENDAR" },
		{ "", "line 1: not a calendar file: there is no BEGIN:VCALENDAR" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct ics_calendar *cal = (void *)1;
		struct error err = { 0 };

		assert_int_equal(ics_parse(texts[i][0], strlen(texts[i][0]), ti_day("2026-03-23"),
					   ti_day("2026-03-29"), &cal, &err), -1);
		assert_null(cal);
		assert_string_equal(err.msg, texts[i][1]);
	}
}

/* An event that cannot be read now, imported before: the merge keeps its
 * meetings (its UID is not taken as the file's), and the rest is merged. */
static void test_merge_keeps_skipped(void **state)
{
	struct tu_week *f = *state;
	char *before = ti_calendar(NULL, "BEGIN:VEVENT\nUID:kept\nDTSTART:20261201T130000Z\n"
				   "DURATION:PT1H\nSUMMARY:Imported before\nEND:VEVENT\n");
	char *after = ti_calendar(NULL, "BEGIN:VEVENT\nUID:kept\nDTSTART:2026-12-01 14:00\n"
				  "DURATION:PT1H\nSUMMARY:Broken now\nEND:VEVENT\n");
	struct ics_calendar *cal;
	struct ics_report rep;
	struct error err = { 0 };
	struct week *w[1] = { f->w };
	size_t meetings = 0;

	cal = ti_parse(before, "2026-11-30", "2026-12-06");
	assert_int_equal(ics_merge(w, 1, f->p, cal, ti_day("2026-11-30"), ti_day("2026-12-06"),
				   &rep, &err), 0);
	ics_report_clear(&rep);
	ics_calendar_free(cal);
	cal = ti_parse(after, "2026-11-30", "2026-12-06");
	assert_int_equal(cal->n_events, 0);
	assert_int_equal(cal->n_notes, 1);
	assert_int_equal(ics_merge(w, 1, f->p, cal, ti_day("2026-11-30"), ti_day("2026-12-06"),
				   &rep, &err), 0);
	assert_int_equal(rep.removed, 0);
	/* The report carries the calendar's notes for a front end to print. */
	assert_int_equal(rep.n_notes, 1);
	assert_int_equal(rep.notes[0].kind, ICS_NOTE_SKIPPED);
	for (size_t i = 0; i < week_block_count(w[0]); i++)
		meetings += week_block_at(w[0], i)->kind == KIND_MEETING;
	assert_int_equal(meetings, 1);
	f->w = w[0];
	ics_report_clear(&rep);
	ics_calendar_free(cal);
	free(before);
	free(after);
}

/* The text a front end prints: by kind, with line, title, day and why. */
static void test_notes_text(void **state)
{
	char *text = ti_calendar(NULL,
		"BEGIN:VEVENT\nUID:a\nDTSTART:20260324T090000Z\nDURATION:-PT1H\nSUMMARY:Neg\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\nUID:b\nDTSTART:20260324T090000Z\nDURATION:PT1H\nSUMMARY:Focus\n"
		"TRANSP:TRANSPARENT\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n"
		"BEGIN:VEVENT\nUID:c\nDTSTART:20260325T090000Z\nDURATION:PT1H\nSUMMARY:Off\n"
		"STATUS:CANCELLED\nEND:VEVENT\nX-BROKEN\n");
	struct ics_calendar *cal;
	struct buf out = BUF_INIT;

	(void)state;
	tu_tz("Europe/Berlin");
	cal = ti_parse(text, "2026-03-23", "2026-03-29");
	ics_notes_text(cal->notes, cal->n_notes, &out);
	assert_string_equal(buf_str(&out),
		"  skipped 1 event whose time cannot be worked out:\n"
		"    line 7 \"Neg\": the event ends before it starts (a negative DURATION)\n"
		"  left out 2 events that are no busy time:\n"
		"    line 15 \"Focus\" (3 times from Tue 24 Mar): shown as free (TRANSP:TRANSPARENT)\n"
		"    line 23 \"Off\" (Wed 25 Mar): cancelled (STATUS:CANCELLED)\n"
		"  ignored 1 line that changes no time:\n"
		"    line 25: \"X-BROKEN\" cannot be read: X-BROKEN has no ':' before its value\n");
	buf_free(&out);
	ics_notes_text(NULL, 0, &out);
	assert_string_equal(buf_str(&out), "");
	buf_free(&out);
	ics_calendar_free(cal);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_bad_event),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_rrule_repaired),
		cmocka_unit_test(test_not_a_calendar),
		TU_WEEK_TEST(test_merge_keeps_skipped),
		cmocka_unit_test(test_notes_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
