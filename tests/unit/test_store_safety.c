/* test_store_safety.c - a data folder is used only when it is the user's
 * and no one else can write in it (store_safety.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "testutil.h"

#define OTHER_UID 65534 /* nobody */

static void sub(const char *dir, const char *name, char out[4096])
{
	snprintf(out, 4096, "%s/%s", dir, name);
}

/* A folder with the starter plan saved in it. */
static char *folder_with_plan(void)
{
	char *dir = tu_tempdir();
	struct store *st;
	struct plan *p;
	struct error err;

	assert_int_equal(store_open(&st, dir, true, &err), 0);
	p = plan_new();
	assert_int_equal(store_save_plan(st, p, &err), 0);
	plan_free(p);
	store_close(st);
	return dir;
}

static void assert_refused(const char *dir, const char *says)
{
	struct store *st = NULL;
	struct error err;

	assert_int_equal(store_open(&st, dir, false, &err), -1);
	assert_null(st);
	assert_int_equal(err.code, ERR_REFUSED);
	if (strstr(err.msg, says) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", err.msg, says);
}

static void test_open_to_others(void **state)
{
	static const mode_t modes[] = { 0777, 01777, 0770, 0720, 0702 };
	char *dir = folder_with_plan(), want[4200];

	(void)state;
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		assert_int_equal(chmod(dir, modes[i]), 0);
		snprintf(want, sizeof want, "others can write to the data folder %s (mode %04o)", dir,
			 (unsigned)modes[i]);
		assert_refused(dir, want);
		snprintf(want, sizeof want, "chmod 700 %s", dir);
		assert_refused(dir, want);
	}
	assert_int_equal(chmod(dir, 0700), 0);
	tu_rmtree(dir);
	free(dir);
}

/* weeks/ too; one chmod names every folder that needs it. */
static void test_weeks_open_to_others(void **state)
{
	char *dir = folder_with_plan(), weeks[4096], want[8400];

	(void)state;
	sub(dir, "weeks", weeks);
	assert_int_equal(mkdir(weeks, 0777), 0);
	assert_int_equal(chmod(weeks, 0777), 0);
	snprintf(want, sizeof want, "others can write to %s (mode 0777)", weeks);
	assert_refused(dir, want);
	assert_int_equal(chmod(dir, 0777), 0);
	snprintf(want, sizeof want, "chmod 700 %s %s", dir, weeks);
	assert_refused(dir, want);
	assert_int_equal(chmod(dir, 0700), 0);
	assert_int_equal(chmod(weeks, 0700), 0);
	tu_rmtree(dir);
	free(dir);
}

/* A store opened on a safe folder saves nothing once the folder is open to
 * others (a planner left open), and saves again once it is fixed. */
static void test_made_unsafe_behind(void **state)
{
	char *dir = folder_with_plan();
	struct store *st;
	struct plan *p;
	struct error err;

	(void)state;
	assert_int_equal(store_open(&st, dir, false, &err), 0);
	assert_int_equal(store_load_plan(st, &p, &err), 0);
	assert_false(store_wrote(st));
	assert_int_equal(chmod(dir, 0777), 0);
	assert_int_equal(store_save_plan(st, p, &err), -1);
	assert_int_equal(err.code, ERR_REFUSED);
	assert_false(store_wrote(st));
	assert_int_equal(chmod(dir, 0700), 0);
	assert_int_equal(store_save_plan(st, p, &err), 0);
	assert_true(store_wrote(st));
	plan_free(p);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* The status line's reader looks at the folder as store_open does. */
static void test_peek_refused(void **state)
{
	char *dir = folder_with_plan();
	struct timer_state t;
	struct error err;
	bool present = true;

	(void)state;
	assert_int_equal(chmod(dir, 0775), 0);
	assert_int_equal(store_peek_timer(dir, &t, &present, &err), -1);
	assert_false(present);
	assert_non_null(strstr(err.msg, "chmod 700"));
	assert_int_equal(chmod(dir, 0700), 0);
	assert_int_equal(store_peek_timer(dir, &t, &present, &err), 0);
	assert_false(present);
	tu_rmtree(dir);
	free(dir);
}

/* Someone else's folder (as root: one chowned to nobody), and the first run
 * inside one, are refused; a shared sticky folder takes a new one. */
static void test_someone_elses(void **state)
{
	char *dir, inside[4096], want[4200];
	struct store *st;
	struct error err;

	(void)state;
	if (geteuid() != 0)
		skip(); /* chown needs root: reliability/folder_safety.sh owners */
	dir = folder_with_plan();
	assert_int_equal(chown(dir, OTHER_UID, (gid_t)-1), 0);
	snprintf(want, sizeof want, "the data folder %s belongs to nobody, not to you (root)", dir);
	assert_refused(dir, want);
	sub(dir, "new", inside);
	assert_int_equal(store_open(&st, inside, true, &err), -1);
	snprintf(want, sizeof want, "the data folder %s does not exist, and %s belongs to nobody",
		 inside, dir);
	assert_non_null(strstr(err.msg, want));
	assert_int_equal(chmod(dir, 01777), 0);
	assert_int_equal(store_open(&st, inside, true, &err), 0);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_to_others),
		cmocka_unit_test(test_weeks_open_to_others),
		cmocka_unit_test(test_made_unsafe_behind),
		cmocka_unit_test(test_peek_refused),
		cmocka_unit_test(test_someone_elses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
