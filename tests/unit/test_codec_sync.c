/* test_codec_sync.c - sync.json and the busy cache's shards: written and
 * read back to the same values, and damaged or hostile files refused with
 * the path to what is wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "store_sync.h"
#include "testutil.h"
#include "xalloc.h"

static struct stamp stamp_of(long long ino, long long size, long long sec, long nsec)
{
	struct stamp s = { .exists = true, .dev = 2049, .ino = (ino_t)ino, .size = size };

	s.mtime.tv_sec = sec;
	s.mtime.tv_nsec = nsec;
	return s;
}

static struct sync_state *sample_state(void)
{
	struct sync_state *s = sync_state_new();

	s->blocks_dir = xstrdup("/home/u/.local/share/vdirs/focus week");
	s->from = date_from_ymd(2026, 11, 16);
	s->to = date_from_ymd(2027, 1, 31);
	s->at = 1796112000;
	snprintf(s->summary, sizeof s->summary, "2 written, 1 back");
	s->problems = 1;
	s->files = xcalloc(2, sizeof *s->files);
	s->n_files = 2;
	snprintf(s->files[0].id, MODEL_ID_MAX, "2026W49-1");
	s->files[0].name = xstrdup("2026W49-1.abcd1234@focusweek.ics");
	s->files[0].fp = 0x0123456789abcdefULL;
	s->files[0].stamp = stamp_of(1311, 1520, 1796112000, 123456789);
	s->files[0].date = date_from_ymd(2026, 12, 1);
	s->files[0].start = 9 * 60;
	s->files[0].end = 10 * 60 + 30;
	s->files[0].title = xstrdup("Prospecting · Healthcare — \"Call\" list \\ A");
	snprintf(s->files[1].id, MODEL_ID_MAX, "2026W49-2");
	s->files[1].name = xstrdup("2026W49-2.abcd1234@focusweek.ics");
	s->files[1].fp = 0xffffffffffffffffULL;
	s->files[1].stamp = stamp_of(18446744073709551ULL, 0, 0, 0);
	s->files[1].date = date_from_ymd(2026, 12, 2);
	s->files[1].start = 0;
	s->files[1].end = DATE_MINUTES_PER_DAY;
	s->files[1].title = xstrdup("");
	s->files[1].gone = true;
	s->busy = xcalloc(2, sizeof *s->busy);
	s->busy_from = xcalloc(2, sizeof *s->busy_from);
	s->busy[0] = xstrdup("a uid with spaces@example.com");
	s->busy_from[0] = 0x8000000000000001ULL;
	s->busy[1] = xstrdup("b@x");
	s->busy_from[1] = 4;
	s->n_busy = 2;
	s->busy_digest = 0xfeedfacecafebeefULL;
	s->busy_shards[0] = 1;
	s->busy_shards[SYNC_BUSY_SHARDS - 1] = 0xabcULL;
	s->busy_problems = xcalloc(1, sizeof *s->busy_problems);
	s->busy_problems[0] = xstrdup("3f /cal/x.ics: line 3: cannot read");
	s->n_busy_problems = 1;
	return s;
}

static void test_sync_round_trip(void **state)
{
	struct sync_state *s = sample_state(), *back;
	struct error err;
	size_t len;
	char *text = codec_sync_write(s, &len), *again;
	bool newer;

	(void)state;
	if (codec_sync_read(text, len, "sync.json", &back, &newer, &err) != 0)
		fail_msg("%s", err.msg);
	assert_false(newer);
	assert_string_equal(back->blocks_dir, s->blocks_dir);
	assert_int_equal(back->from, s->from);
	assert_int_equal(back->n_files, 2);
	assert_string_equal(back->files[0].title, s->files[0].title);
	assert_true(fsio_stamp_equal(&back->files[0].stamp, &s->files[0].stamp));
	assert_true(fsio_stamp_equal(&back->files[1].stamp, &s->files[1].stamp));
	assert_true(back->files[1].gone);
	assert_true(back->files[0].fp == s->files[0].fp && back->files[1].fp == s->files[1].fp);
	assert_int_equal(back->n_busy, 2);
	assert_string_equal(back->busy[0], s->busy[0]);
	assert_true(back->busy_from[0] == s->busy_from[0]);
	assert_true(back->busy_digest == s->busy_digest);
	assert_true(back->busy_shards[SYNC_BUSY_SHARDS - 1] == 0xabcULL);
	assert_string_equal(back->busy_problems[0], s->busy_problems[0]);
	assert_string_equal(back->summary, s->summary);
	/* Written again, the same bytes. */
	again = codec_sync_write(back, &len);
	assert_string_equal(again, text);
	free(again);
	free(text);
	sync_state_free(back);
	sync_state_free(s);
}

