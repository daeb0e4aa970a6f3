/* codec_plan.c - plan.json read: settings, quota, industries, accounts,
 * templates (written by codec_plan_write.c). */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "codec_parts.h"
#include "codec_read.h"
#include "rules.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- plan */

/* sync_busy: folders, joined with ':' as the settings keep them. */
static int plan_read_busy(struct rd *r, const cJSON *arr, struct settings *s)
{
	const cJSON *d;
	long i = 0;
	size_t len = 0;

	if (cJSON_GetArraySize(arr) > MODEL_BUSY_MAX)
		return rd_fail(r, "sync_busy", "holds more than %d folders", MODEL_BUSY_MAX);
	s->sync_busy[0] = '\0';
	cJSON_ArrayForEach(d, arr) {
		size_t m2 = rd_enter(r, "sync_busy", i++), n;
		const char *dir;

		if (rd_text(r, d, NULL, MODEL_PATH_MAX - 1, false, &dir) != 0)
			return -1;
		n = strlen(dir);
		if (strchr(dir, ':') != NULL || len + n + 2 > sizeof s->sync_busy)
			return rd_fail(r, NULL, "must be a folder without ':', all of them within "
				       "%zu bytes", sizeof s->sync_busy - 1);
		if (len > 0)
			s->sync_busy[len++] = ':';
		memcpy(s->sync_busy + len, dir, n + 1);
		len += n;
		rd_leave(r, m2);
	}
	return 0;
}

/* The sync settings, each optional (v: sync_blocks, sync_busy, sync_back,
 * sync_ahead, sync_alarm); plan_set_settings checks them as a whole. */
static int plan_read_sync(struct rd *r, const cJSON **v, struct settings *s)
{
	const char *dir;

	if (v[0] != NULL) {
		if (rd_text(r, v[0], "sync_blocks", MODEL_PATH_MAX - 1, true, &dir) != 0)
			return -1;
		strcpy(s->sync_blocks, dir);
	}
	if ((v[1] != NULL && plan_read_busy(r, v[1], s) != 0) ||
	    (v[2] != NULL && rd_int32(r, v[2], "sync_back", 0, MODEL_SYNC_WEEKS_MAX,
				      &s->sync_back) != 0) ||
	    (v[3] != NULL && rd_int32(r, v[3], "sync_ahead", 0, MODEL_SYNC_WEEKS_MAX,
				      &s->sync_ahead) != 0) ||
	    (v[4] != NULL && rd_int32(r, v[4], "sync_alarm", 0, MODEL_ALARM_MAX,
				      &s->sync_alarm) != 0))
		return -1;
	return 0;
}

/* settings.remind: {"before": 2, "events": ["start", ...], "command": ""}. */
static int plan_read_remind(struct rd *r, const cJSON *obj, struct remind_settings *out)
{
	static const struct rd_field f[] = {
		{ "before", RD_NUM, false }, { "events", RD_ARR, false },
		{ "command", RD_STR, false },
	};
	const cJSON *v[COUNT(f)], *e;
	size_t mark = rd_enter(r, "remind", -1);
	const char *cmd;
	long i = 0;

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 ||
	    (v[0] != NULL &&
	     rd_int32(r, v[0], "before", 0, MODEL_REMIND_BEFORE_MAX, &out->before) != 0))
		return -1;
	if (v[1] != NULL)
		out->events = 0;
	cJSON_ArrayForEach(e, v[1]) {
		size_t m2 = rd_enter(r, "events", i++);
		int ev;

		if (!cJSON_IsString(e))
			return rd_fail(r, NULL, "must be start, end or timer");
		if (rd_enum(r, e, NULL, model_remind_event_names, REMIND_EVENT_COUNT, &ev) != 0)
			return -1;
		out->events |= 1u << ev;
		rd_leave(r, m2);
	}
	if (v[2] != NULL) {
		if (rd_text(r, v[2], "command", MODEL_COMMAND_MAX - 1, true, &cmd) != 0)
			return -1;
		strcpy(out->command, cmd);
	}
	rd_leave(r, mark);
	return 0;
}

/* settings.hooks: {"timeout": 10}. */
static int plan_read_hooks(struct rd *r, const cJSON *obj, struct hook_settings *out)
{
	static const struct rd_field f[] = { { "timeout", RD_NUM, false } };
	const cJSON *v[COUNT(f)];
	size_t mark = rd_enter(r, "hooks", -1);

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 ||
	    (v[0] != NULL &&
	     rd_int32(r, v[0], "timeout", 1, MODEL_HOOK_TIMEOUT_MAX, &out->timeout) != 0))
		return -1;
	rd_leave(r, mark);
	return 0;
}

