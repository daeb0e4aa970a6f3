/* test_store_digest.c - the digest cache (cache/YYYY-Www.json): a digest
 * comes back whole, only while the week file is the one it was made from,
 * for the same slot length and format version; anything damaged, hostile
 * or out of range is not used and never crashes; nothing is written for a
 * read-only store or a week not loaded, no temp file is left; the rest of
 * the store (check, the list of weeks, the change watch, the temp sweep)
 * takes cache/ for what it is. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "codec.h"
#include "date.h"
#include "fsio.h"
#include "starter.h"
#include "store.h"
#include "store_int.h"
#include "test_review_fixture.h"

#define KEY TU_WEEK /* 2026-W49 */
#define SLOT 30
#define LEAF "2026-W49.json"
#define CACHED "cache/" LEAF
#define DG_MONEY_MAX "1999999999998000" /* 2000 sales at MODEL_MONEY_MAX */

struct fixture {
	char *dir;
	struct store *st;
	struct plan *p;
	struct week *w;
};

/* ---- a digest filled by hand: every field its own value ---- */

static void *take(size_t n, size_t size)
{
	void *p = calloc(n, size);

	assert_non_null(p);
	return p;
}

static void fill_tally(struct review_tally *t, int64_t *next)
{
	t->blocks = (int)++*next;
	t->done = (int)++*next;
	t->unfinished = (int)++*next;
	t->dropped = (int)++*next;
	t->minutes = ++*next;
	t->done_minutes = ++*next;
	t->due_minutes = ++*next;
	t->left_minutes = ++*next;
}

static void fill_lists(struct review_digest *d, int64_t *next)
{
	d->n_interruptions = 4;
	d->interruptions = take(4, sizeof *d->interruptions);
	for (size_t i = 0; i < 4; i++)
		d->interruptions[i] = 1796000000 + ++*next;
	d->n_sales = 2;
	d->sales = take(2, sizeof *d->sales);
	d->sales[0] = (struct review_digest_sale){ date_from_ymd(2026, 12, 1), 1 };
	d->sales[1] = (struct review_digest_sale){ date_from_ymd(2026, 12, 3), 999999999999LL };
	d->n_unfinished = 3;
	d->unfinished = take(3, sizeof *d->unfinished);
	strcpy(d->unfinished[0], "2026W49-1");
	strcpy(d->unfinished[1], "2026W49-17");
	strcpy(d->unfinished[2], "A_b-c");
	d->n_carried_from = 2;
	d->carried_from = take(2, sizeof *d->carried_from);
	strcpy(d->carried_from[0], "2026W48-3");
	strcpy(d->carried_from[1], "x2345678901234567890123"); /* the longest */
}

static struct review_digest *make_digest(int key, int slot)
{
	struct review_digest *d = take(1, sizeof *d);
	int64_t next = 0;

	d->key = key;
	d->slot = slot;
	fill_tally(&d->total, &next);
	for (int i = 0; i < 7; i++)
		fill_tally(&d->day[i], &next);
	for (int i = 0; i < KIND_COUNT; i++)
		fill_tally(&d->kind[i], &next);
	d->n_industries = 3;
	d->industries = take(3, sizeof *d->industries);
	for (size_t i = 0; i < 3; i++) {
		struct review_digest_industry *ind = &d->industries[i];

		ind->id = (int)i * 7; /* 0: blocks naming none */
		fill_tally(&ind->t, &next);
		ind->out = (struct outcome){ ++next, ++next, ++next };
		ind->sales = ++next;
		ind->prospecting_minutes = ++next;
	}
	d->industries[2].sales = 1999999999998000LL; /* exact past 2^50 */
	d->n_accounts = 2;
	d->accounts = take(2, sizeof *d->accounts);
	d->accounts[0] = (struct review_digest_account){ 1000000, ++next, ++next };
	d->accounts[1] = (struct review_digest_account){ 0, ++next, ++next };
	d->days = 5;
	d->days_held = 4;
	d->halves = 14;
	d->halves_held = 3;
	d->timer_seconds = (int64_t)1 << 40;
	d->notquota_minutes = ++next;
	d->notquota_done_minutes = ++next;
	fill_lists(d, &next);
	return d;
}

