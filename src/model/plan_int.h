/* plan_int.h - what the files of the plan share, and no one else: the
 * plan itself and the check of a name.  Private to src/model/. */
#ifndef FOCUSWEEK_PLAN_INT_H
#define FOCUSWEEK_PLAN_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct plan {
	int schema;                 /* schema of the file it came from */
	struct settings settings;
	struct quota quota;
	int last_planned_week;      /* week key the planning screen last opened for */
	char install[MODEL_INSTALL_MAX]; /* this install's id, or "" (plan_install) */
	struct industry *industries;
	size_t n_industries, cap_industries;
	struct account *accounts;
	size_t n_accounts, cap_accounts;
	struct template *templates;
	size_t n_templates, cap_templates;
	char (*sample_blocks)[MODEL_ID_MAX]; /* ids of the sample plan's blocks */
	size_t n_sample_blocks;
	bool sample_quota;          /* the quota is the sample's */
};

/* A name of an industry, account, template or theme (`what`): not empty,
 * text of at most MODEL_NAME_MAX bytes, no space at either end. */
int plan_check_name(const char *what, const char *name, struct error *err);

#endif
