/* store_safety.c - whose the data folder is, and who else can write in it.
 *
 * focusweek uses a data folder only when it belongs to the effective user
 * and no one else can write in it (nor in weeks/), as ssh does with ~/.ssh
 * and git with a repository of someone else's:
 *   - a folder someone else can write to lets them replace or remove the
 *     plan (chmod 0777, or another user's focusweek/ in a shared sticky
 *     $XDG_DATA_HOME);
 *   - a folder of someone else's, used by root (sudo -E, --data), would
 *     leave files its owner can no longer open.
 * Every command is refused on such a folder, reading ones too (a read can
 * still write: the first run, the review's cache, the sweep of temp files),
 * with the reason and the way out.  cache/ holds derived data only: one that
 * is not private is not used, and `check` says so.
 */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "store_int.h"

#define SAFETY_OTHERS_WRITE (S_IWGRP | S_IWOTH)
#define SAFETY_NAME_MAX 64     /* a user's name as shown */
#define SAFETY_PWBUF 4096      /* getpwuid_r's scratch space */
/* Characters a path may hold and still be one shell word as it is. */
#define SAFETY_PLAIN "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+,:@%="

/* ---------------------------------------------------------------- words */

/* "alice", or "uid 1001" for a user without a name. */
static void safety_user(uid_t uid, char out[SAFETY_NAME_MAX])
{
	struct passwd pw, *found = NULL;
	char scratch[SAFETY_PWBUF];

	if (getpwuid_r(uid, &pw, scratch, sizeof scratch, &found) == 0 && found != NULL)
		snprintf(out, SAFETY_NAME_MAX, "%s", found->pw_name);
	else
		snprintf(out, SAFETY_NAME_MAX, "uid %ld", (long)uid);
}

/* The user as sudo -u takes it: the name, or '#1001'. */
static void safety_sudo_user(uid_t uid, const char *name, struct buf *b)
{
	if (strncmp(name, "uid ", 4) == 0)
		buf_addf(b, "'#%ld'", (long)uid);
	else
		buf_adds(b, name);
}

/* path as one shell word: as it is when plain, else in single quotes. */
static void safety_word(struct buf *b, const char *path)
{
	if (path[0] != '\0' && path[strspn(path, SAFETY_PLAIN)] == '\0') {
		buf_adds(b, path);
		return;
	}
	buf_addc(b, '\'');
	for (const char *p = path; *p != '\0'; p++) {
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *p);
	}
	buf_addc(b, '\'');
}

/* "PATH belongs to bob, not to you (alice)" */
static void safety_belongs(struct buf *b, const char *shown, uid_t owner)
{
	char who[SAFETY_NAME_MAX], me[SAFETY_NAME_MAX];

	safety_user(owner, who);
	safety_user(geteuid(), me);
	buf_addf(b, "%s belongs to %s, not to you (%s)", shown, who, me);
}

/* How to get out of a folder of someone else's: root runs as its owner; a
 * user takes back what root took; else a folder of one's own. */
static void safety_way_out(struct buf *b, uid_t owner, const char *top)
{
	char who[SAFETY_NAME_MAX], me[SAFETY_NAME_MAX];
	uid_t euid = geteuid();

	safety_user(owner, who);
	safety_user(euid, me);
	if (euid == 0) {
		buf_addf(b, "run focusweek as %s (sudo -u ", who);
		safety_sudo_user(owner, who, b);
		buf_adds(b, " focusweek ...)");
	} else if (owner == 0) {
		buf_adds(b, "take it back with sudo chown -R ");
		safety_sudo_user(euid, me, b);
		buf_addc(b, ' ');
		safety_word(b, top);
	} else {
		buf_adds(b, "use a data folder of your own (--data DIR)");
	}
}

static int safety_refuse(struct buf *b, struct error *err)
{
	error_set(err, ERR_REFUSED, "%s", buf_str(b));
	buf_free(b);
	return -1;
}

/* ---------------------------------------------------------------- open */

/* Folders others can write to, gathered so one chmod fixes them all. */
struct safety_open {
	struct buf list;        /* "D (mode 0777) and D/weeks (mode 0775)" */
	struct buf fix;         /* "chmod 700 D D/weeks" */
};

static void safety_note_open(struct safety_open *o, const char *what, const char *shown,
			     mode_t mode)
{
	buf_addf(&o->list, "%s%s%s (mode %04o)", o->list.len ? " and " : "", what, shown,
		 (unsigned)(mode & 07777));
	buf_adds(&o->fix, o->fix.len ? " " : "chmod 700 ");
	safety_word(&o->fix, shown);
}

/* One folder of the store: -1 with err when it belongs to someone else;
 * noted in o when others can write to it. */
