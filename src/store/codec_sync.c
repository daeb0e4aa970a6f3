/* codec_sync.c - sync.json: what the calendar sync remembers between runs
 * (store_sync.h), read as strictly as the other data files.
 *
 *   {"schema":1,"blocks_dir":"/home/u/.local/share/vdirs/focusweek",
 *    "from":"2026-11-16","to":"2027-01-31",
 *    "last":{"at":1796112000,"summary":"2 written, 1 back","problems":0},
 *    "files":[{"id":"2026W49-3","name":"2026W49-3.k3f9x2m8qa@focusweek.ics",
 *              "fp":"0123456789abcdef","stamp":"2049:1311:1520:1796112000.123456789",
 *              "date":"2026-12-01","start":"09:00","end":"10:30","title":"...",
 *              "gone":true}],
 *    "busy":["0000000000000004 uid",...],"busy_digest":"0123456789abcdef",
 *    "busy_shards":"<64 digests of 16 hexadecimal digits>",
 *    "busy_problems":["/home/u/.calendars/work/x.ics: line 3: ...",...],
 *    "seen":{"zone":"0123456789abcdef","plan":"<stamp>",
 *            "weeks":["2026-W47 <stamp>","2026-W48 absent",...]}}
 *
 * A stamp is "dev:inode:size:seconds.nanoseconds" of the file's last
 * modification; a busy UID follows the shards (bits, in hexadecimal) of the
 * busy cache whose files hold it; "blocks_dir", "from", "to", "last", "gone" and the lists
 * are left out when empty.
 */
#include "codec.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "codec_parts.h"
#include "codec_read.h"
#include "xalloc.h"

#define FP_DIGITS 16
#define NSEC_DIGITS 9
#define NAME_LEN_MAX 255
#define INSTANT_MAX 253402300799LL /* 9999-12-31 23:59:59 UTC */

/* ---------------------------------------------------------------- stamps */

/* v in decimal at p, at least `width` digits (leading zeros); returns the end. */
static char *stamp_digits(char *p, uintmax_t v, int width)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n < width)
		tmp[n++] = '0';
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

void codec_stamp_text(const struct stamp *s, char out[CODEC_STAMP_MAX])
{
	/* By hand: a cache of 20,000 files writes one each (snprintf took most
	 * of the time). */
	char *p = out;

	p = stamp_digits(p, (uintmax_t)s->dev, 1);
	*p++ = ':';
	p = stamp_digits(p, (uintmax_t)s->ino, 1);
	*p++ = ':';
	p = stamp_digits(p, (uintmax_t)(s->size > 0 ? s->size : 0), 1);
	*p++ = ':';
	p = stamp_digits(p, (uintmax_t)(s->mtime.tv_sec > 0 ? s->mtime.tv_sec : 0), 1);
	*p++ = '.';
	p = stamp_digits(p, (uintmax_t)s->mtime.tv_nsec, NSEC_DIGITS);
	*p = '\0';
}

/* Digits at *s as an unsigned number (no sign, no leading zero). */
static int stamp_number(const char **s, uintmax_t max, uintmax_t *out)
{
	const char *p = *s;
	uintmax_t v = 0;

	if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (max - (uintmax_t)(*p - '0')) / 10)
			return -1;
		v = v * 10 + (uintmax_t)(*p - '0');
	}
	*s = p;
	*out = v;
	return 0;
}

int codec_stamp_read(const char *s, struct stamp *out, const char **end)
{
	uintmax_t dev, ino, size, sec, nsec;
	const char *p = s, *ns;

	if (stamp_number(&p, UINTMAX_MAX, &dev) != 0 || *p++ != ':' ||
	    stamp_number(&p, UINTMAX_MAX, &ino) != 0 || *p++ != ':' ||
	    stamp_number(&p, INT64_MAX, &size) != 0 || *p++ != ':' ||
	    stamp_number(&p, INSTANT_MAX, &sec) != 0 || *p++ != '.')
		return -1;
	ns = p;
	for (nsec = 0; *p >= '0' && *p <= '9' && p - ns < NSEC_DIGITS; p++)
		nsec = nsec * 10 + (uintmax_t)(*p - '0');
	if (p - ns != NSEC_DIGITS)
		return -1;
	memset(out, 0, sizeof *out);
	out->exists = true;
	out->dev = (dev_t)dev;
	out->ino = (ino_t)ino;
	out->size = (off_t)size;
	out->mtime.tv_sec = (time_t)sec;
	out->mtime.tv_nsec = (long)nsec;
	if ((uintmax_t)out->dev != dev || (uintmax_t)out->ino != ino)
		return -1;
	*end = p;
	return 0;
}

