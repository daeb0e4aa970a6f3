/* date_style.c - how dates and times are shown: day and month names and
 * the order of day and month from LC_TIME (English where the C library has
 * none), 12- or 24-hour times.  Set once at start-up and after the
 * settings change, like setlocale; the data files never depend on it. */
#include "date.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>

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
