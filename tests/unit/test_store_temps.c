/* test_store_temps.c - who removes the temp files of writers that died
 * mid-save, and when.  A writer notes its pid in .lock while it holds the
 * lock and empties it on release, which sets .lock's modification time.
 * The next writer sweeps every folder when .lock still names a writer (it
 * died), else the folders changed since .lock was emptied; check sweeps
 * every folder.  A normal command lists no folder. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "testutil.h"

#define STALE ".2026-W49.json.tmp-999999-0" /* pid 999999 does not exist */
#define STALE_TOP ".plan.json.tmp-999999-0"
#define STALE_BAK ".2026-W49.json.bak.tmp-999999"
#define STALE_CACHE ".2026-W40.json.tmp-999999-0"
#define LOCK_AGE 60 /* seconds since the last writer let go */

static void ignore(const char *msg, void *ctx)
{
	(void)msg;
	(void)ctx;
}

static void sub(const char *dir, const char *name, char out[4096])
{
	snprintf(out, 4096, "%s/%s", dir, name);
}

/* A folder whose last writer let go LOCK_AGE seconds ago (lock: .lock's
 * contents, or NULL for none), then the stale temp files. */
static char *folder_with_stale_temps(const char *lock)
{
	char *dir = tu_tempdir(), path[4096];

	sub(dir, "weeks", path);
	assert_int_equal(mkdir(path, 0700), 0);
	if (lock != NULL) {
		struct timespec then[2];

		tu_write(dir, ".lock", lock, strlen(lock));
		clock_gettime(CLOCK_REALTIME, &then[0]);
		then[0].tv_sec -= LOCK_AGE;
		then[1] = then[0];
		sub(dir, ".lock", path);
		assert_int_equal(utimensat(AT_FDCWD, path, then, 0), 0);
	}
	sub(dir, "weeks", path);
	tu_write(path, STALE, "{", 1);
	tu_write(dir, STALE_TOP, "{", 1);
	return dir;
}

static off_t lock_size(const char *dir)
{
	char path[4096];
	struct stat sb;

	sub(dir, ".lock", path);
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_size;
}

static struct store *open_store(const char *dir)
{
	struct store *st;
	struct error err;

	assert_int_equal(store_open(&st, dir, false, &err), 0);
	return st;
}

static void done_with(struct store *st, char *dir)
{
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* A writer that died (its pid left in .lock): the next start removes its
 * temp files everywhere, before anything is read. */
static void test_dead_writer_swept_on_start(void **state)
{
	char *dir = folder_with_stale_temps("999999\n"), weeks[4096];
	struct store *st = open_store(dir);

	(void)state;
	sub(dir, "weeks", weeks);
	assert_false(tu_exists(weeks, STALE));
	assert_false(tu_exists(dir, STALE_TOP));
	assert_int_equal(lock_size(dir), 0);
	done_with(st, dir);
}

/* Writers that finished leave .lock empty; a start lists nothing, so a
 * temp file stays until the next write. */
static void test_start_lists_nothing(void **state)
{
	char *dir = folder_with_stale_temps(""), weeks[4096];
	struct store *st = open_store(dir);

	(void)state;
	sub(dir, "weeks", weeks);
	assert_true(tu_exists(weeks, STALE));
	assert_true(tu_exists(dir, STALE_TOP));
	done_with(st, dir);
}

/* A temp file made after the last writer let go (a writer of another kind
 * that died, with .lock empty): the next write removes it, and while it
 * holds the lock .lock names it. */
static void test_changed_folders_swept_on_lock(void **state)
{
	char *dir = folder_with_stale_temps(""), weeks[4096];
	struct store *st = open_store(dir);
	struct error err;

	(void)state;
	sub(dir, "weeks", weeks);
	tu_write(weeks, STALE_BAK, "{", 1);
	assert_int_equal(store_lock(st, 0, &err), 0);
	assert_true(lock_size(dir) > 0);
	assert_false(tu_exists(weeks, STALE));
	assert_false(tu_exists(weeks, STALE_BAK));
	assert_false(tu_exists(dir, STALE_TOP));
	store_unlock(st);
	assert_int_equal(lock_size(dir), 0);
	done_with(st, dir);
}

/* The review keeps its digests without the lock: one killed mid-write
 * leaves a temp file in cache/, which the next write removes. */
static void test_cache_swept_on_lock(void **state)
{
	char *dir = folder_with_stale_temps(""), cache[4096];
	struct store *st = open_store(dir);
	struct error err;

	(void)state;
	sub(dir, "cache", cache);
	assert_int_equal(mkdir(cache, 0700), 0);
	tu_write(cache, STALE_CACHE, "x", 1);
	assert_int_equal(store_lock(st, 0, &err), 0);
	assert_false(tu_exists(cache, STALE_CACHE));
	store_unlock(st);
	done_with(st, dir);
}

/* Made before the last writer let go, while it held the lock, a temp file
 * that is not its own is not seen by the next write; check removes it. */
static void test_check_sweeps_everything(void **state)
{
	char *dir = tu_tempdir(), weeks[4096], cache[4096];
	struct store *st;
	struct error err;

	(void)state;
	sub(dir, "weeks", weeks);
	sub(dir, "cache", cache);
	assert_int_equal(mkdir(weeks, 0700), 0);
	assert_int_equal(mkdir(cache, 0700), 0);
	tu_write(weeks, STALE, "{", 1);
	tu_write(cache, STALE_CACHE, "x", 1);
	st = open_store(dir);
	assert_int_equal(store_lock(st, 0, &err), 0); /* .lock is made: now */
	store_unlock(st);
	assert_int_equal(store_lock(st, 0, &err), 0);
	store_unlock(st);
	assert_true(tu_exists(weeks, STALE));
	store_check_all(st, ignore, NULL);
	assert_false(tu_exists(weeks, STALE));
	assert_false(tu_exists(cache, STALE_CACHE));
	done_with(st, dir);
}

/* check does not wait for, nor sweep under, a writer that holds the lock;
 * the temp file of a live writer is never removed. */
static void test_check_leaves_a_live_writer(void **state)
{
	char *dir = folder_with_stale_temps(""), weeks[4096], live[64], path[4096];
	struct store *st = open_store(dir);
	int fd;

	(void)state;
	sub(dir, "weeks", weeks);
	snprintf(live, sizeof live, ".2026-W50.json.tmp-%ld-0", (long)getpid());
	tu_write(weeks, live, "{", 1);
	sub(dir, ".lock", path);
	fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	store_check_all(st, ignore, NULL);
	assert_true(tu_exists(weeks, STALE));
	close(fd);
	store_check_all(st, ignore, NULL);
	assert_false(tu_exists(weeks, STALE));
	assert_true(tu_exists(weeks, live));
	done_with(st, dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dead_writer_swept_on_start),
		cmocka_unit_test(test_start_lists_nothing),
		cmocka_unit_test(test_changed_folders_swept_on_lock),
		cmocka_unit_test(test_cache_swept_on_lock),
		cmocka_unit_test(test_check_sweeps_everything),
		cmocka_unit_test(test_check_leaves_a_live_writer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
