"""Switching payload kinds keeps what maps and drops the rest (app.core.payloads.convert)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import SpecError
from app.core.payloads import PAYLOAD_KINDS, build_payload
from app.core.payloads.convert import convert_fields

FILLED = {
    "text": {"text": "Hello from the front desk"},
    "url": {"url": "https://cafe-nord.example/menu"},
    "wifi": {"ssid": "Guest", "password": "welcome-2026", "security": "WPA", "hidden": "no"},
    "vcard": {"first_name": "Ada", "last_name": "Lovelace", "mobile": "+44 20 7946 0000",
              "email": "ada@example.com", "url": "https://ada.example", "note": "met at the fair"},
    "mecard": {"first_name": "Grace", "last_name": "Hopper", "phone": "+1 555 0100", "email": "grace@example.com"},
    "email": {"email": "jane@example.com", "subject": "Lunch", "body": "See you at noon"},
    "sms": {"number": "+49 170 1234567", "message": "On my way"},
    "phone": {"number": "+49 30 123456"},
    "geo": {"latitude": "48.8584", "longitude": "2.2945", "label": "Eiffel Tower"},
    "event": {"summary": "Team lunch", "start": "2025-06-01 12:30", "location": "Canteen",
              "description": "Bring a friend"},
}
PAIRS = list(itertools.permutations(PAYLOAD_KINDS, 2))


@pytest.mark.parametrize(("source", "target"), PAIRS)
@pytest.mark.parametrize("filled", [True, False], ids=["filled", "empty"])
def test_every_switch_leaves_only_fields_of_the_new_kind(source: str, target: str, filled: bool) -> None:
    fields = FILLED[source] if filled else {f.name: "" for f in PAYLOAD_KINDS[source].fields}
    converted = convert_fields(source, fields, target)
    assert set(converted) <= {f.name for f in PAYLOAD_KINDS[target].fields}
    if not filled:
        assert converted == {}  # an empty form stays empty: nothing to complain about
    try:
        build_payload(target, converted)
    except SpecError as exc:  # a missing field is fine; a field of another kind never is
        assert "is not a field of" not in exc.message


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("url", "text", {"text": "https://cafe-nord.example/menu"}),
    ("sms", "phone", {"number": "+49 170 1234567"}),
    ("phone", "sms", {"number": "+49 30 123456"}),
    ("vcard", "sms", {"number": "+44 20 7946 0000", "message": "met at the fair"}),
    ("vcard", "mecard", {"first_name": "Ada", "last_name": "Lovelace", "phone": "+44 20 7946 0000",
                         "email": "ada@example.com", "url": "https://ada.example", "note": "met at the fair"}),
    ("mecard", "email", {"email": "grace@example.com"}),
    ("email", "event", {"summary": "Lunch", "description": "See you at noon"}),
    ("vcard", "url", {"url": "https://ada.example"}),
    ("geo", "event", {"location": "Eiffel Tower"}),
    ("wifi", "url", {}),  # nothing of a Wi-Fi network is a web address
    ("wifi", "text", {"text": "WIFI:T:WPA;S:Guest;P:welcome-2026;;"}),  # what the code held
])
def test_what_maps_is_kept(source: str, target: str, expected: dict[str, str]) -> None:
    assert convert_fields(source, FILLED[source], target) == expected


def test_text_opens_as_the_payload_it_holds_or_fills_the_main_field() -> None:
    assert convert_fields("text", {"text": "WIFI:T:WPA;S:Lobby;P:hunter2-secret;;"}, "wifi") == \
        {"ssid": "Lobby", "password": "hunter2-secret", "security": "WPA", "hidden": "no"}
    assert convert_fields("text", {"text": "shop.example/sale"}, "url") == {"url": "shop.example/sale"}
    assert convert_fields("text", {"text": "+49 170 1234567"}, "sms") == {"number": "+49 170 1234567"}
    assert convert_fields("text", {"text": "just words"}, "url") == {}  # not a web address: not kept as one
    assert convert_fields("text", {"text": "two\nlines"}, "phone") == {}


def test_an_invalid_form_switched_to_text_keeps_what_was_typed() -> None:
    assert convert_fields("url", {"url": "not a url"}, "text") == {"text": "not a url"}


@settings(max_examples=200, deadline=None)
@given(source=st.sampled_from(list(PAYLOAD_KINDS)), target=st.sampled_from(list(PAYLOAD_KINDS)),
       values=st.lists(st.text(max_size=30), min_size=20, max_size=20))
def test_any_input_switches_without_an_error(source: str, target: str, values: list[str]) -> None:
    fields = {f.name: v for f, v in zip(PAYLOAD_KINDS[source].fields, values, strict=False)}
    converted = convert_fields(source, fields, target)
    assert set(converted) <= {f.name for f in PAYLOAD_KINDS[target].fields}
