/* codec.c - plan.json, weeks/YYYY-Www.json and timer.json. */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "codec_read.h"
#include "rules.h"
#include "xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const kind_names[] = { "prospecting", "account", "admin", "other",
					  "meeting" };
static const char *const status_names[] = { "planned", "done", "skipped" };
static const char *const focus_names[] = { "day", "half-day" };
static const char *const part_names[] = { "day", "am", "pm" };
static const char *const period_names[] = { "month", "quarter" };
static const char *const end_names[] = { "done", "cut-short", "abandoned" };
static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* ---------------------------------------------------------------- plan */

static int plan_read_settings(struct rd *r, const cJSON *obj, struct plan *p)
{
	static const struct rd_field f[] = {
		{ "day_start", RD_STR, true }, { "day_end", RD_STR, true },
		{ "slot", RD_NUM, true },      { "work_days", RD_ARR, true },
		{ "focus", RD_STR, true },     { "midday", RD_STR, true },
		{ "theme", RD_STR, false },
	};
	const cJSON *v[COUNT(f)], *d;
	struct settings s = *plan_settings(p);
	size_t mark = rd_enter(r, "settings", -1);
	int focus, slot;
	long i = 0;
	const char *theme;

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 || rd_time(r, v[0], "day_start", &s.day_start) ||
	    rd_time(r, v[1], "day_end", &s.day_end) || rd_int32(r, v[2], "slot", 15, 60, &slot) ||
	    rd_enum(r, v[4], "focus", focus_names, 2, &focus) ||
	    rd_time(r, v[5], "midday", &s.midday))
		return -1;
	s.slot = slot;
	s.focus = (enum focus_rule)focus;
	s.work_days = 0;
	cJSON_ArrayForEach(d, v[3]) {
		int day;
		size_t m2 = rd_enter(r, "work_days", i++);

		if (!cJSON_IsString(d))
			return rd_fail(r, NULL, "must be a day name (mon..sun)");
		if (rd_enum(r, d, NULL, day_names, 7, &day) != 0)
			return -1;
		if (s.work_days & (1u << day))
			return rd_fail(r, NULL, "\"%s\" is listed twice", day_names[day]);
		s.work_days |= 1u << day;
		rd_leave(r, m2);
	}
	if (v[6] != NULL) {
		if (rd_text(r, v[6], "theme", MODEL_NAME_MAX - 1, false, &theme) != 0)
			return -1;
		strcpy(s.theme, theme);
	}
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
	    rd_enum(r, v[0], "period", period_names, 2, &period) != 0 ||
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
		if (plan_account_restore(p, &acc, r->err) != 0)
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
	    rd_enum(r, v[0], "day", day_names, 7, &tb->weekday) != 0 ||
	    rd_time(r, v[1], "start", &tb->start) != 0 || rd_time(r, v[2], "end", &tb->end) != 0 ||
	    rd_enum(r, v[3], "kind", kind_names, 4, &kind) != 0 ||
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

int codec_plan_read(const char *text, size_t len, const char *shown, struct plan **out,
		    bool *newer, struct error *err)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, true },     { "settings", RD_OBJ, true },
		{ "quota", RD_OBJ, true },      { "industries", RD_ARR, true },
		{ "accounts", RD_ARR, true },   { "templates", RD_ARR, false },
		{ "last_planned_week", RD_STR, false },
	};
	struct rd r = { .shown = shown, .err = err };
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
	    (v[6] != NULL && rd_week(&r, v[6], "last_planned_week", &week) != 0))
		goto out;
	plan_set_last_planned_week(p, week);
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

