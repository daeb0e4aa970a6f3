/* plan_account.c - a plan's accounts: found by id and name, added,
 * restored as stored, renamed, their weekly baseline set, archived,
 * removed. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plan_int.h"
#include "xalloc.h"

size_t plan_account_count(const struct plan *p)
{
	return p->n_accounts;
}

const struct account *plan_account_at(const struct plan *p, size_t i)
{
	return i < p->n_accounts ? &p->accounts[i] : NULL;
}

const struct account *plan_account_by_id(const struct plan *p, int id)
{
	for (size_t i = 0; i < p->n_accounts; i++)
		if (p->accounts[i].id == id)
			return &p->accounts[i];
	return NULL;
}

const struct account *plan_account_by_name(const struct plan *p, const char *name,
					   bool archived)
{
	const struct account *found = NULL;
	int matches = 0;

	for (size_t i = 0; i < p->n_accounts; i++) {
		const struct account *acc = &p->accounts[i];

		if (acc->archived && !archived)
			continue;
		if (strcmp(acc->name, name) == 0)
			return acc;
		if (strcasecmp(acc->name, name) == 0) {
			found = acc;
			matches++;
		}
	}
	return matches == 1 ? found : NULL;
}

static int plan_check_baseline(int baseline, struct error *err)
{
	if (baseline < 0 || baseline > MODEL_BASELINE_MAX)
		return error_set(err, ERR_USAGE,
				 "baseline is minutes a week, 0..%d", MODEL_BASELINE_MAX);
	return 0;
}

int plan_account_add(struct plan *p, const char *name, int baseline, struct error *err)
{
	struct account acc = { 0 };

	for (size_t i = 0; i < p->n_accounts; i++)
		acc.id = p->accounts[i].id > acc.id ? p->accounts[i].id : acc.id;
	acc.id++;
	acc.name = (char *)name;
	acc.baseline = baseline;
	if (plan_check_baseline(baseline, err) != 0 || plan_account_restore(p, &acc, err) != 0)
		return -1;
	return acc.id;
}

static int plan_account_name_free(const struct plan *p, const char *name, int except_id,
				  struct error *err)
{
	for (size_t i = 0; i < p->n_accounts; i++)
		if (p->accounts[i].id != except_id && strcasecmp(p->accounts[i].name, name) == 0)
			return error_set(err, ERR_REFUSED, "there is already an account named %s%s",
					 p->accounts[i].name,
					 p->accounts[i].archived ? " (archived)" : "");
	return 0;
}

int plan_account_restore(struct plan *p, const struct account *acc, struct error *err)
{
	if (acc->id <= 0)
		return error_set(err, ERR_DATA, "account id must be positive");
	if (plan_account_by_id(p, acc->id) != NULL)
		return error_set(err, ERR_DATA, "account id %d is used twice", acc->id);
	if (plan_check_name("account", acc->name, err) != 0 ||
	    plan_check_baseline(acc->baseline, err) != 0)
		return -1;
	if (plan_account_name_free(p, acc->name, 0, err) != 0)
		return -1;
	if (p->n_accounts >= MODEL_ACCOUNT_MAX)
		return error_set(err, ERR_REFUSED, "a plan holds at most %d accounts",
				 MODEL_ACCOUNT_MAX);
	p->accounts = xgrow(p->accounts, &p->cap_accounts, p->n_accounts + 1,
			    sizeof *p->accounts);
	p->accounts[p->n_accounts] = *acc;
	p->accounts[p->n_accounts].name = xstrdup(acc->name);
	p->n_accounts++;
	return 0;
}

static struct account *plan_account_mut(struct plan *p, int id, struct error *err)
{
	for (size_t i = 0; i < p->n_accounts; i++)
		if (p->accounts[i].id == id)
			return &p->accounts[i];
	error_set(err, ERR_NOTFOUND, "no account with id %d", id);
	return NULL;
}

int plan_account_rename(struct plan *p, int id, const char *name, struct error *err)
{
	struct account *acc = plan_account_mut(p, id, err);

	if (acc == NULL || plan_check_name("account", name, err) != 0 ||
	    plan_account_name_free(p, name, id, err) != 0)
		return -1;
	free(acc->name);
	acc->name = xstrdup(name);
	return 0;
}

int plan_account_set_baseline(struct plan *p, int id, int baseline, struct error *err)
{
	struct account *acc = plan_account_mut(p, id, err);

	if (acc == NULL || plan_check_baseline(baseline, err) != 0)
		return -1;
	acc->baseline = baseline;
	return 0;
}

int plan_account_archive(struct plan *p, int id, bool archived, struct error *err)
{
	struct account *acc = plan_account_mut(p, id, err);

	if (acc == NULL)
		return -1;
	acc->archived = archived;
	return 0;
}

int plan_account_remove(struct plan *p, int id, struct error *err)
{
	struct account *acc = plan_account_mut(p, id, err);
	size_t i;

	if (acc == NULL)
		return -1;
	i = (size_t)(acc - p->accounts);
	free(acc->name);
	memmove(&p->accounts[i], &p->accounts[i + 1], (p->n_accounts - i - 1) * sizeof *acc);
	p->n_accounts--;
	return 0;
}
