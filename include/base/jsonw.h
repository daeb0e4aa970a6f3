/* jsonw.h - a small streaming JSON writer for the command line's --json and
 * report output (data files go through the store's codec instead). */
#ifndef FOCUSWEEK_JSONW_H
#define FOCUSWEEK_JSONW_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

#define JSONW_DEPTH 16

struct jsonw {
	struct buf *out;
	bool ascii;                 /* escape all non-ASCII as \uXXXX (set after init) */
	bool compact;               /* one line, no spaces (set after init) */
	int depth;
	bool has_item[JSONW_DEPTH]; /* a comma is due at this depth */
	char closer[JSONW_DEPTH];   /* '}' or ']' for each open level */
};

void jsonw_init(struct jsonw *j, struct buf *out);
/* key is NULL inside arrays and at the top. */
void jsonw_object(struct jsonw *j, const char *key);
void jsonw_array(struct jsonw *j, const char *key);
void jsonw_end(struct jsonw *j);   /* closes the innermost object or array */
void jsonw_str(struct jsonw *j, const char *key, const char *value);
void jsonw_int(struct jsonw *j, const char *key, int64_t value);
void jsonw_num(struct jsonw *j, const char *key, double value, int decimals);
void jsonw_bool(struct jsonw *j, const char *key, bool value);
void jsonw_null(struct jsonw *j, const char *key);

#endif
