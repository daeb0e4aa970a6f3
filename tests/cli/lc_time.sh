#!/usr/bin/env bash
# Day and month names and their order follow LC_TIME: German and US English
# locales are built here with localedef (Debian's `locales` sources) into a
# throw-away LOCPATH, so the test needs no locale installed.  The C locale
# keeps the program's own English forms; ISO dates are read everywhere, and
# dates as the locale writes them (12/1/2026 in the US).
set -u
fw_bin=$1
tmp=$(mktemp -d /tmp/fwloc-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/loc"
for loc in de_DE en_US; do
	# localedef exits 1 on mere warnings; the built LC_TIME is what counts
	localedef -i "$loc" -f UTF-8 "$tmp/loc/$loc.UTF-8" >/dev/null 2>&1
	if [ ! -f "$tmp/loc/$loc.UTF-8/LC_TIME" ]; then
		echo "SKIP: localedef cannot build $loc.UTF-8 (Debian package locales missing?)"
		exit 77
	fi
done
export HOME="$tmp/home" FOCUSWEEK_DATA="$tmp/data" FOCUSWEEK_NOW=2026-12-01T09:15 TZ=Europe/Berlin
export LOCPATH="$tmp/loc"
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
"$fw_bin" init --industries Energie >/dev/null || fail "init"
"$fw_bin" add --date 2026-12-02 --start 9:00 --end 10:00 --kind admin --title x >/dev/null ||
	fail "add"
de=$(LC_ALL=de_DE.UTF-8 "$fw_bin" week)
echo "$de" | head -1 | grep -q "^2026-W49 · 30 Nov – 4 Dez" || fail "German label: $(echo "$de" | head -1)"
echo "$de" | grep -q "^Mi 2 Dez · no niche" || fail "German day: $de"
us=$(LC_ALL=en_US.UTF-8 "$fw_bin" week)
echo "$us" | head -1 | grep -q "^2026-W49 · Nov 30 – Dec 4" || fail "US label: $(echo "$us" | head -1)"
echo "$us" | grep -q "^Wed Dec 2 · no niche" || fail "US day: $us"
c=$(LC_ALL=C.UTF-8 "$fw_bin" week)
echo "$c" | grep -q "^Wed 2 Dec · no niche" || fail "C: $c"
LC_ALL=en_US.UTF-8 "$fw_bin" week --date 12/2/2026 | head -1 | grep -q "2026-W49" ||
	fail "US date order read"
LC_ALL=de_DE.UTF-8 "$fw_bin" week --date '2 Dez' | head -1 | grep -q "2026-W49" ||
	fail "German month read"
LC_ALL=de_DE.UTF-8 "$fw_bin" week --date 2026-12-02 | head -1 | grep -q "2026-W49" ||
	fail "ISO read under German"
LC_ALL=de_DE.UTF-8 "$fw_bin" week --json | grep -q '"date": "2026-12-02"' || fail "JSON stays ISO"
echo "LC_TIME: German and US names and orders, the C locale's, ISO kept: ok"
