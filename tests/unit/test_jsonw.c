/* test_jsonw.c - the streaming JSON writer of --json output: layout, commas,
 * nesting, escaping, numbers. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "jsonw.h"
#include "testutil.h"

static struct buf out;
static struct jsonw j;

static int setup(void **state)
{
	(void)state;
	out = (struct buf)BUF_INIT;
	jsonw_init(&j, &out);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	buf_free(&out);
	return 0;
}

static void test_object_of_every_type(void **state)
{
	(void)state;
	jsonw_object(&j, NULL);
	jsonw_str(&j, "week", "2026-W49");
	jsonw_int(&j, "blocks", 12);
	jsonw_num(&j, "share", 0.4567, 2);
	jsonw_bool(&j, "quota", true);
	jsonw_bool(&j, "late", false);
	jsonw_null(&j, "niche");
	jsonw_end(&j);
	assert_string_equal(buf_str(&out), "{\n"
					   "  \"week\": \"2026-W49\",\n"
					   "  \"blocks\": 12,\n"
					   "  \"share\": 0.46,\n"
					   "  \"quota\": true,\n"
					   "  \"late\": false,\n"
					   "  \"niche\": null\n"
					   "}\n");
	assert_int_equal(j.depth, 0);
}

static void test_nesting(void **state)
{
	(void)state;
	jsonw_object(&j, NULL);
	jsonw_array(&j, "days");
	jsonw_object(&j, NULL);
	jsonw_str(&j, "date", "2026-11-30");
	jsonw_array(&j, "blocks");
	jsonw_end(&j);
	jsonw_object(&j, "empty");
	jsonw_end(&j);
	jsonw_end(&j);
	jsonw_object(&j, NULL);
	jsonw_array(&j, "ids");
	jsonw_int(&j, NULL, 1);
	jsonw_int(&j, NULL, 2);
	jsonw_end(&j);
	jsonw_end(&j);
	jsonw_end(&j);
	jsonw_int(&j, "n", 2);
	jsonw_end(&j);
	assert_string_equal(buf_str(&out), "{\n"
					   "  \"days\": [\n"
					   "    {\n"
					   "      \"date\": \"2026-11-30\",\n"
					   "      \"blocks\": [],\n"
					   "      \"empty\": {}\n"
					   "    },\n"
					   "    {\n"
					   "      \"ids\": [\n"
					   "        1,\n"
					   "        2\n"
					   "      ]\n"
					   "    }\n"
					   "  ],\n"
					   "  \"n\": 2\n"
					   "}\n");
}

static void test_top_level_array_and_extra_end(void **state)
{
	(void)state;
	jsonw_array(&j, NULL);
	jsonw_end(&j);
	assert_string_equal(buf_str(&out), "[]\n");
	/* An end too many writes nothing. */
	jsonw_end(&j);
	assert_string_equal(buf_str(&out), "[]\n");
	buf_reset(&out);
	jsonw_init(&j, &out);
	jsonw_array(&j, NULL);
	jsonw_str(&j, NULL, "a");
	jsonw_null(&j, NULL);
	jsonw_end(&j);
	assert_string_equal(buf_str(&out), "[\n  \"a\",\n  null\n]\n");
}

static void test_escaping(void **state)
{
	(void)state;
	jsonw_object(&j, NULL);
	jsonw_str(&j, "quote\"key", "say \"hi\"");
	jsonw_str(&j, "path", "C:\\calls\\list");
	jsonw_str(&j, "controls", "a\nb\tc\x1b[2J\x7f\x01");
	/* UTF-8 passes as it is: JSON text is UTF-8. */
	jsonw_str(&j, "utf8", "\xe6\x97\xa5 \xf0\x9f\x98\x80 caf\xc3\xa9 /");
	jsonw_str(&j, "none", NULL);
	jsonw_end(&j);
	assert_string_equal(buf_str(&out),
			    "{\n"
			    "  \"quote\\\"key\": \"say \\\"hi\\\"\",\n"
			    "  \"path\": \"C:\\\\calls\\\\list\",\n"
			    "  \"controls\": \"a\\u000ab\\u0009c\\u001b[2J\\u007f\\u0001\",\n"
			    "  \"utf8\": \"\xe6\x97\xa5 \xf0\x9f\x98\x80 caf\xc3\xa9 /\",\n"
			    "  \"none\": \"\"\n"
			    "}\n");
	/* No raw control byte anywhere in the output but the newlines. */
	for (const char *c = buf_str(&out); *c; c++)
		assert_true((unsigned char)*c >= 0x20 || *c == '\n');
}

