/* codec_digest.c - cache/YYYY-Www.json: a week's review digest on one line,
 * read as strictly as the week itself.
 *
 *   {"digest":1,"week":"2026-W40","slot":30,"file":"<stamp>",
 *    "total":"T","day":["T" x7],"kind":["T" x KIND_COUNT],
 *    "industries":["id T calls conversations meetings sales
 *                   prospecting_minutes",...],
 *    "accounts":["id planned done",...],
 *    "focus":"days days_held halves halves_held timer_seconds
 *             notquota_minutes notquota_done_minutes",
 *    "interruptions":"instant instant ...","sales":["date amount",...],
 *    "unfinished":["id",...],"carried_from":["id",...]}
 *
 * T is a tally's 8 numbers (blocks done unfinished dropped minutes
 * done_minutes due_minutes left_minutes; rate_pct is not kept) and dates
 * are day numbers.  The lists after "focus" are left out when empty.
 * Numbers are kept in strings, in decimal digits one space apart: cJSON
 * reads a JSON number through strtod and the locale, after trying null,
 * false and true on it, which took two thirds of the time to read a digest
 * whose rows were arrays of JSON numbers.
 */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "codec_parts.h"
#include "codec_read.h"
#include "date.h"
#include "xalloc.h"

/* Any other version is not read: the review makes the digest again. */
#define DIGEST_VERSION 2 /* 2: money on blocks went into sales */

/*
 * Every number and list is bounded by what one valid week (as codec_week.c
 * reads it) can give, so a hostile file gives a review nothing a week could
 * not.  REVIEW_WEEKS_MAX digests sum to at most 1.5e9 minutes, 1.04e12 of
 * a counter (6.2e15 times 6000) and 1.04e18 of money: all within int64.
 */
#define DG_BLOCKS MODEL_WEEK_BLOCKS_MAX
#define DG_MINUTES ((int64_t)MODEL_WEEK_BLOCKS_MAX * DATE_MINUTES_PER_DAY)
#define DG_COUNT ((int64_t)MODEL_WEEK_BLOCKS_MAX * MODEL_COUNT_MAX)
#define DG_MONEY ((int64_t)MODEL_WEEK_BLOCKS_MAX * MODEL_MONEY_MAX)
#define DG_SECONDS ((int64_t)1 << 40)
#define DG_REF 1000000             /* industry and account ids, as weeks name them */
#define DG_INSTANT 253402300799LL  /* 9999-12-31 23:59:59 UTC, as weeks */
/* Industries and accounts named by a week's blocks or sales, and id 0. */
#define DG_NAMED (2 * MODEL_WEEK_BLOCKS_MAX + 1)
/* A week file (4 MiB at most) spends 8 bytes or more on each interruption
 * ({"at":0}): 2^19 of them at most. */
#define DG_INTERRUPTIONS (1 << 19)

/* One number of a row: its name (for messages) and its range. */
struct dg_range {
	const char *name;
	int64_t min, max;
};

#define DG_TALLY_RANGES                                                                 \
	{ "blocks", 0, DG_BLOCKS }, { "done", 0, DG_BLOCKS },                           \
	{ "unfinished", 0, DG_BLOCKS }, { "dropped", 0, DG_BLOCKS },                    \
	{ "minutes", 0, DG_MINUTES }, { "done_minutes", 0, DG_MINUTES },                \
	{ "due_minutes", 0, DG_MINUTES }, { "left_minutes", 0, DG_MINUTES }

#define DG_TALLY 8

static const struct dg_range tally_row[DG_TALLY] = { DG_TALLY_RANGES };

static const struct dg_range industry_row[] = {
	{ "id", 0, DG_REF },
	DG_TALLY_RANGES,
	{ "calls", 0, DG_COUNT },
	{ "conversations", 0, DG_COUNT },
	{ "meetings", 0, DG_COUNT },
	{ "sales", 0, DG_MONEY },
	{ "prospecting_minutes", 0, DG_MINUTES },
};

static const struct dg_range account_row[] = {
	{ "id", 0, DG_REF }, { "planned", 0, DG_MINUTES }, { "done", 0, DG_MINUTES },
};

