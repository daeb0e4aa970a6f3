/* store_load.c - reading the plan, a week and the timer from the data folder. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "codec.h"
#include "journal.h"
#include "store_int.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- loads */

int store_read(struct store *st, int dirfd, const char *rel, const char *leaf, size_t max,
	       char **data, size_t *len, struct error *err)
{
	char shown[PATH_MAX];
	struct stamp stamp;
	int rc;

	store_shown(st, rel, shown, sizeof shown);
	rc = fsio_read(dirfd, leaf, shown, max, data, len, &stamp, err);
	if (rc >= 0)
		*store_stamp(st, rel, true) = stamp; /* absent files stamp as absent */
	else
		store_safety_hint(dirfd, leaf, shown, err);
	return rc;
}

void store_note_newer(struct store *st, const char *rel)
{
	char why[200];

	snprintf(why, sizeof why,
		 "%s was written by a newer focusweek; opened read-only so nothing is lost", rel);
	store_set_readonly(st, why);
}

int store_load_plan(struct store *st, struct plan **out, struct error *err)
{
	char shown[PATH_MAX], *data;
	size_t len;
	bool newer;
	int rc;

	rc = store_read(st, st->dirfd, PLAN_FILE, PLAN_FILE, PLAN_MAX, &data, &len, err);
	if (rc < 0)
		return -1;
	store_shown(st, PLAN_FILE, shown, sizeof shown);
	if (rc == 1)
		return error_set(err, ERR_NOTFOUND, "%s does not exist", shown);
	rc = codec_plan_read(data, len, shown, out, &newer, err);
	free(data);
	if (rc == 0 && newer)
		store_note_newer(st, PLAN_FILE);
	return rc;
}

int store_week_file(const struct store *st, const struct plan *p, int key,
		    struct store_week_file *f, struct error *err)
{
	char rel[32], shown[PATH_MAX], *data;
	size_t len;
	int rc;

	f->week = NULL;
	f->stamped = true;
	f->newer = false;
	if (st->weeksfd < 0) {
		f->stamp = (struct stamp){ 0 };
		return 0;
	}
	store_week_rel(key, rel, sizeof rel);
	store_shown(st, rel, shown, sizeof shown);
	rc = fsio_read(st->weeksfd, rel + sizeof WEEKS_DIR, shown, WEEK_MAX, &data, &len,
		       &f->stamp, err);
	f->stamped = rc >= 0; /* absent files stamp as absent */
	if (rc < 0)
		store_safety_hint(st->weeksfd, rel + sizeof WEEKS_DIR, shown, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = codec_week_read(data, len, shown, p, key, &f->week, &f->newer, err);
	free(data);
	return rc;
}

int store_week_settle(struct store *st, const struct plan *p, int key,
		      const struct store_week_file *f, bool ok, struct week **out)
{
	char rel[32];

	store_week_rel(key, rel, sizeof rel);
	if (f->stamped)
		*store_stamp(st, rel, true) = f->stamp;
	if (!ok)
		return -1;
	*out = f->week != NULL ? f->week : week_new(p, key);
	if (f->newer)
		store_note_newer(st, rel);
	return 0;
}

int store_load_week(struct store *st, const struct plan *p, int key, struct week **out,
		    struct error *err)
{
	struct store_week_file f;
	int rc = store_week_file(st, p, key, &f, err);

	return store_week_settle(st, p, key, &f, rc == 0, out);
}

/* The folder of a peek, opened only to read, and safe as store_open wants
 * it (weeks/ too, though it is not read): its fd, or -1 with err. */
static int store_peek_dir(const char *dir, struct error *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), weeks, rc;

