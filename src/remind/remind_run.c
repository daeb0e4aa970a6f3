/* remind_run.c - giving a reminder: the configured command, or notify-send
 * in a graphical session, tmux inside tmux, else the bell and a line on
 * the terminal.  Commands run in the background; the loop collects them. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "remind_int.h"
#include "xalloc.h"

extern char **environ;

#define RUN_NOT_FOUND 127          /* the exit status of a command sh could not find */
#define RUN_TMUX_SHOW_MS "10000"   /* how long tmux shows the line */
#define RUN_REAP_STEP_NS (10 * 1000 * 1000)

void remind_out_init(struct remind_out *o, bool foreground)
{
	memset(o, 0, sizeof *o);
	o->tty = -1;
	o->log_stderr = foreground;
	o->mode = text_locale_utf8() ? TEXT_UTF8 : TEXT_ASCII;
}

void remind_out_free(struct remind_out *o)
{
	if (o->tty >= 0)
		close(o->tty);
	free(o->children);
	memset(o, 0, sizeof *o);
	o->tty = -1;
}

static void out_write(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the terminal went away: nothing more to say there */
		s += w;
		n -= (size_t)w;
	}
}

void remind_say(struct remind_out *o, const char *fmt, ...)
{
	struct buf raw = BUF_INIT, line = BUF_INIT;
	int fd = o->log_stderr ? STDERR_FILENO : o->tty;
	va_list ap;

	if (fd < 0)
		return;
	va_start(ap, fmt);
	buf_vaddf(&raw, fmt, ap);
	va_end(ap);
	buf_adds(&line, "focusweek remind: ");
	text_safe(&line, buf_str(&raw), o->mode);
	buf_adds(&line, "\n");
	out_write(fd, line.data, line.len);
	buf_free(&raw);
	buf_free(&line);
}

/* ---------------------------------------------------------------- children */

/* environ with the reminder's variables put over it (the array only is
 * allocated; the strings are environ's and extra's). */
static char **run_envp(char **extra)
{
	size_t n = 0, k = 0, m = 0;
	char **env;

	while (environ[n] != NULL)
		n++;
	while (extra[m] != NULL)
		m++;
	env = xcalloc(n + m + 1, sizeof *env);
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(environ[i], "=");
		bool over = false;

		for (size_t j = 0; j < m && !over; j++)
			over = strncmp(environ[i], extra[j], len + 1) == 0;
		if (!over)
			env[k++] = environ[i];
	}
	for (size_t j = 0; j < m; j++)
		env[k++] = extra[j];
	return env;
}

/* In the child: no blocked signals, SIGPIPE as usual, no terminal input,
 * a process group of its own (the terminal's Ctrl-C is not for it). */
static void run_child(char *const argv[], char **envp)
{
	sigset_t none;
	int null = open("/dev/null", O_RDONLY);

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	if (null >= 0 && null != STDIN_FILENO) {
		dup2(null, STDIN_FILENO);
		close(null);
	}
	setpgid(0, 0);
	execve(argv[0], argv, envp);
	_exit(RUN_NOT_FOUND);
}

static void run_spawn(struct remind_out *o, char *const argv[], char **extra)
{
	char **envp = run_envp(extra);
	pid_t pid = fork();

	if (pid == 0)
		run_child(argv, envp);
	free(envp);
	if (pid < 0) {
		remind_say(o, "cannot start %s: %s", argv[0], strerror(errno));
		return;
	}
	o->children = xgrow(o->children, &o->cap_children, o->n_children + 1,
			    sizeof *o->children);
	o->children[o->n_children++] = pid;
}

