/* sync_blocks.c - the blocks' vdir: what a calendar changed in the files
 * focusweek wrote, read back and applied (or reported), then each block's
 * file written or removed as the block is now (app_sync.h).
 *
 * sync.json keeps, per file: the block's id, the fingerprint of the block
 * as written (what its file shows of it), the file's stamp then, and the
 * event as a calendar reads it back (date, times, title).  A file whose
 * stamp differs was written by someone else (vdirsyncer, after a change in
 * the calendar): it is read, and its event compared with what was
 * written.  A block whose fingerprint differs was changed here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics.h"
#include "store.h"
#include "sync_int.h"
#include "xalloc.h"

#define FP_VERSION 1 /* of what a file shows: raise it to write every file again */
#define FP_BASIS 0xcbf29ce484222325ULL
#define FP_PRIME 0x100000001b3ULL

/* ---------------------------------------------------------------- entries */

static int entry_order(const void *key, const void *e)
{
	return strcmp(key, ((const struct sync_file *)e)->id);
}

static struct sync_file *entry_find(struct sync_state *s, const char *id)
{
	return s->n_files > 0 ? bsearch(id, s->files, s->n_files, sizeof *s->files, entry_order)
			      : NULL;
}

static void entry_drop(struct sync_state *s, struct sync_file *e)
{
	size_t i = (size_t)(e - s->files);

	free(e->name);
	free(e->title);
	memmove(e, e + 1, (s->n_files - i - 1) * sizeof *e);
	s->n_files--;
}

/* A new entry for id, in order (the id is not there yet). */
static struct sync_file *entry_add(struct sync_state *s, const char *id)
{
	size_t i = 0;

	while (i < s->n_files && strcmp(s->files[i].id, id) < 0)
		i++;
	s->files = xrealloc(s->files, (s->n_files + 1) * sizeof *s->files);
	memmove(&s->files[i + 1], &s->files[i], (s->n_files - i) * sizeof *s->files);
	s->n_files++;
	memset(&s->files[i], 0, sizeof s->files[i]);
	snprintf(s->files[i].id, sizeof s->files[i].id, "%s", id);
	return &s->files[i];
}

/* ---------------------------------------------------------------- fingerprint */

static uint64_t fp_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= FP_PRIME;
	}
	return h;
}

static uint64_t fp_str(uint64_t h, const char *s)
{
	return fp_bytes(h, s != NULL ? s : "", (s != NULL ? strlen(s) : 0) + 1);
}

static uint64_t fp_int(uint64_t h, int64_t v)
{
	return fp_bytes(h, &v, sizeof v);
}

uint64_t sync_fingerprint(struct sync_run *r, const struct block *b)
{
	const struct week *w = sync_week_of(r, b->date);
	const struct industry *ind = plan_industry_by_id(r->p, b->industry);
	const struct account *acc = plan_account_by_id(r->p, b->account);
	uint64_t h = fp_int(FP_BASIS, FP_VERSION);

	/* What the file is written from: the block, the names it shows, and
	 * the zone, the reminder, the currency and the UID of the plan; what
	 * the week's sales say it sold. */
	h = fp_str(h, r->zone_key);
	h = fp_int(h, plan_settings(r->p)->sync_alarm);
	h = fp_str(h, plan_quota(r->p)->currency);
	h = fp_str(h, plan_install(r->p));
	h = fp_str(h, b->id);
	h = fp_int(h, b->date);
	h = fp_int(h, b->start);
	h = fp_int(h, b->end);
	h = fp_int(h, b->kind);
	h = fp_str(h, ind != NULL ? ind->name : NULL);
	h = fp_str(h, acc != NULL ? acc->name : NULL);
	h = fp_str(h, b->title);
	h = fp_int(h, b->for_quota);
	h = fp_int(h, b->status);
	h = fp_int(h, b->cut_short);
	h = fp_int(h, b->out.calls);
	h = fp_int(h, b->out.conversations);
	h = fp_int(h, b->out.meetings);
	h = fp_int(h, w != NULL ? week_block_sold(w, b->id) : 0);
	h = fp_str(h, b->note);
	return fp_str(h, b->carried_from);
}

/* ---------------------------------------------------------------- names */

static void file_shown(const struct sync_run *r, const char *name, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", r->blocks_path, name);
}

