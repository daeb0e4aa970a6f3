/* test_loader.c - the loader against damaged and hostile files.
 *
 * tests/data/hostile/{plan,week,timer,journal}/ hold the committed corpus and
 * MANIFEST its expected outcomes, one line each:
 *
 *   KIND/FILE <TAB> CODE <TAB> TEXT
 *
 * CODE is DATA (refused: err.code is ERR_DATA and the message holds TEXT),
 * OK (loads), or READONLY (loads, and the folder becomes read-only because
 * the file is from a newer focusweek; TEXT is in the reason).  Each file is
 * put in a fresh data folder (with good/plan.json beside a week or timer)
 * and loaded through the store API exactly as the program does; `check`'s
 * walk must report the same.  Nothing may be written: the folder is the same
 * byte for byte afterwards (a damaged journal is only set aside, as
 * journal.damaged).  More cases are made here: the good files truncated at
 * every offset and zero-filled, files over the size limits, 100,000 blocks.
 *
 * FOCUSWEEK_HOSTILE_PRINT=1 prints each corpus file's outcome instead of
 * checking it: the way to see what a new file gets before writing its line.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "codec.h"
#include "starter.h"
#include "store.h"
#include "testutil.h"

#define KEY 202649 /* the week every week file is for: 2026-W49 */

static char hostile[PATH_MAX];
static int n_corpus, n_generated;

/* ---------------------------------------------------------------- files */

