/* test_ics_export.c - blocks out as a calendar: summaries, categories, the
 * quota answer, times in the local zone or in UTC across a daylight-saving
 * change, the round trip back in, and how the local zone is found. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ics/ics_int.h"
#include "buf.h"
#include "ics.h"
#include "testutil.h"

static date_t d(const char *s)
{
	date_t out;

	assert_int_equal(date_parse(s, &out), 0);
	return out;
}

static int tm(const char *s)
{
	int out;

	assert_int_equal(date_time_parse(s, &out), 0);
	return out;
}

struct fixture {
	struct plan *p;
	struct week *w[2];   /* 2026-W13 and W14: Berlin goes to summer time between */
};

static void add(struct fixture *f, int wi, enum block_kind kind, const char *day,
		const char *start, const char *end, const char *title)
{
	struct block b;
	struct error err = { 0 };

	block_init(&b);
	b.kind = kind;
	b.date = d(day);
	b.start = tm(start);
	b.end = tm(end);
	b.industry = kind == KIND_PROSPECTING ? 1 : 0;
	if (kind == KIND_ACCOUNT)
		b.account = 1;
	block_set_title(&b, title);
	if (kind == KIND_MEETING) { /* as an import leaves them */
		snprintf(b.id, sizeof b.id, "2026W13-99");
		block_set_uid(&b, "real@example.com");
		week_block_restore(f->w[wi], &b);
	} else if (week_block_add(f->w[wi], f->p, &b, NULL, &err) != 0) {
		fail_msg("%s", err.msg);
	}
	block_clear(&b);
}

static void setup(struct fixture *f)
{
	struct settings s;
	struct error err = { 0 };
	struct block b;

	f->p = plan_new();
	s = *plan_settings(f->p);
	s.day_end = DATE_MINUTES_PER_DAY;
	assert_int_equal(plan_set_settings(f->p, &s, &err), 0);
	assert_int_equal(plan_industry_add(f->p, "Healthcare", 0, &err), 1);
	assert_int_equal(plan_account_add(f->p, "Contoso, Ltd", 60, &err), 1);
	f->w[0] = week_new(f->p, 202613);
	f->w[1] = week_new(f->p, 202614);
	add(f, 0, KIND_PROSPECTING, "2026-03-27", "09:00", "10:30", "Call list A");
	add(f, 0, KIND_MEETING, "2026-03-27", "11:00", "12:00", "Real meeting");
	add(f, 1, KIND_PROSPECTING, "2026-03-30", "09:00", "10:30", "Call list B");
	add(f, 1, KIND_ACCOUNT, "2026-03-30", "14:00", "15:00", "Quarterly review");
	add(f, 1, KIND_ADMIN, "2026-03-31", "22:00", "24:00", "");
	/* Done, with an outcome and a note; not for quota. */
	block_copy(&b, week_block_at(f->w[1], 0));
	b.status = STATUS_DONE;
	b.cut_short = true;
	b.for_quota = false;
	b.out.calls = 12;
	b.out.conversations = 3;
	b.out.meetings = 1;
	block_set_note(&b, "Ask for the fleet manager; call back Tuesday");
	assert_int_equal(week_block_update(f->w[1], f->p, &b, &err), 0);
	/* What was sold on it: a sale naming it. */
	{
		struct sale sold = { .date = b.date, .amount = 500, .industry = b.industry };

		snprintf(sold.block, sizeof sold.block, "%s", b.id);
		assert_int_equal(week_sale_add(f->w[1], &sold, NULL, &err), 0);
	}
	block_clear(&b);
}

static void teardown(struct fixture *f)
{
	week_free(f->w[0]);
	week_free(f->w[1]);
	plan_free(f->p);
}

/* The export, with folded lines unfolded for searching. */
static char *export_alarm(struct fixture *f, const char *zone, int alarm, size_t *n);

static char *export(struct fixture *f, const char *zone, size_t *n)
{
	return export_alarm(f, zone, -1, n);
}

static char *export_alarm(struct fixture *f, const char *zone, int alarm, size_t *n)
{
	struct buf out = BUF_INIT, flat = BUF_INIT;
	struct error err = { 0 };
	instant_t now;

	assert_int_equal(clock_parse("@1774000000", &now), 0);
	if (ics_export(f->p, f->w, 2, d("2026-03-27"), d("2026-03-31"), zone, now, alarm, &out, n,
		       &err) != 0)
		fail_msg("%s", err.msg);
	for (size_t i = 0; i < out.len; i++) {
		if (out.data[i] == '\r' && i + 2 < out.len && out.data[i + 1] == '\n' &&
		    out.data[i + 2] == ' ') {
			i += 2;
			continue;
		}
		if (out.data[i] != '\r')
			buf_addc(&flat, out.data[i]);
	}
	buf_free(&out);
	return buf_take(&flat);
}

