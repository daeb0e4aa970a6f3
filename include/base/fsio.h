/* fsio.h - files, hostile-safe: strict reads and the durable save, with
 * every system call routed through `struct sysio` so tests can fail or
 * crash any step.  The store keeps its data folder with it; calendar files
 * are written with it too (src/ics/ics_file.c). */
#ifndef FOCUSWEEK_FSIO_H
#define FOCUSWEEK_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "error.h"

/* The system calls of a save, in the order they happen. */
struct sysio {
	int (*openat)(int dirfd, const char *name, int flags, mode_t mode);
	ssize_t (*write)(int fd, const void *buf, size_t n);
	int (*fsync)(int fd);
	int (*close)(int fd);
	int (*linkat)(int olddirfd, const char *old, int newdirfd, const char *new_, int flags);
	int (*renameat)(int olddirfd, const char *old, int newdirfd, const char *new_);
	int (*unlinkat)(int dirfd, const char *name, int flags);
	int (*fchmod)(int fd, mode_t mode);
};

extern const struct sysio fsio_real;

/* What a file looked like when we last read or wrote it. */
struct stamp {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	struct timespec ctime;
};

bool fsio_stamp_equal(const struct stamp *a, const struct stamp *b);
/* The stamp of name in dirfd now, without following a symlink.  A non-regular
 * file gets exists=true and ino=0 with *kind describing it. */
int fsio_stat(int dirfd, const char *name, struct stamp *out, const char **kind,
	      struct error *err);

/*
 * Reads a whole regular file: refuses symlinks, directories, FIFOs, devices
 * and files over max_size.  *data is NUL-terminated (free()).  Returns 0,
 * 1 when the file does not exist, or -1.  `shown` names the file in messages.
 */
int fsio_read(int dirfd, const char *name, const char *shown, size_t max_size, char **data,
	      size_t *len, struct stamp *stamp, struct error *err);

/*
 * The durable save: temp file in dirfd (O_EXCL|O_NOFOLLOW, 0600), write all,
 * fsync, check that the target still matches `expect` (NULL: don't check),
 * keep the old version as NAME.bak (when keep_bak), rename, fsync the folder.
 * On failure before the rename the old file is intact and the temp removed;
 * after the rename err->committed is set.  *out receives the new stamp.
 */
int fsio_save(const struct sysio *io, int dirfd, const char *name, const char *shown,
	      const void *data, size_t len, const struct stamp *expect, bool keep_bak,
	      struct stamp *out, struct error *err);
/* The mode of the data folder's files, whatever the umask. */
#define FSIO_MODE 0600
/* fsio_save giving the new file `mode` (whatever the umask) instead. */
int fsio_save_mode(const struct sysio *io, int dirfd, const char *name, const char *shown,
		   const void *data, size_t len, const struct stamp *expect, bool keep_bak,
		   mode_t mode, struct stamp *out, struct error *err);

/*
 * The quick write, for derived files that can be made again: temp file in
 * dirfd named as fsio_save names them (fsio_clean_temps knows them), write
 * all, rename over name.  No fsync, no backup, no check: after a power
 * cut the file may be the old one, the new one, or empty or damaged, which
 * its reader refuses.  0, or -1 with errno and the temp removed.
 */
int fsio_put_quick(const struct sysio *io, int dirfd, const char *name, const void *data,
		   size_t len);

/* Removes temp files of ours left by dead processes or older than an hour.
 * Returns how many were removed. */
int fsio_clean_temps(int dirfd);

/* Durably removes name (used for the journal and timer files). */
int fsio_remove(const struct sysio *io, int dirfd, const char *name, const char *shown,
		struct error *err);

#endif
