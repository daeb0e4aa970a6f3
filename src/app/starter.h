/* starter.h - the plan a first run creates, and the filled demo week.
 *
 * The starter plan holds four example industries rotated over Monday to
 * Thursday, Friday for accounts and admin, and one prospecting block per
 * niche day, so the first screen has something to show and to change.
 * The demo is a realistic, filled month: the current week partly done, the
 * three before it done with outcomes, sales toward the quota.
 */
#ifndef FOCUSWEEK_STARTER_H
#define FOCUSWEEK_STARTER_H

#include "clock.h"
#include "error.h"
#include "model.h"
#include "store.h"

struct plan *starter_plan(void);
/* This week's rotation and blocks for the starter plan. */
struct week *starter_week(const struct plan *p, int key);
/* The sample: the starter's industries and accounts added to p (which has
 * none), each marked as the sample's, and its quota when p has none. */
int starter_sample(struct plan *p, struct error *err);
/* Is q the starter's quota? */
bool starter_is_quota(const struct quota *q);
/* The starter's niches (on days without one) and blocks (where they fit)
 * added to w; with note, each block's id noted there as the sample's. */
void starter_fill(struct week *w, const struct plan *p, struct plan *note);

/* Writes the demo plan and weeks around `now` into an empty store. */
int starter_demo(struct store *st, instant_t now, struct error *err);

#endif