static void has(const char *text, const char *line)
{
	if (strstr(text, line) == NULL)
		fail_msg("no \"%s\" in:\n%s", line, text);
}

static void test_export_zone(void **state)
{
	struct fixture f;
	size_t n;
	char *text;

	(void)state;
	tu_tz("Europe/Berlin");
	setup(&f);
	text = export(&f, "Europe/Berlin", &n);
	assert_int_equal(n, 4); /* the imported meeting stays out */
	assert_null(strstr(text, "Real meeting"));
	has(text, "X-WR-TIMEZONE:Europe/Berlin\n");
	has(text, "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\n");
	assert_null(strstr(text, "freeassociation"));
	has(text, "UID:2026W13-1@focusweek\nDTSTAMP:20260320T094640Z\n"
		  "DTSTART;TZID=Europe/Berlin:20260327T090000\n"
		  "DTEND;TZID=Europe/Berlin:20260327T103000\n"
		  "SUMMARY:Prospecting · Healthcare — Call list A\n"
		  "CATEGORIES:Prospecting\nCATEGORIES:Healthcare\n"
		  "DESCRIPTION:Will this help me make my sales quota? Yes\\nStatus: planned\n"
		  "TRANSP:OPAQUE\n");
	has(text, "DTSTART;TZID=Europe/Berlin:20260330T090000\n");
	has(text, "SUMMARY:Prospecting · Healthcare — Call list B\n");
	has(text, "DESCRIPTION:Will this help me make my sales quota? No\\nStatus: done (cut "
		  "short)\\nOutcome: 12 calls\\, 3 conversations\\, 1 meeting booked\\, 500 USD "
		  "sold\\n\\nAsk for the fleet manager\\; call back Tuesday\n");
	/* An account block names the account (its comma escaped); no industry. */
	has(text, "SUMMARY:Account · Contoso\\, Ltd — Quarterly review\nCATEGORIES:Account\n"
		  "DESCRIPTION:");
	/* Ending at 24:00 is the next midnight; no title, no dash. */
	has(text, "DTEND;TZID=Europe/Berlin:20260401T000000\nSUMMARY:Admin\n");
	free(text);
	teardown(&f);
}

/* With no zone name, UTC: the same 09:00 is 08:00Z before the change and
 * 07:00Z after it. */
static void test_export_utc(void **state)
{
	struct fixture f;
	size_t n;
	char *text;

	(void)state;
	tu_tz("Europe/Berlin");
	setup(&f);
	text = export(&f, NULL, &n);
	assert_null(strstr(text, "VTIMEZONE"));
	assert_null(strstr(text, "TZID"));
	has(text, "DTSTART:20260327T080000Z\nDTEND:20260327T093000Z\n");
	has(text, "DTSTART:20260330T070000Z\nDTEND:20260330T083000Z\n");
	has(text, "DTSTART:20260331T200000Z\nDTEND:20260331T220000Z\n");
	free(text);
	teardown(&f);
}

/* Out and back in, in the zone and in UTC, in another plan: the same local
 * times, the summaries as titles. */
static void test_round_trip(void **state)
{
	static const char *const zones[] = { "Europe/Berlin", NULL };

	(void)state;
	tu_tz("Europe/Berlin");
	for (size_t z = 0; z < 2; z++) {
		struct fixture f;
		struct buf out = BUF_INIT;
		struct error err = { 0 };
		struct ics_calendar *cal;
		struct ics_report rep;
		struct plan *other = plan_new();
		struct week *w[2] = { week_new(other, 202613), week_new(other, 202614) };
		size_t n;

		setup(&f);
		assert_int_equal(ics_export(f.p, f.w, 2, d("2026-03-23"), d("2026-04-05"),
					    zones[z], 0, -1, &out, &n, &err), 0);
		assert_int_equal(ics_parse(out.data, out.len, d("2026-03-23"), d("2026-04-05"),
					   &cal, &err), 0);
		assert_int_equal(cal->n_events, 4);
		assert_int_equal(ics_merge(w, 2, other, cal, d("2026-03-23"), d("2026-04-05"), &rep,
					   &err), 0);
		assert_int_equal(rep.added, 4);
		for (size_t wi = 0; wi < 2; wi++) {
			size_t k = 0;

			for (size_t i = 0; i < week_block_count(f.w[wi]); i++) {
				const struct block *a = week_block_at(f.w[wi], i), *b;
				char uid[64];

				if (a->kind == KIND_MEETING)
					continue;
				b = week_block_at(w[wi], k++);
				snprintf(uid, sizeof uid, "%s@focusweek", a->id);
				assert_non_null(b);
				assert_int_equal(b->kind, KIND_MEETING);
				assert_int_equal(b->date, a->date);
				assert_int_equal(b->start, a->start);
				assert_int_equal(b->end, a->end);
				assert_string_equal(b->uid, uid);
			}
			assert_int_equal(week_block_count(w[wi]), k);
		}
		assert_string_equal(week_block_at(w[0], 0)->title,
				    "Prospecting · Healthcare — Call list A");
		ics_report_clear(&rep);
		ics_calendar_free(cal);
		buf_free(&out);
		week_free(w[0]);
		week_free(w[1]);
		plan_free(other);
		teardown(&f);
	}
}

