/* codec.h - the data files' JSON form, read strictly and written plainly.
 * With theme_codec.c, the only place that knows cJSON (codec_*.c).  Private
 * to src/store/. */
#ifndef FOCUSWEEK_CODEC_H
#define FOCUSWEEK_CODEC_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"
#include "review.h"
#include "store_sync.h"
#include "timer.h"

/* Installs cJSON's allocator hooks, once (codec_read.c).  The store calls it
 * on opening, before any reading or writing, and so before any thread does;
 * the readers call it too. */
void codec_init(void);

/*
 * Each reader checks the text (jsoncheck), parses it, and checks every key,
 * type, range and model rule.  A file of a newer schema is read leniently
 * (unknown keys skipped) and *newer is set so the caller opens it read-only.
 * Errors name the file (`shown`), the JSON path and the reason.
 */
int codec_plan_read(const char *text, size_t len, const char *shown, struct plan **out,
		    bool *newer, struct error *err);
int codec_week_read(const char *text, size_t len, const char *shown, const struct plan *p,
		    int key, struct week **out, bool *newer, struct error *err);
int codec_timer_read(const char *text, size_t len, const char *shown,
		     struct timer_state *out, bool *newer, struct error *err);

/*
 * cache/YYYY-Www.json: a week's review digest with `file`, the stamp of the
 * week file it was made from (text the store makes and compares; at most
 * CODEC_DIGEST_FILE_MAX - 1 bytes).  The reader takes only a file of this
 * digest version made for week `key` with slot length `slot`, and bounds
 * every number and list by what one valid week can give (codec_digest.c).
 * *out is for review_digest_free.
 */
#define CODEC_DIGEST_FILE_MAX 128
int codec_digest_read(const char *text, size_t len, const char *shown, int key, int slot,
		      struct review_digest **out, char file[CODEC_DIGEST_FILE_MAX],
		      struct error *err);
/* One line of JSON without a newline (free()). */
char *codec_digest_write(const struct review_digest *d, const char *file, size_t *len);

/* sync.json and cache/busy.json (store_sync.h; codec_sync.c, codec_busy.c).
 * The busy cache's reader refuses any file of another version. */
int codec_sync_read(const char *text, size_t len, const char *shown, struct sync_state **out,
		    bool *newer, struct error *err);
char *codec_sync_write(const struct sync_state *s, size_t *len);
int codec_busy_read(const char *text, size_t len, const char *shown,
		    struct sync_busy_cache **out, struct error *err);
/* One line, without a newline (free()). */
char *codec_busy_write(const struct sync_busy_cache *c, size_t *len);
/* A vdir file's stamp as "dev:inode:size:seconds.nanoseconds" (no ctime),
 * and back (*end: past it). */
#define CODEC_STAMP_MAX 96
void codec_stamp_text(const struct stamp *s, char out[CODEC_STAMP_MAX]);
int codec_stamp_read(const char *s, struct stamp *out, const char **end);

/* The file contents (free()), formatted, ending in a newline. */
char *codec_plan_write(const struct plan *p, size_t *len);
char *codec_week_write(const struct week *w, size_t *len);
char *codec_timer_write(const struct timer_state *t, size_t *len);

#endif
