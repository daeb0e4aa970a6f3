/* error.c - errors as values. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void error_vfill(struct error *err, enum error_code code, int sys_errno,
			const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
static void error_vfill(struct error *err, enum error_code code, int sys_errno,
			const char *fmt, va_list ap)
{
	err->code = code;
	err->sys_errno = sys_errno;
	err->committed = 0;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

int error_set(struct error *err, enum error_code code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	error_vfill(err, code, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int error_sys(struct error *err, int sys_errno, const char *fmt, ...)
{
	va_list ap;
	size_t len;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	error_vfill(err, ERR_IO, sys_errno, fmt, ap);
	va_end(ap);
	len = strlen(err->msg);
	snprintf(err->msg + len, sizeof err->msg - len, ": %s", strerror(sys_errno));
	return -1;
}

int error_prefix(struct error *err, const char *fmt, ...)
{
	char prefix[256], old[sizeof err->msg];
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	{
		size_t n = strlen(prefix), m = strlen(old);

		/* "prefix: old", cut to fit. */
		if (n > sizeof err->msg - 3)
			n = sizeof err->msg - 3;
		memcpy(err->msg, prefix, n);
		memcpy(err->msg + n, ": ", 2);
		if (m > sizeof err->msg - n - 3)
			m = sizeof err->msg - n - 3;
		memcpy(err->msg + n + 2, old, m);
		err->msg[n + 2 + m] = '\0';
	}
	return -1;
}

void error_clear(struct error *err)
{
	if (err != NULL) {
		err->code = ERR_NONE;
		err->sys_errno = 0;
		err->committed = 0;
		err->msg[0] = '\0';
	}
}
