/* test_review_output.c - the review's formats: CSV quoting a spreadsheet
 * reads, JSON that parses, ASCII fallbacks, and hostile text made safe. */
#include <cjson/cJSON.h>
#include <stdio.h>

#include "test_review_fixture.h"

static void csv_is(const char *in, const char *out)
{
	struct buf b = BUF_INIT;

	review_csv_field(&b, in);
	assert_string_equal(buf_str(&b), out);
	buf_free(&b);
}

static void test_csv_field(void **state)
{
	(void)state;
	csv_is("plain", "plain");
	csv_is("", "");
	csv_is("a, b", "\"a, b\"");
	csv_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_is("\"", "\"\"\"\"");
	csv_is("two\nlines", "\"two\nlines\"");
	csv_is("cr\r", "\"cr\r\"");
	csv_is("semi;colon 'quote'", "semi;colon 'quote'");
	/* What a spreadsheet would run as a formula gets a quote in front. */
	csv_is("=1+2", "\"'=1+2\"");
	csv_is("+49 30 1234", "\"'+49 30 1234\"");
	csv_is("-20% time", "\"'-20% time\"");
	csv_is("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"");
	csv_is("\tindent", "\"'\tindent\"");
	csv_is("\rstart", "\"'\rstart\"");
	csv_is("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	/* Only the first character counts. */
	csv_is("a=b-c", "a=b-c");
	csv_is(" =1", " =1");
	csv_is("'=1", "'=1");
}

static void test_hours_and_formats(void **state)
{
	char h[24];
	enum review_format f;

	(void)state;
	review_hours(0, h);
	assert_string_equal(h, "0 min");
	review_hours(59, h);
	assert_string_equal(h, "59 min");
	review_hours(1530, h);
	assert_string_equal(h, "25h30");
	review_hours(-62, h);
	assert_string_equal(h, "-1h02");
	assert_int_equal(review_format_parse("md", &f), 0);
	assert_int_equal(f, REVIEW_MD);
	assert_int_equal(review_format_parse("json", &f), 0);
	assert_int_equal(f, REVIEW_JSON);
	assert_int_equal(review_format_parse("JSON", &f), -1);
	assert_int_equal(review_format_parse("xlsx", &f), -1);
}

/* A week whose titles and notes hold every character that needs care. */
struct fixture {
	struct plan *p;
	struct week *w;
	struct review *r;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	static const struct fx_block b[] = {
		{ "q1", "2026-11-30", "09:00", "10:00", KIND_PROSPECTING, 1, 0, STATUS_DONE, 9, 1, 0, false },
		{ "q2", "2026-12-01", "09:00", "10:30", KIND_ADMIN, 0, 0, STATUS_PLANNED, 0, 0, 0, false },
	};
	struct block x;

	f->p = fx_plan(QUOTA_MONTH, 1000);
	f->w = week_new(f->p, fx_week("2026-W49"));
	fx_add(f->w, &b[0]);
	fx_add(f->w, &b[1]);
	/* The unfinished block gets the title, the done one the note. */
	block_copy(&x, week_block_by_id(f->w, "q2"));
	block_set_title(&x, "Calls, \"big\" | clinics \\ *now*");
	week_block_remove(f->w, "q2", NULL);
	week_block_restore(f->w, &x);
	block_clear(&x);
	block_copy(&x, week_block_by_id(f->w, "q1"));
	block_set_note(&x, "esc\x1b[2J here\nand \xc2\x9b there");
	week_block_remove(f->w, "q1", NULL);
	week_block_restore(f->w, &x);
	block_clear(&x);
	f->r = fx_review(f->p, &f->w, 1, "2026-W49", 1, "2026-12-02", "12:00");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	review_free(f->r);
	week_free(f->w);
	plan_free(f->p);
	free(f);
	return 0;
}

static char *render(const struct fixture *f, enum review_format fmt, enum text_mode mode)
{
	struct buf b = BUF_INIT;

	review_write(&b, f->r, f->p, fmt, mode);
	return buf_take(&b);
}

/* No escape sequence reaches the output in any format: no C0 but line
 * ends, no C1 (U+0080..U+009F). */
static void assert_no_controls(const char *s, bool cr_ok)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '\n' || (cr_ok && *c == '\r'))
			continue;
		assert_false(*c < 0x20 || *c == 0x7f);
		assert_false(c[0] == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f);
	}
}

static void test_csv_rows(void **state)
{
	struct fixture *f = *state;
	char *csv = render(f, REVIEW_CSV, TEXT_UTF8);

	assert_no_controls(csv, true);
	/* A byte-order mark first, so spreadsheets read UTF-8. */
	assert_memory_equal(csv, "\xef\xbb\xbfweek,date,", 13);
	assert_non_null(strstr(csv, "week,date,weekday,start,end,minutes,kind,industry,account,"
				    "title,for_quota,status,cut_short,calls,conversations,"
				    "meetings,sold,note,id,carried_from,counts_as,done_minutes,"
				    "left_minutes\r\n"));
	/* The note's controls became U+FFFD; nothing else changed.  q1 counts
	 * as done, its 60 minutes; q2 (planned, ended Tue) as unfinished, 90
	 * left. */
	assert_non_null(strstr(csv, "2026-W49,2026-11-30,Mon,09:00,10:00,60,prospecting,"
				    "Healthcare,,q1,yes,done,no,9,0,1,0,esc\xef\xbf\xbd[2J here"
				    "\xef\xbf\xbd" "and \xef\xbf\xbd there,q1,,done,60,0\r\n"));
	assert_non_null(strstr(csv, "\r\n2026-W49,2026-12-01,Tue,09:00,10:30,90,admin,,,"
				    "\"Calls, \"\"big\"\" | clinics \\ *now*\",yes,planned,no,"
				    "0,0,0,0,,q2,,unfinished,0,90\r\n"));
	free(csv);
}

