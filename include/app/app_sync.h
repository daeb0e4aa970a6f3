/* app_sync.h - calendar sync through vdirs: the blocks out to a calendar
 * and back, real meetings in as busy time.
 *
 * A vdir is a folder of one calendar object per .ics file; vdirsyncer
 * keeps one in step with a CalDAV server, khal reads one.  `sync.blocks`
 * names the vdir focusweek owns: one "UID.ics" per block of the window
 * (the weeks `sync.window` says, around this one), skipped blocks and
 * meetings left out.  `sync.busy` names the vdirs of real calendars whose
 * events become read-only meetings in the window.
 *
 * A sync, as one change of the data folder:
 *  1. reads back the blocks' files a calendar changed since they were
 *     written: a move or a new title is applied when the rules take it,
 *     and reported, the file left as it is, when they refuse it; a file
 *     deleted (or an event cancelled) there marks its block skipped (a
 *     done block stays done and its file stays deleted).  When a block
 *     changed here too, focusweek's side wins: its file is written again,
 *     and the calendar's change is listed as lost;
 *  2. reads the busy vdirs, each file only when its size, mtime or inode
 *     changed, and replaces the window's meetings of their UIDs;
 *  3. writes each block whose file would differ (temp file, rename), and
 *     removes the files of blocks deleted here, moved out of the window
 *     or skipped.  A file focusweek did not write is never touched.
 * In the planner, every saved change of weeks writes the blocks' files
 * at once (step 3 alone, never over a file the calendar changed).
 */
#ifndef FOCUSWEEK_APP_SYNC_H
#define FOCUSWEEK_APP_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "clock.h"
#include "date.h"
#include "error.h"

/* What one thing of a sync was. */
enum app_sync_kind {
	SYNC_BACK,      /* a calendar's change applied to a block */
	SYNC_DELETED,   /* a block deleted (or cancelled) in the calendar */
	SYNC_REFUSED,   /* a calendar's change the rules refuse: left for the user */
	SYNC_CONFLICT,  /* changed on both sides: focusweek's kept, the calendar's lost */
	SYNC_PROBLEM,   /* a file that cannot be read or written: skipped */
	SYNC_KINDS
};

struct app_sync_item {
	enum app_sync_kind kind;
	char id[MODEL_ID_MAX];   /* the block, or "" */
	char text[480];          /* one line: what and why (user text not yet made safe) */
};

struct app_sync_report {
	date_t from, to;         /* the window */
	bool blocks, busy;       /* sync.blocks, sync.busy were set */
	size_t written, removed, unchanged; /* blocks' files */
	size_t busy_files, busy_read;       /* files of the busy vdirs, and those read now */
	size_t busy_meetings;               /* meetings from them in the window */
	size_t busy_added, busy_removed, busy_changed; /* since the last sync */
	size_t overlaps;                    /* meetings put over planned blocks now */
	size_t n_kind[SYNC_KINDS];
	struct app_sync_item *items;        /* in the order they happened */
	size_t n_items;
	char summary[200];       /* "2 written, 1 back, busy: 1 added", or "nothing changed" */
};

/*
 * Syncs now (see above).  Refused with the way out when neither
 * sync.blocks nor sync.busy is set.  A file that cannot be read or
 * written is reported in rep and skipped; the sync fails (err) only when
 * a whole folder cannot be used or the data folder refuses the change.
 * app_sync_report_clear(rep) afterwards, either way.
 */
int app_sync(struct app *app, struct app_sync_report *rep, struct app_result *res,
	     struct error *err);
void app_sync_report_clear(struct app_sync_report *rep);

/* The last sync, as sync.json records it: for status lines. */
struct app_sync_status {
	bool set;                /* sync.blocks or sync.busy is set */
	instant_t at;            /* when the last sync ran, or 0 */
	char summary[200];
	int problems;
};

/* Reads sync.json (no calendar is touched). */
int app_sync_status(struct app *app, struct app_sync_status *out, struct error *err);

#endif
