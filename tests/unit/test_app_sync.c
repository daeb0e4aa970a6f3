/* test_app_sync.c - the calendar sync through the application layer, on
 * vdir folders written here as vdirsyncer writes them (a temp file renamed
 * over the old): the blocks' files, what a calendar changed read back, the
 * conflict rule, deletions, files that are someone else's, busy time read
 * incrementally, and the planner's files following its changes. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_block.h"
#include "app_int.h"
#include "app_settings.h"
#include "app_sync.h"
#include "store_sync.h"
#include "test_app.h"
#include "testutil.h"

#define KEY 202649 /* 2026-W49: Mon 30 Nov .. Sun 6 Dec */
#define NOW "2026-12-01T09:15"

struct fixture {
	char *dir;        /* the data folder */
	char *vdir;       /* sync.blocks */
	char *busy;       /* sync.busy */
	struct app *app;
};

static void set(struct fixture *f, const char *key, const char *value)
{
	struct app_result res;
	struct error err;

	if (app_settings_set(f->app, key, value, false, &res, &err) != 0)
		fail_msg("settings set %s %s: %s", key, value, err.msg);
}

static void now_is(const char *when)
{
	struct error err;

	setenv("FOCUSWEEK_NOW", when, 1);
	assert_int_equal(clock_init(&err), 0);
}

static char *sub(const char *dir, const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	sprintf(p, "%s/%s", dir, name);
	return p;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	tu_tz("Europe/Berlin");
	unsetenv("FOCUSWEEK_INSTALL_ID");
	now_is(NOW);
	f->dir = tu_tempdir();
	f->vdir = sub(f->dir, "calendar");
	f->busy = sub(f->dir, "busy");
	mkdir(f->busy, 0700);
	ta_seed(f->dir, KEY);
	f->app = ta_open(f->dir, false);
	set(f, "sync.blocks", f->vdir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	app_close(f->app);
	tu_rmtree(f->dir);
	free(f->dir);
	free(f->vdir);
	free(f->busy);
	free(f);
	return 0;
}

/* ---------------------------------------------------------------- helpers */

static void sync_ok(struct fixture *f, struct app_sync_report *rep)
{
	struct app_result res;
	struct error err;

	if (app_sync(f->app, rep, &res, &err) != 0)
		fail_msg("sync: %s", err.msg);
}

/* The report's items of a kind, one per line. */
static const char *items(const struct app_sync_report *rep, enum app_sync_kind kind)
{
	static char text[4096];

	text[0] = '\0';
	for (size_t i = 0; i < rep->n_items; i++)
		if (rep->items[i].kind == kind)
			snprintf(text + strlen(text), sizeof text - strlen(text), "%s\n",
				 rep->items[i].text);
	return text;
}

/* The name of the file in dir that starts with prefix, or NULL (free()). */
static char *file_of(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char *found = NULL;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 && found == NULL)
			found = strdup(de->d_name);
	closedir(d);
	return found;
}

static size_t count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

/* Writes name as vdirsyncer does: a temp file renamed over it. */
static void put(const char *dir, const char *name, const char *text)
{
	char *tmp = sub(dir, ".put.tmp"), *path = sub(dir, name);

	tu_write(dir, ".put.tmp", text, strlen(text));
	assert_int_equal(rename(tmp, path), 0);
	free(tmp);
	free(path);
}

/* The block file of `id`, with every `from` replaced by `to`. */
static void edit_block_file(struct fixture *f, const char *id, const char *from, const char *to)
{
	char prefix[32], *name, *text, *at;
	size_t n;
	char out[16384] = "";

	snprintf(prefix, sizeof prefix, "%s.", id);
	name = file_of(f->vdir, prefix);
	assert_non_null(name);
	text = tu_read(f->vdir, name, &n);
	assert_non_null(strstr(text, from));
	for (char *p = text; (at = strstr(p, from)) != NULL; p = at + strlen(from)) {
		strncat(out, p, (size_t)(at - p));
		strcat(out, to);
		if (strstr(at + strlen(from), from) == NULL)
			strcat(out, at + strlen(from));
	}
	put(f->vdir, name, out);
	free(text);
	free(name);
}