static const struct dg_range focus_row[] = {
	{ "days", 0, 7 },
	{ "days_held", 0, 7 },
	{ "halves", 0, 14 },
	{ "halves_held", 0, 14 },
	{ "timer_seconds", 0, DG_SECONDS },
	{ "notquota_minutes", 0, DG_MINUTES },
	{ "notquota_done_minutes", 0, DG_MINUTES },
};

/* ---------------------------------------------------------------- read */

/* The whole number at *s, in the range of f: digits, no leading zero, a
 * minus only when the range has negative numbers; *s moves past it. */
static int dg_number(struct rd *r, const char **s, const struct dg_range *f, int64_t *out)
{
	const char *p = *s;
	int64_t v;

	if (rd_digits(&p, f->min < 0, &v) != 0)
		return rd_fail(r, f->name, "must be a whole number in decimal digits");
	if (v < f->min || v > f->max)
		return rd_fail(r, f->name, "must be %lld..%lld", (long long)f->min,
			       (long long)f->max);
	*s = p;
	*out = v;
	return 0;
}

/* v: a string of exactly n numbers one space apart, each in its range. */
static int dg_row(struct rd *r, const cJSON *v, const struct dg_range *f, size_t n,
		  int64_t *out)
{
	const char *s;

	if (!cJSON_IsString(v))
		return rd_fail(r, NULL, "must be a string of %zu numbers", n);
	s = v->valuestring;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && *s++ != ' ')
			return rd_fail(r, NULL, "must hold %zu numbers, one space apart", n);
		if (dg_number(r, &s, &f[i], &out[i]) != 0)
			return -1;
	}
	if (*s != '\0')
		return rd_fail(r, NULL, "must hold %zu numbers, one space apart", n);
	return 0;
}

static void dg_tally(const int64_t *x, struct review_tally *t)
{
	t->blocks = (int)x[0];
	t->done = (int)x[1];
	t->unfinished = (int)x[2];
	t->dropped = (int)x[3];
	t->minutes = x[4];
	t->done_minutes = x[5];
	t->due_minutes = x[6];
	t->left_minutes = x[7];
}

static int dg_tally_at(struct rd *r, const cJSON *row, const char *key, long index,
		       struct review_tally *t)
{
	int64_t x[DG_TALLY];
	size_t mark = rd_enter(r, key, index);

	if (dg_row(r, row, tally_row, DG_TALLY, x) != 0)
		return -1;
	dg_tally(x, t);
	rd_leave(r, mark);
	return 0;
}

/* key: exactly n rows of tallies. */
static int dg_tallies(struct rd *r, const cJSON *arr, const char *key, struct review_tally *t,
		      int n)
{
	const cJSON *row;
	long i = 0;

	if (cJSON_GetArraySize(arr) != n)
		return rd_fail(r, key, "must hold %d rows", n);
	cJSON_ArrayForEach(row, arr) {
		if (dg_tally_at(r, row, key, i, &t[i]) != 0)
			return -1;
		i++;
	}
	return 0;
}

/* A list of at most max entries (arr NULL: empty), allocated for them. */
static int dg_list(struct rd *r, const cJSON *arr, const char *key, size_t max, size_t size,
		   void **out, size_t *n)
{
	int len = arr != NULL ? cJSON_GetArraySize(arr) : 0;

	*n = 0;
	if ((size_t)len > max)
		return rd_fail(r, key, "holds %d entries; a week gives at most %zu", len, max);
	*out = len > 0 ? xcalloc((size_t)len, size) : NULL;
	*n = (size_t)len;
	return 0;
}

static int dg_industries(struct rd *r, const cJSON *arr, struct review_digest *d)
{
	int64_t x[COUNT(industry_row)];
	const cJSON *item;
	long i = 0;

	if (dg_list(r, arr, "industries", DG_NAMED, sizeof *d->industries,
		    (void **)&d->industries, &d->n_industries) != 0)
		return -1;
	cJSON_ArrayForEach(item, arr) {
		struct review_digest_industry *ind = &d->industries[i];
		size_t mark = rd_enter(r, "industries", i++);

		if (dg_row(r, item, industry_row, COUNT(industry_row), x) != 0)
			return -1;
		ind->id = (int)x[0];
		dg_tally(x + 1, &ind->t);
		ind->out = (struct outcome){ x[9], x[10], x[11] };
		ind->sales = x[12];
		ind->prospecting_minutes = x[13];
		rd_leave(r, mark);
	}
	return 0;
}