static void assert_rows(const struct review_digest *a, const struct review_digest *b)
{
	assert_int_equal(a->n_industries, b->n_industries);
	for (size_t i = 0; i < a->n_industries; i++) {
		const struct review_digest_industry *x = &a->industries[i], *y = &b->industries[i];

		assert_int_equal(x->id, y->id);
		fx_tally_eq(&x->t, &y->t);
		assert_memory_equal(&x->out, &y->out, sizeof x->out);
		assert_int_equal(x->sales, y->sales);
		assert_int_equal(x->prospecting_minutes, y->prospecting_minutes);
	}
	assert_int_equal(a->n_accounts, b->n_accounts);
	for (size_t i = 0; i < a->n_accounts; i++) {
		assert_int_equal(a->accounts[i].id, b->accounts[i].id);
		assert_int_equal(a->accounts[i].planned, b->accounts[i].planned);
		assert_int_equal(a->accounts[i].done, b->accounts[i].done);
	}
}

static void assert_lists(const struct review_digest *a, const struct review_digest *b)
{
	assert_int_equal(a->n_interruptions, b->n_interruptions);
	for (size_t i = 0; i < a->n_interruptions; i++)
		assert_int_equal(a->interruptions[i], b->interruptions[i]);
	assert_int_equal(a->n_sales, b->n_sales);
	for (size_t i = 0; i < a->n_sales; i++) {
		assert_int_equal(a->sales[i].date, b->sales[i].date);
		assert_int_equal(a->sales[i].amount, b->sales[i].amount);
	}
	assert_int_equal(a->n_unfinished, b->n_unfinished);
	for (size_t i = 0; i < a->n_unfinished; i++)
		assert_string_equal(a->unfinished[i], b->unfinished[i]);
	assert_int_equal(a->n_carried_from, b->n_carried_from);
	for (size_t i = 0; i < a->n_carried_from; i++)
		assert_string_equal(a->carried_from[i], b->carried_from[i]);
}

static void assert_digest(const struct review_digest *a, const struct review_digest *b)
{
	assert_int_equal(a->key, b->key);
	assert_int_equal(a->slot, b->slot);
	fx_tally_eq(&a->total, &b->total);
	for (int i = 0; i < 7; i++)
		fx_tally_eq(&a->day[i], &b->day[i]);
	for (int i = 0; i < KIND_COUNT; i++)
		fx_tally_eq(&a->kind[i], &b->kind[i]);
	assert_rows(a, b);
	assert_int_equal(a->days, b->days);
	assert_int_equal(a->days_held, b->days_held);
	assert_int_equal(a->halves, b->halves);
	assert_int_equal(a->halves_held, b->halves_held);
	assert_int_equal(a->timer_seconds, b->timer_seconds);
	assert_int_equal(a->notquota_minutes, b->notquota_minutes);
	assert_int_equal(a->notquota_done_minutes, b->notquota_done_minutes);
	assert_lists(a, b);
}

/* ---- the folder ---- */

static struct store *open_store(const char *dir)
{
	struct store *st;
	struct error err;

	if (store_open(&st, dir, true, &err) != 0)
		fail_msg("store_open: %s", err.msg);
	return st;
}

