/* test_review_io.c - a review read through the digest cache (review_io): the
 * same report as from every week in full, cold or warm; fewer weeks read
 * once digests are kept; a changed week, a damaged digest, another slot
 * length and a review seen before a week ended all still give the report of
 * the weeks as they are. */
#include <sys/stat.h>

#include "test_review_gen.h"

#include "buf.h"
#include "review_io.h"
#include "store.h"

#define FIRST 202540 /* 2025-W40 .. 2026-W49 */
#define N 62

struct fixture {
	char *dir;
	struct store *st;
	struct plan *p;
	struct review_request rq;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct week *prev = NULL;
	uint32_t seed = 88172645u;
	struct error err;

	tu_tz("Europe/Berlin");
	f->dir = tu_tempdir();
	assert_int_equal(store_open(&f->st, f->dir, true, &err), 0);
	f->p = fx_plan(QUOTA_MONTH, 40000);
	assert_int_equal(store_save_plan(f->st, f->p, &err), 0);
	for (int i = 0; i < N; i++) {
		struct week *w = gen_week(f->p, date_week_add(FIRST, i), prev, &seed);

		if (store_save_week(f->st, w, &err) != 0)
			fail_msg("%s", err.msg);
		week_free(prev);
		prev = w;
	}
	week_free(prev);
	f->rq = (struct review_request){ fx_week("2026-W47"), 52, fx_day("2026-11-30"),
					 fx_min("09:00") };
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	plan_free(f->p);
	store_close(f->st);
	tu_rmtree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

/* The report (text) from every week of the span read in full. */
static char *report_full(struct fixture *f, enum review_format fmt)
{
	struct review_span span;
	struct week **w;
	struct review *r;
	struct buf out = BUF_INIT;
	struct error err;
	size_t n;

	assert_int_equal(review_span(f->p, &f->rq, &span, &err), 0);
	n = review_span_weeks(&span);
	w = calloc(n, sizeof *w);
	assert_int_equal(store_load_weeks(f->st, f->p, span.first, n, w, &err), 0);
	assert_int_equal(review_compute(f->p, &f->rq, (const struct week *const *)w, n, &r, &err),
			 0);
	review_write(&out, r, f->p, fmt, TEXT_UTF8);
	review_free(r);
	for (size_t i = 0; i < n; i++)
		week_free(w[i]);
	free(w);
	return out.data;
}

/* The report through review_io; *read: how many weeks it read in full. */
static char *report_io(struct fixture *f, enum review_format fmt, size_t *read)
{
	struct review_io io;
	struct review *r;
	struct buf out = BUF_INIT;
	struct error err;
	bool all = fmt == REVIEW_JSON || fmt == REVIEW_CSV;

	assert_int_equal(review_io_load(f->st, f->p, &f->rq, all, &io, &err), 0);
	assert_int_equal(review_io_compute(f->p, &f->rq, &io, &r, &err), 0);
	review_write(&out, r, f->p, fmt, TEXT_UTF8);
	*read = io.read;
	if (all)
		assert_int_equal(io.listed, io.n);
	review_free(r);
	review_io_free(&io);
	return out.data;
}

static size_t span_weeks(const struct fixture *f)
{
	struct review_span span;
	struct error err;

	assert_int_equal(review_span(f->p, &f->rq, &span, &err), 0);
	return review_span_weeks(&span);
}

/* The text and the Markdown through review_io are those from every week in
 * full; *read: how many weeks the first of them read in full. */
static void assert_io_equals_full(struct fixture *f, size_t *read)
{
	for (int fmt = REVIEW_TEXT; fmt <= REVIEW_MD; fmt++) {
		char *want = report_full(f, (enum review_format)fmt);
		size_t n;
		char *got = report_io(f, (enum review_format)fmt, &n);

		if (fmt == REVIEW_TEXT)
			*read = n;
		assert_string_equal(got, want);
		free(want);
		free(got);
	}
}

/* Cold, every week is read and the ended ones get a digest; warm, only the
 * listed ones are read; the report is the same. */
static void test_cold_then_warm(void **state)
{
	struct fixture *f = *state;
	size_t read, n = span_weeks(f);

	assert_false(tu_exists(f->dir, "cache/2026-W30.json"));
	assert_io_equals_full(f, &read);
	assert_true(tu_exists(f->dir, "cache/2026-W30.json"));
	assert_true(tu_exists(f->dir, "cache/2026-W48.json"));
	assert_false(tu_exists(f->dir, "cache/2026-W49.json")); /* not ended on Nov 30 */
	assert_io_equals_full(f, &read);
	assert_true(read < n / 3);
	/* Weeks before the history have nothing worth a digest. */
	f->rq.n_weeks = 65; /* from 2025-W35 */
	assert_io_equals_full(f, &read);
	assert_true(tu_exists(f->dir, "cache/2025-W40.json"));
	assert_false(tu_exists(f->dir, "cache/2025-W39.json"));
	assert_false(tu_exists(f->dir, "cache/2025-W35.json"));
}

/* A week changed after its digest was kept is read again, not its digest. */
static void test_changed_week(void **state)
{
	struct fixture *f = *state;
	struct week *w;
	struct error err;
	size_t read, before;
	char *old;

	assert_io_equals_full(f, &read);
	old = report_full(f, REVIEW_TEXT);
	assert_io_equals_full(f, &before);
	assert_int_equal(store_load_week(f->st, f->p, fx_week("2026-W10"), &w, &err), 0);
	for (size_t i = 0; i < week_block_count(w); i++) {
		struct block b;

		block_copy(&b, week_block_at(w, i));
		b.status = STATUS_DONE;
		b.cut_short = false;
		if (week_block_update(w, f->p, &b, &err) != 0)
			fail_msg("%s", err.msg);
		block_clear(&b);
	}
	assert_int_equal(store_save_week(f->st, w, &err), 0);
	week_free(w);
	assert_io_equals_full(f, &read);
	assert_int_equal(read, before + 1);
	/* The change shows: the report is not the one from before. */
	{
		char *now = report_full(f, REVIEW_TEXT);

		assert_string_not_equal(now, old);
		free(now);
	}
	free(old);
	assert_io_equals_full(f, &read);
	assert_int_equal(read, before);
}

/* A damaged or hostile digest is not used, and is made again. */
static void test_damaged_digest(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = {
		"", "{", "not json", "{\"digest\":1}", "[]",
	};
	size_t read, before;

	assert_io_equals_full(f, &read);
	assert_io_equals_full(f, &before);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		tu_write(f->dir, "cache/2026-W20.json", bad[i], strlen(bad[i]));
		assert_io_equals_full(f, &read);
		assert_int_equal(read, before + 1);
		assert_io_equals_full(f, &read);
		assert_int_equal(read, before);
	}
}