static int dg_accounts(struct rd *r, const cJSON *arr, struct review_digest *d)
{
	int64_t x[COUNT(account_row)];
	const cJSON *item;
	long i = 0;

	if (dg_list(r, arr, "accounts", DG_NAMED, sizeof *d->accounts, (void **)&d->accounts,
		    &d->n_accounts) != 0)
		return -1;
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "accounts", i);

		if (dg_row(r, item, account_row, COUNT(account_row), x) != 0)
			return -1;
		d->accounts[i++] = (struct review_digest_account){ (int)x[0], x[1], x[2] };
		rd_leave(r, mark);
	}
	return 0;
}

static int dg_focus(struct rd *r, const cJSON *v, struct review_digest *d)
{
	int64_t x[COUNT(focus_row)];
	size_t mark = rd_enter(r, "focus", -1);

	if (dg_row(r, v, focus_row, COUNT(focus_row), x) != 0)
		return -1;
	d->days = (int)x[0];
	d->days_held = (int)x[1];
	d->halves = (int)x[2];
	d->halves_held = (int)x[3];
	d->timer_seconds = x[4];
	d->notquota_minutes = x[5];
	d->notquota_done_minutes = x[6];
	rd_leave(r, mark);
	return 0;
}

/* One string of instants, one space apart. */
static int dg_interruptions(struct rd *r, const cJSON *v, struct review_digest *d)
{
	static const struct dg_range at = { NULL, 0, DG_INSTANT };
	const char *s;
	size_t n = 1;

	if (v == NULL)
		return 0;
	for (s = v->valuestring; *s != '\0'; s++)
		n += *s == ' ';
	if (n > DG_INTERRUPTIONS)
		return rd_fail(r, "interruptions", "holds %zu entries; a week gives at most %d", n,
			       DG_INTERRUPTIONS);
	d->interruptions = xcalloc(n, sizeof *d->interruptions);
	d->n_interruptions = n;
	s = v->valuestring;
	for (size_t i = 0; i < n; i++) {
		size_t mark = rd_enter(r, "interruptions", (long)i);

		s += i > 0; /* the space counted above */
		if (dg_number(r, &s, &at, &d->interruptions[i]) != 0)
			return -1;
		if (*s != (i + 1 < n ? ' ' : '\0'))
			return rd_fail(r, NULL, "must be followed by one space, or end the list");
		rd_leave(r, mark);
	}
	return 0;
}

static int dg_sales(struct rd *r, const cJSON *arr, struct review_digest *d)
{
	/* Dates as the week reader takes them (date_parse). */
	const struct dg_range row[] = {
		{ "date", date_from_ymd(DATE_YEAR_MIN, 1, 1), date_from_ymd(DATE_YEAR_MAX, 12, 31) },
		{ "amount", 1, MODEL_MONEY_MAX },
	};
	int64_t x[COUNT(row)];
	const cJSON *item;
	long i = 0;

	if (dg_list(r, arr, "sales", MODEL_WEEK_BLOCKS_MAX, sizeof *d->sales, (void **)&d->sales,
		    &d->n_sales) != 0)
		return -1;
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "sales", i);

		if (dg_row(r, item, row, COUNT(row), x) != 0)
			return -1;
		d->sales[i++] = (struct review_digest_sale){ (date_t)x[0], x[1] };
		rd_leave(r, mark);
	}
	return 0;
}

/* Block ids, as the week reader takes them. */
static int dg_ids(struct rd *r, const cJSON *arr, const char *key, char (**out)[MODEL_ID_MAX],
		  size_t *n)
{
	const cJSON *item;
	long i = 0;

	if (dg_list(r, arr, key, MODEL_WEEK_BLOCKS_MAX, sizeof **out, (void **)out, n) != 0)
		return -1;
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, key, i);

		if (!cJSON_IsString(item))
			return rd_fail(r, NULL, "must be a string");
		if (codec_read_id(r, item, NULL, (*out)[i++]) != 0)
			return -1;
		rd_leave(r, mark);
	}
	return 0;
}

