/* bench_draw.c - an off-screen terminal for the measures of the views: an
 * ncurses screen made with newterm on a pseudo-terminal of a fixed size,
 * whose output a reader thread takes and drops as a terminal emulator would,
 * so drawing costs what it costs on a real terminal (escape sequences written
 * to a tty) without one.  A frame is larger than the pty's buffer: without
 * the reader, a full redraw would block. */
#include "bench.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "xalloc.h"

struct offscreen {
	int master;              /* the emulator's side, read by `reader` */
	FILE *out, *in;          /* the terminal side, as ncurses sees it */
	SCREEN *screen;
	int cols, rows;
	pthread_t reader;
	bool reading;            /* the reader thread runs */
	atomic_size_t received;  /* bytes the reader took */
};

/* Takes everything the screen sends until the terminal side is closed. */
static void *offscreen_reader(void *arg)
{
	struct offscreen *o = arg;
	char buf[16384];
	ssize_t n;

	while ((n = read(o->master, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			atomic_fetch_add(&o->received, (size_t)n);
	return NULL;
}

static int offscreen_pty(struct offscreen *o, struct error *err)
{
	struct winsize ws = { .ws_row = (unsigned short)o->rows, .ws_col = (unsigned short)o->cols };
	struct termios tio;
	int slave;

	o->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (o->master < 0 || grantpt(o->master) != 0 || unlockpt(o->master) != 0)
		return error_sys(err, errno, "cannot open a pseudo-terminal");
	slave = open(ptsname(o->master), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (slave < 0)
		return error_sys(err, errno, "cannot open the pseudo-terminal's other side");
	ioctl(slave, TIOCSWINSZ, &ws);
	if (tcgetattr(slave, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(slave, TCSANOW, &tio);
	}
	o->out = fdopen(slave, "w");
	o->in = fdopen(dup(slave), "r");
	if (o->out == NULL || o->in == NULL)
		return error_sys(err, errno, "cannot open the pseudo-terminal as a stream");
	if (pthread_create(&o->reader, NULL, offscreen_reader, o) != 0)
		return error_set(err, ERR_IO, "cannot start the terminal's reader thread");
	o->reading = true;
	return 0;
}

struct offscreen *offscreen_new(int cols, int rows, struct error *err)
{
	struct offscreen *o = xcalloc(1, sizeof *o);

	o->master = -1;
	o->cols = cols;
	o->rows = rows;
	if (offscreen_pty(o, err) != 0) {
		offscreen_free(o);
		return NULL;
	}
	/* What the planner meets inside tmux; plain xterm where that is missing. */
	o->screen = newterm("tmux-256color", o->out, o->in);
	if (o->screen == NULL)
		o->screen = newterm("xterm-256color", o->out, o->in);
	if (o->screen == NULL) {
		error_set(err, ERR_IO, "no terminfo entry for tmux-256color or xterm-256color");
		offscreen_free(o);
		return NULL;
	}
	set_term(o->screen);
	resizeterm(rows, cols);
	/* Colours as the planner sets them (term_setup): the terminal's own
	 * default colours are the blank. */
	start_color();
	use_default_colors();
	noecho();
	cbreak();
	return o;
}

void offscreen_free(struct offscreen *o)
{
	if (o == NULL)
		return;
	if (o->screen != NULL) {
		endwin();
		delscreen(o->screen);
	}
	/* Closing the terminal side ends the reader (read gives EIO). */
	if (o->out != NULL)
		fclose(o->out);
	if (o->in != NULL)
		fclose(o->in);
	if (o->reading)
		pthread_join(o->reader, NULL);
	if (o->master >= 0)
		close(o->master);
	free(o);
}

void offscreen_use(struct offscreen *o)
{
	set_term(o->screen);
}

size_t offscreen_received(struct offscreen *o)
{
	return atomic_load(&o->received);
}

void offscreen_fill_frame(struct offscreen *o, int frame)
{
	static const char text[] = "08:30-10:00 prospecting Healthcare Call list: clinics "
				   "50-200 beds  done  42 calls  9 conv  1 mtg  ";
	char line[512];
	size_t len = strlen(text);

	set_term(o->screen);
	for (int r = 0; r < o->rows; r++) {
		for (int c = 0; c < o->cols && c < (int)sizeof line - 1; c++)
			line[c] = text[(size_t)(c + r + frame) % len];
		line[o->cols < (int)sizeof line ? o->cols : (int)sizeof line - 1] = '\0';
		attrset((r + frame) % 3 == 0 ? A_REVERSE : A_NORMAL);
		mvaddnstr(r, 0, line, o->cols);
	}
	/* Repainted, as a first screen is: otherwise curses sees each frame as
	 * the last one shifted by a column and sends a few insert-character
	 * sequences instead of the cells. */
	clearok(curscr, TRUE);
	refresh();
}
