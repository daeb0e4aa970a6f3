/* codec_read.c - a strict, table-driven reader over cJSON trees. */
#include "codec_read.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "jsoncheck.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- arena
 *
 * cJSON allocates every value, key and string on its own and frees them one
 * by one: for a week file that was most of the cost of reading it.  cJSON's
 * allocator hooks (the only way to give it one, and process-wide) point here,
 * installed once.  While a thread is inside rd_parse, its allocations come
 * from chunks of its reader's arena and its frees do nothing; rd_done
 * releases the chunks.  At every other time, and in every other thread, the
 * hooks are plain malloc and free (cJSON then grows a printed text by
 * malloc and copy, not realloc), so weeks can be read on several threads at
 * once and no tree of an arena ever reaches cJSON_Delete.
 */

struct rd_chunk {
	struct rd_chunk *older;
	size_t used, size;
	max_align_t data[];
};

#define RD_ALIGN (sizeof(max_align_t))

/* The arena this thread's cJSON allocates from during rd_parse (the hooks
 * take no context); NULL at all other times. */
static _Thread_local struct rd_arena *rd_current;

static void *rd_alloc(size_t n)
{
	struct rd_arena *a = rd_current;
	struct rd_chunk *c;

	if (a == NULL)
		return malloc(n);
	c = a->chunks;
	n = (n + RD_ALIGN - 1) / RD_ALIGN * RD_ALIGN;
	if (c == NULL && sizeof a->first - a->inline_used >= n) {
		a->inline_used += n;
		return (char *)a->first + a->inline_used - n;
	}
	if (c == NULL || c->size - c->used < n) {
		size_t size = a->next > n ? a->next : n;

		c = xmalloc(sizeof *c + size);
		c->older = a->chunks;
		c->used = 0;
		c->size = size;
		a->chunks = c;
		a->next = size * 2;
	}
	c->used += n;
	return (char *)c->data + c->used - n;
}

static void rd_free(void *p)
{
	if (rd_current == NULL)
		free(p);
	/* else: released with the arena */
}

static void rd_hooks_install(void)
{
	cJSON_Hooks hooks = { .malloc_fn = rd_alloc, .free_fn = rd_free };

	cJSON_InitHooks(&hooks);
}

void codec_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, rd_hooks_install);
}

void rd_done(struct rd *r)
{
	while (r->arena.chunks != NULL) {
		struct rd_chunk *c = r->arena.chunks;

		r->arena.chunks = c->older;
		free(c);
	}
	r->arena.next = 0;
	r->arena.inline_used = 0;
}

cJSON *rd_parse(struct rd *r, const char *text, size_t len)
{
	const char *end = NULL;
	cJSON *root;

	if (jsoncheck(text, len, r->shown, r->err) != 0)
		return NULL;
	/* A tree takes about four times its text: one chunk, most of the time. */
	r->arena.next = len * 4 + 1024;
	r->arena.inline_used = 0;
	codec_init();
	rd_current = &r->arena;
	/* With require_null_terminated, cJSON wants the NUL inside the length;
	 * the text is NUL-terminated and jsoncheck refused NULs before it. */
	root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
	rd_current = NULL;
	if (root == NULL) {
		int line, col;
		size_t at = end != NULL && end >= text && end <= text + len ? (size_t)(end - text)
									      : len;

		jsoncheck_position(text, at, &line, &col);
		error_set(r->err, ERR_DATA, "%s:%d:%d: not valid JSON", r->shown, line, col);
		return NULL;
	}
	if (!cJSON_IsObject(root)) {
		error_set(r->err, ERR_DATA, "%s: the top level must be a JSON object", r->shown);
		return NULL;
	}
	return root;
}

/* The path of the current object as text, e.g. "templates[2].blocks[3]". */
static void rd_path_text(const struct rd *r, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < r->depth && i < RD_DEPTH && len < size; i++) {
		const struct rd_step *s = &r->path[i];
		int n = s->index < 0
				? snprintf(out + len, size - len, "%s%s", i ? "." : "", s->key)
				: snprintf(out + len, size - len, "%s%s[%ld]", i ? "." : "", s->key,
					   s->index);

		if (n < 0)
			break;
		len += (size_t)n;
	}
}

