/* test_ics_zones.c - time zones as calendars write them: Windows ids (the
 * table against CLDR's windowsZones.xml), Windows display names, bare
 * offsets, VTIMEZONEs that cannot be used or begin too late, zones nobody
 * knows, floating times, and zone rules that libical would expand without
 * end (issue 20). */
#include "../../src/ics/ics_int.h"
#include "test_ics.h"

#define NY_HEAD "X-WR-TIMEZONE:America/New_York\n"

/* ---------------------------------------------------------------- names */

/* Every Windows id CLDR maps for the world (territory 001) is in the table
 * with the same zone, and the table has no other; each is a zone the
 * system has. */
static void test_windows_ids(void **state)
{
	const char *xml = getenv("FOCUSWEEK_CLDR_WINDOWS_ZONES"), *iana;
	char line[512], found[ICS_ZONE_NAME_MAX + 1];
	size_t n_xml = 0, n_table = 0;
	FILE *f;

	(void)state;
	assert_string_equal(ics_zone_windows("W. Europe Standard Time"), "Europe/Berlin");
	assert_string_equal(ics_zone_windows("Central Standard Time (Mexico)"),
			    "America/Mexico_City");
	assert_string_equal(ics_zone_windows("Mid-Atlantic Standard Time"), "Etc/GMT+2");
	assert_null(ics_zone_windows("Middle Earth Standard Time"));
	for (size_t i = 0; ics_zone_windows_at(i, &iana) != NULL; i++, n_table++) {
		const char *name = ics_zone_windows_at(i, &iana), *prev;

		if (i > 0 && strcmp(ics_zone_windows_at(i - 1, &prev), name) >= 0)
			fail_msg("\"%s\" is out of order", name);
		if (ics_zone_named(name, found) == NULL ||
		    (strcmp(found, iana) != 0 && strcmp(found, name) != 0))
			fail_msg("\"%s\" stands for \"%s\", which the system does not have", name,
				 iana);
	}
	if (xml == NULL || (f = fopen(xml, "r")) == NULL) {
		print_message("windowsZones.xml not found (%s): the table was checked alone\n",
			      xml ? xml : "FOCUSWEEK_CLDR_WINDOWS_ZONES unset");
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char id[128], zone[128];
		const char *p = strstr(line, "<mapZone other=\"");

		if (p == NULL || strstr(line, "territory=\"001\"") == NULL)
			continue;
		assert_int_equal(sscanf(p, "<mapZone other=\"%127[^\"]\" territory=\"001\" "
					"type=\"%127[^\"]\"", id, zone), 2);
		assert_non_null(ics_zone_windows(id));
		assert_string_equal(ics_zone_windows(id), zone);
		n_xml++;
	}
	fclose(f);
	assert_true(n_xml > 100);
	assert_int_equal(n_table, n_xml);
}

static void test_display_names(void **state)
{
	static const char *const names[][2] = {
		{ "(UTC-05:00) Eastern Time (US & Canada)", "America/New_York" },
		{ "(UTC-05:00) Eastern Time (US and Canada)", "America/New_York" },
		{ "(GMT-08:00) Pacific Time (US & Canada); Tijuana", "America/Los_Angeles" },
		{ "(GMT+10:00) Canberra, Melbourne, Sydney", "Australia/Canberra" },
		{ "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam" },
		{ "Amsterdam, Belgrade, Berlin, Brussels, …", "Europe/Amsterdam" },
		{ "(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London", "Europe/London" },
		{ "(UTC-03:00) City of Buenos Aires", "America/Argentina/Buenos_Aires" },
		{ "(UTC+06:30) Yangon (Rangoon)", "Asia/Yangon" },
		{ "(UTC-04:00) Georgetown, La Paz, Manaus, San Juan", "America/La_Paz" },
		{ "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata" },
	};
	char iana[ICS_ZONE_NAME_MAX + 1];

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!ics_zone_display(names[i][0], iana))
			fail_msg("\"%s\": no zone", names[i][0]);
		if (strcmp(iana, names[i][1]) != 0)
			fail_msg("\"%s\": %s, not %s", names[i][0], iana, names[i][1]);
	}
	assert_false(ics_zone_display("(UTC+02:00) Atlantis, Lemuria", iana));
	assert_false(ics_zone_display("", iana));
}