/* A plan and week KEY saved (which notes the week's stamp). */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct error err;

	f->dir = tu_tempdir();
	f->st = open_store(f->dir);
	f->p = starter_plan();
	f->w = starter_week(f->p, KEY);
	if (store_save_plan(f->st, f->p, &err) != 0 || store_save_week(f->st, f->w, &err) != 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	week_free(f->w);
	plan_free(f->p);
	store_close(f->st);
	tu_rmtree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

/* The names in dir/sub (NULL when it cannot be listed), "|"-separated, sorted. */
static char *listing(const char *dir, const char *sub)
{
	char path[4096], names[64][256], *out;
	DIR *d;
	struct dirent *de;
	size_t n = 0, len = 0;

	snprintf(path, sizeof path, "%s/%s", dir, sub);
	if ((d = opendir(path)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL && n < 64)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			snprintf(names[n++], sizeof names[0], "%s", de->d_name);
	closedir(d);
	qsort(names, n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
	out = take(n * 257 + 1, 1);
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(out + len, "%s%s", i ? "|" : "", names[i]);
	return out;
}

static void assert_listing(const char *dir, const char *sub, const char *want)
{
	char *got = listing(dir, sub);

	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Saves a digest of KEY, returns the cache file's text. */
static char *save_one(struct fixture *f, size_t *len)
{
	struct review_digest *d = make_digest(KEY, SLOT);
	char *text;

	store_save_digest(f->st, d);
	review_digest_free(d);
	text = tu_read(f->dir, CACHED, len);
	assert_non_null(text);
	return text;
}

/* 0 or 1 from store_load_digest; *out checked against the hand-made one. */
static int load_one(struct store *st, int slot)
{
	struct review_digest *got = (void *)1, *want;
	int rc = store_load_digest(st, KEY, slot, &got);

	if (rc != 0) {
		assert_int_equal(rc, 1);
		assert_null(got);
		return rc;
	}
	want = make_digest(KEY, SLOT);
	assert_digest(got, want);
	review_digest_free(want);
	review_digest_free(got);
	return 0;
}

/* ---- round trips ---- */

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *text = save_one(f, &len);

	assert_int_equal(load_one(f->st, SLOT), 0);
	/* One compact line, numbers as digits, and nothing else in cache/. */
	assert_null(strchr(text, '\n'));
	assert_non_null(strstr(text, "\"digest\":2,\"week\":\"2026-W49\",\"slot\":30,"));
	assert_non_null(strstr(text, "1999999999998000"));
	assert_non_null(strstr(text, "1099511627776"));
	assert_listing(f->dir, "cache", LEAF);
	free(text);
}

static void test_across_a_fresh_open(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *text = save_one(f, &len);
	struct store *st;

	free(text);
	store_close(f->st);
	f->st = st = open_store(f->dir);
	/* Nothing of the week is loaded: the file as it is now decides. */
	assert_int_equal(load_one(st, SLOT), 0);
}

static void test_other_slot_or_week(void **state)
{
	struct fixture *f = *state;
	struct review_digest *d;
	size_t len;

	free(save_one(f, &len));
	assert_int_equal(load_one(f->st, 60), 1);
	assert_int_equal(store_load_digest(f->st, date_week_add(KEY, 1), SLOT, &d), 1);
	assert_null(d);
	assert_int_equal(load_one(f->st, SLOT), 0);
}

/* ---- stale ---- */

static void test_stale_after_save_week(void **state)
{
	struct fixture *f = *state;
	struct error err;
	size_t len;

	free(save_one(f, &len));
	assert_int_equal(store_save_week(f->st, f->w, &err), 0); /* same text, new file */
	assert_int_equal(load_one(f->st, SLOT), 1);
	/* Kept again for the week as saved, it is used again. */
	free(save_one(f, &len));
	assert_int_equal(load_one(f->st, SLOT), 0);
}

static void test_stale_after_touch_or_edit(void **state)
{
	struct fixture *f = *state;
	struct timespec ts[2] = { { 1700000000, 0 }, { 1700000000, 0 } };
	char weeks[4096], *week;
	size_t len, week_len;
	struct week *w;
	struct error err;
	int wfd;

	snprintf(weeks, sizeof weeks, "%s/weeks", f->dir);
	wfd = open(weeks, O_RDONLY | O_DIRECTORY);
	assert_true(wfd >= 0);
	free(save_one(f, &len));
	assert_int_equal(utimensat(wfd, LEAF, ts, 0), 0); /* touched */
	assert_int_equal(load_one(f->st, SLOT), 1);
	/* Loaded again, the week's new stamp is noted: kept again, used again. */
	assert_int_equal(store_load_week(f->st, f->p, KEY, &w, &err), 0);
	week_free(w);
	free(save_one(f, &len));
	assert_int_equal(load_one(f->st, SLOT), 0);
	/* Edited by hand in place (the same inode), a byte shorter. */
	week = tu_read(weeks, LEAF, &week_len);
	assert_non_null(week);
	tu_write(weeks, LEAF, week, week_len - 1);
	assert_int_equal(load_one(f->st, SLOT), 1);
	free(week);
	close(wfd);
}

/* ---- absent weeks ---- */

static void test_absent_week(void **state)
{
	struct fixture *f = *state;
	int key = date_week_add(KEY, 1);
	struct review_digest *d = make_digest(key, SLOT), *got;
	struct week *w;
	struct error err;
	char *text;

	/* Not loaded through this store: nothing kept, not even cache/. */
	store_save_digest(f->st, d);
	assert_listing(f->dir, "cache", NULL);
	assert_int_equal(store_load_week(f->st, f->p, key, &w, &err), 0);
	week_free(w);
	store_save_digest(f->st, d);
	text = tu_read(f->dir, "cache/2026-W50.json", NULL);
	assert_non_null(text);
	assert_non_null(strstr(text, "\"file\":\"absent\""));
	free(text);
	assert_int_equal(store_load_digest(f->st, key, SLOT, &got), 0);
	review_digest_free(got);
	/* The week gets a file: the digest of no file is stale. */
	w = starter_week(f->p, key);
	assert_int_equal(store_save_week(f->st, w, &err), 0);
	week_free(w);
	assert_int_equal(store_load_digest(f->st, key, SLOT, &got), 1);
	review_digest_free(d);
}

/* A folder without weeks/: every week is absent. */
static void test_no_weeks_folder(void **state)
{
	char *dir = tu_tempdir();
	struct store *st = open_store(dir);
	struct plan *p = starter_plan();
	struct review_digest *d = make_digest(KEY, SLOT);
	struct week *w;
	struct error err;

	(void)state;
	assert_int_equal(store_save_plan(st, p, &err), 0);
	assert_int_equal(store_load_week(st, p, KEY, &w, &err), 0);
	assert_listing(dir, "weeks", NULL);
	store_save_digest(st, d);
	assert_int_equal(load_one(st, SLOT), 0);
	assert_int_equal(store_save_week(st, w, &err), 0); /* makes weeks/ */
	assert_int_equal(load_one(st, SLOT), 1);
	week_free(w);
	review_digest_free(d);
	plan_free(p);
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* ---- damaged and hostile files ---- */

/* text with the value of top-level `key` replaced (value NULL: the key
 * removed); malloc'd. */
static const char *value_end(const char *v)
{
	int depth = 0;
	bool str = false;

	for (; *v; v++) {
		if (str) {
			if (*v == '\\')
				v++;
			else if (*v == '"' && (str = false, depth == 0))
				return v + 1;
		} else if (*v == '"') {
			str = true;
		} else if (*v == '[' || *v == '{') {
			depth++;
		} else if (*v == ']' || *v == '}') {
			if (depth-- == 0)
				return v;
			if (depth == 0)
				return v + 1;
		} else if (*v == ',' && depth == 0) {
			return v;
		}
	}
	return v;
}

static char *with_value(const char *text, const char *key, const char *value)
{
	char pat[64], *out;
	const char *at, *v, *end;

	snprintf(pat, sizeof pat, "\"%s\":", key);
	at = strstr(text, pat);
	assert_non_null(at);
	v = at + strlen(pat);
	end = value_end(v);
	out = take(strlen(text) + (value ? strlen(value) : 0) + 1, 1);
	if (value != NULL)
		sprintf(out, "%.*s%s%s", (int)(v - text), text, value, end);
	else /* every key but the first has a comma before it */
		sprintf(out, "%.*s%s", (int)(at - 1 - text), text, end);
	return out;
}

/* "[" row "," row ... "]", n rows. */
static char *rows(const char *row, size_t n)
{
	size_t len = strlen(row) + 1;
	char *out = take(n * len + 3, 1), *p = out;

	*p++ = '[';
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? "," : "", row);
	strcpy(p, "]");
	return out;
}

static int load_text(struct fixture *f, const char *text, size_t len)
{
	struct review_digest *d = (void *)1;
	char cache[4096];
	int rc;

	snprintf(cache, sizeof cache, "%s/cache", f->dir);
	tu_write(cache, LEAF, text, len);
	rc = store_load_digest(f->st, KEY, SLOT, &d);
	if (rc != 0)
		assert_null(d);
	review_digest_free(d);
	return rc;
}

struct change {
	const char *key, *value;
};

#define Q(s) "\"" s "\""
#define ZEROS7 "0 0 0 0 0 0 0"

static const struct change refused[] = {
	{ "digest", "1" }, { "digest", "3" }, { "digest", "0" }, { "digest", Q("2") }, { "digest", "1.5" },
	{ "digest", "1e999" },
	{ "week", Q("2026-W50") }, { "week", Q("2026-W60") }, { "week", "202649" },
	{ "slot", "60" }, { "slot", "-30" }, { "slot", "30.5" }, { "slot", "[30]" },
	{ "slot", "30,\"slot\":30" }, { "slot", "30,\"extra\":1" }, { "slot", NULL },
	{ "file", Q("absent") }, { "file", Q("") }, { "file", "7" }, { "file", "null" },
	/* a row of numbers: digits, one space apart, as many as it holds */
	{ "total", Q("1 2 3") }, { "total", Q(ZEROS7 " 0 0") }, { "total", Q(ZEROS7) },
	{ "total", Q("") }, { "total", Q(ZEROS7 "  0") }, { "total", Q(" " ZEROS7 " 0") },
	{ "total", Q(ZEROS7 " 0 ") }, { "total", Q(ZEROS7 "\\t0") }, { "total", Q(ZEROS7 " x") },
	{ "total", Q(ZEROS7 " 01") }, { "total", Q(ZEROS7 " +1") }, { "total", Q(ZEROS7 " -1") },
	{ "total", Q(ZEROS7 " -0") }, { "total", Q(ZEROS7 " 0.5") }, { "total", Q(ZEROS7 " 1e3") },
	{ "total", Q(ZEROS7 " 99999999999999999999") },
	{ "total", Q(ZEROS7 " 18446744073709551617") },
	{ "total", Q("2001 0 0 0 0 0 0 0") }, { "total", Q("0 0 0 0 2880001 0 0 0") },
	{ "total", "[0,0,0,0,0,0,0,0]" }, { "total", "0" }, { "total", "null" }, { "total", NULL },
	{ "day", "[]" }, { "day", "[" Q(ZEROS7 " 0") "]" }, { "day", Q(ZEROS7 " 0") },
	{ "day", "[0,0,0,0,0,0,0]" },
	{ "kind", "[" Q(ZEROS7 " 0") "]" }, { "kind", "[[],[],[],[],[]]" },
	{ "industries", "[" Q("1000001 " ZEROS7 " 0 0 0 0 0 0") "]" },
	{ "industries", "[" Q("-1 " ZEROS7 " 0 0 0 0 0 0") "]" },
	{ "industries", "[" Q(ZEROS7 " 0 0 2000000001 0 0 0 0") "]" },
	{ "industries", "[" Q(ZEROS7 " 0 0 0 0 2000000001 0 0") "]" },
	{ "industries", "[" Q(ZEROS7 " 0 0 0 0 0 1999999999998001 0") "]" },
	{ "industries", "[" Q(ZEROS7 " 0 0 0 0 0 0 2880001") "]" },
	{ "industries", "[" Q(ZEROS7 " 0 0 0 0 0 0") "]" },
	{ "industries", "[" Q(ZEROS7 " " ZEROS7 " 0") "]" },
	{ "industries", "[7]" }, { "industries", "{}" }, { "industries", Q("0") },
	{ "accounts", "[" Q("1 2880001 0") "]" }, { "accounts", "[" Q("1 0") "]" },
	{ "accounts", "[" Q("1000001 0 0") "]" }, { "accounts", "[" Q("1 0 9007199254740993") "]" },
	{ "accounts", "[[1,0,0]]" },
	{ "focus", Q("8 0 0 0 0 0 0") }, { "focus", Q("0 0 15 0 0 0 0") },
	{ "focus", Q("0 0 0 0 1099511627777 0 0") }, { "focus", Q("0 0 0 0 0 0") },
	{ "focus", Q("0 0 0 0 0 0 2880001") }, { "focus", "[0,0,0,0,0,0,0]" }, { "focus", NULL },
	{ "interruptions", Q("-1") }, { "interruptions", Q("253402300800") },
	{ "interruptions", Q("") }, { "interruptions", Q("1  2") }, { "interruptions", Q("1 ") },
	{ "interruptions", Q(" 1") }, { "interruptions", Q("1,2") }, { "interruptions", "[1]" },
	{ "interruptions", "7" },
	{ "sales", "[" Q("20788 0") "]" }, { "sales", "[" Q("20788 1000000000000") "]" },
	{ "sales", "[" Q("20788") "]" }, { "sales", "[" Q("2026-12-01 1") "]" },
	{ "sales", "[" Q("-0 1") "]" }, { "sales", "[[20788,1]]" },
	{ "unfinished", "[\"\"]" }, { "unfinished", "[\"a b\"]" },
	{ "unfinished", "[\"123456789012345678901234\"]" }, { "unfinished", "[7]" },
	{ "unfinished", "[\"x\\u0000y\"]" }, { "unfinished", "[\"\\u00e9\"]" },
	{ "unfinished", "[\"\xc3\xa9\"]" }, { "unfinished", "[\"a\\u001b[2J\"]" },
	{ "unfinished", "\"x\"" }, { "carried_from", "[\"../etc\"]" },
	{ "carried_from", "[null]" },
};

/* At the edges of the ranges: taken. */
static const struct change taken[] = {
	{ "total", Q("2000 2000 2000 2000 2880000 2880000 2880000 2880000") },
	{ "industries", "[" Q("1000000 " ZEROS7 " 0 2000000000 2000000000 2000000000 "
			      DG_MONEY_MAX " 2880000") "]" },
	{ "industries", "[]" }, { "industries", NULL },
	{ "accounts", "[" Q("1000000 2880000 2880000") "]" },
	{ "focus", Q("7 7 14 14 1099511627776 2880000 2880000") },
	{ "interruptions", Q("0 253402300799") }, { "interruptions", Q("0") },
	{ "interruptions", NULL },
	{ "unfinished", "[\"12345678901234567890123\"]" },
};

static void test_damaged_and_hostile(void **state)
{
	struct fixture *f = *state;
	size_t len;
	char *text = save_one(f, &len);

	/* The file as written, written again by hand: taken (so every refusal
	 * below is the change's doing). */
	assert_int_equal(load_text(f, text, len), 0);
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		char *bad = with_value(text, refused[i].key, refused[i].value);

		if (load_text(f, bad, strlen(bad)) != 1)
			fail_msg("taken: %s", bad);
		free(bad);
	}
	for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++) {
		char *good = with_value(text, taken[i].key, taken[i].value);

		if (load_text(f, good, strlen(good)) != 0)
			fail_msg("refused: %s", good);
		free(good);
	}
	for (size_t cut = 0; cut < len; cut++)
		assert_int_equal(load_text(f, text, cut), 1);
	free(text);
}

static void test_not_json(void **state)
{
	static const char *const texts[] = {
		"", "{}", "[]", "null", "{\"digest\":1}", "not json", "{\"Digest\":1}",
		"{\"digest\":1,\"digest\":1}", "\xef\xbb\xbf{}",
	};
	struct fixture *f = *state;
	size_t len;

	free(save_one(f, &len));
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		assert_int_equal(load_text(f, texts[i], strlen(texts[i])), 1);
}

/* Dates as the week reader takes them: years 1900..9999. */
static void test_sale_dates(void **state)
{
	struct fixture *f = *state;
	char value[128], *changed;
	size_t len;
	char *text = save_one(f, &len);
	const int lo = date_from_ymd(1900, 1, 1), hi = date_from_ymd(9999, 12, 31);
	const int cases[][2] = { { lo, 0 }, { hi, 0 }, { lo - 1, 1 }, { hi + 1, 1 } };

	for (size_t i = 0; i < 4; i++) {
		snprintf(value, sizeof value, "[\"%d 999999999999\"]", cases[i][0]);
		changed = with_value(text, "sales", value);
		assert_int_equal(load_text(f, changed, strlen(changed)), cases[i][1]);
		free(changed);
	}
	free(text);
}

/* Lists as long as one week can make them, and one more; the file's size. */
static void test_long_lists(void **state)
{
	static const struct {
		const char *key, *row;
		size_t most;
	} lists[] = {
		{ "industries", Q(ZEROS7 " " ZEROS7), 4001 },
		{ "accounts", Q("0 0 0"), 4001 },
		{ "sales", Q("20788 1"), 2000 },
		{ "unfinished", Q("a"), 2000 },
		{ "carried_from", Q("a"), 2000 },
		{ "day", Q(ZEROS7 " 0"), 7 },
		{ "kind", Q(ZEROS7 " 0"), KIND_COUNT },
	};
	struct fixture *f = *state;
	size_t len;
	char *text = save_one(f, &len), *big;

	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		for (size_t extra = 0; extra < 2; extra++) {
			char *value = rows(lists[i].row, lists[i].most + extra);
			char *changed = with_value(text, lists[i].key, value);

			assert_int_equal(load_text(f, changed, strlen(changed)), (int)extra);
			free(changed);
			free(value);
		}
	}
	/* Up to 1 MiB (here of trailing blanks) is read; a byte more is not. */
	big = take(2u << 20, 1);
	memcpy(big, text, len);
	memset(big + len, ' ', (1u << 20) - len + 1);
	assert_int_equal(load_text(f, big, 1u << 20), 0);
	assert_int_equal(load_text(f, big, (1u << 20) + 1), 1);
	free(big);
	free(text);
}

