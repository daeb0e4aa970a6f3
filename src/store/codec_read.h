/* codec_read.h - a strict, table-driven reader over cJSON trees, shared by
 * the codecs of src/store/.  Private to src/store/. */
#ifndef FOCUSWEEK_CODEC_READ_H
#define FOCUSWEEK_CODEC_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "date.h"
#include "error.h"

enum rd_type { RD_STR, RD_NUM, RD_BOOL, RD_ARR, RD_OBJ };

struct rd_field {
	const char *name;
	enum rd_type type;
	bool required;
};

#define RD_DEPTH 16

/* One step of a JSON path: obj[key], or obj[key][index] when index >= 0. */
struct rd_step {
	const char *key;     /* a string literal of the caller */
	long index;
};

/* Where cJSON's tree lives while a file is read: chunks that are released
 * all at once (rd_done), instead of one malloc and one free per value.
 * The first RD_INLINE bytes are inside the reader itself (on the stack):
 * a small file such as timer.json needs no allocation at all. */
#define RD_INLINE 4096
struct rd_chunk;
struct rd_arena {
	struct rd_chunk *chunks;  /* the newest first */
	size_t next;              /* the size of the next chunk */
	size_t inline_used;       /* bytes of `first` handed out */
	max_align_t first[RD_INLINE / sizeof(max_align_t)];
};

struct rd {
	const char *shown;   /* the file, for messages */
	struct rd_step path[RD_DEPTH]; /* JSON path of the current object, e.g.
					  "blocks[3]", written out only for a message */
	size_t depth;
	bool lenient;        /* newer schema: skip unknown keys */
	struct error *err;
	struct rd_arena arena; /* the tree of rd_parse */
};

/* Checks the text (jsoncheck), then parses it; errors carry line:column.
 * The tree lives in r's arena: release it with rd_done, never with
 * cJSON_Delete. */
cJSON *rd_parse(struct rd *r, const char *text, size_t len);
/* Releases the tree of rd_parse (and any part of a failed one). */
void rd_done(struct rd *r);
/* Error at path.key (key may be NULL). */
int rd_fail(struct rd *r, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sorts obj's members into out[] by the table: unknown, duplicate, missing
 * and wrongly typed keys are errors. */
int rd_fields(struct rd *r, const cJSON *obj, const struct rd_field *f, size_t n,
	      const cJSON **out);
/* Enters obj[key][index] (index < 0: obj[key]) for messages; returns the old
 * depth to give to rd_leave.  key must outlive the reader (a literal). */
size_t rd_enter(struct rd *r, const char *key, long index);
void rd_leave(struct rd *r, size_t mark);

int rd_int(struct rd *r, const cJSON *v, const char *key, int64_t min, int64_t max,
	   int64_t *out);
int rd_int32(struct rd *r, const cJSON *v, const char *key, int min, int max, int *out);
/* Checks the length only: rd_parse's jsoncheck refused invalid UTF-8 and
 * control characters (raw or escaped) in every string of the text. */
int rd_text(struct rd *r, const cJSON *v, const char *key, size_t max, bool empty_ok,
	    const char **out);
int rd_time(struct rd *r, const cJSON *v, const char *key, int *minutes);
int rd_date(struct rd *r, const cJSON *v, const char *key, date_t *out);
int rd_week(struct rd *r, const cJSON *v, const char *key, int *out);
/* A string that must be one of names[0..n-1]. */
int rd_enum(struct rd *r, const cJSON *v, const char *key, const char *const *names, int n,
	    int *out);
/* The schema number; sets r->lenient and *newer for a newer file. */
int rd_schema(struct rd *r, const cJSON *v, int current, bool *newer);

#define RD_DIGITS_MAX 18 /* of a number written as digits: it fits int64_t */
/* The whole number at *s: decimal digits, no leading zero, a minus (not on
 * 0) only when neg_ok; *s moves past it.  -1 for anything else. */
int rd_digits(const char **s, bool neg_ok, int64_t *out);
/* v: a string of n whole numbers in decimal digits, one space apart, each
 * in min..max; with rest, any text after one more space follows them
 * (*rest points to it: a name with spaces of its own). */
int rd_row(struct rd *r, const cJSON *v, const char *key, size_t n, int64_t min, int64_t max,
	   int64_t *out, const char **rest);
/* The same over text s. */
int rd_row_text(struct rd *r, const char *key, const char *s, size_t n, int64_t min,
		int64_t max, int64_t *out, const char **rest);

/* Writers. */
void wr_time(cJSON *obj, const char *key, int minutes);
void wr_date(cJSON *obj, const char *key, date_t day);
void wr_int(cJSON *obj, const char *key, int64_t v);
/* v in decimal digits, at the end of out; returns where they start. */
#define WR_DIGITS 24
const char *wr_digits(int64_t v, char out[WR_DIGITS]);
char *wr_print(cJSON *root, size_t *len);

#endif
