#!/usr/bin/env python3
"""Throw-away SMTP sink for Nolan's tests.

Accepts every message (no auth) and writes each one as an .eml file into DIR.
File names are '<6-digit counter>-<uuid>.eml', so sorting by name gives arrival
order. Each file is written to a temporary name and renamed, so a reader never
sees a half-written message. Two headers are prepended with the SMTP envelope
(which the message headers may not show, e.g. for Bcc):
    X-Envelope-From: <mail from>
    X-Envelope-To: <rcpt 1>, <rcpt 2>, ...

Usage: smtp-sink.py DIR [--host 127.0.0.1] [--port 0] [--port-file FILE]
With --port 0 (the default) a free port is picked. When the server is ready its
port is printed on stdout (alone on a line) and written to --port-file if given.
Stops cleanly on SIGTERM or SIGINT.
"""

import argparse
import itertools
import os
import signal
import socket
import sys
import threading
import uuid

from aiosmtpd.controller import Controller


class SinkHandler:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = next(self.counter)
        name = f"{n:06d}-{uuid.uuid4().hex}.eml"
        header = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode("utf-8")
        content = envelope.original_content or b""
        tmp = os.path.join(self.directory, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(header)
            f.write(content)
        os.replace(tmp, os.path.join(self.directory, name))
        return "250 Message accepted for delivery"


def free_port(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description="SMTP sink writing .eml files")
    parser.add_argument("directory")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    args = parser.parse_args()

    os.makedirs(args.directory, exist_ok=True)
    handler = SinkHandler(args.directory)

    controller = None
    last_error = None
    for _ in range(20 if args.port == 0 else 1):
        port = args.port or free_port(args.host)
        candidate = Controller(
            handler,
            hostname=args.host,
            port=port,
            enable_SMTPUTF8=True,
            data_size_limit=64 * 1024 * 1024,
            ready_timeout=10,
        )
        try:
            candidate.start()
            controller = candidate
            break
        except Exception as e:  # port taken in between: try another one
            last_error = e
    if controller is None:
        print(f"smtp-sink: could not start: {last_error}", file=sys.stderr)
        return 1

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    print(port, flush=True)

    try:
        while not stop.wait(1):
            pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
