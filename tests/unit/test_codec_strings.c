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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_titles_refused),
		cmocka_unit_test(test_fair_titles_kept),
		cmocka_unit_test(test_messages_name_the_path),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
