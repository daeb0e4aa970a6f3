/* store.h - the data folder: durable saves, one writer at a time, hostile-safe
 * loads.
 *
 * Layout of the folder ($XDG_DATA_HOME/focusweek by default):
 *   plan.json            settings, industries, accounts, quota, templates
 *   weeks/YYYY-Www.json  one ISO week: blocks, niches, sessions, sales
 *   timer.json           the running focus timer (absent when none runs)
 *   NAME.bak             the previous good version of each file
 *   journal              a multi-file change being applied (see below)
 *   cache/YYYY-Www.json  a settled week's review digest (derived; see below)
 *   .lock, .instance     the write lock and the interactive-session lock
 *   .remind              focusweek remind's lock and what it reminded of
 *
 * Each save writes a temp file in the same folder, fsyncs it, checks that
 * the target is unchanged since it was read, keeps NAME.bak, renames, and
 * fsyncs the folder.  A change to several files first writes all of them to
 * `journal` the same way; the journal is replayed by the next writer if the
 * change was interrupted, so every file is either all old or all new.
 */
#ifndef FOCUSWEEK_STORE_H
#define FOCUSWEEK_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "fsio.h"
#include "model.h"
#include "review.h"
#include "theme.h"
#include "timer.h"

struct store;

#define STORE_LOCK_WAIT_MS 3000

/*
 * The folder from --data, else $FOCUSWEEK_DATA, else $XDG_DATA_HOME/focusweek,
 * else ~/.local/share/focusweek.  Returns a malloc'd path or NULL with err.
 */
char *store_default_dir(const char *flag, struct error *err);

/* Opens (creating with mode 0700 when `create` is set) the data folder.
 * Refuses, with the reason and the way out, a folder (or weeks/) that is
 * not the effective user's or that others can write to, and to create one
 * inside a folder of someone else's (store_safety.c).
 * Replays an interrupted journal.  A writer notes its pid in .lock while it
 * holds the lock; when the last one died holding it, its stale temp files
 * are removed at once.  Each lock also sweeps the folders changed since the
 * last writer let go (a review killed while keeping a digest, a temp file
 * of another writer), and check sweeps every folder; a normal command lists
 * no folder. */
int store_open(struct store **out, const char *dir, bool create, struct error *err);
void store_close(struct store *st);
const char *store_dir(const struct store *st);
/* True when the folder holds no plan.json yet. */
bool store_is_fresh(struct store *st);

/* The cJSON library in use, "1.7.15", for --version. */
const char *store_cjson_version(void);

/* True once a save through st changed a data file, even one that then
 * failed after its change was in place (err->committed). */
bool store_wrote(const struct store *st);

/* Read-only: every save is refused with the reason. */
void store_set_readonly(struct store *st, const char *why);
bool store_readonly(const struct store *st, const char **why);

/* The write lock, held around each read-modify-write.  Nests. */
int store_lock(struct store *st, int wait_ms, struct error *err);
void store_unlock(struct store *st);
/* The interactive-session lock, held for the life of the planner.  ERR_LOCKED
 * names the pid of the session that has it. */
int store_claim_instance(struct store *st, struct error *err);
/*
 * The lock of focusweek remind (.remind), held until store_close: one per
 * folder.  Its file keeps a few lines of the holder's state for the next
 * holder: *state (free()) receives them, "" the first time.  ERR_LOCKED
 * names the pid of the holder.  store_remind_save replaces them (in place,
 * without fsync: after a crash they may be old, cut short or empty).
 */
int store_claim_remind(struct store *st, char **state, struct error *err);
int store_remind_save(struct store *st, const char *state, struct error *err);

int store_load_plan(struct store *st, struct plan **out, struct error *err);
int store_save_plan(struct store *st, const struct plan *p, struct error *err);
/*
 * The n weeks from `first` on, one after another, into out[0..n-1], as n
 * calls of store_load_week would, reading and decoding them on up to one
 * thread per core (a year's review reads some 54 files).  On failure the
 * error is the one the first failing week (in order) gives, every out[i] is
 * NULL, and nothing stays allocated.
 */
