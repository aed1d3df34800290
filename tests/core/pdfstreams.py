"""Test helper: the decoded content of every stream in a PDF (reportlab writes ASCII85 over Flate)."""

from __future__ import annotations

import base64
import re
import zlib


def content_streams(pdf: bytes) -> bytes:
    out = b""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\n?endstream", pdf, re.S):
        raw = match.group(1)
        if raw.rstrip().endswith(b"~>"):
            raw = base64.a85decode(raw.rstrip()[:-2])
        try:
            out += zlib.decompress(raw)
        except zlib.error:
            out += raw
    return out
