/* ics_merge.c - occurrences into weeks: meetings and day banners replaced
 * by UID within the range, overlaps with planned blocks reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "rules.h"
#include "xalloc.h"

/* A meeting block taken out, whose id a new one of the same identity reuses. */
struct old_block {
	size_t week;
	const char *uid;        /* its identity (points into the old week) */
	char id[MODEL_ID_MAX];
	bool reused;
};

struct merge {
	struct week **weeks;     /* the caller's, read only */
	struct week **out;       /* the copies being changed */
	size_t n_weeks;
	const struct plan *p;
	const struct ics_calendar *cal;
	date_t from, to;
	struct ics_report *rep;
	struct error *err;
	struct old_block *old;   /* sorted by week, then identity */
	size_t n_old, cap_old;
	char **gone;             /* identities taken out (blocks and banners) */
	size_t n_gone, cap_gone;
	size_t cap_overlaps;
};

static int str_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool uid_known(const struct ics_calendar *cal, const char *uid)
{
	return cal->n_uids > 0 &&
	       bsearch(&uid, cal->uids, cal->n_uids, sizeof *cal->uids, str_order) != NULL;
}

/* Is `identity` ("UID" or "UID#RID") an occurrence of a UID in the file? */
static bool uid_belongs(const struct ics_calendar *cal, const char *identity)
{
	const char *hash = strrchr(identity, '#');
	char *base;
	bool known;

	if (uid_known(cal, identity))
		return true;
	if (hash == NULL || strspn(hash + 1, "0123456789TZ") != strlen(hash + 1) ||
	    strlen(hash + 1) < 8)
		return false;
	base = xstrndup(identity, (size_t)(hash - identity));
	known = uid_known(cal, base);
	free(base);
	return known;
}

