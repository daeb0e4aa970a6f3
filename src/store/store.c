/* store.c - the data folder: paths, locks, loads, saves, change detection. */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "codec.h"
#include "journal.h"
#include "store_internal.h"
#include "xalloc.h"

#define PLAN_FILE "plan.json"
#define TIMER_FILE "timer.json"
#define WEEKS_DIR "weeks"
#define PLAN_MAX (1u << 20)    /* 1 MiB */
#define WEEK_MAX (4u << 20)    /* 4 MiB */
#define TIMER_MAX (256u << 10) /* 256 KiB */

struct stamp_entry {
	char name[32];        /* "plan.json", "weeks/2026-W49.json", ... */
	struct stamp st;
};

struct store {
	char *dir;                  /* the folder, as opened */
	int dirfd;                  /* the folder */
	int weeksfd;                /* weeks/, or -1 until it exists */
	int lockfd;                 /* .lock, or -1 until first locked */
	int lock_depth;             /* store_lock nesting */
	int instancefd;             /* .instance while we hold it, else -1 */
	int watchfd;                /* inotify, or -1 */

	const struct sysio *io;     /* system calls of a save */
	bool readonly;
	char readonly_why[300];
	struct stamp_entry *stamps; /* what each file looked like when last seen */
	size_t n_stamps, cap_stamps;
};

static void store_sweep(struct store *st);

void store_set_io(struct store *st, const struct sysio *io)
{
	st->io = io;
}

/* ---------------------------------------------------------------- paths */

char *store_default_dir(const char *flag, struct error *err)
{
	const char *env;
	char path[PATH_MAX];

	if (flag != NULL && flag[0] != '\0')
		return xstrdup(flag);
	env = getenv("FOCUSWEEK_DATA");
	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env != NULL && env[0] == '/') {
		snprintf(path, sizeof path, "%s/focusweek", env);
		return xstrdup(path);
	}
	env = getenv("HOME");
	if (env == NULL || env[0] != '/') {
		error_set(err, ERR_USAGE,
			  "HOME is not set to an absolute path; give the data folder with --data DIR");
		return NULL;
	}
	snprintf(path, sizeof path, "%s/.local/share/focusweek", env);
	return xstrdup(path);
}

static void store_shown(const struct store *st, const char *rel, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", st->dir, rel);
}

/* mkdir -p, with the last component 0700 and the parents 0700 as XDG asks. */
static int store_mkdirs(const char *dir, struct error *err)
{
	char path[PATH_MAX];
	size_t len = strlen(dir);

	if (len == 0 || len >= sizeof path)
		return error_set(err, ERR_USAGE, "the data folder path is empty or too long");
	memcpy(path, dir, len + 1);
	for (size_t i = 1; i <= len; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return error_sys(err, errno, "cannot create the data folder %s", path);
		if (i < len)
			path[i] = '/';
	}
	/* Whatever the umask: the folder we made holds a private plan. */
	if (chmod(dir, 0700) != 0)
		return error_sys(err, errno, "cannot set the permissions of %s", dir);
	return 0;
}

/* ---------------------------------------------------------------- stamps */

static struct stamp *store_stamp(struct store *st, const char *name, bool create)
{
	for (size_t i = 0; i < st->n_stamps; i++)
		if (strcmp(st->stamps[i].name, name) == 0)
			return &st->stamps[i].st;
	if (!create)
		return NULL;
	st->stamps = xgrow(st->stamps, &st->cap_stamps, st->n_stamps + 1, sizeof *st->stamps);
	memset(&st->stamps[st->n_stamps], 0, sizeof st->stamps[0]);
	snprintf(st->stamps[st->n_stamps].name, sizeof st->stamps[0].name, "%s", name);
	return &st->stamps[st->n_stamps++].st;
}

static void week_rel(int key, char *out, size_t size)
{
	char wk[9];

	date_week_format(key, wk);
	snprintf(out, size, WEEKS_DIR "/%s.json", wk);
}

/* ---------------------------------------------------------------- open */

static int store_open_dir(const char *dir, struct error *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0) {
		if (errno == ENOTDIR)
			return error_set(err, ERR_DATA, "the data folder %s is not a folder", dir);
		return error_sys(err, errno, "cannot open the data folder %s", dir);
	}
	return fd;
}

