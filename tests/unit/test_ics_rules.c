/* test_ics_rules.c - recurrence as real calendars write it: rules whose
 * parts never meet, the same rule twice, UNTIL as a local time, overrides
 * that match no instance (issue 21: as Outlook imports them), instances of
 * dates named as midnights, and a file's budget of expansion shared by
 * all its rules. */
#include "test_ics.h"

#define EVENT(uid, start, rule) "BEGIN:VEVENT\nUID:" uid "\nDTSTART:" start "\n" \
	"DURATION:PT1H\nRRULE:" rule "\nSUMMARY:" uid "\nEND:VEVENT\n"

/* A rule that never gives a date: DTSTART alone, and a note; libical is
 * not sent looking for one until the year 20000. */
static void test_rules_without_dates(void **state)
{
	(void)state;
	tu_tz("UTC");
	ti_expect(NULL,
		  EVENT("y", "20260323T090000Z", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
		  EVENT("m", "20260324T090000Z", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=7")
		  EVENT("w", "20260325T090000Z", "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6")
		  /* Once in 28 years (a Monday 29 February) is a date. */
		  EVENT("leap", "20260326T090000Z", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"),
		  "2026-03-23", "2026-03-29",
		  "2026-03-23 09:00-10:00 y <y#20260323T090000Z>\n"
		  "2026-03-24 09:00-10:00 m <m#20260324T090000Z>\n"
		  "2026-03-25 09:00-10:00 w <w#20260325T090000Z>\n"
		  "2026-03-26 09:00-10:00 leap <leap#20260326T090000Z>\n",
		  "ignored line 8: the RRULE gives no date (its BY parts never meet): only DTSTART "
		  "is imported\n"
		  "ignored line 15: the RRULE gives no date (its BY parts never meet): only DTSTART "
		  "is imported\n"
		  "ignored line 22: the RRULE gives no date (its BY parts never meet): only DTSTART "
		  "is imported\n");
}

static void test_rule_forms(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	/* The same rule twice gives each instance once. */
	ti_expect(NULL, "BEGIN:VEVENT\nUID:d\nDTSTART:20260326T090000Z\nDURATION:PT1H\n"
		  "RRULE:FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:Twice\n"
		  "END:VEVENT\n", "2026-03-23", "2026-04-05",
		  "2026-03-26 10:00-11:00 Twice <d#20260326T090000Z>\n"
		  "2026-04-02 11:00-12:00 Twice <d#20260402T090000Z>\n", "");
	/* UNTIL as a local time, for a series in a zone: read in that zone, so
	 * 14:00 in New York on the 3rd is the last instance. */
	ti_expect(NULL, "BEGIN:VEVENT\nUID:u\nDTSTART;TZID=America/New_York:20260401T140000\n"
		  "DURATION:PT30M\nRRULE:FREQ=DAILY;UNTIL=20260403T140000\nSUMMARY:NY\n"
		  "END:VEVENT\n", "2026-03-30", "2026-04-05",
		  "2026-04-01 20:00-20:30 NY <u#20260401T180000Z>\n"
		  "2026-04-02 20:00-20:30 NY <u#20260402T180000Z>\n"
		  "2026-04-03 20:00-20:30 NY <u#20260403T180000Z>\n", "");
	/* A series of dates, its override naming the instance as a midnight. */
	ti_expect(NULL, "BEGIN:VEVENT\nUID:f\nDTSTART;VALUE=DATE:20260323\n"
		  "RRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:Fair\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:f\nRECURRENCE-ID:20260330T000000Z\nDTSTART;VALUE=DATE:20260331\n"
		  "SUMMARY:Fair moved\nEND:VEVENT\n", "2026-03-23", "2026-04-05",
		  "2026-03-23..2026-03-23 Fair <f#20260323>\n"
		  "2026-03-31..2026-03-31 Fair moved <f#20260330T000000Z>\n", "");
}

/* An override whose RECURRENCE-ID is no instance: imported at its own time
 * beside the series, as Outlook imports it, and said so; a matching one
 * replaces its instance silently. */
static void test_orphan_override(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect(NULL, "BEGIN:VEVENT\nUID:s\nDTSTART:20260323T083000Z\nDURATION:PT15M\n"
		  "RRULE:FREQ=DAILY;COUNT=3\nSUMMARY:Stand-up\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:s\nRECURRENCE-ID:20260324T083000Z\n"
		  "DTSTART:20260324T103000Z\nDURATION:PT15M\nSUMMARY:Moved\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:s\nRECURRENCE-ID:20260325T070000Z\n"
		  "DTSTART:20260325T140000Z\nDURATION:PT15M\nSUMMARY:Orphan\nEND:VEVENT\n",
		  "2026-03-23", "2026-03-29",
		  "2026-03-23 09:30-09:45 Stand-up <s#20260323T083000Z>\n"
		  "2026-03-24 11:30-11:45 Moved <s#20260324T083000Z>\n"
		  "2026-03-25 09:30-09:45 Stand-up <s#20260325T083000Z>\n"
		  "2026-03-25 15:00-15:15 Orphan <s#20260325T070000Z>\n",
		  "assumed line 20: its RECURRENCE-ID is no instance of the series: imported at its "
		  "own time, beside the series, as Outlook does\n");
}

/* Rules that make libical walk far share the file's budget: each one
 * whose walk could pass what is left is skipped before it starts, with
 * its line, and nothing is lost without a word. */
static void test_budget_shared(void **state)
{
	struct buf events = BUF_INIT;
	struct ics_calendar *cal;
	char *text;
	size_t skipped = 0;
	const int n = 40;

	(void)state;
	tu_tz("UTC");
	for (int i = 0; i < n; i++)
		buf_addf(&events, "BEGIN:VEVENT\nUID:e%d\nDTSTART:16010301T090000Z\nDURATION:PT1H\n"
			 "RRULE:FREQ=DAILY;COUNT=5;BYMONTH=2;BYMONTHDAY=30\nSUMMARY:x\nEND:VEVENT\n",
			 i);
	text = ti_calendar(NULL, buf_str(&events));
	cal = ti_parse(text, "2026-03-23", "2026-03-29");
	for (size_t i = 0; i < cal->n_notes; i++) {
		skipped += cal->notes[i].kind == ICS_NOTE_SKIPPED;
		if (cal->notes[i].kind == ICS_NOTE_SKIPPED)
			assert_non_null(strstr(cal->notes[i].why, "steps, more than the file has left"));
	}
	/* Each event is read (its UID known to the merge) or skipped and told;
	 * none gives an occurrence in the range (it starts in 1601). */
	assert_true(skipped > 0 && skipped < (size_t)n);
	assert_int_equal(cal->n_uids + skipped, n);
	assert_int_equal(cal->n_events, 0);
	ics_calendar_free(cal);
	free(text);
	buf_free(&events);
}

/* A daily series since 1601 whose instances each last centuries: left
 * out, the few near the range listed, found in no time (each instance near
 * the range was once looked up among all the others). */
static void test_absurd_series(void **state)
{
	(void)state;
	tu_tz("UTC");
	ti_expect(NULL, "BEGIN:VEVENT\nUID:a\nDTSTART:16010301T090000Z\n"
		  "DTEND:20360323T090000Z\nRRULE:FREQ=DAILY\nRRULE:FREQ=DAILY;INTERVAL=2\n"
		  "SUMMARY:Forever\nEND:VEVENT\n", "2026-03-23", "2026-03-29", "",
		  "left out line 4 (24): lasts 158903 days: longer than any meeting (14 days at "
		  "most)\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_without_dates),
		cmocka_unit_test(test_rule_forms),
		cmocka_unit_test(test_orphan_override),
		cmocka_unit_test(test_budget_shared),
		cmocka_unit_test(test_absurd_series),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