static void remove_block_file(struct fixture *f, const char *id)
{
	char prefix[32], *name, *path;

	snprintf(prefix, sizeof prefix, "%s.", id);
	name = file_of(f->vdir, prefix);
	assert_non_null(name);
	path = sub(f->vdir, name);
	assert_int_equal(unlink(path), 0);
	free(path);
	free(name);
}

static struct block *get_block(struct fixture *f, const char *id)
{
	static struct block b;
	struct week *w;
	struct error err;

	block_clear(&b);
	if (app_find_block(f->app, id, &w, &err) != 0)
		fail_msg("block %s: %s", id, err.msg);
	block_copy(&b, week_block_by_id(w, id));
	week_free(w);
	return &b;
}

static void edit_here(struct fixture *f, const char *id, int start, int end)
{
	struct block b;
	struct app_result res;
	struct error err;

	block_copy(&b, get_block(f, id));
	b.start = start;
	b.end = end;
	if (app_block_update(f->app, &b, &res, &err) != 0)
		fail_msg("edit %s: %s", id, err.msg);
	block_clear(&b);
}

/* ---------------------------------------------------------------- blocks out */

static void test_writes_each_block_once(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *name, *text, uid[96];

	sync_ok(f, &rep);
	assert_int_equal(rep.written, 8);
	assert_int_equal(count_files(f->vdir), 8);
	/* UID.ics, the UID carrying this install's id. */
	snprintf(uid, sizeof uid, "UID:2026W49-1.%s@focusweek", plan_install(app_plan(f->app)));
	assert_true(strlen(plan_install(app_plan(f->app))) > 0);
	name = file_of(f->vdir, "2026W49-1.");
	text = tu_read(f->vdir, name, NULL);
	assert_non_null(strstr(text, uid));
	assert_non_null(strstr(text, "BEGIN:VTIMEZONE"));
	assert_non_null(strstr(text, "X-FOCUSWEEK-ID:2026W49-1"));
	assert_null(strstr(text, "BEGIN:VALARM")); /* sync.alarm is off */
	free(text);
	free(name);
	app_sync_report_clear(&rep);
	/* Nothing changed: nothing written. */
	sync_ok(f, &rep);
	assert_int_equal(rep.written, 0);
	assert_int_equal(rep.unchanged, 8);
	assert_string_equal(rep.summary, "nothing changed");
	app_sync_report_clear(&rep);
	/* One block changed here: its file alone. */
	edit_here(f, "2026W49-4", 9 * 60, 11 * 60);
	sync_ok(f, &rep);
	assert_int_equal(rep.written, 1);
	assert_int_equal(rep.unchanged, 7);
	app_sync_report_clear(&rep);
}

static void test_alarm_and_skipped(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	struct app_result res;
	struct error err;
	char *name, *text;

	set(f, "sync.alarm", "10");
	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	name = file_of(f->vdir, "2026W49-5.");
	text = tu_read(f->vdir, name, NULL);
	assert_non_null(strstr(text, "BEGIN:VALARM"));
	assert_non_null(strstr(text, "TRIGGER:-PT10M"));
	free(text);
	/* A skipped block leaves the calendar; planned again, it comes back. */
	assert_int_equal(app_block_skip(f->app, "2026W49-5", &res, &err), 0);
	sync_ok(f, &rep);
	assert_int_equal(rep.removed, 1);
	assert_false(tu_exists(f->vdir, name));
	app_sync_report_clear(&rep);
	assert_int_equal(app_block_reopen(f->app, "2026W49-5", &res, &err), 0);
	sync_ok(f, &rep);
	assert_int_equal(rep.written, 1);
	assert_true(tu_exists(f->vdir, name));
	app_sync_report_clear(&rep);
	free(name);
}

static void test_deleted_here_removed(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	struct app_result res;
	struct error err;
	char *name;

	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	name = file_of(f->vdir, "2026W49-8.");
	assert_int_equal(app_block_remove(f->app, "2026W49-8", &res, &err), 0);
	sync_ok(f, &rep);
	assert_int_equal(rep.removed, 1);
	assert_false(tu_exists(f->vdir, name));
	assert_int_equal(count_files(f->vdir), 7);
	app_sync_report_clear(&rep);
	free(name);
}

