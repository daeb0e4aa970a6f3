/* cli_message.c - what a command says: "focusweek CMD: ..." on stderr for a
 * refusal or a usage error, and its output on stdout, both made safe for
 * the terminal. */
#include "cli_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void cli_vmessage(const struct cli *c, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void cli_vmessage(const struct cli *c, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, safe = BUF_INIT;

	buf_vaddf(&raw, fmt, ap);
	text_safe(&safe, buf_str(&raw), c->err_mode);
	fprintf(stderr, "focusweek%s%s: %s\n", c->command && c->command[0] ? " " : "",
		c->command ? c->command : "", buf_str(&safe));
	buf_free(&raw);
	buf_free(&safe);
}

void cli_message(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmessage(c, fmt, ap);
	va_end(ap);
}

int cli_fail(struct cli *c, const struct error *err)
{
	cli_message(c, "%s", err->msg);
	return err->code == ERR_USAGE ? CLI_USAGE : CLI_FAIL;
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmessage(c, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'focusweek %s%s--help'.\n", c->command ? c->command : "",
		c->command && c->command[0] ? " " : "");
	return CLI_USAGE;
}

int cli_refuse(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vmessage(c, fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

void cli_print(const struct cli *c, const char *text)
{
	struct buf safe = BUF_INIT;
	const char *p = text;

	/* Line by line, so the newlines survive the control-character filter. */
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		text_safe_n(&safe, p, n, c->out_mode);
		if (nl)
			buf_addc(&safe, '\n');
		p += n + (nl ? 1 : 0);
	}
	fputs(buf_str(&safe), stdout);
	buf_free(&safe);
}
