/* test_theme_file.c - theme files: the shipped ones, the folders and their
 * order, user themes overriding shipped ones, and broken files falling back
 * to the built-in default with a message naming the file, key and problem. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "theme.h"
#include "theme_load.h"
#include "testutil.h"

static const char *const shipped[] = { "default", "light", "high-contrast", "mono",
				       "solarized-dark" };

/* Folders: the user's (a temp folder) and the source tree's themes/. */
static void dirs_for(struct theme_dirs *d, const char *user)
{
	memset(d, 0, sizeof *d);
	d->dir[THEME_USER] = user ? strdup(user) : NULL;
	d->dir[THEME_SOURCE] = strdup(FOCUSWEEK_SOURCE_THEMES);
}

/* A base whose every style is impossible in a file (attrs bit 7). */
static void sentinel(struct theme *t)
{
	theme_builtin(t);
	for (int i = 0; i < ROLE_COUNT; i++)
		t->role[i] = (struct theme_style){ 255, 255, 1u << 7 };
	for (int i = 0; i < MODEL_COLOR_MAX; i++)
		t->industry[i] = (struct theme_style){ 255, 255, 1u << 7 };
}

static void load_shipped(const char *name, struct theme *out)
{
	char path[PATH_MAX];
	struct theme base;
	struct error err = { 0 };

	sentinel(&base);
	snprintf(path, sizeof path, "%s/%s.json", FOCUSWEEK_SOURCE_THEMES, name);
	if (store_read_theme(path, &base, out, &err) != 0)
		fail_msg("%s", err.msg);
}

static void test_shipped_load_complete(void **state)
{
	struct theme_dirs d;
	struct theme_list l;
	struct error err = { 0 };
	size_t found = 0;

	(void)state;
	dirs_for(&d, NULL);
	assert_int_equal(theme_list_load(&d, &l, &err), 0);
	for (size_t i = 0; i < l.n; i++) {
		struct theme t;

		assert_true(l.v[i].valid_name);
		load_shipped(l.v[i].name, &t);
		assert_string_equal(t.name, l.v[i].name);
		assert_true(t.description[0] != '\0');
		/* Every role and every industry slot is given in the file. */
		for (int r = 0; r < ROLE_COUNT; r++)
			if (t.role[r].attrs & (1u << 7))
				fail_msg("%s.json does not give role %s", t.name,
					 theme_role_name((enum theme_role)r));
		for (int s = 0; s < MODEL_COLOR_MAX; s++)
			if (t.industry[s].attrs & (1u << 7))
				fail_msg("%s.json does not give industry slot %d", t.name, s + 1);
		for (size_t k = 0; k < sizeof shipped / sizeof shipped[0]; k++)
			found += strcmp(shipped[k], t.name) == 0;
	}
	assert_int_equal(found, sizeof shipped / sizeof shipped[0]);
	theme_list_free(&l);
	theme_dirs_free(&d);
}

static void test_default_file_is_builtin(void **state)
{
	struct theme file, builtin;

	(void)state;
	load_shipped("default", &file);
	theme_builtin(&builtin);
	assert_true(theme_equal(&file, &builtin));
	load_shipped("mono", &file);
	theme_builtin_mono(&builtin);
	assert_true(theme_equal(&file, &builtin));
	assert_false(theme_has_color(&file));
	load_shipped("light", &file);
	assert_true(file.light);
}

/* On 8 and 16 colours no shipped theme draws text in its own background. */
static void test_shipped_degrade(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof shipped / sizeof shipped[0]; k++) {
		struct theme t, r;

		load_shipped(shipped[k], &t);
		for (int n = 8; n <= 16; n += 8) {
			theme_reduce(&t, n, &r);
			for (int i = 0; i < ROLE_COUNT + MODEL_COLOR_MAX; i++) {
				const struct theme_style *s = i < ROLE_COUNT ? &r.role[i]
									     : &r.industry[i - ROLE_COUNT];
				int under = s->bg >= 0 ? s->bg : t.light ? (n == 8 ? 7 : 15) : 0;

				assert_true(s->fg < n && s->bg < n);
				if (s->fg >= 0 && s->fg == under)
					fail_msg("%s in %d colours: style %d has fg = bg = %d",
						 shipped[k], n, i, s->fg);
			}
		}
	}
}

