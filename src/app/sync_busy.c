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
#include <pthread.h>
#include <stdatomic.h>
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
#define READ_THREADS_MAX 4
#define READ_FILES_PER_THREAD 64 /* fewer files than this per thread: not worth one */

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

/* Reads one file for the days from..to into f (its problem, when it cannot
 * be).  Touches nothing shared: several run at once. */
static void busy_read(int dirfd, const char *path, const struct ics_vdir_file *lf, date_t from,
		      date_t to, struct sync_busy_file *f)
{
	char shown[PATH_MAX + 256], *text;
	struct ics_busy b;
	struct error err = { 0 };
	size_t len;

	memset(f, 0, sizeof *f);
	f->name = xstrdup(lf->name);
	f->stamp = lf->stamp;
	f->from = from;
	f->to = to;
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

/* The files of one folder to read, shared out between threads. */
struct read_job {
	int dirfd;
	const char *path;
	const struct ics_vdir_list *l;
	struct sync_busy_dir *out;
	const size_t *todo;        /* indices into l and out */
	size_t n_todo;
	date_t from, to;
	atomic_size_t next;        /* the next of todo a worker takes */
};

static void *read_worker(void *arg)
{
	struct read_job *job = arg;
	size_t k;

	while ((k = atomic_fetch_add(&job->next, 1)) < job->n_todo) {
		size_t i = job->todo[k];

		busy_read(job->dirfd, job->path, &job->l->files[i], job->from, job->to,
			  &job->out->files[i]);
	}
	return NULL;
}

/* Reads every file of job, on up to one thread per core when there are
 * many (a first read is the whole calendar: 20,000 files for ten years). */
static void read_all(struct read_job *job)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = job->n_todo / READ_FILES_PER_THREAD, started = 0;
	pthread_t tid[READ_THREADS_MAX];

	atomic_init(&job->next, 0);
	/* libical is loaded here, once, before any thread reads a file (when it
	 * cannot be, each file says so). */
	ics_lib_ready(NULL);
	if (want > READ_THREADS_MAX)
		want = READ_THREADS_MAX;
	if (cores > 0 && want > (size_t)cores)
		want = (size_t)cores;
	while (started + 1 < want && pthread_create(&tid[started], NULL, read_worker, job) == 0)
		started++;
	read_worker(job);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

/* One folder: each listed file from the cache when unchanged, else read.
 * *changed is set when any file was read or is gone. */
static void busy_dir(struct sync_run *r, int dirfd, const char *path,
		     const struct ics_vdir_list *l, struct sync_busy_dir *old,
		     struct sync_busy_dir *out, bool *changed)
{
	struct read_job job = { .dirfd = dirfd, .path = path, .l = l, .out = out,
				.from = r->from, .to = r->to + REPEAT_AHEAD_DAYS };
	size_t *todo = xcalloc(l->n + 1, sizeof *todo);
	struct name_index x = { 0 };
	size_t kept = 0;

	out->path = xstrdup(path);
	out->files = xcalloc(l->n + 1, sizeof *out->files);
	out->n_files = l->n;
	for (size_t i = 0; i < l->n; i++) {
		struct sync_busy_file *c = cache_find(old, &x, i, l->files[i].name);

		if (c != NULL && stamp_same(&c->stamp, &l->files[i].stamp) &&
		    cache_covers(c, r->from, r->to)) {
			out->files[i] = *c;
			memset(c, 0, sizeof *c); /* taken */
			kept++;
		} else {
			todo[job.n_todo++] = i;
		}
	}
	job.todo = todo;
	if (job.n_todo > 0) {
		read_all(&job);
		r->rep->busy_read += job.n_todo;
		*changed = true;
	}
	if (old == NULL || kept != old->n_files)
		*changed = true; /* files gone since */
	r->rep->busy_files += l->n;
	free(todo);
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

/* One folder of sync.busy, listed (or why not). */
struct busy_folder {
	char path[PATH_MAX];
	int fd;
	bool listed;
	struct ics_vdir_list l;
};

/* Opens and lists each folder of sync.busy; returns how many there are. */
static size_t busy_list(struct sync_run *r, struct busy_folder *f)
{
	const char *p = plan_settings(r->p)->sync_busy;
	size_t n_f = 0;

	while (*p && n_f < MODEL_BUSY_MAX) {
		size_t n = strcspn(p, ":");
		char *one = xstrndup(p, n);
		struct busy_folder *bf = &f[n_f++];
		struct error err = { 0 };

		p += n + (p[n] == ':');
		bf->fd = -1;
		bf->listed = sync_expand(one, bf->path, &err) == 0 &&
			     ics_vdir_open(bf->path, false, &bf->fd, &err) == 0 &&
			     ics_vdir_list(bf->fd, bf->path, &bf->l, &err) == 0;
		if (!bf->listed)
			sync_item(r, SYNC_PROBLEM, NULL, "sync.busy: %s; its meetings stay as they "
				  "were", err.msg);
		free(one);
	}
	return n_f;
}

static void busy_unlist(struct busy_folder *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (f[i].listed)
			ics_vdir_list_free(&f[i].l);
		if (f[i].fd >= 0)
			close(f[i].fd);
	}
}

static uint64_t digest_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* What the busy time depends on: the window, the zone, each folder's files
 * and their stamps.  Equal to the last sync's: nothing to read or merge. */
static uint64_t busy_digest(const struct sync_run *r, const struct busy_folder *f, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = digest_add(h, &r->from, sizeof r->from);
	h = digest_add(h, &r->to, sizeof r->to);
	h = digest_add(h, r->zone_key, strlen(r->zone_key) + 1);
	for (size_t i = 0; i < n; i++) {
		h = digest_add(h, f[i].path, strlen(f[i].path) + 1);
		h = digest_add(h, &f[i].listed, sizeof f[i].listed);
		for (size_t k = 0; f[i].listed && k < f[i].l.n; k++) {
			const struct ics_vdir_file *lf = &f[i].l.files[k];
			int64_t st[] = { (int64_t)lf->stamp.dev, (int64_t)lf->stamp.ino,
					 (int64_t)lf->stamp.size, (int64_t)lf->stamp.mtime.tv_sec,
					 (int64_t)lf->stamp.mtime.tv_nsec };

			h = digest_add(h, lf->name, strlen(lf->name) + 1);
			h = digest_add(h, st, sizeof st);
		}
	}
	return h != 0 ? h : 1;
}

/* The folders into c, each file from old when unchanged. */
static void busy_dirs(struct sync_run *r, struct busy_folder *f, size_t n,
		      struct sync_busy_cache *old, struct sync_busy_cache *c, bool *changed)
{
	c->dirs = xcalloc(n + 1, sizeof *c->dirs);
	for (size_t i = 0; i < n; i++) {
		struct sync_busy_dir *nd = &c->dirs[c->n_dirs++];

		if (f[i].listed)
			busy_dir(r, f[i].fd, f[i].path, &f[i].l, cache_dir(old, f[i].path), nd,
				 changed);
		else
			dir_keep(cache_dir(old, f[i].path), nd, f[i].path);
	}
}

/* Each file that could not be read, kept in sync.json to be said again. */
static void busy_problems(struct sync_run *r, const struct sync_busy_cache *c)
{
	struct sync_state *s = r->state;
	size_t cap = 0;

	for (size_t i = 0; i < s->n_busy_problems; i++)
		free(s->busy_problems[i]);
	free(s->busy_problems);
	s->busy_problems = NULL;
	s->n_busy_problems = 0;
	for (size_t i = 0; i < c->n_dirs; i++) {
		for (size_t k = 0; k < c->dirs[i].n_files; k++) {
			const struct sync_busy_file *f = &c->dirs[i].files[k];
			char text[SYNC_PROBLEM_MAX + 1];

			if (f->problem == NULL)
				continue;
			snprintf(text, sizeof text, "%s/%s: %s", c->dirs[i].path, f->name, f->problem);
			s->busy_problems = xgrow(s->busy_problems, &cap, s->n_busy_problems + 1,
						 sizeof *s->busy_problems);
			s->busy_problems[s->n_busy_problems++] = xstrdup(text);
		}
	}
}

static void busy_said(struct sync_run *r)
{
	for (size_t i = 0; i < r->state->n_busy_problems; i++)
		sync_item(r, SYNC_PROBLEM, NULL, "%s; skipped", r->state->busy_problems[i]);
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

/* The busy vdirs read into c, from the cache where files are unchanged;
 * *changed says whether the weeks need them merged again. */
static void busy_read_all(struct sync_run *r, struct busy_folder *f, size_t n,
			  struct sync_busy_cache *c, bool *changed)
{
	struct sync_busy_cache *old = NULL;

	if (store_load_busy(r->app->boot.store, &old) == 0 && strcmp(old->zone, r->zone_key) != 0) {
		sync_busy_cache_free(old); /* times in another zone: read all again */
		old = NULL;
	}
	snprintf(c->zone, sizeof c->zone, "%s", r->zone_key);
	busy_dirs(r, f, n, old, c, changed);
	if (old == NULL || old->n_dirs != c->n_dirs)
		*changed = true;
	sync_busy_cache_free(old);
}

int sync_busy(struct sync_run *r, struct sync_busy_cache **cache, struct error *err)
{
	struct busy_folder f[MODEL_BUSY_MAX];
	struct sync_busy_cache *c;
	size_t n = busy_list(r, f);
	uint64_t digest = busy_digest(r, f, n);
	bool changed = r->state->from != r->from || r->state->to != r->to;

	(void)err;
	*cache = NULL;
	if (digest == r->state->busy_digest && !changed) {
		busy_unlist(f, n); /* not a file changed: nothing to read */
		busy_said(r);
		return 0;
	}
	c = xcalloc(1, sizeof *c);
	busy_read_all(r, f, n, c, &changed);
	busy_unlist(f, n);
	busy_problems(r, c);
	busy_said(r);
	if (changed && busy_merge(r, c) != 0) {
		/* The weeks do not hold it: read all again next time. */
		r->state->busy_digest = 0;
		sync_busy_cache_free(c);
		return 0;
	}
	r->state->busy_digest = digest;
	*cache = c;
	return 0;
}