/* 2^19 interruptions at most (more than a week file of 4 MiB can hold):
 * past the store's 1 MiB, so the reader is asked directly. */
static void test_interruptions_most(void **state)
{
	struct fixture *f = *state;
	size_t len, most = (size_t)1 << 19;
	char *text = save_one(f, &len), *list = take(2 * most + 8, 1), file[CODEC_DIGEST_FILE_MAX];
	struct error err;

	list[0] = '"';
	for (size_t extra = 0; extra < 2; extra++) {
		struct review_digest *d = NULL;
		size_t n = most + extra;
		char *changed;

		for (size_t i = 0; i < n; i++)
			memcpy(list + 1 + 2 * i, i + 1 < n ? "0 " : "0\"", 3);
		changed = with_value(text, "interruptions", list);
		assert_int_equal(codec_digest_read(changed, strlen(changed), "x", KEY, SLOT, &d, file,
						   &err),
				 extra ? -1 : 0);
		if (extra)
			assert_non_null(strstr(err.msg, "at most 524288"));
		else
			assert_int_equal(d->n_interruptions, most);
		review_digest_free(d);
		free(changed);
	}
	free(list);
	free(text);
}

/* ---- links, read-only, failures ---- */

/* Loads week KEY through st (noting its stamp) and keeps a digest of it. */
static void load_and_save(struct fixture *f)
{
	struct review_digest *d = make_digest(KEY, SLOT);
	struct week *w;
	struct error err;

	assert_int_equal(store_load_week(f->st, f->p, KEY, &w, &err), 0);
	week_free(w);
	store_save_digest(f->st, d);
	review_digest_free(d);
}

