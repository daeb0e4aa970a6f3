/* date.h - civil dates, ISO 8601 weeks and times of day.
 *
 * Pure calendar arithmetic in the proleptic Gregorian calendar: no time zone,
 * no mktime, so stepping days and weeks can never be thrown off by a 23- or
 * 25-hour day.  Planned blocks live on this calendar ("9:00 stays 9:00 when I
 * travel"); only clock.h turns them into instants.
 */
#ifndef FOCUSWEEK_DATE_H
#define FOCUSWEEK_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01. */
typedef int32_t date_t;

#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 9999
#define DATE_MINUTES_PER_DAY 1440

bool date_ymd_valid(int y, int m, int d);
/* Caller passes a valid date (see date_ymd_valid). */
date_t date_from_ymd(int y, int m, int d);
void date_to_ymd(date_t day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(date_t day);
#define DATE_SATURDAY 5
#define DATE_SUNDAY 6
/* Sets of weekdays: bit d is weekday d. */
#define DATE_WEEK_MASK 0x7fu                                     /* every day */
#define DATE_WEEKEND_MASK ((1u << DATE_SATURDAY) | (1u << DATE_SUNDAY))

/* "YYYY-MM-DD", strict; years DATE_YEAR_MIN..DATE_YEAR_MAX.  0 or -1. */
int date_parse(const char *s, date_t *out);
/* Writes "YYYY-MM-DD" into out[11]. */
void date_format(date_t day, char out[11]);
/* Writes e.g. "Tue 1 Dec" into out[16]. */
void date_format_short(date_t day, char out[16]);
const char *date_weekday_abbr(int weekday);   /* "Mon" */
const char *date_month_abbr(int month);       /* 1..12 -> "Jan" */

/*
 * ISO 8601 weeks.  A week key is year * 100 + week, e.g. 202649 for
 * 2026-W49; weeks start on Monday and week 1 holds 4 January.
 */
int date_week_key(date_t day);
date_t date_week_monday(int key);
int date_weeks_in_year(int iso_year);          /* 52 or 53 */
int date_week_add(int key, int weeks);
bool date_week_valid(int key);
/* "YYYY-Www", strict.  0 or -1. */
int date_week_parse(const char *s, int *key);
/* Writes "YYYY-Www" into out[9]. */
void date_week_format(int key, char out[9]);
/* Writes e.g. "2026-W49 · 30 Nov – 4 Dec" (UTF-8) or the ASCII form with
 * "-" separators into out[48]. */
void date_week_label(int key, bool utf8, char out[48]);

/* Times of day: minutes after midnight, 0..1440 (24:00 ends a day). */
/* "HH:MM" exactly, as the data files hold it.  0 or -1. */
int date_time_parse(const char *s, int *minutes);
/* What a person types: "9:00", "09:00", "9", "9am", "9:30 pm", "12pm"
 * (noon), "12am" (midnight), "24:00".  0 or -1. */
int date_time_read(const char *s, int *minutes);
/* Writes "HH:MM" into out[6]. */
void date_time_format(int minutes, char out[6]);

#endif
