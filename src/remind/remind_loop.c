/* remind_loop.c - sleeping until the next due moment.
 *
 * One poll on three descriptors and no timeout: a timerfd set to the next
 * due moment on the wall clock (absolute, so a suspend does not stretch it,
 * and cancelled when the clock is set or the computer resumes), the data
 * folder's inotify descriptor (a change of plan moves the next reminder),
 * and a signalfd (SIGTERM and SIGINT end it, SIGHUP looks again, SIGCHLD
 * collects a finished command).  Between due moments nothing wakes it.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "app_remind.h"
#include "app_timer.h"
#include "remind_int.h"
#include "xalloc.h"

#define LOOP_WEEKS 3          /* last week, this week, next week */
#define LOOP_ONCE_WAIT_MS 10000 /* --once waits this long for its commands */
#define MS_PER_S 1000
#define NS_PER_MS 1000000

struct loop {
	struct app *app;
	struct remind_out *out;
	struct remind_state state;
	int tfd, sfd;
	struct error said;        /* the last problem said, not said again */
};

/* ---------------------------------------------------------------- reading */

/* A problem reading the folder, said once until it changes. */
static void loop_problem(struct loop *l, const struct error *e)
{
	if (strcmp(l->said.msg, e->msg) == 0)
		return;
	l->said = *e;
	remind_say(l->out, "%s", e->msg);
}

/* The weeks around now (an unreadable one counts as empty, said) and the
 * timer; *t is left cleared when none runs or it cannot be read. */
static void loop_read(struct loop *l, instant_t now, struct week *weeks[LOOP_WEEKS],
		      struct timer_state *t, bool *timer)
{
	int key = date_week_add(date_week_key(clock_today(now)), -1);
	struct error e = { 0 };
	bool problem = false;

	app_outside_changes(l->app, 0, &e);
	if (e.msg[0]) {
		loop_problem(l, &e);
		problem = true;
	}
	for (int i = 0; i < LOOP_WEEKS; i++) {
		if (app_week(l->app, date_week_add(key, i), &weeks[i], &e) != 0) {
			loop_problem(l, &e);
			problem = true;
			weeks[i] = week_new(app_plan(l->app), date_week_add(key, i));
		}
	}
	*timer = false;
	timer_state_init(t);
	if (app_timer_load(l->app, t, timer, &e) != 0) {
		loop_problem(l, &e);
		problem = true;
		*timer = false;
	}
	if (!problem)
		error_clear(&l->said);
}

/* Monday 00:00 of next week: the weeks read then are looked at again. */
static instant_t loop_week_turn(instant_t now)
{
	int next = date_week_add(date_week_key(clock_today(now)), 1);
	instant_t t;

	clock_from_local(date_week_monday(next), 0, &t);
	return t;
}

/* ---------------------------------------------------------------- looking */

static void loop_give(struct loop *l, const struct remind_sched *s, const struct reminder *r,
		      instant_t now)
{
	const struct plan *p = app_plan(l->app);
	struct remind_text x;

	remind_text_make(&x, p, s, r, now, l->out->mode);
	remind_give(l->out, plan_settings(p)->remind.command, &x, app_dir(l->app));
	remind_text_free(&x);
	remind_state_add(&l->state, r);
}

static void loop_note(struct loop *l)
{
	struct buf b = BUF_INIT;
	struct error e = { 0 };

	remind_state_format(&l->state, &b);
	if (app_remind_note(l->app, buf_str(&b), &e) != 0)
		loop_problem(l, &e);
	buf_free(&b);
}

/* Gives what is due now; returns the next due moment. */
static instant_t loop_look(struct loop *l)
{
	instant_t now = clock_now(), next, turn = loop_week_turn(now);
	struct week *weeks[LOOP_WEEKS];
	struct timer_state t;
	struct remind_sched s;
	const struct reminder **due;
	size_t n;
	bool timer;

	loop_read(l, now, weeks, &t, &timer);
	remind_sched_build(&s, app_plan(l->app), weeks, LOOP_WEEKS, timer ? &t : NULL, now);
	due = xcalloc(s.n + 1, sizeof *due);
	n = remind_pick(&s, &l->state, now, due, s.n);
	for (size_t i = 0; i < n; i++)
		loop_give(l, &s, due[i], now);
	l->state.since = now;
	if (n > 0) {
		remind_state_prune(&l->state, now - REMIND_KEEP_SECONDS);
		loop_note(l);
	}
	next = remind_next(&s, &l->state, now);
	free(due);
	remind_sched_free(&s);
	timer_state_clear(&t);
	for (int i = 0; i < LOOP_WEEKS; i++)
		week_free(weeks[i]);
	return next < turn ? next : turn;
}

