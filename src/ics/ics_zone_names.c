/* ics_zone_names.c - time zones by the names calendars give them: IANA
 * names, a vendor's prefix before one, Windows zone ids and display names,
 * and bare UTC offsets. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"

#define DISPLAY_PARTS_MAX 12 /* places of a display name looked up */
#define DISPLAY_MAX 200      /* bytes of a display name */
#define PROBE_YEAR 2026      /* the year whose offsets a display name is checked by */
#define SECONDS_PER_HOUR 3600
#define SECONDS_PER_MINUTE 60
#define OFFSET_HOURS_MAX 18

/* Windows zone ids and the IANA zone each stands for, made at build time
 * from the Unicode CLDR's windowsZones.xml (territory "001"), sorted. */
static const struct zone_map {
	const char *name, *iana;
} windows_ids[] = {
#include "ics_windows_zones.inc"
};

/* Ids Windows once had and CLDR no longer lists, which old invitations
 * still carry. */
static const struct zone_map retired_ids[] = {
	{ "Kamchatka Standard Time", "Asia/Kamchatka" },
	{ "Mid-Atlantic Standard Time", "Etc/GMT+2" },
};

/*
 * Windows display names that name a region rather than places ("(UTC-05:00)
 * Eastern Time (US & Canada)"), in lower case with "&" as "and"; the
 * others list places that are IANA zones ("Amsterdam, Berlin, Bern, ...").
 */
static const struct zone_map regions[] = {
	{ "alaska", "America/Anchorage" },
	{ "aleutian islands", "America/Adak" },
	{ "arizona", "America/Phoenix" },
	{ "astana", "Asia/Almaty" },
	{ "atlantic time (canada)", "America/Halifax" },
	{ "baja california", "America/Tijuana" },
	{ "bougainville island", "Pacific/Bougainville" },
	{ "brasilia", "America/Sao_Paulo" },
	{ "buenos aires", "America/Argentina/Buenos_Aires" },
	{ "cabo verde is.", "Atlantic/Cape_Verde" },
	{ "cape verde is.", "Atlantic/Cape_Verde" },
	{ "central america", "America/Guatemala" },
	{ "central time (us and canada)", "America/Chicago" },
	{ "chatham islands", "Pacific/Chatham" },
	{ "chetumal", "America/Cancun" },
	{ "chokurdakh", "Asia/Srednekolymsk" },
	{ "city of buenos aires", "America/Argentina/Buenos_Aires" },
	{ "coordinated universal time", "Etc/UTC" },
	{ "coordinated universal time+12", "Etc/GMT-12" },
	{ "coordinated universal time+13", "Etc/GMT-13" },
	{ "coordinated universal time-02", "Etc/GMT+2" },
	{ "coordinated universal time-08", "Etc/GMT+8" },
	{ "coordinated universal time-09", "Etc/GMT+9" },
	{ "coordinated universal time-11", "Etc/GMT+11" },
	{ "easter island", "Pacific/Easter" },
	{ "eastern time (us and canada)", "America/New_York" },
	{ "ekaterinburg", "Asia/Yekaterinburg" },
	{ "greenland", "America/Nuuk" },
	{ "greenwich mean time", "Europe/London" },
	{ "haiti", "America/Port-au-Prince" },
	{ "hawaii", "Pacific/Honolulu" },
	{ "indiana (east)", "America/Indiana/Indianapolis" },
	{ "international date line west", "Etc/GMT+12" },
	{ "kiritimati island", "Pacific/Kiritimati" },
	{ "lord howe island", "Australia/Lord_Howe" },
	{ "marquesas islands", "Pacific/Marquesas" },
	{ "mid-atlantic", "Etc/GMT+2" },
	{ "mid-atlantic - old", "Etc/GMT+2" },
	{ "mountain time (us and canada)", "America/Denver" },
	{ "newfoundland", "America/St_Johns" },
	{ "norfolk island", "Pacific/Norfolk" },
	{ "nuku'alofa", "Pacific/Tongatapu" },
	{ "pacific time (us and canada)", "America/Los_Angeles" },
	{ "petropavlovsk-kamchatsky - old", "Asia/Kamchatka" },
	{ "saint pierre and miquelon", "America/Miquelon" },
	{ "salvador", "America/Bahia" },
	{ "samoa", "Pacific/Apia" },
	{ "saskatchewan", "America/Regina" },
	{ "solomon is.", "Pacific/Guadalcanal" },
	{ "sri jayawardenepura", "Asia/Colombo" },
	{ "turks and caicos", "America/Grand_Turk" },
	{ "ulaan bataar", "Asia/Ulaanbaatar" },
	{ "west central africa", "Africa/Lagos" },
	{ "yukon", "America/Whitehorse" },
};