static void test_offsets(void **state)
{
	static const struct {
		const char *name;
		int seconds;
	} ok[] = {
		{ "(GMT +01:00)", 3600 }, { "GMT+0100", 3600 }, { "UTC-05:00", -18000 },
		{ "(UTC+05:30)", 19800 }, { "GMT-5", -18000 }, { " UTC+00:00 ", 0 },
	};
	static const char *const bad[] = { "GMT+25:00", "UTC+01:00 Berlin", "GMT", "+0100",
					   "(GMT+01:00", "UTC+1:75" };
	int s;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (!ics_zone_offset(ok[i].name, &s))
			fail_msg("\"%s\" is no offset", ok[i].name);
		assert_int_equal(s, ok[i].seconds);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (ics_zone_offset(bad[i], &s))
			fail_msg("\"%s\" taken for an offset", bad[i]);
}

/* ---------------------------------------------------------------- events */

/* Issue 21: zones by display name, Windows id, bare offset, vendor prefix,
 * none refused; read as their zones, not as floating times. */
static void test_zones_as_written(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect(NULL,
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":"
		  "20260323T090000\nDURATION:PT1H\nSUMMARY:Boston\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:b\nDTSTART;TZID=\"(GMT+10:00) Canberra, Melbourne, Sydney\":"
		  "20260324T080000\nDURATION:PT1H\nSUMMARY:Sydney\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:c\nDTSTART;TZID=\"(GMT +01:00)\":20260407T120000\n"
		  "DURATION:PT1H\nSUMMARY:Fixed\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:d\nDTSTART;TZID=India Standard Time:20260401T103000\n"
		  "DURATION:PT1H\nSUMMARY:Mumbai\nEND:VEVENT\n"
		  "BEGIN:VEVENT\nUID:e\nDTSTART;TZID=/mozilla.org/20070129_1/America/New_York:"
		  "20260325T100000\nDURATION:PT1H\nSUMMARY:Prefixed\nEND:VEVENT\n",
		  "2026-03-23", "2026-04-19",
		  /* 09:00 EDT is 13:00 UTC, 14:00 CET */
		  "2026-03-23 14:00-15:00 Boston <a>\n"
		  /* 08:00 AEDT (+11) is 21:00 UTC the day before, 22:00 CET */
		  "2026-03-23 22:00-23:00 Sydney <b>\n"
		  "2026-03-25 15:00-16:00 Prefixed <e>\n"
		  /* 10:30 IST (+05:30) is 05:00 UTC, 07:00 CEST */
		  "2026-04-01 07:00-08:00 Mumbai <d>\n"
		  /* a fixed +01:00 all year: 12:00 is 11:00 UTC, 13:00 CEST */
		  "2026-04-07 13:00-14:00 Fixed <c>\n", "");
}

#define BERLIN_PARTS "BEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\n" \
	"TZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\n" \
	"BEGIN:DAYLIGHT\nDTSTART:19700329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n" \
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\n"

/* Issue 21: a VTIMEZONE with an IANA name that cannot be used is the
 * system's zone; one that begins after the time read, too, for that time. */