static int rd_stamp(struct rd *r, const cJSON *v, const char *key, struct stamp *out)
{
	const char *end;

	if (codec_stamp_read(v->valuestring, out, &end) != 0 || *end != '\0')
		return rd_fail(r, key, "must be dev:inode:size:seconds.nanoseconds");
	return 0;
}

/* ---------------------------------------------------------------- read */

/* FP_DIGITS lower-case hexadecimal digits at s; -1 when they are not. */
static int hex_read(const char *s, uint64_t *out)
{
	uint64_t x = 0;

	if (strspn(s, "0123456789abcdef") < FP_DIGITS)
		return -1;
	for (int i = 0; i < FP_DIGITS; i++)
		x = x * 16 + (uint64_t)(s[i] <= '9' ? s[i] - '0' : s[i] - 'a' + 10);
	*out = x;
	return 0;
}

static int rd_fp(struct rd *r, const cJSON *v, const char *key, uint64_t *out)
{
	if (strlen(v->valuestring) != FP_DIGITS || hex_read(v->valuestring, out) != 0)
		return rd_fail(r, key, "must be %d hexadecimal digits", FP_DIGITS);
	return 0;
}

static int rd_shards(struct rd *r, const cJSON *v, struct sync_state *s)
{
	const char *p = v->valuestring;

	if (strlen(p) != (size_t)FP_DIGITS * SYNC_BUSY_SHARDS)
		return rd_fail(r, "busy_shards", "must be %d digests of %d hexadecimal digits",
			       SYNC_BUSY_SHARDS, FP_DIGITS);
	for (int i = 0; i < SYNC_BUSY_SHARDS; i++)
		if (hex_read(p + i * FP_DIGITS, &s->busy_shards[i]) != 0)
			return rd_fail(r, "busy_shards", "must be hexadecimal digits");
	return 0;
}

/* A file name in the folder: one part of a path, no control characters. */
static int rd_leaf(struct rd *r, const cJSON *v, const char *key, char **out)
{
	const char *name;

	if (rd_text(r, v, key, NAME_LEN_MAX, false, &name) != 0)
		return -1;
	if (strchr(name, '/') != NULL || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return rd_fail(r, key, "must be a file name, not a path");
	*out = xstrdup(name);
	return 0;
}

static int sync_read_file(struct rd *r, const cJSON *obj, struct sync_file *f)
{
	static const struct rd_field fl[] = {
		{ "id", RD_STR, true },    { "name", RD_STR, true },  { "fp", RD_STR, true },
		{ "stamp", RD_STR, true }, { "date", RD_STR, true },  { "start", RD_STR, true },
		{ "end", RD_STR, true },   { "title", RD_STR, true }, { "gone", RD_BOOL, false },
	};
	const cJSON *v[COUNT(fl)];
	const char *title;

	if (rd_fields(r, obj, fl, COUNT(fl), v) != 0 || codec_read_id(r, v[0], "id", f->id) != 0 ||
	    rd_leaf(r, v[1], "name", &f->name) != 0 || rd_fp(r, v[2], "fp", &f->fp) != 0 ||
	    rd_stamp(r, v[3], "stamp", &f->stamp) != 0 || rd_date(r, v[4], "date", &f->date) != 0 ||
	    rd_time(r, v[5], "start", &f->start) != 0 || rd_time(r, v[6], "end", &f->end) != 0 ||
	    rd_text(r, v[7], "title", MODEL_TITLE_MAX, true, &title) != 0)
		return -1;
	if (f->start >= f->end)
		return rd_fail(r, "end", "must come after start");
	f->title = xstrdup(title);
	f->gone = v[8] != NULL && cJSON_IsTrue(v[8]);
	return 0;
}

static int sync_read_files(struct rd *r, const cJSON *arr, struct sync_state *s)
{
	const cJSON *item;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > SYNC_FILES_MAX)
		return rd_fail(r, "files", "holds more than %d files", SYNC_FILES_MAX);
	s->files = xcalloc((size_t)n + 1, sizeof *s->files);
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "files", i++);

		if (sync_read_file(r, item, &s->files[s->n_files++]) != 0)
			return -1;
		if (s->n_files > 1 && strcmp(s->files[s->n_files - 2].id,
					     s->files[s->n_files - 1].id) >= 0)
			return rd_fail(r, "id", "the files must be in order of their ids, once each");
		rd_leave(r, mark);
	}
	return 0;
}

