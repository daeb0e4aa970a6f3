/* test_store_weeks.c - many weeks read at once (store_load_weeks): the same
 * weeks as one by one, empty weeks for missing files, the first damaged week
 * in order named, nothing left allocated on failure, every file stamped so a
 * later change is seen, and a newer file opening the store read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "starter.h"
#include "store.h"
#include "testutil.h"

#define FIRST 202601 /* 2026-W01 */
#define N 40         /* enough to be shared out between threads */

struct fixture {
	char *dir;
	struct store *st;
	struct plan *p;
};

static void week_name(int key, char *out, size_t size)
{
	char wk[9];

	date_week_format(key, wk);
	snprintf(out, size, "weeks/%s.json", wk);
}

/* Weeks FIRST.. FIRST+N-1 saved, but for every fifth, which has no file. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;
	int key = FIRST;

	f->dir = tu_tempdir();
	if (store_open(&f->st, f->dir, true, &err) != 0)
		return -1;
	f->p = starter_plan();
	if (store_save_plan(f->st, f->p, &err) != 0)
		return -1;
	for (int i = 0; i < N; i++, key = date_week_add(key, 1)) {
		struct week *w;

		if (i % 5 == 4)
			continue;
		w = starter_week(f->p, key);
		if (store_save_week(f->st, w, &err) != 0)
			return -1;
		week_free(w);
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	plan_free(f->p);
	store_close(f->st);
	tu_rmtree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

static void test_same_as_one_by_one(void **state)
{
	struct fixture *f = *state;
	struct week *many[N], *one;
	struct error err;
	int key = FIRST;

	assert_int_equal(store_load_weeks(f->st, f->p, FIRST, N, many, &err), 0);
	for (int i = 0; i < N; i++, key = date_week_add(key, 1)) {
		assert_non_null(many[i]);
		assert_int_equal(week_key(many[i]), key);
		assert_int_equal(store_load_week(f->st, f->p, key, &one, &err), 0);
		assert_true(week_equal(many[i], one));
		/* A week without a file is empty; the others hold the starter's blocks. */
		assert_int_equal(week_block_count(many[i]) == 0, i % 5 == 4);
		week_free(one);
		week_free(many[i]);
	}
}

static void test_first_damaged_week_named(void **state)
{
	struct fixture *f = *state;
	struct week *many[N];
	struct error err;
	char name[32];

	/* Two damaged weeks: the earlier one (in order, not in time of reading)
	 * is the one named, whichever thread read it. */
	week_name(date_week_add(FIRST, 31), name, sizeof name);
	tu_write(f->dir, name, "{\"schema\":1,}", 13);
	week_name(date_week_add(FIRST, 17), name, sizeof name);
	tu_write(f->dir, name, "{\"schema\":1,", 12);
	for (int i = 0; i < N; i++)
		many[i] = (struct week *)&err; /* not NULL: the call must clear them */
	assert_int_equal(store_load_weeks(f->st, f->p, FIRST, N, many, &err), -1);
	assert_int_equal(err.code, ERR_DATA);
	assert_non_null(strstr(err.msg, name));
	for (int i = 0; i < N; i++)
		assert_null(many[i]);
}

static void test_stamped_for_changes(void **state)
{
	struct fixture *f = *state;
	struct week *many[N], *w;
	struct error err;
	int key = date_week_add(FIRST, 20);
	int empty = date_week_add(FIRST, 24); /* no file */

	assert_int_equal(store_load_weeks(f->st, f->p, FIRST, N, many, &err), 0);
	for (int i = 0; i < N; i++)
		week_free(many[i]);
	assert_false(store_week_changed(f->st, key));
	assert_false(store_week_changed(f->st, empty));
	/* Another program writes two of them: both changes are seen. */
	{
		struct store *other;

		assert_int_equal(store_open(&other, f->dir, false, &err), 0);
		assert_int_equal(store_load_week(other, f->p, key, &w, &err), 0);
		week_free(w);
		w = starter_week(f->p, key);
		assert_int_equal(store_save_week(other, w, &err), 0);
		week_free(w);
		assert_int_equal(store_load_week(other, f->p, empty, &w, &err), 0);
		week_free(w);
		w = starter_week(f->p, empty);
		assert_int_equal(store_save_week(other, w, &err), 0);
		week_free(w);
		store_close(other);
	}
	assert_true(store_week_changed(f->st, key));
	assert_true(store_week_changed(f->st, empty));
}

static void test_newer_week_read_only(void **state)
{
	struct fixture *f = *state;
	struct week *many[N];
	struct error err;
	char name[32], *text, *pos;
	const char *why;

	week_name(date_week_add(FIRST, 33), name, sizeof name);
	text = tu_read(f->dir, name, NULL);
	assert_non_null(text);
	pos = strstr(text, "\"schema\":\t2");
	assert_non_null(pos);
	pos[10] = '9';
	tu_write(f->dir, name, text, strlen(text));
	free(text);
	assert_false(store_readonly(f->st, &why));
	assert_int_equal(store_load_weeks(f->st, f->p, FIRST, N, many, &err), 0);
	assert_true(store_readonly(f->st, &why));
	assert_non_null(strstr(why, name));
	for (int i = 0; i < N; i++)
		week_free(many[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_as_one_by_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_damaged_week_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stamped_for_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_week_read_only, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
