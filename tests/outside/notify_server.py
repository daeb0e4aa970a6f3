#!/usr/bin/env python3
"""A notification server for tests/outside/remind_notify_send.sh.

    notify_server.py LOG READY

Owns org.freedesktop.Notifications on the session bus
(DBUS_SESSION_BUS_ADDRESS), appends each Notify call to LOG as one JSON
line (app_name, summary, body), creates READY once it owns the name, and
exits on SIGTERM.  Needs python3-dbus-next.
"""
import asyncio
import json
import os
import signal
import sys

from dbus_next import RequestNameReply
from dbus_next.aio import MessageBus
from dbus_next.service import ServiceInterface, method

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Notifications(ServiceInterface):
    def __init__(self, log):
        super().__init__(NAME)
        self.log = log
        self.last = 0

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s",
               body: "s", actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":
        line = json.dumps({"app_name": app_name, "summary": summary, "body": body},
                          ensure_ascii=False)
        with open(self.log, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        self.last += 1
        return self.last

    @method()
    def GetCapabilities(self) -> "as":
        return ["body", "body-markup"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["focusweek-test", "focusweek", "1", "1.2"]

    @method()
    def CloseNotification(self, id: "u"):
        pass


async def main(log, ready):
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    bus = await MessageBus().connect()
    bus.export(PATH, Notifications(log))
    reply = await bus.request_name(NAME)
    if reply != RequestNameReply.PRIMARY_OWNER:
        print(f"notify_server: could not own {NAME}: {reply}", file=sys.stderr)
        return 1
    with open(ready + ".tmp", "w") as f:
        f.write(f"{os.getpid()}\n")
    os.rename(ready + ".tmp", ready)
    await stop.wait()
    bus.disconnect()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: notify_server.py LOG READY")
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2])))
