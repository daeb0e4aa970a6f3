/* plan.c - the plan: settings, quota, industries, accounts, templates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "text.h"
#include "xalloc.h"

struct plan {
	int schema;                 /* schema of the file it came from */
	struct settings settings;
	struct quota quota;
	int last_planned_week;      /* week key the planning screen last opened for */
	struct industry *industries;
	size_t n_industries, cap_industries;
	struct account *accounts;
	size_t n_accounts, cap_accounts;
	struct template *templates;
	size_t n_templates, cap_templates;
	char (*sample_blocks)[MODEL_ID_MAX]; /* ids of the sample plan's blocks */
	size_t n_sample_blocks;
	bool sample_quota;          /* the quota is the sample's */
};

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

const struct settings *plan_settings(const struct plan *p)
{
	return &p->settings;
}

static int plan_check_name(const char *what, const char *name, struct error *err)
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

/* The reminders' and the hooks' settings. */
static int plan_check_notify(const struct settings *s, struct error *err)
{
	const struct remind_settings *r = &s->remind;
	const char *problem;

	if (r->before < 0 || r->before > MODEL_REMIND_BEFORE_MAX)
		return error_set(err, ERR_REFUSED, "a reminder comes 0 to %d minutes before its "
				 "block", MODEL_REMIND_BEFORE_MAX);
	if ((r->events & ~(unsigned)REMIND_ON_ALL) != 0)
		return error_set(err, ERR_REFUSED, "unknown reminder events");
	if (memchr(r->command, '\0', sizeof r->command) == NULL)
		return error_set(err, ERR_REFUSED, "the reminder command is longer than %d bytes",
				 MODEL_COMMAND_MAX - 1);
	if ((problem = text_check(r->command, MODEL_COMMAND_MAX - 1)) != NULL)
		return error_set(err, ERR_REFUSED, "the reminder command %s", problem);
	if (s->hooks.timeout < 1 || s->hooks.timeout > MODEL_HOOK_TIMEOUT_MAX)
		return error_set(err, ERR_REFUSED, "a hook may run 1 to %d seconds",
				 MODEL_HOOK_TIMEOUT_MAX);
	return 0;
}

int plan_set_settings(struct plan *p, const struct settings *s, struct error *err)
{
	if (s->slot != 15 && s->slot != 30 && s->slot != 60)
		return error_set(err, ERR_REFUSED, "slot is %d minutes; use 15, 30 or 60", s->slot);
	if (s->day_start < 0 || s->day_end > DATE_MINUTES_PER_DAY || s->day_start >= s->day_end)
		return error_set(err, ERR_REFUSED, "the day must start before it ends");
	if (s->day_start % s->slot != 0 || s->day_end % s->slot != 0)
		return error_set(err, ERR_REFUSED,
				 "the day's start and end must lie on the %d-minute grid", s->slot);
	if (s->midday <= s->day_start || s->midday >= s->day_end || s->midday % 15 != 0)
		return error_set(err, ERR_REFUSED,
				 "midday must lie inside the day, on a quarter hour");
	if ((s->work_days & DATE_WEEK_MASK) == 0 || (s->work_days & ~DATE_WEEK_MASK) != 0)
		return error_set(err, ERR_REFUSED, "at least one work day is needed");
	if (s->week_start != 0 && s->week_start != DATE_SATURDAY && s->week_start != DATE_SUNDAY)
		return error_set(err, ERR_REFUSED, "a week starts on Monday, Saturday or Sunday");
	if (s->clock != TIME_24H && s->clock != TIME_12H)
		return error_set(err, ERR_REFUSED, "times are shown as 24h or 12h");
	if (s->focus != FOCUS_DAY && s->focus != FOCUS_HALF_DAY)
		return error_set(err, ERR_REFUSED, "unknown focus rule");
	if (memchr(s->theme, '\0', sizeof s->theme) == NULL ||
	    plan_check_name("theme", s->theme, err) != 0)
		return error_set(err, ERR_REFUSED, "bad theme name");
	if (plan_check_notify(s, err) != 0)
		return -1;
	p->settings = *s;
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

/* ---- the sample plan ---- */

int plan_mark_sample(struct plan *p, int industry, int account, struct error *err)
{
	struct industry *ind = NULL;
	struct account *acc = NULL;

	for (size_t i = 0; i < p->n_industries; i++)
		if (industry && p->industries[i].id == industry)
			ind = &p->industries[i];
	for (size_t i = 0; i < p->n_accounts; i++)
		if (account && p->accounts[i].id == account)
			acc = &p->accounts[i];
	if (ind != NULL)
		ind->sample = true;
	if (acc != NULL)
		acc->sample = true;
	if (ind != NULL || acc != NULL)
		return 0;
	return error_set(err, ERR_NOTFOUND, "no industry %d or account %d to mark", industry,
			 account);
}

int plan_note_sample_block(struct plan *p, const char *id, struct error *err)
{
	if (strlen(id) >= MODEL_ID_MAX || id[0] == '\0')
		return error_set(err, ERR_USAGE, "\"%s\" is not a block id", id);
	if (p->n_sample_blocks >= MODEL_WEEK_BLOCKS_MAX)
		return error_set(err, ERR_REFUSED, "the sample notes at most %d blocks",
				 MODEL_WEEK_BLOCKS_MAX);
	p->sample_blocks = xrealloc(p->sample_blocks,
				    (p->n_sample_blocks + 1) * sizeof *p->sample_blocks);
	snprintf(p->sample_blocks[p->n_sample_blocks++], MODEL_ID_MAX, "%s", id);
	return 0;
}

void plan_note_sample_quota(struct plan *p, bool set)
{
	p->sample_quota = set;
}

bool plan_sample_quota(const struct plan *p)
{
	return p->sample_quota;
}

size_t plan_sample_block_count(const struct plan *p)
{
	return p->n_sample_blocks;
}

const char *plan_sample_block_at(const struct plan *p, size_t i)
{
	return i < p->n_sample_blocks ? p->sample_blocks[i] : NULL;
}

bool plan_has_sample(const struct plan *p)
{
	for (size_t i = 0; i < p->n_industries; i++)
		if (p->industries[i].sample)
			return true;
	for (size_t i = 0; i < p->n_accounts; i++)
		if (p->accounts[i].sample)
			return true;
	return p->n_sample_blocks > 0 || p->sample_quota;
}

void plan_forget_sample(struct plan *p)
{
	for (size_t i = 0; i < p->n_industries; i++)
		p->industries[i].sample = false;
	for (size_t i = 0; i < p->n_accounts; i++)
		p->accounts[i].sample = false;
	p->n_sample_blocks = 0;
	p->sample_quota = false;
}

int plan_last_planned_week(const struct plan *p)
{
	return p->last_planned_week;
}

void plan_set_last_planned_week(struct plan *p, int key)
{
	p->last_planned_week = key;
}

/* ---- industries ---- */

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

/* ---- accounts ---- */

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

/* ---- templates ---- */

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
