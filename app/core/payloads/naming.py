"""Names for library items, from what a payload means: the host and path of a URL, a Wi-Fi network's name,
a contact's full name, an event's title. A name is shown in the library grid, in window titles and in file
names, so it never holds a secret field (a Wi-Fi password), a URL's query (tokens live there) or its user info.

Each kind's function is registered with the kind in :mod:`.registry`; :func:`item_name` is what the library,
the CLI and the batch call.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

MAX_NAME = 80


def _one_line(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, limit: int = MAX_NAME) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _get(fields: Mapping[str, str], name: str) -> str:
    return _one_line(str(fields.get(name) or ""))


def text_name(fields: Mapping[str, str]) -> str:
    """The first line that has something on it."""
    for line in str(fields.get("text") or "").splitlines():
        if line.strip():
            return _one_line(line)
    return ""


def url_name(fields: Mapping[str, str]) -> str:
    """``host/path`` without scheme, user info, query or fragment (``cafe.example/menu``)."""
    raw = _get(fields, "url")
    if not raw:
        return ""
    try:
        parts = urlsplit(raw if "://" in raw else "//" + raw)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # an unclosed IPv6 bracket or a bad port: name it by what comes before the query
        return raw.split("?")[0].split("#")[0].split("@")[-1]
    if not host and parts.scheme:  # an opaque link such as "otpauth:..." or "spotify:track:..."
        return f"{parts.scheme}:{parts.path.split('?')[0]}" if parts.path else parts.scheme
    where = host + (f":{port}" if port else "")
    path = parts.path.rstrip("/")
    return where + path


def wifi_name(fields: Mapping[str, str]) -> str:
    ssid = _get(fields, "ssid")
    return f"Wi-Fi {ssid}" if ssid else ""


def contact_name(fields: Mapping[str, str]) -> str:
    """First and last name, else the organisation or the e-mail address."""
    full = " ".join(p for p in (_get(fields, "first_name"), _get(fields, "last_name")) if p)
    return full or _get(fields, "org") or _get(fields, "email")


def email_name(fields: Mapping[str, str]) -> str:
    return _get(fields, "email")


def sms_name(fields: Mapping[str, str]) -> str:
    number = _get(fields, "number")
    return f"SMS {number}" if number else ""


def phone_name(fields: Mapping[str, str]) -> str:
    number = _get(fields, "number")
    return f"Call {number}" if number else ""


def geo_name(fields: Mapping[str, str]) -> str:
    label = _get(fields, "label")
    if label:
        return label
    lat, lon = _get(fields, "latitude"), _get(fields, "longitude")
    return f"{lat}, {lon}" if lat and lon else ""


def event_name(fields: Mapping[str, str]) -> str:
    title = _get(fields, "summary")
    day = _get(fields, "start")[:10]
    return f"{title}, {day}" if title and day else title


def item_name(kind: str, fields: Mapping[str, str]) -> str:
    """The default name of an item holding this payload: its kind's name for it, else the kind's label.

    Text that holds a structured payload (a Wi-Fi string typed as text) is named as that payload, so its
    secret fields stay out of the name too.
    """
    # Imported here: the registry imports this module for the per-kind functions.
    from app.core.payloads.parsers import parse_payload
    from app.core.payloads.registry import PAYLOAD_KINDS

    if kind == "text":
        detected, parsed = parse_payload(str(fields.get("text") or ""))
        if detected != "text":
            kind, fields = detected, parsed
    payload_kind = PAYLOAD_KINDS.get(kind)
    if payload_kind is None:
        return kind
    return shorten(payload_kind.name_of(fields)) or payload_kind.label


HIDDEN = "••••••"


def shown_payload(kind: str, fields: Mapping[str, str], data: str) -> str:
    """``data`` (what a code of this payload encodes) as it may be shown on screen: every secret field's value
    (a Wi-Fi password) replaced by :data:`HIDDEN`, also in text that holds a structured payload. When a secret
    cannot be found in ``data`` as written, the item's name stands in: a secret is never shown."""
    from app.core.payloads.parsers import parse_payload
    from app.core.payloads.registry import PAYLOAD_KINDS

    if kind == "text":
        detected, parsed = parse_payload(str(fields.get("text") or ""))
        if detected != "text":
            kind, fields = detected, parsed
    payload_kind = PAYLOAD_KINDS.get(kind)
    secrets = [str(fields.get(f.name) or "") for f in payload_kind.fields if f.secret] if payload_kind else []
    shown = data
    for secret in filter(None, secrets):
        # As builders write it: raw, or with the payload's specials escaped by a backslash (Wi-Fi: \ ; , : ").
        written = [w for w in ("".join("\\" + c if c in '\\;,:"' else c for c in secret), secret) if w in shown]
        if not written:
            return item_name(kind, fields)
        for form in written:
            shown = shown.replace(form, HIDDEN)
    return shown
