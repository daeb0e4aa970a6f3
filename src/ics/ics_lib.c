/* ics_lib.c - libical, opened when a calendar is first read or written. */
#include "ics_lib.h"
#include "ics.h"

#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FOCUSWEEK_LIBICAL
#define FOCUSWEEK_LIBICAL "libical.so.3"
#endif

/* The library, opened once for the life of the process (as a linked one
 * would be): set by the first ics_lib_open and never changed after. */
static struct ics_lib lib;
static enum { LIB_CLOSED, LIB_OPEN, LIB_MISSING } lib_state;
static char lib_why[300];

/* Where each function goes in the table. */
static const struct {
	const char *name;
	size_t offset;
} lib_slots[] = {
#define ICS_LIB_SLOT(name) { #name, offsetof(struct ics_lib, name) },
	ICS_LIB_FUNCTIONS(ICS_LIB_SLOT)
#undef ICS_LIB_SLOT
};

static int ics_lib_load(void)
{
	void *h = dlopen(FOCUSWEEK_LIBICAL, RTLD_NOW | RTLD_LOCAL);

	if (h == NULL) {
		snprintf(lib_why, sizeof lib_why,
			 "calendar files need libical (%s), which cannot be loaded: %s; install it "
			 "(e.g. apt-get install libical3)", FOCUSWEEK_LIBICAL, dlerror());
		return -1;
	}
	for (size_t i = 0; i < sizeof lib_slots / sizeof lib_slots[0]; i++) {
		void *f = dlsym(h, lib_slots[i].name);

		if (f == NULL) {
			snprintf(lib_why, sizeof lib_why, "%s has no %s; install libical 3",
				 FOCUSWEEK_LIBICAL, lib_slots[i].name);
			return -1;
		}
		/* POSIX: a function's address from dlsym converts to a pointer to it. */
		memcpy((char *)&lib + lib_slots[i].offset, &f, sizeof f);
	}
	return 0;
}

int ics_lib_open(struct error *err)
{
	if (lib_state == LIB_CLOSED)
		lib_state = ics_lib_load() == 0 ? LIB_OPEN : LIB_MISSING;
	if (lib_state == LIB_OPEN)
		return 0;
	return error_set(err, ERR_IO, "%s", lib_why);
}

const struct ics_lib *ics_lib(void)
{
	if (lib_state != LIB_OPEN) {
		fputs("focusweek: libical was called before it was opened\n", stderr);
		abort();
	}
	return &lib;
}

const char *ics_lib_version(void)
{
	static char version[sizeof "255.255.65535"];

	snprintf(version, sizeof version, "%d.%d.%d", ICAL_MAJOR_VERSION, ICAL_MINOR_VERSION,
		 ICAL_PATCH_VERSION);
	return version;
}
