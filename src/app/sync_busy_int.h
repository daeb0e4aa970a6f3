/* sync_busy_int.h - what the files of the busy time share (sync_busy.c,
 * sync_busy_read.c, sync_busy_merge.c); no one else. */
#ifndef FOCUSWEEK_SYNC_BUSY_INT_H
#define FOCUSWEEK_SYNC_BUSY_INT_H

#include "ics.h"
#include "sync_int.h"

#define BUSY_SHARDS SYNC_BUSY_SHARDS

/* One folder of sync.busy, listed (or why not). */
struct busy_folder {
	char path[PATH_MAX];
	int fd;
	bool listed;
	struct ics_vdir_list l;
	unsigned char *shard;        /* the cache shard of each listed file */
};

/* A file to read, and where its reading goes. */
struct busy_todo {
	int dirfd;
	const char *path;
	const struct ics_vdir_file *lf;
	struct sync_busy_file *dst;
};

/* The busy time of one sync. */
struct busy_run {
	struct sync_run *r;
	struct busy_folder f[MODEL_BUSY_MAX];
	size_t n_f;
	uint64_t digest;                          /* of all it depends on */
	uint64_t shard_digest[BUSY_SHARDS];       /* of each shard's files */
	bool full;                                /* every shard made again */
	bool redo[BUSY_SHARDS];                   /* shards made again */
	bool loaded[BUSY_SHARDS];                 /* old[] read from the cache */
	struct sync_busy_cache *old[BUSY_SHARDS]; /* as kept (or NULL) */
	struct sync_busy_cache *now[BUSY_SHARDS]; /* the shards made again */
	struct busy_todo *todo;                   /* files to read */
	size_t n_todo, cap_todo;
	bool changed;                             /* a file read or gone */
};

/* ---- sync_busy_read.c ---- */
/* Makes shard k again (b->now[k]): each of its files from b->old[k] when
 * unchanged, else noted to read (b->todo). */
void busy_shard_make(struct busy_run *b, int k);
/* Reads the files noted, on up to one thread per core. */
void busy_read_todo(struct busy_run *b);

/* ---- sync_busy_merge.c ---- */
/* The window's meetings of the UIDs the shards made again hold (or held),
 * as the calendars have them now; sync.json's UIDs follow.  Fails (said in
 * the report) when the weeks cannot take them. */
int busy_merge(struct busy_run *b);
/* The shard of a folder's file. */
int busy_shard_of(const char *path, const char *name);

#endif
