/* sync_busy.c - the busy vdirs: real calendars read as busy time.
 *
 * Every file of the folders is listed with its stamp (device, inode, size,
 * mtime).  sync.json keeps a digest of it all (the listing, the stamps,
 * the window, the zone): when it is the same, nothing is read.  Else the
 * files are shared out by name into the shards of the busy cache, each
 * with its own digest: only the shards whose files changed are read from
 * the cache, made again (a file read only when its stamp differs, or when
 * the window reaches days it was not read for) and written back, and the
 * window's meetings of their UIDs replaced (sync_busy_merge.c), so that an
 * event deleted upstream disappears.  A window that moved makes them all
 * again.  A file that cannot be read is reported with its name at each
 * sync, and the rest still syncs; a folder that cannot be listed keeps the
 * meetings it gave before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sync_busy_int.h"
#include "xalloc.h"

#define DIGEST_BASIS 0xcbf29ce484222325ULL
#define DIGEST_PRIME 0x100000001b3ULL
#define PROBLEM_SHARD_DIGITS 3 /* "3f " before a problem in sync.json */

/* ---------------------------------------------------------------- listing */

/* Opens and lists each folder of sync.busy, each file with its shard. */
static void busy_list(struct busy_run *b)
{
	const char *p = plan_settings(b->r->p)->sync_busy;

	while (*p && b->n_f < MODEL_BUSY_MAX) {
		size_t n = strcspn(p, ":");
		char *one = xstrndup(p, n);
		struct busy_folder *f = &b->f[b->n_f++];
		struct error err = { 0 };

		p += n + (p[n] == ':');
		f->fd = -1;
		f->listed = sync_expand(one, f->path, &err) == 0 &&
			    ics_vdir_open(f->path, false, &f->fd, &err) == 0 &&
			    ics_vdir_list(f->fd, f->path, &f->l, &err) == 0;
		if (!f->listed)
			sync_item(b->r, SYNC_PROBLEM, NULL, "sync.busy: %s; its meetings stay as "
				  "they were", err.msg);
		f->shard = xcalloc(f->listed ? f->l.n + 1 : 1, 1);
		for (size_t i = 0; f->listed && i < f->l.n; i++)
			f->shard[i] = (unsigned char)busy_shard_of(f->path, f->l.files[i].name);
		free(one);
	}
}

static uint64_t digest_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ c[i]) * DIGEST_PRIME;
	return h;
}

/* Each shard's files and stamps (and the zone their times are in), and
 * all of it with the folders and the window. */
static void busy_digests(struct busy_run *b)
{
	const struct sync_run *r = b->r;
	uint64_t h = DIGEST_BASIS;

	for (int k = 0; k < BUSY_SHARDS; k++)
		b->shard_digest[k] = digest_add(DIGEST_BASIS, r->zone_key, strlen(r->zone_key) + 1);
	for (size_t i = 0; i < b->n_f; i++) {
		for (size_t k = 0; b->f[i].listed && k < b->f[i].l.n; k++) {
			const struct ics_vdir_file *lf = &b->f[i].l.files[k];
			uint64_t *d = &b->shard_digest[b->f[i].shard[k]];
			int64_t st[] = { (int64_t)lf->stamp.dev, (int64_t)lf->stamp.ino,
					 (int64_t)lf->stamp.size, (int64_t)lf->stamp.mtime.tv_sec,
					 (int64_t)lf->stamp.mtime.tv_nsec };

			*d = digest_add(*d, b->f[i].path, strlen(b->f[i].path) + 1);
			*d = digest_add(*d, lf->name, strlen(lf->name) + 1);
			*d = digest_add(*d, st, sizeof st);
		}
		h = digest_add(h, b->f[i].path, strlen(b->f[i].path) + 1);
		h = digest_add(h, &b->f[i].listed, sizeof b->f[i].listed);
	}
	h = digest_add(h, &r->from, sizeof r->from);
	h = digest_add(h, &r->to, sizeof r->to);
	b->digest = digest_add(h, b->shard_digest, sizeof b->shard_digest);
	if (b->digest == 0)
		b->digest = 1; /* 0 is "none" */
}

static void busy_unlist(struct busy_run *b)
{
	for (size_t i = 0; i < b->n_f; i++) {
		if (b->f[i].listed)
			ics_vdir_list_free(&b->f[i].l);
		if (b->f[i].fd >= 0)
			close(b->f[i].fd);
		free(b->f[i].shard);
	}
}

/* ---------------------------------------------------------------- problems */

/* What could not be read, kept in sync.json to be said at each sync: the
 * problems of the shards made again are taken again from them. */
