/* ics_export.c - planned blocks out as a calendar, through libical. */
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"
#include "xalloc.h"

static const char *const kind_labels[KIND_COUNT] = {
	[KIND_PROSPECTING] = "Prospecting", [KIND_ACCOUNT] = "Account",
	[KIND_ADMIN] = "Admin",             [KIND_OTHER] = "Other",
	[KIND_MEETING] = "Meeting",
};

struct exporter {
	const struct plan *p;
	icalcomponent *cal;
	const char *zone;        /* the TZID written, or NULL for UTC */
	struct icaltimetype stamp;
	int alarm;               /* minutes before a planned block, or -1: none */
	size_t n;
	bool fields;             /* the X-FOCUSWEEK-* fields (a vdir's files) */
};

#define SECONDS_PER_MINUTE 60

void ics_valarm_add(icalcomponent *ev, int minutes, const char *text)
{
	icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
	struct icaltriggertype trigger = { 0 };

	trigger.time = icaltime_null_time();
	trigger.duration = icaldurationtype_from_int(-minutes * SECONDS_PER_MINUTE);
	icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
	icalcomponent_add_property(alarm, icalproperty_new_description(text));
	icalcomponent_add_component(ev, alarm);
}

/* The industry, or for an account block the account, a block is for. */
static const char *block_who(const struct plan *p, const struct block *b)
{
	const struct account *acc = b->account ? plan_account_by_id(p, b->account) : NULL;
	const struct industry *ind = b->industry ? plan_industry_by_id(p, b->industry) : NULL;

	if (b->kind == KIND_ACCOUNT && acc != NULL)
		return acc->name;
	return ind != NULL ? ind->name : NULL;
}

/* "Prospecting · Healthcare — Call list A" */
static void block_summary(const struct plan *p, const struct block *b, struct buf *o)
{
	const char *who = block_who(p, b);

	buf_adds(o, kind_labels[b->kind]);
	if (who != NULL)
		buf_addf(o, " · %s", who);
	if (b->title[0] != '\0')
		buf_addf(o, " — %s", b->title);
}

void ics_block_summary(const struct plan *p, const struct block *b, struct buf *out)
{
	block_summary(p, b, out);
}

static void block_description(const struct plan *p, const struct block *b, int64_t sold,
			      struct buf *o)
{
	const struct outcome *r = &b->out;

	buf_addf(o, "Will this help me make my sales quota? %s\n", b->for_quota ? "Yes" : "No");
	buf_addf(o, "Status: %s%s\n", model_status_name(b->status),
		 b->cut_short ? " (cut short)" : "");
	if (r->calls || r->conversations || r->meetings || sold) {
		buf_addf(o, "Outcome: %lld call%s, %lld conversation%s, %lld meeting%s booked",
			 (long long)r->calls, r->calls == 1 ? "" : "s", (long long)r->conversations,
			 r->conversations == 1 ? "" : "s", (long long)r->meetings,
			 r->meetings == 1 ? "" : "s");
		if (sold)
			buf_addf(o, ", %lld %s sold", (long long)sold, plan_quota(p)->currency);
		buf_addc(o, '\n');
	}
	if (b->note[0] != '\0')
		buf_addf(o, "\n%s", b->note);
	while (o->len > 0 && o->data[o->len - 1] == '\n')
		o->data[--o->len] = '\0';
}

/* A category may not hold a comma: libical writes CATEGORIES unescaped. */
static void add_category(icalcomponent *ev, const char *name)
{
	char *c = xstrdup(name);

	for (char *p = c; *p; p++)
		if (*p == ',')
			*p = ' ';
	icalcomponent_add_property(ev, icalproperty_new_categories(c));
	free(c);
}

/* DTSTART or DTEND at a local date and minute (1440: the next midnight). */
static icalproperty *block_time(const struct exporter *x, icalproperty_kind kind, date_t day,
				int minute)
{
	struct icaltimetype t = icaltime_null_time();
	icalproperty *prop;
	int y, m, d;

	if (minute == DATE_MINUTES_PER_DAY) {
		day++;
		minute = 0;
	}
	if (x->zone == NULL) {
		instant_t at;

		clock_from_local(day, minute, &at);
		t = icaltime_from_timet_with_zone((time_t)at, 0, icaltimezone_get_utc_timezone());
	} else {
		date_to_ymd(day, &y, &m, &d);
		t.year = y;
		t.month = m;
		t.day = d;
		t.hour = minute / 60;
		t.minute = minute % 60;
	}
	prop = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart(t)
					     : icalproperty_new_dtend(t);
	if (x->zone != NULL)
		icalproperty_add_parameter(prop, icalparameter_new_tzid(x->zone));
	return prop;
}

