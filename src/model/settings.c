/* settings.c - the table of settings: keys, meanings, values as text. */
#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const day_names[] = { "monday", "tuesday", "wednesday", "thursday",
					 "friday", "saturday", "sunday" };
#define DAY_ABBR_LEN 3 /* "mon" */

/* ---------------------------------------------------------------- days */

/* The weekday named by s[0..n) (three letters or whole, any case), or -1. */
static int day_lookup(const char *s, size_t n)
{
	for (int d = 0; d < 7; d++)
		if ((n == DAY_ABBR_LEN || n == strlen(day_names[d])) &&
		    strncasecmp(s, day_names[d], n) == 0)
			return d;
	return -1;
}

void settings_days_format(unsigned days, struct buf *out)
{
	bool first = true;

	for (int d = 0; d < 7; d++) {
		if (!(days & (1u << d)))
			continue;
		buf_addf(out, "%s%.*s", first ? "" : ",", DAY_ABBR_LEN, day_names[d]);
		first = false;
	}
}

/* One item of a day list: "mon" or "sun-thu" (a range may wrap the week). */
static int days_item(const char *s, size_t n, unsigned *days)
{
	const char *dash = memchr(s, '-', n);
	int a, b;

	if (dash == NULL) {
		if ((a = day_lookup(s, n)) < 0)
			return -1;
		*days |= 1u << a;
		return 0;
	}
	a = day_lookup(s, (size_t)(dash - s));
	b = day_lookup(dash + 1, n - (size_t)(dash - s) - 1);
	if (a < 0 || b < 0)
		return -1;
	for (int d = a;; d = (d + 1) % 7) {
		*days |= 1u << d;
		if (d == b)
			break;
	}
	return 0;
}

int settings_days_parse(const char *text, unsigned *days, struct error *err)
{
	const char *p = text;

	*days = 0;
	while (*p) {
		size_t n = strcspn(p, ", ");

		if (n > 0 && days_item(p, n, days) != 0)
			return error_set(err, ERR_USAGE, "\"%.*s\" is not a day or a range of days "
					 "(e.g. mon-fri, sun-thu, mon,wed,fri)", (int)n, p);
		p += n;
		p += strspn(p, ", ");
	}
	if (*days == 0)
		return error_set(err, ERR_USAGE, "no days given (e.g. mon-fri)");
	return 0;
}

/* ---------------------------------------------------------------- the table */

/* The plan's settings with one field changed, checked as the loader does. */
static int set_int(struct plan *p, int *(*field)(struct settings *), int value,
		   struct error *err)
{
	struct settings s = *plan_settings(p);

	*field(&s) = value;
	return plan_set_settings(p, &s, err);
}

static int *f_day_start(struct settings *s) { return &s->day_start; }
static int *f_day_end(struct settings *s) { return &s->day_end; }
static int *f_slot(struct settings *s) { return &s->slot; }
static int *f_week_start(struct settings *s) { return &s->week_start; }
static int *f_midday(struct settings *s) { return &s->midday; }

static void fmt_time(struct buf *out, int minutes)
{
	char t[6];

	date_time_format(minutes, t);
	buf_adds(out, t);
}

static int parse_time(const char *text, int *minutes, struct error *err)
{
	if (date_time_read(text, minutes) != 0)
		return error_set(err, ERR_USAGE, "\"%s\" is not a time of day (e.g. 08:30, 8:30, "
				 "8:30am)", text);
	return 0;
}

static void quota_target_fmt(const struct plan *p, struct buf *out)
{
	buf_addf(out, "%lld", (long long)plan_quota(p)->target);
}

static int quota_target_parse(struct plan *p, const char *text, struct error *err)
{
	struct quota q = *plan_quota(p);
	char *end;
	long long v;

	errno = 0;
	v = strtoll(text, &end, 10);
	if (end == text || *end != '\0' || errno != 0 || v < 0 || v > MODEL_MONEY_MAX)
		return error_set(err, ERR_USAGE, "\"%s\" is not a whole amount 0..%lld", text,
				 MODEL_MONEY_MAX);
	q.target = v;
	return plan_set_quota(p, &q, err);
}

static void quota_period_fmt(const struct plan *p, struct buf *out)
{
	buf_adds(out, plan_quota(p)->period == QUOTA_MONTH ? "month" : "quarter");
}

