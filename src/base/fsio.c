/* fsio.c - hostile-safe reads and the durable save. */
#include "fsio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

static ssize_t real_write(int fd, const void *buf, size_t n)
{
	return write(fd, buf, n);
}

static int real_openat(int dirfd, const char *name, int flags, mode_t mode)
{
	return openat(dirfd, name, flags, mode);
}

const struct sysio fsio_real = {
	.openat = real_openat,
	.write = real_write,
	.fsync = fsync,
	.close = close,
	.linkat = linkat,
	.renameat = renameat,
	.unlinkat = unlinkat,
	.fchmod = fchmod,
};

#define TEMP_MARK ".tmp-"

static bool ts_equal(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool fsio_stamp_equal(const struct stamp *a, const struct stamp *b)
{
	if (a->exists != b->exists)
		return false;
	if (!a->exists)
		return true;
	/* Not ctime: our own backup link changes it without changing the data. */
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       ts_equal(a->mtime, b->mtime);
}

static void fsio_fill(struct stamp *s, const struct stat *st)
{
	s->exists = true;
	s->dev = st->st_dev;
	s->ino = st->st_ino;
	s->size = st->st_size;
	s->mtime = st->st_mtim;
	s->ctime = st->st_ctim;
}

static const char *fsio_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return NULL;
}

int fsio_stat(int dirfd, const char *name, struct stamp *out, const char **kind,
	      struct error *err)
{
	struct stat st;

	*kind = NULL;
	memset(out, 0, sizeof *out);
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		if (errno == ENOENT)
			return 0;
		return error_sys(err, errno, "cannot look at %s", name);
	}
	fsio_fill(out, &st);
	if (!S_ISREG(st.st_mode)) {
		*kind = fsio_kind(st.st_mode);
		out->ino = 0;
	}
	return 0;
}

int fsio_read(int dirfd, const char *name, const char *shown, size_t max_size, char **data,
	      size_t *len, struct stamp *stamp, struct error *err)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	char *p;
	size_t got = 0;

	memset(stamp, 0, sizeof *stamp);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		if (errno == ELOOP)
			return error_set(err, ERR_DATA,
					 "%s is a symbolic link; focusweek reads only regular files",
					 shown);
		return error_sys(err, errno, "cannot open %s", shown);
	}
	if (fstat(fd, &st) != 0) {
		int e = errno;

		close(fd);
		return error_sys(err, e, "cannot look at %s", shown);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ERR_DATA, "%s is %s, not a regular file", shown,
				 fsio_kind(st.st_mode) ? fsio_kind(st.st_mode) : "not a file");
	}
	if ((size_t)st.st_size > max_size) {
		close(fd);
		return error_set(err, ERR_DATA, "%s is %lld bytes; the limit is %zu", shown,
				 (long long)st.st_size, max_size);
	}
	p = xmalloc((size_t)st.st_size + 1);
	/* One byte more than its size is asked for, to see a file that grew.  A
	 * regular file gives less than asked only at its end, so a short read
	 * ends the loop without another read to be told so. */
	while (got <= (size_t)st.st_size) {
		size_t want = (size_t)st.st_size + 1 - got;
		ssize_t n = read(fd, p + got, want);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			free(p);
			close(fd);
			return error_sys(err, e, "cannot read %s", shown);
		}
		got += (size_t)n;
		if ((size_t)n < want)
			break;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		free(p);
		return error_set(err, ERR_CONFLICT, "%s changed size while it was read; try again",
				 shown);
	}
	p[got] = '\0';
	*data = p;
	*len = got;
	fsio_fill(stamp, &st);
	return 0;
}

