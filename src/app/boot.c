/* boot.c - opening the data folder the way every interface does. */
#include "boot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "starter.h"
#include "xalloc.h"

/* Creates the starter plan unless another process did meanwhile. */
static int boot_first_run(struct boot *b, struct error *err)
{
	struct plan *p;
	struct week *w;
	int key = date_week_key(clock_today(clock_now()));
	int rc;

	if (store_lock(b->store, STORE_LOCK_WAIT_MS, err) != 0)
		return -1;
	if (!store_is_fresh(b->store)) {
		store_unlock(b->store);
		return 0;
	}
	{
		int *keys;
		size_t n;

		if (store_list_weeks(b->store, &keys, &n, err) != 0) {
			store_unlock(b->store);
			return -1;
		}
		free(keys);
		if (n > 0) {
			store_unlock(b->store);
			return error_set(err, ERR_DATA,
					 "%s/plan.json is missing, but the folder holds %zu weeks; "
					 "restore plan.json (e.g. from plan.json.bak) rather than "
					 "starting over", store_dir(b->store), n);
		}
	}
	p = starter_plan();
	w = starter_week(p, key);
	/* This week is laid out already: the planning screen waits for the next. */
	plan_set_last_planned_week(p, key);
	{
		/* Both files at once: a half-made first run never shows. */
		struct store_txn *tx = store_txn_new(b->store);

		store_txn_week(tx, w);
		store_txn_plan(tx, p);
		rc = store_txn_commit(tx, err);
	}
	week_free(w);
	plan_free(p);
	store_unlock(b->store);
	b->first_run = rc == 0;
	return rc;
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

int boot_open(struct boot *b, const char *data_flag, bool demo, struct error *err)
{
	char *dir;

	memset(b, 0, sizeof *b);
	if (demo) {
		if (boot_demo_dir(b, err) != 0)
			return -1;
		dir = xstrdup(b->demo_dir);
	} else {
		dir = store_default_dir(data_flag, err);
		if (dir == NULL)
			return -1;
	}
	if (store_open(&b->store, dir, true, err) != 0) {
		free(dir);
		boot_close(b);
		return -1;
	}
	free(dir);
	if (demo) {
		if (starter_demo(b->store, clock_now(), err) != 0) {
			boot_close(b);
			return -1;
		}
	} else if (store_is_fresh(b->store) && boot_first_run(b, err) != 0) {
		boot_close(b);
		return -1;
	}
	if (store_load_plan(b->store, &b->plan, err) != 0) {
		boot_close(b);
		return -1;
	}
	return 0;
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
	if (b->demo_dir != NULL) {
		boot_remove_demo(b->demo_dir);
		free(b->demo_dir);
	}
	memset(b, 0, sizeof *b);
}