static int quota_period_parse(struct plan *p, const char *text, struct error *err)
{
	struct quota q = *plan_quota(p);

	if (strcasecmp(text, "month") == 0)
		q.period = QUOTA_MONTH;
	else if (strcasecmp(text, "quarter") == 0)
		q.period = QUOTA_QUARTER;
	else
		return error_set(err, ERR_USAGE, "\"%s\" is not month or quarter", text);
	return plan_set_quota(p, &q, err);
}

static void quota_currency_fmt(const struct plan *p, struct buf *out)
{
	buf_adds(out, plan_quota(p)->currency);
}

static int quota_currency_parse(struct plan *p, const char *text, struct error *err)
{
	struct quota q = *plan_quota(p);

	if (strlen(text) >= sizeof q.currency)
		return error_set(err, ERR_USAGE, "\"%s\" is longer than %zu characters", text,
				 sizeof q.currency - 1);
	snprintf(q.currency, sizeof q.currency, "%s", text);
	return plan_set_quota(p, &q, err);
}

static void day_start_fmt(const struct plan *p, struct buf *out)
{
	fmt_time(out, plan_settings(p)->day_start);
}

static int day_start_parse(struct plan *p, const char *text, struct error *err)
{
	int m;

	if (parse_time(text, &m, err) != 0)
		return -1;
	return set_int(p, f_day_start, m, err);
}

static void day_end_fmt(const struct plan *p, struct buf *out)
{
	fmt_time(out, plan_settings(p)->day_end);
}

static int day_end_parse(struct plan *p, const char *text, struct error *err)
{
	int m;

	if (parse_time(text, &m, err) != 0)
		return -1;
	return set_int(p, f_day_end, m, err);
}

static void slot_fmt(const struct plan *p, struct buf *out)
{
	buf_addf(out, "%d", plan_settings(p)->slot);
}

static int slot_parse(struct plan *p, const char *text, struct error *err)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (end == text || (*end != '\0' && strcmp(end, "min") != 0))
		return error_set(err, ERR_USAGE, "\"%s\" is not 15, 30 or 60", text);
	return set_int(p, f_slot, (int)v, err);
}

static void work_days_fmt(const struct plan *p, struct buf *out)
{
	settings_days_format(plan_settings(p)->work_days, out);
}

static int work_days_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (settings_days_parse(text, &s.work_days, err) != 0)
		return -1;
	return plan_set_settings(p, &s, err);
}

static void week_start_fmt(const struct plan *p, struct buf *out)
{
	buf_adds(out, day_names[plan_settings(p)->week_start]);
}

static int week_start_parse(struct plan *p, const char *text, struct error *err)
{
	int d = day_lookup(text, strlen(text));

	if (d < 0)
		return error_set(err, ERR_USAGE, "\"%s\" is not a day (monday, sunday or "
				 "saturday)", text);
	return set_int(p, f_week_start, d, err);
}

static void focus_fmt(const struct plan *p, struct buf *out)
{
	buf_adds(out, model_focus_name(plan_settings(p)->focus));
}

static int focus_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (model_focus_parse(text, &s.focus) != 0)
		return error_set(err, ERR_USAGE, "\"%s\" is not day or half-day", text);
	return plan_set_settings(p, &s, err);
}

static void midday_fmt(const struct plan *p, struct buf *out)
{
	fmt_time(out, plan_settings(p)->midday);
}

static int midday_parse(struct plan *p, const char *text, struct error *err)
{
	int m;

	if (parse_time(text, &m, err) != 0)
		return -1;
	return set_int(p, f_midday, m, err);
}

static void time_format_fmt(const struct plan *p, struct buf *out)
{
	buf_adds(out, plan_settings(p)->clock == TIME_12H ? "12h" : "24h");
}

static int time_format_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (strcasecmp(text, "24h") == 0 || strcmp(text, "24") == 0)
		s.clock = TIME_24H;
	else if (strcasecmp(text, "12h") == 0 || strcmp(text, "12") == 0)
		s.clock = TIME_12H;
	else
		return error_set(err, ERR_USAGE, "\"%s\" is not 24h or 12h", text);
	return plan_set_settings(p, &s, err);
}

static void theme_fmt(const struct plan *p, struct buf *out)
{
	buf_adds(out, plan_settings(p)->theme);
}

