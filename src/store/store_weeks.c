/* store_weeks.c - many weeks read at once, on up to one thread per core. */
#include "store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "store_int.h"
#include "xalloc.h"

#define LOAD_THREADS_MAX 4
#define LOAD_WEEKS_PER_THREAD 8 /* fewer weeks than this per thread: not worth one */

/* One week's read: what a worker found, kept for the caller's thread. */
struct load_item {
	int key;
	struct store_week_file f;
	struct error *err;        /* the failure, allocated; NULL when read */
};

struct load_job {
	const struct store *st;
	const struct plan *p;
	struct load_item *items;
	size_t n;
	atomic_size_t next;   /* the next item a worker takes */
};

/* Reads and decodes one week; touches nothing shared but its own item. */
static void load_one(struct load_job *job, size_t i)
{
	struct load_item *it = &job->items[i];
	struct error err;

	if (store_week_file(job->st, job->p, it->key, &it->f, &err) != 0) {
		it->err = xmalloc(sizeof *it->err);
		*it->err = err;
	}
}

static void *load_worker(void *arg)
{
	struct load_job *job = arg;
	size_t i;

	while ((i = atomic_fetch_add(&job->next, 1)) < job->n)
		load_one(job, i);
	return NULL;
}

static size_t load_threads(size_t n)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t t = n / LOAD_WEEKS_PER_THREAD;

	if (cores < 1)
		cores = 1;
	if (t > (size_t)cores)
		t = (size_t)cores;
	if (t > LOAD_THREADS_MAX)
		t = LOAD_THREADS_MAX;
	return t < 1 ? 1 : t;
}

/* The workers, this thread one of them. */
static void load_run(struct load_job *job)
{
	pthread_t tid[LOAD_THREADS_MAX];
	size_t started = 0, want = load_threads(job->n);

	while (started + 1 < want && pthread_create(&tid[started], NULL, load_worker, job) == 0)
		started++;
	load_worker(job);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

/* In this thread, in order: stamps, newer files, the first error. */
static int load_finish(struct store *st, const struct plan *p, struct load_job *job,
		       struct week **out, struct error *err)
{
	int rc = 0;

	for (size_t i = 0; i < job->n; i++) {
		struct load_item *it = &job->items[i];
		bool ok = rc == 0 && it->err == NULL;

		if (store_week_settle(st, p, it->key, &it->f, ok, &out[i]) != 0) {
			if (rc == 0)
				*err = *it->err;
			rc = -1;
			week_free(it->f.week);
		}
		free(it->err);
	}
	if (rc != 0)
		for (size_t i = 0; i < job->n; i++) {
			week_free(out[i]);
			out[i] = NULL;
		}
	return rc;
}

int store_load_weeks(struct store *st, const struct plan *p, int first, size_t n,
		     struct week **out, struct error *err)
{
	struct load_job job = { .st = st, .p = p, .n = n };
	int rc;

	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	job.items = xcalloc(n, sizeof *job.items);
	for (size_t i = 0; i < n; i++, first = date_week_add(first, 1))
		job.items[i].key = first;
	atomic_init(&job.next, 0);
	load_run(&job);
	rc = load_finish(st, p, &job, out, err);
	free(job.items);
	return rc;
}