static struct ics_note *note_push(struct ics_report *rep, enum ics_note_kind kind, int line,
				  const char *title, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static struct ics_note *note_push(struct ics_report *rep, enum ics_note_kind kind, int line,
				  const char *title, const char *fmt, ...)
{
	struct ics_note *note;
	va_list ap;

	va_start(ap, fmt);
	note = ics_note_vpush(&rep->notes, &rep->n_notes, kind, line, title, fmt, ap);
	va_end(ap);
	return note;
}

static bool in_range(const struct merge *m, date_t d)
{
	return d >= m->from && d <= m->to;
}

static void gone_add(struct merge *m, const char *identity)
{
	m->gone = xgrow(m->gone, &m->cap_gone, m->n_gone + 1, sizeof *m->gone);
	m->gone[m->n_gone++] = xstrdup(identity);
}

/* Takes out the meetings of the file's UIDs in the range. */
static void take_blocks(struct merge *m, size_t wi)
{
	struct week *w = m->out[wi];
	size_t i = 0;

	while (i < week_block_count(w)) {
		const struct block *b = week_block_at(w, i);
		struct old_block *o;

		if (b->kind != KIND_MEETING || b->uid == NULL || !in_range(m, b->date) ||
		    !uid_belongs(m->cal, b->uid)) {
			i++;
			continue;
		}
		gone_add(m, b->uid);
		m->old = xgrow(m->old, &m->cap_old, m->n_old + 1, sizeof *m->old);
		o = &m->old[m->n_old++];
		o->week = wi;
		o->uid = m->gone[m->n_gone - 1];
		memcpy(o->id, b->id, MODEL_ID_MAX);
		o->reused = false;
		week_block_remove(w, o->id, NULL);
	}
}

/* Takes out the banners of the file's UIDs in the range, keeping the days of
 * the same UIDs outside it. */
static void take_banners(struct merge *m, struct week *w)
{
	for (size_t i = 0; i < week_banner_count(w); i++) {
		const struct banner *bn = week_banner_at(w, i);
		struct banner *keep = NULL;
		size_t n_keep = 0, cap = 0;
		char *uid;

		if (bn->uid == NULL || !in_range(m, bn->date) || !uid_belongs(m->cal, bn->uid))
			continue;
		uid = xstrdup(bn->uid);
		gone_add(m, uid);
		for (size_t k = 0; k < week_banner_count(w); k++) {
			const struct banner *o = week_banner_at(w, k);

			if (o->uid == NULL || strcmp(o->uid, uid) != 0 || in_range(m, o->date))
				continue;
			keep = xgrow(keep, &cap, n_keep + 1, sizeof *keep);
			keep[n_keep].date = o->date;
			keep[n_keep].title = xstrdup(o->title);
			keep[n_keep++].uid = uid;
		}
		week_banner_clear_uid(w, uid);
		for (size_t k = 0; k < n_keep; k++) {
			week_banner_add(w, &keep[k]);
			free(keep[k].title);
		}
		free(keep);
		free(uid);
		i = (size_t)-1; /* the list changed: look again from the start */
	}
}

static int old_order(const void *pa, const void *pb)
{
	const struct old_block *a = pa, *b = pb;

	if (a->week != b->week)
		return a->week < b->week ? -1 : 1;
	return strcmp(a->uid, b->uid);
}

/* The id of a block taken out of week wi for this identity, or "". */
static void reuse_id(struct merge *m, size_t wi, const char *uid, char id[MODEL_ID_MAX])
{
	size_t lo = 0, hi = m->n_old;
	struct old_block key = { .week = wi, .uid = uid };

	id[0] = '\0';
	while (lo < hi) { /* the first entry not before key */
		size_t mid = lo + (hi - lo) / 2;

		if (old_order(&m->old[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < m->n_old && old_order(&m->old[lo], &key) == 0; lo++) {
		if (!m->old[lo].reused) {
			m->old[lo].reused = true;
			memcpy(id, m->old[lo].id, MODEL_ID_MAX);
			return;
		}
	}
}

/* A new id in w, the way the week makes them. */
static void fresh_id(struct week *w, char id[MODEL_ID_MAX])
{
	int key = week_key(w);

	do {
		snprintf(id, MODEL_ID_MAX, "%04dW%02d-%d", (key / 100) % 10000, key % 100,
			 week_next_seq(w));
		week_set_next_seq(w, week_next_seq(w) + 1);
	} while (week_block_by_id(w, id) != NULL);
}

/* An exported block come back ("2026W13-4@focusweek") while it is still here. */
static bool is_own(const struct merge *m, const char *uid)
{
	size_t n = strlen(uid), k = strlen(ICS_UID_SUFFIX);
	char id[MODEL_ID_MAX];

	if (n <= k || n - k >= MODEL_ID_MAX || strcmp(uid + n - k, ICS_UID_SUFFIX) != 0)
		return false;
	memcpy(id, uid, n - k);
	id[n - k] = '\0';
	for (size_t i = 0; i < m->n_weeks; i++) {
		const struct block *b = week_block_by_id(m->weeks[i], id);

		if (b != NULL && b->kind != KIND_MEETING)
			return true;
	}
	return false;
}

/* An exported block come back: left out, and noted. */
static void merge_own(struct merge *m, const struct ics_event *e)
{
	size_t n = strlen(e->uid) - strlen(ICS_UID_SUFFIX);

	m->rep->own++;
	ics_note_count(note_push(m->rep, ICS_NOTE_LEFT_OUT, e->line, e->title, "focusweek's own "
				 "block %.*s, exported before: it is in the plan already",
				 (int)n, e->uid), e->first);
}

static size_t week_of(const struct merge *m, date_t d)
{
	return (size_t)((date_week_monday(date_week_key(d)) - week_monday(m->out[0])) / 7);
}

static void overlaps_note(struct merge *m, const struct week *w, const struct block *mt)
{
	struct ics_report *rep = m->rep;

	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		struct ics_overlap *o;

		if (b->kind == KIND_MEETING || b->date != mt->date || b->start >= mt->end ||
		    mt->start >= b->end)
			continue;
		rep->overlaps = xgrow(rep->overlaps, &m->cap_overlaps, rep->n_overlaps + 1,
				      sizeof *rep->overlaps);
		o = &rep->overlaps[rep->n_overlaps++];
		o->date = mt->date;
		o->start = mt->start;
		o->end = mt->end;
		o->title = xstrdup(mt->title);
		memcpy(o->block, b->id, MODEL_ID_MAX);
		o->block_start = b->start;
		o->block_end = b->end;
		o->block_title = xstrdup(b->title[0] ? b->title : model_kind_name(b->kind));
	}
}

static int full(struct merge *m, const struct week *w, const char *what)
{
	char wk[9];

	date_week_format(week_key(w), wk);
	return error_set(m->err, ERR_REFUSED, "%s would hold more than %d %s; import a "
			 "calendar with fewer events", wk, MODEL_WEEK_BLOCKS_MAX, what);
}

/* The part of a timed occurrence on day d, as a meeting block. */
static int put_block(struct merge *m, const struct ics_event *e, date_t d)
{
	size_t wi = week_of(m, d);
	struct week *w = m->out[wi];
	struct block b;

	if (week_block_count(w) >= MODEL_WEEK_BLOCKS_MAX)
		return full(m, w, "blocks");
	block_init(&b);
	b.date = d;
	b.start = d == e->first ? e->start : 0;
	b.end = d == e->last ? e->end : DATE_MINUTES_PER_DAY;
	if (b.start >= b.end) {
		block_clear(&b);
		return 0;
	}
	b.kind = KIND_MEETING;
	block_set_title(&b, e->title);
	block_set_note(&b, e->location);
	block_set_uid(&b, e->uid);
	reuse_id(m, wi, e->uid, b.id);
	if (b.id[0] == '\0')
		fresh_id(w, b.id);
	overlaps_note(m, w, &b);
	week_block_restore(w, &b);
	block_clear(&b);
	m->rep->blocks++;
	return 0;
}

static int put_banner(struct merge *m, const struct ics_event *e, date_t d)
{
	struct week *w = m->out[week_of(m, d)];
	struct banner bn = { .date = d, .title = e->title, .uid = e->uid };

	if (week_banner_count(w) >= MODEL_WEEK_BLOCKS_MAX)
		return full(m, w, "day banners");
	week_banner_add(w, &bn);
	m->rep->banners++;
	return 0;
}

/* Every occurrence, day by day within the range; their identities go to *ids. */
static int put_all(struct merge *m, char ***ids, size_t *n_ids)
{
	size_t cap = 0;

	*ids = NULL;
	*n_ids = 0;
	for (size_t i = 0; i < m->cal->n_events; i++) {
		const struct ics_event *e = &m->cal->events[i];
		date_t d0 = e->first > m->from ? e->first : m->from;
		date_t d1 = e->last < m->to ? e->last : m->to;

		if (is_own(m, e->uid)) {
			merge_own(m, e);
			continue;
		}
		for (date_t d = d0; d <= d1; d++)
			if ((e->all_day ? put_banner(m, e, d) : put_block(m, e, d)) != 0)
				return -1;
		*ids = xgrow(*ids, &cap, *n_ids + 1, sizeof **ids);
		(*ids)[(*n_ids)++] = e->uid;
	}
	return 0;
}

/* Sorts and removes repeats in place; returns the new count. */
static size_t uniq(char **v, size_t n, bool owned)
{
	size_t j = 0;

	if (n > 1)
		qsort(v, n, sizeof *v, str_order);
	for (size_t i = 0; i < n; i++) {
		if (j > 0 && strcmp(v[j - 1], v[i]) == 0) {
			if (owned)
				free(v[i]);
			continue;
		}
		v[j++] = v[i];
	}
	return j;
}

/* added, replaced and removed, from the identities before and after. */
static void count(struct merge *m, char **now, size_t n_now)
{
	size_t i = 0, j = 0;

	m->n_gone = uniq(m->gone, m->n_gone, true);
	n_now = uniq(now, n_now, false);
	while (i < m->n_gone || j < n_now) {
		int c = i == m->n_gone ? 1 : j == n_now ? -1 : strcmp(m->gone[i], now[j]);

		if (c < 0)
			m->rep->removed++, i++;
		else if (c > 0)
			m->rep->added++, j++;
		else
			m->rep->replaced++, i++, j++;
	}
}

static int overlap_order(const void *pa, const void *pb)
{
	const struct ics_overlap *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return strcmp(a->block, b->block);
}

static int merge_weeks(struct merge *m)
{
	char **now = NULL;
	size_t n_now = 0;
	int rc;

	for (size_t i = 0; i < m->n_weeks; i++) {
		take_blocks(m, i);
		take_banners(m, m->out[i]);
	}
	if (m->n_old > 1)
		qsort(m->old, m->n_old, sizeof *m->old, old_order);
	rc = put_all(m, &now, &n_now);
	for (size_t i = 0; i < m->n_weeks && rc == 0; i++) {
		/* What the loader will ask of the file, asked now. */
		if (rules_check_week(m->out[i], m->p, NULL, m->err) != 0) {
			char wk[9];

			date_week_format(week_key(m->out[i]), wk);
			rc = error_prefix(m->err, "%s", wk);
		}
	}
	if (rc == 0) {
		count(m, now, n_now);
		if (m->rep->n_overlaps > 1)
			qsort(m->rep->overlaps, m->rep->n_overlaps, sizeof *m->rep->overlaps,
			      overlap_order);
	}
	free(now);
	return rc;
}

int ics_merge(struct week **weeks, size_t n_weeks, const struct plan *p,
	      const struct ics_calendar *cal, date_t from, date_t to,
	      struct ics_report *rep, struct error *err)
{
	struct merge m = { .weeks = weeks, .n_weeks = n_weeks, .p = p, .cal = cal,
			   .from = from, .to = to, .rep = rep, .err = err };
	int key = date_week_key(from), rc;

	memset(rep, 0, sizeof *rep);
	if (from > to || n_weeks == 0 || week_key(weeks[n_weeks - 1]) != date_week_key(to))
		return error_set(err, ERR_USAGE, "the weeks given do not hold the range");
	m.out = xcalloc(n_weeks, sizeof *m.out);
	for (size_t i = 0; i < n_weeks; i++) {
		if (week_key(weeks[i]) != date_week_add(key, (int)i)) {
			free(m.out);
			return error_set(err, ERR_USAGE, "the weeks given do not hold the range");
		}
		m.out[i] = week_clone(weeks[i]);
	}
	rep->notes = ics_notes_copy(cal->notes, cal->n_notes);
	rep->n_notes = cal->n_notes;
	rc = merge_weeks(&m);
	ics_notes_sort(rep->notes, rep->n_notes);
	for (size_t i = 0; i < n_weeks; i++) {
		if (rc == 0) {
			week_free(weeks[i]);
			weeks[i] = m.out[i];
		} else {
			week_free(m.out[i]);
		}
	}
	if (rc != 0)
		ics_report_clear(rep);
	for (size_t i = 0; i < m.n_gone; i++)
		free(m.gone[i]);
	free(m.gone);
	free(m.old);
	free(m.out);
	return rc;
}

void ics_report_clear(struct ics_report *rep)
{
	for (size_t i = 0; i < rep->n_overlaps; i++) {
		free(rep->overlaps[i].title);
		free(rep->overlaps[i].block_title);
	}
	free(rep->overlaps);
	ics_notes_free(rep->notes, rep->n_notes);
	memset(rep, 0, sizeof *rep);
}
