/* sync_busy.c - the busy vdirs: real calendars read as busy time.
 *
 * Each file is read only when its stamp (device, inode, size, mtime)
 * differs from cache/busy.json's, or when the window now reaches days it
 * was not read for; what every file holds in the window then replaces,
 * by UID, the window's meetings of the last sync (ics_merge), so that an
 * event deleted upstream disappears.  A file that cannot be read is
 * reported with its name at each sync, and the rest still syncs; a folder
 * that cannot be opened keeps the meetings it gave before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ics.h"
#include "sync_int.h"
#include "xalloc.h"

/* A file with repeating events is read for this many days past the window,
 * so that it need not be read again every week. */
#define REPEAT_AHEAD_DAYS (13 * 7)

/* ---------------------------------------------------------------- the cache */

/* Names of a cached folder, for finding a listed file: open addressing. */
struct name_index {
	size_t *slots;   /* file index + 1, or 0 */
	size_t mask;
};

static uint64_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void index_build(struct name_index *x, const struct sync_busy_dir *d)
{
	size_t size = 16;

	while (size < 2 * d->n_files)
		size *= 2;
	x->slots = xcalloc(size, sizeof *x->slots);
	x->mask = size - 1;
	for (size_t i = 0; i < d->n_files; i++) {
		size_t at;

		if (d->files[i].name == NULL)
			continue; /* taken already */
		at = (size_t)name_hash(d->files[i].name) & x->mask;
		while (x->slots[at] != 0)
			at = (at + 1) & x->mask;
		x->slots[at] = i + 1;
	}
}

