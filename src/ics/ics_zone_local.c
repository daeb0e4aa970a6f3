/* ics_zone_local.c - the user's time zone, by its IANA name. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ics_int.h"

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
	if (ics_zone_builtin(name) == NULL)
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
