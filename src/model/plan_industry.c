/* plan_industry.c - a plan's industries: found by id and name, added with
 * a free colour, restored as stored, renamed, recoloured, archived,
 * removed. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plan_int.h"
#include "xalloc.h"

size_t plan_industry_count(const struct plan *p)
{
	return p->n_industries;
}

const struct industry *plan_industry_at(const struct plan *p, size_t i)
{
	return i < p->n_industries ? &p->industries[i] : NULL;
}

const struct industry *plan_industry_by_id(const struct plan *p, int id)
{
	for (size_t i = 0; i < p->n_industries; i++)
		if (p->industries[i].id == id)
			return &p->industries[i];
	return NULL;
}

const struct industry *plan_industry_by_name(const struct plan *p, const char *name,
					     bool archived)
{
	const struct industry *found = NULL;
	int matches = 0;

	for (size_t i = 0; i < p->n_industries; i++) {
		const struct industry *ind = &p->industries[i];

		if (ind->archived && !archived)
			continue;
		if (strcmp(ind->name, name) == 0)
			return ind;
		if (strcasecmp(ind->name, name) == 0) {
			found = ind;
			matches++;
		}
	}
	return matches == 1 ? found : NULL;
}

static int plan_next_industry_id(const struct plan *p)
{
	int id = 0;

	for (size_t i = 0; i < p->n_industries; i++)
		if (p->industries[i].id > id)
			id = p->industries[i].id;
	return id + 1;
}

static int plan_free_color(const struct plan *p)
{
	for (int c = 1; c <= MODEL_COLOR_MAX; c++) {
		bool used = false;

		for (size_t i = 0; i < p->n_industries && !used; i++)
			used = !p->industries[i].archived && p->industries[i].color == c;
		if (!used)
			return c;
	}
	return (int)(p->n_industries % MODEL_COLOR_MAX) + 1;
}

static int plan_industry_name_free(const struct plan *p, const char *name, int except_id,
				   struct error *err)
{
	for (size_t i = 0; i < p->n_industries; i++) {
		const struct industry *ind = &p->industries[i];

		if (ind->id != except_id && strcasecmp(ind->name, name) == 0)
			return error_set(err, ERR_REFUSED, "there is already an industry named %s%s",
					 ind->name, ind->archived ? " (archived)" : "");
	}
	return 0;
}

int plan_industry_add(struct plan *p, const char *name, int color, struct error *err)
{
	struct industry ind = { 0 };

	if (plan_check_name("industry", name, err) != 0 ||
	    plan_industry_name_free(p, name, 0, err) != 0)
		return -1;
	if (p->n_industries >= MODEL_INDUSTRY_MAX)
		return error_set(err, ERR_REFUSED, "a plan holds at most %d industries",
				 MODEL_INDUSTRY_MAX);
	if (color < 0 || color > MODEL_COLOR_MAX)
		return error_set(err, ERR_USAGE, "colour %d is not a palette slot (1..%d)", color,
				 MODEL_COLOR_MAX);
	ind.id = plan_next_industry_id(p);
	ind.name = (char *)name;
	ind.color = color ? color : plan_free_color(p);
	if (plan_industry_restore(p, &ind, err) != 0)
		return -1;
	return ind.id;
}

int plan_industry_restore(struct plan *p, const struct industry *ind, struct error *err)
{
	if (ind->id <= 0)
		return error_set(err, ERR_DATA, "industry id must be positive");
	if (plan_industry_by_id(p, ind->id) != NULL)
		return error_set(err, ERR_DATA, "industry id %d is used twice", ind->id);
	if (plan_check_name("industry", ind->name, err) != 0 ||
	    plan_industry_name_free(p, ind->name, ind->id, err) != 0)
		return -1;
	if (ind->color < 1 || ind->color > MODEL_COLOR_MAX)
		return error_set(err, ERR_DATA, "colour must be a palette slot 1..%d",
				 MODEL_COLOR_MAX);
	if (p->n_industries >= MODEL_INDUSTRY_MAX)
		return error_set(err, ERR_DATA, "more than %d industries", MODEL_INDUSTRY_MAX);
	p->industries = xgrow(p->industries, &p->cap_industries, p->n_industries + 1,
			      sizeof *p->industries);
	p->industries[p->n_industries] = *ind;
	p->industries[p->n_industries].name = xstrdup(ind->name);
	p->n_industries++;
	return 0;
}

static struct industry *plan_industry_mut(struct plan *p, int id, struct error *err)
{
	for (size_t i = 0; i < p->n_industries; i++)
		if (p->industries[i].id == id)
			return &p->industries[i];
	error_set(err, ERR_NOTFOUND, "no industry with id %d", id);
	return NULL;
}

int plan_industry_rename(struct plan *p, int id, const char *name, struct error *err)
{
	struct industry *ind = plan_industry_mut(p, id, err);

	if (ind == NULL || plan_check_name("industry", name, err) != 0 ||
	    plan_industry_name_free(p, name, id, err) != 0)
		return -1;
	free(ind->name);
	ind->name = xstrdup(name);
	return 0;
}

int plan_industry_set_color(struct plan *p, int id, int color, struct error *err)
{
	struct industry *ind = plan_industry_mut(p, id, err);

	if (ind == NULL)
		return -1;
	if (color < 1 || color > MODEL_COLOR_MAX)
		return error_set(err, ERR_USAGE, "colour %d is not a palette slot (1..%d)", color,
				 MODEL_COLOR_MAX);
	ind->color = color;
	return 0;
}

int plan_industry_archive(struct plan *p, int id, bool archived, struct error *err)
{
	struct industry *ind = plan_industry_mut(p, id, err);

	if (ind == NULL)
		return -1;
	ind->archived = archived;
	return 0;
}

int plan_industry_remove(struct plan *p, int id, struct error *err)
{
	struct industry *ind = plan_industry_mut(p, id, err);
	size_t i;

	if (ind == NULL)
		return -1;
	i = (size_t)(ind - p->industries);
	free(ind->name);
	memmove(&p->industries[i], &p->industries[i + 1],
		(p->n_industries - i - 1) * sizeof *p->industries);
	p->n_industries--;
	return 0;
}
