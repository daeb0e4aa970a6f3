/* term_fatal.c - the terminal given back when a signal ends the planner.
 *
 * SIGTERM, SIGHUP and SIGINT only set a flag: the loop saves and restores
 * the terminal (term.c).  The signals whose default action ends the process
 * at once (a crash, abort(), kill -QUIT, a CPU or file-size limit, a stray
 * SIGUSR1) would leave the terminal raw, without echo, on the alternate
 * screen with the cursor hidden.  Their handler writes back the modes saved
 * before curses started and the sequence that undoes what curses set up,
 * both prepared beforehand, with nothing but tcsetattr(), write() and
 * sigaction() (async-signal-safe), then raises the signal again under the
 * action it had before (the default one: the exit status and the core dump
 * stay those of the signal).  Signals ignored at start stay ignored.
 */
#include "term.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#define TERM_FATAL_RESET_MAX 256            /* bytes of the reset sequence */
#define TERM_FATAL_STACK (64 * 1024)        /* the handler's own stack */
#define TERM_FATAL_MOUSE_OFF "\033[?1000l"  /* xterm, when there is no XM */

static const int fatal_signals[] = {
	SIGABRT, SIGBUS,  SIGFPE,  SIGILL,    SIGQUIT, SIGSEGV, SIGSYS,  SIGTRAP, SIGXCPU,
	SIGXFSZ, SIGALRM, SIGUSR1, SIGUSR2,   SIGVTALRM, SIGPROF, SIGPOLL,
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])

static struct sigaction fatal_before[N_FATAL]; /* each one's action before ours */
static bool fatal_caught[N_FATAL];             /* ours is installed */
static struct termios shell_modes;             /* the terminal before curses */
static bool shell_saved;
static char reset[TERM_FATAL_RESET_MAX];       /* undoes what curses set up */
static size_t reset_len;
static volatile sig_atomic_t armed;            /* curses has the terminal */
static char fatal_stack[TERM_FATAL_STACK];

void term_fatal_save(void)
{
	shell_saved = tcgetattr(STDOUT_FILENO, &shell_modes) == 0;
}

/* Appends s to the reset sequence, when it fits whole. */
static void fatal_reset_add(const char *s)
{
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n <= sizeof reset) {
		memcpy(reset + reset_len, s, n);
		reset_len += n;
	}
}

/* What endwin() would send: attributes off, the cursor shown, the keypad
 * and the mouse left alone, the alternate screen left. */
static void fatal_reset_prepare(bool mouse)
{
	char *xm = tigetstr("XM");

	reset_len = 0;
	fatal_reset_add(tigetstr("sgr0"));
	fatal_reset_add(tigetstr("cnorm"));
	fatal_reset_add(tigetstr("rmkx"));
	if (mouse)
		fatal_reset_add(xm != NULL && xm != (char *)-1 ? tiparm(xm, 0)
							   : TERM_FATAL_MOUSE_OFF);
	fatal_reset_add(tigetstr("rmcup"));
}

static void fatal_write(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void term_fatal_handler(int sig)
{
	int saved = errno;

	if (armed) {
		armed = 0;
		fatal_write(reset, reset_len);
		if (shell_saved)
			tcsetattr(STDOUT_FILENO, TCSANOW, &shell_modes);
	}
	for (size_t i = 0; i < N_FATAL; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &fatal_before[i], NULL);
	errno = saved;
	/* Delivered as the handler returns (or, for a fault, when the faulting
	 * instruction runs again), under the action it had before. */
	raise(sig);
}

/* A stack of its own, so that a stack overflow (SIGSEGV) can still restore;
 * unless one is set already (the sanitizers set theirs). */
static void fatal_stack_set(void)
{
	stack_t now, ours = { .ss_sp = fatal_stack, .ss_size = sizeof fatal_stack };

	if (sigaltstack(NULL, &now) == 0 && (now.ss_flags & SS_DISABLE))
		sigaltstack(&ours, NULL);
}

void term_fatal_arm(const struct term_caps *caps)
{
	struct sigaction sa;

	fatal_reset_prepare(caps->mouse);
	fatal_stack_set();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_fatal_handler;
	sa.sa_flags = SA_ONSTACK;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < N_FATAL; i++) {
		fatal_caught[i] = false;
		if (sigaction(fatal_signals[i], NULL, &fatal_before[i]) != 0 ||
		    fatal_before[i].sa_handler == SIG_IGN)
			continue;
		fatal_caught[i] = sigaction(fatal_signals[i], &sa, NULL) == 0;
	}
	armed = 1;
}

void term_fatal_disarm(void)
{
	armed = 0;
	for (size_t i = 0; i < N_FATAL; i++)
		if (fatal_caught[i]) {
			sigaction(fatal_signals[i], &fatal_before[i], NULL);
			fatal_caught[i] = false;
		}
}
