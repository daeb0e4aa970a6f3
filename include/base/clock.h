/* clock.h - instants, the local zone, and the current time.
 *
 * Instants are UTC seconds since the epoch in signed 64 bits.  Planned blocks
 * are local dates and minutes (date.h); the conversions here are the only
 * place the local zone is consulted, so callers convert few times.
 *
 * The current time can be pinned with FOCUSWEEK_NOW for tests and demos:
 * "YYYY-MM-DDTHH:MM[:SS]" (local) or "@EPOCH"; a trailing "+" lets the pinned
 * clock run on from that instant.
 */
#ifndef FOCUSWEEK_CLOCK_H
#define FOCUSWEEK_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "error.h"

typedef int64_t instant_t;

/* Reads FOCUSWEEK_NOW once.  -1 with a message when it is malformed. */
int clock_init(struct error *err);
instant_t clock_now(void);
/* The same clock in milliseconds: clock_now() is this divided by 1000
 * (rounded down), so a screen can wake exactly when the second turns. */
int64_t clock_now_ms(void);
/* Milliseconds on CLOCK_MONOTONIC (stops in suspend) and CLOCK_BOOTTIME. */
int64_t clock_mono_ms(void);
int64_t clock_boot_ms(void);
/* The time is pinned and stands still (FOCUSWEEK_NOW without "+"): no
 * clock jumps or suspends to look for, though the machine's clocks run. */
bool clock_frozen(void);

void clock_to_local(instant_t t, date_t *day, int *minute, int *second);
date_t clock_today(instant_t now);

enum clock_local {
	CLOCK_LOCAL_OK = 0,
	CLOCK_LOCAL_GAP = 1 /* the wall time was skipped by a DST change */
};
/*
 * The instant of a local date and minute.  A time that occurs twice (the hour
 * repeated when clocks go back) resolves to its first occurrence.  A time in
 * a DST gap returns CLOCK_LOCAL_GAP and, in *out, the instant the wall clock
 * jumped to.
 */
enum clock_local clock_from_local(date_t day, int minute, instant_t *out);

/* Parses "YYYY-MM-DDTHH:MM[:SS]" (local) or "@EPOCH".  0 or -1. */
int clock_parse(const char *s, instant_t *out);

#endif
