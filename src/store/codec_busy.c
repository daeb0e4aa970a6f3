/* codec_busy.c - cache/busy.json: the files of the busy calendars already
 * read (store_sync.h), on as few bytes as a calendar of 20,000 files
 * allows, read as strictly as a data file.
 *
 *   {"busy":1,"zone":"Europe/Berlin",
 *    "folders":[{"path":"/home/u/.calendars/work",
 *      "files":["STAMP WHOLE LO HI FROM TO NAME",...],
 *      "events":[{"file":3,"days":"FIRST LAST","time":"START END",
 *                 "uid":"...","title":"...","where":"..."},...],
 *      "problems":[{"file":7,"why":"line 3: ..."},...]}]}
 *
 * A file may have events and a problem: the events of it that could not be
 * read are its problem.
 *
 * A file's row is one string: its stamp (codec_stamp_text), 1 when nothing
 * in it repeats (else 0), the days its events lie in (LO > HI: none), the
 * days they were read for, then its name (which may hold spaces).  Days are
 * day numbers (date_t), times minutes; an all-day event has no "time".
 * "events" and "problems" name their file by its place in "files", and are
 * left out when empty.  Rows in strings: a row of JSON numbers costs cJSON
 * a strtod each, and a calendar has tens of thousands of files.
 */
#include "codec.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "codec_parts.h"
#include "codec_read.h"
#include "jsonw.h"
#include "xalloc.h"

#define BUSY_VERSION 1
#define BUSY_ROW_NUMBERS 5
#define BUSY_FILES_MAX 1000000
#define BUSY_EVENTS_MAX 1000000
#define NAME_LEN_MAX 255
#define WHY_MAX 1000

/* Days from 1900 to 9999 (date.h), as numbers. */
static int64_t day_min(void)
{
	return date_from_ymd(DATE_YEAR_MIN, 1, 1);
}

static int64_t day_max(void)
{
	return date_from_ymd(DATE_YEAR_MAX, 12, 31);
}

/* ---------------------------------------------------------------- read */

static int busy_read_row(struct rd *r, const cJSON *v, struct sync_busy_file *f)
{
	const char *s, *name;
	int64_t x[BUSY_ROW_NUMBERS];

	if (!cJSON_IsString(v) || codec_stamp_read(v->valuestring, &f->stamp, &s) != 0 ||
	    *s++ != ' ')
		return rd_fail(r, NULL, "must start with a stamp (dev:inode:size:mtime)");
	if (rd_row_text(r, NULL, s, BUSY_ROW_NUMBERS, day_min() - 1, day_max() + 1, x, &name) != 0)
		return -1;
	if ((x[0] != 0 && x[0] != 1) || x[3] > x[4] || strlen(name) > NAME_LEN_MAX ||
	    strchr(name, '/') != NULL)
		return rd_fail(r, NULL, "holds a flag other than 0 or 1, days read out of order, "
			       "or a name that is no file name");
	f->whole = x[0] == 1;
	f->lo = (date_t)x[1];
	f->hi = (date_t)x[2];
	f->from = (date_t)x[3];
	f->to = (date_t)x[4];
	f->name = xstrdup(name);
	return 0;
}

static int busy_read_files(struct rd *r, const cJSON *arr, struct sync_busy_dir *d)
{
	const cJSON *item;
	int n = cJSON_GetArraySize(arr);
	long i = 0;

	if (n > BUSY_FILES_MAX)
		return rd_fail(r, "files", "holds more than %d files", BUSY_FILES_MAX);
	d->files = xcalloc((size_t)n + 1, sizeof *d->files);
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, "files", i++);

		if (busy_read_row(r, item, &d->files[d->n_files]) != 0)
			return -1;
		d->n_files++;
		rd_leave(r, mark);
	}
	return 0;
}

/* "file": the place of a file in the folder's list. */
static int busy_file_of(struct rd *r, const cJSON *v, const struct sync_busy_dir *d,
			struct sync_busy_file **out)
{
	int i;

	if (rd_int32(r, v, "file", 0, BUSY_FILES_MAX, &i) != 0)
		return -1;
	if ((size_t)i >= d->n_files)
		return rd_fail(r, "file", "names no file of the folder");
	*out = &d->files[i];
	return 0;
}

static int busy_read_times(struct rd *r, const cJSON **v, struct sync_busy_event *e)
{
	int64_t days[2], mins[2];

	if (rd_row(r, v[1], "days", 2, day_min(), day_max(), days, NULL) != 0)
		return -1;
	e->first = (date_t)days[0];
	e->last = (date_t)days[1];
	e->all_day = v[2] == NULL;
	if (!e->all_day) {
		if (rd_row(r, v[2], "time", 2, 0, DATE_MINUTES_PER_DAY, mins, NULL) != 0)
			return -1;
		e->start = (int)mins[0];
		e->end = (int)mins[1];
	}
	if (e->first > e->last || (!e->all_day && e->first == e->last && e->start >= e->end) ||
	    (!e->all_day && e->end == 0))
		return rd_fail(r, "days", "the event ends before it starts");
	return 0;
}

