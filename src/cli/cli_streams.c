/* cli_streams.c - the standard streams around a command: opened on
 * /dev/null when closed, and at the end the output written (or why not),
 * with what the hooks of its change said. */
#include "cli_int.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app_hooks.h"

/*
 * The standard streams.  One closed by the caller (>&-) is opened on
 * /dev/null, so no file focusweek opens takes its number (what is printed
 * would land in that file): closed output is output thrown away.  A closed
 * pipe is an error to write to, not SIGPIPE, so that a command that saved
 * a change lives to say so (cli_finish).
 */
void cli_std_streams(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		int null;

		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
		if (null >= 0 && null != fd) {
			dup2(null, fd);
			close(null);
		}
	}
	signal(SIGPIPE, SIG_IGN);
}

/* stdout is a pipe (or socket) whose reader has gone. */
static bool cli_pipe_gone(void)
{
	struct pollfd p = { .fd = STDOUT_FILENO, .events = POLLOUT };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

/* Hooks that failed after the command's change, one line each. */
static void cli_hooks_said(struct cli *c)
{
	struct buf b = BUF_INIT;

	if (c->app == NULL || !app_hooks_report(c->app, &b))
		return;
	for (const char *p = buf_str(&b); *p;) {
		size_t n = strcspn(p, "\n");

		cli_message(c, "%.*s", (int)n, p);
		p += n + (p[n] == '\n');
	}
	buf_free(&b);
}

/*
 * The end of every command: its output is written, or it says why not.  A
 * change that was saved stays the command's result (exit 0 if it did what
 * was asked): a script that took a failure as "not done" and ran it again
 * would make it twice or be refused.  So SIGPIPE is ignored while a command
 * runs (cli_std_streams).  A command that saved nothing fails (exit 1); on
 * a closed pipe it ends quietly by SIGPIPE, as a pipe expects.
 */
int cli_finish(struct cli *c, int rc)
{
	bool saved = c->app != NULL && app_wrote(c->app);
	int e;

	cli_hooks_said(c);
	app_close(c->app);
	c->app = NULL;
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	/* A write that failed earlier left no errno: a pipe says it itself. */
	e = errno != 0 ? errno : cli_pipe_gone() ? EPIPE : 0;
	if (saved) {
		cli_message(c, "the change was saved, but its output could not be written: %s",
			    e != 0 ? strerror(e) : "a write error");
		return rc;
	}
	if (e == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	cli_message(c, "cannot write the output: %s", e != 0 ? strerror(e) : "a write error");
	return CLI_FAIL;
}
