/* test_app_timer.c - the timer through the application layer: every change
 * saved, a restart finding the same timer, finishing in one all-or-nothing
 * change, stale timers, one timer at most, and outcomes recorded by hand. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "app_block.h"
#include "app_int.h"
#include "app_timer.h"
#include "starter.h"
#include "store.h"
#include "store_int.h"
#include "test_app.h"
#include "testutil.h"
#include "timer.h"

#define KEY 202649 /* 2026-W49: Mon 30 Nov .. Sun 6 Dec */

static instant_t at(int day, int hh, int mm)
{
	return tu_local(date_from_ymd(2026, 12, day), hh * 60 + mm);
}

struct fixture {
	char *dir;
	struct store *st;   /* the folder as another program sees it */
	struct plan *p;
	struct app *app;    /* the session every change goes through */
};

static struct store *open_store(const char *dir)
{
	struct store *st;
	struct error err;

	if (store_open(&st, dir, true, &err) != 0)
		fail_msg("store_open: %s", err.msg);
	return st;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	tu_tz("Europe/Berlin");
	f->dir = tu_tempdir();
	ta_seed(f->dir, KEY);
	f->st = open_store(f->dir);
	f->p = starter_plan();
	f->app = ta_open(f->dir, false);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	app_close(f->app);
	store_close(f->st);
	plan_free(f->p);
	tu_rmtree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

static void start_ok(struct fixture *f, const char *id, instant_t now)
{
	struct timer_result res;
	struct error err;

	if (app_timer_start(f->app, id, false, now, &res, &err) != 0)
		fail_msg("start %s: %s", id ? id : "(now)", err.msg);
	timer_state_clear(&res.state);
}

static int act(struct fixture *f, struct timer_action a, instant_t now, struct timer_result *res,
	       struct error *err)
{
	int rc = app_timer_act(f->app, &a, now, res, err);

	timer_state_clear(&res->state);
	return rc;
}

static void act_ok(struct fixture *f, struct timer_action a, instant_t now)
{
	struct timer_result res;
	struct error err;

	if (act(f, a, now, &res, &err) != 0)
		fail_msg("action %d: %s", (int)a.op, err.msg);
}

static struct week *load_week(struct fixture *f)
{
	struct week *w;
	struct error err;

