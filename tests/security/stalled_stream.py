#!/usr/bin/env python3
"""A phone that stops reading its live stream, for lan_attack.mjs.

Opens GET /api/events?key=KEY on 127.0.0.1:PORT from the address FROM with a small receive
buffer, reads until the first `data:` event, then reads nothing for PAUSE seconds, and then
reads again for at most 5 s. Prints one JSON line after the first event and one at the end:
{"event": "done", "outcome": "eof" | "reset" | "open", ...}; "eof" or "reset" means the kiosk
closed the stream while it was not being read.

Python rather than node: node cannot set a socket's receive buffer, and with the kernel's
default (which grows to megabytes on loopback) the kiosk's writes would keep completing into
it for a long time, so the stall the kiosk must detect would come late or not at all.
Usage: stalled_stream.py PORT FROM KEY PAUSE_SECONDS
"""
import json
import socket
import sys
import time


def say(**fields):
    print(json.dumps(fields), flush=True)


def main():
    port, source, key, pause = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Before connect: the window offered to the kiosk is then small from the start.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.bind((source, 0))
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    sock.sendall(f"GET /api/events?key={key} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                 "Accept: text/event-stream\r\n\r\n".encode())
    received = b""
    started = time.monotonic()
    try:
        # The head, "retry: …", then the first state: "data: {…}\n\n".
        while True:
            at = received.find(b"\ndata: ")
            if at >= 0 and received.find(b"\n\n", at + 1) >= 0:
                break
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    except (socket.timeout, OSError):
        pass
    status_line = received.split(b"\r\n", 1)[0].decode("latin-1")
    first = received.find(b"\ndata: ") >= 0
    say(event="first", ok=first, status=status_line, bytes=len(received),
        rcvbuf=sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF),
        seconds=round(time.monotonic() - started, 3))
    if not first:
        sock.close()
        say(event="done", outcome="no-first-event", bytes_after=0, read_seconds=0)
        return

    time.sleep(pause)  # not reading: this socket's buffer fills, then the kiosk's send buffer

    outcome, after, began = "open", 0, time.monotonic()
    sock.settimeout(0.5)
    while time.monotonic() - began < 5:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except ConnectionResetError:
            outcome = "reset"
            break
        except OSError as error:
            outcome = "error " + str(error)
            break
        if not chunk:
            outcome = "eof"
            break
        after += len(chunk)
    sock.close()
    say(event="done", outcome=outcome, bytes_after=after, read_seconds=round(time.monotonic() - began, 3))


if __name__ == "__main__":
    main()