static int fsio_write_all(const struct sysio *io, int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = io->write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Makes a fresh temp file name for `name` and opens it. */
static int fsio_open_temp(const struct sysio *io, int dirfd, const char *name, char *tmp,
			  size_t size)
{
	static unsigned counter;

	for (int tries = 0; tries < 100; tries++) {
		int fd;

		snprintf(tmp, size, ".%s" TEMP_MARK "%ld-%u", name, (long)getpid(), counter++);
		fd = io->openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
				FSIO_MODE);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* Checks the target is still what we read; no syscalls through io. */
static int fsio_check_target(int dirfd, const char *name, const char *shown,
			     const struct stamp *expect, struct error *err)
{
	struct stamp now;
	const char *kind;

	if (fsio_stat(dirfd, name, &now, &kind, err) != 0)
		return -1;
	if (kind != NULL)
		return error_set(err, ERR_DATA,
				 "%s is %s; focusweek writes only regular files and leaves it alone",
				 shown, kind);
	if (expect != NULL && !fsio_stamp_equal(&now, expect))
		return error_set(err, ERR_CONFLICT,
				 "%s was changed by another program since focusweek read it; "
				 "nothing was overwritten: reload and try again", shown);
	return 0;
}

/* NAME -> NAME.bak through a hard link, so the old inode stays whole. */
static int fsio_backup(const struct sysio *io, int dirfd, const char *name, const char *shown,
		       struct error *err)
{
	char bak[300], tmp[320];

	snprintf(bak, sizeof bak, "%s.bak", name);
	snprintf(tmp, sizeof tmp, ".%s.bak" TEMP_MARK "%ld", name, (long)getpid());
	io->unlinkat(dirfd, tmp, 0);
	if (io->linkat(dirfd, name, dirfd, tmp, 0) != 0) {
		if (errno == ENOENT || errno == EPERM || errno == EOPNOTSUPP || errno == EMLINK)
			return 0; /* nothing to keep, or no hard links here */
		return error_sys(err, errno, "cannot keep a backup of %s (link)", shown);
	}
	if (io->renameat(dirfd, tmp, dirfd, bak) != 0) {
		int e = errno;

		io->unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot keep a backup of %s (rename)", shown);
	}
	/* When NAME.bak already was a link to NAME (a save interrupted after
	 * this step), rename(2) does nothing and leaves the temp name. */
	io->unlinkat(dirfd, tmp, 0);
	return 0;
}

int fsio_save(const struct sysio *io, int dirfd, const char *name, const char *shown,
	      const void *data, size_t len, const struct stamp *expect, bool keep_bak,
	      struct stamp *out, struct error *err)
{
	return fsio_save_mode(io, dirfd, name, shown, data, len, expect, keep_bak, FSIO_MODE,
			      out, err);
}

int fsio_save_mode(const struct sysio *io, int dirfd, const char *name, const char *shown,
		   const void *data, size_t len, const struct stamp *expect, bool keep_bak,
		   mode_t mode, struct stamp *out, struct error *err)
{
	char tmp[320];
	struct stat st, now;
	int fd, e;

	fd = fsio_open_temp(io, dirfd, name, tmp, sizeof tmp);
	if (fd < 0)
		return error_sys(err, errno, "cannot save %s (create a temporary file)", shown);
	if (io->fchmod(fd, mode) != 0) {
		e = errno;
		goto fail_open;
	}
	if (fsio_write_all(io, fd, data, len) != 0) {
		e = errno;
		io->close(fd);
		io->unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot save %s (write)", shown);
	}
	/* A failed fsync is not retried: the kernel may have dropped the pages. */
	if (io->fsync(fd) != 0) {
		e = errno;
		io->close(fd);
		io->unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot save %s (fsync)", shown);
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		goto fail_open;
	}
	if (io->close(fd) != 0) {
		e = errno;
		io->unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot save %s (close)", shown);
	}
	if (fsio_check_target(dirfd, name, shown, expect, err) != 0 ||
	    (keep_bak && fsio_backup(io, dirfd, name, shown, err) != 0)) {
		io->unlinkat(dirfd, tmp, 0);
		return -1;
	}
	if (io->renameat(dirfd, tmp, dirfd, name) != 0) {
		e = errno;
		io->unlinkat(dirfd, tmp, 0);
		return error_sys(err, e, "cannot save %s (rename)", shown);
	}
	/* ctime moves on rename on some filesystems: read it back from the name
	 * (else keep what the temp file's fstat said). */
	if (fstatat(dirfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0)
		st = now;
	fsio_fill(out, &st);
	if (io->fsync(dirfd) != 0) {
		error_sys(err, errno, "%s was replaced, but its folder could not be synced "
			  "(fsync folder); the change may not survive a power cut", shown);
		err->committed = 1;
		return -1;
	}
	return 0;

fail_open:
	io->close(fd);
	io->unlinkat(dirfd, tmp, 0);
	return error_sys(err, e, "cannot save %s", shown);
}

int fsio_put_quick(const struct sysio *io, int dirfd, const char *name, const void *data,
		   size_t len)
{
	char tmp[320];
	int fd = fsio_open_temp(io, dirfd, name, tmp, sizeof tmp), e;

	if (fd < 0)
		return -1;
	/* FSIO_MODE whatever the umask, as every file of the folder. */
	if (io->fchmod(fd, FSIO_MODE) != 0 || fsio_write_all(io, fd, data, len) != 0) {
		e = errno;
		io->close(fd);
		goto fail;
	}
	if (io->close(fd) != 0 || io->renameat(dirfd, tmp, dirfd, name) != 0) {
		e = errno;
		goto fail;
	}
	return 0;

fail:
	io->unlinkat(dirfd, tmp, 0);
	errno = e;
	return -1;
}

int fsio_remove(const struct sysio *io, int dirfd, const char *name, const char *shown,
		struct error *err)
{
	if (io->unlinkat(dirfd, name, 0) != 0 && errno != ENOENT)
		return error_sys(err, errno, "cannot remove %s", shown);
	if (io->fsync(dirfd) != 0) {
		error_sys(err, errno, "%s was removed, but its folder could not be synced", shown);
		err->committed = 1;
		return -1;
	}
	return 0;
}

/* ".NAME.tmp-PID-N" or ".NAME.bak.tmp-PID": the PID, or -1. */
static long fsio_temp_pid(const char *entry)
{
	const char *mark;
	char *end;
	long pid;

	if (entry[0] != '.' || (mark = strstr(entry, TEMP_MARK)) == NULL)
		return -1;
	pid = strtol(mark + strlen(TEMP_MARK), &end, 10);
	if (end == mark + strlen(TEMP_MARK) || (*end != '-' && *end != '\0') || pid <= 0)
		return -1;
	return pid;
}

int fsio_clean_temps(int dirfd)
{
	int fd = dup(dirfd), removed = 0;
	DIR *dir;
	struct dirent *de;
	time_t now = time(NULL);

	if (fd < 0 || (dir = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	rewinddir(dir);
	while ((de = readdir(dir)) != NULL) {
		long pid = fsio_temp_pid(de->d_name);
		struct stat st;
		bool dead, old;

		if (pid < 0 || fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
			continue;
		dead = pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
		old = now - st.st_mtime > 3600;
		if ((dead || old) && unlinkat(dirfd, de->d_name, 0) == 0)
			removed++;
	}
	closedir(dir);
	return removed;
}
