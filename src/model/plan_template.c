/* plan_template.c - a plan's week templates: found by name, checked block
 * by block, put (added or replaced) and removed. */
#include <string.h>

#include "plan_int.h"
#include "text.h"
#include "xalloc.h"

size_t plan_template_count(const struct plan *p)
{
	return p->n_templates;
}

const struct template *plan_template_at(const struct plan *p, size_t i)
{
	return i < p->n_templates ? &p->templates[i] : NULL;
}

const struct template *plan_template_by_name(const struct plan *p, const char *name)
{
	for (size_t i = 0; i < p->n_templates; i++)
		if (strcmp(p->templates[i].name, name) == 0)
			return &p->templates[i];
	return NULL;
}

static int plan_template_check(const struct plan *p, const struct template *t,
			       struct error *err)
{
	if (plan_check_name("template", t->name, err) != 0)
		return -1;
	if (t->n_blocks > MODEL_WEEK_BLOCKS_MAX)
		return error_set(err, ERR_REFUSED, "a template holds at most %d blocks",
				 MODEL_WEEK_BLOCKS_MAX);
	for (size_t i = 0; i < t->n_blocks; i++) {
		const struct template_block *tb = &t->blocks[i];
		const char *problem = text_check(tb->title ? tb->title : "", MODEL_TITLE_MAX);

		if (tb->weekday < 0 || tb->weekday > 6 || tb->start < 0 || tb->end <= tb->start ||
		    tb->end > DATE_MINUTES_PER_DAY || tb->kind >= KIND_COUNT ||
		    tb->kind == KIND_MEETING)
			return error_set(err, ERR_REFUSED, "template block %zu is not a valid block",
					 i + 1);
		if (problem != NULL)
			return error_set(err, ERR_REFUSED, "template block %zu: title %s", i + 1,
					 problem);
		if (tb->account != 0 && plan_account_by_id(p, tb->account) == NULL)
			return error_set(err, ERR_REFUSED, "template block %zu: no account %d",
					 i + 1, tb->account);
	}
	return 0;
}

int plan_template_put(struct plan *p, const struct template *t, struct error *err)
{
	struct template copy;

	if (plan_template_check(p, t, err) != 0)
		return -1;
	template_copy(&copy, t);
	for (size_t i = 0; i < p->n_templates; i++) {
		if (strcmp(p->templates[i].name, t->name) == 0) {
			template_clear(&p->templates[i]);
			p->templates[i] = copy;
			return 0;
		}
	}
	if (p->n_templates >= MODEL_TEMPLATE_MAX) {
		template_clear(&copy);
		return error_set(err, ERR_REFUSED, "a plan holds at most %d templates",
				 MODEL_TEMPLATE_MAX);
	}
	p->templates = xgrow(p->templates, &p->cap_templates, p->n_templates + 1,
			     sizeof *p->templates);
	p->templates[p->n_templates++] = copy;
	return 0;
}

int plan_template_remove(struct plan *p, const char *name, struct error *err)
{
	for (size_t i = 0; i < p->n_templates; i++) {
		if (strcmp(p->templates[i].name, name) == 0) {
			template_clear(&p->templates[i]);
			memmove(&p->templates[i], &p->templates[i + 1],
				(p->n_templates - i - 1) * sizeof *p->templates);
			p->n_templates--;
			return 0;
		}
	}
	return error_set(err, ERR_NOTFOUND, "no template named %s", name);
}
