#!/usr/bin/env python3
"""sync_real.py - the calendar sync with the real parts: Radicale as the
CalDAV server, vdirsyncer between it and the vdirs, khal as a second reader.

    sync_real.py CASE path/to/focusweek

Each case starts its own Radicale on 127.0.0.1 at a free port with its
storage in a temp folder, writes a vdirsyncer config with the two pairs the
README describes (blocks: focusweek's vdir wins; busy: the server wins),
drives focusweek, vdirsyncer and plain CalDAV requests (as a phone would
change the calendar), checks, and stops the server at its end.  Exits 77
with a SKIP line when radicale, vdirsyncer or khal is missing.
"""
import http.server
import json
import os
import re
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

# Generous for a busy machine under sanitizers; every wait polls.
DEADLINE = float(os.environ.get("FW_SYNC_DEADLINE", "60"))
NOW = "2026-12-01T09:15"  # Tuesday of 2026-W49
MKCOL_CALENDAR = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
    "<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>"
    "</D:prop></D:set></D:mkcol>")
FAILURES = []
RUNNING = []  # servers and proxies, stopped at the end whatever happens


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what, probe):
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if probe():
            return
        time.sleep(0.05)
    sys.exit("FAIL timed out waiting for " + what)


# ---------------------------------------------------------------- the server

class Radicale:
    """A throw-away CalDAV server; stop() ends it (and its storage stays for
    a restart, as a real server's does)."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.conf = os.path.join(tmp, "radicale.conf")
        with open(self.conf, "w") as f:
            f.write("[server]\nhosts = 127.0.0.1:%d\n[auth]\ntype = none\n"
                    "[storage]\nfilesystem_folder = %s\n[logging]\nlevel = warning\n"
                    % (self.port, os.path.join(tmp, "collections")))
        self.proc = None
        RUNNING.append(self)
        self.start()

    def start(self):
        log = open(os.path.join(self.tmp, "radicale.log"), "a")
        self.proc = subprocess.Popen(["radicale", "--config", self.conf], stdout=log,
                                     stderr=log, start_new_session=True)
        wait_until("radicale to answer", self.answers)

    def answers(self):
        try:
            urllib.request.urlopen(self.url + "/", timeout=2)
            return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            if self.proc.poll() is not None:
                sys.exit("FAIL radicale ended: see %s/radicale.log" % self.tmp)
            return False

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def request(self, method, path, body=None, headers=None):
        req = urllib.request.Request(self.url + path, data=body, method=method,
                                     headers=headers or {})
        with urllib.request.urlopen(req, timeout=DEADLINE) as r:
            return r.status, r.read()

    def calendar(self, name):
        """MKCOL the user's folder, then the calendar in it."""
        try:
            self.request("MKCOL", "/user/")
        except urllib.error.HTTPError as e:
            if e.code != 405:  # it exists
                raise
        self.request("MKCOL", "/user/%s/" % name, MKCOL_CALENDAR.encode(),
                     {"Content-Type": "application/xml"})

    def items(self, name):
        """{href: text} of the calendar's events, found by PROPFIND (the
        hrefs read namespace-agnostic) and fetched by GET."""
        _, body = self.request("PROPFIND", "/user/%s/" % name, None, {"Depth": "1"})
        out = {}
        for el in ET.fromstring(body).iter():
            if el.tag.split("}")[-1] == "href" and el.text and el.text.endswith(".ics"):
                out[el.text] = self.request("GET", el.text)[1].decode("utf-8")
        return out

    def find(self, name, uid_part):
        for href, text in self.items(name).items():
            if re.search(r"^UID:.*%s" % re.escape(uid_part), text, re.M):
                return href, text
        return None, None

    def put(self, href, text):
        self.request("PUT", href, text.encode("utf-8"), {"Content-Type": "text/calendar"})

    def delete(self, href):
        self.request("DELETE", href)