/* Files focusweek did not write are never touched, even one that bears
 * a block's file name. */
static void test_others_files_untouched(void **state)
{
	struct fixture *f = *state;
	const char *theirs = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
			     "UID:dentist@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
			     "DTSTART:20261202T100000Z\r\nDTEND:20261202T110000Z\r\n"
			     "SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	struct app_sync_report rep;
	char name[96], *after;

	mkdir(f->vdir, 0700);
	put(f->vdir, "dentist.ics", theirs);
	/* The install id is given by the first write: take it now. */
	app_install_ensure(f->app);
	snprintf(name, sizeof name, "2026W49-3.%s@focusweek.ics", plan_install(app_plan(f->app)));
	put(f->vdir, name, theirs);
	sync_ok(f, &rep);
	assert_int_equal(rep.written, 7);
	assert_non_null(strstr(items(&rep, SYNC_PROBLEM), "someone else's file"));
	after = tu_read(f->vdir, "dentist.ics", NULL);
	assert_string_equal(after, theirs);
	free(after);
	after = tu_read(f->vdir, name, NULL);
	assert_string_equal(after, theirs);
	free(after);
	app_sync_report_clear(&rep);
	/* Deleting everything here still leaves them be. */
	set(f, "sync.window", "0,0");
	now_is("2027-06-01T09:00");
	sync_ok(f, &rep);
	after = tu_read(f->vdir, "dentist.ics", NULL);
	assert_string_equal(after, theirs);
	free(after);
	app_sync_report_clear(&rep);
}

/* Two installs with the same short ids write two sets of files. */
static void test_installs_do_not_collide(void **state)
{
	struct fixture *f = *state, g = { 0 };
	struct app_sync_report rep;
	char *a, *b;

	g.dir = tu_tempdir();
	ta_seed(g.dir, KEY);
	g.app = ta_open(g.dir, false);
	g.vdir = f->vdir; /* one calendar for both */
	set(&g, "sync.blocks", f->vdir);
	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	sync_ok(&g, &rep);
	assert_int_equal(rep.written, 8);
	app_sync_report_clear(&rep);
	assert_int_equal(count_files(f->vdir), 16);
	assert_string_not_equal(plan_install(app_plan(f->app)), plan_install(app_plan(g.app)));
	a = malloc(128);
	b = malloc(128);
	snprintf(a, 128, "2026W49-1.%s@focusweek.ics", plan_install(app_plan(f->app)));
	snprintf(b, 128, "2026W49-1.%s@focusweek.ics", plan_install(app_plan(g.app)));
	assert_true(tu_exists(f->vdir, a));
	assert_true(tu_exists(f->vdir, b));
	assert_string_not_equal(a, b);
	/* Each sync leaves the other's files alone. */
	sync_ok(f, &rep);
	assert_int_equal(rep.written + rep.removed, 0);
	app_sync_report_clear(&rep);
	assert_int_equal(count_files(f->vdir), 16);
	free(a);
	free(b);
	app_close(g.app);
	tu_rmtree(g.dir);
	free(g.dir);
}

/* ---------------------------------------------------------------- back in */

static void test_moved_and_renamed_back(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	struct block *b;

	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	/* Moved within Monday's Healthcare niche, and renamed. */
	edit_block_file(f, "2026W49-1", "T083000", "T130000");
	edit_block_file(f, "2026W49-1", "T110000", "T143000");
	edit_block_file(f, "2026W49-1", "Call list: clinics", "Clinic owners");
	sync_ok(f, &rep);
	assert_int_equal(rep.n_kind[SYNC_BACK], 1);
	assert_non_null(strstr(items(&rep, SYNC_BACK), "moved to Mon 30 Nov 13:00-14:30 and "
						       "renamed \"Clinic owners\""));
	b = get_block(f, "2026W49-1");
	assert_int_equal(b->start, 13 * 60);
	assert_int_equal(b->end, 14 * 60 + 30);
	assert_string_equal(b->title, "Clinic owners");
	assert_int_equal(rep.written, 1); /* written again as focusweek writes it */
	app_sync_report_clear(&rep);
	sync_ok(f, &rep);
	assert_string_equal(rep.summary, "nothing changed");
	app_sync_report_clear(&rep);
}