	assert_int_equal(store_load_week(f->st, f->p, KEY, &w, &err), 0);
	return w;
}

/* ---------------------------------------------------------------- tests */

static void test_every_change_saved_and_restart(void **state)
{
	struct fixture *f = *state;
	struct timer_state t;
	struct timer_view v;
	struct store *again;
	struct error err;
	bool present;

	start_ok(f, NULL, at(1, 9, 15)); /* the block happening now: 2026W49-2 */
	act_ok(f, (struct timer_action){ .op = TIMER_OP_COUNT, .counter = TIMER_CALLS,
					 .amount = 5 }, at(1, 9, 30));
	act_ok(f, (struct timer_action){ .op = TIMER_OP_TOGGLE }, at(1, 9, 40));
	act_ok(f, (struct timer_action){ .op = TIMER_OP_INTERRUPT, .note = "visitor" },
	       at(1, 9, 45));

	/* Another process (or the same one after kill -9) finds it all. */
	again = open_store(f->dir);
	assert_int_equal(store_load_timer(again, &t, &present, &err), 0);
	assert_true(present);
	assert_string_equal(t.block, "2026W49-2");
	assert_int_equal(t.counted.calls, 5);
	assert_int_equal(t.paused_at, at(1, 9, 40));
	assert_int_equal(t.n_interruptions, 1);
	timer_view(&t, at(1, 13, 0), &v);
	assert_true(v.is_paused);
	assert_int_equal(v.elapsed, 25 * 60);
	assert_int_equal(v.remaining, 80 * 60);
	timer_state_clear(&t);
	store_close(again);
	/* ... and so does a status bar, without opening the folder to write. */
	assert_int_equal(store_peek_timer(f->dir, &t, &present, &err), 0);
	assert_true(present);
	assert_string_equal(t.block, "2026W49-2");
	assert_int_equal(t.counted.calls, 5);
	assert_int_equal(t.paused_at, at(1, 9, 40));
	assert_int_equal(t.n_interruptions, 1);
	timer_state_clear(&t);

	act_ok(f, (struct timer_action){ .op = TIMER_OP_TOGGLE }, at(1, 10, 0));
	act_ok(f, (struct timer_action){ .op = TIMER_OP_EXTEND, .amount = 10 }, at(1, 10, 1));
	assert_int_equal(store_load_timer(f->st, &t, &present, &err), 0);
	assert_int_equal(t.paused_at, 0);
	assert_int_equal(t.paused_total, 20 * 60);
	assert_int_equal(t.extended, 600);
	timer_state_clear(&t);
}

static void test_stop_writes_week_and_removes_timer(void **state)
{
	struct fixture *f = *state;
	struct timer_result res;
	struct error err;
	struct week *w;
	const struct block *b;
	bool present;
	struct timer_state t;

	start_ok(f, "2026W49-2", at(1, 9, 15));
	act_ok(f, (struct timer_action){ .op = TIMER_OP_COUNT, .counter = TIMER_MEETINGS,
					 .amount = 1 }, at(1, 9, 50));
	assert_int_equal(act(f, (struct timer_action){ .op = TIMER_OP_STOP, .sold = 300 },
			     at(1, 10, 0), &res, &err), 0);
	assert_int_equal(res.end, SESSION_CUT_SHORT); /* stopped before 11:00 */
	assert_false(tu_exists(f->dir, "timer.json"));
	assert_false(tu_exists(f->dir, "journal"));
	assert_int_equal(store_load_timer(f->st, &t, &present, &err), 0);
	assert_false(present);
	assert_int_equal(store_peek_timer(f->dir, &t, &present, &err), 0);
	assert_false(present);
	w = load_week(f);
	b = week_block_by_id(w, "2026W49-2");
	assert_int_equal(b->status, STATUS_DONE);
	assert_true(b->cut_short);
	assert_int_equal(b->out.meetings, 1);
	/* What was sold is a sale of the block's day and industry, naming it. */
	assert_int_equal(week_block_sold(w, "2026W49-2"), 300);
	assert_int_equal(week_sale_count(w), 1);
	assert_int_equal(week_sale_at(w, 0)->date, b->date);
	assert_int_equal(week_sale_at(w, 0)->industry, b->industry);
	assert_string_equal(week_sale_at(w, 0)->block, "2026W49-2");
	assert_int_equal(week_session_count(w), 1);
	assert_int_equal(week_session_at(w, 0)->ended, at(1, 10, 0));
	week_free(w);

	assert_int_equal(act(f, (struct timer_action){ .op = TIMER_OP_PAUSE }, at(1, 10, 1),
			     &res, &err), -1);
	assert_int_equal(res.why, TIMER_REFUSED_NONE);

	/* A damaged timer.json names itself to a status bar too. */
	tu_write(f->dir, "timer.json", "{\"schema\": 1,", 13);
	assert_int_equal(store_peek_timer(f->dir, &t, &present, &err), -1);
	assert_int_equal(err.code, ERR_DATA);
	assert_non_null(strstr(err.msg, "timer.json"));
	assert_false(present);
}

/* ---- a stop interrupted at each system call: all old or all new ---- */

static int calls, fail_call;

static bool fault(void)
{
	if (++calls == fail_call) {
		errno = EIO;
		return true;
	}
	return false;
}

static int f_openat(int d, const char *n, int fl, mode_t m)
{
	return fault() ? -1 : openat(d, n, fl, m);
}

static ssize_t f_write(int fd, const void *b, size_t n)
{
	return fault() ? -1 : write(fd, b, n);
}

static int f_fsync(int fd)
{
	return fault() ? -1 : fsync(fd);
}

static int f_close(int fd)
{
	if (fault()) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static int f_linkat(int a, const char *o, int b, const char *n, int fl)
{
	return fault() ? -1 : linkat(a, o, b, n, fl);
}

static int f_renameat(int a, const char *o, int b, const char *n)
{
	return fault() ? -1 : renameat(a, o, b, n);
}

static int f_unlinkat(int d, const char *n, int fl)
{
	return fault() ? -1 : unlinkat(d, n, fl);
}

static int f_fchmod(int fd, mode_t m)
{
	return fault() ? -1 : fchmod(fd, m);
}

static const struct sysio faulty = {
	.openat = f_openat, .write = f_write, .fsync = f_fsync, .close = f_close,
	.linkat = f_linkat, .renameat = f_renameat, .unlinkat = f_unlinkat,
	.fchmod = f_fchmod,
};

/* Stops with the fail_call-th system call failing; checks what the next
 * process finds.  Returns false once no call failed. */
static bool stop_with_fault(void)
{
	struct fixture *f;
	struct timer_result res;
	struct error err = { 0 };
	struct timer_state t;
	struct week *w;
	bool present, peeked, hit;
	int rc;

	setup((void **)&f);
	start_ok(f, "2026W49-2", at(1, 9, 15));
	calls = 0;
	store_set_io(f->app->boot.store, &faulty);
	rc = act(f, (struct timer_action){ .op = TIMER_OP_STOP, .end_given = true,
					   .end = SESSION_DONE }, at(1, 11, 0), &res, &err);
	hit = calls >= fail_call;
	app_close(f->app);
	f->app = NULL;
	store_close(f->st);
	/* A status bar reads first: it finishes a change left half done, and
	 * sees what the next writer will. */
	assert_int_equal(store_peek_timer(f->dir, &t, &peeked, &err), 0);
	if (peeked)
		timer_state_clear(&t);
	assert_false(tu_exists(f->dir, "journal"));
	f->st = open_store(f->dir);
	assert_int_equal(store_load_timer(f->st, &t, &present, &err), 0);
	assert_int_equal(peeked, present);
	w = load_week(f);
	if (present) {
		assert_int_not_equal(rc, 0);
		assert_int_equal(week_block_by_id(w, "2026W49-2")->status, STATUS_PLANNED);
		assert_int_equal(week_session_count(w), 0);
		timer_state_clear(&t);
	} else {
		assert_true(rc == 0 || err.committed);
		assert_int_equal(week_block_by_id(w, "2026W49-2")->status, STATUS_DONE);
		assert_int_equal(week_session_count(w), 1);
	}
	week_free(w);
	teardown((void **)&f);
	return hit;
}

static void test_stop_all_or_nothing(void **state)
{
	(void)state;
	for (fail_call = 1; stop_with_fault(); fail_call++)
		assert_true(fail_call < 500);
	assert_true(fail_call > 10); /* every call of the change was failed once */
}

/* ---- stale, busy, switch ---- */

static void remove_block(struct fixture *f, const char *id)
{
	struct week *w = load_week(f);
	struct error err;

	assert_int_equal(week_block_remove(w, id, &err), 0);
	assert_int_equal(store_save_week(f->st, w, &err), 0);
	week_free(w);
}

static void test_stale_timer_cleared(void **state)
{
	struct fixture *f = *state;
	struct timer_result res;
	struct error err;

	start_ok(f, "2026W49-4", at(2, 9, 0));
	remove_block(f, "2026W49-4");
	assert_int_equal(act(f, (struct timer_action){ .op = TIMER_OP_COUNT,
						       .counter = TIMER_CALLS, .amount = 1 },
			     at(2, 9, 5), &res, &err), -1);
	assert_int_equal(res.why, TIMER_REFUSED_STALE);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "no longer exists; the stale timer was cleared"));
	assert_false(tu_exists(f->dir, "timer.json"));

