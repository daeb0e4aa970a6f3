#!/usr/bin/env python3
"""tui.py - a full-screen program's launch, keystroke, idle wake-ups and peak
memory, measured in a private tmux server at a fixed size (compare.sh).

    tui.py --socket NAME --cmd 'PROGRAM ARGS' --text REGEX --keys 'Right Left'
           [--launches 7] [--presses 20] [--idle 60] [--size 200x50] [--quiet 0.1]
           [--reset 'SHELL COMMAND']

Prints one line:
    launch_ms=M key_ms=M idle_wakeups=N idle_seconds=S rss_mb=M poll_ms=M

launch    from respawn-pane (the program started afresh in the pane) to the
          last byte of its first screen: its output then stops for --quiet
          seconds (0.1) and the pane shows REGEX.  The median of --launches;
          before each, the last one is ended (SIGTERM) and waited for, and
          --reset runs (e.g. to remove a lock file the program leaves).
key       from send-keys to the last byte of the screen's answer, which must
          change the screen: the median of --presses presses, taking the
          keys of --keys in turn (a pair that undo each other keeps the
          screen where it was).
idle      context switches of all the program's threads (voluntary and not,
          /proc/PID/task/*/status) over --idle seconds with no input: each
          wake-up of a sleeping program is one.
rss       VmHWM of /proc/PID/status at the end: the peak resident memory.
poll      what one capture of the screen costs.

tmux is driven through one control-mode client (tmux -C): the pane's output
arrives as %output notifications the moment tmux reads it, so the figures
need no polling; their resolution is tmux's forwarding, well under a
millisecond.
"""
import argparse
import glob
import os
import re
import select
import shlex
import signal
import statistics
import subprocess
import sys
import time