/* A file the sync wrote, changed: refused with what and where. */
static void refused(const char *from, const char *to, const char *why)
{
	struct sync_state *s = sample_state(), *back = NULL;
	struct error err = { 0 };
	size_t len;
	char *text = codec_sync_write(s, &len), *at = strstr(text, from);
	struct buf b = BUF_INIT;
	bool newer;

	if (at == NULL)
		fail_msg("\"%s\" is not in the file", from);
	buf_add(&b, text, (size_t)(at - text));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	if (codec_sync_read(b.data, b.len, "sync.json", &back, &newer, &err) == 0)
		fail_msg("accepted: %s -> %s", from, to);
	if (strstr(err.msg, why) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", err.msg, why);
	buf_free(&b);
	free(text);
	sync_state_free(s);
}

static void test_sync_refused(void **state)
{
	(void)state;
	refused("\"2026W49-2\"", "\"2026W49-0\"", "files[1].id: the files must be in order");
	refused("\"2049:1311:", "\"x:1311:", "stamp");
	refused("1796112000.123456789", "1796112000.12345", "stamp: must be dev:inode:size");
	refused("\"fp\":\t\"0123456789abcdef\"", "\"fp\":\t\"0123456789ABCDEF\"", "fp: must be 16");
	refused("\"8000000000000001 a uid", "\"8000000000000001a uid", "busy[0]: must be 16");
	refused("\"0000000000000004 b@x\"", "\"0000000000000004 a\"", "busy[1]: the UIDs must "
									  "be sorted");
	refused("\"start\":\t\"09:00\"", "\"start\":\t\"11:00\"", "end: must come after start");
	refused("\"name\":\t\"2026W49-1.abcd1234@focusweek.ics\"", "\"name\":\t\"../plan.json\"",
		"name: must be a file name");
	refused("\"schema\":\t1,", "\"schema\":\t1, \"schema2\": 1,", "schema2");
	refused("\"busy_shards\":\t\"0000000000000001", "\"busy_shards\":\t\"001",
		"busy_shards: must be 64 digests");
}

/* ---------------------------------------------------------------- shards */

static struct sync_busy_cache *sample_shard(void)
{
	struct sync_busy_cache *c = xcalloc(1, sizeof *c);
	struct sync_busy_file *f;

	snprintf(c->zone, sizeof c->zone, "TZ=Europe/Berlin");
	c->dirs = xcalloc(1, sizeof *c->dirs);
	c->n_dirs = 1;
	c->dirs[0].path = xstrdup("/home/u/.calendars/work \"team\"");
	c->dirs[0].files = xcalloc(3, sizeof *c->dirs[0].files);
	c->dirs[0].n_files = 3;
	f = &c->dirs[0].files[0];
	f->name = xstrdup("a name with spaces.ics");
	f->stamp = stamp_of(7, 900, 1796112000, 5);
	f->whole = true;
	f->lo = f->hi = date_from_ymd(2026, 12, 2);
	f->from = date_from_ymd(2026, 11, 16);
	f->to = date_from_ymd(2027, 4, 30);
	f->events = xcalloc(2, sizeof *f->events);
	f->n_events = 2;
	f->events[0] = (struct sync_busy_event){ .uid = xstrdup("a@x"), .title = xstrdup("Acme"),
						 .location = xstrdup(""), .first = f->lo,
						 .last = f->lo, .start = 900, .end = 960 };
	f->events[1] = (struct sync_busy_event){ .uid = xstrdup("a@x#20261203"),
						 .title = xstrdup("Fair"),
						 .location = xstrdup("Hall \\ 3"), .all_day = true,
						 .first = f->lo + 1, .last = f->lo + 2 };
	f = &c->dirs[0].files[1];
	f->name = xstrdup("broken.ics");
	f->stamp = stamp_of(8, 10, 1796112000, 0);
	f->lo = 1;
	f->hi = 0;
	f->from = date_from_ymd(2026, 11, 16);
	f->to = date_from_ymd(2027, 4, 30);
	f->problem = xstrdup("line 2: BEGIN:VEVENT is never closed");
	f = &c->dirs[0].files[2];
	f->name = xstrdup("old.ics");
	f->stamp = stamp_of(9, 10, 1796112000, 0);
	f->whole = true;
	f->lo = f->hi = date_from_ymd(1999, 1, 1);
	f->from = date_from_ymd(2026, 11, 16);
	f->to = date_from_ymd(2027, 4, 30);
	return c;
}

static void test_shard_round_trip(void **state)
{
	struct sync_busy_cache *c = sample_shard(), *back;
	struct error err;
	size_t len;
	char *text = codec_busy_write(c, &len), *again;

	(void)state;
	if (codec_busy_read(text, len, "busy-00.json", &back, &err) != 0)
		fail_msg("%s", err.msg);
	assert_string_equal(back->dirs[0].path, c->dirs[0].path);
	assert_int_equal(back->dirs[0].n_files, 3);
	assert_string_equal(back->dirs[0].files[0].name, "a name with spaces.ics");
	assert_int_equal(back->dirs[0].files[0].n_events, 2);
	assert_true(back->dirs[0].files[0].events[1].all_day);
	assert_string_equal(back->dirs[0].files[0].events[1].location, "Hall \\ 3");
	assert_int_equal(back->dirs[0].files[0].events[0].start, 900);
	assert_string_equal(back->dirs[0].files[1].problem, c->dirs[0].files[1].problem);
	assert_true(back->dirs[0].files[2].lo == c->dirs[0].files[2].lo);
	again = codec_busy_write(back, &len);
	assert_string_equal(again, text);
	free(again);
	free(text);
	sync_busy_cache_free(back);
	sync_busy_cache_free(c);
}

static void shard_refused(const char *from, const char *to)
{
	struct sync_busy_cache *c = sample_shard(), *back = NULL;
	struct error err = { 0 };
	size_t len;
	char *text = codec_busy_write(c, &len), *at = strstr(text, from);
	struct buf b = BUF_INIT;

	if (at == NULL)
		fail_msg("\"%s\" is not in the shard", from);
	buf_add(&b, text, (size_t)(at - text));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	if (codec_busy_read(b.data, b.len, "busy-00.json", &back, &err) == 0)
		fail_msg("accepted: %s -> %s", from, to);
	assert_null(back);
	buf_free(&b);
	free(text);
	sync_busy_cache_free(c);
}

static void test_shard_refused(void **state)
{
	(void)state;
	shard_refused("\"busy\": 1", "\"busy\": 2");             /* another version */
	shard_refused("\"file\": 0", "\"file\": 3");             /* no such file */
	shard_refused("\"file\": 1", "\"file\": 5");             /* a problem of no file */
	shard_refused(" 1 20789", " 2 20789");                    /* a flag of 0 or 1 */
	shard_refused("spaces.ics", "spaces/../x.ics");           /* a path */
	shard_refused("\"900 960\"", "\"960 900\"");              /* ends before it starts */
	shard_refused("\"zone\"", "\"zonE\"");                    /* an unknown key */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sync_round_trip),
		cmocka_unit_test(test_sync_refused),
		cmocka_unit_test(test_shard_round_trip),
		cmocka_unit_test(test_shard_refused),
	};

	codec_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