static int theme_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (strlen(text) >= sizeof s.theme)
		return error_set(err, ERR_USAGE, "\"%s\" is too long for a theme name", text);
	snprintf(s.theme, sizeof s.theme, "%s", text);
	return plan_set_settings(p, &s, err);
}

/* "off" (any case) or nothing: a setting left unset. */
static bool is_off(const char *text)
{
	return text[0] == '\0' || strcasecmp(text, "off") == 0;
}

/* A folder as given, less the slashes at its end ("/" stays). */
static int folder_copy(char *dst, size_t size, const char *text, size_t len, struct error *err)
{
	while (len > 1 && text[len - 1] == '/')
		len--;
	if (len >= size)
		return error_set(err, ERR_USAGE, "\"%.*s\" is longer than %zu bytes", (int)len,
				 text, size - 1);
	memcpy(dst, text, len);
	dst[len] = '\0';
	return 0;
}

static void sync_blocks_fmt(const struct plan *p, struct buf *out)
{
	const char *v = plan_settings(p)->sync_blocks;

	buf_adds(out, v[0] ? v : "off");
}

static int sync_blocks_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (is_off(text))
		s.sync_blocks[0] = '\0';
	else if (folder_copy(s.sync_blocks, sizeof s.sync_blocks, text, strlen(text), err) != 0)
		return -1;
	return plan_set_settings(p, &s, err);
}

static void sync_busy_fmt(const struct plan *p, struct buf *out)
{
	const char *v = plan_settings(p)->sync_busy;

	buf_adds(out, v[0] ? v : "off");
}

static int sync_busy_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);
	struct buf list = BUF_INIT;
	const char *t = text;
	int rc = 0;

	while (!is_off(text) && *t && rc == 0) {
		size_t len = strcspn(t, ":");
		char one[MODEL_PATH_MAX];

		if (len > 0 && (rc = folder_copy(one, sizeof one, t, len, err)) == 0)
			buf_addf(&list, "%s%s", list.len ? ":" : "", one);
		t += len + (t[len] == ':');
	}
	if (rc == 0 && list.len >= sizeof s.sync_busy)
		rc = error_set(err, ERR_USAGE, "the folders are longer than %zu bytes together",
			       sizeof s.sync_busy - 1);
	if (rc == 0) {
		snprintf(s.sync_busy, sizeof s.sync_busy, "%s", buf_str(&list));
		rc = plan_set_settings(p, &s, err);
	}
	buf_free(&list);
	return rc;
}

static void sync_window_fmt(const struct plan *p, struct buf *out)
{
	buf_addf(out, "%d,%d", plan_settings(p)->sync_back, plan_settings(p)->sync_ahead);
}

static int sync_window_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);
	char *end;
	long back, ahead;

	back = strtol(text, &end, 10);
	if (end == text || *end != ',' || !(end[1] >= '0' && end[1] <= '9'))
		return error_set(err, ERR_USAGE, "\"%s\" is not weeks back and ahead (e.g. 2,8)",
				 text);
	ahead = strtol(end + 1, &end, 10);
	if (*end != '\0' || back < 0 || back > MODEL_SYNC_WEEKS_MAX || ahead < 0 ||
	    ahead > MODEL_SYNC_WEEKS_MAX)
		return error_set(err, ERR_USAGE, "\"%s\" is not weeks back and ahead, each 0..%d "
				 "(e.g. 2,8)", text, MODEL_SYNC_WEEKS_MAX);
	s.sync_back = (int)back;
	s.sync_ahead = (int)ahead;
	return plan_set_settings(p, &s, err);
}

static void sync_alarm_fmt(const struct plan *p, struct buf *out)
{
	int m = plan_settings(p)->sync_alarm;

	if (m == MODEL_ALARM_OFF)
		buf_adds(out, "off");
	else
		buf_addf(out, "%d", m);
}

static int sync_alarm_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);
	char *end;
	long v;

	if (strcasecmp(text, "off") == 0) {
		s.sync_alarm = MODEL_ALARM_OFF;
		return plan_set_settings(p, &s, err);
	}
	v = strtol(text, &end, 10);
	if (end != text && text[0] >= '0' && text[0] <= '9' && strcasecmp(end, "h") == 0)
		v *= 60;
	else if (end == text || text[0] < '0' || text[0] > '9' ||
		 (*end != '\0' && strcasecmp(end, "m") != 0 && strcasecmp(end, "min") != 0))
		return error_set(err, ERR_USAGE, "\"%s\" is not off or minutes (e.g. 10, 10m, 1h)",
				 text);
	if (v < 0 || v > MODEL_ALARM_MAX)
		return error_set(err, ERR_USAGE, "\"%s\" is more than a day before the block", text);
	s.sync_alarm = (int)v;
	return plan_set_settings(p, &s, err);
}

