/* ics_rule.c - recurrence rules checked before libical expands them.
 *
 * libical expands what it is given without a bound: a YEARLY or MONTHLY
 * rule whose BY parts never meet (BYMONTH=2;BYMONTHDAY=30) is looked for
 * until the year 20000 (a second of work for each), and the rule of a
 * VTIMEZONE part is expanded from its DTSTART on (every second, from 1601,
 * if it says so).  So each rule is looked at first, by the calendar rather
 * than by libical: which days of a period it can give.  The count is a
 * superset of libical's (an ordinal BYDAY beside BYMONTHDAY, BYYEARDAY or
 * BYWEEKNO is taken as a plain weekday), so a rule said to give no dates
 * gives none there either.
 */
#include <stdlib.h>

#include "ics_int.h"

#define CYCLE_YEARS 400    /* the Gregorian calendar repeats itself */
#define MONTHS 12
#define ZONE_CHANGES_MAX 12 /* changes a year of one part of a real zone, at most */
#define ZONE_YEARS_SEEN 4   /* years of a zone rule counted */
/* libical takes about three times as long for a step of a rule that
 * repeats within a day (~2.7 us, measured) as for the other steps counted. */
#define SUBDAILY_COST 3

static const int64_t period_seconds[] = {
	[ICAL_SECONDLY_RECURRENCE] = 1,
	[ICAL_MINUTELY_RECURRENCE] = 60,
	[ICAL_HOURLY_RECURRENCE] = 3600,
	[ICAL_DAILY_RECURRENCE] = 86400,
	[ICAL_WEEKLY_RECURRENCE] = 604800,
	[ICAL_MONTHLY_RECURRENCE] = 2629746,  /* a Gregorian year / 12 */
	[ICAL_YEARLY_RECURRENCE] = 31556952,
};

static size_t by_count(const short *v, size_t size)
{
	size_t n = 0;

	while (n < size && v[n] != ICAL_RECURRENCE_ARRAY_MAX)
		n++;
	return n;
}

#define BY_COUNT(r, part) by_count((r)->part, sizeof (r)->part / sizeof (r)->part[0])

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[MONTHS] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* 1 for Sunday .. 7 for Saturday, as libical numbers weekdays. */
static int weekday(int y, int m, int d)
{
	int64_t days = ics_civil_days(y, m, d);

	return (int)(((days + 4) % 7 + 7) % 7) + 1; /* 1970-01-01 was a Thursday */
}

static bool value_in(const short *v, size_t n, int x, int span)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x || (v[i] < 0 && span + 1 + v[i] == x))
			return true;
	return false;
}

/* A rule, and what the day-by-day look at it needs, worked out once. */
struct view {
	const struct icalrecurrencetype *r;
	struct icaltimetype start;
	unsigned months;         /* bit m set: BYMONTH allows month m (all when none) */
	size_t n_month, n_weekno, n_yearday, n_monthday, n_day, n_setpos;
	size_t times;            /* instances a day gives (BYHOUR x BYMINUTE x BYSECOND) */
};

static struct view view_of(const struct icalrecurrencetype *r, struct icaltimetype start)
{
	struct view v = { .r = r, .start = start, .n_month = BY_COUNT(r, by_month),
			  .n_weekno = BY_COUNT(r, by_week_no), .n_yearday = BY_COUNT(r, by_year_day),
			  .n_monthday = BY_COUNT(r, by_month_day), .n_day = BY_COUNT(r, by_day),
			  .n_setpos = BY_COUNT(r, by_set_pos), .times = 1 };
	size_t n;

	for (size_t i = 0; i < v.n_month; i++)
		v.months |= 1u << icalrecurrencetype_month_month(r->by_month[i]);
	if (v.n_month == 0)
		v.months = ~0u;
	v.times *= (n = BY_COUNT(r, by_hour)) > 0 ? n : 1;
	v.times *= (n = BY_COUNT(r, by_minute)) > 0 ? n : 1;
	v.times *= (n = BY_COUNT(r, by_second)) > 0 ? n : 1;
	return v;
}

/* Does the day (weekday wd, nth from the start and from the end of its
 * month or year) meet BYDAY?  Ordinals count only when `ordinals`. */
