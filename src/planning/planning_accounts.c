/* planning_accounts.c - account time against its baseline, the trim, the
 * freed time offered as prospecting, and the quota question. */
#include <stdlib.h>
#include <string.h>

#include "planning_int.h"
#include "xalloc.h"

static struct planning_account *accounts_find(struct planning *pl, int id)
{
	for (size_t i = 0; i < pl->n_accounts; i++)
		if (pl->accounts[i].account == id)
			return &pl->accounts[i];
	return NULL;
}

static struct planning_account *accounts_add(struct planning *pl, int id)
{
	const struct account *acc = plan_account_by_id(pl->plan, id);
	struct planning_account *a;

	pl->accounts = xrealloc(pl->accounts, (pl->n_accounts + 1) * sizeof *pl->accounts);
	a = &pl->accounts[pl->n_accounts++];
	memset(a, 0, sizeof *a);
	a->account = id;
	a->baseline = acc != NULL ? acc->baseline : 0;
	a->target = (int)model_account_target(a->baseline);
	return a;
}

/* Active accounts in plan order, then any other with blocks this week. */
static void accounts_report(struct planning *pl, const struct week *w)
{
	for (size_t i = 0; i < plan_account_count(pl->plan); i++)
		if (!plan_account_at(pl->plan, i)->archived)
			accounts_add(pl, plan_account_at(pl->plan, i)->id);
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		struct planning_account *a;

		if (b->kind != KIND_ACCOUNT)
			continue;
		a = accounts_find(pl, b->account);
		if (a == NULL)
			a = accounts_add(pl, b->account);
		a->planned += block_minutes(b);
	}
}

static bool trim_candidate(const struct week *w, const struct block *b, int account, int slot)
{
	return b->kind == KIND_ACCOUNT && b->account == account && !planning_block_worked(w, b) &&
	       block_minutes(b) > slot;
}

/* Cuts one account's blocks: `len` holds each block's new length.  The cut
 * is pct percent of the account's whole week (every block of it, worked or
 * not), taken from the blocks that can still be trimmed. */
static int trim_account(const struct week *w, int account, int pct, int slot, int *len)
{
	long total = 0;
	int slots, cut = 0;
	size_t n = week_block_count(w);

	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_at(w, i);

		len[i] = block_minutes(b);
		if (b->kind == KIND_ACCOUNT && b->account == account)
			total += len[i];
	}
	slots = (int)((total * pct + 50L * slot) / (100L * slot));
	while (slots-- > 0) {
		long best = -1;

		for (size_t i = 0; i < n; i++)
			if (trim_candidate(w, week_block_at(w, i), account, slot) && len[i] > slot &&
			    (best < 0 || len[i] >= len[best]))
				best = (long)i;
		if (best < 0)
			break;
		len[best] -= slot;
		cut += slot;
	}
	return cut;
}

static void trim_items(struct planning *pl, struct week *w, const int *len)
{
	size_t n = week_block_count(w);
	struct block *was = xcalloc(n + 1, sizeof *was);

	/* Copies: trying an item changes w under us. */
	for (size_t i = 0; i < n; i++)
		block_copy(&was[i], week_block_at(w, i));
	for (size_t i = 0; i < n; i++) {
		struct planning_item *it;

		if (len[i] == block_minutes(&was[i]))
			continue;
		it = planning_item_new(pl, PLANNING_TRIM, PLANNING_UPDATE);
		block_clear(&it->block);
		block_copy(&it->block, &was[i]);
		it->old_start = was[i].start;
		it->old_end = was[i].end;
		it->block.end = was[i].start + len[i];
		it->chosen = true;
		planning_item_try(pl, w, pl->n_items - 1);
	}
	for (size_t i = 0; i < n; i++)
		block_clear(&was[i]);
	free(was);
}