class Proxy:
    """Stands between vdirsyncer and the server: errors or slowness."""

    def __init__(self, target):
        self.target = target
        self.mode = "pass"
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def relay(self):
                if proxy.mode == "error":
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if proxy.mode == "slow":
                    time.sleep(0.3)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "content-length", "connection")}
                req = urllib.request.Request(proxy.target + self.path, data=body or None,
                                             method=self.command, headers=headers)
                try:
                    r = urllib.request.urlopen(req, timeout=DEADLINE)
                except urllib.error.HTTPError as e:
                    r = e
                except OSError:
                    self.send_response(502)  # the server is down
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = r.read()
                self.send_response(r.status if hasattr(r, "status") else r.code)
                for k, v in r.headers.items():
                    if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = relay
            do_MKCOL = do_HEAD = do_POST = relay

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        RUNNING.append(self)

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        self.server = None


# ---------------------------------------------------------------- the clients

class Setup:
    """A data folder, its vdirs, the vdirsyncer config for both pairs."""

    def __init__(self, tmp, fw, server_url, name="me", busy=True, zone="Europe/Berlin"):
        self.tmp, self.fw = tmp, fw
        self.home = os.path.join(tmp, name)
        self.data = os.path.join(self.home, "data")
        self.blocks = os.path.join(self.home, "vdirs", "blocks")
        self.busy = os.path.join(self.home, "vdirs", "busy")
        os.makedirs(self.blocks)
        os.makedirs(self.busy)
        self.env = dict(os.environ, HOME=self.home, TZ=zone, LANG="C.UTF-8", LC_ALL="C.UTF-8",
                        FOCUSWEEK_NOW=NOW, FOCUSWEEK_DATA=self.data)
        self.env.pop("FOCUSWEEK_INSTALL_ID", None)
        self.conf = os.path.join(self.home, "vdirsyncer.conf")
        self.server_url = server_url
        self.with_busy = busy
        self.write_conf(server_url)
        self.run("init", "--sample")
        self.run("settings", "set", "sync.blocks", self.blocks)
        if busy:
            self.run("settings", "set", "sync.busy", self.busy)

    def write_conf(self, url):
        text = ('[general]\nstatus_path = "%s/status/"\n\n'
                '[pair blocks]\na = "blocks_local"\nb = "blocks_remote"\n'
                'collections = null\nconflict_resolution = "a wins"\n\n'
                '[storage blocks_local]\ntype = "filesystem"\npath = "%s"\nfileext = ".ics"\n\n'
                '[storage blocks_remote]\ntype = "caldav"\nurl = "%s/user/blocks/"\n\n'
                % (self.home, self.blocks, url))
        if self.with_busy:
            text += ('[pair busy]\na = "busy_local"\nb = "busy_remote"\ncollections = null\n'
                     'conflict_resolution = "b wins"\n\n'
                     '[storage busy_local]\ntype = "filesystem"\npath = "%s"\n'
                     'fileext = ".ics"\n\n'
                     '[storage busy_remote]\ntype = "caldav"\nurl = "%s/user/busy/"\n'
                     'read_only = true\n' % (self.busy, url))
        with open(self.conf, "w") as f:
            f.write(text)

    def run(self, *args, ok=True):
        p = subprocess.run([self.fw, *args], env=self.env, capture_output=True, text=True)
        if ok and p.returncode != 0:
            sys.exit("FAIL focusweek %s: %s%s" % (" ".join(args), p.stdout, p.stderr))
        return p.stdout + p.stderr

    def vdirsyncer(self, *args, ok=True):
        p = subprocess.run(["vdirsyncer", "-c", self.conf, *args], env=self.env,
                           capture_output=True, text=True, input="y\n" * 10)
        if ok and p.returncode != 0:
            sys.exit("FAIL vdirsyncer %s: %s%s" % (" ".join(args), p.stdout, p.stderr))
        return p.returncode

    def discover(self):
        self.vdirsyncer("discover")

    def sync(self):
        """What cron runs: vdirsyncer sync && focusweek sync."""
        self.vdirsyncer("sync")
        return self.run("sync")

    def install(self):
        with open(os.path.join(self.data, "plan.json"), encoding="utf-8") as f:
            return json.load(f)["install"]

    def block(self, ident):
        week = json.loads(self.run("week", "--date", "2026-12-01", "--json"))
        for day in week["days"]:
            for b in day["blocks"]:
                if b["id"] == ident:
                    return b
        return None

    def snapshot(self):
        """Every file of the data folder, byte for byte (not the cache)."""
        out = {}
        for root, _, files in os.walk(self.data):
            for n in files:
                path = os.path.join(root, n)
                if "/cache" not in path:
                    with open(path, "rb") as f:
                        out[os.path.relpath(path, self.data)] = f.read()
        return out


