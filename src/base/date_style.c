/* date_style.c - how dates and times are shown: day and month names and
 * the order of day and month from LC_TIME (English where the C library has
 * none), 12- or 24-hour times.  Set once at start-up and after the
 * settings change, like setlocale; the data files never depend on it. */
#include "date.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const english_days[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const english_months[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
						 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The one style of the process (see the file's comment). */
static struct {
	char days[7][DATE_NAME_MAX];     /* Monday first */
	char months[12][DATE_NAME_MAX];
	bool month_first;                /* "Tue Dec 1", else "Tue 1 Dec" */
	bool clock12;                    /* "9:30am", else "09:30" */
	bool named;                      /* the names above are filled */
} style;

static void style_english(void)
{
	for (int i = 0; i < 7; i++)
		snprintf(style.days[i], DATE_NAME_MAX, "%s", english_days[i]);
	for (int i = 0; i < 12; i++)
		snprintf(style.months[i], DATE_NAME_MAX, "%s", english_months[i]);
	style.month_first = false;
	style.named = true;
}

/* A name from the C library, when it has one that fits. */
static void style_take(char out[DATE_NAME_MAX], nl_item item)
{
	const char *s = nl_langinfo(item);

	if (s != NULL && s[0] != '\0' && strlen(s) < DATE_NAME_MAX)
		snprintf(out, DATE_NAME_MAX, "%s", s);
}

void date_style_from_locale(void)
{
	static const nl_item days[7] = { ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5,
					 ABDAY_6, ABDAY_7, ABDAY_1 };
	static const nl_item months[12] = { ABMON_1, ABMON_2, ABMON_3, ABMON_4,  ABMON_5,  ABMON_6,
					    ABMON_7, ABMON_8, ABMON_9, ABMON_10, ABMON_11, ABMON_12 };
	const char *order = nl_langinfo(D_FMT);
	const char *m, *d;

	style_english();
	for (int i = 0; i < 7; i++)
		style_take(style.days[i], days[i]);
	for (int i = 0; i < 12; i++)
		style_take(style.months[i], months[i]);
	/* "%m/%d/%y" puts the month first; "%d.%m.%Y" and "%Y-%m-%d" the day. */
	m = order != NULL ? strstr(order, "%m") : NULL;
	d = order != NULL ? strstr(order, "%d") : NULL;
	style.month_first = m != NULL && d != NULL && m < d && strncmp(order, "%Y", 2) != 0 &&
			    strncmp(order, "%y", 2) != 0;
}

void date_style_clock12(bool on)
{
	style.clock12 = on;
}

bool date_style_is_clock12(void)
{
	return style.clock12;
}

const char *date_weekday_abbr(int weekday)
{
	if (!style.named)
		style_english();
	return weekday >= 0 && weekday < 7 ? style.days[weekday] : "???";
}

const char *date_month_abbr(int month)
{
	if (!style.named)
		style_english();
	return month >= 1 && month <= 12 ? style.months[month - 1] : "???";
}

const char *date_day_month(int day, int month, char out[DATE_NAME_MAX * 2])
{
	if (style.month_first)
		snprintf(out, DATE_NAME_MAX * 2, "%s %d", date_month_abbr(month), day);
	else
		snprintf(out, DATE_NAME_MAX * 2, "%d %s", day, date_month_abbr(month));
	return out;
}

void date_format_short(date_t day, char out[DATE_SHORT_MAX])
{
	char dm[DATE_NAME_MAX * 2];
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(out, DATE_SHORT_MAX, "%s %s", date_weekday_abbr(date_weekday(day)),
		 date_day_month(d, m, dm));
}

void date_time_show(int minutes, char out[DATE_TIME_SHOW_MAX])
{
	int h, m;

	if (!style.clock12) {
		date_time_format(minutes, out);
		return;
	}
	if (minutes < 0 || minutes > DATE_MINUTES_PER_DAY)
		minutes = 0;
	h = minutes / 60 % 24;
	m = minutes % 60;
	snprintf(out, DATE_TIME_SHOW_MAX, "%d:%02d%s", h % 12 == 0 ? 12 : h % 12, m,
		 h < 12 ? "am" : "pm");
}

/* ---------------------------------------------------------------- reading */

/* The month named by s[0..n): the style's or English, any case; 0 if none. */
static int read_month(const char *s, size_t n)
{
	for (int m = 1; m <= 12; m++) {
		const char *local = date_month_abbr(m);
		size_t ln = strlen(local);

		while (ln > 0 && local[ln - 1] == '.')
			ln--; /* "déc." as "déc" */
		if ((n == ln && strncasecmp(s, local, n) == 0) ||
		    (n >= 3 && strncasecmp(s, english_months[m - 1], 3) == 0 && n <= 9))
			return m;
	}
	return 0;
}

/* The day, the month and the year of "1 Dec 2026", "Dec 1", "1.12.2026" or
 * "12/1/2026" (the order of the locale); year 0 when not given. */
static bool read_parts(const char *s, int *d, int *m, int *y)
{
	char part[3][16] = { "", "", "" }, *a = part[0], *b = part[1], *c = part[2], *end;
	bool slashes = strchr(s, '/') != NULL && style.month_first;
	int fields = 0;

	while (*s && fields < 3) {
		size_t n;

		s += strspn(s, " ./,");
		n = strcspn(s, " ./,");
		if (n == 0 || n >= sizeof part[0])
			break;
		memcpy(part[fields++], s, n);
		s += n;
	}
	if (s[strspn(s, " ./,")] != '\0')
		return false; /* a fourth part, or one too long */
	if (fields < 2)
		return false;
	*y = fields == 3 ? (int)strtol(c, &end, 10) : 0;
	if (fields == 3 && *end != '\0')
		return false;
	if ((*m = read_month(a, strlen(a))) != 0) {
		*d = (int)strtol(b, &end, 10);
		return *end == '\0';
	}
	if ((*m = read_month(b, strlen(b))) != 0) {
		*d = (int)strtol(a, &end, 10);
		return *end == '\0';
	}
	/* Numbers alone: dots are day first; slashes follow the locale. */
	*d = (int)strtol(slashes ? b : a, &end, 10);
	if (*end != '\0')
		return false;
	*m = (int)strtol(slashes ? a : b, &end, 10);
	return *end == '\0';
}

int date_read(const char *s, date_t today, date_t *out)
{
	int d, m, y, ty, tm, td;

	if (date_parse(s, out) == 0)
		return 0;
	if (strcasecmp(s, "today") == 0 || strcasecmp(s, "tomorrow") == 0 ||
	    strcasecmp(s, "yesterday") == 0) {
		*out = today + (s[0] == 'y' || s[0] == 'Y' ? -1 : s[2] == 'd' || s[2] == 'D' ? 0 : 1);
		return 0;
	}
	if (!read_parts(s, &d, &m, &y))
		return -1;
	date_to_ymd(today, &ty, &tm, &td);
	if (y == 0)
		y = ty;
	else if (y < 100)
		y += 2000;
	if (!date_ymd_valid(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}
