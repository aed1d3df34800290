"""Moving file bytes between the library's file store and the server's blob store, several at a time.

Small blobs (at most ``PACK_BLOB_MAX``, e.g. every rendered PNG) travel many to a request: uploaded as packs
(``POST /v1/blobs/pack``: one store write for the batch) and downloaded by ``POST /v1/blobs/fetch``. Larger ones
go one to a request. Up to ``transfers`` requests are in flight at once. Only what the server lacks is sent (one
``POST /v1/blobs/missing`` per batch), so a rename or a tag change uploads nothing. Every blob is checked against
its hash on arrival. A server without packs (older than this client) is served one blob per request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from app.core.library import FileStore
from cloud_sync.client import SyncClient
from cloud_sync.errors import ProtocolError
from cloud_sync.protocol import PACK_BLOB_MAX, PACK_BLOBS_MAX
from cloud_sync.report import SyncReport

TRANSFERS = 8  # requests in flight at once (each is small; latency dominates)
BUNDLE_BYTES = 4 << 20  # bytes of small blobs per pack or fetch: bounded memory, and work for every transfer
BUNDLE_BLOBS = 100

T = TypeVar("T")


class BlobTransfer:
    """Uploads and downloads of one engine; remembers what the server has so a blob is sent once per engine."""

    def __init__(self, files: FileStore, client: SyncClient, transfers: int = TRANSFERS) -> None:
        self.files = files
        self.client = client
        self.transfers = max(1, transfers)
        self._uploaded: set[str] = set()
        self._packs = True  # until the server says it has no pack endpoints

    def upload(self, files: Iterable[dict[str, Any]], report: SyncReport) -> None:
        """Make sure the server has these files (``{"sha256", "size", ...}`` entries of records): one call asks
        which of them it lacks (so a rename or a tag change uploads nothing), then only those are sent."""
        sizes = {str(f["sha256"]): int(f["size"]) for f in files}
        wanted = sorted(set(sizes) - self._uploaded)
        if not wanted:
            return
        missing = self.client.missing_blobs(wanted)
        self._uploaded.update(set(wanted) - missing)
        self.upload_again({sha: size for sha, size in sizes.items() if sha in missing}, report)

    def upload_again(self, sizes: dict[str, int], report: SyncReport) -> None:
        """Send these blobs (sha256 → size), even if this engine believed the server had them."""
        small, large = _split(sizes)
        bundles = _bundles(small, sizes) if self._packs else []

        def send(job: list[str]) -> None:
            if len(job) == 1 and job[0] in large:
                self.client.put_blob(job[0], self.files.read_bytes(job[0]))
                return
            blobs = [(sha, self.files.read_bytes(sha)) for sha in job]
            try:
                self.client.put_pack(blobs)
            except ProtocolError as err:
                if err.status != 413:
                    raise
                for sha, data in blobs:  # a server set to take smaller bodies than a pack: one blob at a time
                    self.client.put_blob(sha, data)

        try:
            self._parallel(send, [*bundles, *([sha] for sha in large)])
        except ProtocolError as err:
            if err.status not in (404, 405) or not self._packs:
                raise
            self._packs = False  # an older server: one blob per request
            self._parallel(lambda sha: self.client.put_blob(sha, self.files.read_bytes(sha)), sorted(sizes))
        self._uploaded.update(sizes)
        report.blobs_up += len(sizes)

    def download(self, files: Iterable[dict[str, Any]], report: SyncReport) -> None:
        """Fetch the files the library's store lacks; a blob whose bytes do not match its hash is refused."""
        sizes = {str(f["sha256"]): int(f["size"]) for f in files if not self.files.has(str(f["sha256"]))}
        if not sizes:
            return
        small, large = _split(sizes)
        bundles = _bundles(small, sizes) if self._packs else [[sha] for sha in small]

        def fetch(job: list[str]) -> None:
            if len(job) == 1 and (job[0] in large or not self._packs):
                self._keep(job[0], self.client.get_blob(job[0]))
                return
            got = dict(self.client.fetch_blobs(job, PACK_BLOB_MAX))
            for sha in job:
                if sha not in got:
                    raise ProtocolError(f"blob {sha[:12]}… is missing on the server")
                self._keep(sha, got[sha])

        try:
            self._parallel(fetch, [*bundles, *([sha] for sha in large)])
        except ProtocolError as err:
            if err.status not in (404, 405) or not self._packs:
                raise
            self._packs = False
            self._parallel(lambda sha: self._keep(sha, self.client.get_blob(sha)),
                           [sha for sha in sorted(sizes) if not self.files.has(sha)])
        report.blobs_down += len(sizes)

    def _keep(self, sha: str, data: bytes) -> None:
        stored, _size = self.files.put_bytes(data)
        if stored != sha:
            self.files.remove(stored)
            raise ProtocolError(f"blob {sha[:12]}… from the server does not match its hash")

    def _parallel(self, fn: Callable[[T], Any], items: list[T]) -> None:
        """``fn`` over ``items`` with up to ``transfers`` in flight; the first error is raised after all end."""
        if len(items) <= 1 or self.transfers == 1:
            for x in items:
                fn(x)
            return
        with ThreadPoolExecutor(max_workers=self.transfers) as pool:
            futures = [pool.submit(fn, x) for x in items]
        for f in futures:
            f.result()


def _split(sizes: dict[str, int]) -> tuple[list[str], set[str]]:
    """(small blobs that may travel together, in the order given: the order of the records, which keeps a pack's
    blobs together; large ones that go alone)."""
    return [sha for sha, size in sizes.items() if size <= PACK_BLOB_MAX], \
        {sha for sha, size in sizes.items() if size > PACK_BLOB_MAX}


def _bundles(shas: list[str], sizes: dict[str, int]) -> list[list[str]]:
    """Small blobs in bundles of at most ``BUNDLE_BLOBS`` blobs and ``BUNDLE_BYTES`` bytes: few requests and few
    store writes, memory bounded."""
    out: list[list[str]] = []
    size = 0
    for sha in shas:
        if not out or len(out[-1]) >= min(BUNDLE_BLOBS, PACK_BLOBS_MAX) or size + sizes[sha] > BUNDLE_BYTES:
            out.append([])
            size = 0
        out[-1].append(sha)
        size += sizes[sha]
    return out