/* Another slot length rounds what is left differently: digests made with
 * the old one are not used. */
static void test_other_slot(void **state)
{
	struct fixture *f = *state;
	struct settings s = *plan_settings(f->p);
	size_t read, n = span_weeks(f);
	struct error err;

	assert_io_equals_full(f, &read);
	s.slot = 60;
	assert_int_equal(plan_set_settings(f->p, &s, &err), 0);
	{
		char *want = report_full(f, REVIEW_TEXT);
		char *got = report_io(f, REVIEW_TEXT, &read);

		assert_string_equal(got, want);
		assert_int_equal(read, n);
		free(want);
		free(got);
	}
}

/* Seen from a moment inside the weeks, the review reads them all, as a
 * digest kept then would change later. */
static void test_moment_before_end(void **state)
{
	struct fixture *f = *state;
	size_t read;

	f->rq.today = fx_day("2025-10-08");
	f->rq.last = fx_week("2025-W41");
	f->rq.n_weeks = 2;
	assert_io_equals_full(f, &read);
	assert_false(tu_exists(f->dir, "cache/2025-W41.json"));
	assert_true(tu_exists(f->dir, "cache/2025-W40.json"));
}

static ino_t cache_inode(const struct fixture *f, const char *name)
{
	char path[4096];
	struct stat sb;

	snprintf(path, sizeof path, "%s/cache/%s", f->dir, name);
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_ino;
}

/* JSON and CSV list every entry: every week is read, the same as in full;
 * the digests kept are not written again. */
static void test_full_formats(void **state)
{
	struct fixture *f = *state;
	size_t read, n = span_weeks(f);
	ino_t kept;

	free(report_io(f, REVIEW_TEXT, &read));
	kept = cache_inode(f, "2026-W30.json");
	for (int fmt = REVIEW_CSV; fmt <= REVIEW_JSON; fmt++) {
		char *want = report_full(f, (enum review_format)fmt);
		char *got = report_io(f, (enum review_format)fmt, &read);

		assert_string_equal(got, want);
		assert_int_equal(read, n);
		free(want);
		free(got);
	}
	assert_true(cache_inode(f, "2026-W30.json") == kept);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cold_then_warm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_week, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_digest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_slot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moment_before_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_formats, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
