"""Payload builders: exact strings, validation naming the field, parse round-trips and real decoding."""

from __future__ import annotations

import string
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import SpecError
from app.core.payloads import PAYLOAD_KINDS, build_payload, detect_kind, parse_payload
from app.core.spec import QrSpec

# --- exact strings ---------------------------------------------------------------------------------------

EXACT = [
    ("text", {"text": "  Hello\nWorld  "}, "  Hello\nWorld  "),
    ("url", {"url": "example.com"}, "https://example.com"),
    ("url", {"url": " http://example.com/a?b=c#d "}, "http://example.com/a?b=c#d"),
    ("url", {"url": "bücher.de/straße?q=ü"}, "https://bücher.de/straße?q=ü"),
    ("url", {"url": "localhost:8080/app"}, "https://localhost:8080/app"),
    ("url", {"url": "http://nas/share"}, "http://nas/share"),
    ("url", {"url": "https://[2001:db8::1]:8443/"}, "https://[2001:db8::1]:8443/"),
    ("url", {"url": "spotify:track:6rqhFgbbKwnb9MLmUQDhG6"}, "spotify:track:6rqhFgbbKwnb9MLmUQDhG6"),
    ("wifi", {"ssid": "Home", "password": "hunter22", "security": "WPA"}, "WIFI:T:WPA;S:Home;P:hunter22;;"),
    ("wifi", {"ssid": "Home", "password": "hunter22"}, "WIFI:T:WPA;S:Home;P:hunter22;;"),
    ("wifi", {"ssid": "Home", "password": "hunter22", "security": "wpa2", "hidden": "yes"},
     "WIFI:T:WPA;S:Home;P:hunter22;H:true;;"),
    ("wifi", {"ssid": 'a;b,c:d\\e"f', "password": 'p;a,s:s\\"w', "security": "WPA"},
     'WIFI:T:WPA;S:a\\;b\\,c\\:d\\\\e\\"f;P:p\\;a\\,s\\:s\\\\\\"w;;'),
    ("wifi", {"ssid": "Café", "security": "nopass"}, "WIFI:T:nopass;S:Café;;"),
    ("wifi", {"ssid": "Guest"}, "WIFI:T:nopass;S:Guest;;"),
    ("wifi", {"ssid": " Old ", "password": "abcde", "security": "WEP"}, "WIFI:T:WEP;S: Old ;P:abcde;;"),
    ("wifi", {"ssid": "Old", "password": "0123456789", "security": "WEP", "hidden": "true"},
     "WIFI:T:WEP;S:Old;P:0123456789;H:true;;"),
    ("vcard", {"first_name": "Jörg", "last_name": "Müller; Jr.", "org": "Äpfel, GmbH", "title": "CEO",
               "mobile": "+49 170 1234567", "work_phone": "+49 30 123-45", "home_phone": "030 999",
               "fax": "+49 30 12346", "email": "j@example.com", "url": "example.com",
               "street": "Hauptstr. 1", "postcode": "10115", "city": "Berlin", "region": "BE", "country": "Germany",
               "birthday": "1980-01-31", "note": "Line 1\nLine\\2"},
     "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller\\; Jr.;Jörg;;;\r\nFN:Jörg Müller\\; Jr.\r\nORG:Äpfel\\, GmbH\r\n"
     "TITLE:CEO\r\nTEL;TYPE=CELL:+49 170 1234567\r\nTEL;TYPE=WORK,VOICE:+49 30 123-45\r\n"
     "TEL;TYPE=HOME,VOICE:030 999\r\nTEL;TYPE=FAX:+49 30 12346\r\nEMAIL;TYPE=INTERNET:j@example.com\r\n"
     "URL:https://example.com\r\nADR:;;Hauptstr. 1;Berlin;BE;10115;Germany\r\nBDAY:1980-01-31\r\n"
     "NOTE:Line 1\\nLine\\\\2\r\nEND:VCARD\r\n"),
    ("vcard", {"org": "ACME"}, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:ACME\r\nORG:ACME\r\nEND:VCARD\r\n"),
    ("mecard", {"first_name": "Jörg", "last_name": "Müller", "phone": "+49 (170) 123-4567",
                "email": "j@example.com", "url": "https://example.com/a", "address": "Hauptstr. 1, Berlin",
                "birthday": "1980-01-31", "note": 'Say "hi"; ok'},
     'MECARD:N:Müller,Jörg;TEL:+491701234567;EMAIL:j@example.com;URL:https\\://example.com/a;'
     'ADR:Hauptstr. 1\\, Berlin;BDAY:19800131;NOTE:Say \\"hi\\"\\; ok;;'),
    ("mecard", {"last_name": "Doe"}, "MECARD:N:Doe;;"),
    ("email", {"email": "jane@example.com"}, "mailto:jane@example.com"),
    ("email", {"email": "jane@example.com", "cc": "a@example.com; b@example.com", "bcc": "c@example.com",
               "subject": "Hi & bye? 100%", "body": "Line 1\nGrüße"},
     "mailto:jane@example.com?cc=a@example.com,b@example.com&bcc=c@example.com"
     "&subject=Hi%20%26%20bye%3F%20100%25&body=Line%201%0D%0AGr%C3%BC%C3%9Fe"),
    ("email", {"email": "jane+qr@example.com", "cc": "o'neil@example.com", "subject": "a+b"},
     "mailto:jane+qr@example.com?cc=o'neil@example.com&subject=a%2Bb"),
    ("sms", {"number": "+49 (170) 123-4567", "message": "On my way: 5 min"}, "SMSTO:+491701234567:On my way: 5 min"),
    ("sms", {"number": "112"}, "SMSTO:112:"),
    ("phone", {"number": " +1 (555) 010-0199 "}, "tel:+15550100199"),
    ("phone", {"number": "*31#"}, "tel:*31#"),
    ("geo", {"latitude": "48.8584", "longitude": "2.2945"}, "geo:48.8584,2.2945"),
    ("geo", {"latitude": "-33,8568", "longitude": "+151.2153", "altitude": "58"}, "geo:-33.8568,151.2153,58"),
    ("geo", {"latitude": "90", "longitude": "-180", "label": "Eiffel Tower (Paris) & more"},
     "geo:90,-180?q=90,-180(Eiffel%20Tower%20%28Paris%29%20%26%20more)"),
    ("event", {"summary": "Meet, greet; talk", "start": "2025-06-01 14:00+02:00", "end": "2025-06-01T15:30+02:00",
               "location": "Room 1\\2", "description": "Bring:\nlaptop"},
     "BEGIN:VEVENT\r\nSUMMARY:Meet\\, greet\\; talk\r\nDTSTART:20250601T120000Z\r\nDTEND:20250601T133000Z\r\n"
     "LOCATION:Room 1\\\\2\r\nDESCRIPTION:Bring:\\nlaptop\r\nEND:VEVENT\r\n"),
    ("event", {"summary": "Launch", "start": "2025-12-31T23:30:00Z"},
     "BEGIN:VEVENT\r\nSUMMARY:Launch\r\nDTSTART:20251231T233000Z\r\nEND:VEVENT\r\n"),
    ("event", {"summary": "Holiday", "start": "2025-06-01", "end": "2025-06-03", "all_day": "yes"},
     "BEGIN:VEVENT\r\nSUMMARY:Holiday\r\nDTSTART;VALUE=DATE:20250601\r\nDTEND;VALUE=DATE:20250604\r\nEND:VEVENT\r\n"),
    ("event", {"summary": "Day off", "start": "2024-02-29", "all_day": "yes"},
     "BEGIN:VEVENT\r\nSUMMARY:Day off\r\nDTSTART;VALUE=DATE:20240229\r\nDTEND;VALUE=DATE:20240301\r\nEND:VEVENT\r\n"),
]


@pytest.mark.parametrize(("kind", "fields", "expected"), EXACT, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(EXACT)])
def test_exact_payload(kind: str, fields: dict[str, str], expected: str) -> None:
    assert build_payload(kind, fields) == expected
    assert QrSpec(kind, fields).data() == expected