static int busy_read_event(struct rd *r, const cJSON *obj, const struct sync_busy_dir *d)
{
	static const struct rd_field fl[] = {
		{ "file", RD_NUM, true }, { "days", RD_STR, true }, { "time", RD_STR, false },
		{ "uid", RD_STR, true },  { "title", RD_STR, true }, { "where", RD_STR, true },
	};
	const cJSON *v[COUNT(fl)];
	struct sync_busy_file *f;
	struct sync_busy_event e = { 0 };
	const char *uid, *title, *where;

	if (rd_fields(r, obj, fl, COUNT(fl), v) != 0 || busy_file_of(r, v[0], d, &f) != 0 ||
	    busy_read_times(r, v, &e) != 0 ||
	    rd_text(r, v[3], "uid", SYNC_UID_MAX, false, &uid) != 0 ||
	    rd_text(r, v[4], "title", MODEL_TITLE_MAX, false, &title) != 0 ||
	    rd_text(r, v[5], "where", MODEL_NOTE_MAX, true, &where) != 0)
		return -1;
	e.uid = xstrdup(uid);
	e.title = xstrdup(title);
	e.location = xstrdup(where);
	f->events = xrealloc(f->events, (f->n_events + 1) * sizeof *f->events);
	f->events[f->n_events++] = e;
	return 0;
}

static int busy_read_problem(struct rd *r, const cJSON *obj, const struct sync_busy_dir *d)
{
	static const struct rd_field fl[] = { { "file", RD_NUM, true }, { "why", RD_STR, true } };
	const cJSON *v[COUNT(fl)];
	struct sync_busy_file *f;
	const char *why;

	if (rd_fields(r, obj, fl, COUNT(fl), v) != 0 || busy_file_of(r, v[0], d, &f) != 0 ||
	    rd_text(r, v[1], "why", WHY_MAX, false, &why) != 0)
		return -1;
	if (f->problem != NULL)
		return rd_fail(r, "file", "names a file twice");
	f->problem = xstrdup(why);
	return 0;
}

/* Each item of arr (NULL: none), read by one. */
static int busy_read_list(struct rd *r, const cJSON *arr, const char *key,
			  const struct sync_busy_dir *d,
			  int (*one)(struct rd *, const cJSON *, const struct sync_busy_dir *))
{
	const cJSON *item;
	long i = 0;

	if (arr != NULL && cJSON_GetArraySize(arr) > BUSY_EVENTS_MAX)
		return rd_fail(r, key, "holds more than %d entries", BUSY_EVENTS_MAX);
	cJSON_ArrayForEach(item, arr) {
		size_t mark = rd_enter(r, key, i++);

		if (one(r, item, d) != 0)
			return -1;
		rd_leave(r, mark);
	}
	return 0;
}

static int busy_read_dir(struct rd *r, const cJSON *obj, struct sync_busy_dir *d)
{
	static const struct rd_field fl[] = {
		{ "path", RD_STR, true }, { "files", RD_ARR, true },
		{ "problems", RD_ARR, false }, { "events", RD_ARR, false },
	};
	const cJSON *v[COUNT(fl)];
	const char *path;

	if (rd_fields(r, obj, fl, COUNT(fl), v) != 0 ||
	    rd_text(r, v[0], "path", MODEL_PATH_MAX - 1, false, &path) != 0)
		return -1;
	d->path = xstrdup(path);
	if (busy_read_files(r, v[1], d) != 0 ||
	    busy_read_list(r, v[2], "problems", d, busy_read_problem) != 0 ||
	    busy_read_list(r, v[3], "events", d, busy_read_event) != 0)
		return -1;
	return 0;
}

static int busy_read_root(struct rd *r, const cJSON **v, struct sync_busy_cache *c)
{
	const cJSON *item;
	const char *zone;
	long i = 0;

	if (rd_text(r, v[1], "zone", SYNC_ZONE_MAX - 1, true, &zone) != 0)
		return -1;
	strcpy(c->zone, zone);
	if (cJSON_GetArraySize(v[2]) > MODEL_BUSY_MAX)
		return rd_fail(r, "folders", "holds more than %d folders", MODEL_BUSY_MAX);
	c->dirs = xcalloc((size_t)cJSON_GetArraySize(v[2]) + 1, sizeof *c->dirs);
	cJSON_ArrayForEach(item, v[2]) {
		size_t mark = rd_enter(r, "folders", i++);

		if (busy_read_dir(r, item, &c->dirs[c->n_dirs++]) != 0)
			return -1;
		rd_leave(r, mark);
	}
	return 0;
}

