/* app_sync.c - the calendar sync as one change (app_sync.h): its window,
 * its report, and the planner's blocks following its changes.  The
 * blocks' vdir is sync_blocks.c's, the busy vdirs sync_busy.c's. */
#include "app_sync.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ics.h"
#include "sync_int.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- helpers */

void sync_item(struct sync_run *r, enum app_sync_kind kind, const char *id, const char *fmt, ...)
{
	struct app_sync_report *rep = r->rep;
	struct app_sync_item *it;
	va_list ap;

	rep->items = xrealloc(rep->items, (rep->n_items + 1) * sizeof *rep->items);
	it = &rep->items[rep->n_items++];
	it->kind = kind;
	snprintf(it->id, sizeof it->id, "%s", id != NULL ? id : "");
	va_start(ap, fmt);
	vsnprintf(it->text, sizeof it->text, fmt, ap);
	va_end(ap);
	rep->n_kind[kind]++;
}

int sync_expand(const char *path, char *out, struct error *err)
{
	const char *home = getenv("HOME");
	int n;

	if (path[0] == '~' && path[1] == '/') {
		if (home == NULL || home[0] != '/')
			return error_set(err, ERR_USAGE, "%s starts with ~/, but HOME names no "
					 "folder; give the whole path", path);
		n = snprintf(out, PATH_MAX, "%s%s", home, path + 1);
	} else {
		n = snprintf(out, PATH_MAX, "%s", path);
	}
	if (n < 0 || n >= PATH_MAX)
		return error_set(err, ERR_USAGE, "%s is too long a path", path);
	return 0;
}

struct week *sync_week_of(struct sync_run *r, date_t d)
{
	int key = date_week_key(d);

	for (size_t i = 0; i < r->n_weeks; i++)
		if (week_key(r->weeks[i]) == key)
			return r->weeks[i];
	return NULL;
}

const struct block *sync_block(const struct sync_run *r, const char *id)
{
	for (size_t i = 0; i < r->n_weeks; i++) {
		const struct block *b = week_block_by_id(r->weeks[i], id);

		if (b != NULL)
			return b;
	}
	return NULL;
}

void sync_when(const struct sync_run *r, date_t date, int start, int end, const char *title,
	       struct buf *out)
{
	char day[16], s[6], e[6];

	(void)r;
	date_format_short(date, day);
	date_time_format(start, s);
	date_time_format(end, e);
	buf_addf(out, "%s %s-%s \"%s\"", day, s, e, title);
}

/* The local zone as TZ or /etc/localtime names it: a change of it changes
 * every time written or read. */
static void sync_zone_key(char *out, size_t size)
{
	const char *tz = getenv("TZ");
	ssize_t n;

	if (tz != NULL) {
		snprintf(out, size, "TZ=%s", tz);
		return;
	}
	n = readlink("/etc/localtime", out, size - 1);
	out[n > 0 ? n : 0] = '\0';
}

/* ---------------------------------------------------------------- the run */

/* The weeks from sync.window's weeks back to its weeks ahead of this one. */
static void sync_window(const struct settings *s, instant_t now, date_t *from, date_t *to)
{
	date_t today;
	date_t monday;

	clock_to_local(now, &today, NULL, NULL);
	monday = date_week_monday(date_week_key(today));
	*from = monday - 7 * s->sync_back;
	*to = monday + 7 * (s->sync_ahead + 1) - 1;
}

uint64_t sync_zone_hash(const struct sync_run *r)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const char *s = r->zone_key; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h != 0 ? h : 1;
}

/* The window's weeks: the change's own (tx), or copies (the planner's
 * blocks following a change); read again after the change replaced some. */
static int sync_load_weeks(struct sync_run *r, struct error *err)
{
	size_t n = (size_t)(r->to - r->from + 1) / 7;

	if (r->weeks == NULL)
		r->weeks = xcalloc(n, sizeof *r->weeks);
	r->n_weeks = n;
	for (size_t i = 0; i < n; i++) {
		int key = date_week_key(r->from + 7 * (date_t)i);

		if (r->tx != NULL ? txn_week(r->tx, key, &r->weeks[i], err)
				  : app_read_week(r->app, r->p, key, &r->weeks[i], err))
			return -1;
	}
	return 0;
}

int sync_weeks(struct sync_run *r, struct error *err)
{
	return r->weeks != NULL ? 0 : sync_load_weeks(r, err);
}