def test_every_kind_has_an_exact_test_and_the_agreed_names() -> None:
    assert list(PAYLOAD_KINDS) == ["text", "url", "wifi", "vcard", "mecard", "email", "sms", "phone", "geo", "event"]
    assert {k for k, _, _ in EXACT} == set(PAYLOAD_KINDS)


def test_vcard_lines_are_crlf_and_not_folded() -> None:
    note = "x" * 300
    data = build_payload("vcard", {"first_name": "A", "note": note})
    lines = data.split("\r\n")
    assert f"NOTE:{note}" in lines and lines[-1] == ""
    assert "\n" not in data.replace("\r\n", "")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no time.tzset to switch the local time zone")
def test_naive_event_time_is_local_time_written_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        winter = build_payload("event", {"summary": "x", "start": "2025-01-10 09:00", "end": "2025-01-10 10:00"})
        summer = build_payload("event", {"summary": "x", "start": "2025-07-10 09:00"})
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "DTSTART:20250110T080000Z\r\nDTEND:20250110T090000Z" in winter
    assert "DTSTART:20250710T070000Z" in summer


# --- validation names the field --------------------------------------------------------------------------

INVALID = [
    ("nope", {}, "kind", "not a payload type"),
    ("wifi", {"ssid": "x", "colour": "red"}, "colour", "not a field of wifi"),
    ("text", {"text": "  \n "}, "text", "required"),
    ("url", {"url": ""}, "url", "required"),
    ("url", {"url": "hello"}, "url", "not a valid host"),
    ("url", {"url": "exa mple.com"}, "url", "space"),
    ("url", {"url": "https://-bad-.com"}, "url", "not a valid host"),
    ("url", {"url": "https://a..b.com"}, "url", "not a valid host"),
    ("url", {"url": "https://999.1.1.1/"}, "url", "not a valid host"),
    ("url", {"url": "example.com:99999"}, "url", "port"),
    ("url", {"url": "http://"}, "url", "not a valid host"),
    ("url", {"url": "https://[::1/x"}, "url", "not a valid web address"),
    ("url", {"url": "a\nb.com"}, "url", "single line"),
    ("wifi", {"password": "hunter22"}, "ssid", "required"),
    ("wifi", {"ssid": "x" * 33}, "ssid", "32 bytes"),
    ("wifi", {"ssid": "ü" * 17}, "ssid", "32 bytes"),
    ("wifi", {"ssid": "a\nb"}, "ssid", "single line"),
    ("wifi", {"ssid": "x", "password": "pw", "security": "nopass"}, "password", "no password"),
    ("wifi", {"ssid": "x", "password": "short", "security": "WPA"}, "password", "8 to 63"),
    ("wifi", {"ssid": "x", "password": "y" * 64, "security": "WPA"}, "password", "8 to 63"),
    ("wifi", {"ssid": "x", "security": "WPA"}, "password", "8 to 63"),
    ("wifi", {"ssid": "x", "password": "abcdef", "security": "WEP"}, "password", "WEP"),
    ("wifi", {"ssid": "x", "password": "012345678g", "security": "WEP"}, "password", "WEP"),
    ("wifi", {"ssid": "x", "security": "WPA4"}, "security", "not one of"),
    ("wifi", {"ssid": "x", "hidden": "maybe"}, "hidden", "yes or no"),
    ("vcard", {"note": "n"}, "first_name", "name"),
    ("vcard", {"first_name": "A", "mobile": "call me"}, "mobile", "not a phone number"),
    ("vcard", {"first_name": "A", "fax": "+49 30 abc"}, "fax", "not a phone number"),
    ("vcard", {"first_name": "A", "email": "a@b"}, "email", "not an e-mail"),
    ("vcard", {"first_name": "A", "url": "not a url"}, "url", "space"),
    ("vcard", {"first_name": "A", "birthday": "31.01.1980"}, "birthday", "YYYY-MM-DD"),
    ("mecard", {"phone": "1"}, "first_name", "name"),
    ("mecard", {"last_name": "A", "phone": "++1"}, "phone", "not a phone number"),
    ("email", {"email": "jane"}, "email", "not an e-mail"),
    ("email", {"email": "a@example.com", "cc": "b@example.com, nope"}, "cc", "'nope'"),
    ("email", {"email": "a@example.com", "bcc": "x@y"}, "bcc", "not an e-mail"),
    ("email", {"email": "a@example.com", "subject": "a\nb"}, "subject", "single line"),
    ("sms", {"number": "+49 abc"}, "number", "not a phone number"),
    ("sms", {"message": "hi"}, "number", "required"),
    ("phone", {"number": "1+2"}, "number", "not a phone number"),
    ("phone", {"number": "---"}, "number", "not a phone number"),
    ("geo", {"latitude": "90.0001", "longitude": "0"}, "latitude", "between -90 and 90"),
    ("geo", {"latitude": "0", "longitude": "-180.5"}, "longitude", "between -180 and 180"),
    ("geo", {"latitude": "1e3", "longitude": "0"}, "latitude", "not a number"),
    ("geo", {"latitude": "0", "longitude": ""}, "longitude", "required"),
    ("geo", {"latitude": "0", "longitude": "0", "altitude": "high"}, "altitude", "not a number"),
    ("event", {"start": "2025-06-01"}, "summary", "required"),
    ("event", {"summary": "x"}, "start", "required"),
    ("event", {"summary": "x", "start": "tomorrow"}, "start", "date and time"),
    ("event", {"summary": "x", "start": "2025-06-01 10:00", "end": "2025-06-01 10:00"}, "end", "after the start"),
    ("event", {"summary": "x", "start": "2025-06-01T10:00Z", "end": "2025-06-01T11:00+02:00"}, "end", "after"),
    ("event", {"summary": "x", "start": "2025-06-02", "end": "2025-06-01", "all_day": "yes"}, "end", "before"),
    ("event", {"summary": "x", "start": "2025-02-30", "all_day": "yes"}, "start", "not a date"),
    ("event", {"summary": "x", "start": "0001-01-01 00:30+05:00"}, "start", "not a date and time"),
    ("event", {"summary": "x", "start": "2025-06-01", "all_day": "sometimes"}, "all_day", "yes or no"),
]