/* The block's title for messages. */
static const char *block_said(const struct block *b)
{
	return b->title[0] ? b->title : model_kind_name(b->kind);
}

/* ---------------------------------------------------------------- in */

/* The event was deleted (file: absent) or cancelled (file: its stamp) in
 * the calendar. */
static void in_deleted(struct sync_run *r, struct sync_file *e, const struct block *b,
		       const struct stamp *file)
{
	struct error err = { 0 };
	char said[MODEL_TITLE_MAX + 1];

	if (e->gone && !file->exists)
		return; /* deleted before, and left so */
	if ((b == NULL || b->status == STATUS_SKIPPED) && !file->exists) {
		entry_drop(r->state, e); /* gone on both sides */
		return;
	}
	e->stamp = *file;
	if (b == NULL || b->status == STATUS_SKIPPED)
		return; /* its file goes (sync_blocks_out) */
	snprintf(said, sizeof said, "%s", block_said(b));
	if (sync_fingerprint(r, b) != e->fp) {
		sync_item(r, SYNC_CONFLICT, b->id, "\"%s\" was deleted in the calendar and changed "
			  "here: focusweek's is kept and written again", said);
	} else if (b->status == STATUS_DONE) {
		e->gone = !file->exists;
		sync_item(r, SYNC_DELETED, b->id, "\"%s\" was deleted in the calendar; it is done "
			  "here, so it stays done%s", said, e->gone ? " (and out of the calendar)" : "");
	} else if (app_block_skip_in(r->tx, e->id, &err) == 0) {
		r->touched = true;
		sync_item(r, SYNC_DELETED, e->id, "\"%s\" was deleted in the calendar: marked "
			  "skipped here", said);
	} else {
		sync_item(r, SYNC_REFUSED, e->id, "\"%s\" was deleted in the calendar, but %s: it "
			  "stays, and goes back to the calendar", said, err.msg);
	}
}

/* "moved to Tue 1 Dec 10:00-11:00", "renamed \"x\"", or both. */
static void in_said(const struct sync_run *r, const struct block *old, const struct block *b,
		    struct buf *out)
{
	char day[16], s[6], e[6];

	if (b->date != old->date || b->start != old->start || b->end != old->end) {
		date_format_short(b->date, day);
		date_time_format(b->start, s);
		date_time_format(b->end, e);
		buf_addf(out, "moved to %s %s-%s", day, s, e);
	}
	if (strcmp(b->title, old->title) != 0)
		buf_addf(out, "%srenamed \"%s\"", out->len ? " and " : "", b->title);
	(void)r;
}

/* The calendar moved or renamed the block's event: the block follows, if
 * the rules take it. */
static void in_apply(struct sync_run *r, struct sync_file *e, const struct block *b,
		     const struct ics_back *k, const struct stamp *now)
{
	struct error err = { 0 };
	struct buf said = BUF_INIT;
	struct block nb, old;

	block_copy(&old, b);
	block_copy(&nb, b);
	nb.date = k->date;
	nb.start = k->start;
	nb.end = k->end;
	if (strcmp(k->title, e->title) != 0) {
		char *title = ics_block_title_from(r->p, b, k->title);

		block_set_title(&nb, title);
		free(title);
	}
	in_said(r, &old, &nb, &said);
	if (app_block_update_in(r->tx, &nb, &err) == 0) {
		r->touched = true;
		e->stamp = *now;
		sync_item(r, SYNC_BACK, old.id, "\"%s\" %s in the calendar", block_said(&old),
			  buf_str(&said));
	} else {
		/* Left for the user: reported again at each sync, until the block
		 * changes here (focusweek's wins) or the event there. */
		sync_item(r, SYNC_REFUSED, old.id, "\"%s\" was %s in the calendar, which focusweek "
			  "refuses: %s; left as it is (change it here, or again there)",
			  block_said(&old), buf_str(&said), err.msg);
	}
	buf_free(&said);
	block_clear(&nb);
	block_clear(&old);
}

/* The event as the calendar has it, for a message. */
static void in_theirs(const struct sync_run *r, const struct ics_back *k, struct buf *out)
{
	if (k->kind == ICS_BACK_EVENT)
		sync_when(r, k->date, k->start, k->end, k->title, out);
	else if (k->kind == ICS_BACK_CANCELLED)
		buf_adds(out, "cancelled");
	else
		buf_adds(out, k->why);
}