static void test_dirs_default(void **state)
{
	struct theme_dirs d;

	(void)state;
	unsetenv("FOCUSWEEK_THEMES");
	setenv("HOME", "/h", 1);
	setenv("XDG_CONFIG_HOME", "/x", 1);
	theme_dirs_default(&d);
	assert_string_equal(d.dir[THEME_USER], "/x/focusweek/themes");
	assert_string_equal(d.dir[THEME_INSTALLED], FOCUSWEEK_THEMES_DIR);
	assert_string_equal(d.dir[THEME_SOURCE], FOCUSWEEK_SOURCE_THEMES);
	theme_dirs_free(&d);
	/* A relative XDG_CONFIG_HOME is ignored, as the spec says. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	setenv("FOCUSWEEK_THEMES", "/t", 1);
	theme_dirs_default(&d);
	assert_string_equal(d.dir[THEME_USER], "/h/.config/focusweek/themes");
	assert_string_equal(d.dir[THEME_INSTALLED], "/t");
	assert_null(d.dir[THEME_SOURCE]);
	theme_dirs_free(&d);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	unsetenv("FOCUSWEEK_THEMES");
	theme_dirs_default(&d);
	assert_null(d.dir[THEME_USER]);
	assert_non_null(d.dir[THEME_INSTALLED]);
	theme_dirs_free(&d);
}

static const char partial_light[] =
	"{ \"name\": \"light\", \"description\": \"mine\",\n"
	"  \"roles\": { \"header\": { \"fg\": \"red\", \"bg\": 17, \"attrs\": [\"italic\"] },\n"
	"             \"grid\": {} },\n"
	"  \"industries\": [ { \"bg\": \"bright-cyan\" } ] }\n";

static void test_user_overrides_shipped(void **state)
{
	char *tmp = tu_tempdir();
	struct theme_dirs d;
	struct theme_list l;
	struct theme t, builtin;
	struct error err = { 0 };
	enum theme_origin o;
	char *path;
	int lights = 0;

	(void)state;
	tu_write(tmp, "light.json", partial_light, strlen(partial_light));
	tu_write(tmp, "Bad Name.json", "{}", 2);
	dirs_for(&d, tmp);
	path = theme_find(&d, "light", &o, &err);
	assert_non_null(path);
	assert_int_equal(o, THEME_USER);
	free(path);
	assert_int_equal(theme_load(&d, "light", &t, &err), 0);
	assert_string_equal(t.description, "mine");
	assert_false(t.light); /* not inherited from the shipped light theme */
	assert_int_equal(t.role[ROLE_HEADER].fg, 1);
	assert_int_equal(t.role[ROLE_HEADER].bg, 17);
	assert_int_equal(t.role[ROLE_HEADER].attrs, THEME_ITALIC);
	assert_int_equal(t.role[ROLE_GRID].fg, THEME_DEFAULT_COLOR);
	assert_int_equal(t.role[ROLE_GRID].attrs, 0);
	assert_int_equal(t.industry[0].fg, THEME_DEFAULT_COLOR);
	assert_int_equal(t.industry[0].bg, 14);
	/* What the file leaves out is the built-in default's. */
	theme_builtin(&builtin);
	assert_memory_equal(&t.role[ROLE_TODAY], &builtin.role[ROLE_TODAY], sizeof t.role[0]);
	assert_memory_equal(&t.industry[1], &builtin.industry[1], sizeof t.industry[1]);
	/* A shipped theme the user does not override still loads from source. */
	assert_int_equal(theme_load(&d, "mono", &t, &err), 0);
	assert_false(theme_has_color(&t));

	assert_int_equal(theme_list_load(&d, &l, &err), 0);
	for (size_t i = 0; i < l.n; i++) {
		if (strcmp(l.v[i].name, "light") == 0) {
			lights++;
			if (l.v[i].origin == THEME_USER) {
				assert_true(l.v[i].overrides);
				assert_false(l.v[i].shadowed);
				assert_int_equal(l.v[i + 1].origin, THEME_SOURCE);
			} else {
				assert_true(l.v[i].shadowed);
				assert_false(l.v[i].overrides);
			}
		}
		if (strcmp(l.v[i].name, "Bad Name") == 0)
			assert_false(l.v[i].valid_name);
		if (i > 0)
			assert_true(strcmp(l.v[i - 1].name, l.v[i].name) <= 0);
	}
	assert_int_equal(lights, 2);
	theme_list_free(&l);
	theme_dirs_free(&d);
	tu_rmtree(tmp);
	free(tmp);
}