class Tmux:
    """A private tmux server with one session `b`, and a control client."""

    def __init__(self, socket, cols, rows):
        self.socket = socket
        self.run("-f", "/dev/null", "new-session", "-d", "-x", str(cols), "-y", str(rows),
                 "-s", "b", "sleep 3600")
        self.run("set-option", "-g", "window-size", "manual")
        self.run("set-option", "-g", "remain-on-exit", "on")
        self.ctl = subprocess.Popen(["tmux", "-L", socket, "-C", "attach", "-t", "b"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.out = self.ctl.stdout
        self.buf = b""
        self.outputs = 0  # %output notifications seen: the pane was written to
        # The attach answers with a block of its own: skip blocks until ours.
        token = b"sync-%d" % os.getpid()
        self.ctl.stdin.write(b"display-message -p " + token + b"\n")
        while self._block() != [token]:
            pass

    def run(self, *args):
        subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                       stdout=subprocess.DEVNULL)

    def _line(self, timeout=None):
        while b"\n" not in self.buf:
            if timeout is not None:
                ready, _, _ = select.select([self.out], [], [], timeout)
                if not ready:
                    return None
            chunk = os.read(self.out.fileno(), 65536)
            if not chunk:
                raise RuntimeError("the tmux control client ended")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line

    def _note(self, line):
        if line.startswith(b"%output"):
            self.outputs += 1

    def cmd(self, command):
        """Runs a tmux command; returns its output lines (bytes)."""
        self.ctl.stdin.write(command.encode() + b"\n")
        return self._block(command)

    def _block(self, command=""):
        """The next reply block's lines, skipping notifications."""
        lines, inside = [], False
        while True:
            line = self._line()
            if not inside:
                if line.startswith(b"%begin"):
                    inside = True
                else:
                    self._note(line)
                continue
            if line.startswith(b"%end") or line.startswith(b"%error"):
                if line.startswith(b"%error"):
                    raise RuntimeError("tmux: %s failed: %r" % (command, lines))
                return lines
            lines.append(line)

    def screen(self):
        return b"\n".join(self.cmd("capture-pane -p -t b"))

    def quiet(self, seconds, limit=10.0):
        """Waits until the pane has had no output for `seconds`."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            line = self._line(timeout=seconds)
            if line is None:
                return
            self._note(line)

    def close(self):
        try:
            self.ctl.stdin.close()
            self.ctl.wait(timeout=5)
        finally:
            subprocess.run(["tmux", "-L", self.socket, "kill-server"],
                           stderr=subprocess.DEVNULL)


def settle(t, t0, quiet, deadline):
    """Waits for the pane's output to start, then to stop for `quiet`
    seconds; returns the milliseconds from t0 to its last output."""
    last = None
    while True:
        left = deadline - (time.perf_counter() - t0)
        if left <= 0:
            raise RuntimeError("no output within %g s" % deadline)
        line = t._line(timeout=quiet if last is not None else left)
        if line is None:
            return (last - t0) * 1000
        if line.startswith(b"%output"):
            last = time.perf_counter()


def stop(t, reset):
    """Ends the pane's program (SIGTERM) and waits until it is gone, so the
    next one starts alone (a second planner would open read-only); then runs
    the shell command `reset`, if any.  Not timed."""
    if t.cmd("display-message -p -t b '#{pane_dead}'") != [b"1"]:
        pid = int(t.cmd("display-message -p -t b '#{pane_pid}'")[0])
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        end = time.monotonic() + 10
        while t.cmd("display-message -p -t b '#{pane_dead}'") != [b"1"]:
            if time.monotonic() > end:
                raise RuntimeError("the program did not end on SIGTERM")
            time.sleep(0.01)
    if reset:
        subprocess.run(reset, shell=True, check=True)
    t.quiet(0.05)


def launch(t, cmd, pattern, quiet, deadline=10.0):
    """Milliseconds from respawning the program to the last byte of its first
    screen (the output stops for `quiet` seconds and the pane shows
    `pattern`)."""
    t0 = time.perf_counter()
    t.cmd("respawn-pane -k -t b " + shlex.quote("exec " + cmd))
    while True:
        # A program may fall silent before its screen (reading its data).
        ms = settle(t, t0, quiet, deadline)
        if pattern.search(t.screen()):
            return ms
        if t.cmd("display-message -p -t b '#{pane_dead}'") == [b"1"]:
            raise RuntimeError("%r ended before it showed %r: %r"
                               % (cmd, pattern.pattern, t.screen()))


def press(t, key, quiet, deadline=5.0):
    """Milliseconds from sending a key to the last byte of the screen's
    answer (the output stops for `quiet` seconds); the screen must change."""
    before = t.screen()
    t0 = time.perf_counter()
    t.cmd("send-keys -t b " + key)
    ms = settle(t, t0, quiet, deadline)
    if t.screen() == before:
        raise RuntimeError("key %s changed nothing on the screen" % key)
    return ms


def switches(pid):
    n = 0
    for status in glob.glob("/proc/%d/task/*/status" % pid):
        with open(status) as f:
            for line in f:
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    n += int(line.split()[1])
    return n


def peak_rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--socket", required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--text", required=True)
    ap.add_argument("--keys", required=True)
    ap.add_argument("--launches", type=int, default=7)
    ap.add_argument("--presses", type=int, default=20)
    ap.add_argument("--idle", type=float, default=60)
    ap.add_argument("--size", default="200x50")
    ap.add_argument("--quiet", type=float, default=0.1)
    ap.add_argument("--reset", default="")
    o = ap.parse_args()
    cols, rows = (int(v) for v in o.size.split("x"))
    pattern = re.compile(o.text.encode())
    keys = o.keys.split()
    # A server of its own: one of an earlier run may still be going away.
    t = Tmux("%s-%d" % (o.socket, os.getpid()), cols, rows)
    try:
        launches = []
        for _ in range(o.launches):
            stop(t, o.reset)
            launches.append(launch(t, o.cmd, pattern, o.quiet))
        pid = int(t.cmd("display-message -p -t b '#{pane_pid}'")[0])
        presses = [press(t, keys[i % len(keys)], o.quiet) for i in range(o.presses)]
        t.quiet(1.0)
        polls = time.perf_counter()
        for _ in range(20):
            t.screen()
        poll_ms = (time.perf_counter() - polls) * 1000 / 20
        before = switches(pid)
        time.sleep(o.idle)
        woke = switches(pid) - before
        rss = peak_rss_mb(pid)
    finally:
        t.close()
    print("launch_ms=%.2f key_ms=%.2f idle_wakeups=%d idle_seconds=%g rss_mb=%.1f poll_ms=%.2f"
          % (statistics.median(launches), statistics.median(presses), woke, o.idle, rss,
             poll_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