int rd_fail(struct rd *r, const char *key, const char *fmt, ...)
{
	char why[400], path[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	rd_path_text(r, path, sizeof path);
	if (key == NULL)
		return error_set(r->err, ERR_DATA, "%s: %s%s%s", r->shown, path,
				 path[0] ? ": " : "", why);
	return error_set(r->err, ERR_DATA, "%s: %s%s%s: %s", r->shown, path,
			 path[0] ? "." : "", key, why);
}

/* Only the steps are kept: the text costs a snprintf per object, and is
 * needed only when something is wrong. */
size_t rd_enter(struct rd *r, const char *key, long index)
{
	size_t mark = r->depth;

	if (r->depth < RD_DEPTH)
		r->path[r->depth] = (struct rd_step){ key, index };
	r->depth++;
	return mark;
}

void rd_leave(struct rd *r, size_t mark)
{
	r->depth = mark;
}

static const char *rd_type_name(enum rd_type t)
{
	static const char *const names[] = { "a string", "a number", "true or false",
					     "an array", "an object" };
	return names[t];
}

static bool rd_type_ok(const cJSON *v, enum rd_type t)
{
	switch (t) {
	case RD_STR:
		return cJSON_IsString(v);
	case RD_NUM:
		return cJSON_IsNumber(v);
	case RD_BOOL:
		return cJSON_IsBool(v);
	case RD_ARR:
		return cJSON_IsArray(v);
	case RD_OBJ:
		return cJSON_IsObject(v);
	}
	return false;
}

int rd_fields(struct rd *r, const cJSON *obj, const struct rd_field *f, size_t n,
	      const cJSON **out)
{
	const cJSON *c;
	size_t next = 0;

	if (!cJSON_IsObject(obj))
		return rd_fail(r, NULL, "must be an object");
	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	for (c = obj->child; c != NULL; c = c->next) {
		size_t i = n;

		/* Files keep the table's order (focusweek writes them so): look from
		 * the field after the last one found, passing the ones left out. */
		for (size_t k = 0; k < n; k++) {
			size_t j = next + k < n ? next + k : next + k - n;

			if (f[j].name[0] == c->string[0] && strcmp(f[j].name, c->string) == 0) {
				i = j;
				break;
			}
		}
		if (i == n) {
			if (r->lenient)
				continue;
			return rd_fail(r, NULL, "unknown key \"%.40s\"", c->string);
		}
		if (out[i] != NULL)
			return rd_fail(r, f[i].name, "the key appears twice");
		if (!rd_type_ok(c, f[i].type))
			return rd_fail(r, f[i].name, "must be %s", rd_type_name(f[i].type));
		out[i] = c;
		next = i + 1 < n ? i + 1 : 0;
	}
	for (size_t i = 0; i < n; i++)
		if (f[i].required && out[i] == NULL)
			return rd_fail(r, f[i].name, "is missing");
	return 0;
}

int rd_int(struct rd *r, const cJSON *v, const char *key, int64_t min, int64_t max,
	   int64_t *out)
{
	double d = v->valuedouble;

	if (!isfinite(d))
		return rd_fail(r, key, "must be a finite number");
	if (d != floor(d))
		return rd_fail(r, key, "must be a whole number");
	if (d < (double)min || d > (double)max)
		return rd_fail(r, key, "must be %lld..%lld", (long long)min, (long long)max);
	*out = (int64_t)d;
	return 0;
}

int rd_int32(struct rd *r, const cJSON *v, const char *key, int min, int max, int *out)
{
	int64_t x = 0;

	if (rd_int(r, v, key, min, max, &x) != 0)
		return -1;
	*out = (int)x;
	return 0;
}

int rd_text(struct rd *r, const cJSON *v, const char *key, size_t max, bool empty_ok,
	    const char **out)
{
	const char *s = v->valuestring;

	if (!empty_ok && s[0] == '\0')
		return rd_fail(r, key, "must not be empty");
	/* Valid UTF-8 without control characters: jsoncheck saw to it. */
	if (strlen(s) > max)
		return rd_fail(r, key, "is too long (at most %zu bytes of text)", max);
	*out = s;
	return 0;
}

int rd_time(struct rd *r, const cJSON *v, const char *key, int *minutes)
{
	if (date_time_parse(v->valuestring, minutes) != 0)
		return rd_fail(r, key, "\"%.20s\" is not a time (HH:MM, 00:00-24:00)",
			       v->valuestring);
	return 0;
}

int rd_date(struct rd *r, const cJSON *v, const char *key, date_t *out)
{
	if (date_parse(v->valuestring, out) != 0)
		return rd_fail(r, key, "\"%.20s\" is not a date (YYYY-MM-DD)", v->valuestring);
	return 0;
}

int rd_week(struct rd *r, const cJSON *v, const char *key, int *out)
{
	if (date_week_parse(v->valuestring, out) != 0)
		return rd_fail(r, key, "\"%.20s\" is not an ISO week (YYYY-Www)",
			       v->valuestring);
	return 0;
}

int rd_enum(struct rd *r, const cJSON *v, const char *key, const char *const *names, int n,
	    int *out)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i], v->valuestring) == 0) {
			*out = i;
			return 0;
		}
	}
	return rd_fail(r, key, "\"%.30s\" is not one of the known values", v->valuestring);
}

