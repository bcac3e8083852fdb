#!/usr/bin/env python3
"""A stand-in for systemd's notify socket: binds SOCKET (a unix datagram socket) and writes
each message it receives to OUT as "<monotonic ms> <message with newlines as |>", until killed."""
import os
import socket
import sys
import time

path, out = sys.argv[1], sys.argv[2]
listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
listener.bind(path)
os.chmod(path, 0o777)  # the kiosk may run as another user (the package's test)
with open(out, "a", buffering=1) as log:
    log.write("listening\n")
    while True:
        message = listener.recv(4096).decode(errors="replace")
        log.write(f"{int(time.monotonic() * 1000)} {message.replace(chr(10), '|')}\n")
