/* store_internal.h - hooks for tests of the storage module. */
#ifndef FOCUSWEEK_STORE_INTERNAL_H
#define FOCUSWEEK_STORE_INTERNAL_H

#include "fsio.h"
#include "store.h"

/* Routes every system call of a save through io (fault injection). */
void store_set_io(struct store *st, const struct sysio *io);

#endif
