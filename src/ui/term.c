/* term.c - the terminal: start-up checks, curses, signals, waiting. */
#include "term.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

/* Signal handlers only set these; term_wait and the loop read them. */
static volatile sig_atomic_t got_quit, got_hup;
static int wake_pipe[2] = { -1, -1 };  /* handlers write a byte to wake poll */
static SCREEN *screen;
static int spurious;                   /* readable wakes that gave no key */
/* SIGWINCH is blocked except inside the wait, so a resize that comes between
 * reading the keys and sleeping is not lost: ppoll() takes it at once. */
static sigset_t wait_mask;
static bool winch_blocked;

static void term_on_signal(int sig)
{
	int saved = errno;
	char c = 1;

	if (sig == SIGHUP)
		got_hup = 1;
	else
		got_quit = 1;
	if (wake_pipe[1] >= 0 && write(wake_pipe[1], &c, 1) < 0) {
		/* The pipe is full: a wake is already pending. */
	}
	errno = saved;
}

static int term_signals(void)
{
	struct sigaction sa;

	if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	return 0;
}

/* curses's own SIGWINCH handler marks the resize for getch(); the signal
 * may only arrive while term_wait sleeps. */
static void term_winch_hold(void)
{
	sigset_t winch;

	if (winch_blocked)
		return;
	sigemptyset(&winch);
	sigaddset(&winch, SIGWINCH);
	if (sigprocmask(SIG_BLOCK, &winch, &wait_mask) != 0)
		return;
	sigdelset(&wait_mask, SIGWINCH);
	winch_blocked = true;
}

static void term_winch_release(void)
{
	if (!winch_blocked)
		return;
	sigprocmask(SIG_SETMASK, &wait_mask, NULL);
	winch_blocked = false;
}

int term_start(struct term_caps *caps, struct error *err)
{
	const char *term = getenv("TERM");
	char *cup;

	memset(caps, 0, sizeof *caps);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return error_set(err, ERR_USAGE,
				 "the planner needs a terminal; for scripts use 'focusweek week' "
				 "and the other commands (see focusweek --help)");
	if (term == NULL || term[0] == '\0')
		return error_set(err, ERR_USAGE,
				 "TERM is not set, so the terminal's abilities are unknown; set it "
				 "(e.g. TERM=xterm-256color)");
	term_fatal_save();
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL)
		return error_set(err, ERR_USAGE,
				 "TERM=%s is not a terminal type this system knows; try "
				 "TERM=xterm-256color", term);
	set_term(screen);
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		screen = NULL;
		return error_set(err, ERR_USAGE,
				 "TERM=%s cannot move the cursor, which a full-screen planner needs; "
				 "use a terminal such as xterm, or the commands (focusweek --help)",
				 term);
	}
	if (term_signals() != 0) {
		term_stop();
		return error_sys(err, errno, "cannot set up signal handling");
	}
	term_setup(caps);
	term_fatal_arm(caps);
	term_winch_hold();
	return 0;
}

void term_setup(struct term_caps *caps)
{
	const char *no_color = getenv("NO_COLOR");

	memset(caps, 0, sizeof *caps);
	caps->utf8 = text_locale_utf8();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	typeahead(-1); /* no poll for typed-ahead keys during output */
	set_escdelay(25);
	curs_set(0);
	if (has_colors() && (no_color == NULL || no_color[0] == '\0')) {
		start_color();
		use_default_colors();
		caps->color = true;
		caps->colors = COLORS;
	}
	/* Every button event, not only the ones used: curses meets an event
	 * outside the mask by reading on for the next one, a blocking read
	 * that would stall the clock and the file watch after a click. */
	if (mousemask(ALL_MOUSE_EVENTS, NULL) != 0) {
		mouseinterval(0);
		caps->mouse = true;
	}
}

void term_stop(void)
{
	if (screen == NULL)
		return;
	term_fatal_disarm();
	term_winch_release();
	curs_set(1);
	endwin();
	delscreen(screen);
	screen = NULL;
	fflush(stdout);
}

enum term_signal term_pending_signal(void)
{
	if (got_hup)
		return TERM_SIG_HUP;
	if (got_quit)
		return TERM_SIG_QUIT;
	return TERM_SIG_NONE;
}

unsigned term_wait(int watch_fd, int timeout_ms)
{
	struct pollfd fds[3] = {
		{ .fd = STDIN_FILENO, .events = POLLIN },
		{ .fd = wake_pipe[0], .events = POLLIN },
		{ .fd = watch_fd, .events = POLLIN },
	};
	unsigned wake = 0;
	struct timespec ts;
	int n;
	char drain[64];

	if (term_pending_signal() != TERM_SIG_NONE)
		return TERM_WAKE_SIGNAL;
	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
	}
	n = ppoll(fds, watch_fd >= 0 ? 3 : 2, timeout_ms >= 0 ? &ts : NULL,
		  winch_blocked ? &wait_mask : NULL);
	if (n < 0)
		return errno == EINTR ? TERM_WAKE_INPUT : TERM_WAKE_GONE; /* SIGWINCH: read it */
	if (n == 0)
		return TERM_WAKE_TIMEOUT;
	if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
		wake |= TERM_WAKE_GONE;
	if (fds[0].revents & POLLIN)
		wake |= TERM_WAKE_INPUT;
	if (fds[1].revents & POLLIN) {
		while (read(wake_pipe[0], drain, sizeof drain) > 0)
			;
		wake |= TERM_WAKE_SIGNAL;
	}
	if (watch_fd >= 0 && (fds[2].revents & POLLIN))
		wake |= TERM_WAKE_WATCH;
	/* Readable but never a key: the terminal is gone (EOF). */
	if (spurious > 100)
		wake |= TERM_WAKE_GONE;
	return wake;
}

void term_note_keys(int n)
{
	spurious = n > 0 ? 0 : spurious + 1;
}
