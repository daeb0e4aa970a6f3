/* duration.c - durations in one form: "45 min", "1h05". */
#include "duration.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MINUTES_PER_HOUR 60

void duration_format(int64_t minutes, char out[DURATION_TEXT])
{
	/* Unsigned, so the most negative value has a magnitude too. */
	uint64_t m = minutes < 0 ? (uint64_t)0 - (uint64_t)minutes : (uint64_t)minutes;
	const char *sign = minutes < 0 ? "-" : "";

	if (m < MINUTES_PER_HOUR)
		snprintf(out, DURATION_TEXT, "%s%u min", sign, (unsigned)m);
	else
		snprintf(out, DURATION_TEXT, "%s%lluh%02u", sign,
			 (unsigned long long)(m / MINUTES_PER_HOUR), (unsigned)(m % MINUTES_PER_HOUR));
}

void duration_format_secs(int64_t seconds, char out[DURATION_TEXT])
{
	duration_format(seconds / SECONDS_PER_MINUTE, out);
}

void duration_format_secs_up(int64_t seconds, char out[DURATION_TEXT])
{
	int64_t m = seconds / SECONDS_PER_MINUTE;

	if (seconds > 0 && seconds % SECONDS_PER_MINUTE != 0)
		m++;
	duration_format(m, out);
}

#define DURATION_DIGITS_MAX 7 /* of one number: no overflow, 19 years of minutes */

static const char *dur_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* A number of at most DURATION_DIGITS_MAX digits at *p; -1 when none. */
static int64_t dur_number(const char **p, int *digits)
{
	int64_t v = 0;

	*digits = 0;
	while (isdigit((unsigned char)**p) && *digits <= DURATION_DIGITS_MAX) {
		v = v * 10 + (**p - '0');
		(*p)++;
		(*digits)++;
	}
	return *digits == 0 || *digits > DURATION_DIGITS_MAX ? -1 : v;
}

/* A minutes unit ("m", "min", "mins", "minutes"), or none; false for
 * another word. */
static bool dur_minute_unit(const char **p)
{
	static const char *const units[] = { "minutes", "minute", "mins", "min", "m" };

	*p = dur_spaces(*p);
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strncmp(*p, units[i], strlen(units[i])) == 0) {
			*p += strlen(units[i]);
			return true;
		}
	return **p == '\0';
}

static int64_t dur_parse(const char *s)
{
	const char *p = dur_spaces(s);
	int64_t a, b = 0;
	int digits;

	if ((a = dur_number(&p, &digits)) < 0)
		return -1;
	if (*p == ':') {
		p++;
		if ((b = dur_number(&p, &digits)) < 0 || digits != 2 || b >= MINUTES_PER_HOUR)
			return -1;
		return *dur_spaces(p) == '\0' ? a * MINUTES_PER_HOUR + b : -1;
	}
	p = dur_spaces(p);
	if (*p != 'h')
		return dur_minute_unit(&p) && *dur_spaces(p) == '\0' ? a : -1;
	p = dur_spaces(p + 1);
	if (*p != '\0' && ((b = dur_number(&p, &digits)) < 0 || b >= MINUTES_PER_HOUR ||
			    !dur_minute_unit(&p)))
		return -1;
	return *dur_spaces(p) == '\0' ? a * MINUTES_PER_HOUR + b : -1;
}

int duration_read(const char *s, int64_t max, int64_t *minutes, struct error *err)
{
	int64_t m = dur_parse(s);
	char most[DURATION_TEXT];

	if (m < 0 || m > max) {
		duration_format(max, most);
		return error_set(err, ERR_USAGE, "\"%s\" is not a duration up to %s: write minutes "
				 "(90) or hours and minutes (1h30, 1:30)", s, most);
	}
	*minutes = m;
	return 0;
}
