/* store_sync.h - what the calendar sync (app_sync.h) remembers between
 * runs, kept in the data folder:
 *
 *   sync.json       the blocks' files it wrote (which, as what, their
 *                   stamps), the meetings it put in the window, and what
 *                   the last sync did.  Data: saved durably, in the same
 *                   transaction as the weeks a sync changes.
 *   cache/busy-NN.json  the files of the busy calendars already read, with
 *                   their stamps and what they hold in the window, shared
 *                   out by name into SYNC_BUSY_SHARDS files (NN: 00..3f) so
 *                   that a change reads and writes one of them.  Derived:
 *                   written without fsync, never an error to lose (the
 *                   next sync reads those files again).
 *
 * The app fills these; the store reads and writes them (codec_sync.c,
 * codec_busy.c, store_sync.c).
 */
#ifndef FOCUSWEEK_STORE_SYNC_H
#define FOCUSWEEK_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "date.h"
#include "error.h"
#include "fsio.h"
#include "model.h"

#define SYNC_SCHEMA 1
#define SYNC_FILES_MAX 200000    /* blocks' files a sync keeps track of */
#define SYNC_BUSY_UIDS_MAX 200000 /* meetings' UIDs in the window */
#define SYNC_UID_MAX 255         /* bytes in a UID kept (ics.h: at most 255) */
#define SYNC_SUMMARY_MAX 200     /* bytes of what the last sync did */
#define SYNC_PROBLEM_MAX 2000    /* bytes of one busy file's problem, with its name */
#define SYNC_BUSY_SHARDS 64      /* files of the busy cache (a power of two) */

/* A block's file in the blocks vdir, as the sync last wrote or read it. */
struct sync_file {
	char id[MODEL_ID_MAX];  /* the block's short id */
	char *name;             /* the file's name in the folder ("UID.ics") */
	uint64_t fp;            /* the block as written (app_sync: what a file shows of it) */
	struct stamp stamp;     /* the file then: dev, inode, size, mtime (no ctime) */
	date_t date;            /* the event as written, read back as a calendar */
	int start, end;         /*   reads it: a change of these in the file */
	char *title;            /*   was made in the calendar */
	bool gone;              /* deleted in the calendar while the block was done:
				   not written again until it changes here */
};

/* What the blocks' files were last found to follow (sync_blocks.c): while
 * plan.json and the window's week files are these, and the zone too, no
 * block has changed and none is written. */
struct sync_seen {
	uint64_t zone;          /* of the local zone's name (0: nothing seen) */
	struct stamp plan;      /* plan.json */
	int *keys;              /* the window's weeks, in order */
	struct stamp *weeks;    /* their files (exists false: no file) */
	size_t n;
};

struct sync_state {
	char *blocks_dir;       /* sync.blocks the files were written to, or NULL */
	date_t from, to;        /* the window of the last sync (from > to: none yet) */
	struct sync_file *files; /* by id */
	size_t n_files;
	char **busy;            /* UIDs of the meetings the last sync put in the window,
				   sorted, once each */
	uint64_t *busy_from;    /* for each, the shards of the busy cache (bits) whose
				   files hold it */
	size_t n_busy;
	uint64_t busy_digest;   /* of the busy vdirs' listings, stamps, window and zone
				   when last read (0: none): equal, nothing to read */
	uint64_t busy_shards[SYNC_BUSY_SHARDS]; /* the same of each shard's files
				   (all 0: none kept) */
	char **busy_problems;   /* the busy files that could not be read then, each
				   "FILE: why" */
	size_t n_busy_problems;
	struct sync_seen seen;  /* the files the blocks' files follow, when known */
	instant_t at;           /* when the last sync ran (0: never) */
	char summary[SYNC_SUMMARY_MAX]; /* what it did, e.g. "2 written, 1 back" */
	int problems;           /* what it could not do, counted */
};

/* A busy calendar's event, as the import reads it (struct ics_event). */
struct sync_busy_event {
	char *uid, *title, *location;
	bool all_day;
	date_t first, last;
	int start, end;
};

/* One file of a busy vdir as last read. */
struct sync_busy_file {
	char *name;
	struct stamp stamp;     /* dev, inode, size, mtime when read */
	bool whole;             /* nothing in it repeats: all it holds lies in lo..hi */
	date_t lo, hi;          /* (lo > hi: nothing) */
	date_t from, to;        /* the days its events were read for */
	struct sync_busy_event *events;
	size_t n_events;
	char *problem;          /* why it could not be read, or NULL */
};

struct sync_busy_dir {
	char *path;             /* as the settings give it, "~/" expanded */
	struct sync_busy_file *files; /* in the folder's order when read */
	size_t n_files;
};

#define SYNC_ZONE_MAX 128

struct sync_busy_cache {
	char zone[SYNC_ZONE_MAX]; /* the local zone the times are in (TZ, /etc/localtime) */
	struct sync_busy_dir *dirs;
	size_t n_dirs;
};

struct store;
struct store_txn;

/* sync.json, or an empty state (never synced) when there is none. */
int store_load_sync(struct store *st, struct sync_state **out, struct error *err);
/* Saves sync.json durably on its own, or as part of a transaction. */
int store_save_sync(struct store *st, const struct sync_state *s, struct error *err);
void store_txn_sync(struct store_txn *tx, const struct sync_state *s);
/* Has another program written sync.json since we last read or wrote it? */
bool store_sync_changed(struct store *st);
void sync_state_free(struct sync_state *s);
struct sync_state *sync_state_new(void);

/* Shard `shard` of the busy cache: 0 and *out, or 1 when there is none that
 * can be used (missing, damaged, of another version): never an error. */
int store_load_busy(struct store *st, int shard, struct sync_busy_cache **out);
/* Keeps c as that shard (quickly: see above); does nothing when it cannot. */
void store_save_busy(struct store *st, int shard, const struct sync_busy_cache *c);
void sync_busy_cache_free(struct sync_busy_cache *c);
void sync_busy_file_clear(struct sync_busy_file *f);

#endif
