/* codec_week.c - weeks/YYYY-Www.json: niches, blocks, timer runs, sales, banners. */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "codec_parts.h"
#include "codec_read.h"
#include "rules.h"
#include "xalloc.h"

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
		    rd_enum(r, v[1], "part", codec_part_names, 3, &part) != 0 ||
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

/* A block's "revenue" (week schema 1) becomes a sale naming it once the
 * week's own sales are read: up to then, here. */
struct revenue {
	char block[MODEL_ID_MAX];
	int64_t amount;
};

static int week_read_block(struct rd *r, const cJSON *obj, struct block *b, int64_t *revenue)
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
		{ "worked", RD_NUM, false },
	};
	const cJSON *v[COUNT(f)];
	int kind, status;
	const char *title, *note = "", *uid = NULL;

	if (rd_fields(r, obj, f, COUNT(f), v) != 0 || codec_read_id(r, v[0], "id", b->id) != 0 ||
	    rd_date(r, v[1], "date", &b->date) != 0 || rd_time(r, v[2], "start", &b->start) != 0 ||
	    rd_time(r, v[3], "end", &b->end) != 0 ||
	    rd_enum(r, v[4], "kind", codec_kind_names, KIND_COUNT, &kind) != 0 ||
	    (v[5] && rd_int32(r, v[5], "industry", 1, 1000000, &b->industry) != 0) ||
	    (v[6] && rd_int32(r, v[6], "account", 1, 1000000, &b->account) != 0) ||
	    rd_text(r, v[7], "title", MODEL_TITLE_MAX, true, &title) != 0 ||
	    rd_enum(r, v[9], "status", codec_status_names, STATUS_COUNT, &status) != 0 ||
	    codec_read_outcome(r, v + 11, &b->out, revenue) != 0 ||
	    (v[15] && rd_text(r, v[15], "note", MODEL_NOTE_MAX, true, &note) != 0) ||
	    (v[16] && codec_read_id(r, v[16], "carried_from", b->carried_from) != 0) ||
	    (v[17] && rd_text(r, v[17], "uid", 255, false, &uid) != 0) ||
	    (v[18] && rd_int32(r, v[18], "worked", 1, MODEL_WORKED_MAX, &b->worked) != 0))
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

