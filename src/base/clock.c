/* clock.c - instants, the local zone, and the current time. */
#include "clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The pinned clock, if FOCUSWEEK_NOW is set.  Set once by clock_init. */
static struct {
	bool pinned;
	bool running;    /* the pinned clock runs on in real time */
	instant_t at;    /* the pinned instant */
	int64_t mono_at; /* CLOCK_MONOTONIC ms when it was pinned */
} pin;

static int64_t clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t clock_mono_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

int64_t clock_boot_ms(void)
{
	return clock_ms(CLOCK_BOOTTIME);
}

int clock_parse(const char *s, instant_t *out)
{
	char date[11];
	int hh, mm, ss = 0, n = 0;
	date_t day;
	instant_t t;

	if (s[0] == '@') {
		char *end;
		long long v = strtoll(s + 1, &end, 10);

		if (end == s + 1 || *end != '\0')
			return -1;
		*out = v;
		return 0;
	}
	if (strlen(s) < 16 || s[10] != 'T')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse(date, &day) != 0)
		return -1;
	if (sscanf(s + 11, "%2d:%2d%n:%2d%n", &hh, &mm, &n, &ss, &n) < 2 || s[11 + n] != '\0' ||
	    hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0 || ss < 0)
		return -1;
	clock_from_local(day, hh * 60 + mm, &t);
	*out = t + ss;
	return 0;
}

int clock_init(struct error *err)
{
	const char *env = getenv("FOCUSWEEK_NOW");
	char tmp[64];
	size_t len;

	pin.pinned = false;
	if (env == NULL || *env == '\0')
		return 0;
	len = strlen(env);
	if (len >= sizeof tmp)
		return error_set(err, ERR_USAGE, "FOCUSWEEK_NOW is too long");
	memcpy(tmp, env, len + 1);
	pin.running = len > 0 && tmp[len - 1] == '+';
	if (pin.running)
		tmp[len - 1] = '\0';
	if (clock_parse(tmp, &pin.at) != 0)
		return error_set(err, ERR_USAGE,
				 "FOCUSWEEK_NOW=\"%s\" is not a time (YYYY-MM-DDTHH:MM[:SS] or @EPOCH)",
				 tmp);
	pin.mono_at = clock_mono_ms();
	pin.pinned = true;
	return 0;
}

instant_t clock_now(void)
{
	struct timespec ts;

	if (pin.pinned)
		return pin.running ? pin.at + (clock_mono_ms() - pin.mono_at) / 1000 : pin.at;
	/* CLOCK_REALTIME, not time(): time() reads a coarser clock that turns
	 * the second a few milliseconds late, and clock_now_ms must agree. */
	clock_gettime(CLOCK_REALTIME, &ts);
	return (instant_t)ts.tv_sec;
}

bool clock_frozen(void)
{
	return pin.pinned && !pin.running;
}

int64_t clock_now_ms(void)
{
	int64_t ms;

	if (!pin.pinned)
		return clock_ms(CLOCK_REALTIME);
	if (__builtin_mul_overflow(pin.at, 1000, &ms))
		return pin.at < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
	return pin.running ? ms + (clock_mono_ms() - pin.mono_at) : ms;
}

void clock_to_local(instant_t t, date_t *day, int *minute, int *second)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	if (day != NULL)
		*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (minute != NULL)
		*minute = tm.tm_hour * 60 + tm.tm_min;
	if (second != NULL)
		*second = tm.tm_sec;
}

date_t clock_today(instant_t now)
{
	date_t day;

	clock_to_local(now, &day, NULL, NULL);
	return day;
}

/* mktime with a given DST guess; true when the result reads back as asked. */
static bool clock_try(int y, int mo, int d, int minute, int isdst, instant_t *out)
{
	struct tm tm = { 0 };
	time_t t;
	struct tm back;

	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	tm.tm_isdst = isdst;
	t = mktime(&tm);
	*out = (instant_t)t;
	localtime_r(&t, &back);
	return back.tm_year == y - 1900 && back.tm_mon == mo - 1 && back.tm_mday == d &&
	       back.tm_hour == minute / 60 && back.tm_min == minute % 60;
}

enum clock_local clock_from_local(date_t day, int minute, instant_t *out)
{
	int y, m, d;
	instant_t a, b;
	bool ok_a, ok_b;

	if (minute >= DATE_MINUTES_PER_DAY) {
		/* 24:00 is the next day's midnight (which may itself not exist). */
		day += minute / DATE_MINUTES_PER_DAY;
		minute %= DATE_MINUTES_PER_DAY;
	}
	date_to_ymd(day, &y, &m, &d);
	ok_a = clock_try(y, m, d, minute, 0, &a);
	ok_b = clock_try(y, m, d, minute, 1, &b);
	if (ok_a && ok_b) {
		*out = a < b ? a : b;
		return CLOCK_LOCAL_OK;
	}
	if (ok_a || ok_b) {
		*out = ok_a ? a : b;
		return CLOCK_LOCAL_OK;
	}
	/* In a gap: walk back from the later reading to where the clock resumed. */
	{
		instant_t t = a > b ? a : b;
		date_t dd;
		int mm;

		for (int i = 0; i < 24 * 60; i++) {
			clock_to_local(t - 60, &dd, &mm, NULL);
			if (dd < day || (dd == day && mm < minute))
				break;
			t -= 60;
		}
		*out = t;
	}
	return CLOCK_LOCAL_GAP;
}