int codec_busy_read(const char *text, size_t len, const char *shown,
		    struct sync_busy_cache **out, struct error *err)
{
	static const struct rd_field f[] = {
		{ "busy", RD_NUM, true }, { "zone", RD_STR, true }, { "folders", RD_ARR, true },
	};
	struct rd r = { .shown = shown, .err = err };
	const cJSON *v[COUNT(f)];
	cJSON *root = rd_parse(&r, text, len);
	struct sync_busy_cache *c = xcalloc(1, sizeof *c);
	int version, rc = -1;

	if (root == NULL || rd_fields(&r, root, f, COUNT(f), v) != 0 ||
	    rd_int32(&r, v[0], "busy", 0, BUSY_VERSION, &version) != 0)
		goto out;
	if (version != BUSY_VERSION) {
		rd_fail(&r, "busy", "is not version %d", BUSY_VERSION);
		goto out;
	}
	rc = busy_read_root(&r, v, c);
out:
	rd_done(&r);
	if (rc != 0) {
		sync_busy_cache_free(c);
		if (err != NULL)
			err->code = ERR_DATA;
		return -1;
	}
	*out = c;
	return 0;
}

/* ---------------------------------------------------------------- write */

/* Written as text (jsonw), without a cJSON tree: a calendar of ten years
 * is some 20,000 rows, and a tree of them cost more than all the rest of a
 * sync. */

static void busy_wr_row(struct jsonw *j, struct buf *b, const struct sync_busy_file *f)
{
	char stamp[CODEC_STAMP_MAX], d[WR_DIGITS];
	const int64_t x[BUSY_ROW_NUMBERS] = { f->whole, f->lo, f->hi, f->from, f->to };

	buf_reset(b);
	codec_stamp_text(&f->stamp, stamp);
	buf_adds(b, stamp);
	for (size_t i = 0; i < BUSY_ROW_NUMBERS; i++) {
		buf_addc(b, ' ');
		buf_adds(b, wr_digits(x[i], d));
	}
	buf_addc(b, ' ');
	buf_adds(b, f->name);
	jsonw_str(j, NULL, buf_str(b));
}

static void busy_wr_event(struct jsonw *j, struct buf *b, size_t file,
			  const struct sync_busy_event *e)
{
	char d1[WR_DIGITS], d2[WR_DIGITS];

	jsonw_object(j, NULL);
	jsonw_int(j, "file", (int64_t)file);
	buf_reset(b);
	buf_addf(b, "%s %s", wr_digits(e->first, d1), wr_digits(e->last, d2));
	jsonw_str(j, "days", buf_str(b));
	if (!e->all_day) {
		buf_reset(b);
		buf_addf(b, "%s %s", wr_digits(e->start, d1), wr_digits(e->end, d2));
		jsonw_str(j, "time", buf_str(b));
	}
	jsonw_str(j, "uid", e->uid);
	jsonw_str(j, "title", e->title);
	jsonw_str(j, "where", e->location);
	jsonw_end(j);
}

static void busy_wr_problems(struct jsonw *j, const struct sync_busy_dir *d)
{
	bool any = false;

	for (size_t i = 0; i < d->n_files; i++) {
		if (d->files[i].problem == NULL)
			continue;
		if (!any)
			jsonw_array(j, "problems");
		any = true;
		jsonw_object(j, NULL);
		jsonw_int(j, "file", (int64_t)i);
		jsonw_str(j, "why", d->files[i].problem);
		jsonw_end(j);
	}
	if (any)
		jsonw_end(j);
}

static void busy_wr_events(struct jsonw *j, struct buf *b, const struct sync_busy_dir *d)
{
	bool any = false;

	for (size_t i = 0; i < d->n_files; i++) {
		for (size_t k = 0; k < d->files[i].n_events; k++) {
			if (!any)
				jsonw_array(j, "events");
			any = true;
			busy_wr_event(j, b, i, &d->files[i].events[k]);
		}
	}
	if (any)
		jsonw_end(j);
}

static void busy_wr_dir(struct jsonw *j, struct buf *b, const struct sync_busy_dir *d)
{
	jsonw_object(j, NULL);
	jsonw_str(j, "path", d->path);
	jsonw_array(j, "files");
	for (size_t i = 0; i < d->n_files; i++)
		busy_wr_row(j, b, &d->files[i]);
	jsonw_end(j);
	busy_wr_problems(j, d);
	busy_wr_events(j, b, d);
	jsonw_end(j);
}

char *codec_busy_write(const struct sync_busy_cache *c, size_t *len)
{
	struct buf out = BUF_INIT, b = BUF_INIT;
	struct jsonw j;

	jsonw_init(&j, &out);
	jsonw_object(&j, NULL);
	jsonw_int(&j, "busy", BUSY_VERSION);
	jsonw_str(&j, "zone", c->zone);
	jsonw_array(&j, "folders");
	for (size_t i = 0; i < c->n_dirs; i++)
		busy_wr_dir(&j, &b, &c->dirs[i]);
	jsonw_end(&j);
	jsonw_end(&j);
	buf_free(&b);
	*len = out.len;
	return buf_take(&out);
}