/* settings.work_days: day names, each once, as bits (1 << weekday). */
static int plan_read_work_days(struct rd *r, const cJSON *arr, unsigned *out)
{
	const cJSON *d;
	long i = 0;

	*out = 0;
	cJSON_ArrayForEach(d, arr) {
		int day;
		size_t m2 = rd_enter(r, "work_days", i++);

		if (!cJSON_IsString(d))
			return rd_fail(r, NULL, "must be a day name (mon..sun)");
		if (rd_enum(r, d, NULL, codec_day_names, 7, &day) != 0)
			return -1;
		if (*out & (1u << day))
			return rd_fail(r, NULL, "\"%s\" is listed twice", codec_day_names[day]);
		*out |= 1u << day;
		rd_leave(r, m2);
	}
	return 0;
}

static int plan_read_settings(struct rd *r, const cJSON *obj, struct plan *p)
{
	static const struct rd_field f[] = {
		{ "day_start", RD_STR, true }, { "day_end", RD_STR, true },
		{ "slot", RD_NUM, true },      { "work_days", RD_ARR, true },
		{ "focus", RD_STR, true },     { "midday", RD_STR, true },
		{ "theme", RD_STR, false },    { "week_start", RD_STR, false },
		{ "time_format", RD_STR, false }, { "sync_blocks", RD_STR, false },
		{ "sync_busy", RD_ARR, false }, { "sync_back", RD_NUM, false },
		{ "sync_ahead", RD_NUM, false }, { "sync_alarm", RD_NUM, false },
		{ "remind", RD_OBJ, false },   { "hooks", RD_OBJ, false },
	};
	const cJSON *v[COUNT(f)];
	struct settings s = *plan_settings(p);
	size_t mark = rd_enter(r, "settings", -1);
	int focus, slot, clock;
	const char *theme;

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 || rd_time(r, v[0], "day_start", &s.day_start) ||
	    rd_time(r, v[1], "day_end", &s.day_end) || rd_int32(r, v[2], "slot", 15, 60, &slot) ||
	    rd_enum(r, v[4], "focus", codec_focus_names, 2, &focus) ||
	    rd_time(r, v[5], "midday", &s.midday))
		return -1;
	s.slot = slot;
	s.focus = (enum focus_rule)focus;
	if (plan_read_work_days(r, v[3], &s.work_days) != 0)
		return -1;
	if (v[6] != NULL) {
		if (rd_text(r, v[6], "theme", MODEL_NAME_MAX - 1, false, &theme) != 0)
			return -1;
		strcpy(s.theme, theme);
	}
	if (v[7] != NULL && rd_enum(r, v[7], "week_start", codec_day_names, 7, &s.week_start) != 0)
		return -1;
	if (v[8] != NULL) {
		if (rd_enum(r, v[8], "time_format", codec_clock_names, 2, &clock) != 0)
			return -1;
		s.clock = (enum time_format)clock;
	}
	if (plan_read_sync(r, v + 9, &s) != 0 ||
	    (v[14] != NULL && plan_read_remind(r, v[14], &s.remind) != 0) ||
	    (v[15] != NULL && plan_read_hooks(r, v[15], &s.hooks) != 0))
		return -1;
	if (plan_set_settings(p, &s, r->err) != 0) {
		r->err->code = ERR_DATA;
		return rd_fail(r, NULL, "%s", r->err->msg);
	}
	rd_leave(r, mark);
	return 0;
}

static int plan_read_quota(struct rd *r, const cJSON *obj, struct plan *p)
{
	static const struct rd_field f[] = {
		{ "period", RD_STR, true }, { "target", RD_NUM, true }, { "currency", RD_STR, true },
	};
	const cJSON *v[COUNT(f)];
	struct quota q = { 0 };
	size_t mark = rd_enter(r, "quota", -1);
	int period;
	const char *cur;

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 ||
	    rd_enum(r, v[0], "period", codec_period_names, 2, &period) != 0 ||
	    rd_int(r, v[1], "target", 0, MODEL_MONEY_MAX, &q.target) != 0 ||
	    rd_text(r, v[2], "currency", sizeof q.currency - 1, false, &cur) != 0)
		return -1;
	q.period = (enum quota_period)period;
	strcpy(q.currency, cur);
	if (plan_set_quota(p, &q, r->err) != 0) {
		r->err->code = ERR_DATA;
		return rd_fail(r, "currency", "%s", r->err->msg);
	}
	rd_leave(r, mark);
	return 0;
}

