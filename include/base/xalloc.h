/* xalloc.h - allocation that never returns NULL.
 *
 * Running out of memory is treated as impossible: the registered panic hook
 * (the UI uses it to restore the terminal) runs, a message is printed and the
 * program aborts.  Every *_new in the project has a matching *_free.
 */
#ifndef FOCUSWEEK_XALLOC_H
#define FOCUSWEEK_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array to hold at least `need` items of `size` bytes; *cap is updated. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Called once before aborting on out-of-memory. */
void xalloc_set_panic_hook(void (*hook)(void));

#endif