	/* A start replaces a stale timer, saying so. */
	start_ok(f, "2026W49-5", at(3, 9, 0));
	remove_block(f, "2026W49-5");
	assert_int_equal(app_timer_start(f->app, "2026W49-6", false, at(3, 14, 0), &res,
					   &err), 0);
	assert_non_null(strstr(res.notice, "2026W49-5"));
	assert_non_null(strstr(res.notice, "stale timer was replaced"));
	assert_string_equal(res.state.block, "2026W49-6");
	timer_state_clear(&res.state);
}

static void test_one_timer_and_switch(void **state)
{
	struct fixture *f = *state;
	struct timer_result res;
	struct timer_state t;
	struct error err;
	struct week *w;
	bool present;

	start_ok(f, "2026W49-2", at(1, 9, 15));
	act_ok(f, (struct timer_action){ .op = TIMER_OP_COUNT, .counter = TIMER_CALLS,
					 .amount = 3 }, at(1, 9, 20));
	assert_int_equal(app_timer_start(f->app, "2026W49-3", false, at(1, 9, 25), &res,
					   &err), -1);
	assert_int_equal(res.why, TIMER_REFUSED_BUSY);
	assert_string_equal(res.state.block, "2026W49-2"); /* the one in the way */
	timer_state_clear(&res.state);
	assert_int_equal(app_timer_start(f->app, "2026W49-2", true, at(1, 9, 25), &res,
					   &err), -1);
	assert_non_null(strstr(err.msg, "already runs"));
	timer_state_clear(&res.state);

	assert_int_equal(app_timer_start(f->app, "2026W49-3", true, at(1, 9, 30), &res,
					   &err), 0);
	assert_non_null(strstr(res.notice, "abandoned the timer on 2026W49-2"));
	timer_state_clear(&res.state);
	assert_int_equal(store_load_timer(f->st, &t, &present, &err), 0);
	assert_string_equal(t.block, "2026W49-3");
	assert_int_equal(t.counted.calls, 0);
	timer_state_clear(&t);
	w = load_week(f);
	assert_int_equal(week_session_count(w), 1);
	assert_int_equal(week_session_at(w, 0)->end, SESSION_ABANDONED);
	assert_int_equal(week_session_at(w, 0)->counted.calls, 3);
	assert_int_equal(week_block_by_id(w, "2026W49-2")->status, STATUS_PLANNED);
	assert_int_equal(week_block_by_id(w, "2026W49-2")->out.calls, 3);
	week_free(w);
}