static bool day_in(const struct view *v, int wd, int nth, int nth_end, bool ordinals)
{
	const struct icalrecurrencetype *r = v->r;

	for (size_t i = 0; i < v->n_day; i++) {
		int pos = icalrecurrencetype_day_position(r->by_day[i]);

		if ((int)icalrecurrencetype_day_day_of_week(r->by_day[i]) != wd)
			continue;
		if (!ordinals || pos == 0 || (pos > 0 && nth == pos) || (pos < 0 && nth_end == -pos))
			return true;
	}
	return false;
}

/* The week of the year a day is in, weeks starting on wkst (1 = Sunday),
 * week 1 the first with four days in the year; 0 or 53/54 past its ends. */
static int week_no(int y, int yd, int wkst)
{
	int jan1 = weekday(y, 1, 1), lead = (jan1 - wkst + 7) % 7;
	int week1 = lead <= 3 ? 1 - lead : 8 - lead; /* year day of week 1's start */

	return yd >= week1 ? (yd - week1) / 7 + 1 : 0;
}

struct day {
	int y, m, d, yd;   /* the date, and its day of the year */
	int dim, diy;      /* days in its month and year */
	int wd;            /* its weekday, 1 for Sunday */
};

static bool yearly_day(const struct view *v, const struct day *t)
{
	const struct icalrecurrencetype *r = v->r;
	bool ordinals = v->n_weekno == 0 && v->n_yearday == 0 && v->n_monthday == 0;

	if (v->n_weekno > 0 &&
	    !value_in(r->by_week_no, v->n_weekno, week_no(t->y, t->yd, (int)r->week_start),
		      week_no(t->y, t->diy, (int)r->week_start)))
		return false;
	if (v->n_yearday > 0 && !value_in(r->by_year_day, v->n_yearday, t->yd, t->diy))
		return false;
	if (v->n_monthday > 0 && !value_in(r->by_month_day, v->n_monthday, t->d, t->dim))
		return false;
	if (v->n_day > 0 && !(v->n_month > 0
			      ? day_in(v, t->wd, (t->d - 1) / 7 + 1, (t->dim - t->d) / 7 + 1, ordinals)
			      : day_in(v, t->wd, (t->yd - 1) / 7 + 1, (t->diy - t->yd) / 7 + 1,
				       ordinals)))
		return false;
	if (ordinals && v->n_day == 0)
		return t->d == v->start.day && (v->n_month > 0 || t->m == v->start.month);
	return true;
}

static bool monthly_day(const struct view *v, const struct day *t)
{
	if (v->n_monthday > 0 && !value_in(v->r->by_month_day, v->n_monthday, t->d, t->dim))
		return false;
	if (v->n_day > 0 && !day_in(v, t->wd, (t->d - 1) / 7 + 1, (t->dim - t->d) / 7 + 1,
				    v->n_monthday == 0))
		return false;
	return v->n_monthday > 0 || v->n_day > 0 || t->d == v->start.day;
}

/* Instances the rule gives in the period (a year, or month m of year y). */
static size_t period_count(const struct view *v, int y, int m, size_t *steps)
{
	struct day t = { .y = y, .diy = leap(y) ? 366 : 365 };
	size_t days = 0, size;
	int m0 = m > 0 ? m : 1, m1 = m > 0 ? m : MONTHS;

	for (t.m = m0; t.m <= m1; t.m++) {
		if (!(v->months & (1u << t.m)))
			continue;
		t.dim = month_days(y, t.m);
		t.yd = (int)(ics_civil_days(y, t.m, 1) - ics_civil_days(y, 1, 1));
		t.wd = weekday(y, t.m, 1);
		for (t.d = 1; t.d <= t.dim; t.d++, t.wd = t.wd % 7 + 1) {
			t.yd++;
			days += m > 0 ? monthly_day(v, &t) : yearly_day(v, &t);
		}
		*steps += (size_t)t.dim;
	}
	size = days * v->times;
	if (v->n_setpos == 0 || size == 0)
		return size;
	days = 0; /* each position within the set gives one instance */
	for (size_t i = 0; i < v->n_setpos; i++)
		days += (size_t)abs(v->r->by_set_pos[i]) <= size && v->r->by_set_pos[i] != 0;
	return days;
}

/* A rule libical should judge for itself: another calendar (RSCALE), leap
 * months, or parts it refuses for the frequency. */
static bool rule_unusual(const struct icalrecurrencetype *r)
{
	size_t n = BY_COUNT(r, by_month);

	for (size_t i = 0; i < n; i++)
		if (icalrecurrencetype_month_is_leap(r->by_month[i]) ||
		    icalrecurrencetype_month_month(r->by_month[i]) < 1 ||
		    icalrecurrencetype_month_month(r->by_month[i]) > MONTHS)
			return true;
	return r->rscale != NULL || (r->freq == ICAL_MONTHLY_RECURRENCE &&
				     (BY_COUNT(r, by_year_day) > 0 || BY_COUNT(r, by_week_no) > 0));
}

