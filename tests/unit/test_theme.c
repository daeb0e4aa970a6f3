/* test_theme.c - theme names, colour and attribute names, the nearest basic
 * colour, the 8- and 16-colour forms, the mono look and the SGR escapes. */
#include <stdlib.h>
#include <string.h>

#include "theme.h"
#include "testutil.h"

static void test_names(void **state)
{
	static const struct {
		const char *name;
		bool ok;
	} cases[] = {
		{ "default", true },    { "solarized-dark", true }, { "a_b1", true },
		{ "9", true },          { "", false },              { "-x", false },
		{ "_x", false },        { "../x", false },          { "a/b", false },
		{ "a.b", false },       { ".hidden", false },       { " x", false },
		{ "x y", false },       { "caf\xc3\xa9", false },   { "a\033", false },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true },   /* 40 */
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false }, /* 41 */
	};
	enum theme_role role;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (theme_name_valid(cases[i].name) != cases[i].ok)
			fail_msg("theme_name_valid(\"%s\") should be %d", cases[i].name, cases[i].ok);
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		assert_non_null(theme_role_name((enum theme_role)r));
		assert_int_equal(theme_role_parse(theme_role_name((enum theme_role)r), &role), 0);
		assert_int_equal(role, r);
	}
	assert_null(theme_role_name(ROLE_COUNT));
	assert_int_equal(theme_role_parse("Header", &role), -1);
}

static void test_color_and_attr_names(void **state)
{
	unsigned attr;
	int c;

	(void)state;
	for (int i = -1; i < 16; i++) {
		assert_int_equal(theme_color_parse(theme_color_name(i), &c), 0);
		assert_int_equal(c, i);
	}
	assert_string_equal(theme_color_name(9), "bright-red");
	assert_string_equal(theme_color_name(THEME_DEFAULT_COLOR), "default");
	assert_null(theme_color_name(16));
	assert_null(theme_color_name(255));
	assert_int_equal(theme_color_parse("grey", &c), -1);
	assert_int_equal(theme_color_parse("Red", &c), -1);
	for (int i = 0; i < THEME_ATTR_COUNT; i++) {
		assert_int_equal(theme_attr_parse(theme_attr_name(1u << i), &attr), 0);
		assert_int_equal(attr, 1u << i);
	}
	assert_string_equal(theme_attr_name(THEME_REVERSE), "reverse");
	assert_null(theme_attr_name(THEME_BOLD | THEME_DIM));
	assert_int_equal(theme_attr_parse("blink", &attr), -1);
}

static void test_industry_marks(void **state)
{
	char seen_letter[128] = { 0 }, seen_fill[128] = { 0 };

	(void)state;
	for (int slot = 1; slot <= MODEL_COLOR_MAX; slot++) {
		char l = theme_industry_letter(slot), f = theme_industry_fill(slot);

		assert_true(l >= 'A' && l <= 'Z');
		assert_true(f >= ' ' && f <= '~');
		assert_int_equal(seen_letter[(int)l]++, 0);
		assert_int_equal(seen_fill[(int)f]++, 0);
	}
	assert_int_equal(theme_industry_letter(0), '?');
	assert_int_equal(theme_industry_fill(MODEL_COLOR_MAX + 1), '?');
}

static void test_rgb(void **state)
{
	unsigned char rgb[3];

	(void)state;
	theme_color_rgb(1, rgb);
	assert_true(rgb[0] == 205 && rgb[1] == 0 && rgb[2] == 0);
	theme_color_rgb(16, rgb);
	assert_true(rgb[0] == 0 && rgb[1] == 0 && rgb[2] == 0);
	theme_color_rgb(110, rgb); /* 110 - 16 = 94 = 2*36 + 3*6 + 4 */
	assert_true(rgb[0] == 135 && rgb[1] == 175 && rgb[2] == 215);
	theme_color_rgb(231, rgb);
	assert_true(rgb[0] == 255 && rgb[1] == 255 && rgb[2] == 255);
	theme_color_rgb(232, rgb);
	assert_true(rgb[0] == 8 && rgb[1] == 8 && rgb[2] == 8);
	theme_color_rgb(255, rgb);
	assert_true(rgb[0] == 238 && rgb[1] == 238 && rgb[2] == 238);
}

