/* app_status.c - inotify on the data folder for `timer status --watch`. */
#include "app_status.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "store.h"
#include "xalloc.h"

#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)
#define WATCH_SELF (IN_DELETE_SELF | IN_MOVE_SELF)
#define TIMER_FILE "timer.json"

struct app_status_watch {
	int fd;               /* inotify, or -1 */
	int wd;               /* the watch on `dir`, or on `above` until dir exists */
	bool on_dir;
	char *dir;            /* the data folder */
};

/* Watches the folder, else the nearest one above it that exists. */
static void watch_place(struct app_status_watch *w)
{
	char path[PATH_MAX];

	if (w->wd >= 0)
		inotify_rm_watch(w->fd, w->wd);
	w->on_dir = true;
	w->wd = inotify_add_watch(w->fd, w->dir, WATCH_MASK | WATCH_SELF | IN_ONLYDIR);
	if (w->wd >= 0)
		return;
	w->on_dir = false;
	snprintf(path, sizeof path, "%s", w->dir);
	while (w->wd < 0) {
		char *slash = strrchr(path, '/');

		if (slash == NULL)
			return;
		if (slash == path)
			slash[1] = '\0';
		else
			*slash = '\0';
		w->wd = inotify_add_watch(w->fd, path, IN_CREATE | IN_MOVED_TO | IN_ONLYDIR);
		if (slash == path)
			return;
	}
}

int app_status_watch_open(const char *data_flag, bool demo, struct app_status_watch **out,
			  struct error *err)
{
	struct app_status_watch *w = xcalloc(1, sizeof *w);

	w->fd = w->wd = -1;
	*out = w;
	if (demo)
		return 0;
	w->dir = store_default_dir(data_flag, err);
	if (w->dir == NULL)
		return -1;
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		return error_sys(err, errno, "cannot watch %s for the timer", w->dir);
	watch_place(w);
	return 0;
}

void app_status_watch_close(struct app_status_watch *w)
{
	if (w == NULL)
		return;
	if (w->fd >= 0)
		close(w->fd);
	free(w->dir);
	free(w);
}

int app_status_watch_fd(const struct app_status_watch *w)
{
	return w->fd;
}

bool app_status_watch_drain(struct app_status_watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool timer = false, replace = false;
	ssize_t n;

	if (w->fd < 0)
		return false;
	while ((n = read(w->fd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;

			if (!w->on_dir || (ev->mask & (WATCH_SELF | IN_IGNORED)))
				replace = true;
			else if (ev->len > 0 && strcmp(ev->name, TIMER_FILE) == 0)
				timer = true;
			p += sizeof *ev + ev->len;
		}
	}
	if (replace) {
		watch_place(w);
		timer = true;
	}
	return timer;
}
