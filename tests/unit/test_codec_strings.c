/* test_codec_strings.c - what the strict reader refuses in the strings of a
 * data file, and the JSON path its messages name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "starter.h"
#include "testutil.h"
#include "xalloc.h"

#define WEEK 202649

/* text with the first `from` replaced by `to` (free()). */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t head, len;
	char *out;

	assert_non_null(at);
	head = (size_t)(at - text);
	len = strlen(text) - strlen(from) + strlen(to);
	out = xmalloc(len + 1);
	memcpy(out, text, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

/* The starter week's file with one title replaced by `title` (raw JSON). */
static int read_week_with_title(const char *title, struct week **w, struct error *err)
{
	struct plan *p = starter_plan();
	struct week *src = starter_week(p, WEEK);
	size_t len;
	char *text = codec_week_write(src, &len), *bad, quoted[256];
	bool newer;
	int rc;

	snprintf(quoted, sizeof quoted, "\"%s\"", title);
	bad = replaced(text, "\"Call list: plants\"", quoted);
	rc = codec_week_read(bad, strlen(bad), "weeks/2026-W49.json", p, WEEK, w, &newer, err);
	free(bad);
	free(text);
	week_free(src);
	plan_free(p);
	return rc;
}

static void test_hostile_titles_refused(void **state)
{
	static const char *const hostile[] = {
		"esc\\u001b[2Jape",  /* an escaped control character */
		"bell\x07",          /* a raw one */
		"bad \xff utf-8",    /* invalid UTF-8 */
		"c1 \xc2\x85 next",  /* a C1 control as UTF-8 */
		"bidi \\u202e gnp",  /* a bidi override, escaped */
		"cut\\u0000here",    /* cJSON would silently cut the string here */
		"lone \\udc00",      /* a lone surrogate */
	};

	(void)state;
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		struct error err = { 0 };
		struct week *w = NULL;

		assert_int_equal(read_week_with_title(hostile[i], &w, &err), -1);
		assert_null(w);
		assert_int_equal(err.code, ERR_DATA);
		assert_non_null(strstr(err.msg, "weeks/2026-W49.json:"));
	}
}

static void test_fair_titles_kept(void **state)
{
	struct error err = { 0 };
	struct week *w = NULL;
	bool found = false;

	(void)state;
	assert_int_equal(read_week_with_title("Caf\xc3\xa9 owners \\ud83d\\ude00", &w, &err), 0);
	for (size_t i = 0; i < week_block_count(w); i++)
		found |= strcmp(week_block_at(w, i)->title, "Caf\xc3\xa9 owners \xf0\x9f\x98\x80") == 0;
	assert_true(found);
	week_free(w);
}

static void test_messages_name_the_path(void **state)
{
	struct plan *p = starter_plan(), *back = NULL;
	struct template t = { 0 };
	struct template_block tb[2] = {
		{ 0, 9 * 60, 10 * 60, KIND_ADMIN, 0, (char *)"Inbox", true },
		{ 1, 9 * 60, 10 * 60, KIND_ADMIN, 0, (char *)"Pipeline", true },
	};
	char long_title[260], *text, *bad;
	struct error err = { 0 };
	size_t len;
	bool newer;

	(void)state;
	t.name = (char *)"Standard";
	t.blocks = tb;
	t.n_blocks = 2;
	assert_int_equal(plan_template_put(p, &t, NULL), 0);
	text = codec_plan_write(p, &len);
	memset(long_title, 'x', sizeof long_title - 3);
	long_title[0] = '"';
	long_title[sizeof long_title - 3] = '"';
	long_title[sizeof long_title - 2] = '\0';
	bad = replaced(text, "\"Pipeline\"", long_title);
	assert_int_equal(codec_plan_read(bad, strlen(bad), "plan.json", &back, &newer, &err), -1);
	assert_non_null(strstr(err.msg, "plan.json: templates[0].blocks[1].title: is too long"));
	free(bad);
	bad = replaced(text, "\"Pipeline\"", "\"Pipeline\", \"colour\": 3");
	assert_int_equal(codec_plan_read(bad, strlen(bad), "plan.json", &back, &newer, &err), -1);
	assert_non_null(strstr(err.msg, "plan.json: templates[0].blocks[1]: unknown key \"colour\""));
	free(bad);
	free(text);
	plan_free(p);
}

/*
 * Week schema 1 kept money on blocks ("revenue"); schema 2 keeps it in
 * sales.  Read, each block's becomes a sale of its day, industry and
 * account naming it, unless a sale of the same amount names no block: that
 * deal was recorded both ways, and is linked instead of counted twice.
 * Written again, no block has "revenue".
 */
static void test_revenue_becomes_sales(void **state)
{
	struct plan *p = starter_plan();
	struct week *src = starter_week(p, WEEK), *w;
	struct sale sale = { .date = week_monday(src) + 3, .amount = 900, .industry = 4 };
	struct error err;
	size_t len;
	char *text, *old1, *old2, *again;
	bool newer;

	(void)state;
	assert_int_equal(week_sale_add(src, &sale, NULL, &err), 0);
	text = codec_week_write(src, &len);
	/* As schema 1 wrote it: "revenue" on Monday's block and Tuesday's. */
	old1 = replaced(text, "\"title\":\t\"Call list: clinics\",",
			"\"title\":\t\"Call list: clinics\", \"revenue\": 900,");
	old2 = replaced(old1, "\"title\":\t\"Call list: plants\",",
			"\"title\":\t\"Call list: plants\", \"revenue\": 1500,");
	assert_int_equal(codec_week_read(old2, strlen(old2), "weeks/2026-W49.json", p, WEEK, &w,
					 &newer, &err), 0);
	assert_int_equal(week_sale_count(w), 2);
	/* The 900 sale already there: linked to Monday's block, kept as it was. */
	assert_int_equal(week_block_sold(w, "2026W49-1"), 900);
	/* Tuesday's 1500: a new sale of its day and industry. */
	assert_int_equal(week_block_sold(w, "2026W49-2"), 1500);
	for (size_t i = 0; i < week_sale_count(w); i++) {
		const struct sale *x = week_sale_at(w, i);

		if (strcmp(x->block, "2026W49-2") == 0) {
			assert_int_equal(x->date, week_monday(w) + 1);
			assert_int_equal(x->industry, 2);
		} else {
			assert_string_equal(x->block, "2026W49-1");
			assert_int_equal(x->date, week_monday(w) + 3);
			assert_int_equal(x->industry, 4);
		}
	}
	again = codec_week_write(w, &len);
	assert_null(strstr(again, "revenue"));
	assert_non_null(strstr(again, "\"schema\":\t2"));
	free(again);
	week_free(w);
	free(old2);
	free(old1);
	free(text);
	week_free(src);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_titles_refused),
		cmocka_unit_test(test_fair_titles_kept),
		cmocka_unit_test(test_messages_name_the_path),
		cmocka_unit_test(test_revenue_becomes_sales),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