@pytest.mark.parametrize(("kind", "fields", "field", "message"), INVALID,
                         ids=[f"{k}-{f}-{i}" for i, (k, _, f, _) in enumerate(INVALID)])
def test_invalid_input_names_the_field(kind: str, fields: dict[str, str], field: str, message: str) -> None:
    with pytest.raises(SpecError, match=message) as caught:
        build_payload(kind, fields)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_registry_shape_fits_forms_and_batch_mapping() -> None:
    for name, kind in PAYLOAD_KINDS.items():
        assert kind.name == name and kind.label and kind.fields
        names = [f.name for f in kind.fields]
        assert len(names) == len(set(names))
        for f in kind.fields:
            assert f.name.isidentifier() and f.label
            assert not (f.choices and f.multiline)
    # The batch maps header-less CSV columns in field order: the first fields must be the common ones.
    assert [f.name for f in PAYLOAD_KINDS["wifi"].fields][:2] == ["ssid", "password"]
    assert PAYLOAD_KINDS["wifi"].fields[2].choices == ("WPA", "WEP", "nopass")


def test_kind_build_accepts_partial_mappings() -> None:
    assert PAYLOAD_KINDS["wifi"].build({"ssid": "Home", "password": "hunter22"}) == "WIFI:T:WPA;S:Home;P:hunter22;;"