static int safety_folder(const struct stat *sb, const char *shown, const char *top,
			 struct safety_open *o, struct error *err)
{
	struct buf b = BUF_INIT;

	if (sb->st_uid != geteuid()) {
		if (shown == top)
			buf_adds(&b, "the data folder ");
		safety_belongs(&b, shown, sb->st_uid);
		buf_adds(&b, ": ");
		safety_way_out(&b, sb->st_uid, top);
		buf_adds(&b, "; focusweek uses only a data folder of your own, so that no one else "
			 "can change your plan and it never leaves files their owner cannot open");
		return safety_refuse(&b, err);
	}
	if (sb->st_mode & SAFETY_OTHERS_WRITE)
		safety_note_open(o, shown == top ? "the data folder " : "", shown, sb->st_mode);
	return 0;
}

/* cache/ too, when the folder needs a chmod anyway: one command for all. */
static void safety_cache_too(const char *dir, int dirfd, struct safety_open *o)
{
	char shown[PATH_MAX];
	struct stat sb;

	if (o->list.len == 0 ||
	    fstatat(dirfd, CACHE_DIR, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(sb.st_mode) ||
	    sb.st_uid != geteuid() || !(sb.st_mode & SAFETY_OTHERS_WRITE))
		return;
	snprintf(shown, sizeof shown, "%s/" CACHE_DIR, dir);
	safety_note_open(o, "", shown, sb.st_mode);
}

int store_safety_open(const char *dir, int dirfd, int weeksfd, struct error *err)
{
	struct safety_open o = { BUF_INIT, BUF_INIT };
	char shown[PATH_MAX];
	struct stat sb;
	struct buf b = BUF_INIT;
	int rc = 0;

	if (fstat(dirfd, &sb) != 0)
		return error_sys(err, errno, "cannot look at the data folder %s", dir);
	rc = safety_folder(&sb, dir, dir, &o, err);
	snprintf(shown, sizeof shown, "%s/" WEEKS_DIR, dir);
	if (rc == 0 && weeksfd >= 0) {
		if (fstat(weeksfd, &sb) != 0)
			rc = error_sys(err, errno, "cannot look at %s", shown);
		else
			rc = safety_folder(&sb, shown, dir, &o, err);
	}
	if (rc == 0 && o.list.len > 0) {
		safety_cache_too(dir, dirfd, &o);
		buf_addf(&b, "others can write to %s: %s; focusweek uses only folders no one else "
			 "can write to, so that no one can replace or remove your plan",
			 buf_str(&o.list), buf_str(&o.fix));
		rc = safety_refuse(&b, err);
	}
	buf_free(&o.list);
	buf_free(&o.fix);
	return rc;
}

bool store_safety_private(int fd)
{
	struct stat sb;

	return fstat(fd, &sb) == 0 && sb.st_uid == geteuid() && !(sb.st_mode & SAFETY_OTHERS_WRITE);
}

/* ---------------------------------------------------------------- make */

/* The deepest folder of path that exists: path cut at a slash, "/" or ".". */
static void safety_existing(const char *path, char out[PATH_MAX], struct stat *sb)
{
	snprintf(out, PATH_MAX, "%s", path);
	for (;;) {
		char *slash;

		if (stat(out, sb) == 0)
			return;
		slash = strrchr(out, '/');
		if (slash == NULL) {
			snprintf(out, PATH_MAX, ".");
		} else if (slash == out) {
			out[1] = '\0';
		} else {
			*slash = '\0';
			continue;
		}
		if (stat(out, sb) != 0)
			memset(sb, 0, sizeof *sb); /* cannot be looked at: mkdir will say */
		return;
	}
}

int store_safety_make(const char *dir, struct error *err)
{
	char parent[PATH_MAX];
	struct stat sb;
	struct buf b = BUF_INIT;

	safety_existing(dir, parent, &sb);
	/* Ours, or shared and sticky (/tmp): no one else can take the new one. */
	if (sb.st_uid == geteuid() || (sb.st_mode & S_ISVTX) || sb.st_mode == 0)
		return 0;
	buf_addf(&b, "the data folder %s does not exist, and ", dir);
	safety_belongs(&b, parent, sb.st_uid);
	buf_adds(&b, ": ");
	safety_way_out(&b, sb.st_uid, parent);
	buf_adds(&b, "; focusweek makes its folder only inside a folder of your own, so that it "
		 "never leaves folders their owner cannot open");
	return safety_refuse(&b, err);
}

/* ---------------------------------------------------------------- hints */

void store_safety_hint(int dirfd, const char *leaf, const char *shown, struct error *err)
{
	struct stat sb;
	struct buf b = BUF_INIT;
	char me[SAFETY_NAME_MAX];

	if (err == NULL || (err->sys_errno != EACCES && err->sys_errno != EPERM) ||
	    fstatat(dirfd, leaf, &sb, AT_SYMLINK_NOFOLLOW) != 0 || sb.st_uid == geteuid())
		return;
	buf_adds(&b, "; it");
	safety_belongs(&b, "", sb.st_uid);
	buf_adds(&b, ": ");
	safety_user(geteuid(), me);
	buf_adds(&b, geteuid() == 0 ? "chown " : "sudo chown ");
	safety_sudo_user(geteuid(), me, &b);
	buf_addc(&b, ' ');
	safety_word(&b, shown);
	snprintf(err->msg + strlen(err->msg), sizeof err->msg - strlen(err->msg), "%s",
		 buf_str(&b));
	buf_free(&b);
}

/* ---------------------------------------------------------------- check */

struct safety_report {
	void (*report)(const char *msg, void *ctx);
	void *ctx;
	int problems;
};

static void safety_say(struct safety_report *r, struct buf *b)
{
	r->report(buf_str(b), r->ctx);
	r->problems++;
	buf_free(b);
}

/* "D/weeks/2026-W50.json belongs to root, not to you (alice): sudo chown
 * alice D/weeks/2026-W50.json" */
static void safety_say_file(struct safety_report *r, const char *shown, uid_t owner)
{
	struct buf b = BUF_INIT;
	char me[SAFETY_NAME_MAX];

	safety_user(geteuid(), me);
	safety_belongs(&b, shown, owner);
	buf_adds(&b, geteuid() == 0 ? ": chown " : ": sudo chown ");
	safety_sudo_user(geteuid(), me, &b);
	buf_addc(&b, ' ');
	safety_word(&b, shown);
	safety_say(r, &b);
}

/* Each entry of folder fd (shown as dir) that belongs to someone else; the
 * store's own folders are looked at on their own. */
static void safety_files(int fd, const char *dir, struct safety_report *r)
{
	int copy = dup(fd);
	DIR *d = copy >= 0 ? fdopendir(copy) : NULL;
	struct dirent *de;

	if (d == NULL) {
		if (copy >= 0)
			close(copy);
		return;
	}
	rewinddir(d);
	while ((de = readdir(d)) != NULL) {
		char shown[PATH_MAX];
		struct stat sb;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    fstatat(fd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
		    sb.st_uid == geteuid())
			continue;
		if (S_ISDIR(sb.st_mode) &&
		    (strcmp(de->d_name, WEEKS_DIR) == 0 || strcmp(de->d_name, CACHE_DIR) == 0))
			continue;
		snprintf(shown, sizeof shown, "%s/%s", dir, de->d_name);
		safety_say_file(r, shown, sb.st_uid);
	}
	closedir(d);
}

/* cache/ that is not private: said, with its files when it is ours. */
static void safety_cache(struct store *st, struct safety_report *r)
{
	char shown[PATH_MAX];
	struct buf b = BUF_INIT;
	struct stat sb;
	int fd;

	snprintf(shown, sizeof shown, "%s/" CACHE_DIR, st->dir);
	if (fstatat(st->dirfd, CACHE_DIR, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(sb.st_mode))
		return;
	if (sb.st_uid != geteuid()) {
		/* Not listed: its files are most likely its owner's too. */
		safety_belongs(&b, shown, sb.st_uid);
		buf_adds(&b, ", so the review does not use it; it holds only what the review "
			 "makes again: ");
		buf_adds(&b, geteuid() == 0 ? "rm -r " : "sudo rm -r ");
		safety_word(&b, shown);
		safety_say(r, &b);
		return;
	}
	if (sb.st_mode & SAFETY_OTHERS_WRITE) {
		buf_addf(&b, "others can write to %s (mode %04o), so the review does not use it: "
			 "chmod 700 ", shown, (unsigned)(sb.st_mode & 07777));
		safety_word(&b, shown);
		safety_say(r, &b);
	}
	fd = openat(st->dirfd, CACHE_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		safety_files(fd, shown, r);
		close(fd);
	}
}

int store_safety_report(struct store *st, void (*report)(const char *msg, void *ctx), void *ctx)
{
	struct safety_report r = { report, ctx, 0 };
	char shown[PATH_MAX];

	safety_files(st->dirfd, st->dir, &r);
	if (st->weeksfd >= 0) {
		snprintf(shown, sizeof shown, "%s/" WEEKS_DIR, st->dir);
		safety_files(st->weeksfd, shown, &r);
	}
	safety_cache(st, &r);
	return r.problems;
}
