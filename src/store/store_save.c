/* store_save.c - saving one file, or several as one change (a transaction). */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "codec.h"
#include "journal.h"
#include "store_int.h"
#include "xalloc.h"

/* ---------------------------------------------------------------- saves */

static int store_writable(struct store *st, struct error *err)
{
	if (st->readonly)
		return error_set(err, ERR_READONLY, "read-only: %s", st->readonly_why);
	return 0;
}

static int store_ensure_weeks(struct store *st, struct error *err)
{
	if (st->weeksfd >= 0)
		return 0;
	if (mkdirat(st->dirfd, WEEKS_DIR, 0700) != 0 && errno != EEXIST)
		return error_sys(err, errno, "cannot create %s/" WEEKS_DIR, st->dir);
	st->weeksfd = openat(st->dirfd, WEEKS_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (st->weeksfd < 0)
		return error_sys(err, errno, "cannot open %s/" WEEKS_DIR, st->dir);
	fchmod(st->weeksfd, 0700);
	fsync(st->dirfd);
	return 0;
}

/* Saves one file durably under the lock, checking it is unchanged on disk. */
int store_put(struct store *st, const char *rel, const char *data, size_t len,
	      struct error *err)
{
	char shown[PATH_MAX];
	bool week = strncmp(rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
	struct stamp *known, fresh;
	int dirfd, rc;

	if (store_writable(st, err) != 0 || store_lock(st, STORE_LOCK_WAIT_MS, err) != 0)
		return -1;
	if (week && store_ensure_weeks(st, err) != 0) {
		store_unlock(st);
		return -1;
	}
	dirfd = week ? st->weeksfd : st->dirfd;
	store_shown(st, rel, shown, sizeof shown);
	/* Never read: expect it absent, so a file made meanwhile is not clobbered. */
	known = store_stamp(st, rel, true);
	rc = fsio_save(st->io, dirfd, week ? rel + sizeof WEEKS_DIR : rel, shown, data, len,
		       known, true, &fresh, err);
	if (rc == 0 || (err != NULL && err->committed)) {
		*known = fresh;
		st->saved++;
	}
	store_unlock(st);
	return rc;
}

int store_save_plan(struct store *st, const struct plan *p, struct error *err)
{
	size_t len;
	char *data = codec_plan_write(p, &len);
	int rc = store_put(st, PLAN_FILE, data, len, err);

	free(data);
	return rc;
}

int store_save_week(struct store *st, const struct week *w, struct error *err)
{
	char rel[32];
	size_t len;
	char *data = codec_week_write(w, &len);
	int rc;

	store_week_rel(week_key(w), rel, sizeof rel);
	rc = store_put(st, rel, data, len, err);
	free(data);
	return rc;
}

int store_save_timer(struct store *st, const struct timer_state *t, struct error *err)
{
	size_t len;
	char *data = codec_timer_write(t, &len);
	int rc = store_put(st, TIMER_FILE, data, len, err);

	free(data);
	return rc;
}

int store_clear_timer(struct store *st, struct error *err)
{
	struct store_txn *tx = store_txn_new(st);

	store_txn_timer(tx, NULL);
	return store_txn_commit(tx, err);
}

/* ---------------------------------------------------------------- txn */

struct txn_item {
	char rel[32];
	char *data;      /* NULL: remove the file */
	size_t len;
};

struct store_txn {
	struct store *st;
	struct txn_item *items; /* grows: an import may touch a year of weeks */
	size_t n, cap;
};

struct store_txn *store_txn_new(struct store *st)
{
	struct store_txn *tx = xcalloc(1, sizeof *tx);

	tx->st = st;
	return tx;
}

void store_txn_add(struct store_txn *tx, const char *rel, char *data, size_t len)
{
	for (size_t i = 0; i < tx->n; i++) {
		if (strcmp(tx->items[i].rel, rel) == 0) {
			free(tx->items[i].data);
			tx->items[i].data = data;
			tx->items[i].len = len;
			return;
		}
	}
	tx->items = xgrow(tx->items, &tx->cap, tx->n + 1, sizeof *tx->items);
	snprintf(tx->items[tx->n].rel, sizeof tx->items[0].rel, "%s", rel);
	tx->items[tx->n].data = data;
	tx->items[tx->n].len = len;
	tx->n++;
}

void store_txn_plan(struct store_txn *tx, const struct plan *p)
{
	size_t len;
	char *data = codec_plan_write(p, &len);

	store_txn_add(tx, PLAN_FILE, data, len);
}

void store_txn_week(struct store_txn *tx, const struct week *w)
{
	char rel[32];
	size_t len;
	char *data = codec_week_write(w, &len);

	store_week_rel(week_key(w), rel, sizeof rel);
	store_txn_add(tx, rel, data, len);
}

void store_txn_timer(struct store_txn *tx, const struct timer_state *t)
{
	size_t len = 0;
	char *data = t != NULL ? codec_timer_write(t, &len) : NULL;

	store_txn_add(tx, TIMER_FILE, data, len);
}

void store_txn_free(struct store_txn *tx)
{
	if (tx == NULL)
		return;
	for (size_t i = 0; i < tx->n; i++)
		free(tx->items[i].data);
	free(tx->items);
	free(tx);
}

/* Every file must still be as we last saw it. */
static int store_txn_check(struct store_txn *tx, struct error *err)
{
	struct store *st = tx->st;

	for (size_t i = 0; i < tx->n; i++) {
		const char *rel = tx->items[i].rel;
		bool week = strncmp(rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
		struct stamp *known = store_stamp(st, rel, true), now;
		char shown[PATH_MAX];
		const char *kind;

		store_shown(st, rel, shown, sizeof shown);
		if (week && st->weeksfd < 0) {
			if (known->exists)
				return error_set(err, ERR_CONFLICT, "%s disappeared; reload", shown);
			continue;
		}
		if (fsio_stat(week ? st->weeksfd : st->dirfd, week ? rel + sizeof WEEKS_DIR : rel,
			      &now, &kind, err) != 0)
			return -1;
		if (kind != NULL)
			return error_set(err, ERR_DATA, "%s is %s; focusweek leaves it alone", shown,
					 kind);
		/* Removing a file nobody read (no timer ran) needs no check. */
		if (tx->items[i].data == NULL && !now.exists)
			continue;
		if (!fsio_stamp_equal(&now, known))
			return error_set(err, ERR_CONFLICT,
					 "%s was changed by another program since focusweek read "
					 "it; nothing was overwritten: reload and try again", shown);
	}
	return 0;
}

static int store_txn_apply(struct store_txn *tx, struct error *err)
{
	struct store *st = tx->st;

	for (size_t i = 0; i < tx->n; i++) {
		struct txn_item *it = &tx->items[i];
		bool week = strncmp(it->rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
		int dirfd = week ? st->weeksfd : st->dirfd;
		const char *leaf = week ? it->rel + sizeof WEEKS_DIR : it->rel;
		struct stamp *known = store_stamp(st, it->rel, true), fresh = { 0 };
		char shown[PATH_MAX];
		int rc;

		store_shown(st, it->rel, shown, sizeof shown);
		if (it->data == NULL)
			rc = fsio_remove(st->io, dirfd, leaf, shown, err);
		else
			rc = fsio_save(st->io, dirfd, leaf, shown, it->data, it->len, NULL, true,
				       &fresh, err);
		if (rc != 0 && !(err != NULL && err->committed))
			return -1;
		*known = fresh;
		st->saved++;
		if (rc != 0)
			return -1;
	}
	return 0;
}

int store_txn_commit(struct store_txn *tx, struct error *err)
{
	struct store *st = tx->st;
	bool needs_weeks = false;
	int rc = -1;

	if (store_writable(st, err) != 0 || store_lock(st, STORE_LOCK_WAIT_MS, err) != 0) {
		store_txn_free(tx);
		return -1;
	}
	for (size_t i = 0; i < tx->n; i++)
		needs_weeks |= strncmp(tx->items[i].rel, WEEKS_DIR "/", sizeof WEEKS_DIR) == 0;
	if (store_txn_check(tx, err) != 0 || (needs_weeks && store_ensure_weeks(st, err) != 0))
		goto out;
	if (tx->n > 1) {
		struct journal_entry *je = xcalloc(tx->n, sizeof *je);
		int jrc;

		for (size_t i = 0; i < tx->n; i++) {
			je[i].rel = tx->items[i].rel;
			je[i].data = tx->items[i].data;
			je[i].len = tx->items[i].len;
		}
		jrc = journal_write(st->io, st->dirfd, st->dir, je, tx->n, err);
		free(je);
		if (jrc != 0)
			goto out;
	}
	if (store_txn_apply(tx, err) != 0) {
		if (tx->n > 1 && err != NULL) {
			/* The journal holds the change; the next writer completes it. */
			err->committed = 1;
			error_prefix(err, "the change is kept in the journal and will be "
				     "completed on the next save");
		}
		goto out;
	}
	rc = tx->n > 1 ? journal_remove(st->io, st->dirfd, st->dir, err) : 0;
	if (rc != 0 && err != NULL && !err->committed) {
		/* Every file is new; replaying the journal again changes nothing. */
		err->committed = 1;
		error_prefix(err, "the change was saved; the journal will be replayed on the "
			     "next start");
	}
out:
	store_unlock(st);
	store_txn_free(tx);
	return rc;
}