def meeting(uid, start, end, title):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            "UID:%s\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:%s\r\n"
            "DTEND;TZID=Europe/Berlin:%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\n"
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\n"
            "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
            "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
            "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
            "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
            "END:VCALENDAR\r\n" % (uid, start, end, title))


def moved(text, day_from, day_to, start, end):
    """The event as a phone writes it after a move: new DTSTART and DTEND."""
    text = re.sub(r"(DTSTART[^:\r\n]*:)%sT\d{6}" % day_from, r"\g<1>%sT%s" % (day_to, start), text)
    return re.sub(r"(DTEND[^:\r\n]*:)%sT\d{6}" % day_from, r"\g<1>%sT%s" % (day_to, end), text)


def start(tmp, fw, calendars=("blocks", "busy")):
    server = Radicale(tmp)
    for c in calendars:
        server.calendar(c)
    return server


# ---------------------------------------------------------------- the cases

def case_reach_server(tmp, fw):
    """Blocks reach the server, once each, with this install's UIDs."""
    server = start(tmp, fw)
    me = Setup(tmp, fw, server.url)
    me.discover()
    out = me.run("sync")
    check("8 written" in out, "focusweek sync writes the 8 blocks of the week")
    me.vdirsyncer("sync")
    items = server.items("blocks")
    uids = sorted(re.search(r"^UID:(\S+)", t, re.M).group(1) for t in items.values())
    check(len(items) == 8, "8 events on the server (%d)" % len(items))
    check(all(u.endswith("." + me.install() + "@focusweek") for u in uids),
          "their UIDs carry the install id")
    check(any("SUMMARY:Prospecting · Healthcare — Call list: clinics" in t
              for t in items.values()), "a block's summary on the server")
    # A change here goes up on the next round; nothing else is rewritten.
    me.run("edit", "2026W49-4", "--title", "Carriers: Rotterdam")
    out = me.sync()
    check("1 written" in out, "one changed block, one file written: " + out.splitlines()[0])
    me.vdirsyncer("sync")
    _, text = server.find("blocks", "2026W49-4.")
    check(text is not None and "Carriers: Rotterdam" in text, "the change reached the server")
    server.stop()


def case_server_changes(tmp, fw):
    """An event moved and one deleted on the server come back."""
    server = start(tmp, fw)
    me = Setup(tmp, fw, server.url)
    me.discover()
    me.run("sync")
    me.vdirsyncer("sync")
    href, text = server.find("blocks", "2026W49-1.")
    server.put(href, moved(text, "20261130", "20261130", "130000", "153000"))
    href, _ = server.find("blocks", "2026W49-3.")
    server.delete(href)
    out = me.sync()
    check('"Call list: clinics" moved to Mon 30 Nov 13:00-15:30' in out, "the move came back")
    check('"Quarterly review" was deleted in the calendar: marked skipped' in out,
          "the deletion came back")
    b = me.block("2026W49-1")
    check(b["start"] == "13:00" and b["end"] == "15:30", "the block moved: %s" % b)
    check(me.block("2026W49-3")["status"] == "skipped", "the deleted block is skipped, kept")
    me.vdirsyncer("sync")
    check(server.find("blocks", "2026W49-3.")[0] is None, "and stays out of the calendar")
    out = me.sync()
    check("nothing changed" in out.splitlines()[0], "then all is quiet: " + out.splitlines()[0])
    server.stop()