int planning_compute_trim(struct planning *pl, struct error *err)
{
	struct week *w = planning_sim(pl, PLANNING_TRIM, err);
	int slot = plan_settings(pl->plan)->slot;
	int *len, *all;

	if (w == NULL)
		return -1;
	accounts_report(pl, w);
	len = xcalloc(week_block_count(w) + 1, sizeof *len);
	all = xcalloc(week_block_count(w) + 1, sizeof *all);
	for (size_t i = 0; i < week_block_count(w); i++)
		all[i] = block_minutes(week_block_at(w, i));
	for (size_t a = 0; pl->trim_pct > 0 && a < pl->n_accounts; a++) {
		pl->accounts[a].cut = trim_account(w, pl->accounts[a].account, pl->trim_pct, slot, len);
		for (size_t i = 0; i < week_block_count(w); i++)
			if (week_block_at(w, i)->kind == KIND_ACCOUNT &&
			    week_block_at(w, i)->account == pl->accounts[a].account)
				all[i] = len[i];
	}
	trim_items(pl, w, all);
	free(len);
	free(all);
	week_free(w);
	return 0;
}

size_t planning_account_count(const struct planning *pl)
{
	return pl->n_accounts;
}

const struct planning_account *planning_account_at(const struct planning *pl, size_t i)
{
	return i < pl->n_accounts ? &pl->accounts[i] : NULL;
}

int planning_account_after(const struct planning *pl, size_t i)
{
	const struct planning_account *a = planning_account_at(pl, i);
	int after = a != NULL ? a->planned : 0;

	for (size_t k = 0; a != NULL && k < pl->n_items; k++) {
		const struct planning_item *it = &pl->items[k];

		if (it->step == PLANNING_TRIM && it->chosen && it->block.account == a->account)
			after -= it->old_end - it->block.end;
	}
	return after;
}

int planning_freed_minutes(const struct planning *pl)
{
	int freed = 0;

	for (size_t i = 0; i < pl->n_items; i++)
		if (pl->items[i].step == PLANNING_TRIM && pl->items[i].chosen)
			freed += pl->items[i].old_end - pl->items[i].block.end;
	return freed;
}

/* ---- the freed time ---- */

static void freed_item(struct planning *pl, struct week *w, date_t day, int start, int end)
{
	struct planning_item *it = planning_item_new(pl, PLANNING_FREED, PLANNING_ADD);
	char when[16], at[DATE_TIME_SHOW_MAX];

	it->block.date = day;
	it->block.start = start;
	it->block.end = end;
	it->block.kind = KIND_PROSPECTING;
	it->block.industry = week_niche_at(w, day, start);
	block_set_title(&it->block, PLANNING_FREED_TITLE);
	if (it->block.industry == 0) {
		date_format_short(day, when);
		date_time_show(start, at);
		it->blocked = true;
		planning_item_why(it, "%s has no niche at %s", when, at);
		return;
	}
	planning_item_try(pl, w, pl->n_items - 1);
}

int planning_compute_freed(struct planning *pl, struct error *err)
{
	struct week *w = planning_sim(pl, PLANNING_FREED, err);
	size_t n = pl->n_items;

	if (w == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct planning_item *t = &pl->items[i];
		date_t day = t->block.date;
		int start = t->block.end, end = t->old_end;

		if (t->step == PLANNING_TRIM && t->chosen)
			freed_item(pl, w, day, start, end);
	}
	week_free(w);
	return 0;
}

/* ---- the quota question ---- */

int planning_compute_quota(struct planning *pl, struct error *err)
{
	struct week *w = planning_sim(pl, PLANNING_QUOTA, err);

	if (w == NULL)
		return -1;
	for (size_t i = 0; i < week_block_count(w); i++) {
		const struct block *b = week_block_at(w, i);
		struct planning_item *it;

		if (b->for_quota || b->kind == KIND_MEETING || planning_block_worked(w, b))
			continue;
		it = planning_item_new(pl, PLANNING_QUOTA, PLANNING_REMOVE);
		block_clear(&it->block);
		block_copy(&it->block, b);
	}
	week_free(w);
	return 0;
}
