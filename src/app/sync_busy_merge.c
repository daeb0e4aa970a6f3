/* sync_busy_merge.c - the window's meetings replaced by UID (ics_merge),
 * for the UIDs of the files read again: what the shards made again held
 * and hold now, with what other shards hold of the same UIDs.  sync.json
 * keeps, for each UID in the window, the shards that hold it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync_busy_int.h"
#include "xalloc.h"

int busy_shard_of(const char *path, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const char *s = path; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	h = (h ^ '/') * 0x100000001b3ULL;
	for (const char *s = name; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (int)(h & (BUSY_SHARDS - 1));
}

static int str_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A set of UIDs: sorted and made unique once filled. */
struct uid_set {
	char **v;
	size_t n, cap;
};

static void set_add(struct uid_set *s, const char *identity)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xstrndup(identity, ics_identity_uid_len(identity));
}

static void set_done(struct uid_set *s)
{
	size_t j = 0;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, str_order);
	for (size_t i = 0; i < s->n; i++) {
		if (j > 0 && strcmp(s->v[j - 1], s->v[i]) == 0)
			free(s->v[i]);
		else
			s->v[j++] = s->v[i];
	}
	s->n = j;
}

static bool set_has(const struct uid_set *s, const char *uid)
{
	return s->n > 0 && bsearch(&uid, s->v, s->n, sizeof *s->v, str_order) != NULL;
}