char *codec_plan_write(const struct plan *p, size_t *len)
{
	cJSON *root = cJSON_CreateObject(), *o, *arr;
	const struct settings *s = plan_settings(p);
	const struct quota *q = plan_quota(p);

	wr_int(root, "schema", PLAN_SCHEMA);
	o = cJSON_AddObjectToObject(root, "settings");
	wr_time(o, "day_start", s->day_start);
	wr_time(o, "day_end", s->day_end);
	wr_int(o, "slot", s->slot);
	arr = cJSON_AddArrayToObject(o, "work_days");
	for (int d = 0; d < 7; d++)
		if (s->work_days & (1u << d))
			cJSON_AddItemToArray(arr, cJSON_CreateString(day_names[d]));
	cJSON_AddStringToObject(o, "focus", focus_names[s->focus]);
	wr_time(o, "midday", s->midday);
	cJSON_AddStringToObject(o, "theme", s->theme);
	o = cJSON_AddObjectToObject(root, "quota");
	cJSON_AddStringToObject(o, "period", period_names[q->period]);
	wr_int(o, "target", q->target);
	cJSON_AddStringToObject(o, "currency", q->currency);
	arr = cJSON_AddArrayToObject(root, "industries");
	for (size_t i = 0; i < plan_industry_count(p); i++) {
		const struct industry *ind = plan_industry_at(p, i);

		o = cJSON_CreateObject();
		wr_int(o, "id", ind->id);
		cJSON_AddStringToObject(o, "name", ind->name);
		wr_int(o, "color", ind->color);
		if (ind->archived)
			cJSON_AddTrueToObject(o, "archived");
		cJSON_AddItemToArray(arr, o);
	}
	arr = cJSON_AddArrayToObject(root, "accounts");
	for (size_t i = 0; i < plan_account_count(p); i++) {
		const struct account *acc = plan_account_at(p, i);

		o = cJSON_CreateObject();
		wr_int(o, "id", acc->id);
		cJSON_AddStringToObject(o, "name", acc->name);
		wr_int(o, "baseline", acc->baseline);
		if (acc->archived)
			cJSON_AddTrueToObject(o, "archived");
		cJSON_AddItemToArray(arr, o);
	}
	if (plan_template_count(p) > 0) {
		arr = cJSON_AddArrayToObject(root, "templates");
		for (size_t i = 0; i < plan_template_count(p); i++) {
			const struct template *t = plan_template_at(p, i);
			cJSON *blocks;

			o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "name", t->name);
			blocks = cJSON_AddArrayToObject(o, "blocks");
			for (size_t j = 0; j < t->n_blocks; j++) {
				const struct template_block *tb = &t->blocks[j];
				cJSON *b = cJSON_CreateObject();

				cJSON_AddStringToObject(b, "day", day_names[tb->weekday]);
				wr_time(b, "start", tb->start);
				wr_time(b, "end", tb->end);
				cJSON_AddStringToObject(b, "kind", kind_names[tb->kind]);
				cJSON_AddStringToObject(b, "title", tb->title);
				if (tb->account)
					wr_int(b, "account", tb->account);
				if (!tb->for_quota)
					cJSON_AddFalseToObject(b, "quota");
				cJSON_AddItemToArray(blocks, b);
			}
			cJSON_AddItemToArray(arr, o);
		}
	}
	if (plan_last_planned_week(p) != 0) {
		char wk[9];

		date_week_format(plan_last_planned_week(p), wk);
		cJSON_AddStringToObject(root, "last_planned_week", wk);
	}
	return wr_print(root, len);
}

/* ---------------------------------------------------------------- week */

static int week_read_niches(struct rd *r, const cJSON *arr, struct week *w)
{
	static const struct rd_field f[] = {
		{ "date", RD_STR, true }, { "part", RD_STR, true }, { "industry", RD_NUM, true },
	};
	const cJSON *item;
	long i = 0;
	date_t monday = week_monday(w);

	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		size_t mark = rd_enter(r, "niches", i++);
		date_t day;
		int part, ind;

		if (rd_fields(r, item, f, COUNT(f), v) != 0 || rd_date(r, v[0], "date", &day) != 0 ||
		    rd_enum(r, v[1], "part", part_names, 3, &part) != 0 ||
		    rd_int32(r, v[2], "industry", 1, 1000000, &ind) != 0)
			return -1;
		if (day < monday || day > monday + 6)
			return rd_fail(r, "date", "is not in this week");
		if (week_niche(w, day, (enum day_part)part) != 0)
			return rd_fail(r, NULL, "a second niche for the same day part");
		week_restore_niche(w, day, (enum day_part)part, ind);
		rd_leave(r, mark);
	}
	return 0;
}

static int week_read_outcome(struct rd *r, const cJSON *const *v, struct outcome *o)
{
	/* v: calls, conversations, meetings, revenue (each may be NULL). */
	if ((v[0] && rd_int(r, v[0], "calls", 0, MODEL_COUNT_MAX, &o->calls)) ||
	    (v[1] && rd_int(r, v[1], "conversations", 0, MODEL_COUNT_MAX, &o->conversations)) ||
	    (v[2] && rd_int(r, v[2], "meetings", 0, MODEL_COUNT_MAX, &o->meetings)) ||
	    (v[3] && rd_int(r, v[3], "revenue", 0, MODEL_MONEY_MAX, &o->revenue)))
		return -1;
	return 0;
}