static void add_x(icalcomponent *ev, const char *name, const char *value)
{
	icalproperty *x = icalproperty_new_x(value);

	icalproperty_set_x_name(x, name);
	icalcomponent_add_property(ev, x);
}

/* What a calendar cannot show, for a reader that knows focusweek. */
static void export_fields(const struct exporter *x, icalcomponent *ev, const struct block *b,
			  int64_t sold)
{
	const struct industry *ind = b->industry ? plan_industry_by_id(x->p, b->industry) : NULL;
	const struct account *acc = b->account ? plan_account_by_id(x->p, b->account) : NULL;
	char n[96];

	add_x(ev, "X-FOCUSWEEK-ID", b->id);
	add_x(ev, "X-FOCUSWEEK-KIND", model_kind_name(b->kind));
	if (ind != NULL)
		add_x(ev, "X-FOCUSWEEK-INDUSTRY", ind->name);
	if (acc != NULL)
		add_x(ev, "X-FOCUSWEEK-ACCOUNT", acc->name);
	add_x(ev, "X-FOCUSWEEK-QUOTA", b->for_quota ? "yes" : "no");
	add_x(ev, "X-FOCUSWEEK-STATUS", b->cut_short ? "cut-short" : model_status_name(b->status));
	snprintf(n, sizeof n, "calls=%lld;conversations=%lld;meetings=%lld;sold=%lld",
		 (long long)b->out.calls, (long long)b->out.conversations,
		 (long long)b->out.meetings, (long long)sold);
	add_x(ev, "X-FOCUSWEEK-OUTCOME", n);
	if (b->carried_from[0] != '\0')
		add_x(ev, "X-FOCUSWEEK-CARRIED-FROM", b->carried_from);
}

static void export_block(struct exporter *x, const struct block *b, int64_t sold)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	struct buf s = BUF_INIT;
	const struct industry *ind = b->industry ? plan_industry_by_id(x->p, b->industry) : NULL;
	char uid[ICS_UID_MAX];

	ics_block_uid(x->p, b->id, uid, sizeof uid);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(x->stamp));
	icalcomponent_add_property(ev, block_time(x, ICAL_DTSTART_PROPERTY, b->date, b->start));
	icalcomponent_add_property(ev, block_time(x, ICAL_DTEND_PROPERTY, b->date, b->end));
	buf_reset(&s);
	block_summary(x->p, b, &s);
	icalcomponent_add_property(ev, icalproperty_new_summary(buf_str(&s)));
	add_category(ev, kind_labels[b->kind]);
	if (ind != NULL)
		add_category(ev, ind->name);
	buf_reset(&s);
	block_description(x->p, b, sold, &s);
	icalcomponent_add_property(ev, icalproperty_new_description(buf_str(&s)));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	if (x->fields)
		export_fields(x, ev, b, sold);
	if (x->alarm >= 0 && b->status == STATUS_PLANNED) {
		buf_reset(&s);
		block_summary(x->p, b, &s);
		ics_valarm_add(ev, x->alarm, buf_str(&s));
	}
	icalcomponent_add_component(x->cal, ev);
	buf_free(&s);
	x->n++;
}

/* An observance's RRULE as text with its UNTIL left out (free()), or NULL. */
static char *rule_sans_until(icalcomponent *obs, bool *has_until)
{
	icalproperty *p = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY);
	struct icalrecurrencetype r;

	if (p == NULL)
		return NULL;
	r = icalproperty_get_rrule(p);
	*has_until = !icaltime_is_null_time(r.until);
	r.until = icaltime_null_time();
	return icalrecurrencetype_as_string_r(&r);
}

static int obs_offset(icalcomponent *obs, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(obs, kind);

	return p == NULL ? 0 : kind == ICAL_TZOFFSETTO_PROPERTY ? icalproperty_get_tzoffsetto(p)
								: icalproperty_get_tzoffsetfrom(p);
}

/* Does b go on with a's rule after a's UNTIL (the zone files split a rule
 * in 2037)?  Then a needs no UNTIL and b can go. */
static bool obs_continues(icalcomponent *a, icalcomponent *b)
{
	bool a_until = false, b_until = true;
	char *ra = rule_sans_until(a, &a_until), *rb = rule_sans_until(b, &b_until);
	bool same = ra != NULL && rb != NULL && a_until && !b_until && strcmp(ra, rb) == 0 &&
		    icalcomponent_isa(a) == icalcomponent_isa(b) &&
		    obs_offset(a, ICAL_TZOFFSETTO_PROPERTY) == obs_offset(b, ICAL_TZOFFSETTO_PROPERTY) &&
		    obs_offset(a, ICAL_TZOFFSETFROM_PROPERTY) ==
			    obs_offset(b, ICAL_TZOFFSETFROM_PROPERTY);

	free(ra);
	free(rb);
	return same;
}

