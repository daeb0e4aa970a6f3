/* app_int.h - what the files of the application layer share, and no one
 * else: the session and the one transaction every change goes through. */
#ifndef FOCUSWEEK_APP_INT_H
#define FOCUSWEEK_APP_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "buf.h"
#include "boot.h"
#include "history.h"
#include "store.h"
#include "timer.h"

#define APP_HISTORY_MAX 500  /* changes the planner can undo */
#define APP_CACHE_WEEKS 4    /* weeks kept as last read or written */

/* A week as this session last read or wrote it, and its file then. */
struct app_cached {
	struct week *week;            /* NULL: a free slot */
	struct stamp file;
};

/* A week the disk refused, kept by the planner, with the week as last saved
 * (NULL: unknown): the hooks of what it holds run once it is saved. */
struct app_unsaved {
	struct week *week;
	struct week *saved;
};

struct app {
	struct boot boot;             /* the open folder and the plan */
	bool planner;                 /* app_options.planner */
	struct history *history;      /* undo and redo (planner), or NULL */
	struct app_unsaved *unsaved;  /* weeks the disk refused (planner) */
	size_t n_unsaved;
	struct app_cached cache[APP_CACHE_WEEKS]; /* weeks as last read or written
					   here, used while their file is unchanged */
	size_t cache_next;            /* the slot the next cached week takes */
	struct buf hooks_said;        /* hooks that failed, for app_hooks_report */
};

/* How a change treats timer.json. */
enum txn_timer {
	TXN_TIMER_KEEP,
	TXN_TIMER_SET,
	TXN_TIMER_CLEAR,
};

/*
 * One change: begun under the write lock, it reads weeks (and a copy of
 * the plan) for the caller to change in place, then commits every week
 * that differs from what was read, the plan and the timer in one store
 * transaction.  txn_end releases everything, committed or not.
 */
struct app_txn {
	struct app *app;
	struct week **weeks;          /* read for this change; changed in place */
	struct week **before;         /* as read */
	size_t n, cap;
	struct plan *plan;            /* a copy to change (txn_plan), or NULL */
	struct sync_state *sync;      /* sync.json to write with the change (taken), or
				         NULL (app_sync.c) */
	enum txn_timer timer;
	struct timer_state timer_state; /* with TXN_TIMER_SET */
	bool undoable;                /* recorded for undo (default true) */
	bool hook_plan;               /* the Monday planning: runs the on-plan hooks */
	bool replay;                  /* undo, redo, a retried save: no hooks run */
	bool locked;
};

struct sync_state;

/* Refuses when the session is read-only; takes the write lock and reads
 * the plan again if another program changed it. */
int txn_begin(struct app_txn *tx, struct app *app, struct error *err);
/* Week `key`, read once per change. */
int txn_week(struct app_txn *tx, int key, struct week **out, struct error *err);
/* The week holding block `id`, and the block. */
int txn_block(struct app_txn *tx, const char *id, struct week **w, const struct block **b,
	      struct error *err);
/* Replaces the change's copy of week_key(w) with w (taking it). */
int txn_put_week(struct app_txn *tx, struct week *w, struct error *err);
/* The plan as this change sees it: its copy (txn_plan), else the session's. */
const struct plan *txn_plan_now(const struct app_txn *tx);
/* The plan as this change will write it. */
struct plan *txn_plan(struct app_txn *tx);
/* The timer this change writes, or removes. */
void txn_timer_set(struct app_txn *tx, const struct timer_state *t);
void txn_timer_clear(struct app_txn *tx);
/* Writes what changed; res (may be NULL) says what.  Nothing changed is
 * success with res->changed 0.  Ends the change either way. */
int txn_commit(struct app_txn *tx, const char *label, struct app_result *res,
	       struct error *err);
/* Ends the change without writing. */
void txn_end(struct app_txn *tx);

/* The planner's unsaved copy of week `key`, or NULL (app.c). */
const struct week *app_unsaved_week(const struct app *app, int key);
/* The same week's entry, or NULL. */
struct app_unsaved *app_unsaved_entry(const struct app *app, int key);
/* Keeps w (a clone) as week_key(w) was last read or written here. */
void app_cache_put(struct app *app, const struct week *w);
/* Reads week `key` as this session knows it: unsaved, cached while the
 * file is unchanged, else the file (app.c). */
int app_read_week(struct app *app, const struct plan *p, int key, struct week **out,
		  struct error *err);

/* Gives the plan an install id (plan.h: plan_install) when it has none,
 * saving plan.json: the first write of a folder made before install ids.
 * A read-only session, or a save that fails, leaves it without one
 * (app_install.c). */
void app_install_ensure(struct app *app);
/* The same for a change under way: its own copy of the plan gets the id,
 * or plan.json is saved first. */
void txn_install_ensure(struct app_txn *tx);

/* Block b (with its id) changed as app_block_update changes it, within
 * the change tx; and the block `id` marked skipped as app_block_skip
 * does (app_block.c). */
int app_block_update_in(struct app_txn *tx, const struct block *b, struct error *err);
int app_block_skip_in(struct app_txn *tx, const char *id, struct error *err);

/* After a change of weeks in the planner: the blocks' files of the
 * calendar sync follow (app_sync.c).  Says in res->notice what it could
 * not write. */
void app_sync_follow(struct app *app, struct app_result *res);

/* What the plan's settings change for the whole process: how times show,
 * where weeks start (app.c). */
void app_settings_in_effect(struct app *app);
/* Reads plan.json again when another program changed it (app.c). */
int app_plan_fresh(struct app *app, struct error *err);
/* The data folder opened to read, without a session and never created:
 * 0 and *st NULL when it does not exist; else its store (store_close) and
 * *p its plan (plan_free), NULL while the folder is fresh (app_folder.c). */
int app_folder_peek(const char *data_flag, struct store **st, struct plan **p,
		    struct error *err);

/* Refuses, naming it, while the timer runs on block b: what ends or
 * removes a block by hand checks this first (app_timer.c). */
int app_timer_check_free(struct app *app, const struct block *b, struct error *err);

/* ---- hooks (app_hooks.c, app_hooks_run.c) ---- */

/* One event of a saved change: the hooks named `name` get `json`. */
struct hook_event {
	const char *name;             /* "on-block-done" */
	char *json;                   /* one object and a newline */
};

struct hook_events {
	struct hook_event *v;
	size_t n, cap;
};

/* Whether tx writes its week i (it differs from what it was, or that is
 * unknown). */
bool txn_week_changed(const struct app_txn *tx, size_t i);

/* The events the committed change tx holds (before txn_end): what each week
 * it writes gained since its last save.  That is the week before this change,
 * or for a week the planner kept unsaved, the week as last saved, so the
 * hooks of changes the disk refused run once they reach it, with Ctrl-S or a
 * later change, and once only.  Undo and redo (replay) run none of their
 * own. */
void hooks_collect(const struct app_txn *tx, const struct app_result *res,
		   struct hook_events *ev);
/* Runs their hooks (without the lock), noting failures in
 * app->hooks_said; frees ev. */
void hooks_run(struct app *app, struct hook_events *ev);
void hooks_events_free(struct hook_events *ev);

/* The result before a change: nothing changed yet. */
void app_result_init(struct app_result *res);
void app_result_label(struct app_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void app_result_notice(struct app_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
