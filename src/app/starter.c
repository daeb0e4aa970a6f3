/* starter.c - the first run's plan, and the demo. */
#include "starter.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const industries[4] = { "Healthcare", "Manufacturing", "Logistics",
					   "Retail" };

struct plan *starter_plan(void)
{
	struct plan *p = plan_new();
	struct quota q = { QUOTA_MONTH, 25000, "USD" };

	for (int i = 0; i < 4; i++)
		plan_industry_add(p, industries[i], i + 1, NULL);
	plan_account_add(p, "Northwind Clinics", 240, NULL);
	plan_account_add(p, "Contoso Freight", 180, NULL);
	plan_set_quota(p, &q, NULL);
	return p;
}

struct spec {
	int day;               /* 0 = Monday */
	const char *start, *end;
	enum block_kind kind;
	int industry;          /* index into industries + 1, or 0 */
	int account;           /* account id, or 0 */
	const char *title;
	bool for_quota;
};

static void starter_add(struct week *w, const struct plan *p, const struct spec *s,
			char *id_out)
{
	struct block b;

	block_init(&b);
	b.date = week_monday(w) + s->day;
	date_time_parse(s->start, &b.start);
	date_time_parse(s->end, &b.end);
	b.kind = s->kind;
	b.industry = s->industry;
	b.account = s->account;
	b.for_quota = s->for_quota;
	block_set_title(&b, s->title);
	week_block_add(w, p, &b, id_out, NULL);
	block_clear(&b);
}

static const struct spec starter_blocks[] = {
	{ 0, "08:30", "11:00", KIND_PROSPECTING, 1, 0, "Call list: clinics", true },
	{ 1, "08:30", "11:00", KIND_PROSPECTING, 2, 0, "Call list: plants", true },
	{ 1, "14:00", "16:00", KIND_ACCOUNT, 0, 1, "Quarterly review", true },
	{ 2, "08:30", "11:00", KIND_PROSPECTING, 3, 0, "Call list: carriers", true },
	{ 3, "08:30", "11:00", KIND_PROSPECTING, 4, 0, "Call list: stores", true },
	{ 3, "14:00", "15:30", KIND_ACCOUNT, 0, 2, "Contract renewal", true },
	{ 4, "09:00", "10:30", KIND_ADMIN, 0, 0, "Pipeline and CRM update", true },
	{ 4, "16:00", "17:00", KIND_OTHER, 0, 0, "Team meeting", false },
};

struct week *starter_week(const struct plan *p, int key)
{
	struct week *w = week_new(p, key);

	starter_fill(w, p, NULL);
	return w;
}

void starter_fill(struct week *w, const struct plan *p, struct plan *note)
{
	char id[MODEL_ID_MAX];

	for (int d = 0; d < 4; d++)
		if (week_niche(w, week_monday(w) + d, PART_DAY) == 0)
			week_set_niche(w, p, week_monday(w) + d, PART_DAY, d + 1, NULL);
	for (size_t i = 0; i < sizeof starter_blocks / sizeof starter_blocks[0]; i++) {
		id[0] = '\0';
		starter_add(w, p, &starter_blocks[i], id);
		if (note != NULL && id[0])
			plan_note_sample_block(note, id, NULL);
	}
}

bool starter_is_quota(const struct quota *q)
{
	struct plan *s = starter_plan();
	const struct quota *sq = plan_quota(s);
	bool same = q->target == sq->target && q->period == sq->period &&
		    strcmp(q->currency, sq->currency) == 0;

	plan_free(s);
	return same;
}

int starter_sample(struct plan *p, struct error *err)
{
	struct plan *s = starter_plan();

	if (plan_industry_count(p) > 0 || plan_account_count(p) > 0) {
		plan_free(s);
		return error_set(err, ERR_REFUSED, "the sample goes only into a plan without "
				 "industries and accounts");
	}
	for (size_t i = 0; i < plan_industry_count(s); i++) {
		const struct industry *ind = plan_industry_at(s, i);
		int id = plan_industry_add(p, ind->name, ind->color, err);

		if (id < 0 || plan_mark_sample(p, id, 0, err) != 0)
			goto fail;
	}
	for (size_t i = 0; i < plan_account_count(s); i++) {
		const struct account *acc = plan_account_at(s, i);
		int id = plan_account_add(p, acc->name, acc->baseline, err);

		if (id < 0 || plan_mark_sample(p, 0, id, err) != 0)
			goto fail;
	}
	if (plan_quota(p)->target == 0 && plan_set_quota(p, plan_quota(s), err) == 0)
		plan_note_sample_quota(p, true);
	plan_free(s);
	return 0;
fail:
	plan_free(s);
	return -1;
}