static void set_free(struct uid_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static bool in_window(const struct sync_run *r, const struct sync_busy_event *e)
{
	return e->last >= r->from && e->first <= r->to;
}

/* Each window event of cache c, to fn. */
static void each_event(const struct sync_run *r, const struct sync_busy_cache *c,
		       void (*fn)(void *ctx, const struct sync_busy_event *e), void *ctx)
{
	for (size_t i = 0; c != NULL && i < c->n_dirs; i++)
		for (size_t k = 0; k < c->dirs[i].n_files; k++)
			for (size_t j = 0; j < c->dirs[i].files[k].n_events; j++)
				if (in_window(r, &c->dirs[i].files[k].events[j]))
					fn(ctx, &c->dirs[i].files[k].events[j]);
}

static void add_uid(void *ctx, const struct sync_busy_event *e)
{
	set_add(ctx, e->uid);
}

/* The UIDs to replace: what the shards made again held and hold, and with
 * all made again, those the last sync put in the window. */
static void affected(struct busy_run *b, struct uid_set *out)
{
	const struct sync_state *s = b->r->state;

	for (int k = 0; k < BUSY_SHARDS; k++) {
		if (!b->redo[k])
			continue;
		each_event(b->r, b->old[k], add_uid, out);
		each_event(b->r, b->now[k], add_uid, out);
	}
	for (size_t i = 0; b->full && i < s->n_busy; i++)
		set_add(out, s->busy[i]);
	set_done(out);
}

/* The other shards that hold some of those UIDs, read from the cache. */
static void load_reaching(struct busy_run *b, const struct uid_set *uids)
{
	const struct sync_state *s = b->r->state;
	uint64_t want = 0;

	for (size_t i = 0; i < s->n_busy; i++)
		if (set_has(uids, s->busy[i]))
			want |= s->busy_from[i];
	for (int k = 0; k < BUSY_SHARDS; k++) {
		if (b->redo[k] || b->loaded[k] || !(want & ((uint64_t)1 << k)))
			continue;
		if (store_load_busy(b->r->app->boot.store, k, &b->old[k]) != 0)
			b->old[k] = NULL;
		b->loaded[k] = true;
	}
}

/* The calendar for ics_merge: the events of those UIDs (borrowed). */
struct cal_fill {
	struct ics_calendar *cal;
	const struct uid_set *uids;
	size_t cap;
	uint64_t *from;           /* the shard of each event */
	int shard;
};

static void add_event(void *ctx, const struct sync_busy_event *e)
{
	struct cal_fill *c = ctx;
	size_t n = ics_identity_uid_len(e->uid);
	char uid[SYNC_UID_MAX + 1];

	snprintf(uid, sizeof uid, "%.*s", (int)n, e->uid);
	if (!set_has(c->uids, uid))
		return;
	c->cal->events = xgrow(c->cal->events, &c->cap, c->cal->n_events + 1,
			       sizeof *c->cal->events);
	c->from = xrealloc(c->from, c->cap * sizeof *c->from);
	c->from[c->cal->n_events] = (uint64_t)1 << c->shard;
	c->cal->events[c->cal->n_events++] = (struct ics_event){
		.uid = e->uid, .title = e->title, .location = e->location, .all_day = e->all_day,
		.first = e->first, .last = e->last, .start = e->start, .end = e->end };
}

static void fill_calendar(struct busy_run *b, const struct uid_set *uids, struct cal_fill *c)
{
	for (int k = 0; k < BUSY_SHARDS; k++) {
		c->shard = k;
		each_event(b->r, b->redo[k] ? b->now[k] : b->old[k], add_event, c);
	}
	c->cal->uids = uids->v;
	c->cal->n_uids = uids->n;
}

/* sync.json's UIDs: those replaced go, those placed now come with their shards. */
static void note_uids(struct busy_run *b, const struct uid_set *uids, const struct cal_fill *c)
{
	struct sync_state *s = b->r->state;
	struct uid_set keep = { 0 };
	uint64_t *from;

	for (size_t i = 0; i < s->n_busy; i++)
		if (!set_has(uids, s->busy[i]))
			set_add(&keep, s->busy[i]);
	for (size_t i = 0; i < c->cal->n_events; i++)
		set_add(&keep, c->cal->events[i].uid);
	set_done(&keep);
	from = xcalloc(keep.n + 1, sizeof *from);
	for (size_t i = 0; i < s->n_busy; i++) {
		char **at = bsearch(&s->busy[i], keep.v, keep.n, sizeof *keep.v, str_order);

		if (at != NULL && !set_has(uids, s->busy[i]))
			from[at - keep.v] |= s->busy_from[i];
	}
	for (size_t i = 0; i < c->cal->n_events; i++) {
		char uid[SYNC_UID_MAX + 1], *p = uid, **at;

		snprintf(uid, sizeof uid, "%.*s", (int)ics_identity_uid_len(c->cal->events[i].uid),
			 c->cal->events[i].uid);
		at = bsearch(&p, keep.v, keep.n, sizeof *keep.v, str_order);
		if (at != NULL)
			from[at - keep.v] |= c->from[i];
	}
	for (size_t i = 0; i < s->n_busy; i++)
		free(s->busy[i]);
	free(s->busy);
	free(s->busy_from);
	s->busy = keep.v;
	s->busy_from = from;
	s->n_busy = keep.n;
}

/* ics_merge over the window's weeks, put back into the change. */
static int merge_weeks(struct busy_run *b, struct ics_calendar *cal, struct ics_report *rep)
{
	struct sync_run *r = b->r;
	struct week **weeks = xcalloc(r->n_weeks, sizeof *weeks);
	struct error err = { 0 };
	int rc;

	for (size_t i = 0; i < r->n_weeks; i++)
		weeks[i] = week_clone(r->weeks[i]);
	rc = ics_merge(weeks, r->n_weeks, r->p, cal, r->from, r->to, rep, &err);
	for (size_t i = 0; i < r->n_weeks; i++) {
		if (rc == 0)
			txn_put_week(r->tx, weeks[i], NULL);
		else
			week_free(weeks[i]);
	}
	free(weeks);
	if (rc != 0)
		sync_item(r, SYNC_PROBLEM, NULL, "busy time: %s; the meetings stay as they were",
			  err.msg);
	return rc;
}

int busy_merge(struct busy_run *b)
{
	struct uid_set uids = { 0 };
	struct ics_calendar cal = { 0 };
	struct cal_fill c = { .cal = &cal, .uids = &uids };
	struct ics_report rep;
	int rc;

	affected(b, &uids);
	load_reaching(b, &uids);
	fill_calendar(b, &uids, &c);
	/* The events in order, each with the shard it came from. */
	if (cal.n_events > 1) {
		struct { struct ics_event e; uint64_t from; } *pairs =
			xcalloc(cal.n_events, sizeof *pairs);

		for (size_t i = 0; i < cal.n_events; i++) {
			pairs[i].e = cal.events[i];
			pairs[i].from = c.from[i];
		}
		qsort(pairs, cal.n_events, sizeof *pairs, ics_event_order);
		for (size_t i = 0; i < cal.n_events; i++) {
			cal.events[i] = pairs[i].e;
			c.from[i] = pairs[i].from;
		}
		free(pairs);
	}
	rc = merge_weeks(b, &cal, &rep);
	if (rc == 0) {
		b->r->touched = true;
		note_uids(b, &uids, &c);
		b->r->rep->busy_added = rep.added;
		b->r->rep->busy_removed = rep.removed;
		b->r->rep->busy_meetings = cal.n_events;
		b->r->rep->overlaps = rep.n_overlaps;
		ics_report_clear(&rep);
	}
	set_free(&uids);
	free(cal.events);
	free(c.from);
	return rc;
}
