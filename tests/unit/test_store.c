/* test_store.c - the store: round trips, first-run files, locks, conflicts,
 * the journal, and a failure injected at every system call of a save. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_setup.h"
#include "boot.h"
#include "fsio.h"
#include "starter.h"
#include "store.h"
#include "store_int.h"
#include "testutil.h"

/* ---- a sysio that fails (or counts) system calls ---- */

static int fault_at;      /* fail the Nth call (1-based); 0 = never */
static const char *fault_name; /* or: fail the fault_nth call of this name */
static int fault_nth, name_calls;
static int fault_errno;
static int calls;
static char trace[64][16]; /* names of the calls made */

static bool fault_hit(const char *name)
{
	if (calls < 64)
		snprintf(trace[calls], sizeof trace[0], "%s", name);
	calls++;
	if (fault_name != NULL && strcmp(fault_name, name) == 0 && ++name_calls == fault_nth) {
		errno = EIO;
		return true;
	}
	if (fault_at != 0 && calls == fault_at) {
		errno = fault_errno;
		return true;
	}
	return false;
}

static int f_openat(int dirfd, const char *name, int flags, mode_t mode)
{
	return fault_hit("openat") ? -1 : openat(dirfd, name, flags, mode);
}

static ssize_t f_write(int fd, const void *buf, size_t n)
{
	if (fault_hit("write"))
		return -1;
	/* Short writes too: at most 100 bytes at a time. */
	return write(fd, buf, n > 100 ? 100 : n);
}

static int f_fsync(int fd)
{
	return fault_hit("fsync") ? -1 : fsync(fd);
}

static int f_close(int fd)
{
	if (fault_hit("close")) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static int f_linkat(int a, const char *o, int b, const char *n, int flags)
{
	return fault_hit("linkat") ? -1 : linkat(a, o, b, n, flags);
}

static int f_renameat(int a, const char *o, int b, const char *n)
{
	return fault_hit("renameat") ? -1 : renameat(a, o, b, n);
}

static int f_unlinkat(int dirfd, const char *name, int flags)
{
	/* Clean-up calls are not fault points. */
	return unlinkat(dirfd, name, flags);
}

static int f_fchmod(int fd, mode_t mode)
{
	return fault_hit("fchmod") ? -1 : fchmod(fd, mode);
}

static const struct sysio faulty = {
	.openat = f_openat, .write = f_write, .fsync = f_fsync, .close = f_close,
	.linkat = f_linkat, .renameat = f_renameat, .unlinkat = f_unlinkat,
	.fchmod = f_fchmod,
};

/* ---- helpers ---- */

static int count_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		n += strstr(de->d_name, ".tmp-") != NULL;
	closedir(d);
	return n;
}

static struct store *open_store(const char *dir)
{
	struct store *st;
	struct error err;

	if (store_open(&st, dir, true, &err) != 0)
		fail_msg("store_open: %s", err.msg);
	return st;
}

static struct block make_block(const struct week *w, int day, const char *start,
			       const char *end, enum block_kind kind, int industry,
			       const char *title)
{
	struct block b;

	block_init(&b);
	b.date = week_monday(w) + day;
	assert_int_equal(date_time_parse(start, &b.start), 0);
	assert_int_equal(date_time_parse(end, &b.end), 0);
	b.kind = kind;
	b.industry = industry;
	block_set_title(&b, title);
	return b;
}

/* ---- tests ---- */