static void test_symlink_and_default_without_files(void **state)
{
	char *tmp = tu_tempdir(), link[PATH_MAX], target[PATH_MAX];
	struct theme_dirs d = { { NULL } };
	struct theme t, builtin;
	struct error err = { 0 };

	(void)state;
	/* A theme linked from elsewhere (a dotfiles folder) is followed. */
	snprintf(target, sizeof target, "%s/light.json", FOCUSWEEK_SOURCE_THEMES);
	snprintf(link, sizeof link, "%s/light.json", tmp);
	assert_int_equal(symlink(target, link), 0);
	d.dir[THEME_USER] = strdup(tmp);
	assert_int_equal(theme_load(&d, "light", &t, &err), 0);
	assert_true(t.light);
	/* No default.json anywhere: the built-in theme, without complaint. */
	assert_int_equal(theme_load_or_default(&d, NULL, &t, &err), 0);
	theme_builtin(&builtin);
	assert_true(theme_equal(&t, &builtin));
	assert_int_equal(theme_load_or_default(&d, "", &t, &err), 0);
	theme_dirs_free(&d);
	tu_rmtree(tmp);
	free(tmp);
}

/* ---- broken files: what the status line says ---- */

struct broken {
	const char *file;   /* written to the user folder; NULL: none */
	const char *text;
	const char *name;   /* the theme asked for */
	const char *msg;    /* expected, "$D" standing for the folder */
};

