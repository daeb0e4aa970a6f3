/* ics_zone.c - time zones: the user's, a calendar's own, and Windows names. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ics_int.h"

/* Windows zone names (as Outlook and Exchange write them in TZIDs) and the
 * IANA zone each stands for, after the Unicode CLDR's windowsZones table
 * (territory "001").  Sorted by Windows name for bsearch. */
static const struct {
	const char *windows, *iana;
} windows_zones[] = {
	{ "AUS Central Standard Time", "Australia/Darwin" },
	{ "AUS Eastern Standard Time", "Australia/Sydney" },
	{ "Afghanistan Standard Time", "Asia/Kabul" },
	{ "Alaskan Standard Time", "America/Anchorage" },
	{ "Aleutian Standard Time", "America/Adak" },
	{ "Altai Standard Time", "Asia/Barnaul" },
	{ "Arab Standard Time", "Asia/Riyadh" },
	{ "Arabian Standard Time", "Asia/Dubai" },
	{ "Arabic Standard Time", "Asia/Baghdad" },
	{ "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
	{ "Astrakhan Standard Time", "Europe/Astrakhan" },
	{ "Atlantic Standard Time", "America/Halifax" },
	{ "Aus Central W. Standard Time", "Australia/Eucla" },
	{ "Azerbaijan Standard Time", "Asia/Baku" },
	{ "Azores Standard Time", "Atlantic/Azores" },
	{ "Bahia Standard Time", "America/Bahia" },
	{ "Bangladesh Standard Time", "Asia/Dhaka" },
	{ "Belarus Standard Time", "Europe/Minsk" },
	{ "Bougainville Standard Time", "Pacific/Bougainville" },
	{ "Canada Central Standard Time", "America/Regina" },
	{ "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
	{ "Caucasus Standard Time", "Asia/Yerevan" },
	{ "Cen. Australia Standard Time", "Australia/Adelaide" },
	{ "Central America Standard Time", "America/Guatemala" },
	{ "Central Asia Standard Time", "Asia/Almaty" },
	{ "Central Brazilian Standard Time", "America/Cuiaba" },
	{ "Central Europe Standard Time", "Europe/Budapest" },
	{ "Central European Standard Time", "Europe/Warsaw" },
	{ "Central Pacific Standard Time", "Pacific/Guadalcanal" },
	{ "Central Standard Time", "America/Chicago" },
	{ "Central Standard Time (Mexico)", "America/Mexico_City" },
	{ "Chatham Islands Standard Time", "Pacific/Chatham" },
	{ "China Standard Time", "Asia/Shanghai" },
	{ "Cuba Standard Time", "America/Havana" },
	{ "Dateline Standard Time", "Etc/GMT+12" },
	{ "E. Africa Standard Time", "Africa/Nairobi" },
	{ "E. Australia Standard Time", "Australia/Brisbane" },
	{ "E. Europe Standard Time", "Europe/Chisinau" },
	{ "E. South America Standard Time", "America/Sao_Paulo" },
	{ "Easter Island Standard Time", "Pacific/Easter" },
	{ "Eastern Standard Time", "America/New_York" },
	{ "Eastern Standard Time (Mexico)", "America/Cancun" },
	{ "Egypt Standard Time", "Africa/Cairo" },
	{ "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
	{ "FLE Standard Time", "Europe/Kyiv" },
	{ "Fiji Standard Time", "Pacific/Fiji" },
	{ "GMT Standard Time", "Europe/London" },
	{ "GTB Standard Time", "Europe/Bucharest" },
	{ "Georgian Standard Time", "Asia/Tbilisi" },
	{ "Greenland Standard Time", "America/Nuuk" },
	{ "Greenwich Standard Time", "Atlantic/Reykjavik" },
	{ "Haiti Standard Time", "America/Port-au-Prince" },
	{ "Hawaiian Standard Time", "Pacific/Honolulu" },
	{ "India Standard Time", "Asia/Kolkata" },
	{ "Iran Standard Time", "Asia/Tehran" },
	{ "Israel Standard Time", "Asia/Jerusalem" },
	{ "Jordan Standard Time", "Asia/Amman" },
	{ "Kaliningrad Standard Time", "Europe/Kaliningrad" },
	{ "Kamchatka Standard Time", "Asia/Kamchatka" },
	{ "Korea Standard Time", "Asia/Seoul" },
	{ "Libya Standard Time", "Africa/Tripoli" },
	{ "Line Islands Standard Time", "Pacific/Kiritimati" },
	{ "Lord Howe Standard Time", "Australia/Lord_Howe" },
	{ "Magadan Standard Time", "Asia/Magadan" },
	{ "Magallanes Standard Time", "America/Punta_Arenas" },
	{ "Marquesas Standard Time", "Pacific/Marquesas" },
	{ "Mauritius Standard Time", "Indian/Mauritius" },
	{ "Mid-Atlantic Standard Time", "Etc/GMT+2" },
	{ "Middle East Standard Time", "Asia/Beirut" },
	{ "Montevideo Standard Time", "America/Montevideo" },
	{ "Morocco Standard Time", "Africa/Casablanca" },
	{ "Mountain Standard Time", "America/Denver" },
	{ "Mountain Standard Time (Mexico)", "America/Mazatlan" },
	{ "Myanmar Standard Time", "Asia/Yangon" },
	{ "N. Central Asia Standard Time", "Asia/Novosibirsk" },
	{ "Namibia Standard Time", "Africa/Windhoek" },
	{ "Nepal Standard Time", "Asia/Kathmandu" },
	{ "New Zealand Standard Time", "Pacific/Auckland" },
	{ "Newfoundland Standard Time", "America/St_Johns" },
	{ "Norfolk Standard Time", "Pacific/Norfolk" },
	{ "North Asia East Standard Time", "Asia/Irkutsk" },
	{ "North Asia Standard Time", "Asia/Krasnoyarsk" },
	{ "North Korea Standard Time", "Asia/Pyongyang" },
	{ "Omsk Standard Time", "Asia/Omsk" },
	{ "Pacific SA Standard Time", "America/Santiago" },
	{ "Pacific Standard Time", "America/Los_Angeles" },
	{ "Pacific Standard Time (Mexico)", "America/Tijuana" },
	{ "Pakistan Standard Time", "Asia/Karachi" },
	{ "Paraguay Standard Time", "America/Asuncion" },
	{ "Qyzylorda Standard Time", "Asia/Qyzylorda" },
	{ "Romance Standard Time", "Europe/Paris" },
	{ "Russia Time Zone 10", "Asia/Srednekolymsk" },
	{ "Russia Time Zone 11", "Asia/Kamchatka" },
	{ "Russia Time Zone 3", "Europe/Samara" },
	{ "Russian Standard Time", "Europe/Moscow" },
	{ "SA Eastern Standard Time", "America/Cayenne" },
	{ "SA Pacific Standard Time", "America/Bogota" },
	{ "SA Western Standard Time", "America/La_Paz" },
	{ "SE Asia Standard Time", "Asia/Bangkok" },
	{ "Saint Pierre Standard Time", "America/Miquelon" },
	{ "Sakhalin Standard Time", "Asia/Sakhalin" },
	{ "Samoa Standard Time", "Pacific/Apia" },
	{ "Sao Tome Standard Time", "Africa/Sao_Tome" },
	{ "Saratov Standard Time", "Europe/Saratov" },
	{ "Singapore Standard Time", "Asia/Singapore" },
	{ "South Africa Standard Time", "Africa/Johannesburg" },
	{ "South Sudan Standard Time", "Africa/Juba" },
	{ "Sri Lanka Standard Time", "Asia/Colombo" },
	{ "Sudan Standard Time", "Africa/Khartoum" },
	{ "Syria Standard Time", "Asia/Damascus" },
	{ "Taipei Standard Time", "Asia/Taipei" },
	{ "Tasmania Standard Time", "Australia/Hobart" },
	{ "Tocantins Standard Time", "America/Araguaina" },
	{ "Tokyo Standard Time", "Asia/Tokyo" },
	{ "Tomsk Standard Time", "Asia/Tomsk" },
	{ "Tonga Standard Time", "Pacific/Tongatapu" },
	{ "Transbaikal Standard Time", "Asia/Chita" },
	{ "Turkey Standard Time", "Europe/Istanbul" },
	{ "Turks And Caicos Standard Time", "America/Grand_Turk" },
	{ "US Eastern Standard Time", "America/Indiana/Indianapolis" },
	{ "US Mountain Standard Time", "America/Phoenix" },
	{ "UTC", "Etc/UTC" },
	{ "UTC+12", "Etc/GMT-12" },
	{ "UTC+13", "Etc/GMT-13" },
	{ "UTC-02", "Etc/GMT+2" },
	{ "UTC-08", "Etc/GMT+8" },
	{ "UTC-09", "Etc/GMT+9" },
	{ "UTC-11", "Etc/GMT+11" },
	{ "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
	{ "Venezuela Standard Time", "America/Caracas" },
	{ "Vladivostok Standard Time", "Asia/Vladivostok" },
	{ "Volgograd Standard Time", "Europe/Volgograd" },
	{ "W. Australia Standard Time", "Australia/Perth" },
	{ "W. Central Africa Standard Time", "Africa/Lagos" },
	{ "W. Europe Standard Time", "Europe/Berlin" },
	{ "W. Mongolia Standard Time", "Asia/Hovd" },
	{ "West Asia Standard Time", "Asia/Tashkent" },
	{ "West Bank Standard Time", "Asia/Hebron" },
	{ "West Pacific Standard Time", "Pacific/Port_Moresby" },
	{ "Yakutsk Standard Time", "Asia/Yakutsk" },
	{ "Yukon Standard Time", "America/Whitehorse" },
};

#define N_WINDOWS (sizeof windows_zones / sizeof windows_zones[0])

const char *ics_zone_windows(const char *name)
{
	size_t lo = 0, hi = N_WINDOWS;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, windows_zones[mid].windows);

		if (c == 0)
			return windows_zones[mid].iana;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *ics_zone_windows_at(size_t i, const char **iana)
{
	if (i >= N_WINDOWS)
		return NULL;
	*iana = windows_zones[i].iana;
	return windows_zones[i].windows;
}

bool ics_zone_name_ok(const char *name)
{
	size_t part = 0, n = strlen(name);

	if (n == 0 || n > 64)
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

/* A zone libical has under that name, never asking it about a name that is
 * not one (libical opens the file of that name in the zone folder).  The
 * way in for ics_local_zone and ics_zone_resolve: none without libical. */
static icaltimezone *zone_builtin(const char *name)
{
	if (!ics_zone_name_ok(name) || ics_lib_open(NULL) != 0)
		return NULL;
	return icaltimezone_get_builtin_timezone(name);
}

icaltimezone *ics_zone_resolve(icalcomponent *cal, const char *tzid)
{
	icaltimezone *z = cal != NULL ? ics_zone_shared(icalcomponent_get_timezone(cal, tzid)) : NULL;
	const char *win, *p;

	if (z != NULL)
		return z;
	if ((z = zone_builtin(tzid)) != NULL)
		return z;
	if ((win = ics_zone_windows(tzid)) != NULL)
		return zone_builtin(win);
	/* "/freeassociation.sourceforge.net/Europe/Berlin",
	 * "/mozilla.org/20050126_1/America/New_York": try each tail. */
	for (p = strchr(tzid, '/'); p != NULL; p = strchr(p + 1, '/'))
		if (p[1] != '\0' && (z = zone_builtin(p + 1)) != NULL)
			return z;
	return NULL;
}

/* ---- the user's zone ---- */

static bool zone_is_utc(const char *name)
{
	static const char *const utc[] = { "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Zulu",
					   "Etc/Zulu", "Universal", "Etc/Universal" };

	for (size_t i = 0; i < sizeof utc / sizeof utc[0]; i++)
		if (strcmp(name, utc[i]) == 0)
			return true;
	return false;
}

/* The zone name in a path like /usr/share/zoneinfo/Europe/Berlin. */
static const char *zone_from_path(const char *path)
{
	const char *z = strstr(path, "zoneinfo/");

	if (z == NULL)
		return NULL;
	z += strlen("zoneinfo/");
	/* zoneinfo/posix/Europe/Berlin and zoneinfo/right/... name the same zone. */
	if (strncmp(z, "posix/", 6) == 0)
		z += 6;
	return z;
}

static const char *zone_accept(const char *name, char *buf, size_t size)
{
	if (name == NULL || strlen(name) >= size)
		return NULL;
	if (zone_is_utc(name)) {
		snprintf(buf, size, "UTC");
		return buf;
	}
	if (zone_builtin(name) == NULL)
		return NULL;
	snprintf(buf, size, "%s", name);
	return buf;
}

/* The zone from /etc/timezone (Debian writes the name there). */
static const char *zone_from_etc(char *buf, size_t size)
{
	FILE *f = fopen("/etc/timezone", "re");
	char line[128];
	const char *z = NULL;

	if (f == NULL)
		return NULL;
	if (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, " \t\r\n")] = '\0';
		z = zone_accept(line, buf, size);
	}
	fclose(f);
	return z;
}

const char *ics_local_zone(char *buf, size_t size)
{
	const char *tz = getenv("TZ");
	char link[PATH_MAX];
	ssize_t n;

	if (tz != NULL) {
		if (*tz == ':')
			tz++;
		if (*tz == '\0')
			return zone_accept("UTC", buf, size); /* POSIX: an empty TZ is UTC */
		return zone_accept(*tz == '/' ? zone_from_path(tz) : tz, buf, size);
	}
	n = readlink("/etc/localtime", link, sizeof link - 1);
	if (n > 0) {
		link[n] = '\0';
		return zone_accept(zone_from_path(link), buf, size);
	}
	return zone_from_etc(buf, size);
}