/* A move the rules refuse is reported at each sync and left: the block as
 * it was, the calendar's file as the calendar made it. */
static void test_refused_move_left(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *name, *text, *again;

	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	/* Manufacturing prospecting to Wednesday, the Logistics day. */
	edit_block_file(f, "2026W49-2", "20261201T0830", "20261202T1300");
	edit_block_file(f, "2026W49-2", "20261201T1100", "20261202T1400");
	name = file_of(f->vdir, "2026W49-2.");
	text = tu_read(f->vdir, name, NULL);
	for (int i = 0; i < 2; i++) {
		sync_ok(f, &rep);
		assert_int_equal(rep.n_kind[SYNC_REFUSED], 1);
		assert_non_null(strstr(items(&rep, SYNC_REFUSED), "niche"));
		assert_int_equal(rep.written, 0);
		app_sync_report_clear(&rep);
		assert_int_equal(get_block(f, "2026W49-2")->date, date_from_ymd(2026, 12, 1));
		again = tu_read(f->vdir, name, NULL);
		assert_string_equal(again, text);
		free(again);
	}
	/* Settled here: focusweek's change wins, the calendar's is listed. */
	edit_here(f, "2026W49-2", 12 * 60, 13 * 60);
	sync_ok(f, &rep);
	assert_int_equal(rep.n_kind[SYNC_CONFLICT], 1);
	assert_non_null(strstr(items(&rep, SYNC_CONFLICT), "Wed 2 Dec 13:00-14:00"));
	assert_int_equal(rep.written, 1);
	app_sync_report_clear(&rep);
	again = tu_read(f->vdir, name, NULL);
	assert_non_null(strstr(again, "DTSTART;TZID=Europe/Berlin:20261201T120000"));
	free(again);
	free(text);
	free(name);
}

/* Changed on both sides: focusweek's side wins, the calendar's is listed. */
static void test_conflict_rule(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *name, *text;

	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	edit_block_file(f, "2026W49-7", "T090000", "T140000");
	edit_block_file(f, "2026W49-7", "T103000", "T153000");
	edit_here(f, "2026W49-7", 10 * 60, 11 * 60);
	sync_ok(f, &rep);
	assert_int_equal(rep.n_kind[SYNC_CONFLICT], 1);
	assert_non_null(strstr(items(&rep, SYNC_CONFLICT), "focusweek's is kept, the calendar's "
							   "(Fri 4 Dec 14:00-15:30"));
	assert_int_equal(get_block(f, "2026W49-7")->start, 10 * 60);
	name = file_of(f->vdir, "2026W49-7.");
	text = tu_read(f->vdir, name, NULL);
	assert_non_null(strstr(text, "DTSTART;TZID=Europe/Berlin:20261204T100000"));
	free(text);
	free(name);
	app_sync_report_clear(&rep);
}

/* Deleted in the calendar: a planned block is marked skipped, a done one
 * stays done; neither comes back to the calendar. */
static void test_deleted_there(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	struct app_result res;
	struct error err;
	struct timer_outcome o = { 0 };

	assert_int_equal(app_block_record(f->app, "2026W49-1", &o, &res, &err), 0);
	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	remove_block_file(f, "2026W49-3");
	remove_block_file(f, "2026W49-1");
	sync_ok(f, &rep);
	assert_int_equal(rep.n_kind[SYNC_DELETED], 2);
	assert_non_null(strstr(items(&rep, SYNC_DELETED), "\"Quarterly review\" was deleted in "
							  "the calendar: marked skipped"));
	assert_non_null(strstr(items(&rep, SYNC_DELETED), "stays done"));
	assert_int_equal(get_block(f, "2026W49-3")->status, STATUS_SKIPPED);
	assert_int_equal(get_block(f, "2026W49-1")->status, STATUS_DONE);
	assert_int_equal(rep.written, 0);
	app_sync_report_clear(&rep);
	sync_ok(f, &rep);
	assert_string_equal(rep.summary, "nothing changed");
	assert_int_equal(count_files(f->vdir), 6);
	app_sync_report_clear(&rep);
}