/* The file was rewritten: by the calendar, or by vdirsyncer with nothing
 * changed. */
static void in_changed(struct sync_run *r, struct sync_file *e, const struct block *b,
		       const struct ics_back *k, const struct stamp *now)
{
	struct buf theirs = BUF_INIT;

	if (k->kind == ICS_BACK_EVENT && k->date == e->date && k->start == e->start &&
	    k->end == e->end && strcmp(k->title, e->title) == 0) {
		e->stamp = *now; /* the same event, written again */
		return;
	}
	in_theirs(r, k, &theirs);
	if (b == NULL) {
		e->stamp = *now;
		sync_item(r, SYNC_CONFLICT, e->id, "\"%s\" was changed in the calendar (%s) but "
			  "is no longer in the window here: its file is removed", e->title,
			  buf_str(&theirs));
	} else if (sync_fingerprint(r, b) != e->fp) {
		e->stamp = *now;
		sync_item(r, SYNC_CONFLICT, b->id, "\"%s\" was changed here and in the calendar: "
			  "focusweek's is kept, the calendar's (%s) is overwritten", block_said(b),
			  buf_str(&theirs));
	} else if (k->kind == ICS_BACK_CANCELLED) {
		in_deleted(r, e, b, now);
	} else if (k->kind == ICS_BACK_UNUSABLE) {
		sync_item(r, SYNC_REFUSED, b->id, "\"%s\" cannot follow the calendar: %s; left as "
			  "it is (change it here, or again there)", block_said(b), k->why);
	} else {
		in_apply(r, e, b, k, now);
	}
	buf_free(&theirs);
}

/* Reads the file that changed; false (reported) when it cannot be. */
static bool in_read(struct sync_run *r, struct sync_file *e, struct ics_back *k,
		    struct stamp *now)
{
	char shown[PATH_MAX + 256], uid[ICS_UID_MAX], *text;
	struct error err = { 0 };
	size_t len;
	int rc;

	file_shown(r, e->name, shown, sizeof shown);
	if (ics_vdir_read(r->blocks_fd, e->name, shown, &text, &len, now, &err) != 0) {
		sync_item(r, SYNC_PROBLEM, e->id, "%s", err.msg);
		return false;
	}
	rc = ics_block_read(text, len, k, &err);
	free(text);
	if (rc != 0) {
		sync_item(r, SYNC_PROBLEM, e->id, "%s: %s; left as it is", shown, err.msg);
		return false;
	}
	ics_block_uid(r->p, e->id, uid, sizeof uid);
	if (k->uid == NULL || strcmp(k->uid, uid) != 0) {
		sync_item(r, SYNC_PROBLEM, e->id, "%s now holds another event; focusweek leaves it "
			  "alone from now on", shown);
		ics_back_clear(k);
		entry_drop(r->state, e);
		return false;
	}
	return true;
}

/* One file written before: as it was, deleted, or changed. */
/* One file written before: as it was, deleted, or changed.  The weeks are
 * read only for a file that is not as it was. */
static int in_one(struct sync_run *r, struct sync_file *e, struct error *err)
{
	const struct block *b;
	char shown[PATH_MAX + 256];
	struct stamp now;
	struct ics_back k;

	if (ics_vdir_stat(r->blocks_fd, e->name, &now) != 0) {
		file_shown(r, e->name, shown, sizeof shown);
		sync_item(r, SYNC_PROBLEM, e->id, "%s is no longer a regular file; focusweek "
			  "leaves it alone from now on", shown);
		entry_drop(r->state, e);
		return 0;
	}
	if ((now.exists && fsio_stamp_equal(&now, &e->stamp)) || (!now.exists && e->gone))
		return 0;
	if (sync_weeks(r, err) != 0)
		return -1;
	b = sync_block(r, e->id);
	if (!now.exists) {
		in_deleted(r, e, b, &now);
		return 0;
	}
	if (!in_read(r, e, &k, &now))
		return 0;
	in_changed(r, e, b, &k, &now);
	ics_back_clear(&k);
	return 0;
}