int rd_schema(struct rd *r, const cJSON *v, int current, bool *newer)
{
	int64_t s = 0;

	if (rd_int(r, v, "schema", 1, 1000000, &s) != 0)
		return -1;
	*newer = s > current;
	r->lenient = *newer;
	return 0;
}

int rd_digits(const char **s, bool neg_ok, int64_t *out)
{
	const char *p = *s, *first;
	bool neg = *p == '-' && neg_ok;
	int64_t v = 0;
	int digits = 0;

	first = p += neg;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if (digits < RD_DIGITS_MAX)
			v = v * 10 + (*p - '0');
	if (digits == 0 || digits > RD_DIGITS_MAX || (digits > 1 && *first == '0') ||
	    (neg && v == 0))
		return -1;
	*s = p;
	*out = neg ? -v : v;
	return 0;
}

/* The number at *s ("-" allowed when min < 0) in min..max. */
static int rd_row_number(const char **s, int64_t min, int64_t max, int64_t *out)
{
	const char *p = *s;
	int64_t v;

	if (rd_digits(&p, min < 0, &v) != 0 || v < min || v > max)
		return -1;
	*s = p;
	*out = v;
	return 0;
}

int rd_row(struct rd *r, const cJSON *v, const char *key, size_t n, int64_t min, int64_t max,
	   int64_t *out, const char **rest)
{
	if (!cJSON_IsString(v))
		return rd_fail(r, key, "must be a string of %zu numbers", n);
	return rd_row_text(r, key, v->valuestring, n, min, max, out, rest);
}

int rd_row_text(struct rd *r, const char *key, const char *s, size_t n, int64_t min,
		int64_t max, int64_t *out, const char **rest)
{
	for (size_t i = 0; i < n; i++) {
		if ((i > 0 && *s++ != ' ') || rd_row_number(&s, min, max, &out[i]) != 0)
			return rd_fail(r, key, "must hold %zu whole numbers (%lld..%lld), one space "
				       "apart%s", n, (long long)min, (long long)max,
				       rest != NULL ? ", then a name" : "");
	}
	if (rest != NULL) {
		if (*s++ != ' ' || *s == '\0')
			return rd_fail(r, key, "must end in a name after its numbers");
		*rest = s;
	} else if (*s != '\0') {
		return rd_fail(r, key, "must hold %zu numbers and nothing else", n);
	}
	return 0;
}

void wr_time(cJSON *obj, const char *key, int minutes)
{
	char t[6];

	date_time_format(minutes, t);
	cJSON_AddStringToObject(obj, key, t);
}

void wr_date(cJSON *obj, const char *key, date_t day)
{
	char d[11];

	date_format(day, d);
	cJSON_AddStringToObject(obj, key, d);
}

const char *wr_digits(int64_t v, char out[WR_DIGITS])
{
	/* Printed here, digit by digit, and kept as raw text: cJSON would format
	 * the number as a double with "%1.15g" and read it back to check it,
	 * the larger part of printing a week. */
	char *p = out + WR_DIGITS;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

void wr_int(cJSON *obj, const char *key, int64_t v)
{
	char digits[WR_DIGITS];

	cJSON_AddRawToObject(obj, key, wr_digits(v, digits));
}

char *wr_print(cJSON *root, size_t *len)
{
	char *text = cJSON_Print(root);
	size_t n;
	char *out;

	if (text == NULL) {
		cJSON_Delete(root);
		return NULL;
	}
	n = strlen(text);
	out = xmalloc(n + 2);
	memcpy(out, text, n);
	out[n] = '\n';
	out[n + 1] = '\0';
	cJSON_free(text);
	cJSON_Delete(root);
	*len = n + 1;
	return out;
}
