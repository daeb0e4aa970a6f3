/* testutil.h - helpers shared by the unit tests. */
#ifndef FOCUSWEEK_TESTUTIL_H
#define FOCUSWEEK_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* A fresh temp folder (free() the path; tu_rmtree removes it). */
char *tu_tempdir(void);
void tu_rmtree(const char *path);
/* Writes or reads a whole file; tu_read returns NULL when absent (free()). */
void tu_write(const char *dir, const char *name, const char *data, size_t len);
char *tu_read(const char *dir, const char *name, size_t *len);
bool tu_exists(const char *dir, const char *name);
/* Sets TZ and re-reads it. */
void tu_tz(const char *tz);

#endif
