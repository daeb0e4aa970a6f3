/* ics_vdir.c - vdirs: folders holding one calendar object per .ics file,
 * as khal and vdirsyncer keep them.  Listing them with each file's stamp,
 * reading a file, and writing or removing one atomically, only while it is
 * still what was last seen. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ics.h"
#include "text.h"
#include "xalloc.h"

#define VDIR_EXT ".ics"
#define STAT_THREADS_MAX 4
#define STAT_FILES_PER_THREAD 2000 /* fewer files than this per thread: not worth one */

int ics_vdir_open(const char *path, bool create, int *dirfd, struct error *err)
{
	struct stat st;

	if (create && mkdir(path, 0700) != 0 && errno != EEXIST)
		return error_sys(err, errno, "cannot create the folder %s", path);
	*dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*dirfd < 0) {
		if (errno == ENOTDIR)
			return error_set(err, ERR_DATA, "%s is not a folder; give the folder of "
					 "a calendar (a vdir)", path);
		return error_sys(err, errno, "cannot open the folder %s", path);
	}
	if (fstat(*dirfd, &st) != 0 || !S_ISDIR(st.st_mode)) {
		close(*dirfd);
		*dirfd = -1;
		return error_set(err, ERR_DATA, "%s is not a folder", path);
	}
	return 0;
}

/* A calendar object's name: "X.ics", not hidden (temp files are), one line. */
static bool vdir_name_ok(const char *name)
{
	size_t n = strlen(name), k = strlen(VDIR_EXT);

	return name[0] != '.' && n > k && strcmp(name + n - k, VDIR_EXT) == 0;
}

struct stat_job {
	int dirfd;
	struct ics_vdir_file *files;
	size_t n;
	atomic_size_t next; /* the next slice a worker takes */
};

#define STAT_SLICE 256

static void *stat_worker(void *arg)
{
	struct stat_job *job = arg;
	size_t i;

	while ((i = atomic_fetch_add(&job->next, STAT_SLICE)) < job->n) {
		size_t end = i + STAT_SLICE < job->n ? i + STAT_SLICE : job->n;

		for (; i < end; i++) {
			struct ics_vdir_file *f = &job->files[i];
			const char *kind = NULL;

			if (fsio_stat(job->dirfd, f->name, &f->stamp, &kind, NULL) != 0 ||
			    kind != NULL)
				f->stamp.exists = false;
		}
	}
	return NULL;
}

/* Every file's stamp, on up to one thread per core for a large folder
 * (a calendar of ten years is some 20,000 files). */
static void stat_all(int dirfd, struct ics_vdir_file *files, size_t n)
{
	struct stat_job job = { .dirfd = dirfd, .files = files, .n = n };
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = n / STAT_FILES_PER_THREAD, started = 0;
	pthread_t tid[STAT_THREADS_MAX];

	atomic_init(&job.next, 0);
	if (want > STAT_THREADS_MAX)
		want = STAT_THREADS_MAX;
	if (cores > 0 && want > (size_t)cores)
		want = (size_t)cores;
	while (started + 1 < want && pthread_create(&tid[started], NULL, stat_worker, &job) == 0)
		started++;
	stat_worker(&job);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

/* Drops the files that vanished or are not regular files. */
static size_t keep_regular(struct ics_vdir_file *files, size_t n)
{
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		if (files[i].stamp.exists)
			files[j++] = files[i];
		else
			free(files[i].name);
	}
	return j;
}

int ics_vdir_list(int dirfd, const char *shown, struct ics_vdir_list *out, struct error *err)
{
	int fd = dup(dirfd);
	DIR *dir;
	struct dirent *de;
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	if (fd < 0 || (dir = fdopendir(fd)) == NULL) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return error_sys(err, e, "cannot list the folder %s", shown);
	}
	rewinddir(dir);
	while ((de = readdir(dir)) != NULL) {
		if (!vdir_name_ok(de->d_name))
			continue;
		if (de->d_type != DT_REG && de->d_type != DT_UNKNOWN)
			continue; /* a link, a folder...: no calendar object */
		if (text_check(de->d_name, NAME_MAX) != NULL) {
			out->n_unnamed++; /* not text: cannot be named in a message or a file */
			continue;
		}
		out->files = xgrow(out->files, &cap, out->n + 1, sizeof *out->files);
		out->files[out->n].name = xstrdup(de->d_name);
		memset(&out->files[out->n].stamp, 0, sizeof out->files[out->n].stamp);
		out->n++;
	}
	closedir(dir);
	stat_all(dirfd, out->files, out->n);
	out->n = keep_regular(out->files, out->n);
	return 0;
}

void ics_vdir_list_free(struct ics_vdir_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->files[i].name);
	free(l->files);
	memset(l, 0, sizeof *l);
}

int ics_vdir_stat(int dirfd, const char *name, struct stamp *out)
{
	const char *kind = NULL;

	if (fsio_stat(dirfd, name, out, &kind, NULL) != 0)
		return -1;
	return kind != NULL ? -1 : 0;
}

int ics_vdir_read(int dirfd, const char *name, const char *shown, char **data, size_t *len,
		  struct stamp *stamp, struct error *err)
{
	int rc = fsio_read(dirfd, name, shown, ICS_FILE_MAX, data, len, stamp, err);

	if (rc == 1)
		return error_set(err, ERR_NOTFOUND, "%s is gone", shown);
	return rc;
}

/* Is the file still as expected (absent when expect is NULL or says so)? */
static int vdir_unchanged(int dirfd, const char *name, const char *shown,
			  const struct stamp *expect, struct error *err)
{
	struct stamp now;
	const char *kind = NULL;

	if (fsio_stat(dirfd, name, &now, &kind, err) != 0)
		return -1;
	if (kind != NULL)
		return error_set(err, ERR_DATA, "%s is %s; focusweek leaves it alone", shown, kind);
	if (expect == NULL ? now.exists : !fsio_stamp_equal(&now, expect))
		return error_set(err, ERR_CONFLICT, "%s was changed by another program meanwhile; "
				 "left as it is for the next sync", shown);
	return 0;
}

int ics_vdir_write(int dirfd, const char *name, const char *shown, const char *data, size_t len,
		   const struct stamp *expect, struct stamp *out, struct error *err)
{
	struct stamp none = { 0 };

	/* fsio_save checks the target against `expect` between fsync and rename. */
	return fsio_save_mode(&fsio_real, dirfd, name, shown, data, len,
			      expect != NULL ? expect : &none, false, FSIO_MODE, out, err);
}

int ics_vdir_remove(int dirfd, const char *name, const char *shown, const struct stamp *expect,
		    struct error *err)
{
	if (vdir_unchanged(dirfd, name, shown, expect, err) != 0)
		return -1;
	return fsio_remove(&fsio_real, dirfd, name, shown, err);
}
