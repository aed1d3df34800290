"""Which of a user's blobs the store has, and where, answered with few store calls.

A blob is stored alone (``blobs/sha256/{sha}``) or inside a pack (``blobs/packs/{id}.pack``, see :mod:`.keys`),
whose index object says where each of its blobs is. Blobs are content-addressed and never change, so "present"
and a blob's place in a pack are cached (bounded, least recently used first out); "missing" is never cached. A
large question is answered by listing the user's blobs once (a thousand keys per call on S3) instead of one HEAD
per blob; a small one by HEADs, eight in flight. The packs of a user are found by listing their index objects,
and only the ones not read before are read.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import keys
from .storage import NotFound, ObjectStore

LIST_THRESHOLD = 32  # from this many unknown blobs on, one listing is cheaper than HEADs
HEADS_IN_FLIGHT = 8


@dataclass(frozen=True)
class Packed:
    """Where a blob is inside a pack object."""

    key: str
    offset: int
    size: int


@dataclass
class _UserPacks:
    indexes: set[str] = field(default_factory=set)  # index objects read
    where: dict[str, Packed] = field(default_factory=dict)


class BlobIndex:
    def __init__(self, store: ObjectStore, max_entries: int = 200_000) -> None:
        self.store = store
        self.max_entries = max_entries
        self._present: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._packs: OrderedDict[str, _UserPacks] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=HEADS_IN_FLIGHT, thread_name_prefix="blob-head")

    def note(self, uid: str, sha: str) -> None:
        with self._lock:
            self._present[(uid, sha)] = None
            self._present.move_to_end((uid, sha))
            while len(self._present) > self.max_entries:
                self._present.popitem(last=False)

    def note_pack(self, uid: str, index_key: str, where: dict[str, Packed]) -> None:
        """A pack was stored (its index object is ``index_key``)."""
        with self._lock:
            packs = self._user_packs(uid)
            packs.indexes.add(index_key)
            packs.where.update(where)
            self._trim_packs()

    def missing(self, uid: str, shas: Iterable[str]) -> set[str]:
        """The blobs of ``shas`` the store does not have, alone or in a pack."""
        with self._lock:
            unknown = sorted({s for s in shas if (uid, s) not in self._present})
        unknown = [s for s in unknown if self.packed(uid, s, refresh=False) is None]
        if unknown:
            self._read_packs(uid)
            unknown = [s for s in unknown if self.packed(uid, s, refresh=False) is None]
        if not unknown:
            return set()
        if len(unknown) >= LIST_THRESHOLD:
            stored = {k.rsplit("/", 1)[1] for k in self.store.list(keys.blob_prefix(uid))}
            present = [s for s in unknown if s in stored]
        else:
            sizes = list(self._pool.map(lambda s: self.store.size(keys.blob_key(uid, s)), unknown))
            present = [s for s, size in zip(unknown, sizes, strict=True) if size is not None]
        for sha in present:
            self.note(uid, sha)
        return set(unknown) - set(present)

    def packed(self, uid: str, sha: str, refresh: bool = True) -> Packed | None:
        """Where ``sha`` is in one of the user's packs; None when it is in none (that this index knows of, or,
        with ``refresh``, that the store holds)."""
        with self._lock:
            packs = self._packs.get(uid)
            found = packs.where.get(sha) if packs is not None else None
            if packs is not None:
                self._packs.move_to_end(uid)
        if found is None and refresh:
            self._read_packs(uid)
            return self.packed(uid, sha, refresh=False)
        return found

    def locate(self, uid: str, shas: Iterable[str]) -> dict[str, Packed]:
        """The places of those of ``shas`` that are in a pack (the others are alone, or missing)."""
        shas = list(shas)
        found = {s: p for s in shas if (p := self.packed(uid, s, refresh=False)) is not None}
        if len(found) < len(set(shas)):
            self._read_packs(uid)
            found = {s: p for s in shas if (p := self.packed(uid, s, refresh=False)) is not None}
        return found

    def _read_packs(self, uid: str) -> None:
        """Read the index objects of the user's packs not read yet."""
        with self._lock:
            known = set(self._user_packs(uid).indexes)
        new: dict[str, dict[str, Packed]] = {}
        for key in self.store.list(keys.pack_prefix(uid)):
            if key.endswith(".idx") and key not in known:
                pack = key[: -len(".idx")] + ".pack"
                try:
                    doc = json.loads(self.store.get(key))
                    new[key] = {str(sha): Packed(pack, int(offset), int(size)) for sha, offset, size in doc["blobs"]}
                except (NotFound, ValueError, KeyError, TypeError):
                    continue  # unreadable: its blobs count as missing, and the client sends them again
        with self._lock:
            packs = self._user_packs(uid)
            for key, where in new.items():
                packs.indexes.add(key)
                packs.where.update(where)
            self._trim_packs()

    def _user_packs(self, uid: str) -> _UserPacks:
        packs = self._packs.get(uid)
        if packs is None:
            packs = self._packs[uid] = _UserPacks()
        self._packs.move_to_end(uid)
        return packs

    def _trim_packs(self) -> None:
        # Bounded like the "present" cache: the users used least recently are forgotten (read again on need).
        while len(self._packs) > 1 and sum(len(p.where) for p in self._packs.values()) > self.max_entries:
            self._packs.popitem(last=False)