/* snprintf that fails the test instead of cutting a path short. */
static void pathf(char *out, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void pathf(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size)
		fail_msg("a path or name is too long: %s", fmt);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;

	if (f == NULL)
		fail_msg("cannot read %s: %s", path, strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return p;
}

static char *good(const char *kind, size_t *len)
{
	char path[PATH_MAX];

	pathf(path, sizeof path, "%s/good/%s.json", hostile, kind);
	return slurp(path, len);
}

static const char *rel_of(const char *kind)
{
	if (strcmp(kind, "plan") == 0)
		return "plan.json";
	if (strcmp(kind, "week") == 0)
		return "weeks/2026-W49.json";
	if (strcmp(kind, "timer") == 0)
		return "timer.json";
	return "journal";
}

/* A fresh folder: the good plan and week, then data at the kind's path. */
static char *prepare(const char *kind, const char *data, size_t len)
{
	char *dir = tu_tempdir(), *g, path[PATH_MAX];
	size_t glen;

	pathf(path, sizeof path, "%s/weeks", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	g = good("plan", &glen);
	tu_write(dir, "plan.json", g, glen);
	free(g);
	if (strcmp(kind, "journal") == 0) {
		g = good("week", &glen);
		tu_write(dir, "weeks/2026-W49.json", g, glen);
		free(g);
	}
	tu_write(dir, rel_of(kind), data, len);
	return dir;
}

/* ---------------------------------------------------------------- fingerprint */

static char *take(struct buf *b)
{
	char *p = buf_take(b);

	return p != NULL ? p : strdup("");
}

struct entry {
	char name[96];
	char *text; /* "name mode size" and the contents */
};

static void fp_add(struct entry **e, size_t *n, const char *dir, const char *rel)
{
	char path[PATH_MAX];
	struct stat sb;
	struct buf b = BUF_INIT;

	pathf(path, sizeof path, "%s/%s", dir, rel);
	assert_int_equal(lstat(path, &sb), 0);
	buf_addf(&b, "%s %o %lld\n", rel, (unsigned)sb.st_mode, (long long)sb.st_size);
	if (S_ISREG(sb.st_mode)) {
		size_t len;
		char *data = slurp(path, &len);

		buf_add(&b, data, len);
		free(data);
	}
	*e = realloc(*e, (*n + 1) * sizeof **e);
	assert_non_null(*e);
	pathf((*e)[*n].name, sizeof (*e)[0].name, "%s", rel);
	(*e)[(*n)++].text = take(&b);
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* Every name, mode, size and content in dir and dir/weeks, sorted; names in
 * `skip` (space-separated, with spaces around) are left out. */
static char *fingerprint(const char *dir, const char *skip)
{
	static const char *const subs[] = { "", "weeks/" };
	struct entry *e = NULL;
	size_t n = 0;
	struct buf out = BUF_INIT;

	for (size_t s = 0; s < 2; s++) {
		char path[PATH_MAX], rel[200], key[210];
		DIR *d;
		struct dirent *de;

		pathf(path, sizeof path, "%s/%s", dir, subs[s]);
		if ((d = opendir(path)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			pathf(rel, sizeof rel, "%s%s", subs[s], de->d_name);
			pathf(key, sizeof key, " %s ", rel);
			if (strcmp(rel, "weeks") == 0 || (skip != NULL && strstr(skip, key) != NULL))
				continue;
			fp_add(&e, &n, dir, rel);
		}
		closedir(d);
	}
	qsort(e, n, sizeof *e, entry_cmp);
	for (size_t i = 0; i < n; i++) {
		buf_adds(&out, e[i].text);
		free(e[i].text);
	}
	free(e);
	return take(&out);
}

/* ---------------------------------------------------------------- loading */

enum expect_kind { OUT_DATA, OUT_OK, OUT_READONLY };

struct result {
	int rc;
	struct error err;
	bool readonly;
	char why[300];
};

/* Loads the kind's file from dir the way the program does. */
static void load(const char *dir, const char *kind, struct result *r)
{
	struct store *st = NULL;
	struct plan *p = NULL;
	struct week *w = NULL;
	struct timer_state t;
	const char *why = "";
	bool present;

	memset(r, 0, sizeof *r);
	r->rc = store_open(&st, dir, false, &r->err);
	if (r->rc != 0) {
		assert_null(st);
		return;
	}
	if (strcmp(kind, "plan") == 0) {
		r->rc = store_load_plan(st, &p, &r->err);
	} else if (strcmp(kind, "week") == 0) {
		if (store_load_plan(st, &p, &r->err) != 0)
			fail_msg("good/plan.json does not load: %s", r->err.msg);
		r->rc = store_load_week(st, p, KEY, &w, &r->err);
	} else if (strcmp(kind, "timer") == 0) {
		r->rc = store_load_timer(st, &t, &present, &r->err);
		if (r->rc == 0) {
			assert_true(present);
			timer_state_clear(&t);
		}
	}
	r->readonly = store_readonly(st, &why);
	snprintf(r->why, sizeof r->why, "%s", why);
	if (r->rc == 0)
		assert_int_equal(r->err.code, ERR_NONE);
	week_free(w);
	plan_free(p);
	store_close(st);
}

struct report {
	char all[4096];
	int n;
};

static void collect(const char *msg, void *ctx)
{
	struct report *rep = ctx;
	size_t used = strlen(rep->all);

	snprintf(rep->all + used, sizeof rep->all - used, "%s\n", msg);
	rep->n++;
}

/* What `focusweek check` would say about the folder. */
static void check_all(const char *dir, struct report *rep)
{
	struct store *st;
	struct error err = { 0 };

	memset(rep, 0, sizeof *rep);
	if (store_open(&st, dir, false, &err) != 0) {
		collect(err.msg, rep);
		return;
	}
	store_check_all(st, collect, rep);
	store_close(st);
}

/* The whole check of one case: name for messages, bytes, what to expect. */
static void expect(const char *kind, const char *name, const char *data, size_t len,
		   enum expect_kind want, const char *text)
{
	char *dir = prepare(kind, data, len);
	bool journal = strcmp(kind, "journal") == 0;
	char *before = fingerprint(dir, journal ? " journal journal.damaged .lock " : NULL), *after;
	struct result r;
	struct report rep;

	load(dir, kind, &r);
	switch (want) {
	case OUT_DATA:
		if (r.rc == 0)
			fail_msg("%s/%s: accepted; expected: %s", kind, name, text);
		if (r.err.code != ERR_DATA)
			fail_msg("%s/%s: error code %d, not ERR_DATA: %s", kind, name, r.err.code,
				 r.err.msg);
		if (strstr(r.err.msg, text) == NULL)
			fail_msg("%s/%s: message \"%s\" lacks \"%s\"", kind, name, r.err.msg, text);
		if (strstr(r.err.msg, dir) == NULL)
			fail_msg("%s/%s: message does not name the file: %s", kind, name, r.err.msg);
		break;
	case OUT_OK:
	case OUT_READONLY:
		if (r.rc != 0)
			fail_msg("%s/%s: refused: %s", kind, name, r.err.msg);
		if (r.readonly != (want == OUT_READONLY))
			fail_msg("%s/%s: read-only is %d", kind, name, r.readonly);
		if (want == OUT_READONLY && strstr(r.why, text) == NULL)
			fail_msg("%s/%s: read-only reason \"%s\" lacks \"%s\"", kind, name, r.why, text);
		break;
	}
	after = fingerprint(dir, journal ? " journal journal.damaged .lock " : NULL);
	if (strcmp(before, after) != 0)
		fail_msg("%s/%s: loading it wrote to the folder", kind, name);
	if (journal) {
		/* Set aside whole, never applied; the next start is clean. */
		size_t dlen;
		char path[PATH_MAX], *kept;

		pathf(path, sizeof path, "%s/journal.damaged", dir);
		kept = slurp(path, &dlen);
		assert_true(dlen == len && memcmp(kept, data, len) == 0);
		free(kept);
		assert_false(tu_exists(dir, "journal"));
	}
	check_all(dir, &rep);
	if (want == OUT_DATA && !journal && strstr(rep.all, text) == NULL)
		fail_msg("%s/%s: check says \"%s\", not \"%s\"", kind, name, rep.all, text);
	if (want != OUT_DATA && rep.n != 0)
		fail_msg("%s/%s: check complains: %s", kind, name, rep.all);
	free(before);
	free(after);
	tu_rmtree(dir);
	free(dir);
}

/* ---------------------------------------------------------------- corpus */

struct row {
	char kind[16], file[128];
	enum expect_kind want;
	char text[400];
};

static struct row *read_manifest(size_t *n)
{
	char path[PATH_MAX], *text, *line, *save = NULL;
	size_t len, cap = 0;
	struct row *rows = NULL;

	pathf(path, sizeof path, "%s/MANIFEST", hostile);
	text = slurp(path, &len);
	*n = 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f1, *f2, *slash = NULL;
		struct row r = { 0 };

		if (line[0] == '#' || line[0] == '\0')
			continue;
		f1 = strchr(line, '\t');
		f2 = f1 ? strchr(f1 + 1, '\t') : NULL;
		if (f1 == NULL || f2 == NULL || (slash = strchr(line, '/')) == NULL || slash > f1)
			fail_msg("MANIFEST: bad line: %s", line);
		*f1 = *f2 = *slash = '\0';
		snprintf(r.kind, sizeof r.kind, "%s", line);
		snprintf(r.file, sizeof r.file, "%s", slash + 1);
		snprintf(r.text, sizeof r.text, "%s", f2 + 1);
		if (strcmp(f1 + 1, "DATA") == 0)
			r.want = OUT_DATA;
		else if (strcmp(f1 + 1, "OK") == 0)
			r.want = OUT_OK;
		else if (strcmp(f1 + 1, "READONLY") == 0)
			r.want = OUT_READONLY;
		else
			fail_msg("MANIFEST: unknown outcome %s", f1 + 1);
		if (cap <= *n) {
			cap = cap ? cap * 2 : 64;
			rows = realloc(rows, cap * sizeof *rows);
			assert_non_null(rows);
		}
		rows[(*n)++] = r;
	}
	free(text);
	return rows;
}

static bool in_manifest(const struct row *rows, size_t n, const char *kind, const char *file)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].kind, kind) == 0 && strcmp(rows[i].file, file) == 0)
			return true;
	return false;
}