static int sync_read_busy(struct rd *r, const cJSON *arr, struct sync_state *s)
{
	const cJSON *item;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > SYNC_BUSY_UIDS_MAX)
		return rd_fail(r, "busy", "holds more than %d UIDs", SYNC_BUSY_UIDS_MAX);
	s->busy = xcalloc((size_t)n + 1, sizeof *s->busy);
	s->busy_from = xcalloc((size_t)n + 1, sizeof *s->busy_from);
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "busy", i++);
		const char *row, *uid;

		if (!cJSON_IsString(item))
			return rd_fail(r, NULL, "must be shards and a UID");
		if (rd_text(r, item, NULL, SYNC_UID_MAX + FP_DIGITS + 1, false, &row) != 0)
			return -1;
		uid = row + FP_DIGITS + 1;
		if (strlen(row) < FP_DIGITS + 2 || row[FP_DIGITS] != ' ' ||
		    hex_read(row, &s->busy_from[s->n_busy]) != 0)
			return rd_fail(r, NULL, "must be %d hexadecimal digits, a space and a UID",
				       FP_DIGITS);
		if (s->n_busy > 0 && strcmp(s->busy[s->n_busy - 1], uid) >= 0)
			return rd_fail(r, NULL, "the UIDs must be sorted, once each");
		s->busy[s->n_busy++] = xstrdup(uid);
		rd_leave(r, mark);
	}
	return 0;
}

static int sync_read_problems(struct rd *r, const cJSON *arr, struct sync_state *s)
{
	const cJSON *item;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > SYNC_FILES_MAX)
		return rd_fail(r, "busy_problems", "holds more than %d problems", SYNC_FILES_MAX);
	s->busy_problems = xcalloc((size_t)n + 1, sizeof *s->busy_problems);
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "busy_problems", i++);
		const char *text;

		if (!cJSON_IsString(item))
			return rd_fail(r, NULL, "must be a file and its problem");
		if (rd_text(r, item, NULL, SYNC_PROBLEM_MAX, false, &text) != 0)
			return -1;
		s->busy_problems[s->n_busy_problems++] = xstrdup(text);
		rd_leave(r, mark);
	}
	return 0;
}

/* A stamp, or "absent" for a file that was not there. */
static int seen_stamp(const char *text, struct stamp *out)
{
	const char *end;

	if (strcmp(text, "absent") == 0) {
		memset(out, 0, sizeof *out);
		return 0;
	}
	return codec_stamp_read(text, out, &end) == 0 && *end == '\0' ? 0 : -1;
}

static int sync_read_seen_week(struct rd *r, const cJSON *item, struct sync_seen *seen)
{
	char wk[9];
	const char *t;

	if (!cJSON_IsString(item) || strlen(item->valuestring) < 10 ||
	    item->valuestring[8] != ' ')
		return rd_fail(r, NULL, "must be a week and a stamp");
	t = item->valuestring;
	memcpy(wk, t, 8);
	wk[8] = '\0';
	if (date_week_parse(wk, &seen->keys[seen->n]) != 0 ||
	    seen_stamp(t + 9, &seen->weeks[seen->n]) != 0)
		return rd_fail(r, NULL, "must be a week (YYYY-Www) and a stamp, or absent");
	if (seen->n > 0 && seen->keys[seen->n] != date_week_add(seen->keys[seen->n - 1], 1))
		return rd_fail(r, NULL, "must follow the week before it");
	seen->n++;
	return 0;
}

static int sync_read_seen(struct rd *r, const cJSON *obj, struct sync_seen *seen)
{
	static const struct rd_field fl[] = {
		{ "zone", RD_STR, true }, { "plan", RD_STR, true }, { "weeks", RD_ARR, true },
	};
	const cJSON *v[COUNT(fl)], *item;
	size_t mark = rd_enter(r, "seen", -1);
	int n;
	long i = 0;

	if (rd_fields(r, obj, fl, COUNT(fl), v) != 0 || rd_fp(r, v[0], "zone", &seen->zone) != 0)
		return -1;
	if (seen_stamp(v[1]->valuestring, &seen->plan) != 0)
		return rd_fail(r, "plan", "must be a stamp, or absent");
	n = cJSON_GetArraySize(v[2]);
	if (n > 2 * MODEL_SYNC_WEEKS_MAX + 1)
		return rd_fail(r, "weeks", "holds more weeks than a window has");
	seen->keys = xcalloc((size_t)n + 1, sizeof *seen->keys);
	seen->weeks = xcalloc((size_t)n + 1, sizeof *seen->weeks);
	cJSON_ArrayForEach(item, v[2]) {
		size_t m2 = rd_enter(r, "weeks", i++);

		if (sync_read_seen_week(r, item, seen) != 0)
			return -1;
		rd_leave(r, m2);
	}
	rd_leave(r, mark);
	return 0;
}

