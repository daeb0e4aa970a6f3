/* store_digest.c - the digest cache: cache/YYYY-Www.json beside each
 * settled week, used only while the week file is the one it was made from. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "codec.h"
#include "store_int.h"

int store_cache_dir(struct store *st, bool create)
{
	bool made = false;

	if (st->cachefd >= 0)
		return st->cachefd;
	if (st->cache_refused)
		return -1;
	if (create) {
		made = mkdirat(st->dirfd, CACHE_DIR, 0700) == 0;
		if (!made && errno != EEXIST)
			return -1;
	}
	/* Not through a symbolic link, and only a folder. */
	st->cachefd = openat(st->dirfd, CACHE_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (made && st->cachefd >= 0)
		fchmod(st->cachefd, 0700); /* whatever the umask, as weeks/ */
	/* Someone else's, or open to others: its digests could be anyone's
	 * figures.  The review reads the weeks instead; check says why. */
	if (st->cachefd >= 0 && !store_safety_private(st->cachefd)) {
		close(st->cachefd);
		st->cachefd = -1;
		st->cache_refused = true;
	}
	return st->cachefd;
}

/* "2026-W40.json" */
static void digest_leaf(int key, char *out, size_t size)
{
	char wk[9];

	date_week_format(key, wk);
	snprintf(out, size, "%s.json", wk);
}

/* The stamp as text, every field exact (inode numbers pass 2^53): "absent",
 * or "dev:ino:size:mtime:ctime" with times as seconds.nanoseconds. */
static void digest_stamp_text(const struct stamp *s, char out[CODEC_DIGEST_FILE_MAX])
{
	if (!s->exists) {
		snprintf(out, CODEC_DIGEST_FILE_MAX, "absent");
		return;
	}
	snprintf(out, CODEC_DIGEST_FILE_MAX, "%ju:%ju:%jd:%jd.%09ld:%jd.%09ld", (uintmax_t)s->dev,
		 (uintmax_t)s->ino, (intmax_t)s->size, (intmax_t)s->mtime.tv_sec,
		 (long)s->mtime.tv_nsec, (intmax_t)s->ctime.tv_sec, (long)s->ctime.tv_nsec);
}

/* The week file's stamp now, as text; -1 when it is not a regular file (or
 * cannot be looked at): such a week is never taken from the cache. */
static int digest_week_now(const struct store *st, const char *leaf,
			   char out[CODEC_DIGEST_FILE_MAX])
{
	struct stamp now = { 0 };
	const char *kind = NULL;

	if (st->weeksfd >= 0 && fsio_stat(st->weeksfd, leaf, &now, &kind, NULL) != 0)
		return -1;
	if (kind != NULL)
		return -1;
	digest_stamp_text(&now, out);
	return 0;
}

int store_load_digest(struct store *st, int key, int slot, struct review_digest **out)
{
	char leaf[16], want[CODEC_DIGEST_FILE_MAX], file[CODEC_DIGEST_FILE_MAX], *data;
	struct review_digest *d;
	struct stamp stamp;
	struct error err;
	size_t len;

	*out = NULL;
	digest_leaf(key, leaf, sizeof leaf);
	/* Nothing is said about a cache file that is not used: the messages
	 * name the leaf only, and are dropped. */
	if (store_cache_dir(st, false) < 0 || digest_week_now(st, leaf, want) != 0 ||
	    fsio_read(st->cachefd, leaf, leaf, DIGEST_MAX, &data, &len, &stamp, &err) != 0)
		return 1;
	if (codec_digest_read(data, len, leaf, key, slot, &d, file, &err) != 0) {
		free(data);
		return 1;
	}
	free(data);
	if (strcmp(file, want) != 0) {
		review_digest_free(d);
		return 1;
	}
	*out = d;
	return 0;
}

void store_save_digest(struct store *st, const struct review_digest *d)
{
	char rel[32], leaf[16], file[CODEC_DIGEST_FILE_MAX], *data;
	const struct stamp *seen;
	size_t len;

	store_week_rel(d->key, rel, sizeof rel);
	seen = store_stamp(st, rel, false);
	/* Only a week loaded through st, from a regular file or none. */
	if (st->readonly || seen == NULL || (seen->exists && seen->ino == 0) ||
	    store_cache_dir(st, true) < 0)
		return;
	digest_stamp_text(seen, file);
	data = codec_digest_write(d, file, &len);
	digest_leaf(d->key, leaf, sizeof leaf);
	if (data != NULL && len <= DIGEST_MAX)
		fsio_put_quick(st->io, st->cachefd, leaf, data, len);
	free(data);
}