/* ---- the demo ---- */

/* The industries rotate through the weekdays from week to week, so the
 * call lists (title NULL below) follow the day's industry. */
static const char *const demo_call_lists[4] = {
	"Call list: clinics 50-200 beds", "Call list: plant managers", "Call list: carriers",
	"Call list: store owners",
};

static const struct spec demo_blocks[] = {
	{ 0, "08:30", "11:00", KIND_PROSPECTING, 1, 0, NULL, true },
	{ 0, "11:00", "12:00", KIND_PROSPECTING, 1, 0, "Follow-up emails", true },
	{ 0, "13:30", "15:00", KIND_ACCOUNT, 0, 1, "Northwind: usage review", true },
	{ 0, "16:30", "17:00", KIND_ADMIN, 0, 0, "CRM notes", true },
	{ 1, "08:30", "11:00", KIND_PROSPECTING, 2, 0, NULL, true },
	{ 1, "11:00", "12:00", KIND_PROSPECTING, 2, 0, "LinkedIn outreach", true },
	{ 1, "14:00", "16:00", KIND_ACCOUNT, 0, 2, "Contoso: site visit", true },
	{ 2, "08:30", "11:00", KIND_PROSPECTING, 3, 0, NULL, true },
	{ 2, "13:00", "14:00", KIND_OTHER, 0, 0, "Newsletter reading", false },
	{ 2, "14:00", "15:30", KIND_PROSPECTING, 3, 0, "Referral calls", true },
	{ 3, "08:30", "11:00", KIND_PROSPECTING, 4, 0, NULL, true },
	{ 3, "14:00", "15:30", KIND_ACCOUNT, 0, 1, "Northwind: renewal", true },
	{ 4, "09:00", "10:30", KIND_ADMIN, 0, 0, "Pipeline and forecast", true },
	{ 4, "10:30", "12:00", KIND_ACCOUNT, 0, 2, "Contoso: QBR prep", true },
	{ 4, "16:00", "17:00", KIND_OTHER, 0, 0, "Team meeting", false },
};

/* A deterministic spread of outcomes for a done prospecting block. */
static void demo_outcome(struct block *b, int seed)
{
	int hours = block_minutes(b) / 60 + 1;

	b->status = STATUS_DONE;
	if (b->kind == KIND_PROSPECTING) {
		b->out.calls = 9 * hours + seed % 7;
		b->out.conversations = 2 * hours + seed % 3;
		b->out.meetings = (seed % 4 == 0) ? 2 : (seed % 3 == 0 ? 0 : 1);
	}
	if (seed % 9 == 4) {
		b->status = STATUS_SKIPPED;
		memset(&b->out, 0, sizeof b->out); /* nothing happened */
	}
}

static struct week *demo_week(const struct plan *p, int key, date_t today, int *seed)
{
	struct week *w = week_new(p, key);
	date_t monday = week_monday(w);

	for (int d = 0; d < 4; d++)
		week_set_niche(w, p, monday + d, PART_DAY, (d + key) % 4 + 1, NULL);
	for (size_t i = 0; i < sizeof demo_blocks / sizeof demo_blocks[0]; i++) {
		struct spec s = demo_blocks[i];
		char id[MODEL_ID_MAX];
		struct block b;

		if (s.kind == KIND_PROSPECTING)
			s.industry = (s.day + key) % 4 + 1;
		if (s.title == NULL)
			s.title = demo_call_lists[s.industry - 1];
		starter_add(w, p, &s, id);
		if (monday + s.day >= today)
			continue;
		block_copy(&b, week_block_by_id(w, id));
		demo_outcome(&b, (*seed)++);
		week_block_update(w, p, &b, NULL);
		block_clear(&b);
	}
	return w;
}

int starter_demo(struct store *st, instant_t now, struct error *err)
{
	struct plan *p = starter_plan();
	date_t today = clock_today(now);
	int key = date_week_key(today), seed = 1, rc = 0;
	static const int64_t amounts[] = { 4200, 2900, 6100, 1800 };

	plan_account_add(p, "Fabrikam Stores", 120, NULL);
	rc = store_save_plan(st, p, err);
	for (int k = -3; k <= 0 && rc == 0; k++) {
		int wk = date_week_add(key, k);
		struct week *w = demo_week(p, wk, today, &seed);

		if (k < 0) {
			struct sale s = { 0 };

			s.date = week_monday(w) + 3;
			s.amount = amounts[k + 3];
			s.industry = (3 + wk) % 4 + 1;
			s.note = (char *)"signed";
			week_sale_add(w, &s, NULL, NULL);
		}
		rc = store_save_week(st, w, err);
		week_free(w);
	}
	plan_free(p);
	return rc;
}
