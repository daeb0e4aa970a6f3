/* testutil.c - helpers shared by the unit tests. */
#include "testutil.h"

#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "starter.h"

char *tu_tempdir(void)
{
	char tmpl[] = "/tmp/fwtest-XXXXXX";
	char *p = mkdtemp(tmpl);

	assert_non_null(p);
	return strdup(p);
}

static int tu_rm(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tu_rmtree(const char *path)
{
	nftw(path, tu_rm, 16, FTW_DEPTH | FTW_PHYS);
}

void tu_write(const char *dir, const char *name, const char *data, size_t len)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

char *tu_read(const char *dir, const char *name, size_t *len)
{
	char path[PATH_MAX];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

bool tu_exists(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat sb;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return lstat(path, &sb) == 0;
}

void tu_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

instant_t tu_local(date_t day, int minute)
{
	instant_t t;

	assert_int_equal(clock_from_local(day, minute, &t), CLOCK_LOCAL_OK);
	return t;
}

int tu_week_setup(void **state)
{
	struct tu_week *f = calloc(1, sizeof *f);

	tu_tz("Europe/Berlin");
	f->p = starter_plan();
	f->w = starter_week(f->p, TU_WEEK);
	*state = f;
	return 0;
}

int tu_week_teardown(void **state)
{
	struct tu_week *f = *state;

	week_free(f->w);
	plan_free(f->p);
	free(f);
	return 0;
}
