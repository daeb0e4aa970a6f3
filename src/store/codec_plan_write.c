/* codec_plan_write.c - plan.json written: settings, quota, the catalog
 * (industries, accounts), templates, and what the plan notes of itself. */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "codec_parts.h"
#include "xalloc.h"

/* The sync settings that differ from a new plan's (most plans have none). */
static void plan_write_sync(cJSON *o, const struct settings *s)
{
	struct plan *fresh = plan_new();
	const struct settings *d = plan_settings(fresh);

	if (s->sync_blocks[0] != '\0')
		cJSON_AddStringToObject(o, "sync_blocks", s->sync_blocks);
	if (s->sync_busy[0] != '\0') {
		cJSON *arr = cJSON_AddArrayToObject(o, "sync_busy");
		const char *p = s->sync_busy;

		while (*p) {
			size_t n = strcspn(p, ":");
			char *one = xstrndup(p, n);

			cJSON_AddItemToArray(arr, cJSON_CreateString(one));
			free(one);
			p += n + (p[n] == ':');
		}
	}
	if (s->sync_back != d->sync_back || s->sync_ahead != d->sync_ahead) {
		wr_int(o, "sync_back", s->sync_back);
		wr_int(o, "sync_ahead", s->sync_ahead);
	}
	if (s->sync_alarm != MODEL_ALARM_OFF)
		wr_int(o, "sync_alarm", s->sync_alarm);
	plan_free(fresh);
}

/* settings.remind and settings.hooks. */
static void plan_write_notify(cJSON *settings, const struct settings *s)
{
	cJSON *o = cJSON_AddObjectToObject(settings, "remind"), *arr;

	wr_int(o, "before", s->remind.before);
	arr = cJSON_AddArrayToObject(o, "events");
	for (int i = 0; i < REMIND_EVENT_COUNT; i++)
		if (s->remind.events & (1u << i))
			cJSON_AddItemToArray(arr, cJSON_CreateString(model_remind_event_names[i]));
	cJSON_AddStringToObject(o, "command", s->remind.command);
	o = cJSON_AddObjectToObject(settings, "hooks");
	wr_int(o, "timeout", s->hooks.timeout);
}

static void plan_write_settings(cJSON *root, const struct settings *s)
{
	cJSON *o = cJSON_AddObjectToObject(root, "settings"), *arr;

	wr_time(o, "day_start", s->day_start);
	wr_time(o, "day_end", s->day_end);
	wr_int(o, "slot", s->slot);
	arr = cJSON_AddArrayToObject(o, "work_days");
	for (int d = 0; d < 7; d++)
		if (s->work_days & (1u << d))
			cJSON_AddItemToArray(arr, cJSON_CreateString(codec_day_names[d]));
	cJSON_AddStringToObject(o, "focus", codec_focus_names[s->focus]);
	wr_time(o, "midday", s->midday);
	cJSON_AddStringToObject(o, "theme", s->theme);
	cJSON_AddStringToObject(o, "week_start", codec_day_names[s->week_start]);
	cJSON_AddStringToObject(o, "time_format", codec_clock_names[s->clock]);
	plan_write_sync(o, s);
	plan_write_notify(o, s);
}

static void plan_write_quota(cJSON *root, const struct quota *q)
{
	cJSON *o = cJSON_AddObjectToObject(root, "quota");

	cJSON_AddStringToObject(o, "period", codec_period_names[q->period]);
	wr_int(o, "target", q->target);
	cJSON_AddStringToObject(o, "currency", q->currency);
}

/* One of the catalog's industries or accounts: its id, name and number
 * (key: "color" or "baseline"), and its marks only when set. */
static cJSON *plan_write_entry(int id, const char *name, const char *key, int value, bool archived,
			       bool sample)
{
	cJSON *o = cJSON_CreateObject();

	wr_int(o, "id", id);
	cJSON_AddStringToObject(o, "name", name);
	wr_int(o, key, value);
	if (archived)
		cJSON_AddTrueToObject(o, "archived");
	if (sample)
		cJSON_AddTrueToObject(o, "sample");
	return o;
}

/* The catalog: industries, then accounts. */
static void plan_write_catalog(cJSON *root, const struct plan *p)
{
	cJSON *arr = cJSON_AddArrayToObject(root, "industries");

	for (size_t i = 0; i < plan_industry_count(p); i++) {
		const struct industry *ind = plan_industry_at(p, i);

		cJSON_AddItemToArray(arr, plan_write_entry(ind->id, ind->name, "color", ind->color,
							   ind->archived, ind->sample));
	}
	arr = cJSON_AddArrayToObject(root, "accounts");
	for (size_t i = 0; i < plan_account_count(p); i++) {
		const struct account *acc = plan_account_at(p, i);

		cJSON_AddItemToArray(arr,
				     plan_write_entry(acc->id, acc->name, "baseline", acc->baseline,
						      acc->archived, acc->sample));
	}
}

static cJSON *plan_write_template(const struct template *t)
{
	cJSON *o = cJSON_CreateObject(), *blocks;

	cJSON_AddStringToObject(o, "name", t->name);
	blocks = cJSON_AddArrayToObject(o, "blocks");
	for (size_t j = 0; j < t->n_blocks; j++) {
		const struct template_block *tb = &t->blocks[j];
		cJSON *b = cJSON_CreateObject();

		cJSON_AddStringToObject(b, "day", codec_day_names[tb->weekday]);
		wr_time(b, "start", tb->start);
		wr_time(b, "end", tb->end);
		cJSON_AddStringToObject(b, "kind", codec_kind_names[tb->kind]);
		cJSON_AddStringToObject(b, "title", tb->title);
		if (tb->account)
			wr_int(b, "account", tb->account);
		if (!tb->for_quota)
			cJSON_AddFalseToObject(b, "quota");
		cJSON_AddItemToArray(blocks, b);
	}
	return o;
}

/* The templates, when there are any. */
static void plan_write_templates(cJSON *root, const struct plan *p)
{
	cJSON *arr;

	if (plan_template_count(p) == 0)
		return;
	arr = cJSON_AddArrayToObject(root, "templates");
	for (size_t i = 0; i < plan_template_count(p); i++)
		cJSON_AddItemToArray(arr, plan_write_template(plan_template_at(p, i)));
}

/* What the plan notes of itself, each only when set: the week last
 * planned, what is the sample's, the install id. */
static void plan_write_notes(cJSON *root, const struct plan *p)
{
	if (plan_last_planned_week(p) != 0) {
		char wk[9];

		date_week_format(plan_last_planned_week(p), wk);
		cJSON_AddStringToObject(root, "last_planned_week", wk);
	}
	if (plan_sample_quota(p))
		cJSON_AddTrueToObject(root, "sample_quota");
	if (plan_sample_block_count(p) > 0) {
		cJSON *arr = cJSON_AddArrayToObject(root, "sample_blocks");

		for (size_t i = 0; i < plan_sample_block_count(p); i++)
			cJSON_AddItemToArray(arr, cJSON_CreateString(plan_sample_block_at(p, i)));
	}
	if (plan_install(p)[0] != '\0')
		cJSON_AddStringToObject(root, "install", plan_install(p));
}

char *codec_plan_write(const struct plan *p, size_t *len)
{
	cJSON *root = cJSON_CreateObject();

	wr_int(root, "schema", PLAN_SCHEMA);
	plan_write_settings(root, plan_settings(p));
	plan_write_quota(root, plan_quota(p));
	plan_write_catalog(root, p);
	plan_write_templates(root, p);
	plan_write_notes(root, p);
	return wr_print(root, len);
}
