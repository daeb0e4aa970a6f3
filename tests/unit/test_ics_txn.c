/* test_ics_txn.c - an import writes every week of its range in one store
 * transaction: more files than any other change touches, all or nothing,
 * and completed from the journal after a crash. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "store_int.h"
#include "testutil.h"

#define N_WEEKS 40 /* more than the 16 files a change once could hold */

static int renames, fail_rename; /* fail the fail_rename-th renameat */

static int crash_renameat(int a, const char *o, int b, const char *n)
{
	return ++renames == fail_rename ? -1 : renameat(a, o, b, n);
}

static struct sysio crashing(void)
{
	struct sysio io = fsio_real;

	io.renameat = crash_renameat;
	return io;
}

static struct store *open_store(const char *dir)
{
	struct store *st;
	struct error err = { 0 };

	if (store_open(&st, dir, true, &err) != 0)
		fail_msg("%s", err.msg);
	return st;
}

/* Week i of the range, holding one meeting named after it. */
static struct week *meeting_week(const struct plan *p, int i)
{
	struct week *w = week_new(p, date_week_add(202601, i));
	struct block b;
	char title[32];

	block_init(&b);
	b.kind = KIND_MEETING;
	b.date = week_monday(w) + 2;
	b.start = 600;
	b.end = 660;
	snprintf(b.id, sizeof b.id, "x%d", i);
	snprintf(title, sizeof title, "Meeting %d", i);
	block_set_title(&b, title);
	block_set_uid(&b, title);
	week_block_restore(w, &b);
	block_clear(&b);
	return w;
}

static void commit_all(struct store *st, const struct plan *p, int expect)
{
	struct store_txn *tx = store_txn_new(st);
	struct error err = { 0 };

	for (int i = 0; i < N_WEEKS; i++) {
		struct week *w = meeting_week(p, i);

		store_txn_week(tx, w);
		week_free(w);
	}
	assert_int_equal(store_txn_commit(tx, &err), expect);
}

static void expect_all(struct store *st, const struct plan *p)
{
	for (int i = 0; i < N_WEEKS; i++) {
		struct week *w;
		struct error err = { 0 };
		char id[8];

		snprintf(id, sizeof id, "x%d", i);
		if (store_load_week(st, p, date_week_add(202601, i), &w, &err) != 0)
			fail_msg("%s", err.msg);
		assert_non_null(week_block_by_id(w, id));
		week_free(w);
	}
}

static void test_many_weeks(void **state)
{
	char *dir = tu_tempdir();
	struct store *st = open_store(dir);
	struct plan *p = plan_new();
	struct error err = { 0 };

	(void)state;
	assert_int_equal(store_save_plan(st, p, &err), 0);
	commit_all(st, p, 0);
	assert_false(tu_exists(dir, "journal"));
	expect_all(st, p);
	store_close(st);
	plan_free(p);
	tu_rmtree(dir);
	free(dir);
}

/* A crash after the journal and the first week: the next open writes the
 * other 39 from the journal (its format unchanged, only longer). */
static void test_many_weeks_replayed(void **state)
{
	char *dir = tu_tempdir();
	struct store *st = open_store(dir);
	struct plan *p = plan_new();
	struct error err = { 0 };
	struct sysio io = crashing();
	char *journal;
	size_t len;

	(void)state;
	assert_int_equal(store_save_plan(st, p, &err), 0);
	store_set_io(st, &io);
	renames = 0;
	fail_rename = 3; /* #1 the journal, #2 the first week */
	commit_all(st, p, -1);
	journal = tu_read(dir, "journal", &len);
	assert_non_null(journal);
	assert_int_equal(strncmp(journal, "focusweek-journal 1\nF weeks/2026-W01.json ", 41), 0);
	assert_non_null(strstr(journal, "\nF weeks/2026-W40.json "));
	free(journal);
	assert_true(tu_exists(dir, "weeks/2026-W01.json"));
	assert_false(tu_exists(dir, "weeks/2026-W02.json"));
	store_set_io(st, &fsio_real);
	store_close(st);
	st = open_store(dir);
	assert_false(tu_exists(dir, "journal"));
	expect_all(st, p);
	store_close(st);
	plan_free(p);
	tu_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_weeks),
		cmocka_unit_test(test_many_weeks_replayed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
