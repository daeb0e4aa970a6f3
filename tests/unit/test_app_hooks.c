/* test_app_hooks.c - hooks run after a change is saved: each event once
 * with its JSON on standard input, by name and suffix, without the lock; a
 * hook that fails or hangs is reported and stopped, and the change stays
 * saved; none under --demo, for undo, or for a change that saved nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_block.h"
#include "app_hooks.h"
#include "app_planning.h"
#include "app_sale.h"
#include "app_timer.h"
#include "app_settings.h"
#include "test_app.h"
#include "testutil.h"
#include "timer.h"

#define KEY 202649 /* 2026-W49 */
#define PLANTS "2026W49-2"

struct fixture {
	char *dir;       /* the data folder */
	char *config;    /* XDG_CONFIG_HOME */
	char hooks[4096];
	char out[4096];  /* where the hooks write what they got */
	struct app *app;
};

static instant_t at(int day, int hh, int mm)
{
	return tu_local(date_from_ymd(2026, 12, day), hh * 60 + mm);
}

/* An executable hook file with the given script. */
static void hook(struct fixture *f, const char *name, const char *script)
{
	char path[8192];

	tu_write(f->hooks, name, script, strlen(script));
	snprintf(path, sizeof path, "%s/%s", f->hooks, name);
	assert_int_equal(chmod(path, 0700), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	tu_tz("Europe/Berlin");
	f->dir = tu_tempdir();
	f->config = tu_tempdir();
	snprintf(f->hooks, sizeof f->hooks, "%s/focusweek", f->config);
	mkdir(f->hooks, 0700);
	snprintf(f->hooks, sizeof f->hooks, "%s/focusweek/hooks", f->config);
	mkdir(f->hooks, 0700);
	snprintf(f->out, sizeof f->out, "%s/got", f->config);
	setenv("XDG_CONFIG_HOME", f->config, 1);
	setenv("HOOK_OUT", f->out, 1);
	ta_seed(f->dir, KEY);
	f->app = ta_open(f->dir, false);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	app_close(f->app);
	tu_rmtree(f->dir);
	tu_rmtree(f->config);
	unsetenv("HOOK_OUT");
	free(f->dir);
	free(f->config);
	free(f);
	return 0;
}

/* What the hooks wrote ("" when none ran). */
static char *got(struct fixture *f)
{
	char *text = tu_read(f->config, "got", NULL);

	return text != NULL ? text : strdup("");
}

static size_t lines(const char *text)
{
	size_t n = 0;

	for (; *text; text++)
		n += *text == '\n';
	return n;
}

static void has(const char *text, const char *what)
{
	if (strstr(text, what) == NULL)
		fail_msg("no \"%s\" in:\n%s", what, text);
}

#define LOG_HOOK "#!/bin/sh\n{ printf '%s ' \"$FOCUSWEEK_EVENT\"; cat; } >> \"$HOOK_OUT\"\n"

static void done_ok(struct fixture *f, const char *id)
{
	struct timer_outcome o = { .end = SESSION_DONE, .add = { .calls = 4 } };
	struct app_result res;
	struct error err;

	if (app_block_record(f->app, id, &o, &res, &err) != 0)
		fail_msg("done %s: %s", id, err.msg);
}

static void test_block_done(void **state)
{
	struct fixture *f = *state;
	struct buf said = BUF_INIT;
	char *text;

	hook(f, "on-block-done", LOG_HOOK);
	hook(f, "on-block-done.second", LOG_HOOK);
	hook(f, "on-block-doneish", LOG_HOOK);           /* another name: not run */
	tu_write(f->hooks, "on-block-done.txt", "x", 1); /* not executable: not run */
	done_ok(f, PLANTS);
	text = got(f);
	assert_int_equal(lines(text), 2);
	has(text, "block-done {\"event\":\"block-done\",\"data\":\"");
	has(text, "\"block\":{\"id\":\"" PLANTS "\",\"date\":\"2026-12-01\",\"start\":\"08:30\","
		  "\"end\":\"11:00\",\"kind\":\"prospecting\",\"industry\":\"Manufacturing\","
		  "\"account\":\"\",\"title\":\"Call list: plants\",\"quota\":true,"
		  "\"status\":\"done\",\"cut_short\":false,\"calls\":4,");
	assert_false(app_hooks_report(f->app, &said));
	free(text);
	buf_free(&said);
}

static void test_timer_stop_and_sale(void **state)
{
	struct fixture *f = *state;
	struct timer_action stop = { .op = TIMER_OP_STOP };
	struct timer_result res;
	struct app_result ar;
	struct sale s = { .amount = 4200, .industry = 2 };
	struct error err;
	char *text;

	hook(f, "on-timer-stop", LOG_HOOK);
	hook(f, "on-block-done", LOG_HOOK);
	hook(f, "on-sale", LOG_HOOK);
	assert_int_equal(app_timer_start(f->app, PLANTS, false, at(1, 8, 30), &res, &err), 0);
	timer_state_clear(&res.state);
	assert_int_equal(access(f->out, F_OK), -1); /* starting is no event */
	assert_int_equal(app_timer_act(f->app, &stop, at(1, 11, 0), &res, &err), 0);
	timer_state_clear(&res.state);
	s.date = date_from_ymd(2026, 12, 1);
	assert_int_equal(app_sale_add(f->app, &s, &ar, &err), 0);
	text = got(f);
	assert_int_equal(lines(text), 3);
	has(text, "timer-stop {\"event\":\"timer-stop\"");
	has(text, "\"session\":{\"block\":\"" PLANTS "\",\"end\":\"done\","
		  "\"started\":\"2026-12-01T07:30:00Z\",\"ended\":\"2026-12-01T10:00:00Z\","
		  "\"worked_seconds\":9000,");
	has(text, "block-done {\"event\":\"block-done\"");
	has(text, "sale {\"event\":\"sale\"");
	has(text, "\"sale\":{\"id\":\"");
	has(text, "\"amount\":4200,\"currency\":\"USD\",\"industry\":\"Manufacturing\"");
	free(text);
}

/* The Monday planning applied: one on-plan with the week's blocks. */
static void test_plan(void **state)
{
	struct fixture *f = *state;
	struct app_planning *ap;
	struct app_result res;
	struct error err;
	char *text;

	hook(f, "on-plan", LOG_HOOK);
	assert_int_equal(app_planning_open(f->app, KEY + 1, date_from_ymd(2026, 12, 7), 8 * 60,
					   false, &ap, &err), 0);
	assert_int_equal(planning_rotate(ap->pl, false, &err), 0);
	assert_int_equal(app_planning_apply(f->app, ap, NULL, &res, &err), 0);
	app_planning_free(ap);
	text = got(f);
	assert_int_equal(lines(text), 1);
	has(text, "plan {\"event\":\"plan\"");
	has(text, "\"week\":\"2026-W50\",\"summary\":\"planned 2026-W50: ");
	free(text);
}

/* A failing hook is reported with what it said; the change is saved.  The
 * hooks run after the lock is let go: one may change the plan itself. */
static void test_failure_reported(void **state)
{
	struct fixture *f = *state;
	struct buf said = BUF_INIT;
	struct week *w;
	struct error err;
	char script[8192], *text;

	hook(f, "on-block-done.crm", "#!/bin/sh\necho 'crm: no route to host' >&2\nexit 3\n");
	snprintf(script, sizeof script, "#!/bin/sh\nflock -n '%s/.lock' true && echo unlocked > "
		 "\"$HOOK_OUT\"\n", f->dir);
	hook(f, "on-block-done.lock", script);
	done_ok(f, PLANTS);
	assert_true(app_hooks_report(f->app, &said));
	assert_string_equal(buf_str(&said), "hook on-block-done.crm failed (exit 3): crm: no route "
			    "to host; the change was saved\n");
	buf_reset(&said);
	assert_false(app_hooks_report(f->app, &said)); /* said once */
	assert_int_equal(app_week(f->app, KEY, &w, &err), 0);
	assert_int_equal(week_block_by_id(w, PLANTS)->status, STATUS_DONE);
	week_free(w);
	text = got(f);
	has(text, "unlocked");
	free(text);
	buf_free(&said);
}

/* A process that exists and has not ended (a zombie has). */
static bool running(int pid)
{
	char path[64], *stat, *paren;
	bool alive;

	snprintf(path, sizeof path, "/proc/%d", pid);
	stat = tu_read(path, "stat", NULL);
	if (stat == NULL)
		return false;
	paren = strrchr(stat, ')');
	alive = paren != NULL && paren[1] == ' ' && paren[2] != 'Z' && paren[2] != 'X';
	free(stat);
	return alive;
}

/* A hook that hangs is stopped after hooks.timeout, with what it started. */
static void test_timeout(void **state)
{
	struct fixture *f = *state;
	struct buf said = BUF_INIT;
	struct app_result res;
	struct error err;
	int64_t t0;
	char *pid;

	assert_int_equal(app_settings_set(f->app, "hooks.timeout", "1", false, &res, &err), 0);
	hook(f, "on-block-done", "#!/bin/sh\nsleep 60 &\necho $! > \"$HOOK_OUT\"\nwait\n");
	t0 = clock_mono_ms();
	done_ok(f, PLANTS);
	assert_true(clock_mono_ms() - t0 < 10 * 1000);
	assert_true(app_hooks_report(f->app, &said));
	assert_string_equal(buf_str(&said), "hook on-block-done ran over 1 s and was stopped "
			    "(hooks.timeout); the change was saved\n");
	pid = got(f);
	assert_true(atoi(pid) > 0);
	/* Its child was stopped too (it may take its parent's init a moment to
	 * collect it). */
	t0 = clock_mono_ms();
	while (running(atoi(pid)) && clock_mono_ms() - t0 < 10 * 1000)
		usleep(10 * 1000);
	assert_false(running(atoi(pid)));
	free(pid);
	buf_free(&said);
}

/* A block still planned in the demo's week (the demo is made for today). */
static const char *demo_planned(struct app *app)
{
	static char id[MODEL_ID_MAX];
	struct week *w;
	struct error err;

	id[0] = '\0';
	assert_int_equal(app_week(app, date_week_key(clock_today(clock_now())), &w, &err), 0);
	for (size_t i = 0; i < week_block_count(w) && !id[0]; i++)
		if (week_block_at(w, i)->status == STATUS_PLANNED &&
		    week_block_at(w, i)->kind != KIND_MEETING)
			snprintf(id, sizeof id, "%s", week_block_at(w, i)->id);
	week_free(w);
	assert_true(id[0] != '\0');
	return id;
}

/* No event, no hook: a demo, undo and redo, a change that saved nothing. */
static void test_not_run(void **state)
{
	struct fixture *f = *state;
	struct app_options demo = { .demo = true };
	struct app *app;
	struct app_result res;
	struct timer_outcome o = { .end = SESSION_DONE };
	struct error err;
	char *text;

	hook(f, "on-block-done", LOG_HOOK);
	assert_int_equal(app_open(&app, &demo, &err), 0);
	assert_int_equal(app_block_record(app, demo_planned(app), &o, &res, &err), 0);
	app_close(app);
	assert_int_equal(access(f->out, F_OK), -1);
	app = ta_open(f->dir, true);
	assert_int_equal(app_block_record(app, PLANTS, &o, &res, &err), 0);
	assert_int_equal(app_undo(app, &res, &err), 0);
	assert_int_equal(app_redo(app, &res, &err), 0);
	assert_int_equal(app_block_record(app, PLANTS, &o, &res, &err), -1); /* done already */
	app_close(app);
	text = got(f);
	assert_int_equal(lines(text), 1);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_block_done, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timer_stop_and_sale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_run, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
