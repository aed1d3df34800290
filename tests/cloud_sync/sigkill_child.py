"""Child process for the SIGKILL test: syncs a library and freezes right after the server answered the
N-th request whose path starts with PATH (before the client has recorded the answer), so the parent can kill it there.

Usage: python sigkill_child.py FOLDER URL PATH N   (token in $QRDESK_SYNC_TOKEN, never on the command line)
"""

from __future__ import annotations

import os
import sys
import time

import httpx

from app.core.library import Library
from cloud_sync.client import SyncClient
from cloud_sync.engine import SyncEngine


class FreezeAfter(httpx.HTTPTransport):
    def __init__(self, path: str, n: int) -> None:
        super().__init__()
        self.path, self.n, self.seen = path, n, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.startswith(self.path):
            self.seen += 1
            if self.seen == self.n:
                response.read()
                print("frozen", flush=True)
                while True:  # wait for SIGKILL
                    time.sleep(1)
        return response


def main() -> None:
    folder, url, path, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    lib = Library.open(folder)
    client = SyncClient(url, os.environ["QRDESK_SYNC_TOKEN"], transport=FreezeAfter(path, n))
    # One transfer at a time, so "the N-th blob request" is a well-defined point.
    SyncEngine(lib, client, push_batch=10, pull_page=10, transfers=1).sync()
    print("finished", flush=True)


if __name__ == "__main__":
    main()