static void test_broken_vtimezone(void **state)
{
	(void)state;
	tu_tz("Europe/London");
	ti_expect("BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nBEGIN:STANDARD\nDTSTART:19701025T030000\n"
		  "END:STANDARD\nEND:VTIMEZONE\n",
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Berlin:20260323T090000\n"
		  "DURATION:PT1H\nSUMMARY:Kick-off\nEND:VEVENT\n", "2026-03-23", "2026-03-29",
		  /* 09:00 in Berlin (CET) is 08:00 in London, not 09:00 (UTC) */
		  "2026-03-23 08:00-09:00 Kick-off <a>\n",
		  "assumed line 12 (1): the VTIMEZONE \"Europe/Berlin\" has a STANDARD part without "
		  "a usable TZOFFSETTO (line 6): read in the system's Europe/Berlin\n");
	ti_expect("BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nBEGIN:STANDARD\nDTSTART:20271031T030000\n"
		  "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nBEGIN:DAYLIGHT\n"
		  "DTSTART:20280326T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\n"
		  "END:VTIMEZONE\n",
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Berlin:20260324T140000\n"
		  "DURATION:PT1H\nSUMMARY:Early\nEND:VEVENT\n", "2026-03-23", "2026-03-29",
		  "2026-03-24 13:00-14:00 Early <a>\n",
		  "assumed line 19 (1): the VTIMEZONE \"Europe/Berlin\" begins in 2027: earlier "
		  "times read in the system's Europe/Berlin\n");
	/* A VTIMEZONE that can be used is used, whatever its name says. */
	ti_expect("BEGIN:VTIMEZONE\nTZID:Office\n" BERLIN_PARTS "END:VTIMEZONE\n",
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Office:20260330T090000\n"
		  "DURATION:PT1H\nSUMMARY:Own zone\nEND:VEVENT\n", "2026-03-30", "2026-04-05",
		  "2026-03-30 08:00-09:00 Own zone <a>\n", "");
}

/* Issue 21: a zone nobody knows is the calendar's X-WR-TIMEZONE, else local
 * time, and each event read so is named; floating times are in
 * X-WR-TIMEZONE; in strict mode such a file is refused. */
static void test_unknown_zones(void **state)
{
	const char *ev = "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Germany:20260323T090000\n"
			 "DURATION:PT1H\nSUMMARY:Guess\nEND:VEVENT\n"
			 "BEGIN:VEVENT\nUID:b\nDTSTART:20260324T090000\nDURATION:PT1H\n"
			 "SUMMARY:Floating\nEND:VEVENT\n";

	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect(NY_HEAD, ev, "2026-03-23", "2026-03-29",
		  "2026-03-23 14:00-15:00 Guess <a>\n2026-03-24 14:00-15:00 Floating <b>\n",
		  "assumed line 7 (1): the time zone \"Europe/Germany\" is defined nowhere (no "
		  "VTIMEZONE, and no zone has that name): read in America/New_York, the calendar's "
		  "X-WR-TIMEZONE\n");
	ti_expect(NULL, ev, "2026-03-23", "2026-03-29",
		  "2026-03-23 09:00-10:00 Guess <a>\n2026-03-24 09:00-10:00 Floating <b>\n",
		  "assumed line 6 (1): the time zone \"Europe/Germany\" is defined nowhere (no "
		  "VTIMEZONE, and no zone has that name): read as local time\n");
	ti_expect("X-WR-TIMEZONE:Mars/Base\n", strstr(ev, "BEGIN:VEVENT\nUID:b"), "2026-03-23",
		  "2026-03-29",
		  "2026-03-24 09:00-10:00 Floating <b>\n",
		  "ignored line 4: X-WR-TIMEZONE \"Mars/Base\" is no zone focusweek knows: floating "
		  "times are read as local time\n");
	ti_strict(NY_HEAD, ev, "line 7: the time zone \"Europe/Germany\" is defined nowhere");
}

/* ---------------------------------------------------------------- issue 20 */

/* Zone rules libical would expand without end (or for seconds): each
 * VTIMEZONE is refused with the line of its rule, the system's zone of its
 * name used (or local time), and the import ends at once. */