int store_open(struct store **out, const char *dir, bool create, struct error *err)
{
	struct store *st;
	struct stat sb;
	int fd;

	if (create && stat(dir, &sb) != 0 && errno == ENOENT && store_mkdirs(dir, err) != 0)
		return -1;
	fd = store_open_dir(dir, err);
	if (fd < 0)
		return -1;
	st = xcalloc(1, sizeof *st);
	st->dir = xstrdup(dir);
	st->dirfd = fd;
	st->lockfd = st->instancefd = st->watchfd = -1;
	st->io = &fsio_real;
	st->weeksfd = openat(fd, WEEKS_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (st->weeksfd < 0 && errno != ENOENT) {
		error_sys(err, errno, "cannot open %s/" WEEKS_DIR, dir);
		store_close(st);
		return -1;
	}
	*out = st;
	if (journal_exists(st->dirfd)) {
		/* A multi-file change was interrupted: finish it before reading. */
		if (store_lock(st, STORE_LOCK_WAIT_MS, err) != 0) {
			store_close(st);
			*out = NULL; /* the caller closes what it was given */
			return -1;
		}
		store_unlock(st);
	}
	if (st->lockfd < 0)
		store_sweep(st);
	return 0;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->lockfd >= 0)
		close(st->lockfd);
	if (st->instancefd >= 0)
		close(st->instancefd);
	if (st->watchfd >= 0)
		close(st->watchfd);
	if (st->weeksfd >= 0)
		close(st->weeksfd);
	close(st->dirfd);
	free(st->stamps);
	free(st->dir);
	free(st);
}

const char *store_dir(const struct store *st)
{
	return st->dir;
}

bool store_is_fresh(struct store *st)
{
	struct stat sb;

	return fstatat(st->dirfd, PLAN_FILE, &sb, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT;
}

void store_set_readonly(struct store *st, const char *why)
{
	st->readonly = true;
	snprintf(st->readonly_why, sizeof st->readonly_why, "%s", why);
}

bool store_readonly(const struct store *st, const char **why)
{
	if (why != NULL)
		*why = st->readonly_why;
	return st->readonly;
}

/* ---------------------------------------------------------------- locks */

static int store_open_lockfile(struct store *st, const char *name, struct error *err)
{
	char shown[PATH_MAX];
	int fd = openat(st->dirfd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0) {
		store_shown(st, name, shown, sizeof shown);
		if (errno == EROFS || errno == EACCES || errno == EPERM)
			return error_sys(err, errno, "cannot write in the data folder (%s)", shown);
		return error_sys(err, errno, "cannot open the lock file %s", shown);
	}
	fchmod(fd, 0600);
	return fd;
}

/*
 * Temp files of writers that died mid-save; never loaded as data.
 *
 * A writer notes its pid in .lock while it holds the lock and empties it on
 * release, so a .lock that is free but not empty means its last holder died,
 * maybe leaving temp files.  Only then are the folders listed: listing
 * weeks/ costs in proportion to the history, and normal commands never pay.
 */
static void store_clean_temps(struct store *st)
{
	fsio_clean_temps(st->dirfd);
	if (st->weeksfd >= 0)
		fsio_clean_temps(st->weeksfd);
}

/* With the lock just taken: sweep if the last holder died, then note us. */
static void store_mark_writer(struct store *st)
{
	struct stat sb;
	char pid[24];
	int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());

	if (fstat(st->lockfd, &sb) == 0 && sb.st_size > 0)
		store_clean_temps(st);
	if (pwrite(st->lockfd, pid, (size_t)n, 0) != n || ftruncate(st->lockfd, n) != 0) {
		/* Without the note a crash is swept by `focusweek check` only. */
	}
}

/* On every start, not only the next save: when no writer holds the lock and
 * the last one died (see store_clean_temps), remove what it left.  A folder
 * without .lock never had a writer; a read-only one is left alone.  An
 * empty .lock (no writer now, none died) is the common case: one look at
 * its size settles it, without opening or locking it. */
