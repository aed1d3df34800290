"""Content-addressed file store beside the database: ``files/sha256/ab/abcdef...``.

Files are immutable once written; writing the same bytes twice stores them once. Every write goes to a
temporary file in the same folder, is flushed to disk, and then atomically renamed into place, so a crash
leaves either the whole file or nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from app.core.library.errors import LibraryError

_HEX = frozenset("0123456789abcdef")
REF_PREFIX = "sha256:"  # how a spec names a file of the store: "sha256:<hex>", the same on every machine


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


def ref_sha(value: object) -> str | None:
    """The digest a ``sha256:<hex>`` reference names (None for anything else, e.g. a file path)."""
    if isinstance(value, str) and value.startswith(REF_PREFIX) and is_sha256(value[len(REF_PREFIX):]):
        return value[len(REF_PREFIX):]
    return None


def stored_path_sha(path: str) -> str | None:
    """The digest of a path shaped like a file of *a* store (``.../sha256/ab/abcdef...``), else None.

    Items hand out their files as paths of this machine's store; writing one back turns the path into the
    portable reference again, without having to know which library folder it came from.
    """
    parts = Path(path).parts
    if len(parts) >= 3 and parts[-3] == "sha256" and is_sha256(parts[-1]) and parts[-2] == parts[-1][:2]:
        return parts[-1]
    return None


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root / "sha256"

    def path_of(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise LibraryError(f"{sha256!r} is not a sha256 hex digest")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        """Store ``data``; returns ``(sha256, size)``. A no-op when the same content is already stored."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if not target.is_file():
            self._write_atomically(target, data)
        return digest, len(data)

    def put_file(self, source: Path) -> tuple[str, int]:
        return self.put_bytes(Path(source).read_bytes())

    def read_bytes(self, sha256: str) -> bytes:
        path = self.path_of(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise LibraryError(f"file {sha256[:12]}… is missing from the library's file store ({path})") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise LibraryError(f"file {sha256[:12]}… in the library's file store is damaged ({path})")
        return data

    def remove(self, sha256: str) -> None:
        self.path_of(sha256).unlink(missing_ok=True)

    @staticmethod
    def _write_atomically(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