static void test_hostile_zone_rules(void **state)
{
	static const char *const rules[][2] = {
		{ "20270101T000000", "FREQ=SECONDLY" },
		{ "16010101T000000", "FREQ=MINUTELY" },
		{ "19700101T000000", "FREQ=HOURLY" },
		{ "16010101T000000", "FREQ=DAILY" },
		{ "16010101T000000", "FREQ=WEEKLY" },
		{ "16010101T000000", "FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5" },
		{ "00010101T000000", "FREQ=YEARLY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11" },
		{ "00010101T000000", "FREQ=YEARLY;BYYEARDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15" },
		{ "16010101T000000", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" },
	};

	(void)state;
	tu_tz("Europe/London");
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		char head[400], *text;
		struct ics_calendar *cal;
		char *got;

		snprintf(head, sizeof head, "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\nBEGIN:STANDARD\n"
			 "DTSTART:%s\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nRRULE:%s\nEND:STANDARD\n"
			 "END:VTIMEZONE\n", rules[i][0], rules[i][1]);
		text = ti_calendar(head, "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Berlin:"
				   "20260323T090000\nDURATION:PT1H\nSUMMARY:x\nEND:VEVENT\n");
		cal = ti_parse(text, "2026-03-23", "2026-03-29");
		got = ti_render(cal);
		assert_string_equal(got, "2026-03-23 08:00-09:00 x <a>\n");
		assert_int_equal(cal->n_notes, 1);
		assert_int_equal(cal->notes[0].kind, ICS_NOTE_ASSUMED);
		if (strstr(cal->notes[0].why, "changes its offset") == NULL ||
		    strstr(cal->notes[0].why, "(line 10): read in the system's Europe/Berlin") == NULL)
			fail_msg("%s: %s", rules[i][1], cal->notes[0].why);
		free(got);
		ics_calendar_free(cal);
		free(text);
	}
	/* Real zones' rules, from 1601 as Outlook writes them, are used. */
	ti_expect("BEGIN:VTIMEZONE\nTZID:W. Europe Standard Time\nBEGIN:STANDARD\n"
		  "DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n"
		  "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n"
		  "BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n"
		  "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE\n",
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=W. Europe Standard Time:20260330T090000\n"
		  "DURATION:PT1H\nSUMMARY:x\nEND:VEVENT\n", "2026-03-30", "2026-04-05",
		  "2026-03-30 08:00-09:00 x <a>\n", "");
}

/* A zone of an unknown name with a hostile rule: local time, told. */
static void test_hostile_zone_unknown_name(void **state)
{
	(void)state;
	tu_tz("Europe/Berlin");
	ti_expect("BEGIN:VTIMEZONE\nTZID:Hostile\nBEGIN:STANDARD\nDTSTART:20270101T000000\n"
		  "TZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nRRULE:FREQ=SECONDLY\nEND:STANDARD\n"
		  "END:VTIMEZONE\n",
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Hostile:20260323T090000\nDURATION:PT1H\n"
		  "SUMMARY:x\nEND:VEVENT\n", "2026-03-23", "2026-03-29",
		  "2026-03-23 09:00-10:00 x <a>\n",
		  "assumed line 15 (1): the VTIMEZONE \"Hostile\" changes its offset every second "
		  "(a zone changes a few times a year) (line 10): read as local time\n");
	ti_strict("BEGIN:VTIMEZONE\nTZID:Hostile\nBEGIN:STANDARD\nDTSTART:20270101T000000\n"
		  "TZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nRRULE:FREQ=SECONDLY\nEND:STANDARD\n"
		  "END:VTIMEZONE\n",
		  "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Hostile:20260323T090000\nDURATION:PT1H\n"
		  "SUMMARY:x\nEND:VEVENT\n", "line 15: the VTIMEZONE \"Hostile\" changes its offset");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_ids),
		cmocka_unit_test(test_display_names),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_zones_as_written),
		cmocka_unit_test(test_broken_vtimezone),
		cmocka_unit_test(test_unknown_zones),
		cmocka_unit_test(test_hostile_zone_rules),
		cmocka_unit_test(test_hostile_zone_unknown_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