static int week_read_id(struct rd *r, const cJSON *v, const char *key, char out[MODEL_ID_MAX])
{
	const char *s;

	if (rd_text(r, v, key, MODEL_ID_MAX - 1, false, &s) != 0)
		return -1;
	for (const char *c = s; *c; c++)
		if (!((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= 'a' && *c <= 'z') || *c == '-' || *c == '_'))
			return rd_fail(r, key, "\"%s\" is not an id (letters, digits, - and _)", s);
	strcpy(out, s);
	return 0;
}

static int week_read_block(struct rd *r, const cJSON *obj, struct block *b)
{
	static const struct rd_field f[] = {
		{ "id", RD_STR, true },        { "date", RD_STR, true },
		{ "start", RD_STR, true },     { "end", RD_STR, true },
		{ "kind", RD_STR, true },      { "industry", RD_NUM, false },
		{ "account", RD_NUM, false },  { "title", RD_STR, true },
		{ "quota", RD_BOOL, true },    { "status", RD_STR, true },
		{ "cut_short", RD_BOOL, false }, { "calls", RD_NUM, false },
		{ "conversations", RD_NUM, false }, { "meetings", RD_NUM, false },
		{ "revenue", RD_NUM, false },  { "note", RD_STR, false },
		{ "carried_from", RD_STR, false }, { "uid", RD_STR, false },
	};
	const cJSON *v[COUNT(f)];
	int kind, status;
	const char *title, *note = "", *uid = NULL;

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 || week_read_id(r, v[0], "id", b->id) != 0 ||
	    rd_date(r, v[1], "date", &b->date) != 0 || rd_time(r, v[2], "start", &b->start) != 0 ||
	    rd_time(r, v[3], "end", &b->end) != 0 ||
	    rd_enum(r, v[4], "kind", kind_names, KIND_COUNT, &kind) != 0 ||
	    (v[5] && rd_int32(r, v[5], "industry", 1, 1000000, &b->industry) != 0) ||
	    (v[6] && rd_int32(r, v[6], "account", 1, 1000000, &b->account) != 0) ||
	    rd_text(r, v[7], "title", MODEL_TITLE_MAX, true, &title) != 0 ||
	    rd_enum(r, v[9], "status", status_names, STATUS_COUNT, &status) != 0 ||
	    week_read_outcome(r, v + 11, &b->out) != 0 ||
	    (v[15] && rd_text(r, v[15], "note", MODEL_NOTE_MAX, true, &note) != 0) ||
	    (v[16] && week_read_id(r, v[16], "carried_from", b->carried_from) != 0) ||
	    (v[17] && rd_text(r, v[17], "uid", 255, false, &uid) != 0))
		return -1;
	if (b->end <= b->start)
		return rd_fail(r, "end", "must come after start");
	b->kind = (enum block_kind)kind;
	b->status = (enum block_status)status;
	b->for_quota = cJSON_IsTrue(v[8]);
	b->cut_short = v[10] != NULL && cJSON_IsTrue(v[10]);
	block_set_title(b, title);
	block_set_note(b, note);
	block_set_uid(b, uid);
	return 0;
}

/* Where a block read from the file ended up in the sorted week. */
struct block_pos {
	date_t date;
	int start;
	const char *id;
	size_t file;
};

static int block_pos_cmp(const void *a, const void *b)
{
	const struct block_pos *x = a, *y = b;
	int c;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	c = strcmp(x->id, y->id);
	if (c != 0)
		return c;
	return x->file < y->file ? -1 : x->file > y->file;
}