static int plan_read_industries(struct rd *r, const cJSON *arr, struct plan *p)
{
	static const struct rd_field f[] = {
		{ "id", RD_NUM, true }, { "name", RD_STR, true },
		{ "color", RD_NUM, true }, { "archived", RD_BOOL, false },
		{ "sample", RD_BOOL, false },
	};
	const cJSON *item;
	long i = 0;

	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		struct industry ind = { 0 };
		size_t mark = rd_enter(r, "industries", i++);
		const char *name;

		if (rd_fields(r, item, f, COUNT(f), v) != 0 ||
		    rd_int32(r, v[0], "id", 1, 1000000, &ind.id) != 0 ||
		    rd_text(r, v[1], "name", MODEL_NAME_MAX, false, &name) != 0 ||
		    rd_int32(r, v[2], "color", 1, MODEL_COLOR_MAX, &ind.color) != 0)
			return -1;
		ind.name = (char *)name;
		ind.archived = v[3] != NULL && cJSON_IsTrue(v[3]);
		ind.sample = v[4] != NULL && cJSON_IsTrue(v[4]);
		if (plan_industry_restore(p, &ind, r->err) != 0)
			return rd_fail(r, NULL, "%s", r->err->msg);
		rd_leave(r, mark);
	}
	return 0;
}

static int plan_read_accounts(struct rd *r, const cJSON *arr, struct plan *p)
{
	static const struct rd_field f[] = {
		{ "id", RD_NUM, true }, { "name", RD_STR, true },
		{ "baseline", RD_NUM, true }, { "archived", RD_BOOL, false },
		{ "sample", RD_BOOL, false },
	};
	const cJSON *item;
	long i = 0;

	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		struct account acc = { 0 };
		size_t mark = rd_enter(r, "accounts", i++);
		const char *name;

		if (rd_fields(r, item, f, COUNT(f), v) != 0 ||
		    rd_int32(r, v[0], "id", 1, 1000000, &acc.id) != 0 ||
		    rd_text(r, v[1], "name", MODEL_NAME_MAX, false, &name) != 0 ||
		    rd_int32(r, v[2], "baseline", 0, 7 * DATE_MINUTES_PER_DAY, &acc.baseline) != 0)
			return -1;
		acc.name = (char *)name;
		acc.archived = v[3] != NULL && cJSON_IsTrue(v[3]);
		acc.sample = v[4] != NULL && cJSON_IsTrue(v[4]);
		if (plan_account_restore(p, &acc, r->err) != 0)
			return rd_fail(r, NULL, "%s", r->err->msg);
		rd_leave(r, mark);
	}
	return 0;
}

/* The ids of the sample plan's blocks. */
static int plan_read_sample_blocks(struct rd *r, const cJSON *arr, struct plan *p)
{
	const cJSON *item;
	long i = 0;

	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "sample_blocks", i++);
		char id[MODEL_ID_MAX];

		if (codec_read_id(r, item, NULL, id) != 0)
			return -1;
		if (plan_note_sample_block(p, id, r->err) != 0)
			return rd_fail(r, NULL, "%s", r->err->msg);
		rd_leave(r, mark);
	}
	return 0;
}

static int plan_read_template_block(struct rd *r, const cJSON *obj, struct template_block *tb)
{
	static const struct rd_field f[] = {
		{ "day", RD_STR, true },   { "start", RD_STR, true }, { "end", RD_STR, true },
		{ "kind", RD_STR, true },  { "title", RD_STR, false },
		{ "account", RD_NUM, false }, { "quota", RD_BOOL, false },
	};
	const cJSON *v[COUNT(f)];
	int kind;
	const char *title = "";

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 ||
	    rd_enum(r, v[0], "day", codec_day_names, 7, &tb->weekday) != 0 ||
	    rd_time(r, v[1], "start", &tb->start) != 0 || rd_time(r, v[2], "end", &tb->end) != 0 ||
	    rd_enum(r, v[3], "kind", codec_kind_names, 4, &kind) != 0 ||
	    (v[4] != NULL && rd_text(r, v[4], "title", MODEL_TITLE_MAX, true, &title) != 0) ||
	    (v[5] != NULL && rd_int32(r, v[5], "account", 0, 1000000, &tb->account) != 0))
		return -1;
	if (tb->end <= tb->start)
		return rd_fail(r, "end", "must come after start");
	tb->kind = (enum block_kind)kind;
	tb->title = xstrdup(title);
	tb->for_quota = v[6] == NULL || cJSON_IsTrue(v[6]);
	return 0;
}