/* Prints what each corpus file gets (FOCUSWEEK_HOSTILE_PRINT=1). */
static void print_corpus(void)
{
	static const char *const kinds[] = { "plan", "week", "timer", "journal" };

	for (size_t k = 0; k < 4; k++) {
		char path[PATH_MAX];
		DIR *d;
		struct dirent *de;

		pathf(path, sizeof path, "%s/%s", hostile, kinds[k]);
		if ((d = opendir(path)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			char file[PATH_MAX], *data, *dir;
			size_t len;
			struct result r;

			if (de->d_name[0] == '.')
				continue;
			pathf(file, sizeof file, "%s/%s", path, de->d_name);
			data = slurp(file, &len);
			dir = prepare(kinds[k], data, len);
			load(dir, kinds[k], &r);
			printf("%s/%s\t%s\t%s\n", kinds[k], de->d_name,
			       r.rc ? "DATA" : r.readonly ? "READONLY" : "OK",
			       r.rc ? r.err.msg : r.why);
			tu_rmtree(dir);
			free(dir);
			free(data);
		}
		closedir(d);
	}
}

static void test_corpus(void **state)
{
	static const char *const kinds[] = { "plan", "week", "timer", "journal" };
	size_t n;
	struct row *rows = read_manifest(&n);

	(void)state;
	assert_true(n >= 100);
	for (size_t i = 0; i < n; i++) {
		char path[PATH_MAX], *data;
		size_t len;

		pathf(path, sizeof path, "%s/%s/%s", hostile, rows[i].kind, rows[i].file);
		data = slurp(path, &len);
		expect(rows[i].kind, rows[i].file, data, len, rows[i].want, rows[i].text);
		free(data);
		n_corpus++;
	}
	/* Every file of the corpus has its line. */
	for (size_t k = 0; k < 4; k++) {
		char path[PATH_MAX];
		DIR *d;
		struct dirent *de;

		pathf(path, sizeof path, "%s/%s", hostile, kinds[k]);
		assert_non_null(d = opendir(path));
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.' && !in_manifest(rows, n, kinds[k], de->d_name))
				fail_msg("%s/%s has no line in MANIFEST", kinds[k], de->d_name);
		closedir(d);
	}
	free(rows);
}

/* ---------------------------------------------------------------- generated */

/* Only trailing whitespace cut: still the whole file. */
static bool only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

static void test_truncated_everywhere(void **state)
{
	static const char *const kinds[] = { "plan", "week", "timer" };

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		size_t len;
		char *g = good(kinds[k], &len), name[64];

		expect(kinds[k], "good", g, len, OUT_OK, "");
		for (size_t cut = 0; cut < len; cut++) {
			pathf(name, sizeof name, "good cut to %zu bytes", cut);
			if (only_space(g + cut, len - cut))
				expect(kinds[k], name, g, cut, OUT_OK, "");
			else
				expect(kinds[k], name, g, cut, OUT_DATA, cut ? ":" : "is empty");
			n_generated++;
		}
		memset(g, 0, len);
		expect(kinds[k], "zero-filled", g, len, OUT_DATA, ":1:1: a NUL byte");
		n_generated++;
		free(g);
	}
}