static int week_read_blocks(struct rd *r, const cJSON *arr, const struct plan *p, struct week *w)
{
	const cJSON *item;
	size_t i = 0;
	int n = cJSON_GetArraySize(arr), rc = 0;
	struct block_pos *pos;
	size_t *order;

	if (n > MODEL_WEEK_BLOCKS_MAX)
		return rd_fail(r, "blocks", "holds %d blocks; a week holds at most %d", n,
			       MODEL_WEEK_BLOCKS_MAX);
	pos = xcalloc((size_t)n + 1, sizeof *pos);
	cJSON_ArrayForEach(item, arr) {
		struct block b;
		size_t mark = rd_enter(r, "blocks", (long)i);

		block_init(&b);
		rc = week_read_block(r, item, &b);
		if (rc == 0 && model_id_week(b.id) == week_key(w)) {
			int seq = atoi(strchr(b.id, '-') + 1);

			if (seq >= week_next_seq(w))
				week_set_next_seq(w, seq + 1);
		}
		if (rc == 0) {
			pos[i].date = b.date;
			pos[i].start = b.start;
			pos[i].id = cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring;
			pos[i].file = i;
			week_block_restore_take(w, &b);
		}
		block_clear(&b);
		if (rc != 0) {
			free(pos);
			return -1;
		}
		rd_leave(r, mark);
		i++;
	}
	/* Blocks are inserted stably in this same order: map file to sorted place.
	 * Files are written in that order, so the sort is seldom needed. */
	for (size_t k = 1; k < (size_t)n; k++) {
		if (block_pos_cmp(&pos[k - 1], &pos[k]) > 0) {
			qsort(pos, (size_t)n, sizeof *pos, block_pos_cmp);
			break;
		}
	}
	order = xcalloc((size_t)n + 1, sizeof *order);
	for (size_t k = 0; k < (size_t)n; k++)
		order[pos[k].file] = k;
	if (rules_check_week(w, p, order, r->err) != 0)
		rc = error_prefix(r->err, "%s", r->shown);
	free(order);
	free(pos);
	return rc;
}

static int week_read_interruptions(struct rd *r, const cJSON *arr, struct interruption **out,
				   size_t *n_out)
{
	static const struct rd_field f[] = { { "at", RD_NUM, true }, { "note", RD_STR, false } };
	const cJSON *item;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > 1000)
		return rd_fail(r, "interruptions", "more than 1000 entries");
	*out = n ? xcalloc((size_t)n, sizeof **out) : NULL;
	*n_out = 0;
	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		size_t mark = rd_enter(r, "interruptions", i++);
		const char *note = "";
		struct interruption *in = &(*out)[*n_out];

		if (rd_fields(r, item, f, COUNT(f), v) != 0 ||
		    rd_int(r, v[0], "at", 0, 253402300799LL, &in->at) != 0 ||
		    (v[1] && rd_text(r, v[1], "note", MODEL_NOTE_MAX, true, &note) != 0))
			return -1;
		in->note = xstrdup(note);
		(*n_out)++;
		rd_leave(r, mark);
	}
	return 0;
}

static int week_read_sessions(struct rd *r, const cJSON *arr, struct week *w)
{
	static const struct rd_field f[] = {
		{ "block", RD_STR, true },   { "started", RD_NUM, true },
		{ "ended", RD_NUM, true },   { "paused", RD_NUM, false },
		{ "extended", RD_NUM, false }, { "end", RD_STR, true },
		{ "calls", RD_NUM, false },  { "conversations", RD_NUM, false },
		{ "meetings", RD_NUM, false }, { "revenue", RD_NUM, false },
		{ "interruptions", RD_ARR, false },
	};
	const cJSON *item;
	long i = 0;

	if (cJSON_GetArraySize(arr) > 10 * MODEL_WEEK_BLOCKS_MAX)
		return rd_fail(r, "sessions", "too many entries");
	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		struct session s = { 0 };
		size_t mark = rd_enter(r, "sessions", i++);
		int end = 0, rc;

		rc = rd_fields(r, item, f, COUNT(f), v) != 0 ||
		     week_read_id(r, v[0], "block", s.block) != 0 ||
		     rd_int(r, v[1], "started", 0, 253402300799LL, &s.started) != 0 ||
		     rd_int(r, v[2], "ended", 0, 253402300799LL, &s.ended) != 0 ||
		     (v[3] && rd_int(r, v[3], "paused", 0, 253402300799LL, &s.paused) != 0) ||
		     (v[4] && rd_int(r, v[4], "extended", 0, 366LL * 86400, &s.extended) != 0) ||
		     rd_enum(r, v[5], "end", end_names, 3, &end) != 0 ||
		     week_read_outcome(r, v + 6, &s.counted) != 0 ||
		     (v[10] && week_read_interruptions(r, v[10], &s.interruptions,
						       &s.n_interruptions) != 0);
		if (rc == 0 && s.ended < s.started)
			rc = rd_fail(r, "ended", "comes before started");
		if (rc == 0 && s.paused > s.ended - s.started)
			rc = rd_fail(r, "paused", "is longer than the session");
		s.end = (enum session_end)end;
		if (rc == 0)
			week_session_take(w, &s);
		session_clear(&s);
		if (rc != 0)
			return -1;
		rd_leave(r, mark);
	}
	return 0;
}

