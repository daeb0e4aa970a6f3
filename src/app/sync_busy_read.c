/* sync_busy_read.c - a shard of the busy cache made again: each of its
 * files taken from the cache while its stamp is the same and the cache
 * holds the window's days of it, else read (on up to one thread per core:
 * a first read is the whole calendar, 20,000 files for ten years). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sync_busy_int.h"
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
			continue;
		at = (size_t)name_hash(d->files[i].name) & x->mask;
		while (x->slots[at] != 0)
			at = (at + 1) & x->mask;
		x->slots[at] = i + 1;
	}
}

static struct sync_busy_file *index_find(const struct name_index *x, struct sync_busy_dir *d,
					 const char *name)
{
	size_t at;

	if (d == NULL || d->n_files == 0)
		return NULL;
	for (at = (size_t)name_hash(name) & x->mask; x->slots[at] != 0; at = (at + 1) & x->mask) {
		struct sync_busy_file *f = &d->files[x->slots[at] - 1];

		if (f->name != NULL && strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
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

static struct sync_busy_dir *cache_dir(struct sync_busy_cache *c, const char *path)
{
	for (size_t i = 0; c != NULL && i < c->n_dirs; i++)
		if (c->dirs[i].path != NULL && strcmp(c->dirs[i].path, path) == 0)
			return &c->dirs[i];
	return NULL;
}

/* Moves a folder's cached files as they are (the folder cannot be read now). */
static void dir_keep(struct sync_busy_dir *old, struct sync_busy_dir *out)
{
	if (old == NULL)
		return;
	out->files = old->files;
	out->n_files = old->n_files;
	old->files = NULL;
	old->n_files = 0;
}

static void todo_add(struct busy_run *b, const struct busy_folder *f, size_t i,
		     struct sync_busy_file *dst)
{
	b->todo = xgrow(b->todo, &b->cap_todo, b->n_todo + 1, sizeof *b->todo);
	b->todo[b->n_todo++] = (struct busy_todo){ .dirfd = f->fd, .path = f->path,
						    .lf = &f->l.files[i], .dst = dst };
}

/* The files of shard k in folder f into out, from od where unchanged. */
static void shard_folder(struct busy_run *b, int k, const struct busy_folder *f,
			 struct sync_busy_dir *od, struct sync_busy_dir *out)
{
	struct name_index x = { 0 };
	size_t n = 0, kept = 0;

	for (size_t i = 0; i < f->l.n; i++)
		n += f->shard[i] == k;
	out->files = xcalloc(n + 1, sizeof *out->files);
	if (od != NULL && od->n_files > 0)
		index_build(&x, od);
	for (size_t i = 0; i < f->l.n; i++) {
		struct sync_busy_file *c, *dst;

		if (f->shard[i] != k)
			continue;
		c = index_find(&x, od, f->l.files[i].name);
		dst = &out->files[out->n_files++];
		if (c != NULL && stamp_same(&c->stamp, &f->l.files[i].stamp) &&
		    cache_covers(c, b->r->from, b->r->to)) {
			*dst = *c;
			memset(c, 0, sizeof *c); /* taken */
			kept++;
		} else {
			todo_add(b, f, i, dst);
		}
	}
	if (od != NULL && kept != od->n_files)
		b->changed = true; /* files gone, or read again */
	free(x.slots);
}

void busy_shard_make(struct busy_run *b, int k)
{
	struct sync_busy_cache *now = xcalloc(1, sizeof *now);

	snprintf(now->zone, sizeof now->zone, "%s", b->r->zone_key);
	now->dirs = xcalloc(b->n_f + 1, sizeof *now->dirs);
	for (size_t d = 0; d < b->n_f; d++) {
		struct sync_busy_dir *od = cache_dir(b->old[k], b->f[d].path);
		struct sync_busy_dir *nd = &now->dirs[now->n_dirs++];

		nd->path = xstrdup(b->f[d].path);
		if (b->f[d].listed)
			shard_folder(b, k, &b->f[d], od, nd);
		else
			dir_keep(od, nd);
	}
	b->now[k] = now;
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
static void busy_read(const struct busy_todo *t, date_t from, date_t to)
{
	struct sync_busy_file *f = t->dst;
	char shown[PATH_MAX + 256], *text;
	struct ics_busy b;
	struct error err = { 0 };
	size_t len;

	memset(f, 0, sizeof *f);
	f->name = xstrdup(t->lf->name);
	f->stamp = t->lf->stamp;
	f->from = from;
	f->to = to;
	snprintf(shown, sizeof shown, "%s/%s", t->path, t->lf->name);
	if (ics_vdir_read(t->dirfd, t->lf->name, shown, &text, &len, &f->stamp, &err) != 0) {
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
	f->problem = b.problem; /* some events skipped: the rest is read */
	b.problem = NULL;
	f->events = xcalloc(b.n_events + 1, sizeof *f->events);
	for (size_t i = 0; i < b.n_events; i++)
		event_take(&f->events[f->n_events++], &b.events[i]);
	ics_busy_clear(&b);
}

struct read_job {
	const struct busy_todo *todo;
	size_t n;
	date_t from, to;
	atomic_size_t next;      /* the next file a worker takes */
};

static void *read_worker(void *arg)
{
	struct read_job *job = arg;
	size_t k;

	while ((k = atomic_fetch_add(&job->next, 1)) < job->n)
		busy_read(&job->todo[k], job->from, job->to);
	return NULL;
}

void busy_read_todo(struct busy_run *b)
{
	struct read_job job = { .todo = b->todo, .n = b->n_todo, .from = b->r->from,
				.to = b->r->to + REPEAT_AHEAD_DAYS };
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = b->n_todo / READ_FILES_PER_THREAD, started = 0;
	pthread_t tid[READ_THREADS_MAX];

	if (b->n_todo == 0)
		return;
	atomic_init(&job.next, 0);
	/* libical is loaded here, once, before any thread reads a file (when it
	 * cannot be, each file says so). */
	ics_lib_ready(NULL);
	if (want > READ_THREADS_MAX)
		want = READ_THREADS_MAX;
	if (cores > 0 && want > (size_t)cores)
		want = (size_t)cores;
	while (started + 1 < want && pthread_create(&tid[started], NULL, read_worker, &job) == 0)
		started++;
	read_worker(&job);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	b->r->rep->busy_read += b->n_todo;
	b->changed = true;
}
