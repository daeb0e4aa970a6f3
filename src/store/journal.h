/* journal.h - the redo journal of a change to several files.  Private to
 * src/store/.
 *
 * The journal is itself saved durably (temp, fsync, rename), so it is either
 * absent or whole; a checksum guards against a damaged disk.  Its format:
 *
 *   focusweek-journal 1\n
 *   F <relative path> <length>\n<bytes>\n     (write this file)
 *   D <relative path>\n                       (remove this file)
 *   END <fnv1a-64 of everything before, hex>\n
 *
 * Paths may only be plan.json, timer.json or weeks/YYYY-Www.json, each once.
 */
#ifndef FOCUSWEEK_JOURNAL_H
#define FOCUSWEEK_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "fsio.h"

struct journal_entry {
	const char *rel;   /* relative path */
	const char *data;  /* NULL: remove */
	size_t len;
};

bool journal_exists(int dirfd);
/* The same for the folder at path dir, without opening it: true also when
 * it cannot be told (anything but "no such file"). */
bool journal_maybe_at(const char *dir);
int journal_write(const struct sysio *io, int dirfd, const char *dir,
		  const struct journal_entry *e, size_t n, struct error *err);
/* Applies the journal, then removes it.  A damaged journal is set aside as
 * journal.damaged and reported; nothing of it is applied. */
int journal_replay(const struct sysio *io, int dirfd, const char *dir, struct error *err);
int journal_remove(const struct sysio *io, int dirfd, const char *dir, struct error *err);

#endif
