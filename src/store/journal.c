/* journal.c - the redo journal of a change to several files. */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "xalloc.h"

#define JOURNAL "journal"
#define JOURNAL_MAX (64u << 20)
#define MAGIC "focusweek-journal 1\n"

static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

bool journal_exists(int dirfd)
{
	struct stat sb;

	return fstatat(dirfd, JOURNAL, &sb, AT_SYMLINK_NOFOLLOW) == 0;
}

bool journal_maybe_at(const char *dir)
{
	char path[PATH_MAX];
	struct stat sb;

	if (snprintf(path, sizeof path, "%s/" JOURNAL, dir) >= (int)sizeof path)
		return true;
	return fstatat(AT_FDCWD, path, &sb, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT;
}

static void journal_shown(const char *dir, char *out, size_t size)
{
	snprintf(out, size, "%s/" JOURNAL, dir);
}

int journal_write(const struct sysio *io, int dirfd, const char *dir,
		  const struct journal_entry *e, size_t n, struct error *err)
{
	struct buf b = BUF_INIT;
	char shown[PATH_MAX];
	struct stamp none = { 0 }, out;
	int rc;

	buf_adds(&b, MAGIC);
	for (size_t i = 0; i < n; i++) {
		if (e[i].data == NULL) {
			buf_addf(&b, "D %s\n", e[i].rel);
			continue;
		}
		buf_addf(&b, "F %s %zu\n", e[i].rel, e[i].len);
		buf_add(&b, e[i].data, e[i].len);
		buf_addc(&b, '\n');
	}
	buf_addf(&b, "END %016" PRIx64 "\n", fnv1a(b.data, b.len));
	journal_shown(dir, shown, sizeof shown);
	rc = fsio_save(io, dirfd, JOURNAL, shown, b.data, b.len, &none, false, &out, err);
	buf_free(&b);
	return rc;
}

int journal_remove(const struct sysio *io, int dirfd, const char *dir, struct error *err)
{
	char shown[PATH_MAX];

	journal_shown(dir, shown, sizeof shown);
	return fsio_remove(io, dirfd, JOURNAL, shown, err);
}

/* Only our own files may be named. */
static bool journal_rel_ok(const char *rel)
{
	int key;
	char wk[9];

	if (strcmp(rel, "plan.json") == 0 || strcmp(rel, "timer.json") == 0 ||
	    strcmp(rel, "sync.json") == 0)
		return true;
	if (strlen(rel) != 19 || strncmp(rel, "weeks/", 6) != 0 || strcmp(rel + 14, ".json") != 0)
		return false;
	memcpy(wk, rel + 6, 8);
	wk[8] = '\0';
	return date_week_parse(wk, &key) == 0;
}

struct jparse {
	const char *p, *end;
};

/* Reads "X path [len]\n"; returns the op letter or 0. */
static char journal_header(struct jparse *jp, char *rel, size_t *len)
{
	const char *nl = memchr(jp->p, '\n', (size_t)(jp->end - jp->p));
	char line[96];
	size_t n;
	char op;

	if (nl == NULL || (n = (size_t)(nl - jp->p)) >= sizeof line || n < 3)
		return 0;
	memcpy(line, jp->p, n);
	line[n] = '\0';
	jp->p = nl + 1;
	op = line[0];
	if (op == 'F') {
		char *sp = strrchr(line + 2, ' ');
		char *endp;
		unsigned long long l;

		if (sp == NULL || sp - (line + 2) >= 32)
			return 0;
		*sp = '\0';
		l = strtoull(sp + 1, &endp, 10);
		if (*endp != '\0' || endp == sp + 1)
			return 0;
		*len = (size_t)l;
	} else if (op != 'D' || strlen(line + 2) >= 32) {
		return 0;
	}
	if (line[1] != ' ')
		return 0;
	strcpy(rel, line + 2);
	return journal_rel_ok(rel) ? op : 0;
}

/* The entries of a parsed journal; data points into the journal's text. */
struct jlist {
	struct journal_entry *e;
	char (*rels)[32];
	size_t n, cap_e, cap_rels;
};

static void jlist_free(struct jlist *l)
{
	free(l->e);
	free(l->rels);
}

/* Validates the whole journal; fills l (as many entries as it holds). */
static int journal_parse(const char *text, size_t size, struct jlist *l)
{
	struct jparse jp = { text, text + size };
	const char *end_line;
	char sum[40];

	if (size < sizeof MAGIC || memcmp(text, MAGIC, sizeof MAGIC - 1) != 0)
		return -1;
	jp.p += sizeof MAGIC - 1;
	/* The trailer: "END <16 hex>\n" (21 bytes) at the very end. */
	if (size < sizeof MAGIC - 1 + 21 || text[size - 1] != '\n')
		return -1;
	end_line = text + size - 21;
	if (memcmp(end_line, "END ", 4) != 0)
		return -1;
	snprintf(sum, sizeof sum, "%016" PRIx64, fnv1a(text, (size_t)(end_line - text)));
	if (memcmp(end_line + 4, sum, 16) != 0)
		return -1;
	jp.end = end_line;
	while (jp.p < jp.end) {
		struct journal_entry *e;
		size_t len = 0;
		char op;

		l->e = xgrow(l->e, &l->cap_e, l->n + 1, sizeof *l->e);
		l->rels = xgrow(l->rels, &l->cap_rels, l->n + 1, sizeof *l->rels);
		e = &l->e[l->n];
		op = journal_header(&jp, l->rels[l->n], &len);
		if (op == 0)
			return -1;
		/* Our writer names each file once; a repeat is not ours. */
		for (size_t i = 0; i < l->n; i++)
			if (strcmp(l->rels[i], l->rels[l->n]) == 0)
				return -1;
		e->data = NULL;
		if (op == 'F') {
			if (len > (size_t)(jp.end - jp.p) - 1 || jp.p[len] != '\n')
				return -1;
			e->data = jp.p;
			e->len = len;
			jp.p += len + 1;
		}
		l->n++;
	}
	/* The names last: the array of names has stopped moving. */
	for (size_t i = 0; i < l->n; i++)
		l->e[i].rel = l->rels[i];
	return 0;
}

static int journal_set_aside(int dirfd, const char *dir, struct error *err)
{
	char shown[PATH_MAX];

	renameat(dirfd, JOURNAL, dirfd, JOURNAL ".damaged");
	fsync(dirfd);
	journal_shown(dir, shown, sizeof shown);
	return error_set(err, ERR_DATA,
			 "%s was damaged and was not applied; it is kept as %s.damaged, and "
			 "every data file holds its state from before that change", shown, shown);
}

static int journal_apply(const struct sysio *io, int dirfd, const char *dir,
			 const struct journal_entry *e, struct error *err)
{
	char shown[PATH_MAX];
	bool week = strncmp(e->rel, "weeks/", 6) == 0;
	int fd = dirfd, rc;
	struct stamp out;

	snprintf(shown, sizeof shown, "%s/%s", dir, e->rel);
	if (week) {
		if (mkdirat(dirfd, "weeks", 0700) != 0 && errno != EEXIST)
			return error_sys(err, errno, "cannot create %s/weeks", dir);
		fd = openat(dirfd, "weeks", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return error_sys(err, errno, "cannot open %s/weeks", dir);
	}
	if (e->data == NULL)
		rc = fsio_remove(io, fd, week ? e->rel + 6 : e->rel, shown, err);
	else
		rc = fsio_save(io, fd, week ? e->rel + 6 : e->rel, shown, e->data, e->len, NULL,
			       true, &out, err);
	if (week)
		close(fd);
	return rc;
}

int journal_replay(const struct sysio *io, int dirfd, const char *dir, struct error *err)
{
	char shown[PATH_MAX], *text;
	struct jlist l = { 0 };
	struct stamp stamp;
	size_t len;
	int rc;

	journal_shown(dir, shown, sizeof shown);
	rc = fsio_read(dirfd, JOURNAL, shown, JOURNAL_MAX, &text, &len, &stamp, err);
	if (rc == 1)
		return 0;
	if (rc < 0)
		return journal_set_aside(dirfd, dir, err);
	if (journal_parse(text, len, &l) != 0) {
		jlist_free(&l);
		free(text);
		return journal_set_aside(dirfd, dir, err);
	}
	for (size_t i = 0; i < l.n; i++) {
		if (journal_apply(io, dirfd, dir, &l.e[i], err) != 0) {
			jlist_free(&l);
			free(text);
			return -1;
		}
	}
	jlist_free(&l);
	free(text);
	return journal_remove(io, dirfd, dir, err);
}
