/* boot.h - opening the data folder the way every interface does: the folder
 * from flags and environment, the starter plan on a first run, or a
 * throw-away demo copy that never touches the user's data. */
#ifndef FOCUSWEEK_BOOT_H
#define FOCUSWEEK_BOOT_H

#include <stdbool.h>

#include "error.h"
#include "model.h"
#include "store.h"

struct boot {
	struct store *store;  /* the open folder */
	struct plan *plan;    /* plan.json as loaded */
	bool first_run;       /* the starter plan was just created */
	char *demo_dir;       /* the demo's temp folder, removed by boot_close */
};

/*
 * Opens the folder (data_flag from --data, or NULL) and loads the plan.  On a
 * first run, creates the folder and the starter plan with this week's
 * rotation.  With demo set, fills a fresh temp folder instead.
 */
int boot_open(struct boot *b, const char *data_flag, bool demo, struct error *err);
void boot_close(struct boot *b);

#endif