/* Instances in period k (from dtstart's, k * INTERVAL periods on). */
static size_t rule_period(const struct view *v, long k, size_t *steps)
{
	const struct icalrecurrencetype *r = v->r;
	long step = (long)(r->interval > 0 ? r->interval : 1) * k;

	if (r->freq == ICAL_YEARLY_RECURRENCE)
		return period_count(v, (int)((v->start.year + step) % CYCLE_YEARS + CYCLE_YEARS), 0,
				    steps);
	step += (long)v->start.year * MONTHS + v->start.month - 1;
	return period_count(v, (int)(step / MONTHS % CYCLE_YEARS + CYCLE_YEARS),
			    (int)(step % MONTHS) + 1, steps);
}

bool ics_rule_gives_dates(const struct icalrecurrencetype *r, struct icaltimetype dtstart,
			  size_t *steps)
{
	struct view v;
	long periods;

	*steps = 0;
	if ((r->freq != ICAL_YEARLY_RECURRENCE && r->freq != ICAL_MONTHLY_RECURRENCE) ||
	    rule_unusual(r))
		return true;
	v = view_of(r, dtstart);
	periods = r->freq == ICAL_YEARLY_RECURRENCE ? CYCLE_YEARS : CYCLE_YEARS * MONTHS;
	periods = periods / (r->interval > 1 ? r->interval : 1) + 1;
	for (long k = 0; k < periods; k++)
		if (rule_period(&v, k, steps) > 0)
			return true;
	return false;
}

bool ics_rule_filters(const struct icalrecurrencetype *r)
{
	return BY_COUNT(r, by_second) + BY_COUNT(r, by_minute) + BY_COUNT(r, by_hour) +
	       BY_COUNT(r, by_day) + BY_COUNT(r, by_month_day) + BY_COUNT(r, by_year_day) +
	       BY_COUNT(r, by_week_no) + BY_COUNT(r, by_month) + BY_COUNT(r, by_set_pos) > 0;
}

int64_t ics_rule_steps(const struct icalrecurrencetype *r, int64_t seconds)
{
	int64_t unit = r->freq >= ICAL_SECONDLY_RECURRENCE && r->freq <= ICAL_YEARLY_RECURRENCE
		       ? period_seconds[r->freq] : period_seconds[ICAL_DAILY_RECURRENCE];

	unit *= r->interval > 1 ? r->interval : 1;
	return (seconds / unit > 1 ? seconds / unit : 1) *
	       (r->freq < ICAL_DAILY_RECURRENCE ? SUBDAILY_COST : 1);
}

const char *ics_rule_zone_check(const struct icalrecurrencetype *r,
				struct icaltimetype dtstart, int *changes_per_year)
{
	static const char *const every[] = {
		[ICAL_SECONDLY_RECURRENCE] = "every second", [ICAL_MINUTELY_RECURRENCE] = "every minute",
		[ICAL_HOURLY_RECURRENCE] = "every hour", [ICAL_DAILY_RECURRENCE] = "every day",
		[ICAL_WEEKLY_RECURRENCE] = "every week", [ICAL_MONTHLY_RECURRENCE] = "every month",
	};
	size_t steps, most = 0;
	struct view v;

	*changes_per_year = 0;
	if (r->freq >= ICAL_SECONDLY_RECURRENCE && r->freq < ICAL_YEARLY_RECURRENCE)
		return every[r->freq];
	if (r->freq != ICAL_YEARLY_RECURRENCE || rule_unusual(r))
		return "not yearly";
	if (BY_COUNT(r, by_hour) + BY_COUNT(r, by_minute) + BY_COUNT(r, by_second) > 0)
		return "at several times of a day";
	if (!ics_rule_gives_dates(r, dtstart, &steps))
		return "on no date at all";
	v = view_of(r, dtstart);
	for (long k = 0; k < ZONE_YEARS_SEEN; k++) {
		size_t n = rule_period(&v, k, &steps);

		most = n > most ? n : most;
	}
	if (most > ZONE_CHANGES_MAX)
		return "more often than monthly";
	*changes_per_year = (int)(most > 0 ? most : 1);
	return NULL;
}