/* Says how a child that ended failed, if it did. */
static void run_report(struct remind_out *o, int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	if (WIFEXITED(status) && WEXITSTATUS(status) == RUN_NOT_FOUND)
		remind_say(o, "the reminder command was not found (exit %d); see remind.command "
			   "in 'focusweek settings'", RUN_NOT_FOUND);
	else if (WIFEXITED(status))
		remind_say(o, "the reminder command failed (exit %d)", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		remind_say(o, "the reminder command was killed by signal %d", WTERMSIG(status));
}

static bool run_collect(struct remind_out *o)
{
	bool any = false;

	for (size_t i = 0; i < o->n_children;) {
		int status;
		pid_t r = waitpid(o->children[i], &status, WNOHANG);

		if (r == 0 || (r < 0 && errno == EINTR)) {
			i++;
			continue;
		}
		if (r > 0)
			run_report(o, status);
		o->children[i] = o->children[--o->n_children];
		any = true;
	}
	return any;
}

void remind_reap(struct remind_out *o, int wait_ms)
{
	struct timespec step = { 0, RUN_REAP_STEP_NS };
	int64_t until = clock_mono_ms() + wait_ms;

	run_collect(o);
	while (wait_ms > 0 && o->n_children > 0 && clock_mono_ms() < until) {
		nanosleep(&step, NULL);
		run_collect(o);
	}
}

/* ---------------------------------------------------------------- notifiers */

/* The program `name` on PATH (free()), or NULL. */
static char *run_find(const char *name)
{
	const char *path = getenv("PATH"), *p;
	char full[PATH_MAX];

	for (p = path != NULL ? path : "/usr/bin:/bin"; *p;) {
		size_t n = strcspn(p, ":");

		if (n > 0 && snprintf(full, sizeof full, "%.*s/%s", (int)n, p, name) <
				     (int)sizeof full &&
		    access(full, X_OK) == 0)
			return xstrdup(full);
		p += n + (p[n] == ':');
	}
	return NULL;
}

static bool run_graphical(void)
{
	const char *w = getenv("WAYLAND_DISPLAY"), *x = getenv("DISPLAY");

	return (w != NULL && w[0]) || (x != NULL && x[0]);
}

/* Notification bodies may hold markup: <, > and & are written as text. */
static void run_markup_safe(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			buf_adds(b, "&lt;");
		else if (*s == '>')
			buf_adds(b, "&gt;");
		else if (*s == '&')
			buf_adds(b, "&amp;");
		else
			buf_addc(b, *s);
	}
}

static void run_notify_send(struct remind_out *o, const char *prog, const struct remind_text *x,
			    char **env)
{
	struct buf body = BUF_INIT;
	char *argv[] = { (char *)prog, "--app-name=focusweek", "--", (char *)buf_str(&x->summary),
			 NULL, NULL };

	run_markup_safe(&body, buf_str(&x->body));
	argv[4] = (char *)buf_str(&body);
	run_spawn(o, argv, env);
	buf_free(&body);
}

/* tmux reads #{...} and #(...) in a message: every # is doubled. */
static void run_tmux(struct remind_out *o, const char *prog, const struct remind_text *x,
		     char **env)
{
	const char *pane = getenv("TMUX_PANE");
	struct buf msg = BUF_INIT;
	char *argv[9];
	int n = 0;

	for (const char *s = buf_str(&x->message); *s; s++) {
		buf_addc(&msg, *s);
		if (*s == '#')
			buf_addc(&msg, '#');
	}
	argv[n++] = (char *)prog;
	argv[n++] = "display-message";
	argv[n++] = "-d";
	argv[n++] = RUN_TMUX_SHOW_MS;
	if (pane != NULL && pane[0]) {
		argv[n++] = "-t";
		argv[n++] = (char *)pane;
	}
	argv[n++] = "--";
	argv[n++] = (char *)buf_str(&msg);
	argv[n] = NULL;
	run_spawn(o, argv, env);
	buf_free(&msg);
}

/* The bell and the line, on the terminal; else on standard error. */
static void run_terminal(struct remind_out *o, const struct remind_text *x)
{
	struct buf line = BUF_INIT;
	int fd = o->tty >= 0 ? o->tty : STDERR_FILENO;

	buf_addc(&line, '\a');
	text_safe(&line, buf_str(&x->message), o->mode);
	buf_addc(&line, '\n');
	out_write(fd, line.data, line.len);
	buf_free(&line);
}

void remind_give(struct remind_out *o, const char *command, const struct remind_text *x,
		 const char *data_dir)
{
	char **env = remind_text_env(x, data_dir);
	char *prog = NULL;

	if (command[0]) {
		char *argv[] = { "/bin/sh", "-c", (char *)command, NULL };

		run_spawn(o, argv, env);
	} else if (run_graphical() && (prog = run_find("notify-send")) != NULL) {
		run_notify_send(o, prog, x, env);
	} else if (getenv("TMUX") != NULL && (prog = run_find("tmux")) != NULL) {
		run_tmux(o, prog, x, env);
	} else {
		run_terminal(o, x);
	}
	free(prog);
	for (char **e = env; *e != NULL; e++)
		free(*e);
	free(env);
}