	if (fd < 0)
		return error_sys(err, errno, "cannot open the data folder %s", dir);
	weeks = openat(fd, WEEKS_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	rc = store_safety_open(dir, fd, weeks, err);
	if (weeks >= 0)
		close(weeks);
	if (rc != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int store_peek_timer(const char *dir, struct timer_state *t, bool *present, struct error *err)
{
	char shown[PATH_MAX], *data;
	struct stamp stamp;
	struct store *st;
	size_t len;
	bool newer;
	int rc, fd;

	*present = false;
	if (journal_maybe_at(dir) || strlen(dir) + sizeof "/" TIMER_FILE > sizeof shown) {
		/* A change was interrupted (or the folder is not one): as every
		 * command does, open it fully, finishing the change first. */
		if (store_open(&st, dir, false, err) != 0)
			return -1;
		rc = store_load_timer(st, t, present, err);
		store_close(st);
		return rc;
	}
	fd = store_peek_dir(dir, err);
	if (fd < 0)
		return -1;
	snprintf(shown, sizeof shown, "%s/" TIMER_FILE, dir);
	rc = fsio_read(fd, TIMER_FILE, shown, TIMER_MAX, &data, &len, &stamp, err);
	if (rc < 0)
		store_safety_hint(fd, TIMER_FILE, shown, err);
	close(fd);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = codec_timer_read(data, len, shown, t, &newer, err);
	free(data);
	*present = rc == 0;
	return rc;
}

int store_load_timer(struct store *st, struct timer_state *t, bool *present,
		     struct error *err)
{
	char shown[PATH_MAX], *data;
	size_t len;
	bool newer;
	int rc;

	*present = false;
	rc = store_read(st, st->dirfd, TIMER_FILE, TIMER_FILE, TIMER_MAX, &data, &len, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	store_shown(st, TIMER_FILE, shown, sizeof shown);
	rc = codec_timer_read(data, len, shown, t, &newer, err);
	free(data);
	if (rc == 0) {
		*present = true;
		if (newer)
			store_note_newer(st, TIMER_FILE);
	}
	return rc;
}

int store_list_weeks(struct store *st, int **keys, size_t *n, struct error *err)
{
	DIR *dir;
	struct dirent *de;
	size_t cap = 0;
	int fd;

	*keys = NULL;
	*n = 0;
	if (st->weeksfd < 0)
		return 0;
	fd = dup(st->weeksfd);
	if (fd < 0 || (dir = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return error_sys(err, errno, "cannot list %s/" WEEKS_DIR, st->dir);
	}
	rewinddir(dir);
	while ((de = readdir(dir)) != NULL) {
		char name[9];
		int key;

		if (strlen(de->d_name) != 13 || strcmp(de->d_name + 8, ".json") != 0)
			continue;
		memcpy(name, de->d_name, 8);
		name[8] = '\0';
		if (date_week_parse(name, &key) != 0)
			continue;
		*keys = xgrow(*keys, &cap, *n + 1, sizeof **keys);
		(*keys)[(*n)++] = key;
	}
	closedir(dir);
	for (size_t i = 1; i < *n; i++) /* insertion sort: a few hundred keys */
		for (size_t j = i; j > 0 && (*keys)[j - 1] > (*keys)[j]; j--) {
			int t = (*keys)[j];

			(*keys)[j] = (*keys)[j - 1];
			(*keys)[j - 1] = t;
		}
	return 0;
}

int store_find_block(struct store *st, const struct plan *p, const char *id, struct week **out,
		     struct error *err)
{
	int hint = model_id_week(id), *keys;
	size_t n;

	if (hint != 0) {
		if (store_load_week(st, p, hint, out, err) != 0)
			return -1;
		if (week_block_by_id(*out, id) != NULL)
			return 0;
		week_free(*out);
	}
	/* Moved to another week since it was made: look everywhere. */
	if (store_list_weeks(st, &keys, &n, err) != 0)
		return -1;
	for (size_t i = n; i-- > 0;) {
		if (keys[i] == hint)
			continue;
		if (store_load_week(st, p, keys[i], out, err) != 0) {
			free(keys);
			return -1;
		}
		if (week_block_by_id(*out, id) != NULL) {
			free(keys);
			return 0;
		}
		week_free(*out);
	}
	free(keys);
	*out = NULL;
	return error_set(err, ERR_NOTFOUND, "no block with id %s", id);
}
