/* store.c - the data folder: paths, opening, locks. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "codec.h"
#include "journal.h"
#include "store_int.h"
#include "xalloc.h"

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

void store_shown(const struct store *st, const char *rel, char *out, size_t size)
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
	if (store_safety_make(dir, err) != 0)
		return -1;
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

struct stamp *store_stamp(struct store *st, const char *name, bool create)
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

void store_week_rel(int key, char *out, size_t size)
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

	codec_init();
	if (create && stat(dir, &sb) != 0 && errno == ENOENT && store_mkdirs(dir, err) != 0)
		return -1;
	fd = store_open_dir(dir, err);
	if (fd < 0)
		return -1;
	st = xcalloc(1, sizeof *st);
	st->dir = xstrdup(dir);
	st->dirfd = fd;
	st->lockfd = st->instancefd = st->residentfd = st->watchfd = st->cachefd = -1;
	st->io = &fsio_real;
	st->weeksfd = openat(fd, WEEKS_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (st->weeksfd < 0 && errno != ENOENT) {
		error_sys(err, errno, "cannot open %s/" WEEKS_DIR, dir);
		store_close(st);
		return -1;
	}
	/* Nothing is read, replayed or swept in a folder that is not safe. */
	if (store_safety_open(dir, st->dirfd, st->weeksfd, err) != 0) {
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
	if (st->residentfd >= 0)
		close(st->residentfd);
	if (st->watchfd >= 0)
		close(st->watchfd);
	if (st->weeksfd >= 0)
		close(st->weeksfd);
	if (st->cachefd >= 0)
		close(st->cachefd);
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

const char *store_cjson_version(void)
{
	return cJSON_Version();
}

bool store_wrote(const struct store *st)
{
	return st->saved > 0;
}

bool store_readonly(const struct store *st, const char **why)
{
	if (why != NULL)
		*why = st->readonly_why;
	return st->readonly;
}

/* ---------------------------------------------------------------- locks */

int store_open_lockfile(struct store *st, const char *name, struct error *err)
{
	char shown[PATH_MAX];
	int fd = openat(st->dirfd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0) {
		store_shown(st, name, shown, sizeof shown);
		if (errno == EROFS || errno == EACCES || errno == EPERM) {
			error_sys(err, errno, "cannot write in the data folder (%s)", shown);
			store_safety_hint(st->dirfd, name, shown, err);
			return -1;
		}
		return error_sys(err, errno, "cannot open the lock file %s", shown);
	}
	fchmod(fd, 0600);
	return fd;
}

/*
 * Temp files of writers that died mid-save; never loaded as data.
 *
 * A writer notes its pid in .lock while it holds the lock and empties it on
 * release, which also sets .lock's modification time: after that, no one
 * changes the folders but the next writer.  So, when the lock is taken:
 *   - a .lock that is not empty means its last holder died, maybe leaving
 *     temp files anywhere: every folder is swept;
 *   - else a folder changed since .lock was emptied (one made younger than
 *     .lock: a review killed while it kept a digest, which needs no lock,
 *     or a temp file of another program) is swept;
 *   - else nothing is listed: listing weeks/ costs in proportion to the
 *     history, and the normal write never pays for it.
 * File times tick coarsely (a few milliseconds): a temp file made in the
 * tick in which .lock was emptied does not look younger, and waits for
 * check.  `focusweek check` sweeps every folder (store_clean_temps).  A
 * sweep removes only temp files whose writer is dead, or that are older
 * than an hour (fsio_clean_temps).
 */
void store_clean_temps(struct store *st)
{
	fsio_clean_temps(st->dirfd);
	if (st->weeksfd >= 0)
		fsio_clean_temps(st->weeksfd);
	if (store_cache_dir(st, false) >= 0)
		fsio_clean_temps(st->cachefd);
}

static bool store_younger(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/* Sweeps the folders changed since the last writer emptied .lock. */
static void store_clean_changed(struct store *st, const struct stat *lock)
{
	struct stat sb;

	if (fstat(st->dirfd, &sb) == 0 && store_younger(&sb.st_mtim, &lock->st_mtim))
		fsio_clean_temps(st->dirfd);
	if (st->weeksfd >= 0 && fstat(st->weeksfd, &sb) == 0 &&
	    store_younger(&sb.st_mtim, &lock->st_mtim))
		fsio_clean_temps(st->weeksfd);
	if (fstatat(st->dirfd, CACHE_DIR, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
	    store_younger(&sb.st_mtim, &lock->st_mtim) && store_cache_dir(st, false) >= 0)
		fsio_clean_temps(st->cachefd);
}

/* With the lock just taken: sweep what the last holder may have left, then
 * note us. */
static void store_mark_writer(struct store *st)
{
	struct stat sb;
	char pid[24];
	int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());

	if (fstat(st->lockfd, &sb) == 0) {
		if (sb.st_size > 0)
			store_clean_temps(st);
		else
			store_clean_changed(st, &sb);
	}
	if (pwrite(st->lockfd, pid, (size_t)n, 0) != n || ftruncate(st->lockfd, n) != 0) {
		/* Without the note a crash is swept when the next writer sees
		 * the folder changed, or by `focusweek check`. */
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
	/* Made unsafe since it was opened (a long-running planner): no save. */
	if (store_safety_open(st->dir, st->dirfd, st->weeksfd, err) != 0)
		return -1;
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