int sync_blocks_in(struct sync_run *r, struct error *err)
{
	char (*ids)[MODEL_ID_MAX] = xcalloc(r->state->n_files + 1, sizeof *ids);
	size_t n = r->state->n_files;
	int rc = 0;

	/* By id: a step may drop its own entry. */
	for (size_t i = 0; i < n; i++)
		memcpy(ids[i], r->state->files[i].id, MODEL_ID_MAX);
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct sync_file *e = entry_find(r->state, ids[i]);

		if (e != NULL)
			rc = in_one(r, e, err);
	}
	free(ids);
	return rc;
}

/* ---------------------------------------------------------------- out */

/* Does block b have a file: one of ours, not skipped? */
static bool out_wanted(const struct block *b)
{
	return b != NULL && b->kind != KIND_MEETING && b->status != STATUS_SKIPPED;
}

/* A file of ours whose block has none any more: removed (or, when the
 * window has passed it by, left in the calendar and forgotten). */
static void out_unwanted(struct sync_run *r, struct sync_file *e, const struct block *b)
{
	char shown[PATH_MAX + 256];
	struct error err = { 0 };

	if (b == NULL && e->date < r->from) {
		entry_drop(r->state, e); /* history now: stays in the calendar */
		return;
	}
	if (e->stamp.exists) {
		file_shown(r, e->name, shown, sizeof shown);
		if (ics_vdir_remove(r->blocks_fd, e->name, shown, &e->stamp, &err) != 0) {
			if (!r->follow || err.code != ERR_CONFLICT)
				sync_item(r, SYNC_PROBLEM, e->id, "%s", err.msg);
			return;
		}
		r->rep->removed++;
	}
	entry_drop(r->state, e);
}

/* The stamp to write name over: an entry's, or a file of the same name
 * that is ours (written before sync.json knew it).  False when a file of
 * that name is someone else's. */
static bool out_expect(struct sync_run *r, const char *name, const char *uid, struct stamp *out)
{
	char shown[PATH_MAX + 256], *text;
	struct ics_back k;
	struct error err;
	size_t len;
	bool ours;

	if (ics_vdir_stat(r->blocks_fd, name, out) != 0)
		return false;
	if (!out->exists)
		return true;
	file_shown(r, name, shown, sizeof shown);
	if (ics_vdir_read(r->blocks_fd, name, shown, &text, &len, out, &err) != 0)
		return false;
	ours = false;
	if (ics_block_read(text, len, &k, &err) == 0) {
		ours = k.uid != NULL && strcmp(k.uid, uid) == 0;
		ics_back_clear(&k);
	}
	free(text);
	return ours;
}

/* What a calendar will read back from text: the entry's event. */
static void out_base(struct sync_file *e, const struct block *b, const struct buf *text)
{
	struct ics_back k;
	struct error err;
	int rc = ics_block_read(text->data, text->len, &k, &err);

	free(e->title);
	if (rc == 0 && k.kind == ICS_BACK_EVENT) {
		e->date = k.date;
		e->start = k.start;
		e->end = k.end;
		e->title = k.title;
		k.title = NULL;
		ics_back_clear(&k);
		return;
	}
	if (rc == 0)
		ics_back_clear(&k);
	e->date = b->date;
	e->start = b->start;
	e->end = b->end;
	e->title = xstrdup(b->title);
}

static int out_render(struct sync_run *r, const struct block *b, struct buf *text,
		      struct error *err)
{
	const struct week *w = sync_week_of(r, b->date);

	if (!r->zone_known) {
		r->zone = ics_local_zone(r->zone_buf, sizeof r->zone_buf);
		r->zone_known = true;
	}
	return ics_block_render(r->p, b, w != NULL ? week_block_sold(w, b->id) : 0, r->zone,
				plan_settings(r->p)->sync_alarm, r->now, text, err);
}

