/* store_sync.c - sync.json, saved as every data file is, and the busy
 * calendars' cache cache/busy.json, saved as the review's digests are
 * (store_sync.h). */
#include "store_sync.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "store.h"
#include "store_int.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- values */

struct sync_state *sync_state_new(void)
{
	struct sync_state *s = xcalloc(1, sizeof *s);

	s->from = 1;
	s->to = 0; /* no window yet */
	return s;
}

void sync_state_free(struct sync_state *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n_files; i++) {
		free(s->files[i].name);
		free(s->files[i].title);
	}
	for (size_t i = 0; i < s->n_busy; i++)
		free(s->busy[i]);
	free(s->busy_from);
	for (size_t i = 0; i < s->n_busy_problems; i++)
		free(s->busy_problems[i]);
	free(s->files);
	free(s->busy);
	free(s->busy_problems);
	free(s->seen.keys);
	free(s->seen.weeks);
	free(s->blocks_dir);
	free(s);
}

void sync_busy_file_clear(struct sync_busy_file *f)
{
	for (size_t i = 0; i < f->n_events; i++) {
		free(f->events[i].uid);
		free(f->events[i].title);
		free(f->events[i].location);
	}
	free(f->events);
	free(f->name);
	free(f->problem);
	memset(f, 0, sizeof *f);
}

void sync_busy_cache_free(struct sync_busy_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n_dirs; i++) {
		for (size_t k = 0; k < c->dirs[i].n_files; k++)
			sync_busy_file_clear(&c->dirs[i].files[k]);
		free(c->dirs[i].files);
		free(c->dirs[i].path);
	}
	free(c->dirs);
	free(c);
}

/* ---------------------------------------------------------------- sync.json */

int store_load_sync(struct store *st, struct sync_state **out, struct error *err)
{
	char shown[PATH_MAX], *data;
	size_t len;
	bool newer;
	int rc;

	*out = NULL;
	rc = store_read(st, st->dirfd, SYNC_FILE, SYNC_FILE, SYNC_MAX, &data, &len, err);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		*out = sync_state_new();
		return 0;
	}
	store_shown(st, SYNC_FILE, shown, sizeof shown);
	rc = codec_sync_read(data, len, shown, out, &newer, err);
	free(data);
	if (rc == 0 && newer)
		store_note_newer(st, SYNC_FILE);
	return rc;
}

int store_save_sync(struct store *st, const struct sync_state *s, struct error *err)
{
	size_t len;
	char *data = codec_sync_write(s, &len);
	int rc = store_put(st, SYNC_FILE, data, len, err);

	free(data);
	return rc;
}

void store_txn_sync(struct store_txn *tx, const struct sync_state *s)
{
	size_t len;
	char *data = codec_sync_write(s, &len);

	store_txn_add(tx, SYNC_FILE, data, len);
}

/* ---------------------------------------------------------------- the cache */

/* "busy-3f.json" */
static void busy_leaf(int shard, char out[32])
{
	snprintf(out, 32, "busy-%02x.json", (unsigned)shard & (SYNC_BUSY_SHARDS - 1));
}

int store_load_busy(struct store *st, int shard, struct sync_busy_cache **out)
{
	char shown[PATH_MAX], leaf[32], rel[48], *data;
	struct stamp stamp;
	struct error err;
	size_t len;
	int rc;

	*out = NULL;
	if (store_cache_dir(st, false) < 0)
		return 1;
	busy_leaf(shard, leaf);
	snprintf(rel, sizeof rel, CACHE_DIR "/%s", leaf);
	store_shown(st, rel, shown, sizeof shown);
	if (fsio_read(st->cachefd, leaf, shown, BUSY_MAX, &data, &len, &stamp, &err) != 0)
		return 1;
	/* A cache that cannot be used is read again from the calendars. */
	rc = codec_busy_read(data, len, shown, out, &err);
	free(data);
	return rc == 0 ? 0 : 1;
}

void store_save_busy(struct store *st, int shard, const struct sync_busy_cache *c)
{
	char leaf[32];
	size_t len = 0;
	char *data;

	if (st->readonly || store_cache_dir(st, true) < 0)
		return;
	busy_leaf(shard, leaf);
	data = codec_busy_write(c, &len);
	if (data != NULL && len <= BUSY_MAX)
		fsio_put_quick(st->io, st->cachefd, leaf, data, len);
	free(data);
}