static int plan_read_templates(struct rd *r, const cJSON *arr, struct plan *p)
{
	static const struct rd_field f[] = { { "name", RD_STR, true }, { "blocks", RD_ARR, true } };
	const cJSON *item;
	long i = 0;

	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)], *b;
		struct template t = { 0 };
		size_t mark = rd_enter(r, "templates", i++);
		const char *name;
		int n, rc = 0;
		long j = 0;

		if (rd_fields(r, item, f, COUNT(f), v) != 0 ||
		    rd_text(r, v[0], "name", MODEL_NAME_MAX, false, &name) != 0)
			return -1;
		n = cJSON_GetArraySize(v[1]);
		if (n > MODEL_WEEK_BLOCKS_MAX)
			return rd_fail(r, "blocks", "more than %d blocks", MODEL_WEEK_BLOCKS_MAX);
		t.name = xstrdup(name);
		t.blocks = xcalloc((size_t)n + 1, sizeof *t.blocks);
		cJSON_ArrayForEach(b, v[1]) {
			size_t m2 = rd_enter(r, "blocks", j++);

			rc = plan_read_template_block(r, b, &t.blocks[t.n_blocks]);
			if (rc != 0)
				break;
			t.n_blocks++;
			rd_leave(r, m2);
		}
		if (rc == 0 && plan_template_by_name(p, name) != NULL)
			rc = rd_fail(r, "name", "another template has this name");
		if (rc == 0 && plan_template_put(p, &t, r->err) != 0)
			rc = rd_fail(r, NULL, "%s", r->err->msg);
		template_clear(&t);
		if (rc != 0)
			return -1;
		rd_leave(r, mark);
	}
	return 0;
}

static int plan_read_install(struct rd *r, const cJSON *v, struct plan *p)
{
	const char *id;

	if (rd_text(r, v, "install", MODEL_INSTALL_MAX - 1, false, &id) != 0)
		return -1;
	if (plan_set_install(p, id, r->err) != 0)
		return rd_fail(r, "install", "%s", r->err->msg);
	return 0;
}

int codec_plan_read(const char *text, size_t len, const char *shown, struct plan **out,
		    bool *newer, struct error *err)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, true },     { "settings", RD_OBJ, true },
		{ "quota", RD_OBJ, true },      { "industries", RD_ARR, true },
		{ "accounts", RD_ARR, true },   { "templates", RD_ARR, false },
		{ "last_planned_week", RD_STR, false }, { "sample_blocks", RD_ARR, false },
		{ "sample_quota", RD_BOOL, false },     { "install", RD_STR, false },
	};
	struct error none; /* a caller that wants no message still gets the checks */
	struct rd r = { .shown = shown, .err = err != NULL ? err : &none };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	struct plan *p = plan_new();
	int week = 0, rc = -1;

	*newer = false;
	if (root == NULL)
		goto out;
	/* The schema first, so a newer file is read leniently. */
	r.lenient = true;
	if (rd_fields(&r, root, f, 1, v) != 0 || rd_schema(&r, v[0], PLAN_SCHEMA, newer) != 0)
		goto out;
	if (rd_fields(&r, root, f, COUNT(f), v) != 0 || plan_read_settings(&r, v[1], p) != 0 ||
	    plan_read_quota(&r, v[2], p) != 0 || plan_read_industries(&r, v[3], p) != 0 ||
	    plan_read_accounts(&r, v[4], p) != 0 ||
	    (v[5] != NULL && plan_read_templates(&r, v[5], p) != 0) ||
	    (v[6] != NULL && rd_week(&r, v[6], "last_planned_week", &week) != 0) ||
	    (v[7] != NULL && plan_read_sample_blocks(&r, v[7], p) != 0) ||
	    (v[9] != NULL && plan_read_install(&r, v[9], p) != 0))
		goto out;
	plan_set_last_planned_week(p, week);
	plan_note_sample_quota(p, v[8] != NULL && cJSON_IsTrue(v[8]));
	plan_set_schema(p, (int)v[0]->valuedouble);
	rc = 0;
out:
	rd_done(&r);
	if (rc != 0) {
		plan_free(p);
		if (err != NULL)
			err->code = ERR_DATA;
		return -1;
	}
	*out = p;
	return 0;
}