static const struct broken broken[] = {
	{ "b.json", "{ \"name\": \"b\", ", "b", "$D/b.json:1:16: not valid JSON" },
	{ "b.json", "[1]", "b", "$D/b.json: the top level must be a JSON object" },
	{ "b.json", "{ \"name\": \"b\", \"colours\": {} }", "b",
	  "$D/b.json: unknown key \"colours\"" },
	{ "b.json", "{ \"roles\": {} }", "b", "$D/b.json: name: is missing" },
	{ "b.json", "{ \"name\": \"c\" }", "b",
	  "$D/b.json: name: \"c\" differs from the file name \"b.json\"; make them the same" },
	{ "b.json", "{ \"name\": 7 }", "b", "$D/b.json: name: must be a string" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": [] }", "b", "$D/b.json: roles: must be an object" },
	{ "b.json", "{ \"name\": \"b\", \"background\": \"grey\" }", "b",
	  "$D/b.json: background: \"grey\" is neither dark nor light" },
	{ "b.json", "{ \"name\": \"b\", \"description\": \"a\\u001b[2Jb\" }", "b",
	  "$D/b.json:1:33: an escaped control character inside a string" },
	{ "b.json", "{ \"name\": \"b\", \"description\": \"" /* 81 bytes */
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" }",
	  "b", "$D/b.json: description: is too long (at most 80 bytes of text)" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"headr\": {} } }", "b",
	  "$D/b.json: roles: unknown role \"headr\" (focusweek(1) lists the roles)" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"header\": {}, \"header\": {} } }", "b",
	  "$D/b.json: roles.header: the role appears twice" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"header\": \"red\" } }", "b",
	  "$D/b.json: roles.header: must be an object such as {\"fg\": \"red\"}" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"header\": { \"color\": 1 } } }", "b",
	  "$D/b.json: roles.header: unknown key \"color\" (a style has fg, bg and attrs)" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"ok\": { \"fg\": 1, \"fg\": 2 } } }", "b",
	  "$D/b.json: roles.ok.fg: the key appears twice" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"header\": { \"fg\": \"rde\" } } }", "b",
	  "$D/b.json: roles.header.fg: \"rde\" is not a colour (black, red, green, yellow, blue, "
	  "magenta, cyan, white, bright-black..bright-white, default, or 0-255)" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"header\": { \"bg\": 256 } } }", "b",
	  "$D/b.json: roles.header.bg: must be 0..255" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"header\": { \"bg\": -1 } } }", "b",
	  "$D/b.json: roles.header.bg: must be 0..255" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"timer\": { \"fg\": 2.5 } } }", "b",
	  "$D/b.json: roles.timer.fg: must be a whole number" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"timer\": { \"fg\": 1e999 } } }", "b",
	  "$D/b.json: roles.timer.fg: must be a finite number" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"timer\": { \"fg\": null } } }", "b",
	  "$D/b.json: roles.timer.fg: must be a colour name or a number 0-255" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"now\": { \"attrs\": \"bold\" } } }", "b",
	  "$D/b.json: roles.now.attrs: must be a list such as [\"bold\", \"underline\"]" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"now\": { \"attrs\": [\"bold\", \"blink\"] } } }",
	  "b", "$D/b.json: roles.now.attrs[1]: \"blink\" is not an attribute (bold, dim, "
	  "underline, reverse, italic)" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"now\": { \"attrs\": [\"dim\", \"dim\"] } } }",
	  "b", "$D/b.json: roles.now.attrs[1]: \"dim\" is listed twice" },
	{ "b.json", "{ \"name\": \"b\", \"roles\": { \"now\": { \"attrs\": [4] } } }", "b",
	  "$D/b.json: roles.now.attrs[0]: must be an attribute name" },
	{ "b.json", "{ \"name\": \"b\", \"industries\": {} }", "b",
	  "$D/b.json: industries: must be an array" },
	{ "b.json", "{ \"name\": \"b\", \"industries\": [{}, {}, { \"bg\": \"purple\" }] }", "b",
	  "$D/b.json: industries[2].bg: \"purple\" is not a colour (black, red, green, yellow, "
	  "blue, magenta, cyan, white, bright-black..bright-white, default, or 0-255)" },
	{ "b.json", "{ \"name\": \"b\", \"industries\": [{},{},{},{},{},{},{},{},{},{},{},{},{},"
		    "{},{},{},{}] }", "b",
	  "$D/b.json: industries: holds 17 styles; the palette has 16 slots" },
	{ "b.json", "{ \"name\": \"b\", \"schema\": 0 }", "b",
	  "$D/b.json: schema: must be 1..1000000" },
	{ NULL, NULL, "nosuch",
	  "no theme named \"nosuch\" (looked in $D, " FOCUSWEEK_SOURCE_THEMES "); "
	  "'focusweek themes' lists them" },
	{ NULL, NULL, "../../etc/passwd",
	  "\"../../etc/passwd\" is not a theme name (letters, digits, - and _, at most 40)" },
	/* A user's broken copy of a shipped theme is not replaced by the shipped one. */
	{ "light.json", "{ \"name\": \"light\", \"roles\": { \"header\": { \"fg\": 300 } } }", "light",
	  "$D/light.json: roles.header.fg: must be 0..255" },
};

/* s with every "$D" replaced by dir. */
static char *expand(const char *s, const char *dir)
{
	struct buf b = BUF_INIT;

	for (; *s; s++) {
		if (s[0] == '$' && s[1] == 'D') {
			buf_adds(&b, dir);
			s++;
		} else {
			buf_addc(&b, *s);
		}
	}
	return buf_take(&b);
}

