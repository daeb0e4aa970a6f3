/* test_ics_file.c - calendar files read whole, and written atomically,
 * durably, and never through a symbolic link. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ics.h"
#include "testutil.h"

static char *path_in(const char *dir, const char *name)
{
	char *p = malloc(PATH_MAX);

	assert_non_null(p);
	snprintf(p, PATH_MAX, "%s/%s", dir, name);
	return p;
}

/* Names in dir, counted: no temp file may be left behind. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	closedir(d);
	return n;
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static void test_write_new_and_replace(void **state)
{
	char *dir = tu_tempdir(), *path = path_in(dir, "week.ics"), *data;
	struct error err = { 0 };
	size_t len;

	(void)state;
	assert_int_equal(ics_file_write(path, "first", 5, &err), 0);
	assert_int_equal(mode_of(path), 0600); /* it holds the plan */
	data = tu_read(dir, "week.ics", &len);
	assert_string_equal(data, "first");
	free(data);
	/* Replaced whole, keeping the mode the user gave it. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(ics_file_write(path, "second one", 10, &err), 0);
	assert_int_equal(mode_of(path), 0644);
	assert_int_equal(ics_file_read(path, &data, &len, &err), 0);
	assert_int_equal(len, 10);
	assert_string_equal(data, "second one");
	free(data);
	assert_int_equal(entries(dir), 1);
	/* A relative name is in the current folder. */
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(ics_file_write("plain.ics", "x", 1, &err), 0);
	assert_true(tu_exists(dir, "plain.ics"));
	assert_int_equal(chdir("/"), 0);
	free(path);
	tu_rmtree(dir);
	free(dir);
}

static void test_refusals(void **state)
{
	char *dir = tu_tempdir(), *link = path_in(dir, "link.ics"), *sub = path_in(dir, "sub");
	char *target = path_in(dir, "target.ics"), *missing = path_in(dir, "no/such/x.ics");
	struct error err = { 0 };
	char *data;
	size_t len;

	(void)state;
	tu_write(dir, "target.ics", "keep", 4);
	assert_int_equal(symlink(target, link), 0);
	/* Through a link: refused, the link and its target left alone. */
	assert_int_equal(ics_file_write(link, "evil", 4, &err), -1);
	assert_string_equal(strstr(err.msg, "is a symbolic link"), "is a symbolic link; "
			    "focusweek does not write through links: give the path of the file "
			    "itself");
	data = tu_read(dir, "target.ics", NULL);
	assert_string_equal(data, "keep");
	free(data);
	/* A dangling link too. */
	assert_int_equal(unlink(target), 0);
	assert_int_equal(ics_file_write(link, "evil", 4, &err), -1);
	assert_false(tu_exists(dir, "target.ics"));
	/* Not over a folder; not into a missing one; not to a folder's name. */
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(ics_file_write(sub, "x", 1, &err), -1);
	assert_non_null(strstr(err.msg, "is not a regular file"));
	assert_int_equal(ics_file_write(missing, "x", 1, &err), -1);
	assert_int_equal(err.code, ERR_IO);
	assert_int_equal(ics_file_write("some/dir/", "x", 1, &err), -1);
	assert_int_equal(err.code, ERR_USAGE);
	assert_int_equal(entries(dir), 2); /* link.ics and sub: no temp left */
	/* Reading: a folder and a missing file are refused with their name. */
	assert_int_equal(ics_file_read(sub, &data, &len, &err), -1);
	assert_non_null(strstr(err.msg, "is a folder"));
	assert_int_equal(ics_file_read(missing, &data, &len, &err), -1);
	assert_non_null(strstr(err.msg, "no/such/x.ics"));
	free(link);
	free(sub);
	free(target);
	free(missing);
	tu_rmtree(dir);
	free(dir);
}

/* A file over the limit is refused; one just under is read. */
static void test_read_limit(void **state)
{
	char *dir = tu_tempdir(), *path = path_in(dir, "big.ics"), *data;
	struct error err = { 0 };
	size_t len;
	int fd = open(path, O_WRONLY | O_CREAT, 0600);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, ICS_FILE_MAX + 1), 0);
	close(fd);
	assert_int_equal(ics_file_read(path, &data, &len, &err), -1);
	assert_non_null(strstr(err.msg, "is larger than 32 MiB"));
	assert_int_equal(truncate(path, ICS_FILE_MAX), 0);
	assert_int_equal(ics_file_read(path, &data, &len, &err), 0);
	assert_int_equal(len, ICS_FILE_MAX);
	free(data);
	free(path);
	tu_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_new_and_replace),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_read_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
