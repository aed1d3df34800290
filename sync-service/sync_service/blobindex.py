"""Which of a user's blobs the store has, answered with few store calls.

Blobs are content-addressed and never change, so "present" is cached (bounded, least recently used first out);
"missing" is never cached. A large question is answered by listing the user's blobs once (a thousand keys per
call on S3) instead of one HEAD per blob; a small one by HEADs, eight in flight.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from . import keys
from .storage import ObjectStore

LIST_THRESHOLD = 32  # from this many unknown blobs on, one listing is cheaper than HEADs
HEADS_IN_FLIGHT = 8


class BlobIndex:
    def __init__(self, store: ObjectStore, max_entries: int = 200_000) -> None:
        self.store = store
        self.max_entries = max_entries
        self._present: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=HEADS_IN_FLIGHT, thread_name_prefix="blob-head")

    def note(self, uid: str, sha: str) -> None:
        with self._lock:
            self._present[(uid, sha)] = None
            self._present.move_to_end((uid, sha))
            while len(self._present) > self.max_entries:
                self._present.popitem(last=False)

    def missing(self, uid: str, shas: Iterable[str]) -> set[str]:
        """The blobs of ``shas`` the store does not have."""
        with self._lock:
            unknown = sorted({s for s in shas if (uid, s) not in self._present})
        if not unknown:
            return set()
        if len(unknown) >= LIST_THRESHOLD:
            prefix = keys.blob_key(uid, "0" * 64).rsplit("/", 1)[0] + "/"
            stored = {k.rsplit("/", 1)[1] for k in self.store.list(prefix)}
            present = [s for s in unknown if s in stored]
        else:
            sizes = list(self._pool.map(lambda s: self.store.size(keys.blob_key(uid, s)), unknown))
            present = [s for s, size in zip(unknown, sizes, strict=True) if size is not None]
        for sha in present:
            self.note(uid, sha)
        return set(unknown) - set(present)