/* Joins rules split in two into one without UNTIL, as Google and Outlook
 * write them: some readers cannot take an UNTIL in a VTIMEZONE. */
static void vtimezone_join(icalcomponent *vtz)
{
	icalcomponent *obs[64], *k;
	size_t n = 0;

	/* libical iterates a component's children with one cursor: list them first. */
	for (k = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); k != NULL && n < 64;
	     k = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		obs[n++] = k;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n && obs[i] != NULL; j++) {
			icalproperty *p;
			struct icalrecurrencetype r;

			if (i == j || obs[j] == NULL || !obs_continues(obs[i], obs[j]))
				continue;
			p = icalcomponent_get_first_property(obs[i], ICAL_RRULE_PROPERTY);
			r = icalproperty_get_rrule(p);
			r.until = icaltime_null_time();
			icalproperty_set_rrule(p, r);
			icalcomponent_remove_component(vtz, obs[j]);
			icalcomponent_free(obs[j]);
			obs[j] = NULL;
		}
	}
}

/* The zone's VTIMEZONE under its plain IANA name, cut to the years from
 * `from` on (the zone's whole history is of no use to a reader). */
static icalcomponent *export_vtimezone(icaltimezone *z, const char *zone, date_t from)
{
	icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(z));
	icalproperty *tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	struct icaltimetype start = icaltime_from_timet_with_zone(
		(time_t)(from - 1) * 86400, 0, icaltimezone_get_utc_timezone());
	icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 1);
	vtimezone_join(vtz);
	if (tzid != NULL)
		icalproperty_set_tzid(tzid, zone);
	return vtz;
}

static icalcomponent *export_calendar(const char *zone)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//focusweek//focusweek//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	if (zone != NULL) {
		icalproperty *x = icalproperty_new_x(zone);

		icalproperty_set_x_name(x, "X-WR-TIMEZONE");
		icalcomponent_add_property(cal, x);
	}
	return cal;
}

/* The exporter's calendar in `zone` (NULL or "UTC": UTC times), with the
 * VTIMEZONE from `from` on. */
static int export_begin(struct exporter *x, const char *zone, date_t from, instant_t now,
			struct error *err)
{
	icaltimezone *z = NULL;

	if (ics_lib_open(err) != 0)
		return -1;
	if (zone != NULL && strcmp(zone, "UTC") != 0) {
		z = ics_zone_name_ok(zone) ? icaltimezone_get_builtin_timezone(zone) : NULL;
		if (z == NULL)
			return error_set(err, ERR_USAGE, "no time zone named \"%s\"", zone);
		x->zone = zone;
	}
	x->stamp = icaltime_from_timet_with_zone((time_t)now, 0, icaltimezone_get_utc_timezone());
	x->cal = export_calendar(x->zone);
	if (z != NULL)
		icalcomponent_add_component(x->cal, export_vtimezone(z, zone, from));
	return 0;
}

static void export_end(struct exporter *x, struct buf *out)
{
	char *text = icalcomponent_as_ical_string_r(x->cal);

	buf_adds(out, text);
	free(text);
	icalcomponent_free(x->cal);
}

int ics_block_render(const struct plan *p, const struct block *b, int64_t sold, const char *zone,
		     int alarm, instant_t now, struct buf *out, struct error *err)
{
	struct exporter x = { .p = p, .fields = true, .alarm = alarm };

	if (export_begin(&x, zone, b->date, now, err) != 0)
		return -1;
	export_block(&x, b, sold);
	export_end(&x, out);
	return 0;
}

int ics_export(const struct plan *p, struct week *const *weeks, size_t n_weeks, date_t from,
	       date_t to, const char *zone, instant_t now, int alarm, struct buf *out,
	       size_t *n_events, struct error *err)
{
	struct exporter x = { .p = p, .alarm = alarm };

	if (export_begin(&x, zone, from, now, err) != 0)
		return -1;
	for (size_t i = 0; i < n_weeks; i++) {
		for (size_t k = 0; k < week_block_count(weeks[i]); k++) {
			const struct block *b = week_block_at(weeks[i], k);

			if (b->date >= from && b->date <= to && b->kind != KIND_MEETING)
				export_block(&x, b, week_block_sold(weeks[i], b->id));
		}
	}
	export_end(&x, out);
	*n_events = x.n;
	return 0;
}
