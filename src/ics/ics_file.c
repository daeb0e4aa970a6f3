/* ics_file.c - reading a calendar file, and writing one durably. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsio.h"
#include "ics.h"
#include "xalloc.h"

static int read_all(int fd, const char *shown, char **data, size_t *len, struct error *err)
{
	size_t cap = 65536, n = 0;
	char *p = xmalloc(cap + 1);

	for (;;) {
		ssize_t got;

		if (n > ICS_FILE_MAX) {
			free(p);
			return error_set(err, ERR_DATA, "%s is larger than %u MiB; export a shorter "
					 "range of the calendar", shown, ICS_FILE_MAX >> 20);
		}
		if (n == cap) {
			cap *= 2;
			p = xrealloc(p, cap + 1);
		}
		got = read(fd, p + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;

			free(p);
			return error_sys(err, e, "cannot read %s", shown);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	return 0;
}

int ics_file_read(const char *path, char **data, size_t *len, struct error *err)
{
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return read_all(STDIN_FILENO, "standard input", data, len, err);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return error_sys(err, errno, "cannot open %s", path);
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		close(fd);
		return error_set(err, ERR_DATA, "%s is a folder, not a calendar file", path);
	}
	rc = read_all(fd, path, data, len, err);
	close(fd);
	return rc;
}

static int write_stdout(const char *data, size_t len, struct error *err)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
		return error_sys(err, errno, "cannot write to standard output");
	return 0;
}

/* The folder and the name in it; "-" and names ending in "/" have none. */
static int split_path(const char *path, char **dir, const char **leaf, struct error *err)
{
	const char *slash = strrchr(path, '/');

	*leaf = slash != NULL ? slash + 1 : path;
	if (**leaf == '\0' || strcmp(*leaf, ".") == 0 || strcmp(*leaf, "..") == 0)
		return error_set(err, ERR_USAGE, "%s names a folder; give a file name", path);
	*dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/")
					     : xstrndup(path, (size_t)(slash - path));
	return 0;
}

/* What is at leaf now: its mode to keep, or 0600 when nothing is. */
static int target_mode(int dirfd, const char *leaf, const char *path, mode_t *mode,
		       struct error *err)
{
	struct stat st;

	*mode = FSIO_MODE;
	if (fstatat(dirfd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : error_sys(err, errno, "cannot look at %s", path);
	if (S_ISLNK(st.st_mode))
		return error_set(err, ERR_REFUSED, "%s is a symbolic link; focusweek does not "
				 "write through links: give the path of the file itself", path);
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERR_REFUSED, "%s exists and is not a regular file; "
				 "nothing was written", path);
	*mode = st.st_mode & 07777;
	return 0;
}

static int save_in(int dirfd, const char *leaf, const char *path, const char *data,
		   size_t len, struct error *err)
{
	struct stamp written;
	mode_t mode;

	if (target_mode(dirfd, leaf, path, &mode, err) != 0)
		return -1;
	return fsio_save_mode(&fsio_real, dirfd, leaf, path, data, len, NULL, false, mode,
			      &written, err);
}

int ics_file_write(const char *path, const char *data, size_t len, struct error *err)
{
	const char *leaf;
	char *dir = NULL;
	int dirfd, rc;

	if (strcmp(path, "-") == 0)
		return write_stdout(data, len, err);
	if (split_path(path, &dir, &leaf, err) != 0)
		return -1;
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		rc = error_sys(err, errno, "cannot open the folder %s", dir);
		free(dir);
		return rc;
	}
	free(dir);
	rc = save_in(dirfd, leaf, path, data, len, err);
	close(dirfd);
	return rc;
}
