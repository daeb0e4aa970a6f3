/* testutil.h - helpers shared by the unit tests. */
#ifndef FOCUSWEEK_TESTUTIL_H
#define FOCUSWEEK_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "clock.h"
#include "model.h"

/* A fresh temp folder (free() the path; tu_rmtree removes it). */
char *tu_tempdir(void);
void tu_rmtree(const char *path);
/* Writes or reads a whole file; tu_read returns NULL when absent (free()). */
void tu_write(const char *dir, const char *name, const char *data, size_t len);
char *tu_read(const char *dir, const char *name, size_t *len);
bool tu_exists(const char *dir, const char *name);
/* Sets TZ and re-reads it. */
void tu_tz(const char *tz);

/* The instant of a local date and minute in the current zone; fails the
 * test when it does not exist or is ambiguous. */
instant_t tu_local(date_t day, int minute);

/* A cmocka fixture: TZ Europe/Berlin, the starter plan and its week
 * TU_WEEK (2026-W49: Mon 30 Nov .. Sun 6 Dec). */
#define TU_WEEK 202649
struct tu_week {
	struct plan *p;
	struct week *w;
};
int tu_week_setup(void **state);
int tu_week_teardown(void **state);
#define TU_WEEK_TEST(fn) cmocka_unit_test_setup_teardown(fn, tu_week_setup, tu_week_teardown)

#endif