def test_passwords_and_ssids_keep_their_spaces_other_fields_are_stripped() -> None:
    assert build_payload("wifi", {"ssid": "Net ", "password": " pass word "}) == "WIFI:T:WPA;S:Net ;P: pass word ;;"
    assert build_payload("sms", {"number": " 123 ", "message": "\n hi \r\n"}) == "SMSTO:123:hi"
    assert build_payload("email", {"email": "a@example.com", "body": "a\r\nb\rc"}) \
        == "mailto:a@example.com?body=a%0D%0Ab%0D%0Ac"


# --- detect and parse ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "fields", "expected"), EXACT, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(EXACT)])
def test_build_parse_build_gives_the_same_string(kind: str, fields: dict[str, str], expected: str) -> None:
    parsed_kind, parsed = parse_payload(expected)
    want = "text" if kind == "url" and not expected.lower().startswith("http") else kind
    assert parsed_kind == want
    assert detect_kind(expected) == want
    assert build_payload(parsed_kind, parsed) == expected


@pytest.mark.parametrize(("data", "kind", "fields"), [
    ("WIFI:S:Cafe\\;Bar;T:WEP;P:abcde;H:true;;", "wifi",
     {"ssid": "Cafe;Bar", "password": "abcde", "security": "WEP", "hidden": "yes"}),
    ("wifi:S:Open;;", "wifi", {"ssid": "Open", "password": "", "security": "nopass", "hidden": "no"}),
    ("MECARD:N:Doe,John;TEL:123;TEL:456;EMAIL:j@x.org;BDAY:19991231;;", "mecard",
     {"first_name": "John", "last_name": "Doe", "phone": "123", "email": "j@x.org", "url": "", "address": "",
      "birthday": "1999-12-31", "note": ""}),
    ("MATMSG:TO:a@example.com;SUB:Hi;BODY:Text;;", "email",
     {"email": "a@example.com", "subject": "Hi", "body": "Text"}),
    ("mailto:a@example.com?subject=1+1%3D2&Body=x", "email",
     {"email": "a@example.com", "cc": "", "bcc": "", "subject": "1+1=2", "body": "x"}),
    ("sms:+123?body=Hello%20you", "sms", {"number": "+123", "message": "Hello you"}),
    ("smsto:+123:a:b", "sms", {"number": "+123", "message": "a:b"}),
    ("TEL:+49-30-1", "phone", {"number": "+49-30-1"}),
    ("geo:1.5,2.5;crs=wgs84?q=Pizza", "geo", {"latitude": "1.5", "longitude": "2.5", "altitude": "", "label": "Pizza"}),
    ("HTTPS://Example.com/x", "url", {"url": "HTTPS://Example.com/x"}),
    ("https://example.com/a b", "text", {"text": "https://example.com/a b"}),
    ("geo:nonsense", "text", {"text": "geo:nonsense"}),
    ("BEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:garbage\r\nEND:VEVENT", "text",
     {"text": "BEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:garbage\r\nEND:VEVENT"}),
    ("Just some words", "text", {"text": "Just some words"}),
    ("", "text", {"text": ""}),
])
def test_parse_foreign_payloads(data: str, kind: str, fields: dict[str, str]) -> None:
    assert parse_payload(data) == (kind, fields)
    assert detect_kind(data) == kind


