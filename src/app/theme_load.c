/* theme_load.c - the theme folders, the list of theme files, and loading a
 * theme by name with a fallback to the built-in default. */
#include "theme_load.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "store.h"
#include "xalloc.h"

#ifndef FOCUSWEEK_THEMES_DIR
#define FOCUSWEEK_THEMES_DIR "/usr/local/share/focusweek/themes"
#endif
#ifndef FOCUSWEEK_SOURCE_THEMES
#define FOCUSWEEK_SOURCE_THEMES ""
#endif
#ifndef FOCUSWEEK_BUILD_DIR
#define FOCUSWEEK_BUILD_DIR ""
#endif
/* The installed themes seen from the installed program ("../share/...") */
#ifndef FOCUSWEEK_THEMES_FROM_BIN
#define FOCUSWEEK_THEMES_FROM_BIN ""
#endif

#define THEME_LIST_MAX 1000 /* theme files listed, all folders together */

const char *theme_origin_name(enum theme_origin o)
{
	static const char *const names[] = { "user", "installed", "source", "built-in" };

	return o <= THEME_BUILTIN ? names[o] : "?";
}

/* ---------------------------------------------------------------- folders */

/* The source tree's themes count only for a program run from its build
 * folder, not for an installed copy. */
static bool theme_run_from_build(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t len = strlen(FOCUSWEEK_BUILD_DIR);

	if (n <= 0 || len == 0)
		return false;
	exe[n] = '\0';
	return strncmp(exe, FOCUSWEEK_BUILD_DIR, len) == 0 && exe[len] == '/';
}

/* The installed themes beside this program, wherever its tree was put
 * (cmake --install --prefix X, a package unpacked anywhere), when that
 * folder exists; else the folder the build was configured for. */
static char *theme_installed_dir(void)
{
	char exe[PATH_MAX], path[PATH_MAX + sizeof FOCUSWEEK_THEMES_FROM_BIN + 1];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	struct stat sb;

	if (n > 0 && FOCUSWEEK_THEMES_FROM_BIN[0] != '\0') {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/%s", exe, FOCUSWEEK_THEMES_FROM_BIN);
			if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && realpath(path, exe) != NULL)
				return xstrdup(exe);
		}
	}
	return xstrdup(FOCUSWEEK_THEMES_DIR);
}

void theme_dirs_default(struct theme_dirs *d)
{
	const char *env = getenv("XDG_CONFIG_HOME");
	char path[PATH_MAX];

	memset(d, 0, sizeof *d);
	if (env != NULL && env[0] == '/') {
		snprintf(path, sizeof path, "%s/focusweek/themes", env);
		d->dir[THEME_USER] = xstrdup(path);
	} else if ((env = getenv("HOME")) != NULL && env[0] == '/') {
		snprintf(path, sizeof path, "%s/.config/focusweek/themes", env);
		d->dir[THEME_USER] = xstrdup(path);
	}
	env = getenv("FOCUSWEEK_THEMES");
	if (env != NULL && env[0] != '\0') {
		d->dir[THEME_INSTALLED] = xstrdup(env);
		return;
	}
	d->dir[THEME_INSTALLED] = theme_installed_dir();
	if (FOCUSWEEK_SOURCE_THEMES[0] != '\0' &&
	    strcmp(FOCUSWEEK_SOURCE_THEMES, FOCUSWEEK_THEMES_DIR) != 0 && theme_run_from_build())
		d->dir[THEME_SOURCE] = xstrdup(FOCUSWEEK_SOURCE_THEMES);
}

void theme_dirs_free(struct theme_dirs *d)
{
	for (int i = 0; i < THEME_ORIGIN_COUNT; i++) {
		free(d->dir[i]);
		d->dir[i] = NULL;
	}
}

/* ---------------------------------------------------------------- list */

static int theme_entry_cmp(const void *a, const void *b)
{
	const struct theme_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : (int)x->origin - (int)y->origin;
}