/* Where IANA keeps its places. */
static const char *const areas[] = {
	"Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian",
	"America/Argentina", "America/Indiana", "America/Kentucky", "Antarctica",
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static int map_order(const void *key, const void *entry)
{
	return strcmp(key, ((const struct zone_map *)entry)->name);
}

static const char *map_find(const struct zone_map *map, size_t n, const char *name)
{
	const struct zone_map *m = bsearch(name, map, n, sizeof *map, map_order);

	return m != NULL ? m->iana : NULL;
}

const char *ics_zone_windows(const char *name)
{
	const char *iana = map_find(windows_ids, COUNT(windows_ids), name);

	return iana != NULL ? iana : map_find(retired_ids, COUNT(retired_ids), name);
}

const char *ics_zone_windows_at(size_t i, const char **iana)
{
	if (i >= COUNT(windows_ids))
		return NULL;
	*iana = windows_ids[i].iana;
	return windows_ids[i].name;
}

bool ics_zone_name_ok(const char *name)
{
	size_t part = 0, n = strlen(name);

	if (n == 0 || n > ICS_ZONE_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];

		if (c == '/') {
			if (part == 0)
				return false;
			part = 0;
			continue;
		}
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '+' || (c == '-' && part > 0)))
			return false;
		part++;
	}
	return part > 0;
}

/* libical opens the file of that name in the zone folder: never ask it
 * about a name that is not one. */
icaltimezone *ics_zone_builtin(const char *name)
{
	if (!ics_zone_name_ok(name) || ics_lib_open(NULL) != 0)
		return NULL;
	return icaltimezone_get_builtin_timezone(name);
}

/* ---- display names ---- */

/* "(UTC+01:00) " or "(GMT-05:00) " or "(GMT) ": its length, and the offset. */
static size_t display_prefix(const char *s, int *seconds)
{
	int h = 0, m = 0, n = 0;
	char sign = '+';

	*seconds = 0;
	if (s[0] != '(' || (strncmp(s + 1, "UTC", 3) != 0 && strncmp(s + 1, "GMT", 3) != 0))
		return 0;
	if (s[4] == ')')
		n = 5;
	else if (sscanf(s + 4, " %c%2d:%2d)%n", &sign, &h, &m, &n) == 3 && n > 0 &&
		 (sign == '+' || sign == '-'))
		n += 4;
	else
		return 0;
	*seconds = (sign == '-' ? -1 : 1) * (h * SECONDS_PER_HOUR + m * SECONDS_PER_MINUTE);
	while (s[n] == ' ')
		n++;
	return (size_t)n;
}

/* A name in the form of the regions' table: lower case, "&" as "and",
 * single spaces, no spaces at the ends. */
static void display_key(const char *s, size_t n, char *out, size_t size)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 4 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '&') {
			k += (size_t)snprintf(out + k, size - k, "and");
		} else if (isspace(c)) {
			if (k > 0 && out[k - 1] != ' ')
				out[k++] = ' ';
		} else {
			out[k++] = (char)tolower(c);
		}
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

/* The offset from UTC of zone z in the middle of winter and of summer. */
static bool zone_has_offset(icaltimezone *z, int seconds)
{
	struct icaltimetype t = icaltime_null_time();
	int is_daylight, month[2] = { 1, 7 };

	t.year = PROBE_YEAR;
	t.day = 15;
	t.hour = 12;
	for (int i = 0; i < 2; i++) {
		t.month = month[i];
		if (icaltimezone_get_utc_offset(z, &t, &is_daylight) == seconds)
			return true;
	}
	return false;
}

