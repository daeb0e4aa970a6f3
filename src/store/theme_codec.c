/* theme_codec.c - theme files (themes/NAME.json), read strictly.
 *
 *   { "schema": 1, "name": "light", "description": "...", "background": "light",
 *     "roles": { "header": { "fg": "white", "bg": 24, "attrs": ["bold"] }, ... },
 *     "industries": [ { "fg": "black", "bg": "cyan" }, ... ] }
 *
 * A role given replaces the whole style (fg and bg left out are the
 * terminal's own); roles and industry slots left out keep the base theme's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "codec_read.h"
#include "store.h"
#include "theme.h"
#include "xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define THEME_SCHEMA 1
#define THEME_FILE_MAX (64u << 10)


static int theme_read_color(struct rd *r, const cJSON *v, const char *key, int *out)
{
	if (cJSON_IsNumber(v))
		return rd_int32(r, v, key, 0, 255, out);
	if (!cJSON_IsString(v))
		return rd_fail(r, key, "must be a colour name or a number 0-255");
	if (theme_color_parse(v->valuestring, out) == 0)
		return 0;
	return rd_fail(r, key, "\"%.30s\" is not a colour (black, red, green, yellow, blue, "
		       "magenta, cyan, white, bright-black..bright-white, default, or 0-255)",
		       v->valuestring);
}

static int theme_read_attrs(struct rd *r, const cJSON *arr, unsigned *out)
{
	const cJSON *a;
	long i = 0;

	if (!cJSON_IsArray(arr))
		return rd_fail(r, "attrs", "must be a list such as [\"bold\", \"underline\"]");
	*out = 0;
	cJSON_ArrayForEach(a, arr) {
		size_t mark = rd_enter(r, "attrs", i++);
		unsigned bit;

		if (!cJSON_IsString(a))
			return rd_fail(r, NULL, "must be an attribute name");
		if (theme_attr_parse(a->valuestring, &bit) != 0)
			return rd_fail(r, NULL, "\"%.30s\" is not an attribute (bold, dim, "
				       "underline, reverse, italic)", a->valuestring);
		if (*out & bit)
			return rd_fail(r, NULL, "\"%s\" is listed twice", a->valuestring);
		*out |= bit;
		rd_leave(r, mark);
	}
	return 0;
}

/* One style object: fg, bg and attrs, each optional. */
static int theme_read_style(struct rd *r, const cJSON *obj, struct theme_style *s)
{
	static const char *const keys[] = { "fg", "bg", "attrs" };
	const cJSON *v[COUNT(keys)] = { NULL, NULL, NULL };

	if (!cJSON_IsObject(obj))
		return rd_fail(r, NULL, "must be an object such as {\"fg\": \"red\"}");
	for (const cJSON *c = obj->child; c != NULL; c = c->next) {
		size_t i;

		for (i = 0; i < COUNT(keys) && strcmp(keys[i], c->string) != 0; i++)
			;
		if (i == COUNT(keys)) {
			if (r->lenient)
				continue;
			return rd_fail(r, NULL, "unknown key \"%.40s\" (a style has fg, bg and "
				       "attrs)", c->string);
		}
		if (v[i] != NULL)
			return rd_fail(r, keys[i], "the key appears twice");
		v[i] = c;
	}
	s->fg = s->bg = THEME_DEFAULT_COLOR;
	s->attrs = 0;
	if ((v[0] && theme_read_color(r, v[0], "fg", &s->fg) != 0) ||
	    (v[1] && theme_read_color(r, v[1], "bg", &s->bg) != 0) ||
	    (v[2] && theme_read_attrs(r, v[2], &s->attrs) != 0))
		return -1;
	return 0;
}

static int theme_read_roles(struct rd *r, const cJSON *obj, struct theme *t)
{
	bool seen[ROLE_COUNT] = { false };
	size_t mark = rd_enter(r, "roles", -1);

	for (const cJSON *c = obj->child; c != NULL; c = c->next) {
		enum theme_role role;
		size_t m2;

		if (theme_role_parse(c->string, &role) != 0) {
			if (r->lenient)
				continue;
			return rd_fail(r, NULL, "unknown role \"%.40s\" (focusweek(1) lists "
				       "the roles)", c->string);
		}
		if (seen[role])
			return rd_fail(r, c->string, "the role appears twice");
		seen[role] = true;
		m2 = rd_enter(r, c->string, -1);
		if (theme_read_style(r, c, &t->role[role]) != 0)
			return -1;
		rd_leave(r, m2);
	}
	rd_leave(r, mark);
	return 0;
}

static int theme_read_industries(struct rd *r, const cJSON *arr, struct theme *t)
{
	const cJSON *c;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > MODEL_COLOR_MAX)
		return rd_fail(r, "industries", "holds %d styles; the palette has %d slots", n,
			       MODEL_COLOR_MAX);
	cJSON_ArrayForEach(c, arr) {
		size_t mark = rd_enter(r, "industries", i);

		if (theme_read_style(r, c, &t->industry[i]) != 0)
			return -1;
		rd_leave(r, mark);
		i++;
	}
	return 0;
}

