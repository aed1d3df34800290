"""Moving file bytes between the library's file store and the server's blob store, several at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from app.core.library import FileStore
from cloud_sync.client import SyncClient
from cloud_sync.errors import ProtocolError
from cloud_sync.report import SyncReport

ASK_FIRST_BYTES = 256 * 1024  # blobs above this size are uploaded only after a HEAD says they are missing
TRANSFERS = 4  # blob uploads/downloads in flight at once (each is one small request; latency dominates)

T = TypeVar("T")


class BlobTransfer:
    """Uploads and downloads of one engine; remembers what it uploaded so a blob is sent once per engine."""

    def __init__(self, files: FileStore, client: SyncClient, transfers: int = TRANSFERS) -> None:
        self.files = files
        self.client = client
        self.transfers = max(1, transfers)
        self._uploaded: set[str] = set()

    def upload(self, files: Iterable[dict[str, Any]], report: SyncReport) -> None:
        """Make sure the server has these files (``{"sha256", "size", ...}`` entries of records)."""
        sizes = {str(f["sha256"]): int(f["size"]) for f in files}
        wanted = sorted(set(sizes) - self._uploaded)

        def one(sha: str) -> bool:
            # Storing a blob the server has is a no-op there, so a small one is sent without asking first:
            # one round trip instead of two. A big one is only sent when the server lacks it.
            if sizes[sha] > ASK_FIRST_BYTES and self.client.has_blob(sha):
                return False
            self.client.put_blob(sha, self.files.read_bytes(sha))
            return True

        for sha, uploaded in zip(wanted, self._parallel(one, wanted), strict=True):
            self._uploaded.add(sha)
            report.blobs_up += int(uploaded)

    def upload_again(self, sha: str, report: SyncReport) -> None:
        """Send a blob the server says it is missing, even if this engine uploaded it before."""
        self.client.put_blob(sha, self.files.read_bytes(sha))
        self._uploaded.add(sha)
        report.blobs_up += 1

    def download(self, files: Iterable[dict[str, Any]], report: SyncReport) -> None:
        """Fetch the files the library's store lacks; a blob whose bytes do not match its hash is refused."""
        wanted = sorted({str(f["sha256"]) for f in files if not self.files.has(str(f["sha256"]))})

        def one(sha: str) -> None:
            stored, _size = self.files.put_bytes(self.client.get_blob(sha))
            if stored != sha:
                self.files.remove(stored)
                raise ProtocolError(f"blob {sha[:12]}… from the server does not match its hash")

        self._parallel(one, wanted)
        report.blobs_down += len(wanted)

    def _parallel(self, fn: Callable[[str], T], items: list[str]) -> list[T]:
        """``fn`` over ``items`` with up to ``transfers`` in flight; the first error is raised after all end."""
        if len(items) <= 1 or self.transfers == 1:
            return [fn(x) for x in items]
        with ThreadPoolExecutor(max_workers=self.transfers) as pool:
            futures = [pool.submit(fn, x) for x in items]
        return [f.result() for f in futures]