static void test_symlinked_file(void **state)
{
	struct fixture *f = *state;
	char cache[4096], *copy;
	size_t len;
	char *text = save_one(f, &len);

	snprintf(cache, sizeof cache, "%s/cache", f->dir);
	tu_write(cache, "copy.json", text, len);
	assert_int_equal(chdir(cache), 0);
	assert_int_equal(unlink(LEAF), 0);
	assert_int_equal(symlink("copy.json", LEAF), 0);
	assert_int_equal(load_one(f->st, SLOT), 1);
	/* A save replaces the link, and never writes through it. */
	assert_int_equal(chmod("copy.json", 0400), 0);
	load_and_save(f);
	assert_int_equal(load_one(f->st, SLOT), 0);
	copy = tu_read(cache, "copy.json", NULL);
	assert_string_equal(copy, text);
	free(copy);
	free(text);
	assert_int_equal(chdir("/"), 0);
}

/* cache/ a link to a folder, or a plain file: never used, never written. */
static void test_cache_folder_not_a_folder(void **state)
{
	struct fixture *f = *state;
	size_t len;

	free(save_one(f, &len));
	store_close(f->st);
	assert_int_equal(chdir(f->dir), 0);
	assert_int_equal(rename("cache", "elsewhere"), 0);
	assert_int_equal(symlink("elsewhere", "cache"), 0);
	f->st = open_store(f->dir);
	assert_int_equal(load_one(f->st, SLOT), 1);
	assert_int_equal(unlink("elsewhere/" LEAF), 0);
	load_and_save(f);
	assert_listing(f->dir, "elsewhere", "");
	store_close(f->st);
	assert_int_equal(unlink("cache"), 0);
	tu_write(f->dir, "cache", "x", 1);
	f->st = open_store(f->dir);
	load_and_save(f);
	assert_int_equal(load_one(f->st, SLOT), 1);
	assert_int_equal(chdir("/"), 0);
}