static void test_round_trip(void **state)
{
	char *dir = tu_tempdir();
	struct store *st = open_store(dir);
	struct plan *p = starter_plan(), *p2;
	struct week *w = starter_week(p, 202649), *w2;
	struct session s = { 0 };
	struct sale sale = { 0 };
	struct interruption in = { 1764583200, (char *)"phone \xe2\x98\x8e" };
	struct error err;
	char *a, *b;
	size_t la, lb;

	(void)state;
	/* Sessions, sales and odd text survive too. */
	strcpy(s.block, "2026W49-1");
	s.started = 1764580000;
	s.ended = 1764589000;
	s.paused = 120;
	s.end = SESSION_CUT_SHORT;
	s.counted.calls = 7;
	s.interruptions = &in;
	s.n_interruptions = 1;
	week_session_add(w, &s);
	sale.date = week_monday(w) + 2;
	sale.amount = 999999999999LL;
	sale.note = (char *)"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \"quoted\" \\";
	assert_int_equal(week_sale_add(w, &sale, NULL, &err), 0);
	/* A sale made on a block, a block's minutes, carry-overs declined. */
	strcpy(sale.block, "2026W49-2");
	sale.amount = 900;
	assert_int_equal(week_sale_add(w, &sale, NULL, &err), 0);
	{
		struct block done;

		block_copy(&done, week_block_by_id(w, "2026W49-2"));
		done.status = STATUS_DONE;
		done.cut_short = true;
		done.worked = 65;
		assert_int_equal(week_block_update(w, p, &done, &err), 0);
		block_clear(&done);
	}
	week_decline_carry(w, "2026W48-3", true);
	week_decline_carry(w, "2026W48-7", true);
	assert_int_equal(store_save_plan(st, p, &err), 0);
	assert_int_equal(store_save_week(st, w, &err), 0);
	assert_int_equal(store_load_plan(st, &p2, &err), 0);
	assert_int_equal(store_load_week(st, p2, 202649, &w2, &err), 0);
	assert_true(week_equal(w, w2));
	assert_int_equal(week_block_sold(w2, "2026W49-2"), 900);
	assert_int_equal(week_block_by_id(w2, "2026W49-2")->worked, 65);
	assert_true(week_carry_declined(w2, "2026W48-7"));
	/* Saving what was loaded writes the same bytes. */
	a = tu_read(dir, "weeks/2026-W49.json", &la);
	assert_int_equal(store_save_week(st, w2, &err), 0);
	b = tu_read(dir, "weeks/2026-W49.json", &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	/* And the previous version is kept. */
	assert_true(tu_exists(dir, "weeks/2026-W49.json.bak"));
	free(a);
	free(b);
	week_free(w);
	week_free(w2);
	plan_free(p);
	plan_free(p2);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* Opening writes nothing; the first change makes the folder (0700) and its
 * files (0600), whatever the umask. */
static void test_first_run_permissions(void **state)
{
	char *dir = tu_tempdir(), sub[512];
	struct app_options o = { 0 };
	struct app *app;
	struct error err;
	struct stat sb;
	mode_t old = umask(0);

	(void)state;
	snprintf(sub, sizeof sub, "%s/deep/focusweek", dir);
	o.data_flag = sub;
	setenv("FOCUSWEEK_NOW", "2026-12-01T09:15", 1);
	assert_int_equal(clock_init(&err), 0);
	assert_int_equal(app_open(&app, &o, &err), 0);
	assert_true(app_is_new(app));
	assert_int_equal(stat(sub, &sb), -1);
	assert_int_equal(plan_industry_count(app_plan(app)), 0);
	assert_int_equal(app_sample_add(app, clock_today(clock_now()), NULL, &err), 0);
	assert_false(app_is_new(app));
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(sub, sizeof sub, "%s/deep/focusweek/plan.json", dir);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	snprintf(sub, sizeof sub, "%s/deep/focusweek/weeks/2026-W49.json", dir);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(plan_industry_count(app_plan(app)), 4);
	app_close(app);
	umask(old);
	unsetenv("FOCUSWEEK_NOW");
	clock_init(&err);
	tu_rmtree(dir);
	free(dir);
}

/* Every system call of a save fails in turn: the old file stays whole (or,
 * past the rename, the new one is whole and the error says so). */
static void test_fault_every_step(void **state)
{
	char *dir = tu_tempdir(), weeks[600];
	struct store *st = open_store(dir);
	struct plan *p = starter_plan();
	struct week *w = starter_week(p, 202649);
	struct error err;
	char *old, *saved;
	size_t old_len, n_steps;
	int failures = 0, committed = 0;

	(void)state;
	snprintf(weeks, sizeof weeks, "%s/weeks", dir);
	assert_int_equal(store_save_plan(st, p, &err), 0);
	assert_int_equal(store_save_week(st, w, &err), 0);
	old = tu_read(dir, "weeks/2026-W49.json", &old_len);
	/* Count the calls of one good save. */
	store_set_io(st, &faulty);
	fault_at = 0;
	calls = 0;
	{
		struct week *copy = week_clone(w);
		struct block b = make_block(copy, 4, "11:00", "12:00", KIND_ADMIN, 0, "probe");

		assert_int_equal(week_block_add(copy, p, &b, NULL, &err), 0);
		assert_int_equal(store_save_week(st, copy, &err), 0);
		block_clear(&b);
		week_free(copy);
	}
	n_steps = (size_t)calls;
	assert_true(n_steps >= 8); /* openat fchmod write.. fsync close link rename rename fsync */
	/* Put the old version back through a good save. */
	store_set_io(st, &fsio_real);
	assert_int_equal(store_save_week(st, w, &err), 0);
	store_set_io(st, &faulty);
	for (size_t step = 1; step <= n_steps; step++) {
		struct week *copy = week_clone(w);
		struct block b = make_block(copy, 4, "11:00", "12:00", KIND_ADMIN, 0, "new");
		int rc;
		size_t len;

		assert_int_equal(week_block_add(copy, p, &b, NULL, &err), 0);
		fault_at = (int)step;
		fault_errno = step % 2 ? ENOSPC : EIO;
		calls = 0;
		error_clear(&err);
		rc = store_save_week(st, copy, &err);
		assert_int_equal(rc, -1);
		assert_true(strlen(err.msg) > 10);
		saved = tu_read(dir, "weeks/2026-W49.json", &len);
		assert_non_null(saved);
		if (err.committed) {
			/* Only the folder fsync comes after the rename. */
			assert_string_equal(trace[step - 1], "fsync");
			assert_non_null(strstr(saved, "\"new\""));
			committed++;
			/* Back to the old state for the next round. */
			store_set_io(st, &fsio_real);
			assert_int_equal(store_save_week(st, w, &err), 0);
			store_set_io(st, &faulty);
		} else {
			assert_int_equal(len, old_len);
			assert_memory_equal(saved, old, old_len);
			failures++;
		}
		/* The in-memory change is untouched by the failure. */
		assert_non_null(week_block_at(copy, week_block_count(copy) - 1));
		assert_int_equal(count_temps(weeks), 0);
		free(saved);
		block_clear(&b);
		week_free(copy);
	}
	assert_int_equal(committed, 1);
	assert_int_equal(failures, (int)n_steps - 1);
	fault_at = 0;
	free(old);
	week_free(w);
	plan_free(p);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

static void test_conflict_detected(void **state)
{
	char *dir = tu_tempdir();
	struct store *a = open_store(dir), *b;
	struct plan *p = starter_plan();
	struct week *w = starter_week(p, 202649), *wa, *wb;
	struct error err;
	struct block blk;
	char *before;

	(void)state;
	assert_int_equal(store_save_plan(a, p, &err), 0);
	assert_int_equal(store_save_week(a, w, &err), 0);
	b = open_store(dir);
	assert_int_equal(store_load_week(a, p, 202649, &wa, &err), 0);
	assert_int_equal(store_load_week(b, p, 202649, &wb, &err), 0);
	/* b writes first; a's save must not overwrite b's change. */
	blk = make_block(wb, 4, "11:00", "12:00", KIND_ADMIN, 0, "from b");
	assert_int_equal(week_block_add(wb, p, &blk, NULL, &err), 0);
	assert_int_equal(store_save_week(b, wb, &err), 0);
	assert_true(store_week_changed(a, 202649));
	assert_false(store_week_changed(b, 202649));
	block_clear(&blk);
	blk = make_block(wa, 4, "12:00", "13:00", KIND_ADMIN, 0, "from a");
	assert_int_equal(week_block_add(wa, p, &blk, NULL, &err), 0);
	before = tu_read(dir, "weeks/2026-W49.json", NULL);
	assert_int_equal(store_save_week(a, wa, &err), -1);
	assert_int_equal(err.code, ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "changed by another program"));
	{
		char *after = tu_read(dir, "weeks/2026-W49.json", NULL);

		assert_string_equal(before, after);
		assert_non_null(strstr(after, "from b"));
		free(after);
	}
	free(before);
	block_clear(&blk);
	week_free(w);
	week_free(wa);
	week_free(wb);
	plan_free(p);
	store_close(a);
	store_close(b);
	tu_rmtree(dir);
	free(dir);
}

static void test_lock_and_instance(void **state)
{
	char *dir = tu_tempdir();
	struct store *a = open_store(dir), *b = open_store(dir);
	struct error err;

	(void)state;
	assert_int_equal(store_lock(a, 0, &err), 0);
	assert_int_equal(store_lock(b, 50, &err), -1);
	assert_int_equal(err.code, ERR_LOCKED);
	store_unlock(a);
	assert_int_equal(store_lock(b, 0, &err), 0);
	store_unlock(b);
	assert_int_equal(store_claim_instance(a, &err), 0);
	assert_int_equal(store_claim_instance(b, &err), -1);
	assert_int_equal(err.code, ERR_LOCKED);
	assert_non_null(strstr(err.msg, "pid"));
	store_close(a);
	/* Freed when the holder goes away. */
	assert_int_equal(store_claim_instance(b, &err), 0);
	store_close(b);
	tu_rmtree(dir);
	free(dir);
}

static void test_readonly_newer_schema(void **state)
{
	char *dir = tu_tempdir();
	struct store *st;
	struct plan *p = starter_plan(), *p2;
	struct error err;
	char *text, *pos, schema[32];
	const char *why;

	(void)state;
	st = open_store(dir);
	assert_int_equal(store_save_plan(st, p, &err), 0);
	store_close(st);
	text = tu_read(dir, "plan.json", NULL);
	snprintf(schema, sizeof schema, "\"schema\":\t%d", PLAN_SCHEMA);
	pos = strstr(text, schema);
	assert_non_null(pos);
	pos[10] = '9'; /* a schema this focusweek does not know yet */
	/* A newer file may carry keys we do not know. */
	pos = strstr(text, "\"quota\"");
	{
		char out[8192];

		snprintf(out, sizeof out, "%.*s\"future\": {\"x\": 1}, %s", (int)(pos - text), text, pos);
		tu_write(dir, "plan.json", out, strlen(out));
	}
	st = open_store(dir);
	assert_int_equal(store_load_plan(st, &p2, &err), 0);
	assert_true(store_readonly(st, &why));
	assert_non_null(strstr(why, "newer"));
	assert_int_equal(store_save_plan(st, p2, &err), -1);
	assert_int_equal(err.code, ERR_READONLY);
	free(text);
	plan_free(p);
	plan_free(p2);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* A two-file change interrupted after its journal was written is completed
 * by the next writer; a damaged journal is set aside, never applied. */
static void test_journal_replay(void **state)
{
	char *dir = tu_tempdir();
	struct store *st = open_store(dir);
	struct plan *p = starter_plan();
	struct week *w1 = starter_week(p, 202649), *w2 = week_new(p, 202650), *l1, *l2;
	struct store_txn *tx;
	struct error err;
	struct block b;
	char *before49, *now49;
	size_t n_before, n_now;

	(void)state;
	assert_int_equal(store_save_plan(st, p, &err), 0);
	assert_int_equal(store_save_week(st, w1, &err), 0);
	assert_int_equal(store_load_week(st, p, 202650, &l2, &err), 0);
	week_free(l2);
	before49 = tu_read(dir, "weeks/2026-W49.json", &n_before);
	/* Move block 1 to the next week. */
	block_copy(&b, week_block_at(w1, 0));
	b.date += 7;
	assert_int_equal(week_block_add(w2, p, &b, NULL, &err), 0);
	assert_int_equal(week_block_remove(w1, b.id, &err), 0);
	tx = store_txn_new(st);
	store_txn_week(tx, w2);
	store_txn_week(tx, w1);
	/* The journal is renamed into place by renameat #1; fail #2, the first
	 * data file's rename: a crash between the journal and the files. */
	store_set_io(st, &faulty);
	calls = 0;
	fault_at = 0;
	fault_name = "renameat";
	fault_nth = 2;
	assert_int_equal(store_txn_commit(tx, &err), -1);
	assert_true(err.committed);
	fault_name = NULL;
	store_set_io(st, &fsio_real);
	assert_true(tu_exists(dir, "journal"));
	now49 = tu_read(dir, "weeks/2026-W49.json", &n_now);
	assert_int_equal(n_now, n_before);
	free(now49);
	store_close(st);
	/* The next open completes the change. */
	st = open_store(dir);
	assert_false(tu_exists(dir, "journal"));
	assert_int_equal(store_load_week(st, p, 202649, &l1, &err), 0);
	assert_int_equal(store_load_week(st, p, 202650, &l2, &err), 0);
	assert_null(week_block_by_id(l1, b.id));
	assert_non_null(week_block_by_id(l2, b.id));
	week_free(l1);
	week_free(l2);
	store_close(st);
	/* A damaged journal is set aside, and nothing of it applied. */
	now49 = tu_read(dir, "weeks/2026-W49.json", &n_now);
	tu_write(dir, "journal",
		 "focusweek-journal 1\nF weeks/2026-W49.json 3\nabc\nEND 0000000000000000\n", 69);
	assert_int_equal(store_open(&st, dir, false, &err), -1);
	assert_int_equal(err.code, ERR_DATA);
	assert_non_null(strstr(err.msg, "damaged"));
	assert_true(tu_exists(dir, "journal.damaged"));
	assert_false(tu_exists(dir, "journal"));
	{
		size_t l;
		char *after = tu_read(dir, "weeks/2026-W49.json", &l);

		assert_int_equal(l, n_now);
		assert_memory_equal(after, now49, n_now);
		free(after);
	}
	free(now49);
	free(before49);
	block_clear(&b);
	week_free(w1);
	week_free(w2);
	plan_free(p);
	tu_rmtree(dir);
	free(dir);
}

static void test_hostile_paths(void **state)
{
	char *dir = tu_tempdir(), path[600], target[600];
	struct store *st;
	struct plan *p;
	struct error err;

	(void)state;
	/* plan.json as a symlink to a file elsewhere: never read, never written. */
	snprintf(target, sizeof target, "%s/elsewhere", dir);
	tu_write(dir, "elsewhere", "secret", 6);
	snprintf(path, sizeof path, "%s/plan.json", dir);
	assert_int_equal(symlink(target, path), 0);
	st = open_store(dir);
	assert_int_equal(store_load_plan(st, &p, &err), -1);
	assert_non_null(strstr(err.msg, "symbolic link"));
	p = starter_plan();
	assert_int_equal(store_save_plan(st, p, &err), -1);
	{
		char *s = tu_read(dir, "elsewhere", NULL);

		assert_string_equal(s, "secret");
		free(s);
	}
	unlink(path);
	/* A FIFO does not hang the loader. */
	assert_int_equal(mkfifo(path, 0600), 0);
	plan_free(p);
	assert_int_equal(store_load_plan(st, &p, &err), -1);
	assert_non_null(strstr(err.msg, "FIFO"));
	unlink(path);
	/* A folder in its place. */
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(store_load_plan(st, &p, &err), -1);
	assert_non_null(strstr(err.msg, "folder"));
	rmdir(path);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

static void test_stale_temps_cleaned(void **state)
{
	char *dir = tu_tempdir();
	struct store *st;
	struct error err;

	(void)state;
	/* pid 999999 does not exist, and died holding the lock; a file that is
	 * not a temp of ours is kept. */
	tu_write(dir, ".plan.json.tmp-999999-0", "{", 1);
	tu_write(dir, ".lock", "999999\n", 7);
	tu_write(dir, ".notours", "x", 1);
	st = open_store(dir);
	assert_int_equal(store_lock(st, 0, &err), 0);
	store_unlock(st);
	assert_false(tu_exists(dir, ".plan.json.tmp-999999-0"));
	assert_true(tu_exists(dir, ".notours"));
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_first_run_permissions),
		cmocka_unit_test(test_fault_every_step),
		cmocka_unit_test(test_conflict_detected),
		cmocka_unit_test(test_lock_and_instance),
		cmocka_unit_test(test_readonly_newer_schema),
		cmocka_unit_test(test_journal_replay),
		cmocka_unit_test(test_hostile_paths),
		cmocka_unit_test(test_stale_temps_cleaned),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
