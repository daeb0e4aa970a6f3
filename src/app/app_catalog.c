/* app_catalog.c - industries, accounts, templates and the theme: changes
 * of plan.json, each through one transaction. */
#include "app_catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "app_settings.h"
#include "duration.h"
#include "planning.h"

/* ---------------------------------------------------------------- uses */

/* How many blocks, sales and niches of week w name the industry or account. */
static long ac_week_uses(const struct week *w, int industry, int account)
{
	long uses = 0;

	for (size_t k = 0; k < week_block_count(w); k++) {
		const struct block *b = week_block_at(w, k);

		uses += (industry && b->industry == industry) || (account && b->account == account);
	}
	for (size_t k = 0; k < week_sale_count(w); k++) {
		const struct sale *s = week_sale_at(w, k);

		uses += (industry && s->industry == industry) || (account && s->account == account);
	}
	for (int d = 0; d < 7 && industry; d++)
		for (int part = 0; part < PART_COUNT; part++)
			uses += week_niche(w, week_monday(w) + d, (enum day_part)part) == industry;
	return uses;
}

/* Uses across every week and template; -1 on a read error. */
static long ac_uses(struct app_txn *tx, int industry, int account, int *weeks_out,
		    struct error *err)
{
	const struct plan *p = txn_plan_now(tx);
	int *keys;
	size_t n;
	long uses = 0;

	*weeks_out = 0;
	if (app_week_keys(tx->app, &keys, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct week *w;
		long in_week;

		if (app_read_week(tx->app, p, keys[i], &w, err) != 0) {
			free(keys);
			return -1;
		}
		in_week = ac_week_uses(w, industry, account);
		week_free(w);
		uses += in_week;
		*weeks_out += in_week > 0;
	}
	free(keys);
	for (size_t t = 0; account && t < plan_template_count(p); t++) {
		const struct template *tp = plan_template_at(p, t);

		for (size_t k = 0; k < tp->n_blocks; k++)
			uses += tp->blocks[k].account == account;
	}
	return uses;
}

/* Removes, or archives what history still names, saying so. */
static int ac_remove(struct app_txn *tx, int industry, int account, const char *name,
		     struct app_result *res, struct error *err)
{
	struct plan *p = txn_plan(tx);
	int weeks, rc;
	long uses = ac_uses(tx, industry, account, &weeks, err);
	char in[32] = "";

