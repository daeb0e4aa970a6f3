/* plan.c - the plan: made, freed and copied; its schema, quota, install id
 * and last planned week; the check of a name.  Settings, the sample,
 * industries, accounts and templates: plan_*.c. */
#include <stdlib.h>
#include <string.h>

#include "plan_int.h"
#include "text.h"
#include "xalloc.h"

struct plan *plan_new(void)
{
	struct plan *p = xcalloc(1, sizeof *p);

	p->schema = PLAN_SCHEMA;
	p->settings.day_start = 8 * 60;
	p->settings.day_end = 18 * 60;
	p->settings.slot = 30;
	p->settings.work_days = DATE_WEEK_MASK & ~DATE_WEEKEND_MASK; /* Monday to Friday */
	p->settings.week_start = 0; /* Monday, as ISO weeks */
	p->settings.focus = FOCUS_DAY;
	p->settings.clock = TIME_24H;
	p->settings.midday = 12 * 60;
	strcpy(p->settings.theme, "default");
	p->settings.sync_back = 2;
	p->settings.sync_ahead = 8;
	p->settings.sync_alarm = MODEL_ALARM_OFF;
	p->settings.remind.before = 2;
	p->settings.remind.events = REMIND_ON_ALL;
	p->settings.hooks.timeout = 10;
	p->quota.period = QUOTA_MONTH;
	p->quota.target = 0;
	strcpy(p->quota.currency, "USD");
	return p;
}

void plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n_industries; i++)
		free(p->industries[i].name);
	for (size_t i = 0; i < p->n_accounts; i++)
		free(p->accounts[i].name);
	for (size_t i = 0; i < p->n_templates; i++)
		template_clear(&p->templates[i]);
	free(p->industries);
	free(p->accounts);
	free(p->templates);
	free(p->sample_blocks);
	free(p);
}

struct plan *plan_clone(const struct plan *src)
{
	struct plan *p = xmalloc(sizeof *p);

	*p = *src;
	p->industries = xcalloc(src->n_industries + 1, sizeof *p->industries);
	p->cap_industries = src->n_industries + 1;
	for (size_t i = 0; i < src->n_industries; i++) {
		p->industries[i] = src->industries[i];
		p->industries[i].name = xstrdup(src->industries[i].name);
	}
	p->accounts = xcalloc(src->n_accounts + 1, sizeof *p->accounts);
	p->cap_accounts = src->n_accounts + 1;
	for (size_t i = 0; i < src->n_accounts; i++) {
		p->accounts[i] = src->accounts[i];
		p->accounts[i].name = xstrdup(src->accounts[i].name);
	}
	p->templates = xcalloc(src->n_templates + 1, sizeof *p->templates);
	p->cap_templates = src->n_templates + 1;
	for (size_t i = 0; i < src->n_templates; i++)
		template_copy(&p->templates[i], &src->templates[i]);
	p->sample_blocks = xcalloc(src->n_sample_blocks + 1, sizeof *p->sample_blocks);
	if (src->n_sample_blocks > 0)
		memcpy(p->sample_blocks, src->sample_blocks,
		       src->n_sample_blocks * sizeof *p->sample_blocks);
	return p;
}

int plan_schema(const struct plan *p)
{
	return p->schema;
}

void plan_set_schema(struct plan *p, int schema)
{
	p->schema = schema;
}

int plan_check_name(const char *what, const char *name, struct error *err)
{
	const char *problem;

	if (name[0] == '\0')
		return error_set(err, ERR_USAGE, "%s name is empty", what);
	problem = text_check(name, MODEL_NAME_MAX);
	if (problem != NULL)
		return error_set(err, ERR_USAGE, "%s name %s (at most %d bytes of text)", what,
				 problem, MODEL_NAME_MAX);
	if (name[0] == ' ' || name[strlen(name) - 1] == ' ')
		return error_set(err, ERR_USAGE, "%s name starts or ends with a space", what);
	return 0;
}

const struct quota *plan_quota(const struct plan *p)
{
	return &p->quota;
}

int plan_set_quota(struct plan *p, const struct quota *q, struct error *err)
{
	size_t n = strnlen(q->currency, sizeof q->currency);

	if (q->target < 0 || q->target > MODEL_MONEY_MAX)
		return error_set(err, ERR_REFUSED, "the quota target must be 0..%lld",
				 MODEL_MONEY_MAX);
	if (n == 0 || n >= sizeof q->currency)
		return error_set(err, ERR_REFUSED, "the currency needs 1 to 7 characters");
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)q->currency[i] < 0x21 || (unsigned char)q->currency[i] > 0x7e)
			return error_set(err, ERR_REFUSED,
					 "the currency must be printable ASCII, e.g. USD or EUR");
	if (q->period != QUOTA_MONTH && q->period != QUOTA_QUARTER)
		return error_set(err, ERR_REFUSED, "the quota period is month or quarter");
	p->quota = *q;
	return 0;
}

const char *plan_install(const struct plan *p)
{
	return p->install;
}

int plan_set_install(struct plan *p, const char *id, struct error *err)
{
	size_t n = strlen(id);

	if (n < 4 || n >= MODEL_INSTALL_MAX || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789") != n)
		return error_set(err, ERR_REFUSED, "an install id is 4 to %d lower-case letters "
				 "and digits", MODEL_INSTALL_MAX - 1);
	memcpy(p->install, id, n + 1);
	return 0;
}

int plan_last_planned_week(const struct plan *p)
{
	return p->last_planned_week;
}

void plan_set_last_planned_week(struct plan *p, int key)
{
	p->last_planned_week = key;
}