static void test_nothing_happening_now(void **state)
{
	struct fixture *f = *state;
	struct timer_result res;
	struct error err;

	assert_int_equal(app_timer_start(f->app, NULL, false, at(1, 12, 15), &res, &err),
			 -1);
	assert_int_equal(err.code, ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "the next is 2026W49-3 \"Quarterly review\" at 14:00;"));
	timer_state_clear(&res.state);
	assert_int_equal(app_timer_start(f->app, NULL, false, at(4, 17, 0), &res, &err),
			 -1);
	assert_non_null(strstr(err.msg, "none is left this week"));
	timer_state_clear(&res.state);
	assert_false(tu_exists(f->dir, "timer.json"));
}

static void test_block_moved_meanwhile(void **state)
{
	struct fixture *f = *state;
	struct week *from = load_week(f), *to;
	struct block b;
	struct store_txn *tx;
	struct timer_state t;
	struct error err;
	bool present;

	start_ok(f, "2026W49-2", at(1, 9, 15));
	/* Moved to the next Tuesday and renamed, as `edit` would. */
	assert_int_equal(store_load_week(f->st, f->p, 202650, &to, &err), 0);
	block_copy(&b, week_block_by_id(from, "2026W49-2"));
	b.date += 7;
	block_set_title(&b, "Plants, again");
	assert_int_equal(week_set_niche(to, f->p, b.date, PART_DAY, b.industry, &err), 0);
	assert_int_equal(week_block_add(to, f->p, &b, NULL, &err), 0);
	assert_int_equal(week_block_remove(from, "2026W49-2", &err), 0);
	tx = store_txn_new(f->st);
	store_txn_week(tx, to);
	store_txn_week(tx, from);
	assert_int_equal(store_txn_commit(tx, &err), 0);
	block_clear(&b);
	week_free(from);
	week_free(to);

	act_ok(f, (struct timer_action){ .op = TIMER_OP_COUNT, .counter = TIMER_CALLS,
					 .amount = 1 }, at(1, 9, 20));
	assert_int_equal(store_load_timer(f->st, &t, &present, &err), 0);
	assert_int_equal(t.week, 202650);
	assert_string_equal(t.title, "Plants, again");
	timer_state_clear(&t);
}

static void test_by_hand_while_timed(void **state)
{
	struct fixture *f = *state;
	struct timer_outcome o = { .end = SESSION_DONE, .add = { .calls = 4 } };
	struct error err;
	struct week *w;

	start_ok(f, "2026W49-2", at(1, 9, 15));
	assert_int_equal(app_block_record(f->app, "2026W49-2", &o, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "the timer is running on 2026W49-2"));
	assert_int_equal(app_block_skip(f->app, "2026W49-2", NULL, &err), -1);
	assert_int_equal(app_block_record(f->app, "2026W49-1", &o, NULL, &err), 0);
	assert_int_equal(app_block_skip(f->app, "2026W49-4", NULL, &err), 0);
	w = load_week(f);
	assert_int_equal(week_block_by_id(w, "2026W49-2")->status, STATUS_PLANNED);
	assert_int_equal(week_block_by_id(w, "2026W49-1")->status, STATUS_DONE);
	assert_int_equal(week_block_by_id(w, "2026W49-1")->out.calls, 4);
	assert_int_equal(week_block_by_id(w, "2026W49-4")->status, STATUS_SKIPPED);
	week_free(w);
	assert_true(tu_exists(f->dir, "timer.json"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_change_saved_and_restart, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stop_writes_week_and_removes_timer, setup,
						teardown),
		cmocka_unit_test(test_stop_all_or_nothing),
		cmocka_unit_test_setup_teardown(test_stale_timer_cleared, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_timer_and_switch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_happening_now, setup, teardown),
		cmocka_unit_test_setup_teardown(test_block_moved_meanwhile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_hand_while_timed, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
