/* app_setup.c - the first start: the user's own plan, the sample, and the
 * sample taken back. */
#include "app_setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "duration.h"
#include "settings.h"
#include "starter.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- lists */

/* "Grand Hotel:3h" (or :180, minutes), or a name alone. */
static int as_account(struct app_setup_lists *l, const char *s, size_t n, struct error *err)
{
	const char *colon = memchr(s, ':', n);
	int64_t minutes = 0;

	if (colon != NULL) {
		/* The time a week after the first colon: "2h", "120", "1:30". */
		char *time = text_trim(colon + 1, n - (size_t)(colon - s) - 1);
		struct error why;
		int rc = duration_read(time, MODEL_BASELINE_MAX, &minutes, &why);

		free(time);
		if (rc != 0)
			return error_set(err, ERR_USAGE, "account %.*s: %s", (int)(colon - s), s,
					 why.msg);
		n = (size_t)(colon - s);
	}
	l->account_names = xrealloc(l->account_names, (l->n_accounts + 1) * sizeof(char *));
	l->accounts = xrealloc(l->accounts, (l->n_accounts + 1) * sizeof *l->accounts);
	l->account_names[l->n_accounts] = text_trim(s, n);
	l->accounts[l->n_accounts].baseline = (int)minutes;
	l->n_accounts++;
	return 0;
}

int app_setup_lists_parse(const char *industries, const char *accounts,
			  struct app_setup_lists *l, struct error *err)
{
	const char *p;

	memset(l, 0, sizeof *l);
	for (p = industries != NULL ? industries : ""; *p;) {
		size_t n = strcspn(p, ",");
		char *name = text_trim(p, n);

		if (name[0] == '\0') {
			free(name);
		} else {
			l->industries = xrealloc(l->industries, (l->n_industries + 1) * sizeof(char *));
			l->industries[l->n_industries++] = name;
		}
		p += n + (p[n] == ',');
	}
	for (p = accounts != NULL ? accounts : ""; *p;) {
		size_t n = strcspn(p, ",");

		if (strspn(p, " ") < n && as_account(l, p, n, err) != 0) {
			app_setup_lists_free(l);
			return -1;
		}
		p += n + (p[n] == ',');
	}
	for (size_t i = 0; i < l->n_accounts; i++)
		l->accounts[i].name = l->account_names[i];
	return 0;
}

void app_setup_lists_free(struct app_setup_lists *l)
{
	for (size_t i = 0; i < l->n_industries; i++)
		free(l->industries[i]);
	for (size_t i = 0; i < l->n_accounts; i++)
		free(l->account_names[i]);
	free(l->industries);
	free(l->account_names);
	free(l->accounts);
	memset(l, 0, sizeof *l);
}

/* ---------------------------------------------------------------- setup */

/* Each setting given, as `settings set` would set it. */
static int as_settings(struct plan *p, const struct app_setup *s, struct error *err)
{
	const struct {
		const char *key, *value;
	} given[] = {
		{ "quota.target", s->quota_target }, { "quota.currency", s->quota_currency },
		{ "quota.period", s->quota_period }, { "week.start", s->week_start },
		{ "week.days", s->work_days },       { "time.format", s->time_format },
		/* The end first: a later start may need the end it goes with. */
		{ "day.end", s->day_end },           { "day.start", s->day_start },
	};

	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++)
		if (given[i].value != NULL && given[i].value[0] != '\0' &&
		    settings_set(p, given[i].key, given[i].value, err) != 0)
			return -1;
	return 0;
}

static int as_catalog(struct plan *p, const struct app_setup *s, struct error *err)
{
	for (size_t i = 0; i < s->n_industries; i++)
		if (plan_industry_add(p, s->industries[i], 0, err) < 0)
			return -1;
	for (size_t i = 0; i < s->n_accounts; i++)
		if (plan_account_add(p, s->accounts[i].name, s->accounts[i].baseline, err) < 0)
			return -1;
	return 0;
}

int app_setup(struct app *app, const struct app_setup *s, struct app_result *res,
	      struct error *err)
{
	struct app_txn tx;
	struct plan *p;

