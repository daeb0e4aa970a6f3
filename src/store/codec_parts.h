/* codec_parts.h - what the files share: the words for the model's enums
 * (in the order of the enums), ids, outcome counters and interruptions.
 * Private to src/store/. */
#ifndef FOCUSWEEK_CODEC_PARTS_H
#define FOCUSWEEK_CODEC_PARTS_H

#include <stddef.h>

#include "codec_read.h"
#include "model.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

extern const char *const codec_kind_names[5];
extern const char *const codec_status_names[3];
extern const char *const codec_focus_names[2];
extern const char *const codec_part_names[3];
extern const char *const codec_period_names[2];
extern const char *const codec_end_names[3];
extern const char *const codec_day_names[7];
/* enum time_format */
extern const char *const codec_clock_names[2];

/* v: calls, conversations, meetings, revenue (each may be NULL).  "revenue"
 * is read from files written before money went into sales (week schema 1):
 * *revenue gets it, 0 when absent. */
int codec_read_outcome(struct rd *r, const cJSON *const *v, struct outcome *o,
		       int64_t *revenue);
int codec_read_id(struct rd *r, const cJSON *v, const char *key, char out[MODEL_ID_MAX]);
int codec_read_interruptions(struct rd *r, const cJSON *arr, struct interruption **out,
			     size_t *n_out);
void codec_wr_outcome(cJSON *o, const struct outcome *out);
cJSON *codec_wr_interruptions(const struct interruption *in, size_t n);

#endif
