/* jsoncheck.h - a strict pass over JSON text before cJSON sees it.
 *
 * cJSON 1.7.15 accepts things a hostile or damaged file can use: "\u0000"
 * and bad "\u" escapes silently cut strings, raw control bytes pass, nesting
 * goes 1000 deep, numbers like 030 and 30. pass.  This lexer rejects all of
 * that and reports line:column.
 */
#ifndef FOCUSWEEK_JSONCHECK_H
#define FOCUSWEEK_JSONCHECK_H

#include <stddef.h>

#include "error.h"

#define JSONCHECK_MAX_DEPTH 16

/* 0, or -1 with "shown:LINE:COL: reason" in err. */
int jsoncheck(const char *text, size_t len, const char *shown, struct error *err);

/* Line and column (1-based, columns in bytes) of an offset. */
void jsoncheck_position(const char *text, size_t offset, int *line, int *col);

#endif