/* ---------------------------------------------------------------- reminders */

const char *const model_remind_event_names[REMIND_EVENT_COUNT] = { "start", "end", "timer" };

static int parse_count(const char *text, const char *unit, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (end == text || errno != 0 || v < 0 || v > max ||
	    (*end != '\0' && strcmp(end, unit) != 0 && (*end != ' ' || strcmp(end + 1, unit) != 0)))
		return -1;
	*out = (int)v;
	return 0;
}

static void remind_before_fmt(const struct plan *p, struct buf *out)
{
	buf_addf(out, "%d", plan_settings(p)->remind.before);
}

static int remind_before_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (parse_count(text, "min", MODEL_REMIND_BEFORE_MAX, &s.remind.before) != 0)
		return error_set(err, ERR_USAGE, "\"%s\" is not a number of minutes 0..%d", text,
				 MODEL_REMIND_BEFORE_MAX);
	return plan_set_settings(p, &s, err);
}

static void remind_events_fmt(const struct plan *p, struct buf *out)
{
	unsigned ev = plan_settings(p)->remind.events;
	bool first = true;

	for (int i = 0; i < REMIND_EVENT_COUNT; i++) {
		if (!(ev & (1u << i)))
			continue;
		buf_addf(out, "%s%s", first ? "" : ",", model_remind_event_names[i]);
		first = false;
	}
	if (first)
		buf_adds(out, "none");
}

static int remind_events_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);
	const char *q = text;

	s.remind.events = 0;
	if (strcasecmp(text, "none") == 0)
		return plan_set_settings(p, &s, err);
	while (*q) {
		size_t n = strcspn(q, ", ");
		int i = 0;

		while (i < REMIND_EVENT_COUNT && (strlen(model_remind_event_names[i]) != n ||
						  strncasecmp(q, model_remind_event_names[i], n) != 0))
			i++;
		if (n > 0 && i == REMIND_EVENT_COUNT)
			return error_set(err, ERR_USAGE, "\"%.*s\" is not start, end or timer",
					 (int)n, q);
		if (n > 0)
			s.remind.events |= 1u << i;
		q += n;
		q += strspn(q, ", ");
	}
	if (s.remind.events == 0)
		return error_set(err, ERR_USAGE, "no events given (e.g. start,end,timer, or none)");
	return plan_set_settings(p, &s, err);
}

/* "" (pick a notifier) is written and read as "auto". */
static void remind_command_fmt(const struct plan *p, struct buf *out)
{
	const char *cmd = plan_settings(p)->remind.command;

	buf_adds(out, cmd[0] ? cmd : "auto");
}

static int remind_command_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (strlen(text) >= sizeof s.remind.command)
		return error_set(err, ERR_USAGE, "the command is longer than %zu bytes",
				 sizeof s.remind.command - 1);
	snprintf(s.remind.command, sizeof s.remind.command, "%s",
		 strcmp(text, "auto") == 0 ? "" : text);
	return plan_set_settings(p, &s, err);
}

static void hooks_timeout_fmt(const struct plan *p, struct buf *out)
{
	buf_addf(out, "%d", plan_settings(p)->hooks.timeout);
}

static int hooks_timeout_parse(struct plan *p, const char *text, struct error *err)
{
	struct settings s = *plan_settings(p);

	if (parse_count(text, "s", MODEL_HOOK_TIMEOUT_MAX, &s.hooks.timeout) != 0 ||
	    s.hooks.timeout == 0)
		return error_set(err, ERR_USAGE, "\"%s\" is not a number of seconds 1..%d", text,
				 MODEL_HOOK_TIMEOUT_MAX);
	return plan_set_settings(p, &s, err);
}

