"""Payload builders: form fields → the exact string a QR code encodes.

Each ``*_data`` function returns the payload as text (segno's style), validates its input and raises
:class:`SpecError` naming the offending field. The rest of the core calls them through
:func:`app.core.payloads.build_payload`, which also normalises the fields of a form.

Choices made here (each has a test):
- vCard 3.0 and iCalendar lines end with CRLF and are not folded: folding is only a SHOULD, costs bytes
  in the code, and octet-based folding can split a UTF-8 character for naive readers.
- Naive event times are the computer's local time; they are written in UTC (``...Z``).
- An all-day event's end date is the last day (inclusive); DTEND is the day after, as RFC 5545 wants.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from urllib.parse import quote, urlsplit

from app.core.errors import SpecError

_TRUE = {"yes", "true", "1", "on", "y"}
_FALSE = {"no", "false", "0", "off", "n", ""}
_HEX = re.compile(r"[0-9A-Fa-f]+")
_PHONE_CHARS = re.compile(r"\+?[0-9*#]+")
_VISUAL_SEPARATORS = re.compile(r"[\s\-.()/]")
_EMAIL = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+")
_ASCII_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?", re.IGNORECASE)
_OPAQUE_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _flag(field: str, value: bool | str) -> bool:
    if isinstance(value, bool):
        return value
    text = value.strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise SpecError(field, f"{value!r} is not yes or no")


def _backslash_escape(value: str, specials: str) -> str:
    return "".join("\\" + c if c in specials else c for c in value)


# --- text, url -----------------------------------------------------------------------------------------

def text_data(text: str) -> str:
    """Plain text, encoded exactly as typed."""
    if not text.strip():
        raise SpecError("text", "is empty")
    return text


def url_data(url: str) -> str:
    """A web address; ``https://`` is added when no scheme is given. Unicode hosts and paths stay as typed."""
    url = url.strip()
    if not url:
        raise SpecError("url", "is empty")
    if re.search(r"\s", url):
        raise SpecError("url", "contains a space or line break (write a space as %20)")
    typed_scheme = "://" in url or (_OPAQUE_SCHEME.match(url) is not None and "." not in url.split(":")[0])
    if not typed_scheme:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address
        raise SpecError("url", f"{url!r} is not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https", "ftp", "ftps"):
        if not (parts.netloc or parts.path):
            raise SpecError("url", f"has nothing after {parts.scheme}:")
        return url
    host = parts.hostname or ""
    try:
        parts.port  # noqa: B018 -- raises on a bad port
    except ValueError:
        raise SpecError("url", "has an invalid port number") from None
    if not _valid_host(host, single_label_ok=typed_scheme):
        raise SpecError("url", f"{host or 'the address'!r} is not a valid host name (e.g. example.com)")
    return url


def _valid_host(host: str, single_label_ok: bool) -> bool:
    if re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", host):
        return all(int(p) <= 255 for p in host.split("."))
    if ":" in host:  # IPv6, already unbracketed by urlsplit
        return re.fullmatch(r"[0-9a-f:.]+", host, re.IGNORECASE) is not None
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 and not (single_label_ok or host == "localhost"):
        return False
    for label in labels:
        if label.isascii():
            if not _ASCII_LABEL.fullmatch(label):
                return False
        else:
            try:
                label.encode("idna")  # nameprep + punycode; rejects empty, too long and prohibited labels
            except UnicodeError:
                return False
    return len(host) <= 253


# --- wifi ----------------------------------------------------------------------------------------------

WIFI_SECURITY = ("WPA", "WEP", "nopass")
_WIFI_SPECIALS = '\\;,:"'


def wifi_data(ssid: str, password: str = "", security: str = "", hidden: bool | str = False) -> str:
    """``WIFI:T:WPA;S:ssid;P:password;H:true;;`` with ``\\ ; , : "`` escaped by a backslash.

    An empty security means WPA when there is a password and an open network otherwise.
    """
    if not ssid:
        raise SpecError("ssid", "the network name is required")
    if len(ssid.encode("utf-8")) > 32:
        raise SpecError("ssid", "is longer than 32 bytes, the most a Wi-Fi network name can have")
    security = security.strip()
    canonical = {s.lower(): s for s in WIFI_SECURITY} | {"wpa2": "WPA", "wpa3": "WPA", "open": "nopass"}
    if not security:
        security = "WPA" if password else "nopass"
    elif security.lower() in canonical:
        security = canonical[security.lower()]
    else:
        raise SpecError("security", f"{security!r} is not one of {', '.join(WIFI_SECURITY)}")
    if security == "nopass" and password:
        raise SpecError("password", "an open network (nopass) has no password; clear it or choose WPA/WEP")
    if security == "WEP" and not (len(password) in (5, 13) or (len(password) in (10, 26) and _HEX.fullmatch(password))):
        raise SpecError("password", "a WEP key has 5 or 13 characters, or 10 or 26 hex digits")
    if security == "WPA":
        size = len(password.encode("utf-8"))
        if not (8 <= size <= 63 or (len(password) == 64 and _HEX.fullmatch(password))):
            raise SpecError("password", "a WPA password has 8 to 63 characters (or 64 hex digits)")
    out = f"WIFI:T:{security};S:{_backslash_escape(ssid, _WIFI_SPECIALS)};"
    if security != "nopass":
        out += f"P:{_backslash_escape(password, _WIFI_SPECIALS)};"
    if _flag("hidden", hidden):
        out += "H:true;"
    return out + ";"


