"""Runs tasks/_nbrun.py with one real fault on the iopub wire.

The first message with a frame containing CORRUPT_ME gets those bytes changed after the
kernel signed them, as when two kernel writes interleave on the socket; jupyter_client's
own HMAC check then rejects it inside the runner's router.

Usage: _iopub_fault.py RUNNER [RUNNER ARGS ...]
"""

import runpy
import sys

from jupyter_client.channels import ZMQSocketChannel

MARK = b"CORRUPT_ME"


async def recv_with_fault(self, **kwargs):
    frames = await self.socket.recv_multipart(**kwargs)
    for i, frame in enumerate(frames):
        if MARK in frame:
            frames[i] = frame.replace(MARK, MARK.lower())
            break
    _, signed = self.session.feed_identities(frames)
    return self.session.deserialize(signed)


ZMQSocketChannel._recv = recv_with_fault
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