/* Adds the *.json files of one folder; a missing folder adds nothing. */
static int theme_list_dir(const char *dir, enum theme_origin origin, struct theme_list *l,
			  size_t *cap, struct error *err)
{
	DIR *dp = opendir(dir);
	struct dirent *de;

	if (dp == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return error_sys(err, errno, "cannot read the theme folder %s", dir);
	}
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);
		struct theme_entry *e;

		if (n <= 5 || strcmp(de->d_name + n - 5, ".json") != 0 || de->d_name[0] == '.')
			continue;
		if (l->n == THEME_LIST_MAX) {
			closedir(dp);
			return error_set(err, ERR_DATA, "more than %d theme files in %s",
					 THEME_LIST_MAX, dir);
		}
		l->v = xgrow(l->v, cap, l->n + 1, sizeof *l->v);
		e = &l->v[l->n++];
		memset(e, 0, sizeof *e);
		e->name = xstrndup(de->d_name, n - 5);
		e->path = xmalloc(strlen(dir) + n + 2);
		sprintf(e->path, "%s/%s", dir, de->d_name);
		e->origin = origin;
		e->valid_name = theme_name_valid(e->name);
	}
	closedir(dp);
	return 0;
}

int theme_list_load(const struct theme_dirs *d, struct theme_list *out, struct error *err)
{
	struct theme_list l = { NULL, 0 };
	size_t cap = 0;

	for (int o = 0; o < THEME_ORIGIN_COUNT; o++) {
		if (d->dir[o] != NULL &&
		    theme_list_dir(d->dir[o], (enum theme_origin)o, &l, &cap, err) != 0) {
			theme_list_free(&l);
			*out = l;
			return -1;
		}
	}
	if (l.n > 0)
		qsort(l.v, l.n, sizeof *l.v, theme_entry_cmp);
	for (size_t i = 1; i < l.n; i++) {
		if (strcmp(l.v[i].name, l.v[i - 1].name) == 0) {
			l.v[i].shadowed = true;
			l.v[i - 1].overrides = true;
		}
	}
	*out = l;
	return 0;
}

void theme_list_free(struct theme_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].path);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* ---------------------------------------------------------------- find, load */

char *theme_find(const struct theme_dirs *d, const char *name, enum theme_origin *origin,
		 struct error *err)
{
	struct buf where = BUF_INIT;

	if (!theme_name_valid(name)) {
		error_set(err, ERR_USAGE, "\"%.60s\" is not a theme name (letters, digits, "
			  "- and _, at most %d)", name, THEME_NAME_MAX);
		return NULL;
	}
	for (int o = 0; o < THEME_ORIGIN_COUNT; o++) {
		char *path;

		if (d->dir[o] == NULL)
			continue;
		path = xmalloc(strlen(d->dir[o]) + strlen(name) + 7);
		sprintf(path, "%s/%s.json", d->dir[o], name);
		/* Anything there but nothing at all is the theme: store_read_theme
		 * says what is wrong with a file that cannot be read. */
		if (access(path, F_OK) == 0 || errno != ENOENT) {
			buf_free(&where);
			*origin = (enum theme_origin)o;
			return path;
		}
		free(path);
		buf_addf(&where, "%s%s", where.len ? ", " : "", d->dir[o]);
	}
	error_set(err, ERR_NOTFOUND, "no theme named \"%s\" (looked in %s); "
		  "'focusweek themes' lists them", name, where.len ? buf_str(&where) : "no folder");
	buf_free(&where);
	return NULL;
}

int theme_load(const struct theme_dirs *d, const char *name, struct theme *out,
	       struct error *err)
{
	struct theme base;
	enum theme_origin origin;
	char *path;
	int rc;

	theme_builtin(&base);
	path = theme_find(d, name, &origin, err);
	if (path == NULL) {
		if (strcmp(name, "default") != 0)
			return -1;
		*out = base;
		return 0;
	}
	rc = store_read_theme(path, &base, out, err);
	free(path);
	return rc;
}

int theme_load_or_default(const struct theme_dirs *d, const char *name, struct theme *out,
			  struct error *err)
{
	struct error e = { 0 };

	if (name == NULL || name[0] == '\0')
		name = "default";
	if (theme_load(d, name, out, &e) == 0)
		return 0;
	theme_builtin(out);
	return error_set(err, e.code, "%s; using the built-in default theme", e.msg);
}

int theme_read_file(const char *path, const struct theme *base, struct theme *out,
		    struct error *err)
{
	return store_read_theme(path, base, out, err);
}