# --- contacts ------------------------------------------------------------------------------------------

def _phone(field: str, number: str) -> str:
    """The number without visual separators; only digits, a leading ``+``, ``*`` and ``#`` are allowed."""
    compact = _VISUAL_SEPARATORS.sub("", number)
    if not _PHONE_CHARS.fullmatch(compact) or not any(c.isdigit() for c in compact):
        raise SpecError(field, f"{number!r} is not a phone number (digits, spaces, + - . ( ) * # only)")
    return compact


def _email(field: str, address: str) -> str:
    if not _EMAIL.fullmatch(address):
        raise SpecError(field, f"{address!r} is not an e-mail address (name@example.com)")
    return address


def _birthday(value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SpecError("birthday", f"{value!r} is not a date; use YYYY-MM-DD") from None


def _vcard_text(value: str) -> str:
    """RFC 2426 text escaping: backslash, comma, semicolon, newline."""
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


VCARD_PHONES = (("mobile", "CELL"), ("work_phone", "WORK,VOICE"), ("home_phone", "HOME,VOICE"), ("fax", "FAX"))


def vcard_data(first_name: str = "", last_name: str = "", mobile: str = "", email: str = "", org: str = "",
               title: str = "", work_phone: str = "", home_phone: str = "", fax: str = "", url: str = "",
               street: str = "", postcode: str = "", city: str = "", region: str = "", country: str = "",
               birthday: str = "", note: str = "") -> str:
    """A vCard 3.0 (RFC 2426) with CRLF line endings, unfolded lines and escaped text values."""
    if not (first_name or last_name or org):
        raise SpecError("first_name", "a contact needs a first name, last name or organisation")
    full_name = " ".join(p for p in (first_name, last_name) if p) or org
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_vcard_text(last_name)};{_vcard_text(first_name)};;;",
             f"FN:{_vcard_text(full_name)}"]
    if org:
        lines.append(f"ORG:{_vcard_text(org)}")
    if title:
        lines.append(f"TITLE:{_vcard_text(title)}")
    numbers = {"mobile": mobile, "work_phone": work_phone, "home_phone": home_phone, "fax": fax}
    for name, types in VCARD_PHONES:
        if numbers[name]:
            _phone(name, numbers[name])  # validated, but written as typed: contacts show it that way
            lines.append(f"TEL;TYPE={types}:{_vcard_text(numbers[name])}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_text(_email('email', email))}")
    if url:
        lines.append(f"URL:{_vcard_text(_url_field(url))}")
    if street or postcode or city or region or country:
        adr = ";".join(_vcard_text(p) for p in ("", "", street, city, region, postcode, country))
        lines.append(f"ADR:{adr}")
    if (bday := _birthday(birthday)) is not None:
        lines.append(f"BDAY:{bday.isoformat()}")
    if note:
        lines.append(f"NOTE:{_vcard_text(note)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def _url_field(url: str) -> str:
    try:
        return url_data(url)
    except SpecError as exc:
        raise SpecError("url", exc.message) from None


_MECARD_SPECIALS = '\\;,:"'


def mecard_data(first_name: str = "", last_name: str = "", phone: str = "", email: str = "", url: str = "",
                address: str = "", birthday: str = "", note: str = "") -> str:
    """``MECARD:N:Last,First;TEL:..;EMAIL:..;;`` with ``\\ ; , : "`` escaped by a backslash."""
    if not (first_name or last_name):
        raise SpecError("first_name", "a MeCard needs a first or last name")
    def esc(value: str) -> str:
        return _backslash_escape(value, _MECARD_SPECIALS)

    name = ",".join(esc(p) for p in (last_name, first_name) if p)
    parts = [f"N:{name}"]
    if phone:
        parts.append(f"TEL:{_phone('phone', phone)}")
    if email:
        parts.append(f"EMAIL:{esc(_email('email', email))}")
    if url:
        parts.append(f"URL:{esc(_url_field(url))}")
    if address:
        parts.append(f"ADR:{esc(address)}")
    if (bday := _birthday(birthday)) is not None:
        parts.append(f"BDAY:{bday.strftime('%Y%m%d')}")
    if note:
        parts.append(f"NOTE:{esc(note)}")
    return "MECARD:" + "".join(p + ";" for p in parts) + ";"


# --- messages ------------------------------------------------------------------------------------------

_ADDRESS_SAFE = "@!$'*+"


def email_data(email: str, cc: str = "", bcc: str = "", subject: str = "", body: str = "") -> str:
    """``mailto:`` (RFC 6068); cc/bcc take several addresses separated by commas or semicolons."""
    # RFC 6068 lets these stand in an address; "," separates addresses and "+" must not turn into a space.
    to = quote(_email("email", email), safe=_ADDRESS_SAFE)
    query = []
    for name, value in (("cc", cc), ("bcc", bcc)):
        addresses = [a.strip() for a in re.split(r"[,;]", value) if a.strip()]
        if addresses:
            query.append(f"{name}=" + ",".join(quote(_email(name, a), safe=_ADDRESS_SAFE) for a in addresses))
    if subject:
        query.append("subject=" + quote(subject, safe=""))
    if body:
        query.append("body=" + quote(body.replace("\n", "\r\n"), safe=""))  # RFC 6068 line breaks are CRLF
    return f"mailto:{to}" + ("?" + "&".join(query) if query else "")


def sms_data(number: str, message: str = "") -> str:
    """``SMSTO:number:message`` (the form phone readers understand; the message is not escaped)."""
    if not number:
        raise SpecError("number", "the phone number is required")
    return f"SMSTO:{_phone('number', number)}:{message}"


def phone_data(number: str) -> str:
    """``tel:`` with the visual separators removed (RFC 3966 global or local number)."""
    if not number:
        raise SpecError("number", "the phone number is required")
    return f"tel:{_phone('number', number)}"


# --- geo -----------------------------------------------------------------------------------------------

def _coordinate(field: str, value: str, limit: int | None) -> str:
    if not value:
        raise SpecError(field, "is required")
    if not _NUMBER.fullmatch(value):
        raise SpecError(field, f"{value!r} is not a number in decimal degrees (e.g. 48.8584)")
    text = value.replace(",", ".").lstrip("+")
    if limit is not None and abs(Decimal(text)) > limit:
        raise SpecError(field, f"must be between -{limit} and {limit}")
    return text


def geo_data(latitude: str, longitude: str, altitude: str = "", label: str = "") -> str:
    """``geo:lat,lon[,alt][?q=lat,lon(label)]`` (RFC 5870; the label in the form map apps show as a pin)."""
    lat = _coordinate("latitude", latitude, 90)
    lon = _coordinate("longitude", longitude, 180)
    out = f"geo:{lat},{lon}"
    if altitude:
        out += "," + _coordinate("altitude", altitude, None)
    if label:
        out += f"?q={lat},{lon}({quote(label, safe='')})"
    return out


# --- calendar event ------------------------------------------------------------------------------------

def _ical_text(value: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma, newline."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _when(field: str, value: str, all_day: bool) -> date | datetime:
    try:
        if all_day:
            return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value)
        # A naive time is the computer's local time; converting can overflow at year 1 or 9999.
        return datetime.fromisoformat(value.replace(" ", "T", 1)).astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        shape = "YYYY-MM-DD" if all_day else "YYYY-MM-DD HH:MM (optionally with +01:00 or Z)"
        raise SpecError(field, f"{value!r} is not a {'date' if all_day else 'date and time'}; use {shape}") from None


def event_data(summary: str, start: str, end: str = "", all_day: bool | str = False, location: str = "",
               description: str = "") -> str:
    """An iCalendar VEVENT (RFC 5545) with UTC times, or dates for an all-day event."""
    if not summary:
        raise SpecError("summary", "the title is required")
    if not start:
        raise SpecError("start", "is required")
    whole_days = _flag("all_day", all_day)
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_ical_text(summary)}"]
    first = _when("start", start, whole_days)
    last = _when("end", end, whole_days) if end else None
    if whole_days:
        last = last or first
        if last < first:
            raise SpecError("end", "the last day is before the first day")
        lines += [f"DTSTART;VALUE=DATE:{first:%Y%m%d}", f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}"]
    else:
        lines.append(f"DTSTART:{first:%Y%m%dT%H%M%SZ}")
        if last is not None:
            if last <= first:
                raise SpecError("end", "must be after the start")
            lines.append(f"DTEND:{last:%Y%m%dT%H%M%SZ}")
    if location:
        lines.append(f"LOCATION:{_ical_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{_ical_text(description)}")
    lines.append("END:VEVENT")
    return "\r\n".join(lines) + "\r\n"