static int theme_read_background(struct rd *r, const cJSON *v, bool *light)
{
	if (strcmp(v->valuestring, "dark") != 0 && strcmp(v->valuestring, "light") != 0)
		return rd_fail(r, "background", "\"%.30s\" is neither dark nor light",
			       v->valuestring);
	*light = v->valuestring[0] == 'l';
	return 0;
}

static int theme_read_name(struct rd *r, const cJSON *v, const char *expect, struct theme *t)
{
	const char *name;

	if (rd_text(r, v, "name", THEME_NAME_MAX, false, &name) != 0)
		return -1;
	if (!theme_name_valid(name))
		return rd_fail(r, "name", "\"%s\" is not a theme name (letters, digits, - and _)",
			       name);
	if (strcmp(name, expect) != 0)
		return rd_fail(r, "name", "\"%s\" differs from the file name \"%.60s.json\"; "
			       "make them the same", name, expect);
	strcpy(t->name, name);
	return 0;
}

static int theme_read(struct rd *r, const cJSON *root, const char *expect, struct theme *t)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, false },    { "name", RD_STR, true },
		{ "description", RD_STR, false }, { "background", RD_STR, false },
		{ "roles", RD_OBJ, false },     { "industries", RD_ARR, false },
	};
	const cJSON *v[COUNT(f)];
	const char *desc = "";
	bool light = false, newer = false;

	/* The schema first, so a newer file is read leniently. */
	r->lenient = true;
	if (rd_fields(r, root, f, 1, v) != 0 ||
	    (v[0] != NULL && rd_schema(r, v[0], THEME_SCHEMA, &newer) != 0))
		return -1;
	r->lenient = newer;
	if (rd_fields(r, root, f, COUNT(f), v) != 0 || theme_read_name(r, v[1], expect, t) != 0 ||
	    (v[2] && rd_text(r, v[2], "description", THEME_DESCRIPTION_MAX, true, &desc) != 0) ||
	    (v[3] && theme_read_background(r, v[3], &light) != 0) ||
	    (v[4] && theme_read_roles(r, v[4], t) != 0) ||
	    (v[5] && theme_read_industries(r, v[5], t) != 0))
		return -1;
	strcpy(t->description, desc);
	t->light = light;
	return 0;
}

static int theme_parse(const char *text, size_t len, const char *shown, const char *name,
		       const struct theme *base, struct theme *out, struct error *err)
{
	struct error none; /* a caller that wants no message still gets the checks */
	struct rd r = { .shown = shown, .err = err != NULL ? err : &none };
	cJSON *root = rd_parse(&r, text, len);
	struct theme t = *base;
	int rc;

	if (root == NULL) {
		rd_done(&r);
		return -1;
	}
	memset(t.name, 0, sizeof t.name);
	rc = theme_read(&r, root, name, &t);
	rd_done(&r);
	if (rc != 0) {
		if (err != NULL)
			err->code = ERR_DATA;
		return -1;
	}
	*out = t;
	return 0;
}

/* Reads a whole regular file (symbolic links followed: themes are often
 * linked from a dotfiles folder). */
static int theme_slurp(const char *path, char **text, size_t *len, struct error *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	size_t got = 0;
	char *p;

	if (fd < 0)
		return error_sys(err, errno, "cannot open %s", path);
	if (fstat(fd, &st) != 0) {
		int e = errno;

		close(fd);
		return error_sys(err, e, "cannot look at %s", path);
	}
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > THEME_FILE_MAX) {
		close(fd);
		if (!S_ISREG(st.st_mode))
			return error_set(err, ERR_DATA, "%s is not a regular file", path);
		return error_set(err, ERR_DATA, "%s is %lld bytes; a theme file holds at most %u",
				 path, (long long)st.st_size, THEME_FILE_MAX);
	}
	p = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = errno;

			free(p);
			close(fd);
			if (n == 0)
				return error_set(err, ERR_CONFLICT, "%s changed while it was read; "
						 "try again", path);
			return error_sys(err, e, "cannot read %s", path);
		}
		got += (size_t)n;
	}
	close(fd);
	p[got] = '\0';
	*text = p;
	*len = got;
	return 0;
}

int store_read_theme(const char *path, const struct theme *base, struct theme *out,
		     struct error *err)
{
	const char *slash = strrchr(path, '/'), *file = slash ? slash + 1 : path;
	size_t n = strlen(file), len = 0;
	char *text = NULL, *name;
	int rc;

	if (n > 5 && strcmp(file + n - 5, ".json") == 0)
		n -= 5;
	if (theme_slurp(path, &text, &len, err) != 0)
		return -1;
	name = xstrndup(file, n);
	rc = theme_parse(text, len, path, name, base, out, err);
	free(name);
	free(text);
	return rc;
}
