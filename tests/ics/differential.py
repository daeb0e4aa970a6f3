#!/usr/bin/python3
"""differential.py - focusweek's calendar import beside an independent one.

    differential.py ICS_DUMP CORPUS_DIR KNOWN_FILE [--verbose]

For every .ics file of CORPUS_DIR, the occurrences focusweek imports
(ICS_DUMP, tests/ics/ics_dump.c) are compared with those of
recurring_ical_events (Debian's python3-recurring-ical-events, on
python3-icalendar; X-WR-TIMEZONE applied by python3-x-wr-timezone, as its
authors advise), over the four weeks from the Monday of the file's earliest event,
in Europe/Berlin.  focusweek's rules of what is busy time are applied to the
peer's occurrences too (cancelled, free, and zero-length ones are left out),
so what is compared is the expansion: which days and minutes are busy.

Every difference must be listed in KNOWN_FILE with its reason, and every
entry there must still be a difference: the test fails on a new difference
and on an explanation that no longer explains anything.

FOCUSWEEK_ICS_PEERS=DIR[:DIR...] adds folders of other calendar files (for
example other projects' test suites, fetched for a local run).  Those are
compared and counted, but not held to KNOWN_FILE.

Exits 0 when the corpus agrees or every difference is explained, 1 when
not, 77 (skipped) when the peer is not installed.
"""
import collections
import datetime
import os
import re
import subprocess
import sys

try:
    import icalendar
    import recurring_ical_events
    import x_wr_timezone
except ImportError as e:
    print(f"SKIP: the peer is not installed ({e}); apt-get install "
          "python3-recurring-ical-events python3-x-wr-timezone")
    sys.exit(77)
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Berlin")
WEEKS = 4
DAY = datetime.timedelta(days=1)


