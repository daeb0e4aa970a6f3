/* ics_file.c - reading a calendar file, and writing one durably. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

	*mode = 0600;
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

static int write_fd(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Creates a temp file beside leaf; its name goes to tmp. */
static int temp_open(int dirfd, const char *leaf, char *tmp, size_t size)
{
	for (int i = 0; i < 100; i++) {
		int fd;

		snprintf(tmp, size, ".%s.%ld-%d.tmp", leaf, (long)getpid(), i);
		fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

static int save_in(int dirfd, const char *leaf, const char *path, const char *data,
		   size_t len, struct error *err)
{
	char tmp[NAME_MAX + 64];
	mode_t mode;
	int fd, e;

	if (target_mode(dirfd, leaf, path, &mode, err) != 0)
		return -1;
	fd = temp_open(dirfd, leaf, tmp, sizeof tmp);
	if (fd < 0)
		return error_sys(err, errno, "cannot create a temporary file beside %s", path);
	if (write_fd(fd, data, len) != 0 || (mode != 0600 && fchmod(fd, mode) != 0) ||
	    fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot write %s; it was left as it was", path);
	}
	if (close(fd) != 0 || renameat(dirfd, tmp, dirfd, leaf) != 0) {
		e = errno;
		unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot write %s; it was left as it was", path);
	}
	if (fsync(dirfd) != 0) {
		error_sys(err, errno, "%s was written, but its folder could not be synced", path);
		if (err != NULL)
			err->committed = 1;
		return -1;
	}
	return 0;
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