static void test_readonly_writes_nothing(void **state)
{
	struct fixture *f = *state;

	store_set_readonly(f->st, "for the test");
	load_and_save(f);
	assert_listing(f->dir, "cache", NULL);
}

/* Each step of the quick write failing in turn: nothing kept, no temp. */
static const char *fail_step;

static int fault(const char *step)
{
	if (fail_step == NULL || strcmp(fail_step, step) != 0)
		return 0;
	errno = EIO;
	return 1;
}

static int f_openat(int dirfd, const char *name, int flags, mode_t mode)
{
	return fault("openat") ? -1 : openat(dirfd, name, flags, mode);
}

static ssize_t f_write(int fd, const void *buf, size_t n)
{
	static bool half;

	if (!fault("write"))
		return write(fd, buf, n);
	/* The disk fills up: half of it written, then ENOSPC. */
	if ((half = !half))
		return write(fd, buf, n / 2 > 0 ? n / 2 : 1);
	errno = ENOSPC;
	return -1;
}

static int f_close(int fd)
{
	int rc = close(fd);

	return fault("close") ? -1 : rc;
}

static int f_fchmod(int fd, mode_t mode)
{
	return fault("fchmod") ? -1 : fchmod(fd, mode);
}

static int f_renameat(int a, const char *old, int b, const char *new_)
{
	return fault("renameat") ? -1 : renameat(a, old, b, new_);
}