static int week_read_sales(struct rd *r, const cJSON *arr, const struct plan *p, struct week *w)
{
	static const struct rd_field f[] = {
		{ "id", RD_STR, true },        { "date", RD_STR, true },
		{ "amount", RD_NUM, true },    { "industry", RD_NUM, false },
		{ "account", RD_NUM, false },  { "note", RD_STR, false },
	};
	const cJSON *item;
	long i = 0;

	if (cJSON_GetArraySize(arr) > MODEL_WEEK_BLOCKS_MAX)
		return rd_fail(r, "sales", "too many entries");
	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		struct sale s = { 0 };
		size_t mark = rd_enter(r, "sales", i++);
		const char *note = "";

		if (rd_fields(r, item, f, COUNT(f), v) != 0 || week_read_id(r, v[0], "id", s.id) ||
		    rd_date(r, v[1], "date", &s.date) != 0 ||
		    rd_int(r, v[2], "amount", 1, MODEL_MONEY_MAX, &s.amount) != 0 ||
		    (v[3] && rd_int32(r, v[3], "industry", 1, 1000000, &s.industry) != 0) ||
		    (v[4] && rd_int32(r, v[4], "account", 1, 1000000, &s.account) != 0) ||
		    (v[5] && rd_text(r, v[5], "note", MODEL_NOTE_MAX, true, &note) != 0))
			return -1;
		if (s.industry && plan_industry_by_id(p, s.industry) == NULL)
			return rd_fail(r, "industry", "%d is not in plan.json", s.industry);
		if (s.account && plan_account_by_id(p, s.account) == NULL)
			return rd_fail(r, "account", "%d is not in plan.json", s.account);
		s.note = (char *)note;
		if (week_sale_add(w, &s, NULL, r->err) != 0)
			return rd_fail(r, NULL, "%s", r->err->msg);
		if (model_id_week(s.id) == week_key(w) && strchr(s.id, '-')[1] == 's') {
			int seq = atoi(strchr(s.id, '-') + 2);

			if (seq >= week_next_seq(w))
				week_set_next_seq(w, seq + 1);
		}
		rd_leave(r, mark);
	}
	return 0;
}

static int week_read_banners(struct rd *r, const cJSON *arr, struct week *w)
{
	static const struct rd_field f[] = {
		{ "date", RD_STR, true }, { "title", RD_STR, true }, { "uid", RD_STR, false },
	};
	const cJSON *item;
	long i = 0;
	date_t monday = week_monday(w);

	if (cJSON_GetArraySize(arr) > MODEL_WEEK_BLOCKS_MAX)
		return rd_fail(r, "banners", "too many entries");
	cJSON_ArrayForEach(item, arr) {
		const cJSON *v[COUNT(f)];
		struct banner b = { 0 };
		size_t mark = rd_enter(r, "banners", i++);
		const char *title, *uid = NULL;

		if (rd_fields(r, item, f, COUNT(f), v) != 0 || rd_date(r, v[0], "date", &b.date) ||
		    rd_text(r, v[1], "title", MODEL_TITLE_MAX, true, &title) != 0 ||
		    (v[2] && rd_text(r, v[2], "uid", 255, false, &uid) != 0))
			return -1;
		if (b.date < monday || b.date > monday + 6)
			return rd_fail(r, "date", "is not in this week");
		b.title = (char *)title;
		b.uid = (char *)uid;
		week_banner_add(w, &b);
		rd_leave(r, mark);
	}
	return 0;
}

