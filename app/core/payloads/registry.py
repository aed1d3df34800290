"""The payload kinds: one form (fields in CSV column order) per kind, and :func:`build_payload`.

:data:`PAYLOAD_KINDS` describes the forms the GUI shows and the columns a batch maps; :func:`build_payload`
is the one entry point the rest of the core uses to turn a form into the string a code encodes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from app.core.errors import SpecError
from app.core.payloads.builders import (
    WIFI_SECURITY,
    email_data,
    event_data,
    geo_data,
    mecard_data,
    phone_data,
    sms_data,
    text_data,
    url_data,
    vcard_data,
    wifi_data,
)
from app.core.payloads.naming import (
    contact_name,
    email_name,
    event_name,
    geo_name,
    phone_name,
    sms_name,
    text_name,
    url_name,
    wifi_name,
)


@dataclass(frozen=True)
class FieldDef:
    """One form field / CSV column of a payload kind. ``strip=False`` keeps the value byte for byte;
    ``secret`` marks a value that is never shown in a name or a list (a password)."""

    name: str
    label: str
    required: bool = False
    multiline: bool = False
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    strip: bool = True
    secret: bool = False


@dataclass(frozen=True)
class PayloadKind:
    """A payload type: its form (``fields``, in CSV column order), ``build``, which takes those fields, and
    ``name_of``, which names an item from them (see :mod:`.naming`; "" when the fields say nothing yet)."""

    name: str
    label: str
    fields: tuple[FieldDef, ...]
    build: Callable[[Mapping[str, str]], str]
    name_of: Callable[[Mapping[str, str]], str]


def _kind(name: str, label: str, func: Callable[..., str], namer: Callable[[Mapping[str, str]], str],
          *fields: FieldDef) -> PayloadKind:
    def build(values: Mapping[str, str]) -> str:
        return func(**{f.name: values.get(f.name, "") for f in fields})

    return PayloadKind(name, label, fields, build, namer)


F = FieldDef
_YES_NO = ("no", "yes")
_NAME_FIELDS = (F("first_name", "First name", placeholder="Jane"), F("last_name", "Last name", placeholder="Doe"))
_DATE = "YYYY-MM-DD"

PAYLOAD_KINDS: dict[str, PayloadKind] = {k.name: k for k in (
    _kind("text", "Text", text_data, text_name, F("text", "Text", True, True, placeholder="Any text", strip=False)),
    _kind("url", "URL", url_data, url_name, F("url", "URL", True, placeholder="https://example.com")),
    _kind("wifi", "Wi-Fi", wifi_data, wifi_name,
          F("ssid", "Network name (SSID)", True, placeholder="Home", strip=False),
          F("password", "Password", strip=False, secret=True),
          F("security", "Security", choices=WIFI_SECURITY),
          F("hidden", "Hidden network", choices=_YES_NO)),
    _kind("vcard", "Contact (vCard)", vcard_data, contact_name, *_NAME_FIELDS,
          F("mobile", "Mobile", placeholder="+49 170 1234567"), F("email", "E-mail", placeholder="jane@example.com"),
          F("org", "Organisation"), F("title", "Job title"), F("work_phone", "Work phone"),
          F("home_phone", "Home phone"), F("fax", "Fax"), F("url", "Website", placeholder="https://example.com"),
          F("street", "Street"), F("postcode", "Postcode"), F("city", "City"), F("region", "Region"),
          F("country", "Country"), F("birthday", "Birthday", placeholder=_DATE), F("note", "Note", multiline=True)),
    _kind("mecard", "Contact (MeCard)", mecard_data, contact_name, *_NAME_FIELDS,
          F("phone", "Phone", placeholder="+49 170 1234567"), F("email", "E-mail", placeholder="jane@example.com"),
          F("url", "Website"), F("address", "Address"), F("birthday", "Birthday", placeholder=_DATE),
          F("note", "Note", multiline=True)),
    _kind("email", "E-mail", email_data, email_name, F("email", "To", True, placeholder="jane@example.com"),
          F("cc", "Cc"), F("bcc", "Bcc"), F("subject", "Subject"), F("body", "Message", multiline=True)),
    _kind("sms", "SMS", sms_data, sms_name, F("number", "Phone number", True, placeholder="+49 170 1234567"),
          F("message", "Message", multiline=True)),
    _kind("phone", "Phone call", phone_data, phone_name,
          F("number", "Phone number", True, placeholder="+49 170 1234567")),
    _kind("geo", "Location", geo_data, geo_name, F("latitude", "Latitude", True, placeholder="48.8584"),
          F("longitude", "Longitude", True, placeholder="2.2945"), F("altitude", "Altitude (m)"),
          F("label", "Label")),
    _kind("event", "Calendar event", event_data, event_name, F("summary", "Title", True),
          F("start", "Start", True, placeholder="2025-06-01 14:00 (local time) or " + _DATE),
          F("end", "End", placeholder="2025-06-01 15:30; for all-day events the last day"),
          F("all_day", "All day", choices=_YES_NO), F("location", "Location"),
          F("description", "Description", multiline=True)),
)}


def build_payload(kind: str, fields: Mapping[str, str]) -> str:
    """The exact string a code of ``kind`` encodes; raises :class:`SpecError` naming a bad or unknown field."""
    try:
        spec = PAYLOAD_KINDS[kind]
    except KeyError:
        raise SpecError("kind", f"{kind!r} is not a payload type; use one of {', '.join(PAYLOAD_KINDS)}") from None
    defs = {f.name: f for f in spec.fields}
    for name in fields:
        if name not in defs:
            raise SpecError(name, f"is not a field of {kind}; its fields are {', '.join(defs)}")
    clean: dict[str, str] = {}
    for name, definition in defs.items():
        value = fields.get(name)
        value = "" if value is None else value
        if not isinstance(value, str):
            raise SpecError(name, "must be text")
        if definition.strip:
            value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if not definition.multiline and ("\n" in value or "\r" in value):
            raise SpecError(name, "must be a single line")
        if definition.required and not value.strip():
            raise SpecError(name, "is required")
        clean[name] = value
    return spec.build(clean)