/* A place as an IANA zone: "Buenos Aires" is America/Argentina/Buenos_Aires. */
static icaltimezone *place_zone(const char *place, size_t n, char iana[ICS_ZONE_NAME_MAX + 1])
{
	char name[ICS_ZONE_NAME_MAX + 1];
	size_t len = 0;

	while (n > 0 && place[n - 1] == ' ')
		n--;
	if (memchr(place, '(', n) != NULL) /* "Yangon (Rangoon)" */
		n = (size_t)((const char *)memchr(place, '(', n) - place);
	while (n > 0 && place[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < COUNT(areas); i++) {
		icaltimezone *z;

		len = (size_t)snprintf(name, sizeof name, "%s/%.*s", areas[i], (int)n, place);
		if (len >= sizeof name)
			return NULL;
		for (size_t k = strlen(areas[i]) + 1; k < len; k++)
			name[k] = name[k] == ' ' ? '_' : name[k];
		if ((z = ics_zone_builtin(name)) != NULL) {
			memcpy(iana, name, len + 1);
			return z;
		}
	}
	return NULL;
}

/* The places of "Amsterdam, Berlin, Bern" (or "Greenwich Mean Time : Dublin,
 * Edinburgh", "Pacific Time (US & Canada); Tijuana"): a region, or the first
 * place whose offset is that of the prefix, else the first place. */
static bool display_places(const char *s, bool have_offset, int offset,
			   char iana[ICS_ZONE_NAME_MAX + 1])
{
	char first[ICS_ZONE_NAME_MAX + 1] = "", found[ICS_ZONE_NAME_MAX + 1];
	int parts = 0;

	while (*s != '\0' && parts++ < DISPLAY_PARTS_MAX) {
		size_t n = strcspn(s, ",:;");
		char key[DISPLAY_MAX + 1];
		const char *region;
		icaltimezone *z;

		while (*s == ' ' && n > 0)
			s++, n--;
		display_key(s, n, key, sizeof key);
		if ((region = map_find(regions, COUNT(regions), key)) != NULL) {
			snprintf(iana, ICS_ZONE_NAME_MAX + 1, "%.*s", ICS_ZONE_NAME_MAX, region);
			return true;
		}
		z = n > 0 ? place_zone(s, n, found) : NULL;
		if (z != NULL && (!have_offset || zone_has_offset(z, offset))) {
			memcpy(iana, found, sizeof found);
			return true;
		}
		if (z != NULL && first[0] == '\0')
			memcpy(first, found, sizeof found);
		s += n;
		s += *s != '\0';
	}
	memcpy(iana, first, sizeof first);
	return first[0] != '\0';
}

bool ics_zone_display(const char *name, char iana[ICS_ZONE_NAME_MAX + 1])
{
	int offset;
	size_t skip = display_prefix(name, &offset);
	char key[DISPLAY_MAX * 2];
	const char *region;

	if (strlen(name) > DISPLAY_MAX)
		return false;
	display_key(name + skip, strlen(name + skip), key, sizeof key);
	if (key[0] == '\0')
		return false;
	if ((region = map_find(regions, COUNT(regions), key)) != NULL) {
		snprintf(iana, ICS_ZONE_NAME_MAX + 1, "%.*s", ICS_ZONE_NAME_MAX, region);
		return true;
	}
	return display_places(name + skip, skip > 0, offset, iana);
}

/* ---- offsets ---- */

bool ics_zone_offset(const char *tzid, int *seconds)
{
	const char *s = tzid;
	int h = 0, m = 0, n = 0;
	char sign;
	bool paren;

	while (*s == ' ')
		s++;
	paren = *s == '(';
	s += paren;
	if (strncmp(s, "GMT", 3) != 0 && strncmp(s, "UTC", 3) != 0)
		return false;
	s += 3;
	while (*s == ' ')
		s++;
	sign = *s++;
	if ((sign != '+' && sign != '-') || !isdigit((unsigned char)*s))
		return false;
	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 &&
	    (sscanf(s, "%2d%2d%n", &h, &m, &n) != 2 || n != 4) &&
	    (m = 0, sscanf(s, "%2d%n", &h, &n) != 1))
		return false;
	s += n;
	if (paren && *s++ != ')')
		return false;
	while (*s == ' ')
		s++;
	if (*s != '\0' || h > OFFSET_HOURS_MAX || m >= SECONDS_PER_MINUTE)
		return false;
	*seconds = (sign == '-' ? -1 : 1) * (h * SECONDS_PER_HOUR + m * SECONDS_PER_MINUTE);
	return true;
}

/* ---- all names ---- */

icaltimezone *ics_zone_named(const char *tzid, char iana[ICS_ZONE_NAME_MAX + 1])
{
	char trimmed[DISPLAY_MAX + 1];
	const char *name, *p;
	icaltimezone *z;
	size_t n;

	while (*tzid == ' ')
		tzid++;
	n = strlen(tzid);
	while (n > 0 && tzid[n - 1] == ' ')
		n--;
	if (n == 0 || n >= sizeof trimmed)
		return NULL;
	snprintf(trimmed, sizeof trimmed, "%.*s", (int)n, tzid);
	if ((z = ics_zone_builtin(trimmed)) != NULL) {
		snprintf(iana, ICS_ZONE_NAME_MAX + 1, "%.*s", ICS_ZONE_NAME_MAX, trimmed);
		return z;
	}
	if ((name = ics_zone_windows(trimmed)) != NULL) {
		snprintf(iana, ICS_ZONE_NAME_MAX + 1, "%.*s", ICS_ZONE_NAME_MAX, name);
		return ics_zone_builtin(name);
	}
	if (ics_zone_display(trimmed, iana))
		return ics_zone_builtin(iana);
	/* "/freeassociation.sourceforge.net/Europe/Berlin",
	 * "/mozilla.org/20050126_1/America/New_York": try each tail. */
	for (p = strchr(trimmed, '/'); p != NULL; p = strchr(p + 1, '/'))
		if (p[1] != '\0' && (z = ics_zone_builtin(p + 1)) != NULL) {
			snprintf(iana, ICS_ZONE_NAME_MAX + 1, "%.*s", ICS_ZONE_NAME_MAX, p + 1);
			return z;
		}
	return NULL;
}