static int sync_open_blocks(struct sync_run *r, struct error *err)
{
	const char *dir = plan_settings(r->p)->sync_blocks;

	r->blocks_fd = -1;
	r->blocks_path[0] = '\0';
	if (dir[0] == '\0')
		return 0;
	if (sync_expand(dir, r->blocks_path, err) != 0 ||
	    ics_vdir_open(r->blocks_path, true, &r->blocks_fd, err) != 0)
		return error_prefix(err, "sync.blocks");
	/* Another folder than the files were written to: start afresh there
	 * (the old folder's files are left as they are). */
	if (r->state->blocks_dir == NULL || strcmp(r->state->blocks_dir, r->blocks_path) != 0) {
		for (size_t i = 0; i < r->state->n_files; i++) {
			free(r->state->files[i].name);
			free(r->state->files[i].title);
		}
		r->state->n_files = 0;
		free(r->state->blocks_dir);
		r->state->blocks_dir = xstrdup(r->blocks_path);
	}
	return 0;
}

static int sync_begin(struct sync_run *r, struct app *app, struct app_sync_report *rep,
		      struct error *err)
{
	r->app = app;
	r->rep = rep;
	r->blocks_fd = -1;
	r->p = r->tx != NULL ? txn_plan_now(r->tx) : app->boot.plan;
	r->now = clock_now();
	sync_zone_key(r->zone_key, sizeof r->zone_key);
	sync_window(plan_settings(r->p), r->now, &r->from, &r->to);
	rep->from = r->from;
	rep->to = r->to;
	rep->blocks = plan_settings(r->p)->sync_blocks[0] != '\0';
	rep->busy = plan_settings(r->p)->sync_busy[0] != '\0';
	if (store_load_sync(app->boot.store, &r->state, err) != 0) {
		if (err != NULL && err->code == ERR_DATA) {
			char msg[sizeof err->msg];

			snprintf(msg, sizeof msg, "%s", err->msg);
			error_set(err, ERR_DATA, "%s; remove sync.json to sync afresh (focusweek "
				  "knows its files again by their UIDs)", msg);
		}
		return -1;
	}
	/* The planner's blocks following a change need the weeks at once; a
	 * sync reads them when something asks (sync_weeks). */
	if (r->follow && sync_load_weeks(r, err) != 0)
		return -1;
	return sync_open_blocks(r, err);
}

static void sync_end(struct sync_run *r)
{
	if (r->blocks_fd >= 0)
		close(r->blocks_fd);
	if (r->tx == NULL)
		for (size_t i = 0; i < r->n_weeks; i++)
			week_free(r->weeks[i]);
	free(r->weeks);
	sync_state_free(r->state);
	r->state = NULL;
}

/* ---------------------------------------------------------------- summary */

static void summary_part(struct buf *b, size_t n, const char *what)
{
	if (n > 0)
		buf_addf(b, "%s%zu %s", b->len ? ", " : "", n, what);
}

static void sync_summary(struct app_sync_report *rep)
{
	struct buf b = BUF_INIT;

	summary_part(&b, rep->written, "written");
	summary_part(&b, rep->removed, "removed");
	summary_part(&b, rep->n_kind[SYNC_BACK], "back");
	summary_part(&b, rep->n_kind[SYNC_DELETED], "deleted there");
	summary_part(&b, rep->n_kind[SYNC_REFUSED], "refused");
	summary_part(&b, rep->n_kind[SYNC_CONFLICT],
		     rep->n_kind[SYNC_CONFLICT] == 1 ? "conflict" : "conflicts");
	if (rep->busy_added || rep->busy_removed || rep->busy_read)
		buf_addf(&b, "%sbusy +%zu -%zu (%zu read)", b.len ? ", " : "", rep->busy_added,
			 rep->busy_removed, rep->busy_read);
	summary_part(&b, rep->n_kind[SYNC_PROBLEM],
		     rep->n_kind[SYNC_PROBLEM] == 1 ? "problem" : "problems");
	snprintf(rep->summary, sizeof rep->summary, "%s", b.len ? buf_str(&b) : "nothing changed");
	buf_free(&b);
}

/* The change in words: the summary, and the first thing that needs the
 * user (the command lists them all). */
static void sync_said(const struct app_sync_report *rep, struct app_result *res)
{
	app_result_label(res, "synced: %s", rep->summary);
	for (size_t i = 0; i < rep->n_items; i++) {
		const struct app_sync_item *it = &rep->items[i];

		if (it->kind == SYNC_REFUSED || it->kind == SYNC_CONFLICT ||
		    it->kind == SYNC_PROBLEM) {
			app_result_notice(res, "synced: %s; %s%s", rep->summary, it->text,
					  rep->n_kind[SYNC_REFUSED] + rep->n_kind[SYNC_CONFLICT] +
							  rep->n_kind[SYNC_PROBLEM] > 1
						  ? " (focusweek sync lists them all)"
						  : "");
			return;
		}
	}
}

static void sync_shards_free(struct sync_busy_cache *cache[SYNC_BUSY_SHARDS])
{
	for (int k = 0; k < SYNC_BUSY_SHARDS; k++)
		sync_busy_cache_free(cache[k]);
}

/* ---------------------------------------------------------------- sync */

