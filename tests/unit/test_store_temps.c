/* test_store_temps.c - who removes the temp files of writers that died
 * mid-save, and when.  A writer notes its pid in .lock while it holds the
 * lock and empties it on release; a free .lock that is not empty means its
 * last holder died, and only then are the folders (weeks/ costs in
 * proportion to the history) listed for its temp files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"
#include "testutil.h"

#define STALE ".2026-W49.json.tmp-999999-0" /* pid 999999 does not exist */
#define STALE_TOP ".plan.json.tmp-999999-0"

static char *folder_with_stale_temps(const char *lock)
{
	char *dir = tu_tempdir(), weeks[4096];

	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(mkdir(weeks, 0700), 0);
	tu_write(weeks, STALE, "{", 1);
	tu_write(dir, STALE_TOP, "{", 1);
	if (lock != NULL)
		tu_write(dir, ".lock", lock, strlen(lock));
	return dir;
}

static off_t lock_size(const char *dir)
{
	char path[4096];
	struct stat sb;

	snprintf(path, sizeof path, "%s/.lock", dir);
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_size;
}

/* A writer that died (its pid left in .lock): the next start removes its
 * temp files everywhere, before anything is read. */
static void test_dead_writer_swept_on_start(void **state)
{
	char *dir = folder_with_stale_temps("999999\n"), weeks[4096];
	struct store *st;
	struct error err;

	(void)state;
	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(store_open(&st, dir, false, &err), 0);
	assert_false(tu_exists(weeks, STALE));
	assert_false(tu_exists(dir, STALE_TOP));
	assert_int_equal(lock_size(dir), 0);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* Writers that finished leave .lock empty: nothing is listed, so a temp file
 * that is not a dead writer's (here: planted) stays. */
static void test_finished_writers_list_nothing(void **state)
{
	char *dir = folder_with_stale_temps(""), weeks[4096];
	struct store *st;
	struct error err;

	(void)state;
	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(store_open(&st, dir, false, &err), 0);
	assert_int_equal(store_lock(st, 0, &err), 0);
	/* While it holds the lock, .lock names it. */
	assert_true(lock_size(dir) > 0);
	store_unlock(st);
	assert_int_equal(lock_size(dir), 0);
	assert_true(tu_exists(weeks, STALE));
	assert_true(tu_exists(dir, STALE_TOP));
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* A writer that died after this store was opened: found when the lock is
 * taken. */
static void test_dead_writer_swept_on_lock(void **state)
{
	char *dir = folder_with_stale_temps(""), weeks[4096];
	struct store *st;
	struct error err;

	(void)state;
	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(store_open(&st, dir, false, &err), 0);
	assert_true(tu_exists(weeks, STALE));
	tu_write(dir, ".lock", "999999\n", 7);
	assert_int_equal(store_lock(st, 0, &err), 0);
	assert_false(tu_exists(weeks, STALE));
	assert_false(tu_exists(dir, STALE_TOP));
	store_unlock(st);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dead_writer_swept_on_start),
		cmocka_unit_test(test_finished_writers_list_nothing),
		cmocka_unit_test(test_dead_writer_swept_on_lock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
