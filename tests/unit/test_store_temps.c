/* test_store_temps.c - who removes the temp files of writers that died
 * mid-save: every writer in the folder, the planner's session in weeks/. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "store.h"
#include "testutil.h"

#define STALE ".2026-W49.json.tmp-999999-0" /* pid 999999 does not exist */

static char *folder_with_stale_temps(void)
{
	char *dir = tu_tempdir(), weeks[4096];

	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(mkdir(weeks, 0700), 0);
	tu_write(weeks, STALE, "{", 1);
	tu_write(dir, ".plan.json.tmp-999999-0", "{", 1);
	return dir;
}

static void test_command_leaves_weeks_alone(void **state)
{
	char *dir = folder_with_stale_temps(), weeks[4096];
	struct store *st;
	struct error err;

	(void)state;
	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(store_open(&st, dir, false, &err), 0);
	assert_int_equal(store_lock(st, 0, &err), 0);
	store_unlock(st);
	assert_false(tu_exists(dir, ".plan.json.tmp-999999-0"));
	assert_true(tu_exists(weeks, STALE));
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

static void test_session_cleans_weeks(void **state)
{
	char *dir = folder_with_stale_temps(), weeks[4096];
	struct store *st;
	struct error err;

	(void)state;
	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(store_open(&st, dir, false, &err), 0);
	assert_int_equal(store_claim_instance(st, &err), 0);
	assert_int_equal(store_lock(st, 0, &err), 0);
	store_unlock(st);
	assert_false(tu_exists(weeks, STALE));
	assert_false(tu_exists(dir, ".plan.json.tmp-999999-0"));
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_command_leaves_weeks_alone),
		cmocka_unit_test(test_session_cleans_weeks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
