/* test_text.c - UTF-8 validation, control characters, safe display, display
 * width of wide, combining and emoji characters, cutting to a width, and the
 * ASCII mode. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "testutil.h"

/* Characters used below. */
#define E_ACUTE "\xc3\xa9"                 /* é, one code point */
#define COMBINING_ACUTE "\xcc\x81"         /* U+0301 */
#define NICHI "\xe6\x97\xa5"               /* 日, wide */
#define HON "\xe6\x9c\xac"                 /* 本 */
#define GO "\xe8\xaa\x9e"                  /* 語 */
#define GRIN "\xf0\x9f\x98\x80"            /* 😀, wide */
#define PHONE "\xf0\x9f\x93\x9e"           /* 📞 */
#define ALEF "\xd7\x90"                    /* א, right to left */
#define RLO "\xe2\x80\xae"                 /* U+202E right-to-left override */
#define LRI "\xe2\x81\xa6"                 /* U+2066 left-to-right isolate */
#define CSI_C1 "\xc2\x9b"                  /* U+009B, a C1 control */
#define FFFD "\xef\xbf\xbd"
#define ELLIPSIS "\xe2\x80\xa6"

static char *safe(const char *s, enum text_mode mode)
{
	struct buf b = BUF_INIT;

	text_safe(&b, s, mode);
	assert_non_null(b.data);
	return buf_take(&b);
}

static char *fit(const char *s, int cols, bool ellipsis, enum text_mode mode, int *used)
{
	struct buf b = BUF_INIT;

	*used = text_fit(&b, s, cols, ellipsis, mode);
	return buf_take(&b);
}

static char *pad(const char *s, int cols, enum text_mode mode)
{
	struct buf b = BUF_INIT;

	text_pad(&b, s, cols, mode);
	return buf_take(&b);
}

#define ASSERT_SAFE(in, mode, want)                                          \
	do {                                                                 \
		char *got_ = safe(in, mode);                                 \
		assert_string_equal(got_, want);                             \
		free(got_);                                                  \
	} while (0)

#define ASSERT_FIT(in, cols, ell, mode, want, want_used)                     \
	do {                                                                 \
		int used_;                                                   \
		char *got_ = fit(in, cols, ell, mode, &used_);               \
		assert_string_equal(got_, want);                             \
		assert_int_equal(used_, want_used);                          \
		free(got_);                                                  \
	} while (0)

static bool valid(const char *s)
{
	return text_utf8_valid(s, strlen(s));
}

static void test_utf8_valid(void **state)
{
	static const char *const good[] = {
		"", "plain", E_ACUTE, NICHI HON GO, GRIN, ALEF, FFFD,
		"\xf4\x8f\xbf\xbf", /* U+10FFFF */
		"\xed\x9f\xbf",     /* U+D7FF, below the surrogates */
		"\xee\x80\x80",     /* U+E000, above them */
	};
	static const char *const bad[] = {
		"\x80",             /* a lone continuation byte */
		"caf\xe9",          /* Latin-1 */
		"\xc3",             /* cut short */
		"\xe6\x97",         /* cut short */
		"\xf0\x9f\x98",     /* cut short */
		"\xc3\x28",         /* continuation missing */
		"\xc0\xaf",         /* overlong "/" */
		"\xc1\xbf",         /* overlong */
		"\xe0\x80\xaf",     /* overlong, 3 bytes */
		"\xf0\x80\x80\xaf", /* overlong, 4 bytes */
		"\xed\xa0\x80",     /* U+D800, a surrogate */
		"\xed\xbf\xbf",     /* U+DFFF */
		"\xf4\x90\x80\x80", /* above U+10FFFF */
		"\xf5\x80\x80\x80",
		"\xf8\x88\x80\x80\x80", /* five bytes */
		"\xfe", "\xff",
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!valid(good[i]))
			fail_msg("good[%zu] refused", i);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (valid(bad[i]))
			fail_msg("bad[%zu] accepted", i);
	/* The length given is respected: an embedded cut is invalid. */
	assert_true(text_utf8_valid(NICHI, 3));
	assert_false(text_utf8_valid(NICHI, 2));
	assert_true(text_utf8_valid("ab\xff", 2));
}

