/* plan_settings.c - a plan's settings, checked as a whole: the day and its
 * grid, the week, the theme, the sync folders and window, the reminders
 * and the hooks. */
#include <string.h>

#include "plan_int.h"
#include "text.h"

const struct settings *plan_settings(const struct plan *p)
{
	return &p->settings;
}

/* A folder of the sync settings: absolute, or under "~/"; printable text. */
static int plan_check_folder(const char *what, const char *path, size_t len,
			     struct error *err)
{
	if (path[0] != '/' && !(len >= 2 && path[0] == '~' && path[1] == '/'))
		return error_set(err, ERR_REFUSED, "\"%.*s\" is not an absolute path (e.g. "
				 "~/.local/share/vdirs/focusweek)", (int)len, path);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f)
			return error_set(err, ERR_REFUSED, "%s holds a control character", what);
	return 0;
}

static int plan_check_busy(const char *list, struct error *err)
{
	const char *p = list;
	int n = 0;

	while (*p) {
		size_t len = strcspn(p, ":");

		if (len == 0)
			return error_set(err, ERR_REFUSED, "sync.busy has an empty folder between "
					 "two ':'");
		if (len >= MODEL_PATH_MAX || ++n > MODEL_BUSY_MAX)
			return error_set(err, ERR_REFUSED, "sync.busy takes up to %d folders of "
					 "up to %d bytes", MODEL_BUSY_MAX, MODEL_PATH_MAX - 1);
		if (plan_check_folder("sync.busy", p, len, err) != 0)
			return -1;
		p += len + (p[len] == ':');
	}
	return 0;
}

static int plan_check_sync(const struct settings *s, struct error *err)
{
	if (memchr(s->sync_blocks, '\0', sizeof s->sync_blocks) == NULL ||
	    memchr(s->sync_busy, '\0', sizeof s->sync_busy) == NULL)
		return error_set(err, ERR_REFUSED, "a sync folder is too long");
	if (strchr(s->sync_blocks, ':') != NULL)
		return error_set(err, ERR_REFUSED, "sync.blocks is one folder (no ':')");
	if (s->sync_blocks[0] != '\0' &&
	    plan_check_folder("sync.blocks", s->sync_blocks, strlen(s->sync_blocks), err) != 0)
		return -1;
	if (plan_check_busy(s->sync_busy, err) != 0)
		return -1;
	if (s->sync_back < 0 || s->sync_back > MODEL_SYNC_WEEKS_MAX || s->sync_ahead < 0 ||
	    s->sync_ahead > MODEL_SYNC_WEEKS_MAX)
		return error_set(err, ERR_REFUSED, "the sync window is 0..%d weeks back and "
				 "ahead", MODEL_SYNC_WEEKS_MAX);
	if (s->sync_alarm != MODEL_ALARM_OFF && (s->sync_alarm < 0 || s->sync_alarm > MODEL_ALARM_MAX))
		return error_set(err, ERR_REFUSED, "a reminder comes 0..%d minutes before its "
				 "block, or is off", MODEL_ALARM_MAX);
	return 0;
}

/* The reminders' and the hooks' settings. */
static int plan_check_notify(const struct settings *s, struct error *err)
{
	const struct remind_settings *r = &s->remind;
	const char *problem;

	if (r->before < 0 || r->before > MODEL_REMIND_BEFORE_MAX)
		return error_set(err, ERR_REFUSED, "a reminder comes 0 to %d minutes before its "
				 "block", MODEL_REMIND_BEFORE_MAX);
	if ((r->events & ~(unsigned)REMIND_ON_ALL) != 0)
		return error_set(err, ERR_REFUSED, "unknown reminder events");
	if (memchr(r->command, '\0', sizeof r->command) == NULL)
		return error_set(err, ERR_REFUSED, "the reminder command is longer than %d bytes",
				 MODEL_COMMAND_MAX - 1);
	if ((problem = text_check(r->command, MODEL_COMMAND_MAX - 1)) != NULL)
		return error_set(err, ERR_REFUSED, "the reminder command %s", problem);
	if (s->hooks.timeout < 1 || s->hooks.timeout > MODEL_HOOK_TIMEOUT_MAX)
		return error_set(err, ERR_REFUSED, "a hook may run 1 to %d seconds",
				 MODEL_HOOK_TIMEOUT_MAX);
	return 0;
}

int plan_set_settings(struct plan *p, const struct settings *s, struct error *err)
{
	if (s->slot != 15 && s->slot != 30 && s->slot != 60)
		return error_set(err, ERR_REFUSED, "slot is %d minutes; use 15, 30 or 60", s->slot);
	if (s->day_start < 0 || s->day_end > DATE_MINUTES_PER_DAY || s->day_start >= s->day_end)
		return error_set(err, ERR_REFUSED, "the day must start before it ends");
	if (s->day_start % s->slot != 0 || s->day_end % s->slot != 0)
		return error_set(err, ERR_REFUSED,
				 "the day's start and end must lie on the %d-minute grid", s->slot);
	if (s->midday <= s->day_start || s->midday >= s->day_end || s->midday % 15 != 0)
		return error_set(err, ERR_REFUSED,
				 "midday must lie inside the day, on a quarter hour");
	if ((s->work_days & DATE_WEEK_MASK) == 0 || (s->work_days & ~DATE_WEEK_MASK) != 0)
		return error_set(err, ERR_REFUSED, "at least one work day is needed");
	if (s->week_start != 0 && s->week_start != DATE_SATURDAY && s->week_start != DATE_SUNDAY)
		return error_set(err, ERR_REFUSED, "a week starts on Monday, Saturday or Sunday");
	if (s->clock != TIME_24H && s->clock != TIME_12H)
		return error_set(err, ERR_REFUSED, "times are shown as 24h or 12h");
	if (s->focus != FOCUS_DAY && s->focus != FOCUS_HALF_DAY)
		return error_set(err, ERR_REFUSED, "unknown focus rule");
	if (memchr(s->theme, '\0', sizeof s->theme) == NULL ||
	    plan_check_name("theme", s->theme, err) != 0)
		return error_set(err, ERR_REFUSED, "bad theme name");
	if (plan_check_sync(s, err) != 0 || plan_check_notify(s, err) != 0)
		return -1;
	p->settings = *s;
	return 0;
}
