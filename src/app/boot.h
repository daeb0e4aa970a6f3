/* boot.h - opening the data folder the way every interface does: the folder
 * from flags and environment, or a throw-away demo copy that never touches
 * the user's data.  Opening writes nothing: a folder that does not exist
 * yet is made by the first change (boot_create), and a folder without
 * plan.json reads as an empty plan with the default settings until then. */
#ifndef FOCUSWEEK_BOOT_H
#define FOCUSWEEK_BOOT_H

#include <stdbool.h>

#include "error.h"
#include "model.h"
#include "store.h"

struct boot {
	struct store *store;  /* the open folder, or NULL while it does not exist */
	char *dir;            /* the folder */
	struct plan *plan;    /* plan.json as loaded, or the defaults while there is none */
	bool fresh;           /* no plan.json yet: the first change writes it */
	char *demo_dir;       /* the demo's temp folder, removed by boot_close */
};

/*
 * Opens the folder (data_flag from --data, or NULL) and loads the plan.
 * With create, a missing folder is made (empty); without, it stays missing
 * and store is NULL.  A folder that holds weeks but no plan.json is refused
 * (restore plan.json rather than start over).  With demo set, fills a
 * fresh temp folder instead.
 */
int boot_open(struct boot *b, const char *data_flag, bool demo, bool create, struct error *err);
/* Makes and opens the folder when it does not exist yet (the first write). */
int boot_create(struct boot *b, struct error *err);
void boot_close(struct boot *b);

#endif