static void test_local_zone(void **state)
{
	static const struct {
		const char *tz, *zone;
	} cases[] = {
		{ "Europe/Berlin", "Europe/Berlin" },
		{ ":America/New_York", "America/New_York" },
		{ "/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo" },
		{ "/usr/share/zoneinfo/posix/Australia/Lord_Howe", "Australia/Lord_Howe" },
		{ "", "UTC" },
		{ "Etc/UTC", "UTC" },
		{ "CET-1CEST,M3.5.0,M10.5.0/3", NULL },
		{ "../../../etc/passwd", NULL },
		{ "Mars/Olympus_Mons", NULL },
	};
	char buf[80];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *z;

		tu_tz(cases[i].tz);
		z = ics_local_zone(buf, sizeof buf);
		if (cases[i].zone == NULL)
			assert_null(z);
		else
			assert_string_equal(z ? z : "(none)", cases[i].zone);
	}
	tu_tz("Europe/Berlin");
}

static void test_zone_names(void **state)
{
	const char *iana;

	(void)state;
	assert_true(ics_zone_name_ok("America/Argentina/Buenos_Aires"));
	assert_true(ics_zone_name_ok("Etc/GMT+12"));
	assert_true(ics_zone_name_ok("America/Port-au-Prince"));
	assert_false(ics_zone_name_ok("../etc/passwd"));
	assert_false(ics_zone_name_ok("/Europe/Berlin"));
	assert_false(ics_zone_name_ok("Europe//Berlin"));
	assert_false(ics_zone_name_ok("Europe/-Berlin"));
	assert_false(ics_zone_name_ok("W. Europe Standard Time"));
	assert_false(ics_zone_name_ok(""));
	/* Windows names, by bsearch in a table that must stay sorted. */
	assert_string_equal(ics_zone_windows("AUS Central Standard Time"), "Australia/Darwin");
	assert_string_equal(ics_zone_windows("W. Europe Standard Time"), "Europe/Berlin");
	assert_string_equal(ics_zone_windows("Yukon Standard Time"), "America/Whitehorse");
	assert_string_equal(ics_zone_windows("UTC-11"), "Etc/GMT+11");
	assert_null(ics_zone_windows("Middle Earth Standard Time"));
	/* The table is sorted, and every zone it names is one libical has. */
	for (size_t i = 0; ics_zone_windows_at(i, &iana) != NULL; i++) {
		const char *name = ics_zone_windows_at(i, &iana), *prev;
		char found[ICS_ZONE_NAME_MAX + 1];

		if (i > 0 && strcmp(ics_zone_windows_at(i - 1, &prev), name) >= 0)
			fail_msg("\"%s\" is out of order", name);
		if (ics_zone_named(name, found) == NULL)
			fail_msg("\"%s\" stands for \"%s\", which libical does not have", name,
				 iana);
	}
}

static size_t count(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)) != NULL; p++)
		n++;
	return n;
}

/* With the reminder lead time, each block still planned carries an alarm
 * (the phone reminds too); a block done does not; 0 is at its start. */
static void test_export_alarm(void **state)
{
	struct fixture f;
	struct ics_calendar *cal;
	struct error err = { 0 };
	size_t n;
	char *text;

	(void)state;
	tu_tz("Europe/Berlin");
	setup(&f);
	text = export(&f, "Europe/Berlin", &n);
	assert_int_equal(count(text, "BEGIN:VALARM"), 0);
	free(text);
	text = export_alarm(&f, "Europe/Berlin", 15, &n);
	has(text, "TRANSP:OPAQUE\nBEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15M\n"
		  "DESCRIPTION:Prospecting · Healthcare — Call list A\nEND:VALARM\nEND:VEVENT\n");
	assert_int_equal(count(text, "BEGIN:VALARM"), 3); /* Call list B is done */
	assert_int_equal(count(text, "END:VALARM"), 3);
	/* Still a calendar that reads back the same. */
	assert_int_equal(ics_parse(text, strlen(text), d("2026-03-27"), d("2026-03-31"), &cal,
				   &err), 0);
	assert_int_equal(cal->n_events, 4);
	ics_calendar_free(cal);
	free(text);
	text = export_alarm(&f, "Europe/Berlin", 0, &n);
	assert_int_equal(count(text, "TRIGGER:PT0S\n"), 3);
	free(text);
	teardown(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_zone),
		cmocka_unit_test(test_export_utc),
		cmocka_unit_test(test_export_alarm),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_local_zone),
		cmocka_unit_test(test_zone_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
