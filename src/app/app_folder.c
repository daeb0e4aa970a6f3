/* app_folder.c - reading the data folder without a session. */
#include "app_folder.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "app_int.h"
#include "model.h"
#include "starter.h"
#include "store.h"

int app_folder_peek(const char *data_flag, struct store **st, struct plan **p,
		    struct error *err)
{
	struct stat sb;
	char *dir = store_default_dir(data_flag, err);
	int rc;

	*st = NULL;
	*p = NULL;
	if (dir == NULL)
		return -1;
	if (stat(dir, &sb) != 0 && errno == ENOENT) {
		free(dir);
		return 0;
	}
	rc = store_open(st, dir, false, err);
	free(dir);
	if (rc != 0) {
		*st = NULL;
		return -1;
	}
	if (!store_is_fresh(*st) && store_load_plan(*st, p, err) != 0) {
		store_close(*st);
		*st = NULL;
		return -1;
	}
	return 0;
}

/* Week files are read as the plan's week start says (when it can be read;
 * check reports a plan that cannot). */
static void af_week_start(struct store *st)
{
	struct plan *p;
	struct error err;

	if (store_is_fresh(st) || store_load_plan(st, &p, &err) != 0)
		return;
	date_week_set_start(plan_settings(p)->week_start);
	plan_free(p);
}

int app_check(const char *data_flag, void (*report)(const char *msg, void *ctx), void *ctx,
	      int *problems, struct error *err)
{
	struct store *st;
	char *dir = store_default_dir(data_flag, err);

	/* Not through app_open: a damaged plan.json is reported, not fatal. */
	*problems = 0;
	if (dir == NULL || store_open(&st, dir, false, err) != 0) {
		free(dir);
		return -1;
	}
	free(dir);
	af_week_start(st);
	*problems = store_check_all(st, report, ctx);
	store_close(st);
	return 0;
}

static void af_theme_of(const struct plan *p, char *name, size_t size)
{
	snprintf(name, size, "%s", plan_settings(p)->theme);
}

int app_plan_theme(const char *data_flag, bool demo, char *name, size_t size, struct error *err)
{
	struct store *st;
	struct plan *p;

	snprintf(name, size, "default");
	if (demo) {
		p = starter_plan();
		af_theme_of(p, name, size);
		plan_free(p);
		return 0;
	}
	if (app_folder_peek(data_flag, &st, &p, err) != 0)
		return -1;
	if (p != NULL)
		af_theme_of(p, name, size);
	plan_free(p);
	store_close(st);
	return 0;
}
