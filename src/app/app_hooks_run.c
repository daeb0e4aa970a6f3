/* app_hooks_run.c - running the hooks of the events a change held: found
 * in the hooks folder, given the event on standard input, stopped when they
 * run too long, reported when they fail (app_hooks.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app_int.h"
#include "xalloc.h"

extern char **environ;

#define HOOKS_MAX 100             /* hook files looked at */
#define HOOK_SAID_MAX 200         /* bytes of a failing hook's output quoted */
#define HOOK_CHUNK 4096
#define HOOK_GRACE_MS 500         /* between SIGTERM and SIGKILL */
#define HOOK_STEP_MS 20           /* waiting for a hook without pidfd */
#define HOOK_NOT_RUN 127
#define MS_PER_S 1000

struct hook_run {
	pid_t pid;
	int in, out, pidfd;      /* its standard input, its output, the process */
	const char *json;
	size_t sent, len;
	char said[HOOK_SAID_MAX + 1]; /* the start of its output */
	size_t n_said;
	bool exited;
	int status;
};

/* ---------------------------------------------------------------- finding */

static char *hooks_dir(void)
{
	const char *env = getenv("XDG_CONFIG_HOME");
	struct buf b = BUF_INIT;

	if (env != NULL && env[0] == '/')
		buf_addf(&b, "%s/focusweek/hooks", env);
	else if ((env = getenv("HOME")) != NULL && env[0] == '/')
		buf_addf(&b, "%s/.config/focusweek/hooks", env);
	else
		return NULL;
	return buf_take(&b);
}

static int hooks_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The executable files of the folder, sorted (free each and the array). */
static char **hooks_list(const char *dir, size_t *n)
{
	DIR *d = dir != NULL ? opendir(dir) : NULL;
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL && *n < HOOKS_MAX) {
		char path[PATH_MAX];
		struct stat sb;

		if (strncmp(de->d_name, "on-", 3) != 0 ||
		    snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path ||
		    stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || access(path, X_OK) != 0)
			continue;
		names = xgrow(names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, hooks_name_cmp);
	return names;
}

/* "on-sale" or "on-sale.crm", not "on-salesforce". */
static bool hooks_match(const char *file, const char *event)
{
	size_t n = strlen(event);

	return strncmp(file, event, n) == 0 && (file[n] == '\0' || file[n] == '.');
}

/* ---------------------------------------------------------------- running */

static char **hook_envp(const char *event, const char *data_dir, char *own[2])
{
	size_t n = 0, k = 0;
	char **env;
	struct buf b = BUF_INIT;

	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 3, sizeof *env);
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "FOCUSWEEK_EVENT=", 16) != 0 &&
		    strncmp(environ[i], "FOCUSWEEK_DATA=", 15) != 0)
			env[k++] = environ[i];
	buf_addf(&b, "FOCUSWEEK_EVENT=%s", event + 3);
	own[0] = env[k++] = buf_take(&b);
	buf_addf(&b, "FOCUSWEEK_DATA=%s", data_dir);
	own[1] = env[k++] = buf_take(&b);
	return env;
}

