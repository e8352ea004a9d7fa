"""Runs tasks/_nbrun.py with one real fault injected.

Usage: _faults.py FAULT RUNNER [RUNNER ARGS ...]

  iopub  The first iopub message with a frame containing CORRUPT_ME gets those bytes
         changed after the kernel signed them, as when two kernel writes interleave on
         the socket; jupyter_client's own HMAC check rejects it in the runner's router.
  port   The first kernel gets a shell port this process already listens on, as when
         another process takes it first; the Deno kernel exits with AddrInUse.
"""

import runpy
import socket
import sys

from jupyter_client.channels import ZMQSocketChannel
from jupyter_client.connect import LocalPortCache

MARK = b"CORRUPT_ME"


async def recv_with_fault(self, **kwargs):
    frames = await self.socket.recv_multipart(**kwargs)
    for i, frame in enumerate(frames):
        if MARK in frame:
            frames[i] = frame.replace(MARK, MARK.lower())
            break
    _, signed = self.session.feed_identities(frames)
    return self.session.deserialize(signed)


def take_first_port():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    find = LocalPortCache.find_available_port
    calls = []

    def find_available_port(self, ip):
        calls.append(ip)
        return taken.getsockname()[1] if len(calls) == 1 else find(self, ip)

    LocalPortCache.find_available_port = find_available_port
    return taken


fault = sys.argv[1]
if fault == "iopub":
    ZMQSocketChannel._recv = recv_with_fault
elif fault == "port":
    held = take_first_port()
else:
    sys.exit(f"Cannot inject fault: unknown fault {fault!r} (iopub or port)")
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