static struct sync_busy_file *index_find(const struct name_index *x, struct sync_busy_dir *d,
					 const char *name)
{
	size_t at = (size_t)name_hash(name) & x->mask;

	for (; x->slots[at] != 0; at = (at + 1) & x->mask) {
		struct sync_busy_file *f = &d->files[x->slots[at] - 1];

		if (f->name != NULL && strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

/* The cached file of that name: at the same place when the folder did not
 * change, else through the index (made on first need). */
static struct sync_busy_file *cache_find(struct sync_busy_dir *d, struct name_index *x,
					 size_t at, const char *name)
{
	if (d == NULL)
		return NULL;
	if (at < d->n_files && d->files[at].name != NULL && strcmp(d->files[at].name, name) == 0)
		return &d->files[at];
	if (x->slots == NULL)
		index_build(x, d);
	return index_find(x, d, name);
}

/* Does f hold all the window's days of its events? */
static bool cache_covers(const struct sync_busy_file *f, date_t from, date_t to)
{
	date_t a, b;

	if (f->problem != NULL)
		return true; /* the same file, the same problem */
	if (!f->whole)
		return from >= f->from && to <= f->to;
	a = f->lo > from ? f->lo : from;
	b = f->hi < to ? f->hi : to;
	return a > b || (a >= f->from && b <= f->to);
}

static bool stamp_same(const struct stamp *a, const struct stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* ---------------------------------------------------------------- reading */

static void event_take(struct sync_busy_event *dst, struct ics_event *src)
{
	dst->uid = src->uid;
	dst->title = src->title;
	dst->location = src->location;
	dst->all_day = src->all_day;
	dst->first = src->first;
	dst->last = src->last;
	dst->start = src->start;
	dst->end = src->end;
	src->uid = src->title = src->location = NULL;
}

/* Reads one file for the window into f (its problem, when it cannot be). */
static void busy_read(struct sync_run *r, int dirfd, const char *path,
		      const struct ics_vdir_file *lf, struct sync_busy_file *f)
{
	char shown[PATH_MAX + 256], *text;
	struct ics_busy b;
	struct error err = { 0 };
	size_t len;

	memset(f, 0, sizeof *f);
	f->name = xstrdup(lf->name);
	f->stamp = lf->stamp;
	f->from = r->from;
	f->to = r->to + REPEAT_AHEAD_DAYS;
	snprintf(shown, sizeof shown, "%s/%s", path, lf->name);
	if (ics_vdir_read(dirfd, lf->name, shown, &text, &len, &f->stamp, &err) != 0) {
		f->problem = xstrdup(err.msg);
		return;
	}
	if (ics_busy_read(text, len, f->from, f->to, &b, &err) != 0) {
		f->problem = xstrdup(err.msg);
		free(text);
		return;
	}
	free(text);
	f->whole = b.whole;
	f->lo = b.lo;
	f->hi = b.hi;
	f->events = xcalloc(b.n_events + 1, sizeof *f->events);
	for (size_t i = 0; i < b.n_events; i++)
		event_take(&f->events[f->n_events++], &b.events[i]);
	ics_busy_clear(&b);
}

/* One folder: each listed file from the cache when unchanged, else read.
 * *changed is set when any file was read or is gone. */
static void busy_dir(struct sync_run *r, int dirfd, const char *path,
		     const struct ics_vdir_list *l, struct sync_busy_dir *old,
		     struct sync_busy_dir *out, bool *changed)
{
	struct name_index x = { 0 };
	size_t kept = 0;

	out->path = xstrdup(path);
	out->files = xcalloc(l->n + 1, sizeof *out->files);
	for (size_t i = 0; i < l->n; i++) {
		struct sync_busy_file *c = cache_find(old, &x, i, l->files[i].name);

		if (c != NULL && stamp_same(&c->stamp, &l->files[i].stamp) &&
		    cache_covers(c, r->from, r->to)) {
			out->files[out->n_files++] = *c;
			memset(c, 0, sizeof *c); /* taken */
			kept++;
			continue;
		}
		busy_read(r, dirfd, path, &l->files[i], &out->files[out->n_files++]);
		r->rep->busy_read++;
		*changed = true;
	}
	if (old == NULL || kept != old->n_files)
		*changed = true; /* files gone since */
	r->rep->busy_files += l->n;
	free(x.slots);
}

static struct sync_busy_dir *cache_dir(struct sync_busy_cache *c, const char *path)
{
	for (size_t i = 0; c != NULL && i < c->n_dirs; i++)
		if (c->dirs[i].path != NULL && strcmp(c->dirs[i].path, path) == 0)
			return &c->dirs[i];
	return NULL;
}

/* Moves a folder's cached files as they are (the folder cannot be read now). */
static void dir_keep(struct sync_busy_dir *old, struct sync_busy_dir *out, const char *path)
{
	out->path = xstrdup(path);
	if (old == NULL)
		return;
	out->files = old->files;
	out->n_files = old->n_files;
	old->files = NULL;
	old->n_files = 0;
}

/* The folders of sync.busy into c, each from old when unchanged. */
static void busy_dirs(struct sync_run *r, struct sync_busy_cache *old, struct sync_busy_cache *c,
		      bool *changed)
{
	const char *p = plan_settings(r->p)->sync_busy;

	c->dirs = xcalloc(MODEL_BUSY_MAX, sizeof *c->dirs);
	while (*p && c->n_dirs < MODEL_BUSY_MAX) {
		size_t n = strcspn(p, ":");
		char *one = xstrndup(p, n), path[PATH_MAX];
		struct sync_busy_dir *nd = &c->dirs[c->n_dirs++];
		struct ics_vdir_list l;
		struct error err = { 0 };
		int fd = -1;

		p += n + (p[n] == ':');
		if (sync_expand(one, path, &err) == 0 && ics_vdir_open(path, false, &fd, &err) == 0 &&
		    ics_vdir_list(fd, path, &l, &err) == 0) {
			busy_dir(r, fd, path, &l, cache_dir(old, path), nd, changed);
			ics_vdir_list_free(&l);
		} else {
			sync_item(r, SYNC_PROBLEM, NULL, "sync.busy: %s; its meetings stay as they "
				  "were", err.msg);
			dir_keep(cache_dir(old, path), nd, path);
		}
		if (fd >= 0)
			close(fd);
		free(one);
	}
}

/* Each file that could not be read, said with its name. */
static void busy_problems(struct sync_run *r, const struct sync_busy_cache *c)
{
	for (size_t i = 0; i < c->n_dirs; i++)
		for (size_t k = 0; k < c->dirs[i].n_files; k++)
			if (c->dirs[i].files[k].problem != NULL)
				sync_item(r, SYNC_PROBLEM, NULL, "%s/%s: %s; skipped",
					  c->dirs[i].path, c->dirs[i].files[k].name,
					  c->dirs[i].files[k].problem);
}

/* ---------------------------------------------------------------- merging */

static int str_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int event_order(const void *pa, const void *pb)
{
	const struct ics_event *a = pa, *b = pb;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->all_day != b->all_day)
		return a->all_day ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return strcmp(a->uid, b->uid);
}

/* Sorts and removes repeats (freeing them). */
static size_t uniq(char **v, size_t n)
{
	size_t j = 0;

	if (n > 1)
		qsort(v, n, sizeof *v, str_order);
	for (size_t i = 0; i < n; i++) {
		if (j > 0 && strcmp(v[j - 1], v[i]) == 0)
			free(v[i]);
		else
			v[j++] = v[i];
	}
	return j;
}

/* The window's events of every file (borrowed strings), and the UIDs to
 * replace: those of the last sync and those of the events now. */
static void merge_calendar(struct sync_run *r, const struct sync_busy_cache *c,
			   struct ics_calendar *cal, char ***now, size_t *n_now)
{
	size_t cap = 0, cap_now = 0;

	memset(cal, 0, sizeof *cal);
	*now = NULL;
	*n_now = 0;
	for (size_t i = 0; i < c->n_dirs; i++) {
		for (size_t k = 0; k < c->dirs[i].n_files; k++) {
			const struct sync_busy_file *f = &c->dirs[i].files[k];

			for (size_t j = 0; j < f->n_events; j++) {
				const struct sync_busy_event *e = &f->events[j];

				if (e->last < r->from || e->first > r->to)
					continue;
				cal->events = xgrow(cal->events, &cap, cal->n_events + 1,
						    sizeof *cal->events);
				cal->events[cal->n_events++] = (struct ics_event){
					.uid = e->uid, .title = e->title, .location = e->location,
					.all_day = e->all_day, .first = e->first, .last = e->last,
					.start = e->start, .end = e->end };
				*now = xgrow(*now, &cap_now, *n_now + 1, sizeof **now);
				(*now)[(*n_now)++] =
					xstrndup(e->uid, ics_identity_uid_len(e->uid));
			}
		}
	}
	if (cal->n_events > 1)
		qsort(cal->events, cal->n_events, sizeof *cal->events, event_order);
	*n_now = uniq(*now, *n_now);
	cal->uids = xcalloc(*n_now + r->state->n_busy + 1, sizeof *cal->uids);
	for (size_t i = 0; i < *n_now; i++)
		cal->uids[cal->n_uids++] = xstrdup((*now)[i]);
	for (size_t i = 0; i < r->state->n_busy; i++)
		cal->uids[cal->n_uids++] = xstrdup(r->state->busy[i]);
	cal->n_uids = uniq(cal->uids, cal->n_uids);
}

static void merge_done(struct sync_run *r, const struct ics_report *rep, char **now, size_t n_now,
		       size_t n_events)
{
	for (size_t i = 0; i < r->state->n_busy; i++)
		free(r->state->busy[i]);
	free(r->state->busy);
	r->state->busy = now;
	r->state->n_busy = n_now;
	r->rep->busy_added = rep->added;
	r->rep->busy_removed = rep->removed;
	r->rep->busy_meetings = n_events;
	r->rep->overlaps = rep->n_overlaps;
}

/* The window's meetings as the busy calendars have them now. */
static int busy_merge(struct sync_run *r, const struct sync_busy_cache *c)
{
	struct week **weeks = xcalloc(r->n_weeks, sizeof *weeks);
	struct ics_calendar cal;
	struct ics_report rep;
	struct error err = { 0 };
	char **now;
	size_t n_now;
	int rc;

	merge_calendar(r, c, &cal, &now, &n_now);
	for (size_t i = 0; i < r->n_weeks; i++)
		weeks[i] = week_clone(r->weeks[i]);
	rc = ics_merge(weeks, r->n_weeks, r->p, &cal, r->from, r->to, &rep, &err);
	for (size_t i = 0; i < r->n_weeks; i++) {
		if (rc == 0)
			txn_put_week(r->tx, weeks[i], NULL);
		else
			week_free(weeks[i]);
	}
	if (rc == 0) {
		merge_done(r, &rep, now, n_now, cal.n_events);
		ics_report_clear(&rep);
	} else {
		sync_item(r, SYNC_PROBLEM, NULL, "busy time: %s; the meetings stay as they were",
			  err.msg);
		for (size_t i = 0; i < n_now; i++)
			free(now[i]);
		free(now);
	}
	for (size_t i = 0; i < cal.n_uids; i++)
		free(cal.uids[i]);
	free(cal.uids);
	free(cal.events);
	free(weeks);
	return rc;
}

int sync_busy(struct sync_run *r, struct sync_busy_cache **cache, struct error *err)
{
	struct sync_busy_cache *old = NULL, *c = xcalloc(1, sizeof *c);
	bool changed = r->state->from != r->from || r->state->to != r->to;

	(void)err;
	*cache = NULL;
	if (store_load_busy(r->app->boot.store, &old) == 0 && strcmp(old->zone, r->zone_key) != 0) {
		sync_busy_cache_free(old); /* times in another zone: read all again */
		old = NULL;
	}
	snprintf(c->zone, sizeof c->zone, "%s", r->zone_key);
	busy_dirs(r, old, c, &changed);
	if (old == NULL || old->n_dirs != c->n_dirs)
		changed = true;
	sync_busy_cache_free(old);
	busy_problems(r, c);
	if (changed && busy_merge(r, c) != 0) {
		sync_busy_cache_free(c); /* the weeks do not hold it: read it all next time */
		return 0;
	}
	*cache = c;
	return 0;
}