def test_parse_event_inside_a_calendar_ignores_the_time_zone_block() -> None:
    data = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\n"
            "DTSTART:19701025T030000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nSUMMARY:Talk\r\n"
            "DTSTART:20250601T120000Z\r\nDTEND:20250601T130000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    kind, fields = parse_payload(data)
    assert kind == "event"
    assert (fields["summary"], fields["start"], fields["end"]) == ("Talk", "2025-06-01 12:00:00Z",
                                                                    "2025-06-01 13:00:00Z")
    assert build_payload(kind, fields) == ("BEGIN:VEVENT\r\nSUMMARY:Talk\r\nDTSTART:20250601T120000Z\r\n"
                                           "DTEND:20250601T130000Z\r\nEND:VEVENT\r\n")


def test_parse_folded_vcard_from_another_app() -> None:
    data = ("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;;\nFN:Jane Doe\nTEL;TYPE=HOME:030 1\nTEL:+1 555\n"
            "NOTE:a long \n note\\, split\nBDAY:19800131\nEND:VCARD\n")
    kind, fields = parse_payload(data)
    assert kind == "vcard"
    assert (fields["first_name"], fields["last_name"], fields["home_phone"], fields["work_phone"]) \
        == ("Jane", "Doe", "030 1", "+1 555")
    assert fields["note"] == "a long note, split" and fields["birthday"] == "1980-01-31"


