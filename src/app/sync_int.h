/* sync_int.h - what the calendar sync's files share (app_sync.c,
 * sync_blocks.c, sync_busy.c), and their tests; no one else. */
#ifndef FOCUSWEEK_SYNC_INT_H
#define FOCUSWEEK_SYNC_INT_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "app_int.h"
#include "app_sync.h"
#include "buf.h"
#include "store_sync.h"

#define SYNC_ZONE_NAME_MAX 80

/* One sync under way. */
struct sync_run {
	struct app *app;
	struct app_txn *tx;            /* the change it makes, or NULL (follow) */
	const struct plan *p;          /* the plan as the change sees it */
	struct sync_state *state;      /* sync.json, changed as the sync goes */
	struct app_sync_report *rep;
	bool follow;                   /* the planner after a change: writing only */
	date_t from, to;               /* the window: whole weeks */
	struct week **weeks;           /* the window's weeks (the change's, or copies) */
	size_t n_weeks;
	char blocks_path[PATH_MAX];    /* sync.blocks, "~/" expanded, or "" */
	int blocks_fd;                 /* that folder, or -1 */
	char zone_key[SYNC_ZONE_MAX];  /* the local zone as the system names it */
	char zone_buf[SYNC_ZONE_NAME_MAX];
	const char *zone;              /* the zone the files are written in (NULL: UTC) */
	bool zone_known;               /* zone was looked up */
	bool touched;                  /* this change writes weeks (applied, merged) */
	instant_t now;
};

/* ---- app_sync.c ---- */
/* An item of the report, as printf. */
void sync_item(struct sync_run *r, enum app_sync_kind kind, const char *id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* "~/x" with $HOME, else path as it is, into out (PATH_MAX). */
int sync_expand(const char *path, char *out, struct error *err);
/* The window's weeks, read now if they were not (r->weeks, r->n_weeks). */
int sync_weeks(struct sync_run *r, struct error *err);
/* The local zone's name, as a number (never 0). */
uint64_t sync_zone_hash(const struct sync_run *r);
/* The week of day d among the window's, or NULL. */
struct week *sync_week_of(struct sync_run *r, date_t d);
/* The block `id` in the window's weeks, or NULL. */
const struct block *sync_block(const struct sync_run *r, const char *id);
/* "Tue 1 Dec 09:00-10:30 \"title\"" for messages. */
void sync_when(const struct sync_run *r, date_t date, int start, int end, const char *title,
	       struct buf *out);

/* ---- sync_blocks.c: the blocks' vdir ---- */
/* What the calendar changed in the blocks' files, applied or reported. */
int sync_blocks_in(struct sync_run *r, struct error *err);
/* Each block's file written, or removed, as the blocks are now. */
int sync_blocks_out(struct sync_run *r, struct error *err);
/* Notes in sync.json the files the blocks' files now follow (plan.json, the
 * window's weeks, as the store last saw them), or, when !known (weeks
 * written by this change), that they are not known. */
void sync_seen_note(struct sync_run *r, bool known);
/* What a block's file shows of it, as a number: equal numbers, equal files. */
uint64_t sync_fingerprint(struct sync_run *r, const struct block *b);

/* ---- sync_busy.c: the busy vdirs ---- */
/* Reads what changed in the busy vdirs and puts their meetings in the
 * window's weeks; save[k] is shard k of the busy cache to keep once the
 * change is written (NULL: unchanged). */
int sync_busy(struct sync_run *r, struct sync_busy_cache *save[SYNC_BUSY_SHARDS],
	      struct error *err);

#endif