static void busy_problems(struct busy_run *b)
{
	struct sync_state *s = b->r->state;
	char **keep = xcalloc(s->n_busy_problems + 1, sizeof *keep);
	size_t n = 0, cap = s->n_busy_problems + 1;

	for (size_t i = 0; i < s->n_busy_problems; i++) {
		int k = (int)strtol(s->busy_problems[i], NULL, 16);

		if (k >= 0 && k < BUSY_SHARDS && !b->redo[k])
			keep[n++] = s->busy_problems[i];
		else
			free(s->busy_problems[i]);
	}
	for (int k = 0; k < BUSY_SHARDS; k++) {
		const struct sync_busy_cache *c = b->redo[k] ? b->now[k] : NULL;

		for (size_t d = 0; c != NULL && d < c->n_dirs; d++) {
			for (size_t i = 0; i < c->dirs[d].n_files; i++) {
				const struct sync_busy_file *f = &c->dirs[d].files[i];
				char text[SYNC_PROBLEM_MAX + 1];

				if (f->problem == NULL)
					continue;
				snprintf(text, sizeof text, "%02x %s/%s: %s", (unsigned)k,
					 c->dirs[d].path, f->name, f->problem);
				keep = xgrow(keep, &cap, n + 1, sizeof *keep);
				keep[n++] = xstrdup(text);
			}
		}
	}
	free(s->busy_problems);
	s->busy_problems = keep;
	s->n_busy_problems = n;
}

static void busy_said(struct sync_run *r)
{
	for (size_t i = 0; i < r->state->n_busy_problems; i++) {
		const char *p = r->state->busy_problems[i];

		if (strlen(p) > PROBLEM_SHARD_DIGITS)
			sync_item(r, SYNC_PROBLEM, NULL, "%s; skipped", p + PROBLEM_SHARD_DIGITS);
	}
}

/* ---------------------------------------------------------------- shards */

/* Which shards are made again: all when the window moved, a folder cannot
 * be listed or no shard was kept; else those whose files changed. */
static void busy_choose(struct busy_run *b)
{
	const struct sync_state *s = b->r->state;
	bool kept = false;

	for (int k = 0; k < BUSY_SHARDS; k++)
		kept |= s->busy_shards[k] != 0;
	b->full = !kept || s->from != b->r->from || s->to != b->r->to;
	for (size_t i = 0; i < b->n_f; i++)
		b->full |= !b->f[i].listed;
	for (int k = 0; k < BUSY_SHARDS; k++)
		b->redo[k] = b->full || s->busy_shards[k] != b->shard_digest[k];
}

static void busy_make(struct busy_run *b)
{
	for (int k = 0; k < BUSY_SHARDS; k++) {
		if (!b->redo[k])
			continue;
		if (store_load_busy(b->r->app->boot.store, k, &b->old[k]) == 0 &&
		    strcmp(b->old[k]->zone, b->r->zone_key) != 0) {
			sync_busy_cache_free(b->old[k]); /* times in another zone: read again */
			b->old[k] = NULL;
		}
		b->loaded[k] = true;
		busy_shard_make(b, k);
	}
	busy_read_todo(b);
	for (size_t i = 0; i < b->n_f; i++)
		b->r->rep->busy_files += b->f[i].listed ? b->f[i].l.n : 0;
}

static void busy_free(struct busy_run *b)
{
	for (int k = 0; k < BUSY_SHARDS; k++) {
		sync_busy_cache_free(b->old[k]);
		sync_busy_cache_free(b->now[k]);
	}
	free(b->todo);
}

int sync_busy(struct sync_run *r, struct sync_busy_cache *save[SYNC_BUSY_SHARDS],
	      struct error *err)
{
	struct busy_run *b = xcalloc(1, sizeof *b);
	int rc = 0;

	memset(save, 0, SYNC_BUSY_SHARDS * sizeof *save);
	b->r = r;
	busy_list(b);
	busy_digests(b);
	if (b->digest == r->state->busy_digest) {
		busy_said(r); /* not a file changed: nothing to read */
	} else {
		busy_choose(b);
		busy_make(b);
		busy_problems(b);
		busy_said(r);
		if ((b->full || b->changed) && sync_weeks(r, err) != 0) {
			rc = -1;
		} else if ((b->full || b->changed) && busy_merge(b) != 0) {
			/* The weeks do not hold it: all of it again next time. */
			r->state->busy_digest = 0;
			memset(r->state->busy_shards, 0, sizeof r->state->busy_shards);
		} else {
			r->state->busy_digest = b->digest;
			memcpy(r->state->busy_shards, b->shard_digest, sizeof b->shard_digest);
			for (int k = 0; k < BUSY_SHARDS; k++) {
				save[k] = b->now[k];
				b->now[k] = NULL;
			}
		}
	}
	busy_unlist(b);
	busy_free(b);
	free(b);
	return rc;
}