_wifi_text = st.text(alphabet=st.sampled_from(string.ascii_letters + string.digits + ' ;,:\\"äß€漢😀'), min_size=1)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ssid=_wifi_text.filter(lambda s: s.strip() and len(s.encode()) <= 32), password=_wifi_text, hidden=st.booleans(),
       security=st.sampled_from(["WPA", "WEP", "nopass"]))
def test_wifi_round_trip_with_special_characters(ssid: str, password: str, hidden: bool, security: str) -> None:
    if security == "WPA":
        password = (password * 8)[:max(8, min(len(password), 63))]
        while len(password.encode()) > 63:
            password = password[:-1]
    elif security == "WEP":
        password = (password * 13)[:13]
    else:
        password = ""
    fields = {"ssid": ssid, "password": password, "security": security, "hidden": "yes" if hidden else "no"}
    data = build_payload("wifi", fields)
    assert parse_payload(data) == ("wifi", fields)
    assert build_payload(*parse_payload(data)) == data


_any_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(first=_any_text, last=_any_text, note=_any_text, org=_any_text)
def test_vcard_round_trip(first: str, last: str, note: str, org: str) -> None:
    fields = {"first_name": first.strip(), "last_name": last.strip(), "org": org.strip(), "note": note.strip()}
    if not (fields["first_name"] or fields["last_name"] or fields["org"]):
        fields["org"] = "x"
    data = build_payload("vcard", fields)
    assert build_payload(*parse_payload(data)) == data


@settings(max_examples=150, deadline=None)
@given(first=_any_text, last=_any_text, address=_any_text)
def test_mecard_round_trip(first: str, last: str, address: str) -> None:
    fields = {"first_name": first.strip(), "last_name": last.strip() or "x", "address": address.strip()}
    data = build_payload("mecard", fields)
    assert build_payload(*parse_payload(data)) == data


@settings(max_examples=150, deadline=None)
@given(subject=_any_text, body=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_email_round_trip(subject: str, body: str) -> None:
    data = build_payload("email", {"email": "a@example.com", "subject": subject.strip(), "body": body})
    assert build_payload(*parse_payload(data)) == data


@settings(max_examples=150, deadline=None)
@given(summary=_any_text, where=_any_text, all_day=st.booleans(),
       start=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)),
       minutes=st.integers(1, 60 * 24 * 40))
def test_event_round_trip(summary: str, where: str, all_day: bool, start: datetime, minutes: int) -> None:
    begin = start.replace(tzinfo=UTC, microsecond=0)
    end = begin + timedelta(minutes=minutes)
    fmt = "%Y-%m-%d" if all_day else "%Y-%m-%dT%H:%M:%S%z"
    fields = {"summary": summary.strip() or "x", "location": where.strip(), "all_day": "yes" if all_day else "no",
              "start": begin.strftime(fmt), "end": end.strftime(fmt)}
    data = build_payload("event", fields)
    assert build_payload(*parse_payload(data)) == data