int codec_week_read(const char *text, size_t len, const char *shown, const struct plan *p,
		    int key, struct week **out, bool *newer, struct error *err)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, true },   { "week", RD_STR, true },
		{ "focus", RD_STR, true },    { "midday", RD_STR, true },
		{ "next_seq", RD_NUM, true }, { "niches", RD_ARR, false },
		{ "blocks", RD_ARR, false },  { "sessions", RD_ARR, false },
		{ "sales", RD_ARR, false },   { "banners", RD_ARR, false },
	};
	struct rd r = { .shown = shown, .err = err };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	struct week *w = week_new(p, key);
	int file_key, focus, midday, seq, rc = -1;

	*newer = false;
	if (root == NULL)
		goto out;
	r.lenient = true;
	if (rd_fields(&r, root, f, 1, v) != 0 || rd_schema(&r, v[0], PLAN_SCHEMA, newer) != 0)
		goto out;
	if (rd_fields(&r, root, f, COUNT(f), v) != 0 || rd_week(&r, v[1], "week", &file_key) != 0 ||
	    rd_enum(&r, v[2], "focus", focus_names, 2, &focus) != 0 ||
	    rd_time(&r, v[3], "midday", &midday) != 0 ||
	    rd_int32(&r, v[4], "next_seq", 1, 1000000000, &seq) != 0)
		goto out;
	if (file_key != key) {
		char a[9], b[9];

		date_week_format(file_key, a);
		date_week_format(key, b);
		rd_fail(&r, "week", "says %s, but the file is for %s", a, b);
		goto out;
	}
	if (midday <= 0 || midday >= DATE_MINUTES_PER_DAY) {
		rd_fail(&r, "midday", "must lie inside the day");
		goto out;
	}
	week_restore_focus(w, (enum focus_rule)focus, midday);
	week_set_next_seq(w, seq);
	if ((v[5] && week_read_niches(&r, v[5], w) != 0) ||
	    (v[8] && week_read_sales(&r, v[8], p, w) != 0) ||
	    (v[6] && week_read_blocks(&r, v[6], p, w) != 0) ||
	    (v[7] && week_read_sessions(&r, v[7], w) != 0) ||
	    (v[9] && week_read_banners(&r, v[9], w) != 0))
		goto out;
	if (!v[6] && rules_check_week(w, p, NULL, err) != 0) {
		error_prefix(err, "%s", shown);
		goto out;
	}
	rc = 0;
out:
	rd_done(&r);
	if (rc != 0) {
		week_free(w);
		if (err != NULL)
			err->code = ERR_DATA;
		return -1;
	}
	*out = w;
	return 0;
}

static void wr_outcome(cJSON *o, const struct outcome *out)
{
	if (out->calls)
		wr_int(o, "calls", out->calls);
	if (out->conversations)
		wr_int(o, "conversations", out->conversations);
	if (out->meetings)
		wr_int(o, "meetings", out->meetings);
	if (out->revenue)
		wr_int(o, "revenue", out->revenue);
}

static cJSON *wr_block(const struct block *b)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", b->id);
	wr_date(o, "date", b->date);
	wr_time(o, "start", b->start);
	wr_time(o, "end", b->end);
	cJSON_AddStringToObject(o, "kind", kind_names[b->kind]);
	if (b->industry)
		wr_int(o, "industry", b->industry);
	if (b->account)
		wr_int(o, "account", b->account);
	cJSON_AddStringToObject(o, "title", b->title);
	cJSON_AddBoolToObject(o, "quota", b->for_quota);
	cJSON_AddStringToObject(o, "status", status_names[b->status]);
	if (b->cut_short)
		cJSON_AddTrueToObject(o, "cut_short");
	wr_outcome(o, &b->out);
	if (b->note[0])
		cJSON_AddStringToObject(o, "note", b->note);
	if (b->carried_from[0])
		cJSON_AddStringToObject(o, "carried_from", b->carried_from);
	if (b->uid != NULL)
		cJSON_AddStringToObject(o, "uid", b->uid);
	return o;
}