/* The version first: a file of another one may hold other keys. */
static int dg_version(struct rd *r, const cJSON *root, const struct rd_field *f)
{
	const cJSON *v;
	int version;

	r->lenient = true;
	if (rd_fields(r, root, f, 1, &v) != 0 ||
	    rd_int32(r, v, "digest", 1, 1000000, &version) != 0)
		return -1;
	r->lenient = false;
	if (version != DIGEST_VERSION)
		return rd_fail(r, "digest", "is version %d; this focusweek reads version %d",
			       version, DIGEST_VERSION);
	return 0;
}

/* What the digest was made for: the week, the slot length, the week file. */
static int dg_head(struct rd *r, const cJSON *const *v, int key, int slot, const char **file)
{
	int file_key, file_slot;

	if (rd_week(r, v[1], "week", &file_key) != 0 ||
	    rd_int32(r, v[2], "slot", 1, DATE_MINUTES_PER_DAY, &file_slot) != 0 ||
	    rd_text(r, v[3], "file", CODEC_DIGEST_FILE_MAX - 1, false, file) != 0)
		return -1;
	if (file_key != key)
		return rd_fail(r, "week", "is not the week asked for");
	if (file_slot != slot)
		return rd_fail(r, "slot", "is %d minutes, not %d", file_slot, slot);
	return 0;
}

int codec_digest_read(const char *text, size_t len, const char *shown, int key, int slot,
		      struct review_digest **out, char file[CODEC_DIGEST_FILE_MAX],
		      struct error *err)
{
	static const struct rd_field f[] = {
		{ "digest", RD_NUM, true },        { "week", RD_STR, true },
		{ "slot", RD_NUM, true },          { "file", RD_STR, true },
		{ "total", RD_STR, true },         { "day", RD_ARR, true },
		{ "kind", RD_ARR, true },          { "industries", RD_ARR, false },
		{ "accounts", RD_ARR, false },     { "focus", RD_STR, true },
		{ "interruptions", RD_STR, false }, { "sales", RD_ARR, false },
		{ "unfinished", RD_ARR, false },   { "carried_from", RD_ARR, false },
	};
	struct error none; /* a caller that wants no message still gets the checks */
	struct rd r = { .shown = shown, .err = err != NULL ? err : &none };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	struct review_digest *d = xcalloc(1, sizeof *d);
	const char *stamp;
	int rc = -1;

	*out = NULL;
	if (root == NULL || dg_version(&r, root, f) != 0 ||
	    rd_fields(&r, root, f, COUNT(f), v) != 0 || dg_head(&r, v, key, slot, &stamp) != 0)
		goto out;
	d->key = key;
	d->slot = slot;
	if (dg_tally_at(&r, v[4], "total", -1, &d->total) != 0 ||
	    dg_tallies(&r, v[5], "day", d->day, 7) != 0 ||
	    dg_tallies(&r, v[6], "kind", d->kind, KIND_COUNT) != 0 ||
	    dg_industries(&r, v[7], d) != 0 || dg_accounts(&r, v[8], d) != 0 ||
	    dg_focus(&r, v[9], d) != 0 || dg_interruptions(&r, v[10], d) != 0 ||
	    dg_sales(&r, v[11], d) != 0 ||
	    dg_ids(&r, v[12], "unfinished", &d->unfinished, &d->n_unfinished) != 0 ||
	    dg_ids(&r, v[13], "carried_from", &d->carried_from, &d->n_carried_from) != 0)
		goto out;
	strcpy(file, stamp);
	*out = d;
	d = NULL;
	rc = 0;
out:
	rd_done(&r);
	review_digest_free(d);
	if (rc != 0 && err != NULL)
		err->code = ERR_DATA;
	return rc;
}

/* ---------------------------------------------------------------- write */

/* x[0..n) as one string, one space apart (b is scratch). */
static cJSON *dg_numbers(struct buf *b, const int64_t *x, size_t n)
{
	char digits[WR_DIGITS];

	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, ' ');
		buf_adds(b, wr_digits(x[i], digits));
	}
	return cJSON_CreateString(buf_str(b));
}

static cJSON *dg_wr_tally(struct buf *b, const struct review_tally *t)
{
	const int64_t x[DG_TALLY] = { t->blocks,      t->done,	       t->unfinished,
				      t->dropped,     t->minutes,      t->done_minutes,
				      t->due_minutes, t->left_minutes };

	return dg_numbers(b, x, DG_TALLY);
}