	if (uses < 0)
		return -1;
	if (uses == 0) {
		app_result_label(res, "removed %s", name);
		return industry ? plan_industry_remove(p, industry, err)
				: plan_account_remove(p, account, err);
	}
	if ((industry && plan_industry_by_id(p, industry)->archived) ||
	    (account && plan_account_by_id(p, account)->archived))
		return error_set(err, ERR_REFUSED, "%s is archived already, and stays so while "
				 "blocks, sales or niches name it (%ld now)", name, uses);
	rc = industry ? plan_industry_archive(p, industry, true, err)
		      : plan_account_archive(p, account, true, err);
	if (weeks > 0)
		snprintf(in, sizeof in, " in %d week%s", weeks, weeks == 1 ? "" : "s");
	app_result_label(res, "archived %s", name);
	app_result_notice(res,
			  "%s is still named %ld time%s%s: archived instead, so history "
			  "keeps it",
			  name, uses, uses == 1 ? "" : "s", in);
	return rc;
}

/* Runs one catalogue change on a copy of the plan and commits it. */
static int ac_commit(struct app_txn *tx, int rc, struct app_result *res, struct error *err)
{
	if (rc != 0) {
		txn_end(tx);
		return -1;
	}
	tx->undoable = false;
	return txn_commit(tx, NULL, res, err);
}

/* ---------------------------------------------------------------- industries */

int app_industry_add(struct app *app, const char *name, int color, struct app_result *res,
		     struct error *err)
{
	const struct industry *old;
	struct app_txn tx;
	struct plan *p;
	int rc;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	p = txn_plan(&tx);
	old = plan_industry_by_name(p, name, true);
	if (old != NULL && old->archived && strcmp(old->name, name) == 0) {
		/* Bring an archived industry back rather than make a twin. */
		int id = old->id;

		rc = plan_industry_archive(p, id, false, err);
		if (rc == 0 && color)
			rc = plan_industry_set_color(p, id, color, err);
		app_result_label(res, "restored %s", name);
	} else {
		rc = plan_industry_add(p, name, color, err) < 0 ? -1 : 0;
		app_result_label(res, "added %s", name);
	}
	return ac_commit(&tx, rc, res, err);
}

int app_industry_rename(struct app *app, int id, const char *name, struct app_result *res,
			struct error *err)
{
	struct app_txn tx;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	app_result_label(res, "renamed to %s", name);
	return ac_commit(&tx, plan_industry_rename(txn_plan(&tx), id, name, err), res, err);
}

int app_industry_color(struct app *app, int id, int color, struct app_result *res,
		       struct error *err)
{
	struct app_txn tx;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	app_result_label(res, "colour %d", color);
	return ac_commit(&tx, plan_industry_set_color(txn_plan(&tx), id, color, err), res, err);
}

int app_industry_archive(struct app *app, int id, bool archived, struct app_result *res,
			 struct error *err)
{
	const struct industry *ind = plan_industry_by_id(app->boot.plan, id);
	struct app_txn tx;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	app_result_label(res, "%s %s", archived ? "archived" : "restored",
			 ind != NULL ? ind->name : "?");
	return ac_commit(&tx, plan_industry_archive(txn_plan(&tx), id, archived, err), res, err);
}

int app_account_archive(struct app *app, int id, bool archived, struct app_result *res,
			struct error *err)
{
	const struct account *acc = plan_account_by_id(app->boot.plan, id);
	struct app_txn tx;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	app_result_label(res, "%s %s", archived ? "archived" : "restored",
			 acc != NULL ? acc->name : "?");
	return ac_commit(&tx, plan_account_archive(txn_plan(&tx), id, archived, err), res, err);
}

int app_industry_remove(struct app *app, int id, struct app_result *res, struct error *err)
{
	const struct industry *ind;
	struct app_txn tx;
	char name[MODEL_NAME_MAX + 1];

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if ((ind = plan_industry_by_id(txn_plan_now(&tx), id)) == NULL)
		return ac_commit(&tx, error_set(err, ERR_NOTFOUND, "no industry with id %d", id),
				 res, err);
	snprintf(name, sizeof name, "%s", ind->name);
	return ac_commit(&tx, ac_remove(&tx, id, 0, name, res, err), res, err);
}

/* ---------------------------------------------------------------- accounts */

int app_account_add(struct app *app, const char *name, int baseline, struct app_result *res,
		    struct error *err)
{
	const struct account *old;
	struct app_txn tx;
	struct plan *p;
	int rc;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	p = txn_plan(&tx);
	old = plan_account_by_name(p, name, true);
	if (old != NULL && old->archived && strcmp(old->name, name) == 0) {
		int id = old->id;

		rc = plan_account_archive(p, id, false, err);
		if (rc == 0 && baseline >= 0)
			rc = plan_account_set_baseline(p, id, baseline, err);
		app_result_label(res, "restored %s", name);
	} else {
		rc = plan_account_add(p, name, baseline > 0 ? baseline : 0, err) < 0 ? -1 : 0;
		app_result_label(res, "added %s", name);
	}
	return ac_commit(&tx, rc, res, err);
}

int app_account_rename(struct app *app, int id, const char *name, struct app_result *res,
		       struct error *err)
{
	struct app_txn tx;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	app_result_label(res, "renamed to %s", name);
	return ac_commit(&tx, plan_account_rename(txn_plan(&tx), id, name, err), res, err);
}

int app_account_baseline(struct app *app, int id, int minutes, struct app_result *res,
			 struct error *err)
{
	struct app_txn tx;
	char base[DURATION_TEXT];

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	duration_format(minutes, base);
	app_result_label(res, "baseline %s a week", base);
	return ac_commit(&tx, plan_account_set_baseline(txn_plan(&tx), id, minutes, err), res, err);
}

int app_account_remove(struct app *app, int id, struct app_result *res, struct error *err)
{
	const struct account *acc;
	struct app_txn tx;
	char name[MODEL_NAME_MAX + 1];

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	if ((acc = plan_account_by_id(txn_plan_now(&tx), id)) == NULL)
		return ac_commit(&tx, error_set(err, ERR_NOTFOUND, "no account with id %d", id),
				 res, err);
	snprintf(name, sizeof name, "%s", acc->name);
	return ac_commit(&tx, ac_remove(&tx, 0, id, name, res, err), res, err);
}

/* ---------------------------------------------------------------- templates */

/* "Saved template "Standard": 12 blocks, 20h00, from 2026-W49 (it had 10 blocks)" */
static void ac_template_said(struct app_result *res, const struct template *t,
			     const struct template *was, int key)
{
	char wk[9], len[16], had[32] = "";

	date_week_format(key, wk);
	planning_format_minutes(template_minutes(t), len);
	if (was != NULL)
		snprintf(had, sizeof had, " (it had %zu blocks)", was->n_blocks);
	app_result_label(res, "template %s", t->name);
	app_result_notice(res, "%s template \"%s\": %zu blocks, %s, from %s%s",
			  was != NULL ? "Replaced" : "Saved", t->name, t->n_blocks, len, wk, had);
}

int app_template_save(struct app *app, const char *name, int key, struct app_result *res,
		      struct error *err)
{
	struct template t = { 0 };
	struct app_txn tx;
	struct week *w;
	char wk[9];
	int rc;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	date_week_format(key, wk);
	rc = txn_week(&tx, key, &w, err);
	if (rc == 0 && planning_template_from_week(txn_plan_now(&tx), w, name, &t) == 0)
		rc = error_set(err, ERR_REFUSED,
			       "%s has no blocks to keep (meetings and "
			       "carried-over blocks are left out); plan the week first, or name "
			       "another week",
			       wk);
	if (rc == 0) {
		ac_template_said(res, &t, plan_template_by_name(txn_plan_now(&tx), name), key);
		rc = plan_template_put(txn_plan(&tx), &t, err);
	}
	template_clear(&t);
	return ac_commit(&tx, rc, res, err);
}

int app_template_remove(struct app *app, const char *name, struct app_result *res,
			struct error *err)
{
	struct app_txn tx;

	app_result_init(res);
	if (txn_begin(&tx, app, err) != 0)
		return -1;
	app_result_label(res, "deleted template %s", name);
	return ac_commit(&tx, plan_template_remove(txn_plan(&tx), name, err), res, err);
}

/* ---------------------------------------------------------------- theme */

int app_theme_use(struct app *app, const char *name, struct app_result *res,
		  struct error *err)
{
	return app_settings_set(app, "theme", name, false, res, err);
}