/* The window moves on: the files of weeks it left stay in the calendar. */
static void test_window_leaves_history(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;

	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	now_is("2026-12-22T09:00"); /* three weeks on: W49 is behind the window */
	sync_ok(f, &rep);
	assert_int_equal(rep.removed, 0);
	assert_int_equal(count_files(f->vdir), 8);
	app_sync_report_clear(&rep);
}

/* ---------------------------------------------------------------- busy */

static const char *meeting(const char *uid, const char *start, const char *end,
			   const char *title)
{
	static char text[1024];

	snprintf(text, sizeof text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
		 "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261101T000000Z\r\n"
		 "DTSTART;TZID=Europe/Berlin:%s\r\nDTEND;TZID=Europe/Berlin:%s\r\n"
		 "SUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", uid, start, end, title);
	return text;
}

/* Meetings of the window's week W49, by title (as "HH:MM title;"). */
static const char *meetings(struct fixture *f)
{
	static char text[2048];
	struct week *w;
	struct error err;

	text[0] = '\0';
	assert_int_equal(app_week(f->app, KEY, &w, &err), 0);
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		char t[6];

		if (b->kind != KIND_MEETING)
			continue;
		date_time_format(b->start, t);
		snprintf(text + strlen(text), sizeof text - strlen(text), "%s %s;", t, b->title);
	}
	week_free(w);
	return text;
}

static void test_busy_incremental(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *path;

	set(f, "sync.blocks", "off");
	set(f, "sync.busy", f->busy);
	put(f->busy, "a.ics", meeting("a@x", "20261202T150000", "20261202T160000", "Acme call"));
	put(f->busy, "b.ics", meeting("b@x", "20261203T120000", "20261203T130000", "Lunch Bob"));
	put(f->busy, "old.ics", meeting("old@x", "20200101T090000", "20200101T100000", "Old"));
	sync_ok(f, &rep);
	assert_int_equal(rep.busy_files, 3);
	assert_int_equal(rep.busy_read, 3);
	assert_int_equal(rep.busy_added, 2);
	assert_string_equal(meetings(f), "15:00 Acme call;12:00 Lunch Bob;");
	app_sync_report_clear(&rep);
	/* Nothing changed: no file read again. */
	sync_ok(f, &rep);
	assert_int_equal(rep.busy_read, 0);
	assert_string_equal(rep.summary, "nothing changed");
	app_sync_report_clear(&rep);
	/* One moved upstream: that file alone is read, the meeting replaced. */
	put(f->busy, "a.ics", meeting("a@x", "20261202T160000", "20261202T170000", "Acme call"));
	sync_ok(f, &rep);
	assert_int_equal(rep.busy_read, 1);
	assert_string_equal(meetings(f), "16:00 Acme call;12:00 Lunch Bob;");
	app_sync_report_clear(&rep);
	/* One deleted upstream: its meeting goes. */
	path = sub(f->busy, "b.ics");
	assert_int_equal(unlink(path), 0);
	free(path);
	sync_ok(f, &rep);
	assert_int_equal(rep.busy_read, 0);
	assert_int_equal(rep.busy_removed, 1);
	assert_string_equal(meetings(f), "16:00 Acme call;");
	app_sync_report_clear(&rep);
}

/* A broken or hostile file is reported with its name, at each sync, and
 * the rest still syncs. */
