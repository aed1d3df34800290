"""Blob frames: many blobs in one HTTP body, the body of ``POST /v1/blobs/pack`` and the answer to
``POST /v1/blobs/fetch`` (docs/sync-protocol.md, "Packs").

A body is a sequence of frames, each a header line ``{sha256 hex} {size}\\n`` and then exactly ``size`` bytes.
Both sides check every blob against its hash, so a frame cannot smuggle other content under a name. Part of the
wire protocol (the service ships it): plain Python, nothing from ``app``.
"""

from __future__ import annotations

import re

HEADER = re.compile(rb"([0-9a-f]{64}) (0|[1-9][0-9]{0,11})\n")
MAX_HEADER = 64 + 1 + 12 + 1


class FrameError(ValueError):
    """The body is not a sequence of well-formed frames (the message says where and why)."""


def header(sha256: str, size: int) -> bytes:
    return f"{sha256} {size}\n".encode("ascii")


class FrameReader:
    """Cuts a body that arrives in chunks into ``(sha256, bytes)`` frames; a blob larger than ``max_size`` is
    refused before it is read, so memory holds at most one blob and one chunk."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self.count = 0
        self._buf = bytearray()
        self._want: tuple[str, int] | None = None

    def feed(self, chunk: bytes) -> list[tuple[str, bytes]]:
        """The frames completed by ``chunk``."""
        self._buf += chunk
        done: list[tuple[str, bytes]] = []
        while True:
            if self._want is None:
                end = self._buf.find(b"\n", 0, MAX_HEADER)
                if end < 0:
                    if len(self._buf) >= MAX_HEADER:
                        raise FrameError(f"frame {self.count + 1}: the header is not '<sha256> <size>'")
                    return done
                match = HEADER.fullmatch(bytes(self._buf[:end + 1]))
                if match is None:
                    raise FrameError(f"frame {self.count + 1}: the header is not '<sha256> <size>'")
                size = int(match.group(2))
                if size > self.max_size:
                    raise FrameError(f"frame {self.count + 1}: a blob of {size} bytes is over the limit of "
                                     f"{self.max_size}")
                self._want = (match.group(1).decode("ascii"), size)
                del self._buf[:end + 1]
            sha, size = self._want
            if len(self._buf) < size:
                return done
            done.append((sha, bytes(self._buf[:size])))
            del self._buf[:size]
            self._want = None
            self.count += 1

    def close(self) -> None:
        """The body ended: raises when it ended inside a frame."""
        if self._want is not None or self._buf:
            raise FrameError(f"frame {self.count + 1}: the body ends inside it")