static cJSON *wr_interruptions(const struct interruption *in, size_t n)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		wr_int(o, "at", in[i].at);
		if (in[i].note[0])
			cJSON_AddStringToObject(o, "note", in[i].note);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static void wr_week_extras(cJSON *root, const struct week *w)
{
	cJSON *arr;

	if (week_session_count(w) > 0) {
		arr = cJSON_AddArrayToObject(root, "sessions");
		for (size_t i = 0; i < week_session_count(w); i++) {
			const struct session *s = week_session_at(w, i);
			cJSON *o = cJSON_CreateObject();

			cJSON_AddStringToObject(o, "block", s->block);
			wr_int(o, "started", s->started);
			wr_int(o, "ended", s->ended);
			if (s->paused)
				wr_int(o, "paused", s->paused);
			if (s->extended)
				wr_int(o, "extended", s->extended);
			cJSON_AddStringToObject(o, "end", end_names[s->end]);
			wr_outcome(o, &s->counted);
			if (s->n_interruptions)
				cJSON_AddItemToObject(o, "interruptions",
						      wr_interruptions(s->interruptions,
								       s->n_interruptions));
			cJSON_AddItemToArray(arr, o);
		}
	}
	if (week_sale_count(w) > 0) {
		arr = cJSON_AddArrayToObject(root, "sales");
		for (size_t i = 0; i < week_sale_count(w); i++) {
			const struct sale *s = week_sale_at(w, i);
			cJSON *o = cJSON_CreateObject();

			cJSON_AddStringToObject(o, "id", s->id);
			wr_date(o, "date", s->date);
			wr_int(o, "amount", s->amount);
			if (s->industry)
				wr_int(o, "industry", s->industry);
			if (s->account)
				wr_int(o, "account", s->account);
			if (s->note[0])
				cJSON_AddStringToObject(o, "note", s->note);
			cJSON_AddItemToArray(arr, o);
		}
	}
	if (week_banner_count(w) > 0) {
		arr = cJSON_AddArrayToObject(root, "banners");
		for (size_t i = 0; i < week_banner_count(w); i++) {
			const struct banner *b = week_banner_at(w, i);
			cJSON *o = cJSON_CreateObject();

			wr_date(o, "date", b->date);
			cJSON_AddStringToObject(o, "title", b->title);
			if (b->uid != NULL)
				cJSON_AddStringToObject(o, "uid", b->uid);
			cJSON_AddItemToArray(arr, o);
		}
	}
}

char *codec_week_write(const struct week *w, size_t *len)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	char wk[9];
	date_t monday = week_monday(w);

	wr_int(root, "schema", PLAN_SCHEMA);
	date_week_format(week_key(w), wk);
	cJSON_AddStringToObject(root, "week", wk);
	cJSON_AddStringToObject(root, "focus", focus_names[week_focus(w)]);
	wr_time(root, "midday", week_midday(w));
	wr_int(root, "next_seq", week_next_seq(w));
	arr = cJSON_AddArrayToObject(root, "niches");
	for (int d = 0; d < 7; d++) {
		for (int part = 0; part < PART_COUNT; part++) {
			int ind = week_niche(w, monday + d, (enum day_part)part);
			cJSON *o;

			if (ind == 0)
				continue;
			o = cJSON_CreateObject();
			wr_date(o, "date", monday + d);
			cJSON_AddStringToObject(o, "part", part_names[part]);
			wr_int(o, "industry", ind);
			cJSON_AddItemToArray(arr, o);
		}
	}
	arr = cJSON_AddArrayToObject(root, "blocks");
	for (size_t i = 0; i < week_block_count(w); i++)
		cJSON_AddItemToArray(arr, wr_block(week_block_at(w, i)));
	wr_week_extras(root, w);
	return wr_print(root, len);
}

/* ---------------------------------------------------------------- timer */

/* Instants in order: started <= paused_at, interruptions <= changed.  An
 * older file without "changed" takes the latest instant it holds. */
static int timer_read_order(struct rd *r, struct timer_state *t)
{
	instant_t latest = t->started > t->paused_at ? t->started : t->paused_at;

	if (t->paused_at != 0 && t->paused_at < t->started)
		return rd_fail(r, "paused_at", "comes before started");
	for (size_t i = 0; i < t->n_interruptions; i++)
		if (t->interruptions[i].at > latest)
			latest = t->interruptions[i].at;
	if (t->changed == 0)
		t->changed = latest;
	if (t->changed < latest)
		return rd_fail(r, "changed", "comes before the timer's last event");
	/* Finished pauses lie between the start and the last change (or the
	 * pause going on now). */
	if (t->paused_total > (t->paused_at ? t->paused_at : t->changed) - t->started)
		return rd_fail(r, "paused", "is longer than the timer has run");
	return 0;
}

