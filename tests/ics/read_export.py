#!/usr/bin/python3
"""The export read back by an independent reader, Debian's python3-icalendar.

    read_export.py path/to/focusweek

Plans blocks in Berlin on both sides of the two daylight-saving changes of
2026 (29 March, 25 October), exports them, and checks what the reader makes
of the file: the UTC instant of every start and end (through the zone's name
and through the file's own VTIMEZONE), the summary, the categories, the
quota answer, and the UIDs.  Then the same with a zone that has no name
(a POSIX TZ rule): the times must come out in UTC, at the same instants.
With --alarm, each planned block carries one VALARM, remind.before ahead.
"""
import datetime
import os
import re
import subprocess
import sys
import tempfile

import icalendar

UTC = datetime.timezone.utc
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def run(env, *args):
    out = subprocess.run(args, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(args), out.stderr.strip()))
    return out.stdout


def utc(y, mo, d, h, mi):
    return datetime.datetime(y, mo, d, h, mi, tzinfo=UTC)


# day, start, end, kind, title, UTC start, UTC end
BLOCKS = [
    ("2026-03-27", "09:00", "10:30", "prospecting", "Call list A — Kliniken Köln",
     utc(2026, 3, 27, 8, 0), utc(2026, 3, 27, 9, 30)),
    ("2026-03-29", "10:00", "11:00", "admin", "Sunday admin",
     utc(2026, 3, 29, 8, 0), utc(2026, 3, 29, 9, 0)),
    ("2026-03-30", "09:00", "10:30", "prospecting", "Call list B",
     utc(2026, 3, 30, 7, 0), utc(2026, 3, 30, 8, 30)),
    ("2026-10-23", "09:00", "10:30", "prospecting", "Call list C",
     utc(2026, 10, 23, 7, 0), utc(2026, 10, 23, 8, 30)),
    ("2026-10-25", "10:00", "11:00", "admin", "After the clocks went back",
     utc(2026, 10, 25, 9, 0), utc(2026, 10, 25, 10, 0)),
]
RANGES = [("--from", "2026-03-27", "--to", "2026-03-30"), ("--week", "2026-10-25")]


def read(path):
    with open(path, "rb") as f:
        return icalendar.Calendar.from_ical(f.read())


def categories(ev):
    cats = ev.get("CATEGORIES")
    cats = cats if isinstance(cats, list) else [cats]
    return [str(c) for v in cats for c in (v.cats if hasattr(v, "cats") else [v])]


def check_event(ev, block, ident, vtz):
    day, start, end, kind, title, t0, t1 = block
    name = "%s %s %s" % (ident, day, start)
    s, e = ev.decoded("DTSTART"), ev.decoded("DTEND")
    check(s.astimezone(UTC) == t0, "%s: starts %s UTC (read %s)" % (name, t0, s.astimezone(UTC)))
    check(e.astimezone(UTC) == t1, "%s: ends %s UTC" % (name, t1))
    if vtz is not None:
        # The file's own VTIMEZONE, not the reader's zone database.
        own = vtz.to_tz()
        s2 = own.localize(s.replace(tzinfo=None)).astimezone(UTC)
        check(s2 == t0, "%s: the file's VTIMEZONE gives %s too (read %s)" % (name, t0, s2))
    want = "%s%s — %s" % (kind.capitalize(), " · Healthcare" if kind == "prospecting" else "",
                          title)
    check(str(ev.get("SUMMARY")) == want, "%s: summary \"%s\" (read \"%s\")"
          % (name, want, ev.get("SUMMARY")))
    cats = categories(ev)
    check(cats == ([kind.capitalize(), "Healthcare"] if kind == "prospecting" else
                   [kind.capitalize()]), "%s: categories %s" % (name, cats))
    desc = str(ev.get("DESCRIPTION"))
    answer = "No" if kind == "admin" else "Yes"
    check(desc.startswith("Will this help me make my sales quota? %s\nStatus: planned" % answer),
          "%s: the quota answer in the description" % name)
    check(re.fullmatch(r"\d{4}W\d{2}-\d+@focusweek", str(ev.get("UID"))) is not None,
          "%s: UID %s" % (name, ev.get("UID")))
    check(ev.decoded("DTSTAMP") == utc(2026, 3, 20, 8, 0), "%s: DTSTAMP" % name)