static void test_decode(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_decode(E_ACUTE, 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(text_decode(NICHI, 3, &cp), 3);
	assert_int_equal(cp, 0x65E5);
	assert_int_equal(text_decode(GRIN, 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* Bad input decodes one byte at a time as U+FFFD. */
	assert_int_equal(text_decode(GRIN, 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("\xc0\xaf", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &cp), 1);
	assert_int_equal(text_decode("x", 0, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

static void test_controls(void **state)
{
	static const uint32_t controls[] = { 0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F,
					     0x80, 0x85, 0x9B, 0x9F, 0x202A, 0x202B, 0x202C,
					     0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 };
	static const uint32_t fine[] = { 0x20, 0x41, 0x7E, 0xA0, 0xE9, 0x200D, 0x2029,
					 0x2065, 0x206A, 0x05D0, 0x1F600, 0xFFFD };

	(void)state;
	for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++)
		if (!text_is_control(controls[i]))
			fail_msg("U+%04X is a control", (unsigned)controls[i]);
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
		if (text_is_control(fine[i]))
			fail_msg("U+%04X is not a control", (unsigned)fine[i]);
	assert_int_equal(text_find_control("no controls " NICHI), 0);
	assert_int_equal(text_find_control("esc \x1b[2J"), 0x1B);
	assert_int_equal(text_find_control("bidi " RLO "evil"), 0x202E);
	assert_int_equal(text_find_control("c1 " CSI_C1 "2J"), 0x9B);
	assert_int_equal(text_find_control("tab\tx"), '\t');
}

static void test_check(void **state)
{
	char s[12];

	(void)state;
	assert_null(text_check("", 10));
	assert_null(text_check("Plant managers " NICHI GRIN, 40));
	assert_string_equal(text_check("Calls\x1b[31m", 40), "contains a control character");
	assert_string_equal(text_check("Calls\n", 40), "contains a control character");
	assert_string_equal(text_check("A " LRI "B", 40), "contains a control character");
	assert_string_equal(text_check("caf\xe9", 40), "is not valid UTF-8");
	assert_string_equal(text_check("del\x7f", 40), "contains a control character");
	assert_string_equal(text_check("long " NICHI, 6), "is too long");
	/* The limit is in bytes, inclusive. */
	memset(s, 'x', 10);
	s[10] = '\0';
	assert_null(text_check(s, 10));
	s[10] = 'x';
	s[11] = '\0';
	assert_string_equal(text_check(s, 10), "is too long");
	assert_string_equal(text_check(NICHI NICHI, 5), "is too long");
}

static void test_safe(void **state)
{
	(void)state;
	/* An escape sequence cannot reach the terminal. */
	ASSERT_SAFE("a\x1b[2Jb", TEXT_UTF8, "a" FFFD "[2Jb");
	ASSERT_SAFE("a\x1b[2Jb", TEXT_ASCII, "a?[2Jb");
	ASSERT_SAFE("c1 " CSI_C1 "2J", TEXT_UTF8, "c1 " FFFD "2J");
	ASSERT_SAFE("bidi " RLO "x", TEXT_UTF8, "bidi " FFFD "x");
	ASSERT_SAFE("del\x7f", TEXT_UTF8, "del" FFFD);
	ASSERT_SAFE("bell\a\r", TEXT_ASCII, "bell??");
	/* Bad bytes become U+FFFD, one per byte; a real U+FFFD stays. */
	ASSERT_SAFE("caf\xe9!", TEXT_UTF8, "caf" FFFD "!");
	ASSERT_SAFE("\xf0\x9f\x98", TEXT_UTF8, FFFD FFFD FFFD);
	ASSERT_SAFE(FFFD, TEXT_UTF8, FFFD);
	/* Good text passes untouched in UTF-8 ... */
	ASSERT_SAFE("Plant " NICHI " " GRIN " " ALEF " e" COMBINING_ACUTE, TEXT_UTF8,
		    "Plant " NICHI " " GRIN " " ALEF " e" COMBINING_ACUTE);
	/* ... unassigned code points do not (their width is unknown) ... */
	ASSERT_SAFE("x\xcd\xb8y", TEXT_UTF8, "x" FFFD "y");
	/* ... and in ASCII every non-ASCII character is one '?'. */
	ASSERT_SAFE("Plant " NICHI HON " " GRIN " " ALEF " caf" E_ACUTE, TEXT_ASCII,
		    "Plant ?? ? ? caf?");
	ASSERT_SAFE("e" COMBINING_ACUTE, TEXT_ASCII, "e?");
	ASSERT_SAFE("caf\xe9", TEXT_ASCII, "caf?");
	ASSERT_SAFE("", TEXT_UTF8, "");
	ASSERT_SAFE("", TEXT_ASCII, "");
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('A', TEXT_UTF8), 1);
	assert_int_equal(text_cp_width(0x65E5, TEXT_UTF8), 2);
	assert_int_equal(text_cp_width(0x1F600, TEXT_UTF8), 2);
	assert_int_equal(text_cp_width(0x0301, TEXT_UTF8), 0);
	assert_int_equal(text_cp_width(0x200D, TEXT_UTF8), 0);
	assert_int_equal(text_cp_width(0x1B, TEXT_UTF8), 1);  /* shown as U+FFFD */
	assert_int_equal(text_cp_width(0x0378, TEXT_UTF8), 1); /* unassigned: U+FFFD */
	assert_int_equal(text_cp_width(0x65E5, TEXT_ASCII), 1);
	assert_int_equal(text_cp_width(0x0301, TEXT_ASCII), 1);

	assert_int_equal(text_width("", TEXT_UTF8), 0);
	assert_int_equal(text_width("abc", TEXT_UTF8), 3);
	assert_int_equal(text_width(NICHI HON GO, TEXT_UTF8), 6);
	assert_int_equal(text_width("e" COMBINING_ACUTE, TEXT_UTF8), 1);
	assert_int_equal(text_width(E_ACUTE, TEXT_UTF8), 1);
	assert_int_equal(text_width(GRIN PHONE, TEXT_UTF8), 4);
	assert_int_equal(text_width(ALEF ALEF, TEXT_UTF8), 2);
	assert_int_equal(text_width("a\x1b[2J", TEXT_UTF8), 5);
	assert_int_equal(text_width("caf\xe9", TEXT_UTF8), 4);
	/* ASCII: one column per code point, as text_safe shows them. */
	assert_int_equal(text_width(NICHI HON GO, TEXT_ASCII), 3);
	assert_int_equal(text_width("e" COMBINING_ACUTE, TEXT_ASCII), 2);
	assert_int_equal(text_width(GRIN, TEXT_ASCII), 1);
}

static void test_fit(void **state)
{
	(void)state;
	/* Fits: unchanged, no ellipsis. */
	ASSERT_FIT("Calls", 5, true, TEXT_UTF8, "Calls", 5);
	ASSERT_FIT("Calls", 9, true, TEXT_UTF8, "Calls", 5);
	/* Too long: cut, with the ellipsis in the last column if asked. */
	ASSERT_FIT("Plant managers", 6, true, TEXT_UTF8, "Plant" ELLIPSIS, 6);
	ASSERT_FIT("Plant managers", 6, false, TEXT_UTF8, "Plant ", 6);
	ASSERT_FIT("Plant managers", 6, true, TEXT_ASCII, "Plant~", 6);
	ASSERT_FIT("Plant managers", 1, true, TEXT_UTF8, ELLIPSIS, 1);
	ASSERT_FIT("Plant managers", 0, true, TEXT_UTF8, "", 0);
	ASSERT_FIT("Plant managers", -3, true, TEXT_UTF8, "", 0);
	/* Wide characters are never split: the column stays empty. */
	ASSERT_FIT(NICHI HON GO, 6, true, TEXT_UTF8, NICHI HON GO, 6);
	ASSERT_FIT(NICHI HON GO, 5, true, TEXT_UTF8, NICHI HON ELLIPSIS, 5);
	ASSERT_FIT(NICHI HON GO, 4, true, TEXT_UTF8, NICHI ELLIPSIS, 3);
	ASSERT_FIT(NICHI HON GO, 5, false, TEXT_UTF8, NICHI HON, 4);
	ASSERT_FIT(NICHI HON GO, 1, false, TEXT_UTF8, "", 0);
	ASSERT_FIT(GRIN GRIN PHONE, 5, true, TEXT_UTF8, GRIN GRIN ELLIPSIS, 5);
	ASSERT_FIT(GRIN GRIN PHONE, 3, false, TEXT_UTF8, GRIN, 2);
	/* Combining marks stay with their letter. */
	ASSERT_FIT("e" COMBINING_ACUTE "te", 1, false, TEXT_UTF8, "e" COMBINING_ACUTE, 1);
	ASSERT_FIT("e" COMBINING_ACUTE "te", 3, true, TEXT_UTF8, "e" COMBINING_ACUTE "te", 3);
	ASSERT_FIT("e" COMBINING_ACUTE "te!", 3, true, TEXT_UTF8,
		   "e" COMBINING_ACUTE "t" ELLIPSIS, 3);
	/* Right-to-left text is cut by columns like any other. */
	ASSERT_FIT(ALEF ALEF ALEF, 2, true, TEXT_UTF8, ALEF ELLIPSIS, 2);
	/* The cut text is safe too. */
	ASSERT_FIT("a\x1b[2Jbcdef", 4, true, TEXT_UTF8, "a" FFFD "[" ELLIPSIS, 4);
	ASSERT_FIT("a\x1b[2Jbcdef", 4, true, TEXT_ASCII, "a?[~", 4);
	/* ASCII mode counts one column per code point. */
	ASSERT_FIT(NICHI HON GO, 3, true, TEXT_ASCII, "???", 3);
	ASSERT_FIT(NICHI HON GO "x", 3, true, TEXT_ASCII, "??~", 3);
	ASSERT_FIT("caf" E_ACUTE " au lait", 5, true, TEXT_ASCII, "caf?~", 5);
}

static void test_pad(void **state)
{
	char *s;

	(void)state;
	s = pad("ab", 5, TEXT_UTF8);
	assert_string_equal(s, "ab   ");
	free(s);
	s = pad(NICHI HON GO, 4, TEXT_UTF8);
	assert_string_equal(s, NICHI ELLIPSIS " ");
	free(s);
	s = pad(NICHI HON GO, 5, TEXT_UTF8);
	assert_string_equal(s, NICHI HON ELLIPSIS);
	free(s);
	s = pad("e" COMBINING_ACUTE, 3, TEXT_UTF8);
	assert_string_equal(s, "e" COMBINING_ACUTE "  ");
	free(s);
	s = pad(GRIN, 3, TEXT_ASCII);
	assert_string_equal(s, "?  ");
	free(s);
	s = pad("", 2, TEXT_UTF8);
	assert_string_equal(s, "  ");
	free(s);
}

/* Whatever the text, padding gives exactly `cols` columns of safe text. */
static void test_pad_exact_width(void **state)
{
	static const char *const samples[] = {
		"", "a", "Plant managers in the Midwest", NICHI HON GO NICHI HON GO,
		"a" NICHI "b" HON "c" GO, GRIN PHONE GRIN PHONE GRIN,
		"e" COMBINING_ACUTE "e" COMBINING_ACUTE "e" COMBINING_ACUTE "e" COMBINING_ACUTE,
		COMBINING_ACUTE "lead", ALEF ALEF ALEF " 123 " ALEF, "x\x1b[2Jy\x07z" RLO "w",
		"caf\xe9\xff\xfe au lait", "\xf0\x9f\x98" "cut", CSI_C1 "31m red",
	};
	static const enum text_mode modes[] = { TEXT_UTF8, TEXT_ASCII };

	(void)state;
	for (size_t m = 0; m < 2; m++)
		for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
			for (int cols = 0; cols <= 32; cols++) {
				char *s = pad(samples[i], cols, modes[m]);
				int used;
				char *f = fit(samples[i], cols, true, modes[m], &used);

				if (text_width(s, modes[m]) != cols)
					fail_msg("sample %zu mode %zu cols %d: width %d", i, m,
						 cols, text_width(s, modes[m]));
				assert_true(valid(s));
				assert_int_equal(text_find_control(s), 0);
				if (modes[m] == TEXT_ASCII)
					for (const char *c = s; *c; c++)
						assert_true((unsigned char)*c < 0x80);
				assert_int_equal(text_width(f, modes[m]), used);
				assert_true(used <= cols);
				/* Text that fits is shown whole, exactly as text_safe shows it. */
				if (text_width(samples[i], modes[m]) <= cols) {
					char *whole = safe(samples[i], modes[m]);

					assert_string_equal(f, whole);
					free(whole);
				}
				free(s);
				free(f);
			}
}

static void test_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_false(text_locale_utf8());
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	assert_true(text_locale_utf8());
}

/* Words wrap at the width; later lines are indented; a word longer than a
 * line is cut to fit, on a line of its own; wide characters count double. */
static void test_wrap(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	text_wrap(&b, "the first day of the week on screen", 12, 2, TEXT_UTF8);
	assert_string_equal(buf_str(&b), "the first\n  day of the\n  week on\n  screen\n");
	buf_reset(&b);
	text_wrap(&b, "a ~/.local/share/vdirs/focusweek b", 10, 0, TEXT_UTF8);
	assert_string_equal(buf_str(&b), "a\n~/.local/\xe2\x80\xa6\nb\n");
	buf_reset(&b);
	text_wrap(&b, "\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac", 6, 1, TEXT_UTF8);
	assert_string_equal(buf_str(&b), "\xe6\x97\xa5\xe6\x9c\xac\n \xe6\x97\xa5\xe6\x9c\xac\n");
	buf_reset(&b);
	text_wrap(&b, "", 10, 4, TEXT_UTF8);
	assert_string_equal(buf_str(&b), "\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_safe),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_pad_exact_width),
		cmocka_unit_test(test_locale),
		cmocka_unit_test(test_wrap),
	};

	/* Display widths come from the C library's UTF-8 tables. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "test_text: the C.UTF-8 locale is missing\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