int codec_timer_read(const char *text, size_t len, const char *shown,
		     struct timer_state *t, bool *newer, struct error *err)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, true },     { "block", RD_STR, true },
		{ "week", RD_STR, true },       { "industry", RD_STR, true },
		{ "color", RD_NUM, true },      { "title", RD_STR, true },
		{ "kind", RD_STR, true },       { "planned_end", RD_STR, true },
		{ "started", RD_NUM, true },    { "planned", RD_NUM, true },
		{ "extended", RD_NUM, true },   { "paused", RD_NUM, true },
		{ "paused_at", RD_NUM, false }, { "calls", RD_NUM, false },
		{ "conversations", RD_NUM, false }, { "meetings", RD_NUM, false },
		{ "revenue", RD_NUM, false },   { "interruptions", RD_ARR, false },
		{ "changed", RD_NUM, false },
	};
	struct rd r = { .shown = shown, .err = err };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	const char *industry, *title;
	int kind, rc = -1;
	const int64_t year = 366LL * 86400, far = 253402300799LL;

	timer_state_init(t);
	*newer = false;
	if (root == NULL)
		goto out;
	r.lenient = true;
	if (rd_fields(&r, root, f, 1, v) != 0 || rd_schema(&r, v[0], PLAN_SCHEMA, newer) != 0)
		goto out;
	if (rd_fields(&r, root, f, COUNT(f), v) != 0 || week_read_id(&r, v[1], "block", t->block) ||
	    rd_week(&r, v[2], "week", &t->week) != 0 ||
	    rd_text(&r, v[3], "industry", MODEL_NAME_MAX, true, &industry) != 0 ||
	    rd_int32(&r, v[4], "color", 0, MODEL_COLOR_MAX, &t->color) != 0 ||
	    rd_text(&r, v[5], "title", MODEL_TITLE_MAX, true, &title) != 0 ||
	    rd_enum(&r, v[6], "kind", kind_names, KIND_COUNT, &kind) != 0 ||
	    rd_time(&r, v[7], "planned_end", &t->planned_end) != 0 ||
	    rd_int(&r, v[8], "started", 1, far, &t->started) != 0 ||
	    rd_int(&r, v[9], "planned", 0, year, &t->planned) != 0 ||
	    rd_int(&r, v[10], "extended", 0, year, &t->extended) != 0 ||
	    rd_int(&r, v[11], "paused", 0, far, &t->paused_total) != 0 ||
	    (v[12] && rd_int(&r, v[12], "paused_at", 0, far, &t->paused_at) != 0) ||
	    week_read_outcome(&r, v + 13, &t->counted) != 0 ||
	    (v[18] && rd_int(&r, v[18], "changed", 1, far, &t->changed) != 0))
		goto out;
	free(t->industry);
	free(t->title);
	t->industry = xstrdup(industry);
	t->title = xstrdup(title);
	t->kind = (enum block_kind)kind;
	if (v[17] && week_read_interruptions(&r, v[17], &t->interruptions,
					     &t->n_interruptions) != 0)
		goto out;
	if (timer_read_order(&r, t) != 0)
		goto out;
	rc = 0;
out:
	rd_done(&r);
	if (rc != 0) {
		timer_state_clear(t);
		if (err != NULL)
			err->code = ERR_DATA;
	}
	return rc;
}

char *codec_timer_write(const struct timer_state *t, size_t *len)
{
	cJSON *root = cJSON_CreateObject();
	char wk[9];

	wr_int(root, "schema", PLAN_SCHEMA);
	cJSON_AddStringToObject(root, "block", t->block);
	date_week_format(t->week, wk);
	cJSON_AddStringToObject(root, "week", wk);
	cJSON_AddStringToObject(root, "industry", t->industry);
	wr_int(root, "color", t->color);
	cJSON_AddStringToObject(root, "title", t->title);
	cJSON_AddStringToObject(root, "kind", kind_names[t->kind]);
	wr_time(root, "planned_end", t->planned_end);
	wr_int(root, "started", t->started);
	wr_int(root, "planned", t->planned);
	wr_int(root, "extended", t->extended);
	wr_int(root, "paused", t->paused_total);
	if (t->paused_at)
		wr_int(root, "paused_at", t->paused_at);
	wr_int(root, "changed", t->changed);
	wr_outcome(root, &t->counted);
	if (t->n_interruptions)
		cJSON_AddItemToObject(root, "interruptions",
				      wr_interruptions(t->interruptions, t->n_interruptions));
	return wr_print(root, len);
}