static void test_json_parses(void **state)
{
	struct fixture *f = *state;
	char *json = render(f, REVIEW_JSON, TEXT_ASCII);
	cJSON *root = cJSON_Parse(json), *x;

	assert_non_null(root);
	assert_no_controls(json, false);
	x = cJSON_GetObjectItemCaseSensitive(root, "quota");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(x, "target")->valuedouble, 1000);
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(x, "progress_pct")) ||
		    cJSON_GetObjectItemCaseSensitive(x, "progress_pct")->valuedouble == 0);
	x = cJSON_GetObjectItemCaseSensitive(root, "finished");
	x = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(x, "unfinished"), 0);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(x, "id")->valuestring, "q2");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(x, "title")->valuestring,
			    "Calls, \"big\" | clinics \\ *now*");
	x = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "industries"), 0);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(x, "industry")->valuestring,
			    "Healthcare");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(x, "calls_per_hour")->valuedouble, 9);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "trend")),
			 REVIEW_TREND_WEEKS);
	cJSON_Delete(root);
	free(json);
}

static void test_text_modes(void **state)
{
	struct fixture *f = *state;
	char *ascii = render(f, REVIEW_TEXT, TEXT_ASCII);
	char *utf8 = render(f, REVIEW_TEXT, TEXT_UTF8);

	for (const unsigned char *c = (const unsigned char *)ascii; *c; c++)
		assert_true(*c < 0x80);
	assert_no_controls(ascii, false);
	assert_no_controls(utf8, false);
	/* Bars: a 100% day is ten full cells; the trend's last week a full spark. */
	assert_non_null(strstr(ascii, "##########"));
	assert_non_null(strstr(utf8, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88"));
	assert_non_null(strstr(ascii, "  _______#\n"));  /* meetings: 0 x 7, then 1 */
	assert_non_null(strstr(utf8, "\xe2\x96\x81\xe2\x96\x88\n"));
	free(ascii);
	free(utf8);
}

static void test_markdown_escapes(void **state)
{
	struct fixture *f = *state;
	char *md = render(f, REVIEW_MD, TEXT_UTF8);

	assert_no_controls(md, false);
	/* The unfinished block's row; user text cannot break the table. */
	assert_non_null(strstr(md, "| Tue 1 Dec | 09:00\xe2\x80\x93" "10:30 | admin | "
				   "Calls, \"big\" \\| clinics \\\\ \\*now\\* | 1h30 | planned |\n"));
	assert_non_null(strstr(md, "| Healthcare | 9 | 0 | 1 | 0 | 1h00 | 9.00 | 1.00 |"));
	free(md);
}

/* Long lists show their latest entries in text and Markdown; CSV all. */
static void test_long_lists(void **state)
{
	struct plan *p = fx_plan(QUOTA_MONTH, 0);
	struct week *w = week_new(p, fx_week("2026-W49"));
	struct review *r;
	struct buf b = BUF_INIT;

	(void)state;
	for (int i = 0; i < REVIEW_LIST_SHOWN + 5; i++) {
		char id[8], start[6], end[6];
		struct fx_block x = { id, "2026-12-01", start, end, KIND_ADMIN, 0, 0,
				      STATUS_PLANNED, 0, 0, 0, false };

		snprintf(id, sizeof id, "u%02d", i);
		date_time_format(8 * 60 + 15 * i, start);
		date_time_format(8 * 60 + 15 * (i + 1), end);
		fx_add(w, &x);
	}
	r = fx_review(p, &w, 1, "2026-W49", 1, "2026-12-31", "00:00");
	assert_int_equal(r->n_unfinished, REVIEW_LIST_SHOWN + 5);
	review_write(&b, r, p, REVIEW_TEXT, TEXT_UTF8);
	assert_non_null(strstr(buf_str(&b), "Unfinished (35)\n    (5 earlier not shown;"));
	assert_null(strstr(buf_str(&b), "u04"));
	assert_non_null(strstr(buf_str(&b), "u05"));
	assert_non_null(strstr(buf_str(&b), "u34"));
	buf_reset(&b);
	review_write(&b, r, p, REVIEW_MD, TEXT_UTF8);
	assert_null(strstr(buf_str(&b), "| u04 |"));
	assert_non_null(strstr(buf_str(&b), "| u05 |"));
	assert_non_null(strstr(buf_str(&b), "5 earlier unfinished blocks are not shown"));
	buf_reset(&b);
	review_write(&b, r, p, REVIEW_CSV, TEXT_UTF8);
	assert_non_null(strstr(buf_str(&b), ",u00,"));
	buf_free(&b);
	review_free(r);
	week_free(w);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_hours_and_formats),
		cmocka_unit_test_setup_teardown(test_csv_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_parses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown_escapes, setup, teardown),
		cmocka_unit_test(test_long_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
