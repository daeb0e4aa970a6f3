/* duration.c - durations in one form: "45 min", "1h05". */
#include "duration.h"

#include <stdio.h>

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
