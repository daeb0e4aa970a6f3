/* theme_load.h - theme files: the folders searched, the list of themes, and
 * loading one by name (through the store's strict reader). */
#ifndef FOCUSWEEK_THEME_LOAD_H
#define FOCUSWEEK_THEME_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "theme.h"

/* Where theme files come from, in search order. */
enum theme_origin {
	THEME_USER,      /* $XDG_CONFIG_HOME/focusweek/themes (~/.config/...) */
	THEME_INSTALLED, /* share/focusweek/themes beside the program (else
			    FOCUSWEEK_THEMES_DIR), or $FOCUSWEEK_THEMES */
	THEME_SOURCE,    /* the source tree's themes/ (running from a build) */
	THEME_ORIGIN_COUNT,
	THEME_BUILTIN = THEME_ORIGIN_COUNT /* compiled in: no file */
};

/* "user", "installed", "source", "built-in". */
const char *theme_origin_name(enum theme_origin o);

struct theme_dirs {
	char *dir[THEME_ORIGIN_COUNT]; /* owned; NULL when there is none */
};

/* The folders from the environment: the user's ($XDG_CONFIG_HOME, else
 * $HOME/.config; none when neither is an absolute path), then
 * $FOCUSWEEK_THEMES alone when set, else the installed and the source
 * folder.  theme_dirs_free releases them. */
void theme_dirs_default(struct theme_dirs *d);
void theme_dirs_free(struct theme_dirs *d);

/* One theme file found in a folder. */
struct theme_entry {
	char *name;               /* the file name without ".json" */
	char *path;               /* the file */
	enum theme_origin origin;
	bool valid_name;          /* theme_name_valid(name): else never loaded */
	bool shadowed;            /* a folder earlier in the search has this name */
	bool overrides;           /* a later folder has this name too */
};

struct theme_list {
	struct theme_entry *v;    /* sorted by name, then by search order */
	size_t n;
};

/* Every *.json in the folders (missing folders are skipped).  On error
 * (a folder that cannot be read) the list is empty. */
int theme_list_load(const struct theme_dirs *d, struct theme_list *out, struct error *err);
void theme_list_free(struct theme_list *l);

/* The file NAME loads from: malloc'd path, or NULL with ERR_NOTFOUND naming
 * the folders searched (ERR_USAGE for a name that is not a theme name). */
char *theme_find(const struct theme_dirs *d, const char *name, enum theme_origin *origin,
		 struct error *err);

/* Loads theme NAME from the first folder that has it; "default" with no
 * file anywhere is the built-in theme.  Errors name the file, the key path
 * and the problem. */
int theme_load(const struct theme_dirs *d, const char *name, struct theme *out,
	       struct error *err);

/*
 * The one call an interface makes: theme NAME (NULL or "" means "default").
 * *out is always a usable theme.  Returns 0 when NAME loaded; -1 when it fell
 * back to the built-in default, with one line in err for the status bar
 * naming the file, the key and the problem.
 */
int theme_load_or_default(const struct theme_dirs *d, const char *name, struct theme *out,
			  struct error *err);

/* Reads one theme file strictly (the format is in README.md and
 * focusweek(1)); what it leaves out keeps base's style.  Errors name the
 * file, the key path and the problem. */
int theme_read_file(const char *path, const struct theme *base, struct theme *out,
		    struct error *err);

#endif