static void store_sweep(struct store *st)
{
	struct stat sb;
	int fd;

	if (fstatat(st->dirfd, ".lock", &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size == 0)
		return;
	fd = openat(st->dirfd, ".lock", O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		if (fstat(fd, &sb) == 0 && sb.st_size > 0) {
			store_clean_temps(st);
			if (ftruncate(fd, 0) != 0) {
				/* Swept again next time: harmless. */
			}
		}
		flock(fd, LOCK_UN);
	}
	st->lockfd = fd;
}

/* Replays the journal if a multi-file change was interrupted. */
static int store_recover(struct store *st, struct error *err)
{
	int rc = journal_replay(st->io, st->dirfd, st->dir, err);

	if (rc == 0 && st->weeksfd < 0)
		st->weeksfd = openat(st->dirfd, WEEKS_DIR,
				     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	return rc;
}

int store_lock(struct store *st, int wait_ms, struct error *err)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	int waited = 0;

	if (st->lock_depth > 0) {
		st->lock_depth++;
		return 0;
	}
	if (st->lockfd < 0) {
		st->lockfd = store_open_lockfile(st, ".lock", err);
		if (st->lockfd < 0)
			return -1;
	}
	while (flock(st->lockfd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK && errno != EINTR)
			return error_sys(err, errno, "cannot lock the plan");
		if (waited >= wait_ms)
			return error_set(err, ERR_LOCKED,
					 "another focusweek is saving this plan (waited %d ms); "
					 "nothing was changed: try again", waited);
		nanosleep(&pause, NULL);
		waited += 10;
	}
	st->lock_depth = 1;
	store_mark_writer(st);
	if (journal_exists(st->dirfd) && store_recover(st, err) != 0) {
		store_unlock(st);
		return -1;
	}
	return 0;
}

void store_unlock(struct store *st)
{
	if (st->lock_depth == 0)
		return;
	if (--st->lock_depth == 0) {
		/* An empty .lock says the last writer finished its saves. */
		if (ftruncate(st->lockfd, 0) != 0) {
			/* The next start sweeps for nothing: harmless. */
		}
		flock(st->lockfd, LOCK_UN);
	}
}

int store_claim_instance(struct store *st, struct error *err)
{
	char pid[32];
	ssize_t n;
	int fd;

	if (st->instancefd >= 0)
		return 0;
	fd = store_open_lockfile(st, ".instance", err);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		n = pread(fd, pid, sizeof pid - 1, 0);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		close(fd);
		return error_set(err, ERR_LOCKED,
				 "another focusweek%s%s has this plan open", pid[0] ? " (pid " : "",
				 pid[0] ? strcat(pid, ")") : "");
	}
	if (ftruncate(fd, 0) == 0) {
		n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
		if (pwrite(fd, pid, (size_t)n, 0) != n) {
			/* The pid is only a courtesy for the message above. */
		}
	}
	st->instancefd = fd;
	return 0;
}

/* ---------------------------------------------------------------- loads */

static int store_read(struct store *st, int dirfd, const char *rel, const char *leaf,
		      size_t max, char **data, size_t *len, struct error *err)
{
	char shown[PATH_MAX];
	struct stamp stamp;
	int rc;

	store_shown(st, rel, shown, sizeof shown);
	rc = fsio_read(dirfd, leaf, shown, max, data, len, &stamp, err);
	if (rc >= 0)
		*store_stamp(st, rel, true) = stamp; /* absent files stamp as absent */
	return rc;
}

static void store_note_newer(struct store *st, const char *rel)
{
	char why[200];

	snprintf(why, sizeof why,
		 "%s was written by a newer focusweek; opened read-only so nothing is lost", rel);
	store_set_readonly(st, why);
}

int store_load_plan(struct store *st, struct plan **out, struct error *err)
{
	char shown[PATH_MAX], *data;
	size_t len;
	bool newer;
	int rc;

	rc = store_read(st, st->dirfd, PLAN_FILE, PLAN_FILE, PLAN_MAX, &data, &len, err);
	if (rc < 0)
		return -1;
	store_shown(st, PLAN_FILE, shown, sizeof shown);
	if (rc == 1)
		return error_set(err, ERR_NOTFOUND, "%s does not exist", shown);
	rc = codec_plan_read(data, len, shown, out, &newer, err);
	free(data);
	if (rc == 0 && newer)
		store_note_newer(st, PLAN_FILE);
	return rc;
}

int store_load_week(struct store *st, const struct plan *p, int key, struct week **out,
		    struct error *err)
{
	char rel[32], shown[PATH_MAX], *data;
	size_t len;
	bool newer;
	int rc;

