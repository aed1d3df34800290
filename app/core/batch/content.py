"""What a column holds, judged from its cells: URLs, e-mail addresses, phone numbers, ready-made payloads…

The mapping uses this where headers say nothing (no header row, or a header that names no field): the
column of URLs is the payload, the column of e-mail addresses feeds the e-mail field. It also tells a
header row from data (a first cell "Website" above a column of URLs).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# Kinds of cell content, with the words the dry run and error messages use for them.
DESCRIPTIONS = {
    "url": "URLs", "email": "e-mail addresses", "phone": "phone numbers", "payload": "ready-made QR payloads",
    "number": "numbers", "date": "dates", "colour": "colours", "ecc": "error correction levels",
    "image": "image file names", "text": "text", "blank": "nothing",
}
STRUCTURED = ("url", "email", "phone", "payload")  # content that is clearly "the thing to encode"

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)[^\s]+$", re.IGNORECASE)
_EMAIL = re.compile(r"^(?:mailto:)?[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[a-z]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^(?:tel:)?\+?[\d\s().\-/]+$", re.IGNORECASE)
_PAYLOAD = re.compile(r"^(?:WIFI:|BEGIN:VCARD|MECARD:|geo:|SMSTO:|sms:|tel:|mailto:|MATMSG:|BEGIN:VEVENT)",
                      re.IGNORECASE)
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?%?$")
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_COLOUR = re.compile(r"^(?:#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})|rgba?\([\d\s.,%]+\))$", re.IGNORECASE)
_ECC = re.compile(r"^(?:[LMQH]|low|medium|quartile|high|7\s*%|15\s*%|25\s*%|30\s*%)$", re.IGNORECASE)
_IMAGE = re.compile(r"\.(?:png|jpe?g|svg|gif|webp|bmp)$", re.IGNORECASE)


def classify(cell: str) -> str:
    """The kind of one cell's content (see :data:`DESCRIPTIONS`)."""
    value = cell.strip()
    if not value:
        return "blank"
    if _PAYLOAD.match(value):
        return "payload"
    if _EMAIL.match(value):
        return "email"
    if _URL.match(value):
        return "url"
    if _COLOUR.match(value):
        return "colour"
    if _DATE.match(value):
        return "date"
    if _NUMBER.match(value):
        return "number"
    digits = sum(ch.isdigit() for ch in value)
    if _PHONE.match(value) and 6 <= digits <= 15 and (value[0] == "+" or value.lower().startswith("tel:")
                                                     or any(ch in value for ch in " -/().")):
        return "phone"
    if _ECC.match(value):
        return "ecc"
    if _IMAGE.search(value) and "\n" not in value:
        return "image"
    return "text"


def profile(cells: Iterable[str], sample: int = 200) -> tuple[str, float]:
    """The column's main content kind and the share of non-blank cells that have it."""
    counts: Counter[str] = Counter()
    for n, cell in enumerate(cells):
        if n >= sample:
            break
        kind = classify(cell)
        if kind != "blank":
            counts[kind] += 1
    if not counts:
        return "blank", 1.0
    total = sum(counts.values())
    if "number" in counts and "phone" in counts:  # 4917012345678 next to +49 170 …: all phone numbers
        counts["phone"] += counts.pop("number")
    kind, count = counts.most_common(1)[0]
    return kind, count / total


def describe(kind: str) -> str:
    return DESCRIPTIONS.get(kind, kind)