/* Writes block b's file; e is its entry, or NULL for a block new to it. */
static void out_write(struct sync_run *r, const struct block *b, struct sync_file *e,
		      uint64_t fp)
{
	char uid[ICS_UID_MAX], name[ICS_UID_MAX + 8], shown[PATH_MAX + 256];
	struct buf text = BUF_INIT;
	struct error err = { 0 };
	struct stamp expect, fresh;

	ics_block_uid(r->p, b->id, uid, sizeof uid);
	snprintf(name, sizeof name, "%s.ics", uid);
	file_shown(r, name, shown, sizeof shown);
	if (e != NULL && strcmp(e->name, name) != 0 && e->stamp.exists) {
		/* Written under another UID (the plan's install id changed). */
		out_unwanted(r, e, NULL);
		e = entry_find(r->state, b->id);
	}
	if (e != NULL && strcmp(e->name, name) == 0) {
		expect = e->stamp;
	} else if (!out_expect(r, name, uid, &expect)) {
		sync_item(r, SYNC_PROBLEM, b->id, "%s is someone else's file: \"%s\" is not "
			  "written", shown, block_said(b));
		return;
	}
	if (out_render(r, b, &text, &err) != 0 ||
	    ics_vdir_write(r->blocks_fd, name, shown, text.data, text.len,
			   expect.exists ? &expect : NULL, &fresh, &err) != 0) {
		/* The calendar changed it too: the next full sync decides. */
		if (!r->follow || err.code != ERR_CONFLICT)
			sync_item(r, SYNC_PROBLEM, b->id, "%s", err.msg);
		buf_free(&text);
		return;
	}
	if (e == NULL)
		e = entry_add(r->state, b->id);
	free(e->name);
	e->name = xstrdup(name);
	e->fp = fp;
	e->stamp = fresh;
	e->gone = false;
	out_base(e, b, &text);
	r->rep->written++;
	buf_free(&text);
}

/* Each block of the window with a file to have. */
static void out_blocks(struct sync_run *r)
{
	for (size_t w = 0; w < r->n_weeks; w++) {
		for (size_t i = 0; i < week_block_count(r->weeks[w]); i++) {
			const struct block *b = week_block_at(r->weeks[w], i);
			struct sync_file *e;
			uint64_t fp;

			if (!out_wanted(b))
				continue;
			e = entry_find(r->state, b->id);
			fp = sync_fingerprint(r, b);
			if (e != NULL && fp == e->fp && (e->stamp.exists || e->gone)) {
				r->rep->unchanged++;
				continue;
			}
			out_write(r, b, e, fp);
		}
	}
}

/* Are plan.json, the window's week files and the zone as when the blocks'
 * files were last found to follow them?  Then no block changed. */
static bool out_seen_still(struct sync_run *r)
{
	const struct sync_seen *seen = &r->state->seen;
	struct store *st = r->app->boot.store;

	if (seen->zone != sync_zone_hash(r) || seen->n == 0 ||
	    seen->keys[0] != date_week_key(r->from) ||
	    seen->keys[seen->n - 1] != date_week_key(r->to) || !store_plan_still(st, &seen->plan))
		return false;
	for (size_t i = 0; i < seen->n; i++)
		if (!store_week_still(st, seen->keys[i], &seen->weeks[i]))
			return false;
	return true;
}

void sync_seen_note(struct sync_run *r, bool known)
{
	struct sync_seen *seen = &r->state->seen;
	struct store *st = r->app->boot.store;
	bool ok = known && store_plan_noted(st, &seen->plan);

	seen->n = 0;
	seen->zone = 0;
	seen->keys = xrealloc(seen->keys, (r->n_weeks + 1) * sizeof *seen->keys);
	seen->weeks = xrealloc(seen->weeks, (r->n_weeks + 1) * sizeof *seen->weeks);
	for (size_t i = 0; ok && i < r->n_weeks; i++) {
		seen->keys[i] = week_key(r->weeks[i]);
		ok = store_week_noted(st, seen->keys[i], &seen->weeks[i]);
	}
	if (ok) {
		seen->n = r->n_weeks;
		seen->zone = sync_zone_hash(r);
	}
}

int sync_blocks_out(struct sync_run *r, struct error *err)
{
	size_t i = r->state->n_files;

	/* Nothing read of the weeks yet, and none of them changed: done. */
	if (r->weeks == NULL && out_seen_still(r)) {
		for (size_t k = 0; k < r->state->n_files; k++)
			r->rep->unchanged += r->state->files[k].stamp.exists;
		return 0;
	}
	if (sync_weeks(r, err) != 0)
		return -1;
	/* From the end: a step may drop its own entry. */
	while (i-- > 0) {
		struct sync_file *e = &r->state->files[i];
		const struct block *b = sync_block(r, e->id);

		if (!out_wanted(b))
			out_unwanted(r, e, b);
	}
	out_blocks(r);
	return 0;
}
