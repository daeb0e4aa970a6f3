/* remind.c - `focusweek remind`: the folder claimed, then in the
 * background (or not), the loop. */
#include "remind.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app_remind.h"
#include "remind_int.h"

/* The terminal it was started from, kept open for the bell and the line
 * when no other notifier is there; -1 when there is none. */
static int remind_tty(void)
{
	const int fds[] = { STDERR_FILENO, STDOUT_FILENO, STDIN_FILENO };

	for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++) {
		const char *name = isatty(fds[i]) ? ttyname(fds[i]) : NULL;
		int fd = name != NULL ? open(name, O_WRONLY | O_NOCTTY | O_CLOEXEC) : -1;

		if (fd >= 0)
			return fd;
	}
	return -1;
}

/* Leaves the caller's session and standard streams: 1 in the caller's
 * process (the pid said), 0 in the program that goes on, -1 on a failure. */
static int remind_detach(const char *dir, struct error *err)
{
	pid_t pid = fork();
	int null;

	if (pid < 0)
		return error_sys(err, errno, "cannot go to the background");
	if (pid > 0) {
		printf("focusweek remind: running in the background (pid %ld) for %s; stop it "
		       "with: kill %ld\n", (long)pid, dir, (long)pid);
		return 1;
	}
	setsid();
	if (chdir("/") != 0) {
		/* The folder is held open; the working folder matters to no one. */
	}
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO)
			close(null);
	}
	return 0;
}

int remind_main(const struct remind_options *o, struct error *err)
{
	struct app_options ao = { .data_flag = o->data_flag, .demo = o->demo };
	bool attached = o->foreground || o->once;
	struct remind_out out;
	struct app *app;
	char *noted = NULL;
	int rc;

	if (o->demo && !attached)
		return error_set(err, ERR_USAGE, "--demo reminds in the foreground only: add "
				 "--foreground or --once");
	if (app_open(&app, &ao, err) != 0)
		return -1;
	if (app_remind_claim(app, &noted, err) != 0) {
		app_close(app);
		return -1;
	}
	remind_out_init(&out, attached);
	out.tty = remind_tty();
	rc = attached ? 0 : remind_detach(app_dir(app), err);
	if (rc == 0)
		rc = remind_loop(app, noted, &out, o->once, err);
	else if (rc > 0)
		rc = 0;
	remind_out_free(&out);
	free(noted);
	app_close(app);
	return rc;
}
