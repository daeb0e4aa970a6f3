/* test_ics_busy.c - free time in calendars (issue 16, item 9): one rule for
 * TRANSP and Outlook's X-MICROSOFT-CDO-BUSYSTATUS, all-day free events left
 * out as timed ones are, absurd durations left out, and every event left
 * out listed with why. */
#include "test_ics.h"

static void test_one_rule_for_free(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect(NULL,
		  /* Outlook's status wins over TRANSP, both ways. */
		  "BEGIN:VEVENT\nUID:a\nDTSTART:20260323T130000Z\nDURATION:PT2H\nTRANSP:OPAQUE\n"
		  "X-MICROSOFT-CDO-BUSYSTATUS:FREE\nSUMMARY:Focus (free)\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:b\nDTSTART:20260324T110000Z\nDURATION:PT1H\n"
		  "TRANSP:TRANSPARENT\nX-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\nSUMMARY:Lunch?\n"
		  "END:VEVENT\n"
		  /* Without it, TRANSP decides; all day as timed. */
		  "BEGIN:VEVENT\nUID:c\nDTSTART;VALUE=DATE:20260325\nTRANSP:TRANSPARENT\n"
		  "SUMMARY:Holiday\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:d\nDTSTART;VALUE=DATE:20260326\n"
		  "X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE\nSUMMARY:Munich office\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:e\nDTSTART:20260327T080000Z\nDURATION:PT1H\n"
		  "X-MICROSOFT-CDO-BUSYSTATUS: free \nSUMMARY:Spaces\nEND:VEVENT\n",
		  "2026-03-23", "2026-03-29",
		  "2026-03-24 12:00-13:00 Lunch? <b>\n"
		  "2026-03-26..2026-03-26 Munich office <d>\n",
		  "left out line 9 (1): shown as free (X-MICROSOFT-CDO-BUSYSTATUS:FREE)\n"
		  "left out line 23 (1): shown as free (TRANSP:TRANSPARENT)\n"
		  "left out line 36 (1): shown as free (X-MICROSOFT-CDO-BUSYSTATUS:FREE)\n");
}

/* Durations no meeting has are left out and said so; a long one that is
 * plausible is imported day by day. */
static void test_absurd_durations(void **state)
{
	char *text;
	struct ics_calendar *cal;

	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect(NULL,
		  "BEGIN:VEVENT\nUID:a\nDTSTART:20260323T080000Z\nDTEND:20360323T090000Z\n"
		  "SUMMARY:Ten years\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:b\nDTSTART:20260324T080000Z\nDURATION:P9999W\n"
		  "SUMMARY:Past the calendar\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:c\nDTSTART;VALUE=DATE:20250101\nDTEND;VALUE=DATE:20270101\n"
		  "SUMMARY:Two years of days\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:d\nDTSTART:20260325T070000Z\nDTEND:20260327T150000Z\n"
		  "SUMMARY:Offsite\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:e\nDTSTART:20260327T070000Z\nSUMMARY:A point\nEND:VEVENT\n",
		  "2026-03-23", "2026-03-29",
		  "2026-03-25 08:00-2026-03-27 16:00 Offsite <d>\n",
		  "left out line 4 (1): lasts 3653 days: longer than any meeting (14 days at most)\n"
		  "left out line 10 (1): lasts 69993 days: longer than any meeting (14 days at most)\n"
		  "left out line 16 (1): lasts 730 days: longer than any meeting (366 days at most all day)\n"
		  "left out line 28 (1): has no duration: a point in time is no busy time\n");
	/* Outside the range, nothing is said of them. */
	text = ti_calendar(NULL, "BEGIN:VEVENT\nUID:a\nDTSTART:20270323T080000Z\n"
			   "DTEND:20370323T090000Z\nSUMMARY:Later\nEND:VEVENT\n");
	cal = ti_parse(text, "2026-03-23", "2026-03-29");
	assert_int_equal(cal->n_notes, 0);
	assert_int_equal(cal->n_absurd, 0);
	ics_calendar_free(cal);
	free(text);
}

/* Every event left out, with why: cancelled, an older copy, each
 * occurrence counted on its event's note. */
static void test_every_one_listed(void **state)
{
	char *text = ti_calendar(NULL,
		"BEGIN:VEVENT\nUID:s\nDTSTART:20260323T080000Z\nDURATION:PT30M\n"
		"RRULE:FREQ=DAILY;COUNT=5\nSTATUS:CANCELLED\nSUMMARY:Called off\nEND:VEVENT\n"
		"BEGIN:VEVENT\nUID:dup\nSEQUENCE:1\nDTSTART:20260324T080000Z\nDURATION:PT1H\n"
		"SUMMARY:Old time\nEND:VEVENT\n"
		"BEGIN:VEVENT\nUID:dup\nSEQUENCE:2\nDTSTART:20260324T120000Z\nDURATION:PT1H\n"
		"SUMMARY:New time\nEND:VEVENT\n");
	struct ics_calendar *cal;
	char *notes, *got;

	(void)state;
	tu_tz("Europe/Berlin");
	cal = ti_parse(text, "2026-03-23", "2026-03-29");
	got = ti_render(cal);
	notes = ti_notes(cal->notes, cal->n_notes);
	assert_string_equal(got, "2026-03-24 13:00-14:00 New time <dup>\n");
	assert_string_equal(notes, "left out line 9 (5): cancelled (STATUS:CANCELLED)\n"
			    "left out line 12: an older copy of the event at line 19 (SEQUENCE 1, "
			    "that one 2)\n");
	assert_int_equal(cal->n_cancelled, 5);
	assert_int_equal(cal->n_duplicates, 1);
	free(notes);
	free(got);
	ics_calendar_free(cal);
	free(text);
}

/* focusweek's own blocks come back: left out in the merge, listed. */
static void test_own_blocks_listed(void **state)
{
	struct tu_week *f = *state;
	char id[MODEL_ID_MAX], events[400], *text;
	struct ics_calendar *cal;
	struct ics_report rep;
	struct error err = { 0 };
	struct week *w[1] = { f->w };

	snprintf(id, sizeof id, "%s", week_block_at(f->w, 0)->id);
	snprintf(events, sizeof events, "BEGIN:VEVENT\nUID:%s%s\nDTSTART:20261130T070000Z\n"
		 "DURATION:PT1H\nSUMMARY:Mine\nEND:VEVENT\n", id, ICS_UID_SUFFIX);
	text = ti_calendar(NULL, events);
	cal = ti_parse(text, "2026-11-30", "2026-12-06");
	assert_int_equal(ics_merge(w, 1, f->p, cal, ti_day("2026-11-30"), ti_day("2026-12-06"),
				   &rep, &err), 0);
	f->w = w[0];
	assert_int_equal(rep.own, 1);
	assert_int_equal(rep.n_notes, 1);
	assert_int_equal(rep.notes[0].kind, ICS_NOTE_LEFT_OUT);
	assert_int_equal(rep.notes[0].line, 4);
	assert_non_null(strstr(rep.notes[0].why, "focusweek's own block"));
	assert_non_null(strstr(rep.notes[0].why, id));
	ics_report_clear(&rep);
	ics_calendar_free(cal);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_rule_for_free),
		cmocka_unit_test(test_absurd_durations),
		cmocka_unit_test(test_every_one_listed),
		TU_WEEK_TEST(test_own_blocks_listed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
