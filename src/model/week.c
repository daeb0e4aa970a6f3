/* week.c - one ISO week: blocks, niches, sessions, sales, banners. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rules.h"
#include "text.h"
#include "xalloc.h"

struct week {
	int key;                      /* ISO week key, e.g. 202649 */
	enum focus_rule focus;        /* this week's niche rule */
	int midday;                   /* AM/PM boundary under the half-day rule */
	int next_seq;                 /* next sequence number for ids made here */
	int niche[7][PART_COUNT];     /* industry id per weekday and part, 0 = none */
	struct block *blocks;         /* sorted by date, start, id */
	size_t n_blocks, cap_blocks;
	struct session *sessions;
	size_t n_sessions, cap_sessions;
	struct sale *sales;
	size_t n_sales, cap_sales;
	struct banner *banners;
	size_t n_banners, cap_banners;
	char (*declined)[MODEL_ID_MAX]; /* carry-overs declined into this week */
	size_t n_declined, cap_declined;
};

struct week *week_new(const struct plan *p, int key)
{
	struct week *w = xcalloc(1, sizeof *w);
	const struct settings *s = plan_settings(p);

	w->key = key;
	w->focus = s->focus;
	w->midday = s->midday;
	w->next_seq = 1;
	return w;
}

void week_free(struct week *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->n_blocks; i++)
		block_clear(&w->blocks[i]);
	for (size_t i = 0; i < w->n_sessions; i++)
		session_clear(&w->sessions[i]);
	for (size_t i = 0; i < w->n_sales; i++)
		free(w->sales[i].note);
	for (size_t i = 0; i < w->n_banners; i++) {
		free(w->banners[i].title);
		free(w->banners[i].uid);
	}
	free(w->blocks);
	free(w->sessions);
	free(w->sales);
	free(w->banners);
	free(w->declined);
	free(w);
}

struct week *week_clone(const struct week *src)
{
	struct week *w = xcalloc(1, sizeof *w);

	w->key = src->key;
	w->focus = src->focus;
	w->midday = src->midday;
	w->next_seq = src->next_seq;
	memcpy(w->niche, src->niche, sizeof w->niche);
	for (size_t i = 0; i < src->n_blocks; i++)
		week_block_restore(w, &src->blocks[i]);
	for (size_t i = 0; i < src->n_sessions; i++)
		week_session_add(w, &src->sessions[i]);
	for (size_t i = 0; i < src->n_sales; i++) {
		w->sales = xgrow(w->sales, &w->cap_sales, w->n_sales + 1, sizeof *w->sales);
		w->sales[w->n_sales] = src->sales[i];
		w->sales[w->n_sales].note = xstrdup(src->sales[i].note);
		w->n_sales++;
	}
	for (size_t i = 0; i < src->n_banners; i++)
		week_banner_add(w, &src->banners[i]);
	for (size_t i = 0; i < src->n_declined; i++)
		week_decline_carry(w, src->declined[i], true);
	return w;
}