@settings(max_examples=100, deadline=None)
@given(lat=st.decimals(-90, 90, places=6), lon=st.decimals(-180, 180, places=6), label=_any_text)
def test_geo_round_trip(lat, lon, label: str) -> None:
    data = build_payload("geo", {"latitude": str(lat), "longitude": str(lon), "label": label.strip()})
    assert build_payload(*parse_payload(data)) == data


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(list(PAYLOAD_KINDS)), data=st.data())
def test_any_field_values_give_a_payload_or_a_spec_error(kind: str, data: st.DataObject) -> None:
    """Whatever a CSV cell holds, the batch gets a string or a message naming the field, never a traceback."""
    defs = PAYLOAD_KINDS[kind].fields
    fields = {f.name: data.draw(st.sampled_from(f.choices) if f.choices else st.text(max_size=30)) for f in defs}
    try:
        out = build_payload(kind, fields)
    except SpecError as exc:
        assert exc.field in fields
        return
    assert isinstance(out, str) and out
    parsed_kind, parsed = parse_payload(out)
    if parsed_kind == kind:
        assert build_payload(parsed_kind, parsed) == out


_PREFIXES = ["WIFI:", "MECARD:", "MATMSG:", "BEGIN:VCARD\n", "BEGIN:VEVENT\r\n", "BEGIN:VCALENDAR\n", "mailto:",
             "SMSTO:", "sms:", "tel:", "geo:", "https://", ""]


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(_PREFIXES), rest=st.text(alphabet=st.sampled_from("ab1:;,.\\\"?=&%()\n\r TZ-+N"),
                                                       max_size=40))
def test_parse_never_crashes_on_scanned_garbage(prefix: str, rest: str) -> None:
    kind, fields = parse_payload(prefix + rest)
    assert kind in PAYLOAD_KINDS
    assert set(fields) <= {f.name for f in PAYLOAD_KINDS[kind].fields}
    assert all(isinstance(v, str) for v in fields.values())
    if kind == "text":
        assert fields == {"text": prefix + rest}


# --- encoded and decoded by a real reader ----------------------------------------------------------------

DECODE = [
    *[(k, f) for k, f, _ in EXACT],
    ("text", {"text": "tab\tand CRLF\r\nkept"}),
    ("text", {"text": "Grüße aus Köln – äöüß ÄÖÜ"}),
    ("text", {"text": "漢字とかな、中文，한국어"}),
    ("text", {"text": "Emoji 😀🎉👍🏽 and 👨‍👩‍👧"}),
    ("wifi", {"ssid": 'Gäste "Netz"; 1,2:3\\', "password": 'p;a,s:s\\"w😀rd', "security": "WPA", "hidden": "yes"}),
    ("wifi", {"ssid": ';,:\\"', "password": ';,:\\";,:\\"', "security": "WPA"}),
    ("vcard", {"first_name": "太郎", "last_name": "山田", "note": "😀, ok; fine"}),
    ("mecard", {"first_name": "Zoë", "last_name": "Ñúñez", "address": "Straße 1; 中文"}),
    ("event", {"summary": "Fête 🎉", "start": "2025-06-01T10:00Z", "end": "2025-06-01T12:00Z", "location": "Zürich"}),
    ("sms", {"number": "+81 3 1234", "message": "こんにちは"}),
    ("geo", {"latitude": "35.6586", "longitude": "139.7454", "label": "東京タワー"}),
]


@pytest.mark.parametrize(("kind", "fields"), DECODE, ids=[f"{k}-{i}" for i, (k, _) in enumerate(DECODE)])
def test_decodes_to_the_exact_string(kind: str, fields: dict[str, str], decode_data) -> None:
    data = build_payload(kind, fields)
    assert decode_data(data) == data