	app_result_init(res);
	if (!app->boot.fresh)
		return error_set(err, ERR_REFUSED, "%s holds a plan already; change it with "
				 "'focusweek settings set', 'industry add' and 'account add'",
				 app->boot.dir);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	p = txn_plan(&tx);
	if (as_settings(p, s, err) != 0 || as_catalog(p, s, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	app_result_label(res, "set up: %zu industr%s, %zu account%s", s->n_industries,
			 s->n_industries == 1 ? "y" : "ies", s->n_accounts,
			 s->n_accounts == 1 ? "" : "s");
	tx.undoable = false;
	return txn_commit(&tx, NULL, res, err);
}

/* ---------------------------------------------------------------- sample */

int app_sample_add(struct app *app, date_t today, struct app_result *res, struct error *err)
{
	int key = date_week_key(today);
	struct app_txn tx;
	struct week *w;
	struct plan *p;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	p = txn_plan(&tx);
	if (starter_sample(p, err) != 0 || txn_week(&tx, key, &w, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	starter_fill(w, p, p);
	/* The week is laid out already: the planning waits for the next. */
	if (plan_last_planned_week(p) < key)
		plan_set_last_planned_week(p, key);
	app_result_label(res, "the sample plan: %zu industries, %zu accounts, %zu blocks",
			 plan_industry_count(p), plan_account_count(p), plan_sample_block_count(p));
	tx.undoable = false;
	return txn_commit(&tx, NULL, res, err);
}

/* What the user did with a sample block: it stays when worked on. */
static bool as_worked_on(const struct block *b)
{
	/* (What is sold is sold on a block done: its status says it.) */
	return b->status != STATUS_PLANNED || b->out.calls || b->out.conversations ||
	       b->out.meetings;
}

struct as_removal {
	size_t blocks, kept, industries, accounts;
	char kept_names[200];     /* industries and accounts that stay, or "" */
};

/* Removes the sample's blocks that were not worked on. */
static int as_remove_blocks(struct app_txn *tx, struct as_removal *rm, struct error *err)
{
	const struct plan *p = txn_plan_now(tx);

	for (size_t i = 0; i < plan_sample_block_count(p); i++) {
		const char *id = plan_sample_block_at(p, i);
		const struct block *b;
		struct week *w;
		struct error e;

		if (txn_block(tx, id, &w, &b, &e) != 0) {
			if (e.code != ERR_NOTFOUND) {
				*err = e;
				return -1;
			}
			continue; /* deleted already */
		}
		if (as_worked_on(b)) {
			rm->kept++;
			continue;
		}
		week_block_remove(w, id, NULL);
		rm->blocks++;
	}
	return 0;
}

/* Does anything left in w name the industry or the account? */
static bool as_named_in(const struct week *w, int industry, int account)
{
	for (size_t k = 0; k < week_block_count(w); k++) {
		const struct block *b = week_block_at(w, k);

		if ((industry && b->industry == industry) || (account && b->account == account))
			return true;
	}
	for (size_t k = 0; k < week_sale_count(w); k++) {
		const struct sale *s = week_sale_at(w, k);

		if ((industry && s->industry == industry) || (account && s->account == account))
			return true;
	}
	return false;
}

static bool as_named(struct app_txn *tx, const int *keys, size_t n, int industry, int account)
{
	const struct plan *p = txn_plan_now(tx);
	struct week *w;

	for (size_t i = 0; i < n; i++)
		if (txn_week(tx, keys[i], &w, NULL) != 0 || as_named_in(w, industry, account))
			return true; /* a week that cannot be read might: keep it */
	for (size_t t = 0; account && t < plan_template_count(p); t++)
		for (size_t k = 0; k < plan_template_at(p, t)->n_blocks; k++)
			if (plan_template_at(p, t)->blocks[k].account == account)
				return true;
	return false;
}

/* Clears the niches naming an industry that goes. */
static void as_clear_niches(struct app_txn *tx, const int *keys, size_t n, int industry)
{
	struct week *w;

	for (size_t i = 0; i < n; i++) {
		if (txn_week(tx, keys[i], &w, NULL) != 0)
			continue;
		for (int d = 0; d < 7; d++)
			for (int part = 0; part < PART_COUNT; part++)
				if (week_niche(w, week_monday(w) + d, (enum day_part)part) == industry)
					week_set_niche(w, txn_plan_now(tx), week_monday(w) + d,
						       (enum day_part)part, 0, NULL);
	}
}

static void as_note_kept(struct as_removal *rm, const char *name)
{
	size_t len = strlen(rm->kept_names);

	snprintf(rm->kept_names + len, sizeof rm->kept_names - len, "%s%s", len ? ", " : "",
		 name);
}

/* Removes the sample's industries and accounts that nothing else names. */
static int as_remove_catalog(struct app_txn *tx, struct as_removal *rm, struct error *err)
{
	struct plan *p = txn_plan(tx);
	int *keys;
	size_t n, i;

	if (app_week_keys(tx->app, &keys, &n, err) != 0)
		return -1;
	for (i = plan_industry_count(p); i-- > 0;) {
		const struct industry *ind = plan_industry_at(p, i);

		if (!ind->sample)
			continue;
		if (as_named(tx, keys, n, ind->id, 0)) {
			as_note_kept(rm, ind->name);
			continue;
		}
		as_clear_niches(tx, keys, n, ind->id);
		plan_industry_remove(p, ind->id, NULL);
		rm->industries++;
	}
	for (i = plan_account_count(p); i-- > 0;) {
		const struct account *acc = plan_account_at(p, i);

		if (!acc->sample)
			continue;
		if (as_named(tx, keys, n, 0, acc->id)) {
			as_note_kept(rm, acc->name);
			continue;
		}
		plan_account_remove(p, acc->id, NULL);
		rm->accounts++;
	}
	free(keys);
	return 0;
}

int app_sample_remove(struct app *app, struct app_result *res, struct error *err)
{
	struct as_removal rm = { 0 };
	struct app_txn tx;

	app_result_init(res);
	if (!plan_has_sample(app->boot.plan))
		return error_set(err, ERR_NOTFOUND, "there is no sample plan to remove");
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if (as_remove_blocks(&tx, &rm, err) != 0 || as_remove_catalog(&tx, &rm, err) != 0) {
		txn_end(&tx);
		return -1;
	}
	if (plan_sample_quota(txn_plan_now(&tx)) && starter_is_quota(plan_quota(txn_plan_now(&tx)))) {
		struct quota none = *plan_quota(txn_plan_now(&tx));

		none.target = 0;
		plan_set_quota(txn_plan(&tx), &none, NULL);
	}
	plan_forget_sample(txn_plan(&tx));
	app_result_label(res, "removed the sample: %zu blocks, %zu industries, %zu accounts",
			 rm.blocks, rm.industries, rm.accounts);
	if (rm.kept > 0 || rm.kept_names[0])
		app_result_notice(res, "%s; kept %zu sample block%s you worked on%s%s%s", res->label,
				  rm.kept, rm.kept == 1 ? "" : "s", rm.kept_names[0] ? ", and " : "",
				  rm.kept_names, rm.kept_names[0] ? ", which your blocks still name" : "");
	tx.undoable = false;
	return txn_commit(&tx, NULL, res, err);
}