def case_busy_meeting(tmp, fw):
    """A meeting added to the busy calendar on the server shows as busy time,
    and goes when it is deleted there."""
    server = start(tmp, fw)
    me = Setup(tmp, fw, server.url)
    me.discover()
    server.put("/user/busy/standup.ics",
               meeting("standup@example.com", "20261204T080000", "20261204T081500",
                       "Standup"))
    me.sync()
    server.put("/user/busy/acme.ics",
               meeting("acme-1@example.com", "20261202T150000", "20261202T160000",
                       "Acme: pricing call"))
    out = me.sync()
    check("1 added" in out, "one meeting added: " + out)
    week = me.run("week", "--date", "2026-12-02")
    check(re.search(r"15:00–16:00\s+meeting.*Acme: pricing call", week) is not None,
          "the meeting is in the week")
    out = me.sync()
    check("0 read" in out, "read again only when changed: " + out)
    server.delete("/user/busy/acme.ics")
    out = me.sync()
    check("1 removed" in out, "deleted upstream, it goes: " + out)
    check("Acme" not in me.run("week", "--date", "2026-12-02"), "the meeting is gone")
    server.stop()


def case_two_installs(tmp, fw):
    """Two data folders with the same short ids share one calendar."""
    server = start(tmp, fw, ("blocks",))
    a = Setup(tmp, fw, server.url, "a", busy=False)
    b = Setup(tmp, fw, server.url, "b", busy=False)
    check(a.install() if a.run("sync") else False, "a has an install id")
    b.run("sync")
    check(a.install() != b.install(), "two installs, two ids")
    a.discover()
    b.discover()
    a.vdirsyncer("sync")
    b.vdirsyncer("sync")
    a.vdirsyncer("sync")
    items = server.items("blocks")
    check(len(items) == 16, "16 events on the server, 8 of each (%d)" % len(items))
    for who in (a, b):
        out = who.run("sync")
        check("nothing changed" in out.splitlines()[0],
              "the other's files are left alone: " + out.splitlines()[0])
        check(len(os.listdir(who.blocks)) == 16, "each vdir holds both installs' files")
    server.stop()


def case_conflict(tmp, fw):
    """Changed on both sides: focusweek's side wins, the calendar's is listed."""
    server = start(tmp, fw)
    me = Setup(tmp, fw, server.url)
    me.discover()
    me.run("sync")
    me.vdirsyncer("sync")
    href, text = server.find("blocks", "2026W49-7.")
    server.put(href, moved(text, "20261204", "20261204", "140000", "153000"))
    me.run("edit", "2026W49-7", "--start", "11:00", "--end", "12:30")
    out = me.sync()
    check("changed on both sides (focusweek's kept)" in out and
          "the calendar's (Fri 4 Dec 14:00-15:30" in out, "the loser is listed: " + out)
    me.vdirsyncer("sync")
    _, text = server.find("blocks", "2026W49-7.")
    check("DTSTART;TZID=Europe/Berlin:20261204T110000" in text, "the server has focusweek's")
    b = me.block("2026W49-7")
    check(b["start"] == "11:00", "the block is focusweek's: %s" % b)
    server.stop()


def case_server_trouble(tmp, fw):
    """The server down, slow or answering errors: vdirsyncer fails, the data
    folder is untouched, and the next sync catches up."""
    server = start(tmp, fw)
    proxy = Proxy(server.url)
    me = Setup(tmp, fw, proxy.url)
    me.discover()
    me.sync()
    for mode in ("error", "down"):
        me.run("edit", "2026W49-5", "--title", "Stores (%s)" % mode)
        me.run("sync")
        before = me.snapshot()
        if mode == "down":
            server.stop()
        else:
            proxy.mode = "error"
        check(me.vdirsyncer("sync", ok=False) != 0, "vdirsyncer fails (%s)" % mode)
        check(me.snapshot() == before, "the data folder is untouched (%s)" % mode)
        out = me.run("sync")
        check("problem" not in out, "focusweek sync still works (%s): %s" % (mode, out))
        if mode == "down":
            server.start()
        proxy.mode = "slow"
        me.vdirsyncer("sync")
        proxy.mode = "pass"
        _, text = server.find("blocks", "2026W49-5.")
        check(text is not None and "Stores (%s)" % mode in text,
              "the next sync catches up (%s, slowly)" % mode)
    proxy.stop()
    server.stop()