/* For an ASCII-only terminal: the same strings, as \u escapes. */
static void test_ascii(void **state)
{
	(void)state;
	j.ascii = true;
	jsonw_object(&j, NULL);
	jsonw_str(&j, "caf\xc3\xa9", "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80 \xd7\x90\n\"");
	jsonw_str(&j, "max", "\xef\xbf\xbf \xf4\x8f\xbf\xbf");
	jsonw_str(&j, "bad", "\xff!");
	jsonw_end(&j);
	assert_string_equal(buf_str(&out),
			    "{\n"
			    "  \"caf\\u00e9\": \"caf\\u00e9 \\u65e5 \\ud83d\\ude00 \\u05d0\\u000a\\\"\",\n"
			    "  \"max\": \"\\uffff \\udbff\\udfff\",\n"
			    "  \"bad\": \"\\ufffd!\"\n"
			    "}\n");
}

static void test_numbers(void **state)
{
	(void)state;
	jsonw_array(&j, NULL);
	jsonw_int(&j, NULL, 0);
	jsonw_int(&j, NULL, -42);
	jsonw_int(&j, NULL, INT64_MAX);
	jsonw_int(&j, NULL, INT64_MIN);
	jsonw_num(&j, NULL, 2.5, 0);
	jsonw_num(&j, NULL, -0.125, 3);
	jsonw_num(&j, NULL, 1e6, 1);
	jsonw_num(&j, NULL, NAN, 2);
	jsonw_num(&j, NULL, INFINITY, 2);
	jsonw_num(&j, NULL, -INFINITY, 2);
	jsonw_end(&j);
	assert_string_equal(buf_str(&out), "[\n"
					   "  0,\n"
					   "  -42,\n"
					   "  9223372036854775807,\n"
					   "  -9223372036854775808,\n"
					   "  2,\n"
					   "  -0.125,\n"
					   "  1000000.0,\n"
					   "  null,\n"
					   "  null,\n"
					   "  null\n"
					   "]\n");
}

/* Depth up to JSONW_DEPTH - 1 nests properly. */
static void test_deep(void **state)
{
	struct buf want = BUF_INIT;
	int levels = JSONW_DEPTH - 1;

	(void)state;
	for (int i = 0; i < levels; i++)
		jsonw_array(&j, NULL);
	jsonw_int(&j, NULL, 7);
	for (int i = 0; i < levels; i++)
		jsonw_end(&j);
	assert_int_equal(j.depth, 0);
	buf_adds(&want, "[");
	for (int i = 1; i <= levels; i++) {
		buf_adds(&want, "\n");
		buf_repeat(&want, "  ", i);
		buf_adds(&want, i < levels ? "[" : "7");
	}
	for (int i = levels - 1; i >= 0; i--) {
		buf_adds(&want, "\n");
		buf_repeat(&want, "  ", i);
		buf_adds(&want, "]");
	}
	buf_adds(&want, "\n");
	assert_string_equal(buf_str(&out), buf_str(&want));
	buf_free(&want);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_object_of_every_type),
		T(test_nesting),
		T(test_top_level_array_and_extra_end),
		T(test_escaping),
		T(test_ascii),
		T(test_numbers),
		T(test_deep),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