	week_rel(key, rel, sizeof rel);
	if (st->weeksfd < 0) {
		*store_stamp(st, rel, true) = (struct stamp){ 0 };
		*out = week_new(p, key);
		return 0;
	}
	rc = store_read(st, st->weeksfd, rel, rel + sizeof WEEKS_DIR, WEEK_MAX, &data, &len, err);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		*out = week_new(p, key);
		return 0;
	}
	store_shown(st, rel, shown, sizeof shown);
	rc = codec_week_read(data, len, shown, p, key, out, &newer, err);
	free(data);
	if (rc == 0 && newer)
		store_note_newer(st, rel);
	return rc;
}

int store_peek_timer(const char *dir, struct timer_state *t, bool *present, struct error *err)
{
	char shown[PATH_MAX], *data;
	struct stamp stamp;
	struct store *st;
	size_t len;
	bool newer;
	int rc;

	*present = false;
	if (journal_maybe_at(dir) || strlen(dir) + sizeof "/" TIMER_FILE > sizeof shown) {
		/* A change was interrupted (or the folder is not one): as every
		 * command does, open it fully, finishing the change first. */
		if (store_open(&st, dir, false, err) != 0)
			return -1;
		rc = store_load_timer(st, t, present, err);
		store_close(st);
		return rc;
	}
	snprintf(shown, sizeof shown, "%s/" TIMER_FILE, dir);
	rc = fsio_read(AT_FDCWD, shown, shown, TIMER_MAX, &data, &len, &stamp, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = codec_timer_read(data, len, shown, t, &newer, err);
	free(data);
	*present = rc == 0;
	return rc;
}

int store_load_timer(struct store *st, struct timer_state *t, bool *present,
		     struct error *err)
{
	char shown[PATH_MAX], *data;
	size_t len;
	bool newer;
	int rc;

	*present = false;
	rc = store_read(st, st->dirfd, TIMER_FILE, TIMER_FILE, TIMER_MAX, &data, &len, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	store_shown(st, TIMER_FILE, shown, sizeof shown);
	rc = codec_timer_read(data, len, shown, t, &newer, err);
	free(data);
	if (rc == 0) {
		*present = true;
		if (newer)
			store_note_newer(st, TIMER_FILE);
	}
	return rc;
}

int store_list_weeks(struct store *st, int **keys, size_t *n, struct error *err)
{
	DIR *dir;
	struct dirent *de;
	size_t cap = 0;
	int fd;

	*keys = NULL;
	*n = 0;
	if (st->weeksfd < 0)
		return 0;
	fd = dup(st->weeksfd);
	if (fd < 0 || (dir = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return error_sys(err, errno, "cannot list %s/" WEEKS_DIR, st->dir);
	}
	rewinddir(dir);
	while ((de = readdir(dir)) != NULL) {
		char name[9];
		int key;

		if (strlen(de->d_name) != 13 || strcmp(de->d_name + 8, ".json") != 0)
			continue;
		memcpy(name, de->d_name, 8);
		name[8] = '\0';
		if (date_week_parse(name, &key) != 0)
			continue;
		*keys = xgrow(*keys, &cap, *n + 1, sizeof **keys);
		(*keys)[(*n)++] = key;
	}
	closedir(dir);
	for (size_t i = 1; i < *n; i++) /* insertion sort: a few hundred keys */
		for (size_t j = i; j > 0 && (*keys)[j - 1] > (*keys)[j]; j--) {
			int t = (*keys)[j];

			(*keys)[j] = (*keys)[j - 1];
			(*keys)[j - 1] = t;
		}
	return 0;
}

int store_find_block(struct store *st, const struct plan *p, const char *id, struct week **out,
		     struct error *err)
{
	int hint = model_id_week(id), *keys;
	size_t n;

	if (hint != 0) {
		if (store_load_week(st, p, hint, out, err) != 0)
			return -1;
		if (week_block_by_id(*out, id) != NULL)
			return 0;
		week_free(*out);
	}
	/* Moved to another week since it was made: look everywhere. */
	if (store_list_weeks(st, &keys, &n, err) != 0)
		return -1;
	for (size_t i = n; i-- > 0;) {
		if (keys[i] == hint)
			continue;
		if (store_load_week(st, p, keys[i], out, err) != 0) {
			free(keys);
			return -1;
		}
		if (week_block_by_id(*out, id) != NULL) {
			free(keys);
			return 0;
		}
		week_free(*out);
	}
	free(keys);
	*out = NULL;
	return error_set(err, ERR_NOTFOUND, "no block with id %s", id);
}

/* ---------------------------------------------------------------- saves */

static int store_writable(struct store *st, struct error *err)
{
	if (st->readonly)
		return error_set(err, ERR_READONLY, "read-only: %s", st->readonly_why);
	return 0;
}

static int store_ensure_weeks(struct store *st, struct error *err)
{
	if (st->weeksfd >= 0)
		return 0;
	if (mkdirat(st->dirfd, WEEKS_DIR, 0700) != 0 && errno != EEXIST)
		return error_sys(err, errno, "cannot create %s/" WEEKS_DIR, st->dir);
	st->weeksfd = openat(st->dirfd, WEEKS_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (st->weeksfd < 0)
		return error_sys(err, errno, "cannot open %s/" WEEKS_DIR, st->dir);
	fchmod(st->weeksfd, 0700);
	fsync(st->dirfd);
	return 0;
}

/* Saves one file durably under the lock, checking it is unchanged on disk. */
static int store_put(struct store *st, const char *rel, const char *data, size_t len,
		     struct error *err)
{
	char shown[PATH_MAX];
	bool week = strncmp(rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
	struct stamp *known, fresh;
	int dirfd, rc;

	if (store_writable(st, err) != 0 || store_lock(st, STORE_LOCK_WAIT_MS, err) != 0)
		return -1;
	if (week && store_ensure_weeks(st, err) != 0) {
		store_unlock(st);
		return -1;
	}
	dirfd = week ? st->weeksfd : st->dirfd;
	store_shown(st, rel, shown, sizeof shown);
	/* Never read: expect it absent, so a file made meanwhile is not clobbered. */
	known = store_stamp(st, rel, true);
	rc = fsio_save(st->io, dirfd, week ? rel + sizeof WEEKS_DIR : rel, shown, data, len,
		       known, true, &fresh, err);
	if (rc == 0 || (err != NULL && err->committed))
		*known = fresh;
	store_unlock(st);
	return rc;
}

int store_save_plan(struct store *st, const struct plan *p, struct error *err)
{
	size_t len;
	char *data = codec_plan_write(p, &len);
	int rc = store_put(st, PLAN_FILE, data, len, err);

	free(data);
	return rc;
}

int store_save_week(struct store *st, const struct week *w, struct error *err)
{
	char rel[32];
	size_t len;
	char *data = codec_week_write(w, &len);
	int rc;

	week_rel(week_key(w), rel, sizeof rel);
	rc = store_put(st, rel, data, len, err);
	free(data);
	return rc;
}

int store_save_timer(struct store *st, const struct timer_state *t, struct error *err)
{
	size_t len;
	char *data = codec_timer_write(t, &len);
	int rc = store_put(st, TIMER_FILE, data, len, err);

	free(data);
	return rc;
}

int store_clear_timer(struct store *st, struct error *err)
{
	struct store_txn *tx = store_txn_new(st);

	store_txn_timer(tx, NULL);
	return store_txn_commit(tx, err);
}

/* ---------------------------------------------------------------- txn */

struct txn_item {
	char rel[32];
	char *data;      /* NULL: remove the file */
	size_t len;
};

struct store_txn {
	struct store *st;
	struct txn_item *items; /* grows: an import may touch a year of weeks */
	size_t n, cap;
};

struct store_txn *store_txn_new(struct store *st)
{
	struct store_txn *tx = xcalloc(1, sizeof *tx);

	tx->st = st;
	return tx;
}

static void store_txn_add(struct store_txn *tx, const char *rel, char *data, size_t len)
{
	for (size_t i = 0; i < tx->n; i++) {
		if (strcmp(tx->items[i].rel, rel) == 0) {
			free(tx->items[i].data);
			tx->items[i].data = data;
			tx->items[i].len = len;
			return;
		}
	}
	tx->items = xgrow(tx->items, &tx->cap, tx->n + 1, sizeof *tx->items);
	snprintf(tx->items[tx->n].rel, sizeof tx->items[0].rel, "%s", rel);
	tx->items[tx->n].data = data;
	tx->items[tx->n].len = len;
	tx->n++;
}

void store_txn_plan(struct store_txn *tx, const struct plan *p)
{
	size_t len;
	char *data = codec_plan_write(p, &len);

	store_txn_add(tx, PLAN_FILE, data, len);
}

void store_txn_week(struct store_txn *tx, const struct week *w)
{
	char rel[32];
	size_t len;
	char *data = codec_week_write(w, &len);

	week_rel(week_key(w), rel, sizeof rel);
	store_txn_add(tx, rel, data, len);
}

void store_txn_timer(struct store_txn *tx, const struct timer_state *t)
{
	size_t len = 0;
	char *data = t != NULL ? codec_timer_write(t, &len) : NULL;

	store_txn_add(tx, TIMER_FILE, data, len);
}

void store_txn_free(struct store_txn *tx)
{
	if (tx == NULL)
		return;
	for (size_t i = 0; i < tx->n; i++)
		free(tx->items[i].data);
	free(tx->items);
	free(tx);
}

/* Every file must still be as we last saw it. */
static int store_txn_check(struct store_txn *tx, struct error *err)
{
	struct store *st = tx->st;

	for (size_t i = 0; i < tx->n; i++) {
		const char *rel = tx->items[i].rel;
		bool week = strncmp(rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
		struct stamp *known = store_stamp(st, rel, true), now;
		char shown[PATH_MAX];
		const char *kind;

		store_shown(st, rel, shown, sizeof shown);
		if (week && st->weeksfd < 0) {
			if (known->exists)
				return error_set(err, ERR_CONFLICT, "%s disappeared; reload", shown);
			continue;
		}
		if (fsio_stat(week ? st->weeksfd : st->dirfd, week ? rel + sizeof WEEKS_DIR : rel,
			      &now, &kind, err) != 0)
			return -1;
		if (kind != NULL)
			return error_set(err, ERR_DATA, "%s is %s; focusweek leaves it alone", shown,
					 kind);
		/* Removing a file nobody read (no timer ran) needs no check. */
		if (tx->items[i].data == NULL && !now.exists)
			continue;
		if (!fsio_stamp_equal(&now, known))
			return error_set(err, ERR_CONFLICT,
					 "%s was changed by another program since focusweek read "
					 "it; nothing was overwritten: reload and try again", shown);
	}
	return 0;
}

static int store_txn_apply(struct store_txn *tx, struct error *err)
{
	struct store *st = tx->st;

	for (size_t i = 0; i < tx->n; i++) {
		struct txn_item *it = &tx->items[i];
		bool week = strncmp(it->rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
		int dirfd = week ? st->weeksfd : st->dirfd;
		const char *leaf = week ? it->rel + sizeof WEEKS_DIR : it->rel;
		struct stamp *known = store_stamp(st, it->rel, true), fresh = { 0 };
		char shown[PATH_MAX];
		int rc;

		store_shown(st, it->rel, shown, sizeof shown);
		if (it->data == NULL)
			rc = fsio_remove(st->io, dirfd, leaf, shown, err);
		else
			rc = fsio_save(st->io, dirfd, leaf, shown, it->data, it->len, NULL, true,
				       &fresh, err);
		if (rc != 0 && !(err != NULL && err->committed))
			return -1;
		*known = fresh;
		if (rc != 0)
			return -1;
	}
	return 0;
}

int store_txn_commit(struct store_txn *tx, struct error *err)
{
	struct store *st = tx->st;
	bool needs_weeks = false;
	int rc = -1;

	if (store_writable(st, err) != 0 || store_lock(st, STORE_LOCK_WAIT_MS, err) != 0) {
		store_txn_free(tx);
		return -1;
	}
	for (size_t i = 0; i < tx->n; i++)
		needs_weeks |= strncmp(tx->items[i].rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
	if (store_txn_check(tx, err) != 0 || (needs_weeks && store_ensure_weeks(st, err) != 0))
		goto out;
	if (tx->n > 1) {
		struct journal_entry *je = xcalloc(tx->n, sizeof *je);
		int jrc;

		for (size_t i = 0; i < tx->n; i++) {
			je[i].rel = tx->items[i].rel;
			je[i].data = tx->items[i].data;
			je[i].len = tx->items[i].len;
		}
		jrc = journal_write(st->io, st->dirfd, st->dir, je, tx->n, err);
		free(je);
		if (jrc != 0)
			goto out;
	}
	if (store_txn_apply(tx, err) != 0) {
		if (tx->n > 1 && err != NULL) {
			/* The journal holds the change; the next writer completes it. */
			err->committed = 1;
			error_prefix(err, "the change is kept in the journal and will be "
				     "completed on the next save");
		}
		goto out;
	}
	rc = tx->n > 1 ? journal_remove(st->io, st->dirfd, st->dir, err) : 0;
	if (rc != 0 && err != NULL && !err->committed) {
		/* Every file is new; replaying the journal again changes nothing. */
		err->committed = 1;
		error_prefix(err, "the change was saved; the journal will be replayed on the "
			     "next start");
	}
out:
	store_unlock(st);
	store_txn_free(tx);
	return rc;
}

/* ---------------------------------------------------------------- changes */

static bool store_changed(struct store *st, int dirfd, const char *rel, const char *leaf)
{
	struct stamp *known = store_stamp(st, rel, false), now;
	const char *kind;

	if (known == NULL)
		return false;
	if (dirfd < 0)
		return known->exists;
	if (fsio_stat(dirfd, leaf, &now, &kind, NULL) != 0)
		return false;
	return !fsio_stamp_equal(&now, known);
}

bool store_plan_changed(struct store *st)
{
	return store_changed(st, st->dirfd, PLAN_FILE, PLAN_FILE);
}

bool store_timer_changed(struct store *st)
{
	return store_changed(st, st->dirfd, TIMER_FILE, TIMER_FILE);
}

bool store_week_changed(struct store *st, int key)
{
	char rel[32];

	week_rel(key, rel, sizeof rel);
	if (st->weeksfd < 0)
		st->weeksfd = openat(st->dirfd, WEEKS_DIR,
				     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	return store_changed(st, st->weeksfd, rel, rel + sizeof WEEKS_DIR);
}

int store_watch_fd(struct store *st)
{
	char weeks[PATH_MAX];
	uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_CREATE | IN_ATTRIB;

	if (st->watchfd >= 0)
		return st->watchfd;
	st->watchfd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (st->watchfd < 0)
		return -1;
	inotify_add_watch(st->watchfd, st->dir, mask);
	snprintf(weeks, sizeof weeks, "%s/" WEEKS_DIR, st->dir);
	inotify_add_watch(st->watchfd, weeks, mask);
	return st->watchfd;
}

void store_watch_drain(struct store *st)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	char weeks[PATH_MAX];
	bool new_weeks_dir = false;
	ssize_t n;

	if (st->watchfd < 0)
		return;
	while ((n = read(st->watchfd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;

			if (ev->len > 0 && strcmp(ev->name, WEEKS_DIR) == 0)
				new_weeks_dir = true;
			p += sizeof *ev + ev->len;
		}
	}
	if (new_weeks_dir) {
		snprintf(weeks, sizeof weeks, "%s/" WEEKS_DIR, st->dir);
		inotify_add_watch(st->watchfd, weeks,
				  IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_CREATE | IN_ATTRIB);
	}
}

/* ---------------------------------------------------------------- check */

int store_check_all(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx)
{
	struct error err = { 0 };
	struct plan *p = NULL;
	struct timer_state t;
	bool present;
	int *keys = NULL, problems = 0;
	size_t n = 0;

	if (journal_exists(st->dirfd)) {
		report("a journal of an interrupted change is waiting to be replayed", ctx);
		problems++;
	}
	if (store_load_plan(st, &p, &err) != 0) {
		report(err.msg, ctx);
		return problems + 1; /* weeks cannot be checked without their plan */
	}
	if (store_load_timer(st, &t, &present, &err) != 0) {
		report(err.msg, ctx);
		problems++;
	} else if (present) {
		timer_state_clear(&t);
	}
	if (store_list_weeks(st, &keys, &n, &err) != 0) {
		report(err.msg, ctx);
		problems++;
	}
	for (size_t i = 0; i < n; i++) {
		struct week *w;

		if (store_load_week(st, p, keys[i], &w, &err) != 0) {
			report(err.msg, ctx);
			problems++;
			continue;
		}
		week_free(w);
	}
	free(keys);
	plan_free(p);
	return problems;
}