def first_monday(text):
    """The Monday of the week of the earliest DTSTART of a VEVENT."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    days = []
    inside = False
    for line in unfolded.splitlines():
        upper = line.upper()
        if upper.startswith("BEGIN:VEVENT"):
            inside = True
        elif upper.startswith("END:VEVENT"):
            inside = False
        elif inside and re.match(r"DTSTART[;:]", upper):
            m = re.search(r":(\d{4})(\d{2})(\d{2})", line)
            if m:
                try:
                    days.append(datetime.date(*map(int, m.groups())))
                except ValueError:
                    pass
    first = min(days) if days else datetime.date(2026, 3, 23)
    first = max(first, datetime.date(1900, 1, 8))
    return first - datetime.timedelta(days=first.weekday())


# ---------------------------------------------------------------- focusweek

def focusweek(dump, path, lo, hi):
    """('ok', Counter of occurrences, uids) or ('refused', why)."""
    run = subprocess.run([dump, path, lo.isoformat(), hi.isoformat()],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, TZ="Europe/Berlin"))
    if run.returncode != 0:
        return "refused", (run.stdout + run.stderr).strip()
    got = collections.Counter()
    uids = {}
    for line in run.stdout.splitlines():
        f = line.split(" ")
        if f[0] == "T":
            key = ("T", f[1], f[2], f[3], f[4])
            uid = " ".join(f[5:])
        elif f[0] == "D":
            key = ("D", f[1], f[2])
            uid = " ".join(f[3:])
        else:
            continue
        got[key] += 1
        uids.setdefault(key, set()).add(uid)
    return "ok", (got, uids)


# ---------------------------------------------------------------- the peer

def is_free(ev):
    busy = ev.get("X-MICROSOFT-CDO-BUSYSTATUS")
    if busy is not None:
        return str(busy).strip().upper() == "FREE"
    return str(ev.get("TRANSP", "")).strip().upper().startswith("TRANSPARENT")


def end_of(ev, start):
    if ev.get("DTEND") is not None:
        return ev["DTEND"].dt
    if ev.get("DURATION") is not None:
        return start + ev["DURATION"].dt
    return start + DAY if not isinstance(start, datetime.datetime) else start


def local(t):
    if t.tzinfo is None:
        return t.replace(tzinfo=LOCAL)
    return t.astimezone(LOCAL)


def timed_key(start, end):
    s, e = local(start), local(end)
    if e.second or e.microsecond:
        e = e.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    sd, ed = s.date(), e.date()
    end_txt = e.strftime("%H:%M")
    if end_txt == "00:00" and e > s:
        ed, end_txt = ed - DAY, "24:00"
    return ("T", sd.isoformat(), s.strftime("%H:%M"), ed.isoformat(), end_txt), sd, ed


def peer_key(ev):
    """The occurrence as focusweek would show it, or None when left out."""
    if str(ev.get("STATUS", "")).strip().upper() == "CANCELLED" or is_free(ev):
        return None
    start = ev["DTSTART"].dt
    end = end_of(ev, start)
    if not isinstance(start, datetime.datetime):
        last = end - DAY if end > start else start
        return ("D", start.isoformat(), last.isoformat()), start, last
    if not isinstance(end, datetime.datetime):
        end = datetime.datetime.combine(end, datetime.time(), start.tzinfo)
    if end <= start:
        return None
    return timed_key(start, end)


def peer(path, lo, hi):
    try:
        with open(path, "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        cal = x_wr_timezone.to_standard(cal)
        events = recurring_ical_events.of(cal).between(lo - 2 * DAY, hi + 3 * DAY)
        got = collections.Counter()
        uids = {}
        for ev in events:
            k = peer_key(ev)
            if k is None:
                continue
            key, first, last = k
            if last < lo or first > hi:
                continue
            got[key] += 1
            uids.setdefault(key, set()).add(str(ev.get("UID", "")))
        return "ok", (got, uids)
    except Exception as e:  # the peer refusing a file is a result too
        return "refused", f"{type(e).__name__}: {e}".splitlines()[0][:200]


# ---------------------------------------------------------------- comparing

def differences(fw, pr):
    """[(side, uid, key)] of the occurrences only one side has."""
    out = []
    for side, a, b in (("fw-only", fw, pr), ("peer-only", pr, fw)):
        counts, uids = a
        for key, n in counts.items():
            extra = n - b[0].get(key, 0)
            for uid in sorted(uids[key])[:1] if extra > 0 else []:
                out.append((side, uid, " ".join(key[1:])))
    return sorted(out)


def compare(dump, path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lo = first_monday(f.read())
    hi = lo + datetime.timedelta(days=7 * WEEKS - 1)
    fs, fv = focusweek(dump, path, lo, hi)
    ps, pv = peer(path, lo, hi)
    if fs == "refused" or ps == "refused":
        found = []
        if fs == "refused":
            found.append(("fw-refused", "-", fv))
        if ps == "refused":
            found.append(("peer-refused", "-", pv))
        return found
    return differences(fv, pv)


def read_known(path):
    known = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4 or not parts[3].strip():
                sys.exit(f"{path}:{no}: expected FILE<TAB>SIDE<TAB>UID<TAB>REASON")
            known.append({"file": parts[0], "side": parts[1], "uid": parts[2],
                          "why": parts[3], "line": no, "used": False})
    return known


def explain(known, name, diff):
    side, uid, _ = diff
    for k in known:
        if k["file"] == name and k["side"] == side and k["uid"] in ("*", uid):
            k["used"] = True
            return k
    return None


def run_folder(dump, folder, known, verbose, tally):
    failed = False
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".ics"):
            continue
        diffs = compare(dump, os.path.join(folder, name))
        kinds = {d[0] for d in diffs}
        state = ("agree" if not diffs else
                 "refused by focusweek" if "fw-refused" in kinds else
                 "refused by the peer" if "peer-refused" in kinds else "differ")
        tally[state] += 1
        unexplained = []
        for d in diffs:
            k = explain(known, name, d) if known is not None else None
            if k is None and known is not None:
                unexplained.append(d)
            if verbose or (k is None and known is not None):
                why = f"  [{k['why']}]" if k else ""
                print(f"  {name}: {d[0]} {d[1]} {d[2]}{why}")
        if unexplained:
            failed = True
            print(f"FAIL {name}: {len(unexplained)} unexplained difference(s)")
    return failed


def main():
    args = [a for a in sys.argv[1:] if a != "--verbose"]
    verbose = "--verbose" in sys.argv
    if len(args) != 3:
        sys.exit(__doc__)
    dump, corpus, known_path = args
    known = read_known(known_path)
    tally = collections.Counter()
    failed = run_folder(dump, corpus, known, verbose, tally)
    for k in known:
        if not k["used"]:
            failed = True
            print(f"FAIL {known_path}:{k['line']}: {k['file']} {k['side']} {k['uid']} "
                  "is no longer a difference; remove it")
    print(f"corpus {corpus}: {sum(tally.values())} files: " +
          ", ".join(f"{n} {s}" for s, n in sorted(tally.items())))
    for extra in filter(None, os.environ.get("FOCUSWEEK_ICS_PEERS", "").split(":")):
        t = collections.Counter()
        run_folder(dump, extra, None, verbose, t)
        print(f"extra {extra}: {sum(t.values())} files: " +
              ", ".join(f"{n} {s}" for s, n in sorted(t.items())))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
