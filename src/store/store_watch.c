/* store_watch.c - noticing changes made by others. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/inotify.h>

#include "store_int.h"
#include "store_sync.h"

/* ---------------------------------------------------------------- changes */

static bool store_changed(struct store *st, int dirfd, const char *rel, const char *leaf)
{
	struct stamp *known = store_stamp(st, rel, false), now;
	const char *kind;

	if (known == NULL)
		return false;
	if (dirfd < 0)
		return known->exists;
	if (fsio_stat(dirfd, leaf, &now, &kind, NULL) != 0)
		return false;
	return !fsio_stamp_equal(&now, known);
}

bool store_plan_changed(struct store *st)
{
	return store_changed(st, st->dirfd, PLAN_FILE, PLAN_FILE);
}

bool store_timer_changed(struct store *st)
{
	return store_changed(st, st->dirfd, TIMER_FILE, TIMER_FILE);
}

bool store_sync_changed(struct store *st)
{
	return store_changed(st, st->dirfd, SYNC_FILE, SYNC_FILE);
}

bool store_week_changed(struct store *st, int key)
{
	char rel[32];

	store_week_rel(key, rel, sizeof rel);
	if (st->weeksfd < 0)
		st->weeksfd = openat(st->dirfd, WEEKS_DIR,
				     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	return store_changed(st, st->weeksfd, rel, rel + sizeof WEEKS_DIR);
}

bool store_week_noted(struct store *st, int key, struct stamp *out)
{
	char rel[32];
	struct stamp *known;

	store_week_rel(key, rel, sizeof rel);
	known = store_stamp(st, rel, false);
	if (known == NULL)
		return false;
	*out = *known;
	return true;
}

bool store_plan_noted(struct store *st, struct stamp *out)
{
	struct stamp *known = store_stamp(st, PLAN_FILE, false);

	if (known == NULL)
		return false;
	*out = *known;
	return true;
}

bool store_plan_still(struct store *st, const struct stamp *s)
{
	struct stamp now;
	const char *kind;

	if (fsio_stat(st->dirfd, PLAN_FILE, &now, &kind, NULL) != 0)
		return false;
	return fsio_stamp_equal(&now, s);
}

bool store_week_still(struct store *st, int key, const struct stamp *s)
{
	char rel[32];
	struct stamp now;
	const char *kind;

	store_week_rel(key, rel, sizeof rel);
	if (st->weeksfd < 0)
		st->weeksfd = openat(st->dirfd, WEEKS_DIR,
				     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (st->weeksfd < 0)
		return !s->exists;
	if (fsio_stat(st->weeksfd, rel + sizeof WEEKS_DIR, &now, &kind, NULL) != 0)
		return false;
	return fsio_stamp_equal(&now, s);
}

int store_watch_fd(struct store *st)
{
	char weeks[PATH_MAX];
	uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_CREATE | IN_ATTRIB;

	if (st->watchfd >= 0)
		return st->watchfd;
	st->watchfd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (st->watchfd < 0)
		return -1;
	inotify_add_watch(st->watchfd, st->dir, mask);
	snprintf(weeks, sizeof weeks, "%s/" WEEKS_DIR, st->dir);
	inotify_add_watch(st->watchfd, weeks, mask);
	return st->watchfd;
}

void store_watch_drain(struct store *st)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	char weeks[PATH_MAX];
	bool new_weeks_dir = false;
	ssize_t n;

	if (st->watchfd < 0)
		return;
	while ((n = read(st->watchfd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;

			if (ev->len > 0 && strcmp(ev->name, WEEKS_DIR) == 0)
				new_weeks_dir = true;
			p += sizeof *ev + ev->len;
		}
	}
	if (new_weeks_dir) {
		snprintf(weeks, sizeof weeks, "%s/" WEEKS_DIR, st->dir);
		inotify_add_watch(st->watchfd, weeks,
				  IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_CREATE | IN_ATTRIB);
	}
}