def case_bad_busy_file(tmp, fw):
    """A hostile or broken file in a busy vdir is reported by name and
    skipped; the rest still syncs."""
    server = start(tmp, fw)
    me = Setup(tmp, fw, server.url)
    me.discover()
    server.put("/user/busy/good.ics",
               meeting("good@example.com", "20261203T120000", "20261203T130000", "Lunch"))
    # Accepted by the server, yet no calendar can expand it.
    server.put("/user/busy/hostile.ics",
               "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
               "UID:hostile@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
               "DTSTART:20261201T000000Z\r\nDTEND:20261201T000001Z\r\n"
               "RRULE:FREQ=SECONDLY\r\nSUMMARY:Flood\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    me.vdirsyncer("sync")
    # And one broken by hand in the vdir (cut off).
    with open(os.path.join(me.busy, "broken.ics"), "w") as f:
        f.write("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:broken\nDTSTART:20261202T1000")
    out = me.run("sync")
    hostile = [n for n in os.listdir(me.busy) if "hostile" in open(os.path.join(me.busy, n)).read()]
    check(len(hostile) == 1 and ("/%s: " % hostile[0]) in out, "the hostile file is named: " + out)
    check("/broken.ics: line" in out, "the broken file is named, with its line")
    check("8 written" in out, "the blocks still sync")
    check("Lunch" in me.run("week", "--date", "2026-12-03"), "the good meeting is in")
    server.stop()


def case_khal(tmp, fw):
    """khal reads focusweek's vdir: the blocks at the right local times,
    across a change to summer time, in the planner's zone and another."""
    me = Setup(tmp, fw, "http://127.0.0.1:1", busy=False)
    me.env["FOCUSWEEK_NOW"] = "2027-03-24T09:00"
    me.run("add", "--date", "2027-03-26", "--start", "11:00", "--end", "12:30", "--kind",
           "admin", "--title", "Before the change")
    me.run("add", "--date", "2027-03-29", "--start", "08:30", "--end", "10:00", "--kind",
           "admin", "--title", "After the change")
    me.run("sync")
    for zone, before, after in (("Europe/Berlin", "11:00-12:30", "08:30-10:00"),
                                ("America/New_York", "06:00-07:30", "02:30-04:00")):
        conf = os.path.join(tmp, "khal-%s.conf" % zone.replace("/", "-"))
        with open(conf, "w") as f:
            f.write("[calendars]\n[[blocks]]\npath = %s\ntype = calendar\n[locale]\n"
                    "timeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\n"
                    "longdateformat = %%Y-%%m-%%d\ndatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
                    "longdatetimeformat = %%Y-%%m-%%d %%H:%%M\nlocal_timezone = %s\n"
                    "default_timezone = %s\n[sqlite]\npath = %s.db\n"
                    % (me.blocks, zone, zone, conf))
        got = ""
        for day in ("2027-03-26", "2027-03-29"):
            p = subprocess.run(["khal", "-c", conf, "list", "--format",
                                "{start-time}-{end-time} {title}", day, "1d"],
                               capture_output=True, text=True, env=dict(me.env, TZ=zone))
            got += p.stdout
        check("%s Admin — Before the change" % before in got,
              "%s: the block before the change at %s" % (zone, before))
        check("%s Admin — After the change" % after in got,
              "%s: the block after the change at %s" % (zone, after))


CASES = {
    "reach_server": (case_reach_server, ("radicale", "vdirsyncer")),
    "server_changes": (case_server_changes, ("radicale", "vdirsyncer")),
    "busy_meeting": (case_busy_meeting, ("radicale", "vdirsyncer")),
    "two_installs": (case_two_installs, ("radicale", "vdirsyncer")),
    "conflict": (case_conflict, ("radicale", "vdirsyncer")),
    "server_trouble": (case_server_trouble, ("radicale", "vdirsyncer")),
    "bad_busy_file": (case_bad_busy_file, ("radicale", "vdirsyncer")),
    "khal": (case_khal, ("khal",)),
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.exit("usage: sync_real.py {%s} path/to/focusweek" % ",".join(CASES))
    fn, tools = CASES[sys.argv[1]]
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        print("SKIP: %s not installed (Debian packages: apt-get install %s)"
              % (", ".join(missing), " ".join(missing)))
        sys.exit(77)
    fw = os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="fwsync-")
    try:
        fn(tmp, fw)
    finally:
        for r in RUNNING:
            r.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        sys.exit("%d checks failed" % len(FAILURES))
    print("all checks passed")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *a: sys.exit("FAIL terminated"))
    main()