static void hook_child(const char *path, int in, int out, char **envp)
{
	char *argv[] = { (char *)path, NULL };
	sigset_t none;

	dup2(in, STDIN_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	setpgid(0, 0);
	execve(path, argv, envp);
	_exit(HOOK_NOT_RUN);
}

static int hook_start(struct hook_run *h, const char *path, const char *event, const char *data)
{
	int in[2], out[2];
	char *own[2];
	char **envp;

	if (pipe2(in, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	envp = hook_envp(event, data, own);
	h->pid = fork();
	if (h->pid == 0)
		hook_child(path, in[0], out[1], envp);
	free(own[0]);
	free(own[1]);
	free(envp);
	close(in[0]);
	close(out[1]);
	h->in = in[1];
	h->out = out[0];
	fcntl(h->in, F_SETFL, O_NONBLOCK);
	fcntl(h->out, F_SETFL, O_NONBLOCK);
	h->pidfd = h->pid > 0 ? (int)syscall(SYS_pidfd_open, h->pid, 0) : -1;
	return h->pid > 0 ? 0 : -1;
}

static void hook_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Feeds its input; a hook that does not read it is not waited for. */
static void hook_feed(struct hook_run *h)
{
	ssize_t n = write(h->in, h->json + h->sent, h->len - h->sent);

	if (n > 0)
		h->sent += (size_t)n;
	if ((n < 0 && errno != EAGAIN && errno != EINTR) || h->sent == h->len)
		hook_close(&h->in);
}

/* Reads its output, keeping the start for a report. */
static void hook_drain(struct hook_run *h)
{
	char chunk[HOOK_CHUNK];
	ssize_t n;

	while ((n = read(h->out, chunk, sizeof chunk)) > 0) {
		size_t keep = HOOK_SAID_MAX - h->n_said;

		if (keep > (size_t)n)
			keep = (size_t)n;
		memcpy(h->said + h->n_said, chunk, keep);
		h->n_said += keep;
	}
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
		hook_close(&h->out);
}

static bool hook_reaped(struct hook_run *h)
{
	if (!h->exited && waitpid(h->pid, &h->status, WNOHANG) == h->pid)
		h->exited = true;
	return h->exited;
}

/* Runs until it exits, or the deadline (milliseconds on the monotonic
 * clock) passes: true when it exited. */
static bool hook_wait(struct hook_run *h, int64_t deadline)
{
	while (!hook_reaped(h)) {
		struct pollfd fds[3] = { { .fd = h->pidfd, .events = POLLIN },
					 { .fd = h->in, .events = POLLOUT },
					 { .fd = h->out, .events = POLLIN } };
		int64_t left = deadline - clock_mono_ms();

		if (left <= 0)
			return false;
		if (h->pidfd < 0 && left > HOOK_STEP_MS)
			left = HOOK_STEP_MS;
		if (poll(fds, 3, (int)left) < 0 && errno != EINTR)
			return false;
		if (fds[1].revents)
			hook_feed(h);
		if (fds[2].revents)
			hook_drain(h);
	}
	if (h->out >= 0)
		hook_drain(h); /* what it wrote before it exited */
	return true;
}

/* Stops a hook that ran too long, and whatever it started. */
static void hook_stop(struct hook_run *h)
{
	kill(-h->pid, SIGTERM);
	if (!hook_wait(h, clock_mono_ms() + HOOK_GRACE_MS)) {
		kill(-h->pid, SIGKILL);
		waitpid(h->pid, &h->status, 0);
		h->exited = true;
	}
}

/* A line for the report: the first line of what it said. */
static void hook_quote(const struct hook_run *h, struct buf *b)
{
	size_t n = strcspn(h->said, "\n");

	if (n > 0)
		buf_addf(b, ": %.*s", (int)n, h->said);
}

static void hook_report(struct app *app, const char *name, const struct hook_run *h,
			bool stopped, int timeout)
{
	struct buf *b = &app->hooks_said;

	if (stopped)
		buf_addf(b, "hook %s ran over %d s and was stopped (hooks.timeout)", name, timeout);
	else if (WIFEXITED(h->status) && WEXITSTATUS(h->status) == 0)
		return;
	else if (WIFEXITED(h->status))
		buf_addf(b, "hook %s failed (exit %d)", name, WEXITSTATUS(h->status));
	else
		buf_addf(b, "hook %s was killed by signal %d", name, WTERMSIG(h->status));
	hook_quote(h, b);
	buf_adds(b, "; the change was saved\n");
}

/* Runs one hook on one event.  SIGPIPE is held back while its input is
 * written: a hook that exits without reading it is no fault. */
static void hook_exec(struct app *app, const char *dir, const char *name,
		      const struct hook_event *e, int timeout)
{
	struct hook_run h = { .in = -1, .out = -1, .pidfd = -1, .json = e->json,
			      .len = strlen(e->json) };
	sigset_t pipe_set, old, pending;
	char path[PATH_MAX];
	bool stopped = false;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	if (hook_start(&h, path, e->name, app_dir(app)) != 0) {
		buf_addf(&app->hooks_said, "hook %s could not be started: %s; the change was "
			 "saved\n", name, strerror(errno));
	} else if (!hook_wait(&h, clock_mono_ms() + (int64_t)timeout * MS_PER_S)) {
		hook_stop(&h);
		stopped = true;
	}
	if (h.pid > 0)
		hook_report(app, name, &h, stopped, timeout);
	hook_close(&h.in);
	hook_close(&h.out);
	hook_close(&h.pidfd);
	sigpending(&pending);
	if (sigismember(&pending, SIGPIPE) && !sigismember(&old, SIGPIPE)) {
		struct timespec zero = { 0, 0 };

		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void hooks_run(struct app *app, struct hook_events *ev)
{
	char *dir = ev->n > 0 ? hooks_dir() : NULL;
	size_t n = 0;
	char **names = hooks_list(dir, &n);
	int timeout = plan_settings(app->boot.plan)->hooks.timeout;

	for (size_t i = 0; i < ev->n; i++)
		for (size_t k = 0; k < n; k++)
			if (hooks_match(names[k], ev->v[i].name))
				hook_exec(app, dir, names[k], &ev->v[i], timeout);
	for (size_t k = 0; k < n; k++)
		free(names[k]);
	free(names);
	free(dir);
	hooks_events_free(ev);
}