static int week_read_blocks(struct rd *r, const cJSON *arr, const struct plan *p, struct week *w,
			    struct revenue *rev, size_t *n_rev)
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
		rc = week_read_block(r, item, &b, &rev[*n_rev].amount);
		if (rc == 0 && rev[*n_rev].amount > 0)
			memcpy(rev[(*n_rev)++].block, b.id, MODEL_ID_MAX);
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
		int64_t revenue; /* typed at a stop before sales held it: on the block */
		int end = 0, rc;

		rc = rd_fields(r, item, f, COUNT(f), v) != 0 ||
		     codec_read_id(r, v[0], "block", s.block) != 0 ||
		     rd_int(r, v[1], "started", 0, 253402300799LL, &s.started) != 0 ||
		     rd_int(r, v[2], "ended", 0, 253402300799LL, &s.ended) != 0 ||
		     (v[3] && rd_int(r, v[3], "paused", 0, 253402300799LL, &s.paused) != 0) ||
		     (v[4] && rd_int(r, v[4], "extended", 0, 366LL * 86400, &s.extended) != 0) ||
		     rd_enum(r, v[5], "end", codec_end_names, 3, &end) != 0 ||
		     codec_read_outcome(r, v + 6, &s.counted, &revenue) != 0 ||
		     (v[10] && codec_read_interruptions(r, v[10], &s.interruptions,
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
		{ "block", RD_STR, false },
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

		if (rd_fields(r, item, f, COUNT(f), v) != 0 || codec_read_id(r, v[0], "id", s.id) ||
		    rd_date(r, v[1], "date", &s.date) != 0 ||
		    rd_int(r, v[2], "amount", 1, MODEL_MONEY_MAX, &s.amount) != 0 ||
		    (v[3] && rd_int32(r, v[3], "industry", 1, 1000000, &s.industry) != 0) ||
		    (v[4] && rd_int32(r, v[4], "account", 1, 1000000, &s.account) != 0) ||
		    (v[5] && rd_text(r, v[5], "note", MODEL_NOTE_MAX, true, &note) != 0) ||
		    (v[6] && codec_read_id(r, v[6], "block", s.block) != 0))
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

static int week_read_declined(struct rd *r, const cJSON *arr, struct week *w)
{
	const cJSON *item;
	long i = 0;

	if (cJSON_GetArraySize(arr) > MODEL_WEEK_BLOCKS_MAX)
		return rd_fail(r, "carry_declined", "too many entries");
	cJSON_ArrayForEach(item, arr) {
		char id[MODEL_ID_MAX];
		size_t mark = rd_enter(r, "carry_declined", i++);

		if (!cJSON_IsString(item))
			return rd_fail(r, NULL, "must be a block's id, in a string");
		if (codec_read_id(r, item, NULL, id) != 0)
			return -1;
		week_decline_carry(w, id, true);
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

/*
 * Money typed on a block before it went into sales (week schema 1): each
 * block's becomes a sale of its day, industry and account naming it.  A sale
 * of the same amount in the week that names no block is taken to be the
 * same deal, recorded both ways as the old files allowed: it is linked to
 * the block instead, so nothing counts twice.
 */
static void week_migrate_revenue(struct week *w, const struct revenue *rev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct block *b = week_block_by_id(w, rev[i].block);
		struct sale s = { .amount = rev[i].amount };

		for (size_t k = 0; k < week_sale_count(w); k++) {
			const struct sale *x = week_sale_at(w, k);

			if (x->block[0] == '\0' && x->amount == rev[i].amount) {
				s = *x;
				s.note = (char *)xstrdup(x->note);
				week_sale_remove(w, x->id, NULL);
				break;
			}
		}
		if (s.id[0] == '\0') {
			s.date = b->date;
			s.industry = b->industry;
			s.account = b->account;
			s.note = xstrdup(b->title);
		}
		memcpy(s.block, b->id, MODEL_ID_MAX);
		week_sale_add(w, &s, NULL, NULL);
		free(s.note);
	}
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
		{ "carry_declined", RD_ARR, false },
	};
	struct error none; /* a caller that wants no message still gets the checks */
	struct rd r = { .shown = shown, .err = err != NULL ? err : &none };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	struct week *w = week_new(p, key);
	struct revenue *rev = NULL;
	size_t n_rev = 0;
	int file_key, focus, midday, seq, rc = -1;

	*newer = false;
	if (root == NULL)
		goto out;
	r.lenient = true;
	if (rd_fields(&r, root, f, 1, v) != 0 || rd_schema(&r, v[0], WEEK_SCHEMA, newer) != 0)
		goto out;
	if (rd_fields(&r, root, f, COUNT(f), v) != 0 || rd_week(&r, v[1], "week", &file_key) != 0 ||
	    rd_enum(&r, v[2], "focus", codec_focus_names, 2, &focus) != 0 ||
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
	if (v[6])
		rev = xcalloc((size_t)cJSON_GetArraySize(v[6]) + 1, sizeof *rev);
	if ((v[5] && week_read_niches(&r, v[5], w) != 0) ||
	    (v[8] && week_read_sales(&r, v[8], p, w) != 0) ||
	    (v[6] && week_read_blocks(&r, v[6], p, w, rev, &n_rev) != 0) ||
	    (v[7] && week_read_sessions(&r, v[7], w) != 0) ||
	    (v[9] && week_read_banners(&r, v[9], w) != 0) ||
	    (v[10] && week_read_declined(&r, v[10], w) != 0))
		goto out;
	if (week_sale_count(w) + n_rev > MODEL_WEEK_BLOCKS_MAX) {
		rd_fail(&r, "sales", "too many entries");
		goto out;
	}
	week_migrate_revenue(w, rev, n_rev);
	if (!v[6] && rules_check_week(w, p, NULL, err) != 0) {
		error_prefix(err, "%s", shown);
		goto out;
	}
	rc = 0;
out:
	rd_done(&r);
	free(rev);
	if (rc != 0) {
		week_free(w);
		if (err != NULL)
			err->code = ERR_DATA;
		return -1;
	}
	*out = w;
	return 0;
}

static cJSON *wr_block(const struct block *b)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", b->id);
	wr_date(o, "date", b->date);
	wr_time(o, "start", b->start);
	wr_time(o, "end", b->end);
	cJSON_AddStringToObject(o, "kind", codec_kind_names[b->kind]);
	if (b->industry)
		wr_int(o, "industry", b->industry);
	if (b->account)
		wr_int(o, "account", b->account);
	cJSON_AddStringToObject(o, "title", b->title);
	cJSON_AddBoolToObject(o, "quota", b->for_quota);
	cJSON_AddStringToObject(o, "status", codec_status_names[b->status]);
	if (b->cut_short)
		cJSON_AddTrueToObject(o, "cut_short");
	codec_wr_outcome(o, &b->out);
	if (b->worked)
		wr_int(o, "worked", b->worked);
	if (b->note[0])
		cJSON_AddStringToObject(o, "note", b->note);
	if (b->carried_from[0])
		cJSON_AddStringToObject(o, "carried_from", b->carried_from);
	if (b->uid != NULL)
		cJSON_AddStringToObject(o, "uid", b->uid);
	return o;
}

static void wr_week_extras(cJSON *root, const struct week *w)
{
	cJSON *arr;

	if (week_declined_count(w) > 0) {
		arr = cJSON_AddArrayToObject(root, "carry_declined");
		for (size_t i = 0; i < week_declined_count(w); i++)
			cJSON_AddItemToArray(arr, cJSON_CreateString(week_declined_at(w, i)));
	}

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
			cJSON_AddStringToObject(o, "end", codec_end_names[s->end]);
			codec_wr_outcome(o, &s->counted);
			if (s->n_interruptions)
				cJSON_AddItemToObject(o, "interruptions",
						      codec_wr_interruptions(s->interruptions,
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
			if (s->block[0])
				cJSON_AddStringToObject(o, "block", s->block);
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

	wr_int(root, "schema", WEEK_SCHEMA);
	date_week_format(week_key(w), wk);
	cJSON_AddStringToObject(root, "week", wk);
	cJSON_AddStringToObject(root, "focus", codec_focus_names[week_focus(w)]);
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
			cJSON_AddStringToObject(o, "part", codec_part_names[part]);
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