static bool str_eq(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static bool block_equal(const struct block *a, const struct block *b)
{
	return strcmp(a->id, b->id) == 0 && a->date == b->date && a->start == b->start &&
	       a->end == b->end && a->kind == b->kind && a->industry == b->industry &&
	       a->account == b->account && str_eq(a->title, b->title) &&
	       a->for_quota == b->for_quota && a->status == b->status &&
	       a->cut_short == b->cut_short && memcmp(&a->out, &b->out, sizeof a->out) == 0 &&
	       a->worked == b->worked &&
	       str_eq(a->note, b->note) && strcmp(a->carried_from, b->carried_from) == 0 &&
	       str_eq(a->uid, b->uid);
}

bool week_equal(const struct week *a, const struct week *b)
{
	if (a->key != b->key || a->focus != b->focus || a->midday != b->midday ||
	    a->next_seq != b->next_seq || memcmp(a->niche, b->niche, sizeof a->niche) != 0 ||
	    a->n_blocks != b->n_blocks || a->n_sessions != b->n_sessions ||
	    a->n_sales != b->n_sales || a->n_banners != b->n_banners ||
	    a->n_declined != b->n_declined)
		return false;
	for (size_t i = 0; i < a->n_declined; i++)
		if (strcmp(a->declined[i], b->declined[i]) != 0)
			return false;
	for (size_t i = 0; i < a->n_blocks; i++)
		if (!block_equal(&a->blocks[i], &b->blocks[i]))
			return false;
	for (size_t i = 0; i < a->n_sessions; i++) {
		const struct session *x = &a->sessions[i], *y = &b->sessions[i];

		if (strcmp(x->block, y->block) != 0 || x->started != y->started ||
		    x->ended != y->ended || x->paused != y->paused || x->end != y->end ||
		    x->extended != y->extended || x->n_interruptions != y->n_interruptions ||
		    memcmp(&x->counted, &y->counted, sizeof x->counted) != 0)
			return false;
		for (size_t j = 0; j < x->n_interruptions; j++)
			if (x->interruptions[j].at != y->interruptions[j].at ||
			    !str_eq(x->interruptions[j].note, y->interruptions[j].note))
				return false;
	}
	for (size_t i = 0; i < a->n_sales; i++) {
		const struct sale *x = &a->sales[i], *y = &b->sales[i];

		if (strcmp(x->id, y->id) != 0 || x->date != y->date || x->amount != y->amount ||
		    x->industry != y->industry || x->account != y->account ||
		    strcmp(x->block, y->block) != 0 || !str_eq(x->note, y->note))
			return false;
	}
	for (size_t i = 0; i < a->n_banners; i++)
		if (a->banners[i].date != b->banners[i].date ||
		    !str_eq(a->banners[i].title, b->banners[i].title) ||
		    !str_eq(a->banners[i].uid, b->banners[i].uid))
			return false;
	return true;
}

int week_key(const struct week *w)
{
	return w->key;
}

date_t week_monday(const struct week *w)
{
	return date_week_monday(w->key);
}

enum focus_rule week_focus(const struct week *w)
{
	return w->focus;
}

int week_midday(const struct week *w)
{
	return w->midday;
}

int week_next_seq(const struct week *w)
{
	return w->next_seq;
}

void week_set_next_seq(struct week *w, int seq)
{
	w->next_seq = seq;
}

bool week_is_empty(const struct week *w)
{
	for (int d = 0; d < 7; d++)
		for (int p = 0; p < PART_COUNT; p++)
			if (w->niche[d][p] != 0)
				return false;
	return w->n_blocks == 0 && w->n_sessions == 0 && w->n_sales == 0 && w->n_banners == 0 &&
	       w->n_declined == 0;
}

/* ---- blocks ---- */

size_t week_block_count(const struct week *w)
{
	return w->n_blocks;
}

const struct block *week_block_at(const struct week *w, size_t i)
{
	return i < w->n_blocks ? &w->blocks[i] : NULL;
}

long week_block_index(const struct week *w, const char *id)
{
	for (size_t i = 0; i < w->n_blocks; i++)
		if (strcmp(w->blocks[i].id, id) == 0)
			return (long)i;
	return -1;
}

const struct block *week_block_by_id(const struct week *w, const char *id)
{
	long i = week_block_index(w, id);

	return i < 0 ? NULL : &w->blocks[i];
}

static int block_order(const struct block *a, const struct block *b)
{
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Inserts a deep copy of b in order. */
/* Opens the place of b in the sorted blocks; the caller fills it. */
static struct block *week_insert_place(struct week *w, const struct block *b)
{
	size_t i = w->n_blocks;

	w->blocks = xgrow(w->blocks, &w->cap_blocks, w->n_blocks + 1, sizeof *w->blocks);
	while (i > 0 && block_order(&w->blocks[i - 1], b) > 0)
		i--;
	memmove(&w->blocks[i + 1], &w->blocks[i], (w->n_blocks - i) * sizeof *w->blocks);
	w->n_blocks++;
	return &w->blocks[i];
}

static void week_insert(struct week *w, const struct block *b)
{
	block_copy(week_insert_place(w, b), b);
}

static void week_delete_at(struct week *w, size_t i)
{
	block_clear(&w->blocks[i]);
	memmove(&w->blocks[i], &w->blocks[i + 1], (w->n_blocks - i - 1) * sizeof *w->blocks);
	w->n_blocks--;
}

void week_block_restore(struct week *w, const struct block *b)
{
	week_insert(w, b);
}

void week_block_restore_take(struct week *w, struct block *b)
{
	*week_insert_place(w, b) = *b;
	b->title = b->note = b->uid = NULL;
}

static void week_make_id(struct week *w, char out[MODEL_ID_MAX], const char *infix)
{
	snprintf(out, MODEL_ID_MAX, "%04dW%02d-%s%d", (w->key / 100) % 10000, w->key % 100,
		 infix, w->next_seq);
	w->next_seq++;
}

int week_block_add(struct week *w, const struct plan *p, const struct block *b,
		   char *id_out, struct error *err)
{
	struct block nb = *b;
	char id[MODEL_ID_MAX];

	if (w->n_blocks >= MODEL_WEEK_BLOCKS_MAX)
		return error_set(err, ERR_REFUSED, "a week holds at most %d blocks",
				 MODEL_WEEK_BLOCKS_MAX);
	if (b->id[0] != '\0' && week_block_by_id(w, b->id) != NULL)
		return error_set(err, ERR_REFUSED, "block %s is already in this week", b->id);
	if (rules_check_block(w, p, b, NULL, err) != 0)
		return -1;
	if (b->id[0] == '\0') {
		/* An id moved in from elsewhere cannot clash with ours, but be sure. */
		do
			week_make_id(w, id, "");
		while (week_block_by_id(w, id) != NULL);
		memcpy(nb.id, id, sizeof id);
	}
	week_insert(w, &nb);
	if (id_out != NULL)
		memcpy(id_out, nb.id, MODEL_ID_MAX);
	return 0;
}

int week_block_move_in(struct week *w, const struct plan *p, const struct block *b,
		       const struct block *old, struct error *err)
{
	if (w->n_blocks >= MODEL_WEEK_BLOCKS_MAX)
		return error_set(err, ERR_REFUSED, "a week holds at most %d blocks",
				 MODEL_WEEK_BLOCKS_MAX);
	if (b->id[0] == '\0' || week_block_by_id(w, b->id) != NULL)
		return error_set(err, ERR_REFUSED, "block %s is already in this week", b->id);
	if (rules_check_block(w, p, b, old, err) != 0)
		return -1;
	week_insert(w, b);
	return 0;
}

int week_block_update(struct week *w, const struct plan *p, const struct block *b,
		      struct error *err)
{
	long i = week_block_index(w, b->id);

	if (i < 0)
		return error_set(err, ERR_NOTFOUND, "no block %s in this week", b->id);
	if (rules_check_block(w, p, b, &w->blocks[i], err) != 0)
		return -1;
	week_delete_at(w, (size_t)i);
	week_insert(w, b);
	return 0;
}

int week_block_remove(struct week *w, const char *id, struct error *err)
{
	long i = week_block_index(w, id);

	if (i < 0)
		return error_set(err, ERR_NOTFOUND, "no block %s in this week", id);
	week_delete_at(w, (size_t)i);
	return 0;
}

/* ---- niches ---- */

static int week_day_index(const struct week *w, date_t day)
{
	int d = day - date_week_monday(w->key);

	return d >= 0 && d < 7 ? d : -1;
}

int week_niche(const struct week *w, date_t day, enum day_part part)
{
	int d = week_day_index(w, day);

	return d < 0 || part >= PART_COUNT ? 0 : w->niche[d][part];
}

int week_niche_at(const struct week *w, date_t day, int minute)
{
	if (w->focus == FOCUS_DAY)
		return week_niche(w, day, PART_DAY);
	return week_niche(w, day, minute < w->midday ? PART_AM : PART_PM);
}

void week_restore_niche(struct week *w, date_t day, enum day_part part, int industry)
{
	int d = week_day_index(w, day);

	if (d >= 0 && part < PART_COUNT)
		w->niche[d][part] = industry;
}

void week_restore_focus(struct week *w, enum focus_rule rule, int midday)
{
	w->focus = rule;
	w->midday = midday;
}

static const char *industry_name(const struct plan *p, int id)
{
	const struct industry *ind = plan_industry_by_id(p, id);

	return ind != NULL ? ind->name : "?";
}

int week_set_niche(struct week *w, const struct plan *p, date_t day, enum day_part part,
		   int industry, struct error *err)
{
	int d = week_day_index(w, day);
	char when[16];
	const struct industry *ind = industry ? plan_industry_by_id(p, industry) : NULL;

	if (d < 0)
		return error_set(err, ERR_USAGE, "that day is not in this week");
	date_format_short(day, when);
	if (w->focus == FOCUS_DAY && part != PART_DAY)
		return error_set(err, ERR_REFUSED,
				 "this week gives each whole day one niche; switch it to the "
				 "half-day rule to give the %s its own niche",
				 part == PART_AM ? "morning" : "afternoon");
	if (w->focus == FOCUS_HALF_DAY && part == PART_DAY)
		return error_set(err, ERR_REFUSED,
				 "this week gives each half-day its own niche; choose the morning "
				 "or the afternoon");
	if (industry != 0 && ind == NULL)
		return error_set(err, ERR_NOTFOUND, "no industry with id %d", industry);
	if (ind != NULL && ind->archived)
		return error_set(err, ERR_REFUSED, "%s is archived; restore it first", ind->name);
	if (industry != 0) {
		for (size_t i = 0; i < w->n_blocks; i++) {
			const struct block *b = &w->blocks[i];
			enum day_part parts[2];
			int n;

			if (b->date != day || b->kind != KIND_PROSPECTING || b->industry == industry)
				continue;
			n = rules_block_parts(w, b, parts);
			for (int k = 0; k < n; k++)
				if (parts[k] == part)
					return error_set(
						err, ERR_REFUSED,
						"%s%s%s already holds %s prospecting \"%s\"; one industry "
						"per %s: move that block, or make %s the niche",
						when, part == PART_DAY ? "" : " ",
						rules_part_phrase(part), industry_name(p, b->industry),
						b->title, part == PART_DAY ? "day" : "half-day",
						industry_name(p, b->industry));
		}
	}
	w->niche[d][part] = industry;
	return 0;
}

int week_set_focus(struct week *w, const struct plan *p, enum focus_rule rule, int midday,
		   struct error *err)
{
	struct week *trial;
	int rc;

	if (midday <= 0 || midday >= DATE_MINUTES_PER_DAY || midday % 15 != 0)
		return error_set(err, ERR_USAGE, "midday must be a quarter hour inside the day");
	if (rule == w->focus && midday == w->midday)
		return 0;
	trial = week_clone(w);
	trial->focus = rule;
	trial->midday = midday;
	for (int d = 0; d < 7; d++) {
		if (rule == FOCUS_HALF_DAY && w->focus == FOCUS_DAY) {
			trial->niche[d][PART_AM] = trial->niche[d][PART_PM] = w->niche[d][PART_DAY];
			trial->niche[d][PART_DAY] = 0;
		} else if (rule == FOCUS_DAY && w->focus == FOCUS_HALF_DAY) {
			int am = w->niche[d][PART_AM], pm = w->niche[d][PART_PM];

			if (am != 0 && pm != 0 && am != pm) {
				week_free(trial);
				return error_set(err, ERR_REFUSED,
						 "%s has two niches (%s, then %s); make them the same "
						 "before giving the whole day one niche",
						 date_weekday_abbr(d), industry_name(p, am),
						 industry_name(p, pm));
			}
			trial->niche[d][PART_DAY] = am ? am : pm;
			trial->niche[d][PART_AM] = trial->niche[d][PART_PM] = 0;
		}
	}
	/* Stored data was checked on load: only the niche rule can break here, and
	 * that is a refusal, not damage. */
	rc = rules_check_prospecting(trial, p, err);
	if (rc != 0) {
		char t[DATE_TIME_SHOW_MAX];

		date_time_show(midday, t);
		if (rule == FOCUS_DAY)
			error_prefix(err, "one niche per whole day does not fit the blocks");
		else
			error_prefix(err, "midday at %s does not fit the blocks", t);
	}
	if (rc == 0) {
		w->focus = rule;
		w->midday = midday;
		memcpy(w->niche, trial->niche, sizeof w->niche);
	}
	week_free(trial);
	return rc;
}

/* ---- sessions, sales, banners ---- */

size_t week_session_count(const struct week *w)
{
	return w->n_sessions;
}

const struct session *week_session_at(const struct week *w, size_t i)
{
	return i < w->n_sessions ? &w->sessions[i] : NULL;
}

void week_session_add(struct week *w, const struct session *s)
{
	w->sessions = xgrow(w->sessions, &w->cap_sessions, w->n_sessions + 1,
			    sizeof *w->sessions);
	session_copy(&w->sessions[w->n_sessions++], s);
}

void week_session_take(struct week *w, struct session *s)
{
	w->sessions = xgrow(w->sessions, &w->cap_sessions, w->n_sessions + 1,
			    sizeof *w->sessions);
	w->sessions[w->n_sessions++] = *s;
	s->interruptions = NULL;
	s->n_interruptions = 0;
}

size_t week_sale_count(const struct week *w)
{
	return w->n_sales;
}

const struct sale *week_sale_at(const struct week *w, size_t i)
{
	return i < w->n_sales ? &w->sales[i] : NULL;
}

int week_sale_add(struct week *w, const struct sale *s, char *id_out, struct error *err)
{
	struct sale ns = *s;
	const char *problem = text_check(s->note != NULL ? s->note : "", MODEL_NOTE_MAX);

	if (problem != NULL)
		return error_set(err, ERR_USAGE, "the note %s", problem);
	if (s->amount <= 0 || s->amount > MODEL_MONEY_MAX)
		return error_set(err, ERR_USAGE, "a sale's amount must be 1..%lld",
				 MODEL_MONEY_MAX);
	if (week_day_index(w, s->date) < 0)
		return error_set(err, ERR_USAGE, "that date is not in this week");
	if (s->id[0] == '\0')
		week_make_id(w, ns.id, "s");
	for (size_t i = 0; i < w->n_sales; i++)
		if (strcmp(w->sales[i].id, ns.id) == 0)
			return error_set(err, ERR_DATA, "sale %s is listed twice", ns.id);
	w->sales = xgrow(w->sales, &w->cap_sales, w->n_sales + 1, sizeof *w->sales);
	ns.note = xstrdup(s->note != NULL ? s->note : "");
	w->sales[w->n_sales++] = ns;
	if (id_out != NULL)
		memcpy(id_out, ns.id, MODEL_ID_MAX);
	return 0;
}

int week_sale_remove(struct week *w, const char *id, struct error *err)
{
	for (size_t i = 0; i < w->n_sales; i++) {
		if (strcmp(w->sales[i].id, id) == 0) {
			free(w->sales[i].note);
			memmove(&w->sales[i], &w->sales[i + 1],
				(w->n_sales - i - 1) * sizeof *w->sales);
			w->n_sales--;
			return 0;
		}
	}
	return error_set(err, ERR_NOTFOUND, "no sale %s", id);
}

int64_t week_block_sold(const struct week *w, const char *id)
{
	int64_t sold = 0;

	for (size_t i = 0; i < w->n_sales; i++)
		if (strcmp(w->sales[i].block, id) == 0)
			sold += w->sales[i].amount;
	return sold;
}

/* ---- carry-overs declined ---- */

size_t week_declined_count(const struct week *w)
{
	return w->n_declined;
}

const char *week_declined_at(const struct week *w, size_t i)
{
	return i < w->n_declined ? w->declined[i] : NULL;
}

static long week_declined_index(const struct week *w, const char *id)
{
	for (size_t i = 0; i < w->n_declined; i++)
		if (strcmp(w->declined[i], id) == 0)
			return (long)i;
	return -1;
}

bool week_carry_declined(const struct week *w, const char *id)
{
	return week_declined_index(w, id) >= 0;
}

void week_decline_carry(struct week *w, const char *id, bool declined)
{
	long i = week_declined_index(w, id);

	if (declined && i < 0) {
		w->declined = xgrow(w->declined, &w->cap_declined, w->n_declined + 1,
				    sizeof *w->declined);
		snprintf(w->declined[w->n_declined++], MODEL_ID_MAX, "%s", id);
	} else if (!declined && i >= 0) {
		memmove(&w->declined[i], &w->declined[i + 1],
			(w->n_declined - (size_t)i - 1) * sizeof *w->declined);
		w->n_declined--;
	}
}

size_t week_banner_count(const struct week *w)
{
	return w->n_banners;
}

const struct banner *week_banner_at(const struct week *w, size_t i)
{
	return i < w->n_banners ? &w->banners[i] : NULL;
}

void week_banner_add(struct week *w, const struct banner *b)
{
	w->banners = xgrow(w->banners, &w->cap_banners, w->n_banners + 1, sizeof *w->banners);
	w->banners[w->n_banners].date = b->date;
	w->banners[w->n_banners].title = xstrdup(b->title != NULL ? b->title : "");
	w->banners[w->n_banners].uid = b->uid != NULL ? xstrdup(b->uid) : NULL;
	w->n_banners++;
}

void week_banner_clear_uid(struct week *w, const char *uid)
{
	size_t j = 0;

	for (size_t i = 0; i < w->n_banners; i++) {
		if (w->banners[i].uid != NULL && strcmp(w->banners[i].uid, uid) == 0) {
			free(w->banners[i].title);
			free(w->banners[i].uid);
			continue;
		}
		w->banners[j++] = w->banners[i];
	}
	w->n_banners = j;
}
