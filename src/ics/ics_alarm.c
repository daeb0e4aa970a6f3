/* ics_alarm.c - a reminder before an event, as a VALARM. */
#include "ics_int.h"

#define MINUTES_PER_HOUR 60

void ics_valarm_add(icalcomponent *ev, int minutes, const char *text)
{
	icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
	struct icaltriggertype trigger = { .time = icaltime_null_time() };

	/* "-PT1H30M": hours and minutes, as calendars write them. */
	trigger.duration.is_neg = minutes > 0;
	trigger.duration.days = (unsigned)(minutes / DATE_MINUTES_PER_DAY);
	trigger.duration.hours = (unsigned)(minutes % DATE_MINUTES_PER_DAY / MINUTES_PER_HOUR);
	trigger.duration.minutes = (unsigned)(minutes % MINUTES_PER_HOUR);
	icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
	icalcomponent_add_property(alarm, icalproperty_new_description(text));
	icalcomponent_add_component(ev, alarm);
}