int store_load_weeks(struct store *st, const struct plan *p, int first, size_t n,
		     struct week **out, struct error *err);
/*
 * The digest cache: cache/YYYY-Www.json holds the review digest of week
 * YYYY-Www with the stamp of the week file it was made from (device, inode,
 * size, modification and change times; "absent" for a week without file).
 * It is derived data, rebuilt from the week whenever in doubt: it is written
 * without fsync (temp file and rename, so never half-written), and a cache
 * file that is missing, damaged, hostile, of another version or slot length,
 * or whose stamp differs from the week file's now is not used and is never
 * an error.
 */
/* 0 and *out (review_digest_free) when the cache holds the digest of week
 * `key` made with slot length `slot` from the week file as it is now; 1
 * when it does not. */
int store_load_digest(struct store *st, int key, int slot, struct review_digest **out);
/* Keeps d as the digest of week d->key as this store last loaded it (the
 * stamp it noted then).  Does nothing when the store is read-only, the week
 * was not loaded through st, or anything fails: the next review makes it
 * again. */
void store_save_digest(struct store *st, const struct review_digest *d);
/* A week that has no file yet loads as an empty week. */
int store_load_week(struct store *st, const struct plan *p, int key, struct week **out,
		    struct error *err);
int store_save_week(struct store *st, const struct week *w, struct error *err);
/* The keys of all weeks with a file, ascending (free()). */
int store_list_weeks(struct store *st, int **keys, size_t *n, struct error *err);
/* Finds the week holding block `id`: the week it was made in, else any. */
int store_find_block(struct store *st, const struct plan *p, const char *id, struct week **out,
		     struct error *err);

/* *present is false (and *t untouched) when no timer runs. */
int store_load_timer(struct store *st, struct timer_state *t, bool *present,
		     struct error *err);
int store_save_timer(struct store *st, const struct timer_state *t, struct error *err);
/* store_load_timer for a status line polled every few seconds, with the
 * least work: the folder is opened only to read timer.json (an interrupted
 * change is finished first, as by store_open), not to write or sweep it. */
int store_peek_timer(const char *dir, struct timer_state *t, bool *present,
		     struct error *err);
int store_clear_timer(struct store *st, struct error *err);

/* A change to several files, all or nothing. */
struct store_txn;
struct store_txn *store_txn_new(struct store *st);
void store_txn_plan(struct store_txn *tx, const struct plan *p);
void store_txn_week(struct store_txn *tx, const struct week *w);
/* t == NULL removes timer.json. */
void store_txn_timer(struct store_txn *tx, const struct timer_state *t);
/* Applies and frees the transaction. */
int store_txn_commit(struct store_txn *tx, struct error *err);
void store_txn_free(struct store_txn *tx);

/* Has the file changed on disk since we last read or wrote it? */
bool store_plan_changed(struct store *st);
bool store_week_changed(struct store *st, int key);
bool store_timer_changed(struct store *st);
/* What week `key`'s file was when this store last read or wrote it (false
 * when it never did), and whether the file on disk is still that one: a
 * copy kept elsewhere stays valid exactly while store_week_still says so,
 * whatever this store or another process wrote or replayed since. */
bool store_week_noted(struct store *st, int key, struct stamp *out);
bool store_week_still(struct store *st, int key, const struct stamp *s);

/* An fd that becomes readable when files in the folder change (inotify), or
 * -1 when not available; store_watch_drain empties it. */
int store_watch_fd(struct store *st);
void store_watch_drain(struct store *st);

/*
 * Reads a theme file (themes/NAME.json; the format is in README.md and
 * focusweek(1)).  Unknown keys, wrong types, colours out of range and unknown
 * names are errors naming the file, the key path and the problem.  Roles and
 * industry slots the file leaves out keep base's style.
 */
int store_read_theme(const char *path, const struct theme *base, struct theme *out,
		     struct error *err);

/* Checks every data file, and that each file and folder in the data folder
 * is the user's (and cache/ private); calls report(msg) for each problem.
 * Returns the number of problems.  First removes, under the lock, the temp
 * files of writers that died (skipped while another writer holds it). */
int store_check_all(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx);

#endif