static void test_nearest8(void **state)
{
	static const int cases[][2] = {
		/* the basic colours and the default stay */
		{ -1, -1 }, { 0, 0 }, { 3, 3 }, { 7, 7 },
		/* bright variants: their own colour, bright-black a dark grey */
		{ 8, 0 }, { 9, 1 }, { 10, 2 }, { 11, 3 }, { 12, 4 }, { 13, 5 }, { 14, 6 }, { 15, 7 },
		/* the eight corners of the 6x6x6 cube */
		{ 16, 0 }, { 196, 1 }, { 46, 2 }, { 226, 3 }, { 21, 4 }, { 201, 5 }, { 51, 6 },
		{ 231, 7 },
		/* the cube's own greys and the grey ramp: black below 128, white from it */
		{ 59, 0 }, { 102, 7 }, { 145, 7 }, { 188, 7 },
		{ 232, 0 }, { 240, 0 }, { 243, 0 }, { 244, 7 }, { 250, 7 }, { 255, 7 },
		/* in between */
		{ 52, 0 },   /* (95,0,0): nearer black than red */
		{ 88, 1 },   /* (135,0,0) */
		{ 18, 4 },   /* (0,0,135) */
		{ 208, 3 },  /* orange (255,135,0) */
		{ 80, 6 },   /* (95,215,215) */
		{ 179, 3 },  /* (215,175,95) */
		{ 141, 7 },  /* (175,135,255): pale, nearest white */
		{ 25, 4 },   /* (0,95,175) */
		{ 64, 2 },   /* solarized green (95,135,0) */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = theme_color_nearest8(cases[i][0]);

		if (got != cases[i][1])
			fail_msg("nearest8(%d) = %d, expected %d", cases[i][0], got, cases[i][1]);
	}
}