static const struct setting table[] = {
	{ "quota.target", "what you must sell in a quota period; the review's pace counts toward it",
	  "whole currency units, e.g. 30000", quota_target_fmt, quota_target_parse },
	{ "quota.period", "the span the quota target is for", "month or quarter",
	  quota_period_fmt, quota_period_parse },
	{ "quota.currency", "the currency of the quota and of sales", "up to 7 characters, e.g. EUR",
	  quota_currency_fmt, quota_currency_parse },
	{ "day.start", "when the planned day begins (the grid's first row)", "a time, e.g. 08:00",
	  day_start_fmt, day_start_parse },
	{ "day.end", "when the planned day ends", "a time, e.g. 18:00", day_end_fmt,
	  day_end_parse },
	{ "day.slot", "the length of one row of the grid, in minutes", "15, 30 or 60", slot_fmt,
	  slot_parse },
	{ "week.days", "the days you work; the others are shown only when they hold something",
	  "days or ranges, e.g. mon-fri or sun-thu", work_days_fmt, work_days_parse },
	{ "week.start", "the first day of the week on screen, in planning and in reviews",
	  "monday, sunday or saturday", week_start_fmt, week_start_parse },
	{ "focus.rule", "one industry per day, or one per half-day, for new weeks",
	  "day or half-day", focus_fmt, focus_parse },
	{ "focus.midday", "where the half-days meet under the half-day rule", "a time, e.g. 12:00",
	  midday_fmt, midday_parse },
	{ "time.format", "how times of day are shown", "24h or 12h", time_format_fmt, time_format_parse },
	{ "theme", "the colour theme ('focusweek themes' lists them)", "a theme name, e.g. light",
	  theme_fmt, theme_parse },
	{ "remind.before", "minutes before a block starts that 'focusweek remind' says so",
	  "0 to 1440, e.g. 2", remind_before_fmt, remind_before_parse },
	{ "remind.events", "what 'focusweek remind' reminds of: a block's start, its end, the "
	  "timer's planned end", "start,end,timer, any of them, or none", remind_events_fmt,
	  remind_events_parse },
	{ "remind.command", "what 'focusweek remind' runs (sh -c; the block in FOCUSWEEK_* "
	  "variables)", "a command, or auto: notify-send, tmux or the terminal",
	  remind_command_fmt, remind_command_parse },
	{ "hooks.timeout", "seconds a hook may run before it is stopped",
	  "1 to 600, e.g. 10", hooks_timeout_fmt, hooks_timeout_parse },
	{ "sync.blocks", "the folder (a vdir) focusweek writes its blocks into for a calendar",
	  "a folder, e.g. ~/.local/share/vdirs/focusweek, or off", sync_blocks_fmt,
	  sync_blocks_parse },
	{ "sync.busy", "folders (vdirs) of real calendars read as busy time",
	  "folders with ':' between them, or off", sync_busy_fmt, sync_busy_parse },
	{ "sync.window", "the weeks a sync looks at: back from this one, and ahead",
	  "weeks back,ahead, e.g. 2,8", sync_window_fmt, sync_window_parse },
	{ "sync.alarm", "a reminder on synced blocks, minutes before they start",
	  "off, or minutes, e.g. 10", sync_alarm_fmt, sync_alarm_parse },
};

size_t settings_count(void)
{
	return sizeof table / sizeof table[0];
}

const struct setting *settings_at(size_t i)
{
	return i < settings_count() ? &table[i] : NULL;
}

const struct setting *settings_find(const char *key)
{
	for (size_t i = 0; i < settings_count(); i++)
		if (strcmp(table[i].key, key) == 0)
			return &table[i];
	return NULL;
}

void settings_keys(struct buf *out)
{
	for (size_t i = 0; i < settings_count(); i++)
		buf_addf(out, "%s%s", i ? ", " : "", table[i].key);
}

void settings_format(const struct plan *p, const struct setting *s, struct buf *out)
{
	s->format(p, out);
}

int settings_set(struct plan *p, const char *key, const char *text, struct error *err)
{
	const struct setting *s = settings_find(key);
	struct buf keys = BUF_INIT;
	int rc;

	if (s == NULL) {
		settings_keys(&keys);
		error_set(err, ERR_USAGE, "no setting named \"%s\" (settings: %s)", key,
			  buf_str(&keys));
		buf_free(&keys);
		return -1;
	}
	rc = s->parse(p, text, err);
	if (rc != 0)
		error_prefix(err, "%s", s->key);
	return rc;
}
