/* app.h - the application layer: one path for every change a user makes.
 *
 * The command line and the planner only parse, call this layer and show
 * what it answers.  A call that changes data takes the write lock, reads
 * what it needs (the latest on disk, or the planner's copy that the disk
 * refused), checks the rules once, writes everything it changed as one
 * transaction (all or nothing) and says what changed in a struct
 * app_result.  Each rule lives below, in the model and the features; each
 * of its messages has one wording, whichever front end shows it.
 *
 * The calls are grouped by what they own: app_block.h (blocks, niches),
 * app_catalog.h (industries, accounts, templates, the theme), app_sale.h,
 * app_timer.h, app_planning.h, app_calendar.h, app_review.h.  This header
 * is the session: opening the data folder, reading, undo and redo.
 */
#ifndef FOCUSWEEK_APP_H
#define FOCUSWEEK_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"

struct app;

struct app_options {
	const char *data_flag;  /* --data DIR, or NULL for the default folder */
	bool demo;              /* a throw-away copy of a filled demo plan */
	bool planner;           /* the full-screen planner: holds the session lock (a
				   second planner is read-only), keeps an undo history,
				   and keeps a change in memory when the disk refuses it */
};

/* What a change wrote. */
enum {
	APP_CHANGED_WEEKS = 1u << 0,  /* one or more week files */
	APP_CHANGED_PLAN = 1u << 1,   /* plan.json: settings, catalogue, templates */
	APP_CHANGED_TIMER = 1u << 2,  /* timer.json */
	APP_CHANGED_SYNC = 1u << 3,   /* sync.json: a calendar sync ran (app_sync.h) */
};

/*
 * What a change did, for the front end to show.  A change whose files are
 * in place but whose last durability step failed (err->committed) returns
 * -1 with the error, and res filled as for a success.
 */
struct app_result {
	unsigned changed;          /* APP_CHANGED_*; 0 when there was nothing to change */
	int week;                  /* the week the change ends in (where a moved block
				      went), or 0 */
	size_t n_weeks;            /* week files written */
	bool unsaved;              /* planner only: the disk refused the change; it is
				      kept in memory (notice says why) until app_retry */
	bool undoable;             /* planner only: app_undo takes it back */
	bool forceable;            /* refused, but the same call forced would make it,
				      keeping as it is what the error names */
	char id[MODEL_ID_MAX];     /* the block or sale made or changed, or "" */
	char label[96];            /* the change in words, e.g. deleted "Calls" */
	char notice[700];          /* something more the user should know, or "" */
};

/*
 * Opens the data folder (o->data_flag, $FOCUSWEEK_DATA, $XDG_DATA_HOME or
 * ~/.local/share) and reads the plan; a first run creates the starter plan,
 * and o->demo a throw-away filled one.  *out is app_close'd by the caller.
 */
int app_open(struct app **out, const struct app_options *o, struct error *err);
void app_close(struct app *app);

/* The plan as last read or written.  The pointer changes when the plan is
 * read again (after a change, or another program's). */
const struct plan *app_plan(const struct app *app);
const char *app_dir(const struct app *app);
/* The folder holds no plan.json yet (it may not exist): a first start.
 * The first change writes plan.json with it. */
bool app_is_new(const struct app *app);
bool app_is_demo(const struct app *app);
/* True, with the reason, when every change is refused. */
bool app_readonly(const struct app *app, const char **why);
/* True once this session saved a change (even one whose last durability
 * step then failed): a command's result, whatever happens to its output. */
bool app_wrote(const struct app *app);
/* The cJSON library the data files are read and written with, "1.7.15". */
const char *app_cjson_version(void);

/* ---- reading ---- */

/* A copy of week `key` (week_free): the planner's unsaved copy, else the
 * file; a week without a file is empty. */
int app_week(struct app *app, int key, struct week **out, struct error *err);
/* A copy of the week holding block `id` (the week its id names, else any). */
int app_find_block(struct app *app, const char *id, struct week **out, struct error *err);
/* The keys of every week with a file, ascending (free()). */
int app_week_keys(struct app *app, int **keys, size_t *n, struct error *err);

/* ---- changes made by other programs ---- */

/* An fd that becomes readable when a file in the folder changes, or -1;
 * app_watch_drain empties it. */
int app_watch_fd(struct app *app);
void app_watch_drain(struct app *app);
/* What another program changed since this session last read or wrote it:
 * the plan (read again: APP_CHANGED_PLAN), week `key` (APP_CHANGED_WEEKS,
 * never while the planner holds an unsaved copy of it), the timer
 * (APP_CHANGED_TIMER), the calendar sync's record (APP_CHANGED_SYNC: a
 * sync ran).  A plan that cannot be read is kept as it was, with
 * the reason in err and APP_CHANGED_PLAN set. */
unsigned app_outside_changes(struct app *app, int key, struct error *err);

/* ---- undo, redo and saving again (planner) ---- */

/* Undoes the last change, if the weeks it touched still hold what it
 * wrote; ERR_NOTFOUND when there is nothing to undo, ERR_CONFLICT (naming
 * the week) when one was changed since: that change is kept. */
int app_undo(struct app *app, struct app_result *res, struct error *err);
int app_redo(struct app *app, struct app_result *res, struct error *err);
/* Saves the weeks the disk refused before.  ERR_NOTFOUND when there are
 * none. */
int app_retry(struct app *app, struct app_result *res, struct error *err);
/* Weeks kept in memory because the disk refused them. */
size_t app_unsaved_count(const struct app *app);

#endif