static int sync_read_last(struct rd *r, const cJSON *obj, struct sync_state *s)
{
	static const struct rd_field fl[] = {
		{ "at", RD_NUM, true }, { "summary", RD_STR, true }, { "problems", RD_NUM, true },
	};
	const cJSON *v[COUNT(fl)];
	size_t mark = rd_enter(r, "last", -1);
	const char *summary;

	if (rd_fields(r, obj, fl, COUNT(fl), v) != 0 ||
	    rd_int(r, v[0], "at", 1, INSTANT_MAX, &s->at) != 0 ||
	    rd_text(r, v[1], "summary", SYNC_SUMMARY_MAX - 1, true, &summary) != 0 ||
	    rd_int32(r, v[2], "problems", 0, SYNC_FILES_MAX, &s->problems) != 0)
		return -1;
	snprintf(s->summary, sizeof s->summary, "%s", summary);
	rd_leave(r, mark);
	return 0;
}

static int sync_read_root(struct rd *r, const cJSON **v, struct sync_state *s)
{
	const char *dir;

	if (v[1] != NULL) {
		if (rd_text(r, v[1], "blocks_dir", MODEL_PATH_MAX - 1, false, &dir) != 0)
			return -1;
		s->blocks_dir = xstrdup(dir);
	}
	if ((v[2] == NULL) != (v[3] == NULL))
		return rd_fail(r, v[2] ? "to" : "from", "is needed with the other end of the window");
	if (v[2] != NULL && (rd_date(r, v[2], "from", &s->from) != 0 ||
			     rd_date(r, v[3], "to", &s->to) != 0))
		return -1;
	if (v[2] != NULL && s->from > s->to)
		return rd_fail(r, "to", "comes before from");
	if ((v[4] != NULL && sync_read_last(r, v[4], s) != 0) ||
	    (v[5] != NULL && sync_read_files(r, v[5], s) != 0) ||
	    (v[6] != NULL && sync_read_busy(r, v[6], s) != 0) ||
	    (v[7] != NULL && rd_fp(r, v[7], "busy_digest", &s->busy_digest) != 0) ||
	    (v[8] != NULL && sync_read_problems(r, v[8], s) != 0) ||
	    (v[9] != NULL && rd_shards(r, v[9], s) != 0) ||
	    (v[10] != NULL && sync_read_seen(r, v[10], &s->seen) != 0))
		return -1;
	return 0;
}

int codec_sync_read(const char *text, size_t len, const char *shown, struct sync_state **out,
		    bool *newer, struct error *err)
{
	static const struct rd_field f[] = {
		{ "schema", RD_NUM, true }, { "blocks_dir", RD_STR, false },
		{ "from", RD_STR, false },  { "to", RD_STR, false },
		{ "last", RD_OBJ, false },  { "files", RD_ARR, false },
		{ "busy", RD_ARR, false },  { "busy_digest", RD_STR, false },
		{ "busy_problems", RD_ARR, false }, { "busy_shards", RD_STR, false },
		{ "seen", RD_OBJ, false },
	};
	struct rd r = { .shown = shown, .err = err };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	struct sync_state *s = sync_state_new();
	int rc = -1;

	*newer = false;
	if (root == NULL)
		goto out;
	r.lenient = true;
	if (rd_fields(&r, root, f, 1, v) != 0 || rd_schema(&r, v[0], SYNC_SCHEMA, newer) != 0)
		goto out;
	if (rd_fields(&r, root, f, COUNT(f), v) != 0 || sync_read_root(&r, v, s) != 0)
		goto out;
	rc = 0;
out:
	rd_done(&r);
	if (rc != 0) {
		sync_state_free(s);
		if (err != NULL)
			err->code = ERR_DATA;
		return -1;
	}
	*out = s;
	return 0;
}

/* ---------------------------------------------------------------- write */