static void test_busy_bad_file(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *said;

	set(f, "sync.busy", f->busy);
	put(f->busy, "a.ics", meeting("a@x", "20261202T150000", "20261202T160000", "Acme call"));
	put(f->busy, "broken.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z\r\n");
	put(f->busy, "hostile.ics",
	    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:h\r\nDTSTART:20261201T000000Z\r\n"
	    "DTEND:20261201T000001Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
	for (int i = 0; i < 2; i++) {
		sync_ok(f, &rep);
		said = strdup(items(&rep, SYNC_PROBLEM));
		assert_non_null(strstr(said, "/broken.ics: line"));
		assert_non_null(strstr(said, "/hostile.ics: "));
		assert_int_equal(rep.n_kind[SYNC_PROBLEM], 2);
		assert_int_equal(rep.busy_read, i == 0 ? 3 : 0);
		free(said);
		app_sync_report_clear(&rep);
		assert_string_equal(meetings(f), "15:00 Acme call;");
	}
	assert_int_equal(count_files(f->vdir), 8); /* the blocks synced all the same */
}

/* One event in two calendars (the same UID in two folders): a change to
 * one file leaves the other's meeting in place. */
static void test_busy_uid_in_two_folders(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *other = sub(f->dir, "team"), list[PATH_MAX * 2 + 2];

	mkdir(other, 0700);
	snprintf(list, sizeof list, "%s:%s", f->busy, other);
	set(f, "sync.busy", list);
	put(f->busy, "acme.ics", meeting("acme@x", "20261202T150000", "20261202T160000", "Acme"));
	put(other, "copy-of-acme.ics",
	    meeting("acme@x", "20261202T150000", "20261202T160000", "Acme"));
	sync_ok(f, &rep);
	assert_string_equal(meetings(f), "15:00 Acme;15:00 Acme;");
	app_sync_report_clear(&rep);
	put(f->busy, "acme.ics", meeting("acme@x", "20261202T170000", "20261202T180000", "Acme"));
	sync_ok(f, &rep);
	assert_int_equal(rep.busy_read, 1);
	assert_string_equal(meetings(f), "15:00 Acme;17:00 Acme;");
	app_sync_report_clear(&rep);
	free(other);
}

/* A busy folder that cannot be read keeps the meetings it gave. */
static void test_busy_folder_gone(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	char *moved = sub(f->dir, "busy-away");

	set(f, "sync.busy", f->busy);
	put(f->busy, "a.ics", meeting("a@x", "20261202T150000", "20261202T160000", "Acme call"));
	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	assert_int_equal(rename(f->busy, moved), 0);
	sync_ok(f, &rep);
	assert_non_null(strstr(items(&rep, SYNC_PROBLEM), "its meetings stay as they were"));
	assert_string_equal(meetings(f), "15:00 Acme call;");
	app_sync_report_clear(&rep);
	assert_int_equal(rename(moved, f->busy), 0);
	sync_ok(f, &rep);
	assert_int_equal(rep.busy_read, 0); /* the cache kept them */
	assert_string_equal(meetings(f), "15:00 Acme call;");
	app_sync_report_clear(&rep);
	free(moved);
}

/* ---------------------------------------------------------------- planner */

static void test_planner_writes_at_once(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	struct app_result res;
	struct error err;
	char *name, *text;

	sync_ok(f, &rep);
	app_sync_report_clear(&rep);
	app_close(f->app);
	f->app = ta_open(f->dir, true);
	edit_here(f, "2026W49-6", 15 * 60, 16 * 60 + 30);
	name = file_of(f->vdir, "2026W49-6.");
	text = tu_read(f->vdir, name, NULL);
	assert_non_null(strstr(text, "DTSTART;TZID=Europe/Berlin:20261203T150000"));
	free(text);
	/* Undo is a change too. */
	assert_int_equal(app_undo(f->app, &res, &err), 0);
	text = tu_read(f->vdir, name, NULL);
	assert_non_null(strstr(text, "DTSTART;TZID=Europe/Berlin:20261203T140000"));
	free(text);
	/* Never over what the calendar changed: the next sync decides. */
	edit_block_file(f, "2026W49-6", "T140000", "T170000");
	text = tu_read(f->vdir, name, NULL);
	edit_here(f, "2026W49-6", 16 * 60, 17 * 60);
	{
		char *again = tu_read(f->vdir, name, NULL);

		assert_string_equal(again, text);
		free(again);
	}
	free(text);
	free(name);
}

static void test_nothing_to_sync(void **state)
{
	struct fixture *f = *state;
	struct app_sync_report rep;
	struct app_result res;
	struct error err;

	set(f, "sync.blocks", "off");
	assert_int_equal(app_sync(f->app, &rep, &res, &err), -1);
	assert_non_null(strstr(err.msg, "no calendar to sync: set sync.blocks"));
	app_sync_report_clear(&rep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_writes_each_block_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alarm_and_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_here_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_others_files_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_installs_do_not_collide, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moved_and_renamed_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_move_left, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_there, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window_leaves_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_incremental, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_bad_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_folder_gone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_uid_in_two_folders, setup, teardown),
		cmocka_unit_test_setup_teardown(test_planner_writes_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_to_sync, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
