/* boot.c - opening the data folder the way every interface does. */
#include "boot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "starter.h"
#include "xalloc.h"

/* A folder without plan.json that holds weeks lost its plan: refused. */
static int boot_check_orphans(struct boot *b, struct error *err)
{
	int *keys;
	size_t n;

	if (store_list_weeks(b->store, &keys, &n, err) != 0)
		return -1;
	free(keys);
	if (n > 0)
		return error_set(err, ERR_DATA, "%s/plan.json is missing, but the folder holds %zu "
				 "week%s; restore plan.json (e.g. from plan.json.bak) rather than "
				 "starting over", b->dir, n, n == 1 ? "" : "s");
	return 0;
}

/* The plan: plan.json, or the defaults while there is none. */
static int boot_plan(struct boot *b, struct error *err)
{
	if (b->store != NULL && !store_is_fresh(b->store))
		return store_load_plan(b->store, &b->plan, err);
	if (b->store != NULL && boot_check_orphans(b, err) != 0)
		return -1;
	b->fresh = true;
	b->plan = plan_new();
	return 0;
}

static int boot_demo_dir(struct boot *b, struct error *err)
{
	const char *tmp = getenv("TMPDIR");
	char path[PATH_MAX];

	snprintf(path, sizeof path, "%s/focusweek-demo-XXXXXX",
		 tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(path) == NULL)
		return error_sys(err, errno, "cannot create a folder for the demo in %s",
				 tmp != NULL ? tmp : "/tmp");
	b->demo_dir = xstrdup(path);
	return 0;
}

int boot_create(struct boot *b, struct error *err)
{
	if (b->store != NULL)
		return 0;
	return store_open(&b->store, b->dir, true, err);
}

int boot_open(struct boot *b, const char *data_flag, bool demo, bool create, struct error *err)
{
	struct stat sb;
	int rc;

	memset(b, 0, sizeof *b);
	if (demo && boot_demo_dir(b, err) != 0)
		return -1;
	b->dir = demo ? xstrdup(b->demo_dir) : store_default_dir(data_flag, err);
	if (b->dir == NULL)
		return -1;
	if (demo || create || stat(b->dir, &sb) == 0 || errno != ENOENT)
		rc = store_open(&b->store, b->dir, demo || create, err);
	else
		rc = 0; /* made by the first change */
	if (rc == 0 && demo)
		rc = starter_demo(b->store, clock_now(), err);
	if (rc == 0)
		rc = boot_plan(b, err);
	if (rc != 0)
		boot_close(b);
	return rc;
}

/* Removes the demo folder: only files we make there, then the folder. */
static void boot_remove_demo(const char *dir)
{
	static const char *const subdirs[] = { "weeks", "cache", "." };

	for (size_t i = 0; i < 3; i++) {
		char path[PATH_MAX];
		DIR *d;
		struct dirent *de;

		snprintf(path, sizeof path, "%s/%s", dir, subdirs[i]);
		d = opendir(path);
		if (d == NULL)
			continue;
		while ((de = readdir(d)) != NULL)
			if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
				unlinkat(dirfd(d), de->d_name, 0);
		closedir(d);
		if (i < 2)
			rmdir(path);
	}
	rmdir(dir);
}

void boot_close(struct boot *b)
{
	plan_free(b->plan);
	store_close(b->store);
	free(b->dir);
	if (b->demo_dir != NULL) {
		boot_remove_demo(b->demo_dir);
		free(b->demo_dir);
	}
	memset(b, 0, sizeof *b);
}
