/* app_words.h - the names a shell completes (focusweek completion words),
 * read without creating or changing anything: before a first run there
 * are none. */
#ifndef FOCUSWEEK_APP_WORDS_H
#define FOCUSWEEK_APP_WORDS_H

#include <stdbool.h>

#include "buf.h"
#include "date.h"
#include "error.h"

enum app_words {
	APP_WORDS_INDUSTRIES,  /* names of industries in use */
	APP_WORDS_ACCOUNTS,    /* names of accounts in use */
	APP_WORDS_TEMPLATES,   /* names of templates */
	APP_WORDS_BLOCKS,      /* ids of the blocks of the week holding `today` */
};

/* Appends one "WORD\tDESCRIPTION\n" line per name to out. */
int app_words(const char *data_flag, enum app_words kind, date_t today, struct buf *out,
	      struct error *err);

#endif