static void test_nearest16(void **state)
{
	static const int cases[][2] = {
		{ 12, 12 }, { 196, 9 }, { 46, 10 }, { 21, 4 }, { 230, 7 }, { 231, 15 }, { 16, 0 },
		{ 244, 8 }, { 240, 8 }, { 250, 7 }, { 234, 0 }, { 88, 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = theme_color_nearest(cases[i][0], 16);

		if (got != cases[i][1])
			fail_msg("nearest16(%d) = %d, expected %d", cases[i][0], got, cases[i][1]);
	}
}

static void test_reduce8(void **state)
{
	struct theme t, r;

	(void)state;
	theme_builtin(&t);
	theme_reduce(&t, 8, &r);
	/* white on bright-black: the grey becomes black */
	assert_int_equal(r.role[ROLE_STATUS].fg, 7);
	assert_int_equal(r.role[ROLE_STATUS].bg, 0);
	/* bright-black text on the (dark) terminal background would vanish */
	assert_int_equal(r.role[ROLE_GRID].fg, 7);
	assert_int_equal(r.role[ROLE_BLOCK_SKIPPED].fg, 7);
	assert_int_equal(r.role[ROLE_BLOCK_SKIPPED].attrs, THEME_DIM);
	assert_int_equal(r.role[ROLE_HEADER].fg, 7);
	assert_int_equal(r.role[ROLE_HEADER].bg, 4);
	assert_int_equal(r.role[ROLE_HEADER].attrs, THEME_BOLD);
	assert_int_equal(r.role[ROLE_NORMAL].fg, THEME_DEFAULT_COLOR);
	assert_int_equal(r.industry[8].bg, 6);  /* slot 9: 80 */
	assert_int_equal(r.industry[9].bg, 3);  /* slot 10: 179 */
	assert_int_equal(r.industry[7].fg, 7);  /* slot 8: white on bright-black */
	assert_int_equal(r.industry[7].bg, 0);
	assert_string_equal(r.name, "default");
	for (int i = 0; i < ROLE_COUNT; i++)
		assert_true(r.role[i].fg < 8 && r.role[i].bg < 8);

	/* With 256 colours and more, nothing changes. */
	theme_reduce(&t, 256, &r);
	assert_memory_equal(r.role, t.role, sizeof t.role);
	theme_reduce(&t, 16777216, &r);
	assert_memory_equal(r.industry, t.industry, sizeof t.industry);
}

static void test_reduce_contrast(void **state)
{
	struct theme t, r;

	(void)state;
	theme_builtin(&t);
	/* Two greys that both become white: the text turns black. */
	t.role[ROLE_BLOCK] = (struct theme_style){ 250, 255, 0 };
	/* Light grey text on a light terminal's own background. */
	t.role[ROLE_GRID] = (struct theme_style){ 248, THEME_DEFAULT_COLOR, 0 };
	/* Text drawn deliberately in its background's colour stays so. */
	t.role[ROLE_BAR] = (struct theme_style){ 64, 64, 0 };
	t.light = true;
	theme_reduce(&t, 8, &r);
	assert_int_equal(r.role[ROLE_BLOCK].fg, 0);
	assert_int_equal(r.role[ROLE_BLOCK].bg, 7);
	assert_int_equal(r.role[ROLE_GRID].fg, 0);
	assert_int_equal(r.role[ROLE_BAR].fg, 2);
	assert_int_equal(r.role[ROLE_BAR].bg, 2);
	/* The same grid on a dark theme stays white. */
	t.light = false;
	theme_reduce(&t, 8, &r);
	assert_int_equal(r.role[ROLE_GRID].fg, 7);
	/* 16 colours: 231 text on bright-white (both bright-white): text black. */
	t.role[ROLE_BLOCK] = (struct theme_style){ 231, 15, 0 };
	theme_reduce(&t, 16, &r);
	assert_int_equal(r.role[ROLE_BLOCK].bg, 15);
	assert_int_equal(r.role[ROLE_BLOCK].fg, 0);
}

static void test_mono(void **state)
{
	struct theme t, m, mono;

	(void)state;
	theme_builtin(&t);
	theme_builtin_mono(&mono);
	assert_false(theme_has_color(&mono));
	assert_true(theme_has_color(&t));
	theme_mono(&t, &m);
	assert_true(theme_equal(&m, &mono));
	/* Fewer than 8 colours, or NO_COLOR: the mono look. */
	theme_reduce(&t, 2, &m);
	assert_true(theme_equal(&m, &mono));
	theme_for_terminal(&t, 256, true, &m);
	assert_true(theme_equal(&m, &mono));
	theme_for_terminal(&t, 256, false, &m);
	assert_true(theme_equal(&m, &t));
	/* A theme that already uses no colour is kept as it is. */
	mono.role[ROLE_HEADER].attrs = THEME_UNDERLINE;
	strcpy(mono.name, "mine");
	theme_mono(&mono, &m);
	assert_true(theme_equal(&m, &mono));
	/* One colour anywhere, an industry's, is enough to replace it. */
	mono.industry[15].bg = 3;
	theme_mono(&mono, &m);
	assert_string_equal(m.name, "mono");
	assert_int_equal(m.role[ROLE_HEADER].attrs, THEME_REVERSE | THEME_BOLD);
	/* Every role of the mono look that is not plain text differs from it. */
	theme_builtin_mono(&mono);
	for (int i = 1; i < ROLE_COUNT; i++)
		if (i != ROLE_RULER && i != ROLE_DIALOG && i != ROLE_HELP)
			assert_int_not_equal(mono.role[i].attrs, 0);
}

static void test_no_color_env(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	assert_false(theme_env_no_color());
	setenv("NO_COLOR", "", 1);
	assert_false(theme_env_no_color());
	setenv("NO_COLOR", "1", 1);
	assert_true(theme_env_no_color());
	unsetenv("NO_COLOR");
}

static void test_sgr(void **state)
{
	static const struct {
		struct theme_style s;
		const char *sgr;
	} cases[] = {
		{ { -1, -1, 0 }, "\033[0m" },
		{ { 1, 4, THEME_BOLD | THEME_UNDERLINE }, "\033[0;1;4;31;44m" },
		{ { 9, 8, 0 }, "\033[0;91;100m" },
		{ { 200, 15, THEME_REVERSE }, "\033[0;7;38;5;200;107m" },
		{ { -1, 16, THEME_ITALIC | THEME_DIM }, "\033[0;2;3;48;5;16m" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;

		theme_sgr(&b, &cases[i].s);
		assert_string_equal(buf_str(&b), cases[i].sgr);
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_color_and_attr_names),
		cmocka_unit_test(test_industry_marks),
		cmocka_unit_test(test_rgb),
		cmocka_unit_test(test_nearest8),
		cmocka_unit_test(test_nearest16),
		cmocka_unit_test(test_reduce8),
		cmocka_unit_test(test_reduce_contrast),
		cmocka_unit_test(test_mono),
		cmocka_unit_test(test_no_color_env),
		cmocka_unit_test(test_sgr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
