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
#define DATE_DAYS_PER_WEEK 7

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

/* ---- how dates and times are shown (date_style.c) ----
 * Day and month names and the order of day and month follow LC_TIME, and
 * times of day may show in 12 hours: set once at start-up (and after the
 * settings change), like setlocale.  Nothing written to a data file, JSON
 * or CSV depends on it: those use date_format and date_time_format. */
#define DATE_NAME_MAX 16      /* bytes of a day or month name, with the NUL */
#define DATE_SHORT_MAX 16     /* "Tue 1 Dec", with the NUL (cut to fit) */
#define DATE_TIME_SHOW_MAX 8  /* "12:30pm", with the NUL */

/* The names and order of LC_TIME (after setlocale(LC_TIME, "")); English
 * where the C library has none.  Without a call, English. */
void date_style_from_locale(void);
void date_style_clock12(bool on);
bool date_style_is_clock12(void);
/* Writes e.g. "Tue 1 Dec" (or "Tue Dec 1") into out. */
void date_format_short(date_t day, char out[DATE_SHORT_MAX]);
/* "1 Dec" or "Dec 1" into out; returns out. */
const char *date_day_month(int day, int month, char out[DATE_NAME_MAX * 2]);
const char *date_weekday_abbr(int weekday);   /* "Mon" */
const char *date_month_abbr(int month);       /* 1..12 -> "Jan" */
/* A day as a person types it: "2026-12-01" always, "today", "tomorrow",
 * "yesterday", "1 Dec", "Dec 1 2026" (English or LC_TIME month names),
 * "1.12.2026", and "12/1/2026" or "1/12/2026" as the locale orders them;
 * the year of `today` when none is given.  0 or -1. */
int date_read(const char *s, date_t today, date_t *out);
/* A time of day as the user reads it: "09:30", or "9:30am". */
void date_time_show(int minutes, char out[DATE_TIME_SHOW_MAX]);

/*
 * Weeks.  A week key is year * 100 + week, e.g. 202649 for 2026-W49: the
 * ISO 8601 week (week 1 holds 4 January) of the week's Monday.  A week
 * starts on Monday unless date_week_set_start says Sunday or Saturday (the
 * week.start setting): then it runs from the Sunday (or Saturday) before
 * that Monday, and keeps its Monday's ISO name.  The start is set once at
 * start-up and when the setting changes, like setlocale.
 */
int date_week_key(date_t day);
/* The first day of week key: its Monday, or the Sunday or Saturday before. */
date_t date_week_monday(int key);
/* 0 Monday, 5 Saturday, 6 Sunday; -1 for any other. */
int date_week_set_start(int weekday);
int date_week_start(void);
/* The place of day in its week: 0 for the first day. */
int date_week_index(date_t day);
/* A set of weekdays (bit 0 Monday) as places in the week (bit 0 the first day). */
unsigned date_week_index_mask(unsigned weekdays);
/* The day of the week starting at first that falls on weekday. */
date_t date_week_day(date_t first, int weekday);
/* The key of day's week for a week that starts on weekday `start`. */
int date_week_key_at(date_t day, int start);
/* The ISO week of day, whatever the start; and the ISO weeks the days of
 * week key fall in (true when they are two). */
int date_week_iso_key(date_t day);
int date_week_iso_span(int key, int *first_iso, int *last_iso);
int date_weeks_in_year(int iso_year);          /* 52 or 53 */
int date_week_add(int key, int weeks);
bool date_week_valid(int key);
/* "YYYY-Www", strict.  0 or -1. */
int date_week_parse(const char *s, int *key);
/* Writes "YYYY-Www" into out[9]. */
void date_week_format(int key, char out[9]);
#define DATE_WEEK_LABEL_MAX 72
/* Writes e.g. "2026-W49 · 30 Nov – 4 Dec" (UTF-8) or the ASCII form with
 * "-" separators into out: the week and its first five days.  A week that
 * starts on Sunday or Saturday names the ISO weeks its days fall in:
 * "2026-W50 · 6 Dec – 10 Dec (ISO W49–W50)". */
void date_week_label(int key, bool utf8, char out[DATE_WEEK_LABEL_MAX]);

/* Times of day: minutes after midnight, 0..1440 (24:00 ends a day). */
/* "HH:MM" exactly, as the data files hold it.  0 or -1. */
int date_time_parse(const char *s, int *minutes);
/* What a person types: "9:00", "09:00", "9", "9am", "9:30 pm", "12pm"
 * (noon), "12am" (midnight), "24:00".  0 or -1. */
int date_time_read(const char *s, int *minutes);
/* Writes "HH:MM" into out[6]. */
void date_time_format(int minutes, char out[6]);

#endif
