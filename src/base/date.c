/* date.c - civil dates, ISO 8601 weeks and times of day. */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && date_leap(y))
		return 29;
	return days[m - 1];
}

bool date_ymd_valid(int y, int m, int d)
{
	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX && m >= 1 && m <= 12 &&
	       d >= 1 && d <= date_days_in_month(y, m);
}

/* Days from civil, after H. Hinnant's public-domain algorithm. */
date_t date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (date_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(date_t day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int mm = mp + (mp < 10 ? 3 : -9);

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mm;
	*y = yoe + era * 400 + (mm <= 2);
}

int date_weekday(date_t day)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (day + 3) % 7;

	return w < 0 ? w + 7 : w;
}

static int parse_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, date_t *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = parse_digits(s, 4);
	m = parse_digits(s + 5, 2);
	d = parse_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_ymd_valid(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

/* Writes n decimal digits of v (v >= 0) at out. */
static void put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void date_format(date_t day, char out[11])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	put_digits(out, y < 0 ? 0 : y % 10000, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}


/* Monday of ISO week 1 of iso_year: the Monday on or before 4 January. */
static date_t week1_monday(int iso_year)
{
	date_t jan4 = date_from_ymd(iso_year, 1, 4);

	return jan4 - date_weekday(jan4);
}

/* Days the week starts before Monday: 0, 1 (Sunday) or 2 (Saturday).  Set
 * once at start-up and when the setting changes (date_week_set_start). */
static int week_shift;

int date_week_set_start(int weekday)
{
	if (weekday != 0 && weekday != DATE_SATURDAY && weekday != DATE_SUNDAY)
		return -1;
	week_shift = (7 - weekday) % 7;
	return 0;
}

int date_week_start(void)
{
	return (7 - week_shift) % 7;
}

int date_week_index(date_t day)
{
	return (date_weekday(day) + week_shift) % 7;
}

unsigned date_week_index_mask(unsigned weekdays)
{
	unsigned mask = 0;

	for (int i = 0; i < 7; i++)
		if (weekdays & (1u << ((i + 7 - week_shift) % 7)))
			mask |= 1u << i;
	return mask;
}

date_t date_week_day(date_t first, int weekday)
{
	return first + (weekday - date_weekday(first) + 7) % 7;
}

/* The ISO week of day. */
static int iso_key(date_t day)
{
	int y, m, d;
	date_t thursday = day - date_weekday(day) + 3;

	/* The ISO year is the year of the week's Thursday. */
	date_to_ymd(thursday, &y, &m, &d);
	return y * 100 + (thursday - week1_monday(y)) / 7 + 1;
}

int date_week_key(date_t day)
{
	/* A week that starts on Sunday (or Saturday) is named by its Monday. */
	return iso_key(day + week_shift);
}

int date_week_key_at(date_t day, int start)
{
	return iso_key(day + (7 - start) % 7);
}

int date_week_iso_key(date_t day)
{
	return iso_key(day);
}

date_t date_week_monday(int key)
{
	return week1_monday(key / 100) + (key % 100 - 1) * 7 - week_shift;
}

int date_weeks_in_year(int iso_year)
{
	return (week1_monday(iso_year + 1) - week1_monday(iso_year)) / 7;
}

int date_week_iso_span(int key, int *first_iso, int *last_iso)
{
	date_t first = date_week_monday(key);

	*first_iso = (int)date_week_iso_key(first);
	*last_iso = (int)date_week_iso_key(first + 6);
	return *first_iso != *last_iso;
}

bool date_week_valid(int key)
{
	int y = key / 100, w = key % 100;

	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX && w >= 1 &&
	       w <= date_weeks_in_year(y);
}

int date_week_add(int key, int weeks)
{
	return date_week_key(date_week_monday(key) + weeks * 7);
}

int date_week_parse(const char *s, int *key)
{
	int y, w;

	if (strlen(s) != 8 || s[4] != '-' || (s[5] != 'W' && s[5] != 'w'))
		return -1;
	y = parse_digits(s, 4);
	w = parse_digits(s + 6, 2);
	if (y < 0 || w < 0 || !date_week_valid(y * 100 + w))
		return -1;
	*key = y * 100 + w;
	return 0;
}

void date_week_format(int key, char out[9])
{
	put_digits(out, key < 0 ? 0 : (key / 100) % 10000, 4);
	out[4] = '-';
	out[5] = 'W';
	put_digits(out + 6, key < 0 ? 0 : key % 100, 2);
	out[8] = '\0';
}

void date_week_label(int key, bool utf8, char out[DATE_WEEK_LABEL_MAX])
{
	char wk[9], a[DATE_NAME_MAX * 2], b[DATE_NAME_MAX * 2], iso[32] = "";
	const char *dash = utf8 ? "\xe2\x80\x93" : "-";
	date_t first = date_week_monday(key), fifth = first + 4;
	int y1, m1, d1, y2, m2, d2, i1, i2;

	date_week_format(key, wk);
	date_to_ymd(first, &y1, &m1, &d1);
	date_to_ymd(fifth, &y2, &m2, &d2);
	if (date_week_iso_span(key, &i1, &i2))
		snprintf(iso, sizeof iso, " (ISO W%02d%sW%02d)", i1 % 100, dash, i2 % 100);
	snprintf(out, DATE_WEEK_LABEL_MAX, "%s %s %s %s %s%s", wk, utf8 ? "\xc2\xb7" : "-",
		 date_day_month(d1, m1, a), dash, date_day_month(d2, m2, b), iso);
}

int date_time_parse(const char *s, int *minutes)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':')
		return -1;
	h = parse_digits(s, 2);
	m = parse_digits(s + 3, 2);
	if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

/* "9", "09", "9:30" or "09:30": hours and minutes, or -1 with nothing read. */
static int time_digits(const char **s, int *h, int *m)
{
	const char *p = *s;
	int n = 0;

	*h = 0;
	*m = 0;
	while (n < 2 && *p >= '0' && *p <= '9')
		*h = *h * 10 + (*p++ - '0'), n++;
	if (n == 0)
		return -1;
	if (*p == ':') {
		p++;
		if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
			return -1;
		*m = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
	}
	*s = p;
	return 0;
}

/* "am", "pm", "a.m.", "p.m." (any case), or 0 for none; -1 otherwise. */
static int time_meridiem(const char *p)
{
	char c;

	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	c = (char)(*p | 0x20);
	if ((c != 'a' && c != 'p') || !(p[1] == '.' || (p[1] | 0x20) == 'm'))
		return -1;
	if (strcasecmp(p + 1, "m") == 0 || strcasecmp(p + 1, ".m.") == 0 ||
	    strcasecmp(p + 1, ".m") == 0)
		return c == 'a' ? 'a' : 'p';
	return -1;
}

int date_time_read(const char *s, int *minutes)
{
	int h, m, half;

	if (time_digits(&s, &h, &m) != 0 || m > 59 || (half = time_meridiem(s)) < 0)
		return -1;
	if (half != 0) {
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (half == 'p' ? 12 : 0);
	}
	if (h > 24 || (h == 24 && m != 0))
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void date_time_format(int minutes, char out[6])
{
	if (minutes < 0 || minutes > DATE_MINUTES_PER_DAY)
		minutes = 0;
	put_digits(out, minutes / 60, 2);
	out[2] = ':';
	put_digits(out + 3, minutes % 60, 2);
	out[5] = '\0';
}
