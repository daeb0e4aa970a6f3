/* error.h - errors as values.
 *
 * Every fallible core function takes a `struct error *` and returns 0 on
 * success or -1 with the error filled in.  The message is one line of plain
 * UTF-8 text that names the problem and, where there is one, the way out.
 */
#ifndef FOCUSWEEK_ERROR_H
#define FOCUSWEEK_ERROR_H

enum error_code {
	ERR_NONE = 0,
	ERR_USAGE,    /* bad flag or argument: exit 2 */
	ERR_REFUSED,  /* a rule refused the change: nothing was changed */
	ERR_NOTFOUND, /* no such block, industry, account... */
	ERR_DATA,     /* a data file is damaged or hostile */
	ERR_IO,       /* a system call failed */
	ERR_CONFLICT, /* the file changed on disk since it was read */
	ERR_LOCKED,   /* another writer holds the plan */
	ERR_READONLY, /* the plan is open read-only */
};

struct error {
	enum error_code code;
	int sys_errno;      /* errno of a failed system call, or 0 */
	int committed;      /* ERR_IO after the new data was already in place */
	char msg[640];
};

/* Fills err (if not NULL) and returns -1. */
int error_set(struct error *err, enum error_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Like error_set, appending ": strerror(sys_errno)". */
int error_sys(struct error *err, int sys_errno, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prepends "prefix: " to the message already in err. */
int error_prefix(struct error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void error_clear(struct error *err);

#endif