static void dg_wr_rows(cJSON *root, struct buf *b, const struct review_digest *d)
{
	cJSON *arr;

	if (d->n_industries > 0) {
		arr = cJSON_AddArrayToObject(root, "industries");
		for (size_t i = 0; i < d->n_industries; i++) {
			const struct review_digest_industry *ind = &d->industries[i];
			const int64_t x[COUNT(industry_row)] = {
				ind->id,	    ind->t.blocks,	   ind->t.done,
				ind->t.unfinished,  ind->t.dropped,	   ind->t.minutes,
				ind->t.done_minutes, ind->t.due_minutes,   ind->t.left_minutes,
				ind->out.calls,	    ind->out.conversations, ind->out.meetings,
				ind->sales,	    ind->prospecting_minutes,
			};

			cJSON_AddItemToArray(arr, dg_numbers(b, x, COUNT(x)));
		}
	}
	if (d->n_accounts > 0) {
		arr = cJSON_AddArrayToObject(root, "accounts");
		for (size_t i = 0; i < d->n_accounts; i++) {
			const struct review_digest_account *a = &d->accounts[i];
			const int64_t x[] = { a->id, a->planned, a->done };

			cJSON_AddItemToArray(arr, dg_numbers(b, x, COUNT(x)));
		}
	}
}

static void dg_wr_focus(cJSON *root, struct buf *b, const struct review_digest *d)
{
	const int64_t x[COUNT(focus_row)] = { d->days,		 d->days_held,
					      d->halves,	 d->halves_held,
					      d->timer_seconds,	 d->notquota_minutes,
					      d->notquota_done_minutes };

	cJSON_AddItemToObject(root, "focus", dg_numbers(b, x, COUNT(x)));
	if (d->n_interruptions > 0)
		cJSON_AddItemToObject(root, "interruptions",
				      dg_numbers(b, d->interruptions, d->n_interruptions));
}

static void dg_wr_ids(cJSON *root, const char *key, const char (*ids)[MODEL_ID_MAX], size_t n)
{
	cJSON *arr;

	if (n == 0)
		return;
	arr = cJSON_AddArrayToObject(root, key);
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(ids[i]));
}

static void dg_wr_lists(cJSON *root, struct buf *b, const struct review_digest *d)
{
	cJSON *arr;

	if (d->n_sales > 0) {
		arr = cJSON_AddArrayToObject(root, "sales");
		for (size_t i = 0; i < d->n_sales; i++) {
			const int64_t x[] = { d->sales[i].date, d->sales[i].amount };

			cJSON_AddItemToArray(arr, dg_numbers(b, x, COUNT(x)));
		}
	}
	dg_wr_ids(root, "unfinished", (const char (*)[MODEL_ID_MAX])d->unfinished,
		  d->n_unfinished);
	dg_wr_ids(root, "carried_from", (const char (*)[MODEL_ID_MAX])d->carried_from,
		  d->n_carried_from);
}

char *codec_digest_write(const struct review_digest *d, const char *file, size_t *len)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	struct buf b = BUF_INIT;
	char wk[9], *text;

	wr_int(root, "digest", DIGEST_VERSION);
	date_week_format(d->key, wk);
	cJSON_AddStringToObject(root, "week", wk);
	wr_int(root, "slot", d->slot);
	cJSON_AddStringToObject(root, "file", file);
	cJSON_AddItemToObject(root, "total", dg_wr_tally(&b, &d->total));
	arr = cJSON_AddArrayToObject(root, "day");
	for (int i = 0; i < 7; i++)
		cJSON_AddItemToArray(arr, dg_wr_tally(&b, &d->day[i]));
	arr = cJSON_AddArrayToObject(root, "kind");
	for (int i = 0; i < KIND_COUNT; i++)
		cJSON_AddItemToArray(arr, dg_wr_tally(&b, &d->kind[i]));
	dg_wr_rows(root, &b, d);
	dg_wr_focus(root, &b, d);
	dg_wr_lists(root, &b, d);
	buf_free(&b);
	/* cJSON's memory is plain malloc outside rd_parse: free() releases it. */
	text = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	*len = text != NULL ? strlen(text) : 0;
	return text;
}
