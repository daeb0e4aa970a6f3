/* store_int.h - what the files of the store module share, and the store's
 * tests; no one else. */
#ifndef FOCUSWEEK_STORE_INT_H
#define FOCUSWEEK_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "fsio.h"
#include "store.h"

#define PLAN_FILE "plan.json"
#define TIMER_FILE "timer.json"
#define WEEKS_DIR "weeks"
#define CACHE_DIR "cache"
#define PLAN_MAX (1u << 20)    /* 1 MiB */
#define WEEK_MAX (4u << 20)    /* 4 MiB */
#define TIMER_MAX (256u << 10) /* 256 KiB */
#define DIGEST_MAX (1u << 20)  /* 1 MiB */

struct stamp_entry {
	char name[32];        /* "plan.json", "weeks/2026-W49.json", ... */
	struct stamp st;
};

struct store {
	char *dir;                  /* the folder, as opened */
	int dirfd;                  /* the folder */
	int weeksfd;                /* weeks/, or -1 until it exists */
	int cachefd;                /* cache/, or -1 until first used */
	bool cache_refused;         /* cache/ is not private: never used */
	int lockfd;                 /* .lock, or -1 until first locked */
	int lock_depth;             /* store_lock nesting */
	int instancefd;             /* .instance while we hold it, else -1 */
	int residentfd;             /* focusweek remind's lock (.remind), else -1 */
	int watchfd;                /* inotify, or -1 */

	const struct sysio *io;     /* system calls of a save */
	unsigned saved;             /* saves that changed a data file */
	bool readonly;
	char readonly_why[300];
	struct stamp_entry *stamps; /* what each file looked like when last seen */
	size_t n_stamps, cap_stamps;
};

/* Opens (creating, 0600) a lock file of the folder: .lock, .instance, ... */
int store_open_lockfile(struct store *st, const char *name, struct error *err);
/* "<dir>/<rel>", the path a message shows. */
void store_shown(const struct store *st, const char *rel, char *out, size_t size);
/* What the file rel looked like when last seen; made when create. */
struct stamp *store_stamp(struct store *st, const char *name, bool create);
/*
 * Loading a week, in two halves.  store_week_file reads and decodes the file
 * of week `key`, touching nothing of st that changes, so that several
 * threads may run it at once: 0 (f->week NULL when there is no file) or -1.
 * store_week_settle, on the store's own thread, notes what was seen (the
 * stamp, a newer file) and gives the week, an empty one for no file; with
 * ok false it only stamps, and returns -1.
 */
struct store_week_file {
	struct week *week;
	struct stamp stamp;
	bool stamped;         /* the file was looked at: stamp holds what was seen */
	bool newer;           /* written by a newer focusweek */
};
int store_week_file(const struct store *st, const struct plan *p, int key,
		    struct store_week_file *f, struct error *err);
int store_week_settle(struct store *st, const struct plan *p, int key,
		      const struct store_week_file *f, bool ok, struct week **out);

/* cache/, opened once and kept (made first when `create`); -1 when it is
 * missing, not a folder, a symbolic link, or cannot be made. */
int store_cache_dir(struct store *st, bool create);

/* Opens the store read-only: rel was written by a newer focusweek. */
void store_note_newer(struct store *st, const char *rel);
/* "weeks/2026-W49.json" for a week key. */
void store_week_rel(int key, char *out, size_t size);

/* Removes temp files of dead writers (or older than an hour) from every
 * folder of the store; see store.c. */
void store_clean_temps(struct store *st);

/*
 * store_safety.c: the folder is the effective user's and no one else can
 * write in it.
 */
/* -1 with the reason and the way out when the data folder (dirfd, shown as
 * dir) or weeks/ (weeksfd, or -1) belongs to someone else or others can
 * write to it. */
int store_safety_open(const char *dir, int dirfd, int weeksfd, struct error *err);
/* Before making the data folder dir and its missing parents: -1 when the
 * deepest one that exists belongs to someone else and is not a shared
 * sticky folder (like /tmp). */
int store_safety_make(const char *dir, struct error *err);
/* Folder fd is the user's and no one else can write to it. */
bool store_safety_private(int fd);
/* After err (EACCES or EPERM) on leaf of dirfd, shown as shown: adds who
 * owns it, when that is someone else, and how to take it back. */
void store_safety_hint(int dirfd, const char *leaf, const char *shown, struct error *err);
/* check: entries of the folders that belong to someone else, and a cache/
 * that is not private, each reported.  Returns how many. */
int store_safety_report(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx);

/* Routes every system call of a save through io (fault injection, tests). */
void store_set_io(struct store *st, const struct sysio *io);

#endif
