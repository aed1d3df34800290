"""Recognising and parsing decoded data: the text a scanner read → (kind, fields) to reopen it in a form.

The fields need not pass validation (the form then shows what is wrong). Data whose structure cannot be
read, or that no kind recognises, comes back as ``text`` unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import unquote

from app.core.payloads.registry import PAYLOAD_KINDS


def _split_escaped(text: str, sep: str) -> list[str]:
    """Split at ``sep`` characters not escaped by a backslash; escapes are kept for :func:`_unescape`."""
    parts, current, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str, newline: bool = False) -> str:
    def one(m: re.Match[str]) -> str:
        return "\n" if newline and m.group(1) in "nN" else m.group(1)

    return re.sub(r"\\(.)", one, text, flags=re.DOTALL)


def _tagged(body: str) -> dict[str, list[str]]:
    """``KEY:value;KEY:value;;`` (Wi-Fi, MeCard, MATMSG) → key → raw values in order."""
    out: dict[str, list[str]] = {}
    for part in _split_escaped(body, ";"):
        key, sep, value = part.partition(":")
        if sep:
            out.setdefault(key.strip().upper(), []).append(value)
    return out


def _first(tags: dict[str, list[str]], key: str) -> str:
    return _unescape(tags.get(key, [""])[0])


def _parse_wifi(body: str) -> dict[str, str]:
    tags = _tagged(body)
    security = _first(tags, "T") or ("WPA" if "P" in tags else "nopass")
    return {"ssid": _first(tags, "S"), "password": _first(tags, "P"), "security": security,
            "hidden": "yes" if _first(tags, "H").lower() == "true" else "no"}


def _parse_mecard(body: str) -> dict[str, str]:
    tags = _tagged(body)
    names = [_unescape(n) for n in _split_escaped(tags.get("N", [""])[0], ",")]
    bday = _first(tags, "BDAY")
    if re.fullmatch(r"\d{8}", bday):
        bday = f"{bday[:4]}-{bday[4:6]}-{bday[6:]}"
    return {"first_name": names[1] if len(names) > 1 else "", "last_name": names[0], "phone": _first(tags, "TEL"),
            "email": _first(tags, "EMAIL"), "url": _first(tags, "URL"), "address": _first(tags, "ADR"),
            "birthday": bday, "note": _first(tags, "NOTE")}


def _query(text: str) -> dict[str, str]:
    """``a=1&b=2`` with percent-decoding but no ``+`` → space (that is only for HTML forms)."""
    out: dict[str, str] = {}
    for item in filter(None, text.split("&")):
        key, _, value = item.partition("=")
        out.setdefault(unquote(key).lower(), unquote(value))
    return out


def _parse_mailto(data: str) -> dict[str, str]:
    address, _, query = data[len("mailto:"):].partition("?")
    q = _query(query)
    return {"email": unquote(address), "cc": q.get("cc", ""), "bcc": q.get("bcc", ""),
            "subject": q.get("subject", ""), "body": q.get("body", "").replace("\r\n", "\n")}


def _parse_matmsg(body: str) -> dict[str, str]:
    tags = _tagged(body)
    return {"email": _first(tags, "TO"), "subject": _first(tags, "SUB"), "body": _first(tags, "BODY")}


def _parse_sms(data: str) -> dict[str, str]:
    if data[:6].upper() == "SMSTO:":
        number, _, message = data[6:].partition(":")
        return {"number": number, "message": message}
    number, _, query = data[4:].partition("?")  # sms:number?body=...
    return {"number": unquote(number), "message": _query(query).get("body", "")}


def _parse_geo(data: str) -> dict[str, str]:
    where, _, query = data[4:].partition("?")
    coords = where.split(";")[0].split(",")
    if len(coords) not in (2, 3):
        raise ValueError("not lat,lon[,alt]")
    q = _query(query).get("q", "")
    label = m.group(1) if (m := re.fullmatch(r"[^(]*\((.*)\)", q, re.DOTALL)) else q
    return {"latitude": coords[0], "longitude": coords[1], "altitude": coords[2] if len(coords) == 3 else "",
            "label": label}


def _content_lines(data: str) -> list[tuple[str, str, str]]:
    """vCard / iCalendar lines, unfolded, as (name, parameters, raw value)."""
    unfolded = re.sub(r"\r?\n[ \t]", "", data)
    out = []
    for line in re.split(r"\r?\n", unfolded):
        head, sep, value = line.partition(":")
        if sep:
            name, _, params = head.partition(";")
            out.append((name.upper(), params.upper(), value))
    return out


def _parse_vcard(data: str) -> dict[str, str]:
    fields = {f.name: "" for f in PAYLOAD_KINDS["vcard"].fields}
    phones = {"CELL": "mobile", "FAX": "fax", "HOME": "home_phone"}
    simple = {"ORG": "org", "TITLE": "title", "EMAIL": "email", "URL": "url", "NOTE": "note", "BDAY": "birthday"}
    for name, params, value in _content_lines(data):
        parts = [_unescape(p, newline=True) for p in _split_escaped(value, ";")]
        if name == "N":
            fields["last_name"], fields["first_name"] = [*parts, ""][:2]
        elif name == "TEL":
            target = next((f for t, f in phones.items() if t in params), "work_phone")
            fields[target] = fields[target] or _unescape(value, newline=True)
        elif name == "ADR":
            parts += [""] * 7
            fields.update(street=parts[2], city=parts[3], region=parts[4], postcode=parts[5], country=parts[6])
        elif name in simple and not fields[simple[name]]:
            fields[simple[name]] = _unescape(value, newline=True)
    if re.fullmatch(r"\d{8}", fields["birthday"]):
        fields["birthday"] = f"{fields['birthday'][:4]}-{fields['birthday'][4:6]}-{fields['birthday'][6:]}"
    return fields


def _ical_when(value: str, is_date: bool, shift_days: int = 0) -> str:
    if is_date:
        return (datetime.strptime(value, "%Y%m%d").date() + timedelta(days=shift_days)).isoformat()
    moment = datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    return moment.strftime("%Y-%m-%d %H:%M:%S") + ("Z" if value.endswith("Z") else "")


def _parse_event(data: str) -> dict[str, str]:
    fields = {f.name: "" for f in PAYLOAD_KINDS["event"].fields}
    begin = data.upper().index("BEGIN:VEVENT")  # skips a VCALENDAR's VTIMEZONE, which has DTSTARTs of its own
    end = data.upper().find("END:VEVENT", begin)
    event = data[begin:] if end < 0 else data[begin:end]
    lines = {name: (params, value) for name, params, value in reversed(_content_lines(event))}
    all_day = "VALUE=DATE" in lines.get("DTSTART", ("", ""))[0]
    fields["all_day"] = "yes" if all_day else "no"
    for name, key in (("SUMMARY", "summary"), ("LOCATION", "location"), ("DESCRIPTION", "description")):
        fields[key] = _unescape(lines.get(name, ("", ""))[1], newline=True)
    if "DTSTART" in lines:
        fields["start"] = _ical_when(lines["DTSTART"][1], all_day)
    if "DTEND" in lines:
        fields["end"] = _ical_when(lines["DTEND"][1], all_day, -1 if all_day else 0)
    return fields


_PARSERS: tuple[tuple[str, str, Callable[[str], dict[str, str]]], ...] = (
    ("WIFI:", "wifi", lambda d: _parse_wifi(d[5:])),
    ("MECARD:", "mecard", lambda d: _parse_mecard(d[7:])),
    ("BEGIN:VCARD", "vcard", _parse_vcard),
    ("BEGIN:VEVENT", "event", _parse_event),
    ("BEGIN:VCALENDAR", "event", _parse_event),
    ("MAILTO:", "email", _parse_mailto),
    ("MATMSG:", "email", lambda d: _parse_matmsg(d[7:])),
    ("SMSTO:", "sms", _parse_sms),
    ("SMS:", "sms", _parse_sms),
    ("TEL:", "phone", lambda d: {"number": unquote(d[4:])}),
    ("GEO:", "geo", _parse_geo),
    ("HTTP://", "url", lambda d: {"url": d}),
    ("HTTPS://", "url", lambda d: {"url": d}),
)


def parse_payload(data: str) -> tuple[str, dict[str, str]]:
    """Decoded text → (kind, fields) to reopen a scanned code in its form.

    The fields need not pass validation (the form then shows what is wrong); data whose structure
    cannot be read, or that no kind recognises, comes back as ``text`` unchanged.
    """
    for prefix, kind, parser in _PARSERS:
        if data[:len(prefix)].upper() == prefix and (kind != "url" or not re.search(r"\s", data.strip())):
            try:
                return kind, parser(data)
            except (ValueError, IndexError):
                break
    return "text", {"text": data}


def detect_kind(data: str) -> str:
    """The payload kind of a decoded string (``text`` when nothing more specific fits)."""
    return parse_payload(data)[0]