static cJSON *sync_wr_file(const struct sync_file *f)
{
	cJSON *o = cJSON_CreateObject();
	char fp[FP_DIGITS + 1], stamp[CODEC_STAMP_MAX];

	cJSON_AddStringToObject(o, "id", f->id);
	cJSON_AddStringToObject(o, "name", f->name);
	snprintf(fp, sizeof fp, "%016" PRIx64, f->fp);
	cJSON_AddStringToObject(o, "fp", fp);
	codec_stamp_text(&f->stamp, stamp);
	cJSON_AddStringToObject(o, "stamp", stamp);
	wr_date(o, "date", f->date);
	wr_time(o, "start", f->start);
	wr_time(o, "end", f->end);
	cJSON_AddStringToObject(o, "title", f->title);
	if (f->gone)
		cJSON_AddTrueToObject(o, "gone");
	return o;
}

static void sync_wr_shards(cJSON *root, const struct sync_state *s)
{
	char text[FP_DIGITS * SYNC_BUSY_SHARDS + 1];
	bool any = false;

	for (int i = 0; i < SYNC_BUSY_SHARDS; i++) {
		snprintf(text + i * FP_DIGITS, FP_DIGITS + 1, "%016" PRIx64, s->busy_shards[i]);
		any |= s->busy_shards[i] != 0;
	}
	if (any)
		cJSON_AddStringToObject(root, "busy_shards", text);
}

static void seen_text(const struct stamp *st, char out[CODEC_STAMP_MAX])
{
	if (st->exists)
		codec_stamp_text(st, out);
	else
		snprintf(out, CODEC_STAMP_MAX, "absent");
}

static void sync_wr_seen(cJSON *root, const struct sync_seen *seen)
{
	char hex[FP_DIGITS + 1], st[CODEC_STAMP_MAX], wk[9], row[CODEC_STAMP_MAX + 16];
	cJSON *o, *arr;

	if (seen->zone == 0)
		return;
	o = cJSON_AddObjectToObject(root, "seen");
	snprintf(hex, sizeof hex, "%016" PRIx64, seen->zone);
	cJSON_AddStringToObject(o, "zone", hex);
	seen_text(&seen->plan, st);
	cJSON_AddStringToObject(o, "plan", st);
	arr = cJSON_AddArrayToObject(o, "weeks");
	for (size_t i = 0; i < seen->n; i++) {
		date_week_format(seen->keys[i], wk);
		seen_text(&seen->weeks[i], st);
		snprintf(row, sizeof row, "%s %s", wk, st);
		cJSON_AddItemToArray(arr, cJSON_CreateString(row));
	}
}

char *codec_sync_write(const struct sync_state *s, size_t *len)
{
	cJSON *root = cJSON_CreateObject(), *arr, *o;

	wr_int(root, "schema", SYNC_SCHEMA);
	if (s->blocks_dir != NULL)
		cJSON_AddStringToObject(root, "blocks_dir", s->blocks_dir);
	if (s->from <= s->to) {
		wr_date(root, "from", s->from);
		wr_date(root, "to", s->to);
	}
	if (s->at != 0) {
		o = cJSON_AddObjectToObject(root, "last");
		wr_int(o, "at", s->at);
		cJSON_AddStringToObject(o, "summary", s->summary);
		wr_int(o, "problems", s->problems);
	}
	if (s->n_files > 0) {
		arr = cJSON_AddArrayToObject(root, "files");
		for (size_t i = 0; i < s->n_files; i++)
			cJSON_AddItemToArray(arr, sync_wr_file(&s->files[i]));
	}
	if (s->n_busy > 0) {
		struct buf row = BUF_INIT;

		arr = cJSON_AddArrayToObject(root, "busy");
		for (size_t i = 0; i < s->n_busy; i++) {
			buf_reset(&row);
			buf_addf(&row, "%016" PRIx64 " %s", s->busy_from[i], s->busy[i]);
			cJSON_AddItemToArray(arr, cJSON_CreateString(buf_str(&row)));
		}
		buf_free(&row);
	}
	sync_wr_shards(root, s);
	sync_wr_seen(root, &s->seen);
	if (s->busy_digest != 0) {
		char fp[FP_DIGITS + 1];

		snprintf(fp, sizeof fp, "%016" PRIx64, s->busy_digest);
		cJSON_AddStringToObject(root, "busy_digest", fp);
	}
	if (s->n_busy_problems > 0) {
		arr = cJSON_AddArrayToObject(root, "busy_problems");
		for (size_t i = 0; i < s->n_busy_problems; i++)
			cJSON_AddItemToArray(arr, cJSON_CreateString(s->busy_problems[i]));
	}
	return wr_print(root, len);
}
