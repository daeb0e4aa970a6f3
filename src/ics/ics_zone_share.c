/* ics_zone_share.c - one zone for every calendar object that carries the
 * same VTIMEZONE.
 *
 * A vdir holds one calendar object per file, each with its own copy of its
 * zones.  libical works out a zone's changes the first time a time is
 * converted in it, walking its rules from their start (1970 for most) year
 * by year: about 1 ms, far more than the rest of reading a file.  Files of
 * one calendar carry the same few VTIMEZONEs, word for word: each is worked
 * out once here and shared by every file, as libical shares its built-in
 * zones, for the life of the process.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ics_int.h"

#define SHARED_MAX 32 /* distinct VTIMEZONEs kept: a calendar has a handful */

struct shared_zone {
	uint64_t hash;
	struct buf key;      /* its observances, as zone_key writes them */
	icaltimezone *zone;  /* made from a copy of it */
};

/* The zones shared so far (process-wide, as libical's own built-in zones).
 * None is ever freed: a conversion under way may hold any of them.  Past
 * SHARED_MAX, a file's zones are its own again, worked out file by file. */
static struct shared_zone shared[SHARED_MAX];
static size_t n_shared;
static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t key_hash(const struct buf *b)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < b->len; i++) {
		h ^= (unsigned char)b->data[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Numbers as their bytes: the key is compared, never shown. */
static void key_ints(struct buf *b, const int *v, size_t n)
{
	buf_add(b, (const char *)v, n * sizeof *v);
}

static void key_time(struct buf *b, struct icaltimetype t)
{
	const int v[] = { t.year, t.month, t.day, t.hour, t.minute, t.second, t.is_date,
			  t.zone != NULL };

	key_ints(b, v, sizeof v / sizeof v[0]);
}

/* A BY list up to its end mark (or its size). */
static void key_list(struct buf *b, const short *v, size_t n)
{
	for (size_t i = 0; i < n && v[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
		buf_add(b, (const char *)&v[i], sizeof v[i]);
	buf_addc(b, '|');
}

/* A rule's fields as bytes (a rule as text costs an allocation and more). */
static void key_rule(struct buf *b, struct icalrecurrencetype r)
{
	const int head[] = { (int)r.freq, r.count, r.interval, (int)r.week_start, (int)r.skip };

	buf_adds(b, "rule");
	key_ints(b, head, sizeof head / sizeof head[0]);
	key_time(b, r.until);
	key_list(b, r.by_second, ICAL_BY_SECOND_SIZE);
	key_list(b, r.by_minute, ICAL_BY_MINUTE_SIZE);
	key_list(b, r.by_hour, ICAL_BY_HOUR_SIZE);
	key_list(b, r.by_day, ICAL_BY_DAY_SIZE);
	key_list(b, r.by_month_day, ICAL_BY_MONTHDAY_SIZE);
	key_list(b, r.by_year_day, ICAL_BY_YEARDAY_SIZE);
	key_list(b, r.by_week_no, ICAL_BY_WEEKNO_SIZE);
	key_list(b, r.by_month, ICAL_BY_MONTH_SIZE);
	key_list(b, r.by_set_pos, ICAL_BY_SETPOS_SIZE);
	buf_adds(b, r.rscale != NULL ? r.rscale : "");
	buf_addc(b, ';');
}

/* One observance: what a conversion reads of it. */
static void key_observance(struct buf *b, icalcomponent *obs)
{
	icalproperty *p;

	int head[] = { (int)icalcomponent_isa(obs), 0, 0 };

	if ((p = icalcomponent_get_first_property(obs, ICAL_TZOFFSETFROM_PROPERTY)) != NULL)
		head[1] = icalproperty_get_tzoffsetfrom(p);
	if ((p = icalcomponent_get_first_property(obs, ICAL_TZOFFSETTO_PROPERTY)) != NULL)
		head[2] = icalproperty_get_tzoffsetto(p);
	buf_addc(b, '[');
	key_ints(b, head, sizeof head / sizeof head[0]);
	if ((p = icalcomponent_get_first_property(obs, ICAL_DTSTART_PROPERTY)) != NULL)
		key_time(b, icalproperty_get_dtstart(p));
	for (p = icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(obs, ICAL_RRULE_PROPERTY))
		key_rule(b, icalproperty_get_rrule(p));
	for (p = icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(obs, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype d = icalproperty_get_rdate(p);

		buf_adds(b, "rdate");
		key_time(b, d.time);
		key_time(b, d.period.start);
		key_time(b, d.period.end);
	}
	buf_addc(b, ']');
}

/* The zone's observances in order, as bytes to compare. */
static void zone_key(icalcomponent *vtz, struct buf *b)
{
	icalcomponent *obs[64];
	size_t n = 0;

	/* libical walks a component's children with one cursor: list them first. */
	for (icalcomponent *k = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     k != NULL && n < sizeof obs / sizeof obs[0];
	     k = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		obs[n++] = k;
	for (size_t i = 0; i < n; i++)
		key_observance(b, obs[i]);
}

static icaltimezone *shared_add(uint64_t hash, struct buf *key, icalcomponent *vtz)
{
	icalcomponent *copy;
	icaltimezone *z;

	if (n_shared == SHARED_MAX || (z = icaltimezone_new()) == NULL)
		return NULL;
	copy = icalcomponent_new_clone(vtz);
	if (!icaltimezone_set_component(z, copy)) {
		icalcomponent_free(copy);
		icaltimezone_free(z, 1);
		return NULL;
	}
	shared[n_shared++] = (struct shared_zone){ .hash = hash, .key = *key, .zone = z };
	*key = (struct buf)BUF_INIT; /* taken */
	return z;
}

static icaltimezone *shared_find(uint64_t hash, const struct buf *key)
{
	for (size_t i = 0; i < n_shared; i++)
		if (shared[i].hash == hash && shared[i].key.len == key->len &&
		    memcmp(shared[i].key.data, key->data, key->len) == 0)
			return shared[i].zone;
	return NULL;
}

icaltimezone *ics_zone_shared(icaltimezone *own)
{
	icalcomponent *vtz = own != NULL ? icaltimezone_get_component(own) : NULL;
	struct buf key = BUF_INIT;
	icaltimezone *z;
	uint64_t hash;

	if (vtz == NULL)
		return own;
	zone_key(vtz, &key);
	hash = key_hash(&key);
	pthread_mutex_lock(&shared_lock);
	z = shared_find(hash, &key);
	if (z == NULL)
		z = shared_add(hash, &key, vtz);
	pthread_mutex_unlock(&shared_lock);
	buf_free(&key);
	return z != NULL ? z : own;
}