static void test_broken_fall_back(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		const struct broken *k = &broken[i];
		char *tmp = tu_tempdir(), *want;
		struct theme_dirs d;
		struct theme t, builtin;
		struct error err = { 0 };
		char full[700];

		if (k->file != NULL)
			tu_write(tmp, k->file, k->text, strlen(k->text));
		dirs_for(&d, tmp);
		memset(&t, 0x5a, sizeof t);
		if (theme_load_or_default(&d, k->name, &t, &err) != -1)
			fail_msg("case %zu loaded", i);
		theme_builtin(&builtin);
		assert_true(theme_equal(&t, &builtin));
		want = expand(k->msg, tmp);
		snprintf(full, sizeof full, "%s; using the built-in default theme", want);
		if (strcmp(err.msg, full) != 0)
			fail_msg("case %zu:\n got  %s\n want %s", i, err.msg, full);
		free(want);
		theme_dirs_free(&d);
		tu_rmtree(tmp);
		free(tmp);
	}
}

static void test_not_a_file(void **state)
{
	char *tmp = tu_tempdir(), path[PATH_MAX], want[PATH_MAX + 100];
	struct theme_dirs d;
	struct theme t;
	struct error err = { 0 };
	struct buf big = BUF_INIT;

	(void)state;
	snprintf(path, sizeof path, "%s/dir.json", tmp);
	assert_int_equal(mkdir(path, 0700), 0);
	dirs_for(&d, tmp);
	assert_int_equal(theme_load_or_default(&d, "dir", &t, &err), -1);
	snprintf(want, sizeof want, "%s is not a regular file; using the built-in default theme",
		 path);
	assert_string_equal(err.msg, want);
	/* A huge file is refused before it is read. */
	buf_adds(&big, "{ \"name\": \"big\", \"description\": \"");
	buf_repeat(&big, " ", 70000);
	buf_adds(&big, "\" }");
	tu_write(tmp, "big.json", big.data, big.len);
	assert_int_equal(theme_load(&d, "big", &t, &err), -1);
	if (strstr(err.msg, "big.json is 70036 bytes; a theme file holds at most 65536") == NULL)
		fail_msg("%s", err.msg);
	buf_free(&big);
	theme_dirs_free(&d);
	tu_rmtree(tmp);
	free(tmp);
}

static void test_newer_schema_lenient(void **state)
{
	static const char text[] =
		"{ \"schema\": 2, \"name\": \"future\", \"sparkle\": true,\n"
		"  \"roles\": { \"header\": { \"fg\": \"red\", \"glow\": 3 }, \"minimap\": {} } }";
	char *tmp = tu_tempdir();
	struct theme_dirs d;
	struct theme t;
	struct error err = { 0 };

	(void)state;
	tu_write(tmp, "future.json", text, strlen(text));
	dirs_for(&d, tmp);
	if (theme_load(&d, "future", &t, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(t.role[ROLE_HEADER].fg, 1);
	/* Known keys are still checked strictly. */
	tu_write(tmp, "future.json", "{ \"schema\": 2, \"name\": \"future\", \"roles\": 1 }", 45);
	assert_int_equal(theme_load(&d, "future", &t, &err), -1);
	assert_non_null(strstr(err.msg, "roles: must be an object"));
	theme_dirs_free(&d);
	tu_rmtree(tmp);
	free(tmp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_load_complete),
		cmocka_unit_test(test_default_file_is_builtin),
		cmocka_unit_test(test_shipped_degrade),
		cmocka_unit_test(test_dirs_default),
		cmocka_unit_test(test_user_overrides_shipped),
		cmocka_unit_test(test_symlink_and_default_without_files),
		cmocka_unit_test(test_broken_fall_back),
		cmocka_unit_test(test_not_a_file),
		cmocka_unit_test(test_newer_schema_lenient),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