static int sync_steps(struct sync_run *r, struct sync_busy_cache *cache[SYNC_BUSY_SHARDS],
		      struct error *err)
{
	if (r->blocks_fd >= 0 && sync_blocks_in(r, err) != 0)
		return -1;
	if ((r->rep->busy || r->state->n_busy > 0) && sync_busy(r, cache, err) != 0)
		return -1;
	if (!r->rep->busy) /* no busy folder now: what was kept of them goes */
		memset(r->state->busy_shards, 0, sizeof r->state->busy_shards);
	/* The busy time replaced weeks of the change: take them again. */
	if (r->weeks != NULL && sync_load_weeks(r, err) != 0)
		return -1;
	if (r->blocks_fd >= 0 && sync_blocks_out(r, err) != 0)
		return -1;
	/* The weeks read: what the files now follow, unless this change
	 * writes some of them (their new stamps are not known yet). */
	if (r->weeks != NULL)
		sync_seen_note(r, !r->touched);
	r->state->from = r->from;
	r->state->to = r->to;
	return 0;
}

int app_sync(struct app *app, struct app_sync_report *rep, struct app_result *res,
	     struct error *err)
{
	const struct settings *s = plan_settings(app->boot.plan);
	struct sync_busy_cache *cache[SYNC_BUSY_SHARDS] = { 0 };
	struct sync_run r = { 0 };
	struct app_txn tx;
	int rc;

	memset(rep, 0, sizeof *rep);
	app_result_init(res);
	if (s->sync_blocks[0] == '\0' && s->sync_busy[0] == '\0')
		return error_set(err, ERR_USAGE, "no calendar to sync: set sync.blocks (the vdir "
				 "focusweek writes its blocks into) or sync.busy (vdirs of real "
				 "calendars), e.g. focusweek settings set sync.blocks "
				 "~/.local/share/vdirs/focusweek");
	app_install_ensure(app);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	r.tx = &tx;
	if (sync_begin(&r, app, rep, err) != 0 || sync_steps(&r, cache, err) != 0) {
		sync_end(&r);
		sync_shards_free(cache);
		txn_end(&tx);
		return -1;
	}
	sync_summary(rep);
	r.state->at = r.now;
	snprintf(r.state->summary, sizeof r.state->summary, "%s", rep->summary);
	r.state->problems = (int)rep->n_kind[SYNC_PROBLEM];
	tx.sync = r.state;
	r.state = NULL;
	tx.undoable = false;
	sync_end(&r);
	sync_said(rep, res);
	rc = txn_commit(&tx, NULL, res, err);
	/* Kept only with the weeks it describes. */
	for (int k = 0; rc == 0 && k < SYNC_BUSY_SHARDS; k++)
		if (cache[k] != NULL)
			store_save_busy(app->boot.store, k, cache[k]);
	sync_shards_free(cache);
	return rc;
}

void app_sync_report_clear(struct app_sync_report *rep)
{
	free(rep->items);
	memset(rep, 0, sizeof *rep);
}

/* ---------------------------------------------------------------- status */

int app_sync_status(struct app *app, struct app_sync_status *out, struct error *err)
{
	const struct settings *s = plan_settings(app->boot.plan);
	struct sync_state *st;

	memset(out, 0, sizeof *out);
	out->set = s->sync_blocks[0] != '\0' || s->sync_busy[0] != '\0';
	if (store_load_sync(app->boot.store, &st, err) != 0)
		return -1;
	out->at = st->at;
	snprintf(out->summary, sizeof out->summary, "%s", st->summary);
	out->problems = st->problems;
	sync_state_free(st);
	return 0;
}

/* ---------------------------------------------------------------- follow */

/* sync.json after the planner's blocks followed a change, when files moved. */
static int follow_save(struct sync_run *r, struct error *err)
{
	if (r->rep->written == 0 && r->rep->removed == 0 && r->rep->n_items == 0)
		return 0;
	sync_seen_note(r, true); /* the weeks as just written */
	return store_save_sync(r->app->boot.store, r->state, err);
}

void app_sync_follow(struct app *app, struct app_result *res)
{
	struct app_sync_report rep = { 0 };
	struct sync_run r = { .follow = true };
	struct error err = { 0 };

	if (plan_settings(app->boot.plan)->sync_blocks[0] == '\0')
		return;
	if (sync_begin(&r, app, &rep, &err) != 0 || sync_blocks_out(&r, &err) != 0 ||
	    follow_save(&r, &err) != 0) {
		if (res != NULL && !res->notice[0])
			app_result_notice(res, "the calendar's files were not written: %s", err.msg);
	} else if (rep.n_kind[SYNC_PROBLEM] > 0 && res != NULL && !res->notice[0]) {
		app_result_notice(res, "calendar: %s", rep.items[0].text);
	}
	sync_end(&r);
	app_sync_report_clear(&rep);
}