/* A week of n compact blocks on a 30-minute grid, all days and hours. */
static char *many_blocks(long n, size_t *len)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "{\"schema\":1,\"week\":\"2026-W49\",\"focus\":\"day\",\"midday\":\"12:00\","
		     "\"next_seq\":1,\"blocks\":[");
	for (long i = 0; i < n; i++) {
		long slot = i % 20, day = (i / 20) % 5;

		buf_addf(&b, "%s{\"id\":\"2026W49-%ld\",\"date\":\"2026-1%s\",\"start\":\"%02ld:%02ld\","
			 "\"end\":\"%02ld:%02ld\",\"kind\":\"admin\",\"title\":\"b\",\"quota\":true,"
			 "\"status\":\"planned\"}", i ? "," : "", i + 1,
			 (const char *[]){ "1-30", "2-01", "2-02", "2-03", "2-04" }[day],
			 8 + slot / 2, slot % 2 * 30, 8 + (slot + 1) / 2, (slot + 1) % 2 * 30);
	}
	buf_adds(&b, "]}\n");
	*len = b.len;
	return take(&b);
}

static void test_limits(void **state)
{
	struct buf b = BUF_INIT;
	size_t len;
	char *text, *g;
	struct plan *p = starter_plan();
	struct week *w = NULL;
	struct error err = { 0 };
	bool newer;
	clock_t t0;

	(void)state;
	/* 100,000 blocks: over the size limit for the store... */
	text = many_blocks(100000, &len);
	assert_true(len > 4u << 20);
	expect("week", "100,000 blocks", text, len, OUT_DATA,
		   "bytes; the limit is 4194304");
	/* ...and over the count limit for the codec, refused before the work. */
	t0 = clock();
	assert_int_equal(codec_week_read(text, len, "w.json", p, KEY, &w, &newer, &err), -1);
	assert_null(w);
	assert_int_equal(err.code, ERR_DATA);
	assert_non_null(strstr(err.msg, "w.json: blocks: holds 100000 blocks; a week holds at most 2000"));
	assert_true(clock() - t0 < 10 * CLOCKS_PER_SEC); /* not a hang */
	free(text);
	/* 2,000 blocks fill the week's 100 slots 20 times over: overlaps. */
	text = many_blocks(2000, &len);
	expect("week", "2,000 blocks", text, len, OUT_DATA, "blocks[0] and blocks[1000] overlap");
	free(text);
	text = many_blocks(100, &len);
	expect("week", "100 blocks, every slot", text, len, OUT_OK, "");
	free(text);
	text = many_blocks(2001, &len);
	expect("week", "2,001 blocks", text, len, OUT_DATA, "holds 2001 blocks; a week holds at most 2000");
	free(text);
	/* Every file over its size limit, made of nothing but spaces. */
	buf_addc(&b, '{');
	while (b.len < (4u << 20) + 1)
		buf_adds(&b, "                                ");
	buf_addc(&b, '}');
	expect("plan", "over 1 MiB", b.data, (1u << 20) + 1, OUT_DATA,
		   "is 1048577 bytes; the limit is 1048576");
	expect("timer", "over 256 KiB", b.data, (256u << 10) + 1, OUT_DATA,
		   "is 262145 bytes; the limit is 262144");
	expect("week", "over 4 MiB", b.data, (4u << 20) + 1, OUT_DATA,
		   "is 4194305 bytes; the limit is 4194304");
	buf_free(&b);
	/* 1,001 interruptions of a timer. */
	g = good("timer", &len);
	buf_add(&b, g, (size_t)(strstr(g, "\"interruptions\"") - g));
	buf_adds(&b, "\"interruptions\": [");
	for (int i = 0; i < 1001; i++)
		buf_addf(&b, "%s{\"at\": %d}", i ? "," : "", 1764495000 + i);
	buf_adds(&b, "]}\n");
	expect("timer", "1,001 interruptions", b.data, b.len, OUT_DATA,
		   "interruptions: more than 1000 entries");
	buf_free(&b);
	free(g);
	/* 1,001 levels of nesting (cJSON's own limit is 1,000). */
	buf_adds(&b, "{\"schema\":1,\"x\":");
	for (int i = 0; i < 1001; i++)
		buf_addc(&b, '[');
	for (int i = 0; i < 1001; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '}');
	expect("plan", "1,001 levels deep", b.data, b.len, OUT_DATA, ":1:32: nested too deeply");
	buf_free(&b);
	n_generated += 11;
	plan_free(p);
}

static int report_counts(void **state)
{
	(void)state;
	printf("figure hostile_files_committed %d\nfigure hostile_files_generated %d\n", n_corpus,
	       n_generated);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_limits),
	};
	const char *data = getenv("FOCUSWEEK_TEST_DATA");
	int rc;

	pathf(hostile, sizeof hostile, "%s/hostile", data ? data : "tests/data");
	if (getenv("FOCUSWEEK_HOSTILE_PRINT") != NULL) {
		print_corpus();
		return 0;
	}
	rc = cmocka_run_group_tests(tests, NULL, report_counts);
	return rc;
}