static const struct sysio faulty = {
	.openat = f_openat, .write = f_write, .fsync = fsync, .close = f_close,
	.linkat = linkat, .renameat = f_renameat, .unlinkat = unlinkat, .fchmod = f_fchmod,
};

static void test_failed_write_leaves_nothing(void **state)
{
	static const char *const steps[] = { "openat", "fchmod", "write", "close", "renameat" };
	struct fixture *f = *state;

	store_set_io(f->st, &faulty);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		fail_step = steps[i];
		load_and_save(f);
		assert_listing(f->dir, "cache", "");
		assert_int_equal(load_one(f->st, SLOT), 1);
	}
	fail_step = NULL;
	load_and_save(f);
	assert_listing(f->dir, "cache", LEAF);
	assert_int_equal(load_one(f->st, SLOT), 0);
}

/* Folders 0700 and files 0600, as everywhere in the data folder. */
static void test_modes_whatever_the_umask(void **state)
{
	struct fixture *f = *state;
	mode_t old = umask(0277);
	char path[4096];
	struct stat sb;

	load_and_save(f);
	umask(old);
	snprintf(path, sizeof path, "%s/cache", f->dir);
	assert_int_equal(lstat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0700);
	snprintf(path, sizeof path, "%s/" CACHED, f->dir);
	assert_int_equal(lstat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
}

/* ---- the rest of the store ---- */

/* A writer died holding the lock: its temp files in cache/ go too. */
static void test_dead_writer_temps_swept(void **state)
{
	struct fixture *f = *state;
	char cache[4096];
	size_t len;

	free(save_one(f, &len));
	store_close(f->st);
	snprintf(cache, sizeof cache, "%s/cache", f->dir);
	tu_write(cache, "." LEAF ".tmp-999999-0", "{", 1); /* pid 999999 does not exist */
	tu_write(f->dir, ".lock", "999999\n", 7);
	f->st = open_store(f->dir);
	assert_listing(f->dir, "cache", LEAF);
	assert_int_equal(load_one(f->st, SLOT), 0);
}

static void count_report(const char *msg, void *ctx)
{
	print_message("reported: %s\n", msg);
	(*(int *)ctx)++;
}

/* `focusweek check` and the list of weeks see no week in cache/. */
static void test_check_and_list_skip_cache(void **state)
{
	struct fixture *f = *state;
	char cache[4096];
	int reported = 0, *keys;
	size_t len, n;
	struct error err;

	free(save_one(f, &len));
	snprintf(cache, sizeof cache, "%s/cache", f->dir);
	tu_write(cache, "2026-W01.json", "junk", 4);
	tu_write(cache, "junk", "{", 1);
	assert_int_equal(store_check_all(f->st, count_report, &reported), 0);
	assert_int_equal(reported, 0);
	assert_int_equal(store_list_weeks(f->st, &keys, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(keys[0], KEY);
	free(keys);
}

static bool watch_ready(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) == 1;
}

/* A running planner watches the folder and weeks/ and compares stamps: a
 * digest written is not a change of the week, and once cache/ exists it
 * does not even wake it. */
static void test_watch_not_woken(void **state)
{
	struct fixture *f = *state;
	int fd = store_watch_fd(f->st);
	size_t len;

	struct error err;

	assert_true(fd >= 0);
	load_and_save(f);
	assert_true(watch_ready(fd)); /* cache/ was made: one wake, */
	store_watch_drain(f->st);
	/* and the planner, comparing stamps, finds nothing changed. */
	assert_false(store_week_changed(f->st, KEY));
	assert_false(store_plan_changed(f->st));
	assert_false(store_timer_changed(f->st));
	assert_false(watch_ready(fd));
	free(save_one(f, &len));
	assert_false(watch_ready(fd));
	assert_false(store_week_changed(f->st, KEY));
	/* While a week saved does wake it. */
	assert_int_equal(store_save_week(f->st, f->w, &err), 0);
	assert_true(watch_ready(fd));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_across_a_fresh_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_slot_or_week, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_after_save_week, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_after_touch_or_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_absent_week, setup, teardown),
		cmocka_unit_test(test_no_weeks_folder),
		cmocka_unit_test_setup_teardown(test_damaged_and_hostile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sale_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interruptions_most, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlinked_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_folder_not_a_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_write_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_modes_whatever_the_umask, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dead_writer_temps_swept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_and_list_skip_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_watch_not_woken, setup, teardown),
	};

	tu_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