def check_export(env, data, out, zone_named):
    cal = read(out)
    vtz = [c for c in cal.walk("VTIMEZONE")]
    events = sorted(cal.walk("VEVENT"), key=lambda ev: ev.decoded("DTSTART").astimezone(UTC))
    label = "zone" if zone_named else "UTC"
    if zone_named:
        check(len(vtz) == 1 and str(vtz[0]["TZID"]) == "Europe/Berlin",
              "%s: one VTIMEZONE, Europe/Berlin" % label)
        for ev in events:
            check(str(ev["DTSTART"].params.get("TZID")) == "Europe/Berlin",
                  "%s: DTSTART names its zone" % label)
    else:
        check(vtz == [], "%s: no VTIMEZONE" % label)
        for ev in events:
            check(ev.decoded("DTSTART").utcoffset() == datetime.timedelta(0),
                  "%s: DTSTART is UTC" % label)
    return events, (vtz[0] if zone_named else None)


def check_alarms(env, focusweek, data, tmp):
    """--alarm: each planned block reminds remind.before minutes ahead."""
    env = dict(env, TZ="Europe/Berlin")
    run(env, focusweek, "--data", data, "settings", "set", "remind.before", "10")
    out = os.path.join(tmp, "alarm.ics")
    run(env, focusweek, "--data", data, "export", "--ics", out, "--alarm", *RANGES[0])
    events = list(read(out).walk("VEVENT"))
    for ev in events:
        alarms = list(ev.walk("VALARM"))
        name = str(ev.get("UID"))
        check(len(alarms) == 1, "%s: one VALARM" % name)
        if alarms:
            trig = alarms[0].decoded("TRIGGER")
            check(trig == datetime.timedelta(minutes=-10), "%s: 10 minutes ahead (read %s)"
                  % (name, trig))
            check(str(alarms[0].get("ACTION")) == "DISPLAY", "%s: ACTION:DISPLAY" % name)
            check(str(alarms[0].get("DESCRIPTION")) == str(ev.get("SUMMARY")),
                  "%s: the alarm says the summary" % name)
    check(len(events) == 3, "three blocks in the range, each with its alarm")


def main():
    focusweek = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        env = dict(os.environ, HOME=tmp, TZ="Europe/Berlin", LANG="C.UTF-8",
                   LC_ALL="C.UTF-8", FOCUSWEEK_NOW="2026-03-20T09:00")
        ids = {}
        run(env, focusweek, "--data", data, "industry", "add", "Healthcare")
        for b in BLOCKS:
            args = [focusweek, "--data", data, "add", "--date", b[0], "--start", b[1],
                    "--end", b[2], "--kind", b[3], "--title", b[4]]
            args += ["--industry", "Healthcare"] if b[3] == "prospecting" else ["--not-quota"]
            ids[run(env, *args).strip()] = b
        for zone_named, tz in ((True, "Europe/Berlin"), (False, "CET-1CEST,M3.5.0,M10.5.0/3")):
            env["TZ"] = tz
            seen = {}
            for n, rng in enumerate(RANGES):
                out = os.path.join(tmp, "export-%d.ics" % n)
                run(env, focusweek, "--data", data, "export", "--ics", out, *rng)
                events, vtz = check_export(env, data, out, zone_named)
                for ev in events:
                    seen[str(ev["UID"])] = (ev, vtz)
            check(sorted(seen) == sorted(i + "@focusweek" for i in ids),
                  "every block exported once (%s)" % ("zone" if zone_named else "UTC"))
            for ident, b in ids.items():
                if ident + "@focusweek" in seen:
                    ev, vtz = seen[ident + "@focusweek"]
                    check_event(ev, b, ident, vtz)
        check_alarms(env, focusweek, data, tmp)
    if FAILURES:
        sys.exit("%d checks failed" % len(FAILURES))
    print("all checks passed")


if __name__ == "__main__":
    main()
