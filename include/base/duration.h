/* duration.h - how long something took or has left, written one way
 * everywhere: "0 min", "1 min", "59 min", "1h00", "1h05", "2h30", "64h00".
 *
 * Under an hour a duration is minutes ("45 min"); from an hour on it is hours
 * and two-digit minutes ("1h05"), so "01:00" (a minute? an hour?) is never
 * written.  Times of day are not durations: they stay with date_time_format.
 */
#ifndef FOCUSWEEK_DURATION_H
#define FOCUSWEEK_DURATION_H

#include <stdint.h>

#include "error.h"

#define DURATION_TEXT 24 /* bytes a duration's text needs, with the NUL */
#define SECONDS_PER_MINUTE 60

/* Minutes as above into out; a negative duration gets a leading '-'. */
void duration_format(int64_t minutes, char out[DURATION_TEXT]);
/* Seconds, in whole minutes rounded down (a minute is a minute once it has
 * passed: worked time is never overstated). */
void duration_format_secs(int64_t seconds, char out[DURATION_TEXT]);
/* Seconds in whole minutes rounded up: time left is not understated
 * (30 seconds left is "1 min left"). */
void duration_format_secs_up(int64_t seconds, char out[DURATION_TEXT]);

/* Reads a duration as people write it: minutes ("90", "90m", "90 min"),
 * hours ("2h"), hours and minutes ("1h30", "1h 30m", "1:30"), so every form
 * duration_format writes reads back.  0 with the minutes, or -1 (ERR_USAGE)
 * naming the text and the forms, also past max minutes. */
int duration_read(const char *s, int64_t max, int64_t *minutes, struct error *err);

#endif