/* ---------------------------------------------------------------- sleeping */

/* Sets the timerfd to `at` (the program's clock, which FOCUSWEEK_NOW may
 * have moved from the wall clock by a fixed amount). */
static int loop_arm(struct loop *l, instant_t at, struct error *err)
{
	struct itimerspec its = { 0 };
	struct timespec real;
	int64_t target;

	clock_gettime(CLOCK_REALTIME, &real);
	target = (int64_t)real.tv_sec * MS_PER_S + real.tv_nsec / NS_PER_MS +
		 (at * MS_PER_S - clock_now_ms());
	its.it_value.tv_sec = (time_t)(target / MS_PER_S);
	its.it_value.tv_nsec = (long)(target % MS_PER_S) * NS_PER_MS;
	if (its.it_value.tv_sec <= 0)
		its.it_value.tv_nsec = 1; /* zero would disarm it: due now */
	if (timerfd_settime(l->tfd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL) != 0)
		return error_sys(err, errno, "cannot set the reminder's timer");
	return 0;
}

/* What a signal asks: 1 to end, 0 to look again. */
static int loop_signal(struct loop *l)
{
	struct signalfd_siginfo si;
	int end = 0;

	while (read(l->sfd, &si, sizeof si) == (ssize_t)sizeof si) {
		if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT)
			end = 1;
		else if (si.ssi_signo == SIGCHLD)
			remind_reap(l->out, 0);
	}
	return end;
}

/* Sleeps until something happens; 1 when asked to end. */
static int loop_sleep(struct loop *l, instant_t next, struct error *err)
{
	struct pollfd fds[3] = {
		{ .fd = l->tfd, .events = POLLIN },
		{ .fd = l->sfd, .events = POLLIN },
		{ .fd = app_watch_fd(l->app), .events = POLLIN },
	};
	uint64_t ticks;

	if (loop_arm(l, next, err) != 0)
		return -1;
	while (poll(fds, 3, -1) < 0)
		if (errno != EINTR)
			return error_sys(err, errno, "cannot wait");
	if (fds[0].revents & POLLIN) {
		/* ECANCELED: the clock was set, or the computer resumed. */
		if (read(l->tfd, &ticks, sizeof ticks) < 0 && errno != ECANCELED &&
		    errno != EAGAIN)
			return error_sys(err, errno, "cannot read the reminder's timer");
	}
	if (fds[2].revents & POLLIN)
		app_watch_drain(l->app);
	return (fds[1].revents & POLLIN) ? loop_signal(l) : 0;
}

/* ---------------------------------------------------------------- the loop */

static int loop_open(struct loop *l, struct error *err)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		return error_sys(err, errno, "cannot take the signals");
	l->sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	l->tfd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
	if (l->sfd < 0 || l->tfd < 0)
		return error_sys(err, errno, "cannot make the reminder's timer");
	app_watch_fd(l->app);
	return 0;
}

static void loop_close(struct loop *l)
{
	if (l->tfd >= 0)
		close(l->tfd);
	if (l->sfd >= 0)
		close(l->sfd);
	remind_state_free(&l->state);
}

/* The first look, said on a terminal or in the journal. */
static void loop_start_said(struct loop *l, instant_t next)
{
	date_t day;
	int minute;
	char d[16], hhmm[6];

	if (!l->out->log_stderr)
		return;
	clock_to_local(next, &day, &minute, NULL);
	date_format_short(day, d);
	date_time_format(minute, hhmm);
	remind_say(l->out, "reminding of the plan in %s; asleep until %s %s", app_dir(l->app), d,
		   hhmm);
}

int remind_loop(struct app *app, const char *noted, struct remind_out *out, bool once,
		struct error *err)
{
	struct loop l = { .app = app, .out = out, .tfd = -1, .sfd = -1 };
	instant_t next;
	int rc = 0;

	remind_state_parse(&l.state, noted, clock_now());
	if (!once && loop_open(&l, err) != 0) {
		loop_close(&l);
		return -1;
	}
	next = loop_look(&l);
	if (!once)
		loop_start_said(&l, next);
	while (!once && (rc = loop_sleep(&l, next, err)) == 0)
		next = loop_look(&l);
	remind_reap(out, once ? LOOP_ONCE_WAIT_MS : 0);
	loop_note(&l);
	loop_close(&l);
	return rc < 0 ? -1 : 0;
}
