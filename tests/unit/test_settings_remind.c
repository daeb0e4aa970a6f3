/* test_settings_remind.c - the reminders' and hooks' settings: set and
 * shown through the settings table, refused with the key and what it
 * takes, kept in plan.json, and their defaults for a plan.json written
 * before them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "settings.h"
#include "starter.h"
#include "testutil.h"

static void set_ok(struct plan *p, const char *key, const char *value, const char *shown)
{
	struct error err = { 0 };
	struct buf b = BUF_INIT;

	if (settings_set(p, key, value, &err) != 0)
		fail_msg("%s %s: %s", key, value, err.msg);
	settings_format(p, settings_find(key), &b);
	assert_string_equal(buf_str(&b), shown);
	buf_free(&b);
}

static void set_refused(struct plan *p, const char *key, const char *value, const char *msg)
{
	struct error err = { 0 };
	struct settings before = *plan_settings(p);

	assert_int_equal(settings_set(p, key, value, &err), -1);
	if (strstr(err.msg, msg) == NULL)
		fail_msg("\"%s\" not in \"%s\"", msg, err.msg);
	assert_memory_equal(&before, plan_settings(p), sizeof before);
}

static void test_defaults_and_values(void **state)
{
	struct plan *p = plan_new();
	const struct settings *s = plan_settings(p);

	(void)state;
	assert_int_equal(s->remind.before, 2);
	assert_int_equal(s->remind.events, REMIND_ON_ALL);
	assert_string_equal(s->remind.command, "");
	assert_int_equal(s->hooks.timeout, 10);
	set_ok(p, "remind.before", "15", "15");
	set_ok(p, "remind.before", "5 min", "5");
	set_ok(p, "remind.events", "timer, START", "start,timer");
	set_ok(p, "remind.events", "none", "none");
	set_ok(p, "remind.command", "notify-send \"$FOCUSWEEK_TITLE\"", "notify-send \"$FOCUSWEEK_TITLE\"");
	set_ok(p, "remind.command", "auto", "auto");
	assert_string_equal(s->remind.command, "");
	set_ok(p, "hooks.timeout", "30s", "30");
	set_refused(p, "remind.before", "-1", "remind.before: \"-1\" is not a number of minutes 0..1440");
	set_refused(p, "remind.before", "1441", "0..1440");
	set_refused(p, "remind.events", "start,lunch", "\"lunch\" is not start, end or timer");
	set_refused(p, "remind.events", ",", "no events given");
	set_refused(p, "remind.command", "say\thi", "remind.command: the reminder command");
	set_refused(p, "hooks.timeout", "0", "1..600");
	plan_free(p);
}

static void test_plan_json(void **state)
{
	struct plan *p = starter_plan(), *back = NULL;
	struct error err = { 0 };
	size_t len;
	bool newer;
	char *text;

	(void)state;
	set_ok(p, "remind.before", "7", "7");
	set_ok(p, "remind.events", "end", "end");
	set_ok(p, "remind.command", "printf '%s\\n' \"$FOCUSWEEK_TITLE\" >> ~/log", "printf '%s\\n' "
	       "\"$FOCUSWEEK_TITLE\" >> ~/log");
	set_ok(p, "hooks.timeout", "3", "3");
	text = codec_plan_write(p, &len);
	assert_non_null(strstr(text, "\"remind\":"));
	assert_int_equal(codec_plan_read(text, len, "plan.json", &back, &newer, &err), 0);
	assert_memory_equal(plan_settings(back), plan_settings(p), sizeof(struct settings));
	plan_free(back);
	free(text);
	plan_free(p);
}

/* A plan.json from before these settings reads with their defaults. */
static void test_older_plan(void **state)
{
	char *dir = getenv("FOCUSWEEK_TEST_DATA"), path[4096], *text;
	struct plan *p = NULL;
	struct error err = { 0 };
	size_t len;
	bool newer;

	(void)state;
	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/hostile/good", dir);
	text = tu_read(path, "plan.json", &len);
	assert_non_null(text);
	assert_null(strstr(text, "remind"));
	assert_int_equal(codec_plan_read(text, len, "plan.json", &p, &newer, &err), 0);
	assert_int_equal(plan_settings(p)->remind.before, 2);
	assert_int_equal(plan_settings(p)->remind.events, REMIND_ON_ALL);
	assert_int_equal(plan_settings(p)->hooks.timeout, 10);
	plan_free(p);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_and_values),
		cmocka_unit_test(test_plan_json),
		cmocka_unit_test(test_older_plan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
