/* store_remind.c - the lock of the program that stays running beside the
 * data folder (focusweek remind, one per folder), and the few lines of
 * state it keeps there (.remind).
 *
 * The file is "pid N" on its first line, then the holder's lines.  It is
 * written in place under the lock: it is not data, and a reader takes
 * whatever it finds (a torn write reads as less state, never as a fault).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "store.h"
#include "store_int.h"
#include "xalloc.h"

#define RESIDENT_FILE_MAX (64 * 1024) /* bytes of state kept */
#define RESIDENT_PID_MAX 32
#define REMIND_FILE ".remind"

/* The whole file (free()), at most RESIDENT_FILE_MAX bytes. */
static char *resident_read(int fd)
{
	char *text = xmalloc(RESIDENT_FILE_MAX + 1);
	size_t len = 0;

	while (len < RESIDENT_FILE_MAX) {
		ssize_t n = pread(fd, text + len, RESIDENT_FILE_MAX - len, (off_t)len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	text[len] = '\0';
	return text;
}

/* The pid on the first line, for the message of a refused claim. */
static void resident_pid(const char *text, char out[RESIDENT_PID_MAX])
{
	long pid = 0;

	out[0] = '\0';
	if (sscanf(text, "pid %ld", &pid) == 1 && pid > 0)
		snprintf(out, RESIDENT_PID_MAX, " (pid %ld)", pid);
}

int store_claim_remind(struct store *st, char **state, struct error *err)
{
	char pid[RESIDENT_PID_MAX], *text, *nl;
	int fd;

	*state = NULL;
	if (st->residentfd >= 0)
		return error_set(err, ERR_LOCKED, "this session already holds " REMIND_FILE);
	fd = store_open_lockfile(st, REMIND_FILE, err);
	if (fd < 0)
		return -1;
	text = resident_read(fd);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		resident_pid(text, pid);
		free(text);
		close(fd);
		return error_set(err, ERR_LOCKED, "another focusweek remind%s is running for %s",
				 pid, st->dir);
	}
	free(text);
	/* Read again under the lock: the last holder may have written since. */
	text = resident_read(fd);
	nl = strncmp(text, "pid ", 4) == 0 ? strchr(text, '\n') : NULL;
	*state = xstrdup(nl != NULL ? nl + 1 : "");
	free(text);
	st->residentfd = fd;
	return store_remind_save(st, *state, err);
}

int store_remind_save(struct store *st, const char *state, struct error *err)
{
	struct buf b = BUF_INIT;
	size_t done = 0;
	int rc = 0;

	if (st->residentfd < 0)
		return error_set(err, ERR_USAGE, "the lock of focusweek remind is not held");
	buf_addf(&b, "pid %ld\n%s", (long)getpid(), state);
	if (b.len > RESIDENT_FILE_MAX)
		b.len = RESIDENT_FILE_MAX;
	while (done < b.len && rc == 0) {
		ssize_t n = pwrite(st->residentfd, b.data + done, b.len - done, (off_t)done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			rc = error_sys(err, errno, "cannot write %s/" REMIND_FILE, st->dir);
		else
			done += (size_t)n;
	}
	if (rc == 0 && ftruncate(st->residentfd, (off_t)b.len) != 0)
		rc = error_sys(err, errno, "cannot write %s/" REMIND_FILE, st->dir);
	buf_free(&b);
	return rc;
}
