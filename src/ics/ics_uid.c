/* ics_uid.c - the calendar UID of a block, and a UID known as a block's.
 *
 * A block's UID is its short id, this install's id and ICS_UID_SUFFIX:
 * "2026W49-3.k3f9x2m8qa@focusweek", so that two installs that each made
 * block 2026W49-3 write two events.  Exports made before installs had ids
 * wrote "2026W49-3@focusweek"; such a UID still names the block 2026W49-3
 * of this plan, so importing an old export again duplicates nothing.
 */
#include <stdio.h>
#include <string.h>

#include "ics.h"

void ics_block_uid(const struct plan *p, const char *id, char *out, size_t size)
{
	const char *install = plan_install(p);

	if (install[0] != '\0')
		snprintf(out, size, "%s.%s%s", id, install, ICS_UID_SUFFIX);
	else
		snprintf(out, size, "%s%s", id, ICS_UID_SUFFIX);
}

bool ics_uid_block_id(const struct plan *p, const char *uid, char id[MODEL_ID_MAX])
{
	size_t n = strlen(uid), k = strlen(ICS_UID_SUFFIX), m;
	const char *install = plan_install(p), *dot;

	if (n <= k || strcmp(uid + n - k, ICS_UID_SUFFIX) != 0)
		return false;
	n -= k;
	dot = memchr(uid, '.', n);
	if (dot != NULL) {
		/* "ID.INSTALL": this install's only. */
		m = strlen(install);
		if (m == 0 || (size_t)(uid + n - dot - 1) != m || memcmp(dot + 1, install, m) != 0)
			return false;
		n = (size_t)(dot - uid);
	}
	if (n == 0 || n >= MODEL_ID_MAX)
		return false;
	memcpy(id, uid, n);
	id[n] = '\0';
	return true;
}
