"""Opaque, signed change-feed cursors.

A cursor names the library, its epoch and the last seq the client has seen. It is signed so a client cannot
forge a position in another library; a cursor from another library/epoch, or past the head (the server was
reset), answers 410 and the client resyncs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json


class BadCursor(ValueError):
    """Not a cursor this service signed."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(key: bytes, library_id: str, epoch: int, seq: int) -> str:
    body = _b64(json.dumps({"l": library_id, "e": epoch, "s": seq}, separators=(",", ":")).encode())
    sig = _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())
    return f"{body}.{sig}"


def decode(key: bytes, cursor: str) -> tuple[str, int, int]:
    try:
        body, sig = cursor.split(".", 1)
        expected = _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(sig, expected):
            raise BadCursor("cursor signature does not match")
        data = json.loads(_unb64(body))
        lib, epoch, seq = data["l"], data["e"], data["s"]
        if not isinstance(lib, str) or not isinstance(epoch, int) or not isinstance(seq, int) or seq < 0:
            raise BadCursor("cursor fields are malformed")
        return lib, epoch, seq
    except BadCursor:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as err:
        raise BadCursor("cursor is malformed") from err
