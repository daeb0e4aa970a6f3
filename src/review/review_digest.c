/* review_digest.c - one week's figures as a review counts them, without its
 * lists: what the store keeps for the weeks that have ended. */
#include <stdlib.h>
#include <string.h>

#include "review_int.h"
#include "xalloc.h"

/* What a digest is being made with. */
struct dctx {
	struct review_digest *d;
	size_t cap_ind, cap_acc, cap_int, cap_sales, cap_unf, cap_from;
};

bool review_digest_settled(int key, date_t today)
{
	return date_week_monday(key) + 6 < today;
}

void review_digest_free(struct review_digest *d)
{
	if (d == NULL)
		return;
	free(d->industries);
	free(d->accounts);
	free(d->interruptions);
	free(d->sales);
	free(d->unfinished);
	free(d->carried_from);
	free(d);
}

void review_tally_block(struct review_tally *t, const struct block *b,
			const struct review_verdict *v, bool due)
{
	t->blocks++;
	t->minutes += block_minutes(b);
	t->done += v->state == REVIEW_DONE;
	t->unfinished += v->state == REVIEW_UNFINISHED;
	t->dropped += v->state == REVIEW_DROPPED;
	t->done_minutes += v->done_minutes;
	t->left_minutes += v->left_minutes;
	if (due)
		t->due_minutes += block_minutes(b);
}

/* The week's row of an industry; a week names few, so a scan finds it. */
static struct review_digest_industry *digest_industry(struct dctx *c, int id)
{
	struct review_digest *d = c->d;

	for (size_t i = 0; i < d->n_industries; i++)
		if (d->industries[i].id == id)
			return &d->industries[i];
	d->industries = xgrow(d->industries, &c->cap_ind, d->n_industries + 1,
			      sizeof *d->industries);
	memset(&d->industries[d->n_industries], 0, sizeof *d->industries);
	d->industries[d->n_industries].id = id;
	return &d->industries[d->n_industries++];
}

static struct review_digest_account *digest_account(struct dctx *c, int id)
{
	struct review_digest *d = c->d;

	for (size_t i = 0; i < d->n_accounts; i++)
		if (d->accounts[i].id == id)
			return &d->accounts[i];
	d->accounts = xgrow(d->accounts, &c->cap_acc, d->n_accounts + 1, sizeof *d->accounts);
	memset(&d->accounts[d->n_accounts], 0, sizeof *d->accounts);
	d->accounts[d->n_accounts].id = id;
	return &d->accounts[d->n_accounts++];
}

static void digest_id(char (**list)[MODEL_ID_MAX], size_t *n, size_t *cap, const char *id)
{
	*list = xgrow(*list, cap, *n + 1, sizeof **list);
	memcpy((*list)[(*n)++], id, MODEL_ID_MAX);
}

void review_outcome_add(struct outcome *sum, const struct outcome *o)
{
	sum->calls += o->calls;
	sum->conversations += o->conversations;
	sum->meetings += o->meetings;
}

static void digest_block(struct dctx *c, const struct block *b, const struct review_verdict *v,
			 bool due)
{
	struct review_digest *d = c->d;
	struct review_digest_industry *ind;
	int m = block_minutes(b);

	if (b->carried_from[0])
		digest_id(&d->carried_from, &d->n_carried_from, &c->cap_from, b->carried_from);
	if (b->kind == KIND_MEETING) {
		/* Calendar time: neither done nor due. */
		d->kind[KIND_MEETING].blocks++;
		d->kind[KIND_MEETING].minutes += m;
		return;
	}
	review_tally_block(&d->kind[b->kind], b, v, due);
	review_tally_block(&d->total, b, v, due);
	review_tally_block(&d->day[date_weekday(b->date)], b, v, due);
	ind = digest_industry(c, b->industry);
	review_tally_block(&ind->t, b, v, due);
	review_outcome_add(&ind->out, &b->out);
	if (b->kind == KIND_PROSPECTING)
		ind->prospecting_minutes += v->done_minutes;
	if (b->kind == KIND_ACCOUNT) {
		struct review_digest_account *a = digest_account(c, b->account);

		a->planned += m;
		a->done += v->done_minutes;
	}
	if (!b->for_quota) {
		d->notquota_minutes += m;
		d->notquota_done_minutes += v->done_minutes;
	}
	if (v->state == REVIEW_UNFINISHED)
		digest_id(&d->unfinished, &d->n_unfinished, &c->cap_unf, b->id);
}

static void digest_blocks(struct dctx *c, const struct week *w, date_t today, int minute)
{
	size_t n = week_block_count(w);
	struct review_verdict *v = xcalloc(n + 1, sizeof *v);

	review_week_verdicts(w, today, minute, c->d->slot, v);
	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_at(w, i);

		digest_block(c, b, &v[i], review_block_due(b, today, minute));
	}
	free(v);
}

/* Sales: all of them for the quota; those dated in the week per industry. */
static void digest_sales(struct dctx *c, const struct week *w)
{
	struct review_digest *d = c->d;
	date_t monday = week_monday(w);

	for (size_t i = 0; i < week_sale_count(w); i++) {
		const struct sale *s = week_sale_at(w, i);

		d->sales = xgrow(d->sales, &c->cap_sales, d->n_sales + 1, sizeof *d->sales);
		d->sales[d->n_sales++] = (struct review_digest_sale){ s->date, s->amount };
		if (s->date >= monday && s->date <= monday + 6)
			digest_industry(c, s->industry)->sales += s->amount;
	}
}

static void digest_sessions(struct dctx *c, const struct week *w)
{
	struct review_digest *d = c->d;

	for (size_t i = 0; i < week_session_count(w); i++) {
		const struct session *s = week_session_at(w, i);
		int64_t secs = s->ended - s->started - s->paused;

		d->timer_seconds += secs > 0 ? secs : 0;
		for (size_t j = 0; j < s->n_interruptions; j++) {
			d->interruptions = xgrow(d->interruptions, &c->cap_int,
						 d->n_interruptions + 1, sizeof *d->interruptions);
			d->interruptions[d->n_interruptions++] = s->interruptions[j].at;
		}
	}
}

struct review_digest *review_digest_week(const struct week *w, int key, date_t today,
					 int minute, int slot)
{
	struct dctx c = { .d = xcalloc(1, sizeof *c.d) };

	c.d->key = key;
	c.d->slot = slot;
	if (w == NULL)
		return c.d;
	/* Blocks first, then sales: the order rows first appear in. */
	digest_blocks(&c, w, today, minute);
	digest_sales(&c, w);
	review_focus_units(w, today, minute, c.d);
	digest_sessions(&c, w);
	return c.d;
}
