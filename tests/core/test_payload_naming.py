"""Item names from what a payload means, never a secret (app.core.payloads.naming)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.payloads import PAYLOAD_KINDS, build_payload, item_name, shown_payload
from app.core.payloads.naming import HIDDEN
from app.core.spec import QrSpec

NAMES = [
    ("url", {"url": "https://cafe-nord.example/menu/"}, "cafe-nord.example/menu"),
    ("url", {"url": "cafe-nord.example"}, "cafe-nord.example"),
    ("url", {"url": "https://user:hunter2@shop.example:8443/cart?token=abc123#top"}, "shop.example:8443/cart"),
    ("url", {"url": "otpauth://totp/ACME:jane?secret=JBSWY3DPEHPK3PXP&issuer=ACME"}, "totp/ACME:jane"),
    ("url", {"url": "spotify:track:6rqhFgbbKwnb9MLmUQDhG6"}, "spotify:track:6rqhFgbbKwnb9MLmUQDhG6"),
    ("wifi", {"ssid": "Guest", "password": "welcome-2026", "security": "WPA"}, "Wi-Fi Guest"),
    ("vcard", {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"}, "Ada Lovelace"),
    ("vcard", {"org": "Analytical Engines Ltd"}, "Analytical Engines Ltd"),
    ("mecard", {"first_name": "Grace", "last_name": "Hopper", "phone": "+1 555 0100"}, "Grace Hopper"),
    ("email", {"email": "jane@example.com", "subject": "Hello", "body": "long text"}, "jane@example.com"),
    ("sms", {"number": "+49 170 1234567", "message": "my PIN is 4711"}, "SMS +49 170 1234567"),
    ("phone", {"number": "+49 30 123456"}, "Call +49 30 123456"),
    ("geo", {"latitude": "48.8584", "longitude": "2.2945", "label": "Eiffel Tower"}, "Eiffel Tower"),
    ("geo", {"latitude": "48.8584", "longitude": "2.2945"}, "48.8584, 2.2945"),
    ("event", {"summary": "Team lunch", "start": "2025-06-01 12:30"}, "Team lunch, 2025-06-01"),
    ("text", {"text": "\n  Spring menu\nsecond line"}, "Spring menu"),
    # Text that holds a structured payload is named as that payload (its password stays out).
    ("text", {"text": "WIFI:T:WPA;S:Lobby;P:hunter2-secret;;"}, "Wi-Fi Lobby"),
    ("text", {"text": "https://example.com/a?session=xyz"}, "example.com/a"),
    ("text", {"text": "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n"},
     "Ada Lovelace"),
]


@pytest.mark.parametrize(("kind", "fields", "expected"), NAMES)
def test_names_say_what_the_payload_is(kind: str, fields: dict[str, str], expected: str) -> None:
    assert item_name(kind, fields) == expected


def test_an_empty_form_is_named_by_its_kind_and_long_names_are_cut() -> None:
    assert item_name("wifi", {}) == "Wi-Fi"
    assert item_name("event", {"summary": ""}) == "Calendar event"
    name = item_name("text", {"text": "word " * 100})
    assert len(name) == 80 and name.endswith("…")


SECRET_KINDS = [(kind.name, f.name) for kind in PAYLOAD_KINDS.values() for f in kind.fields if f.secret]


def test_the_registry_marks_the_wifi_password_secret() -> None:
    assert ("wifi", "password") in SECRET_KINDS


_secret_text = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789#%&", min_size=8, max_size=20)


@settings(max_examples=150, deadline=None)
@given(ssid=st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=10)
       .filter(lambda s: s.strip() != "" and len(s.encode()) <= 32),
       password=_secret_text, as_text=st.booleans())
def test_a_wifi_password_never_reaches_a_name(ssid: str, password: str, as_text: bool) -> None:
    assume(password not in ssid)  # a network named like its password shows its name, nothing more
    fields = {"ssid": ssid, "password": password, "security": "WPA"}
    # Typed as plain text, the same network is still named as a network.
    kind, named = ("text", {"text": build_payload("wifi", fields)}) if as_text else ("wifi", fields)
    assert password not in item_name(kind, named)


@settings(max_examples=150, deadline=None)
@given(ssid=st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=10)
       .filter(lambda s: s.strip() != "" and len(s.encode()) <= 32),
       password=st.text(alphabet='ABCDEFGH2345;,:"\\ ', min_size=8, max_size=20), as_text=st.booleans())
def test_a_shown_payload_hides_the_password_and_shows_the_rest(ssid: str, password: str, as_text: bool) -> None:
    # What the preview and the grid's tooltip show (they showed "P:welcome-2026;" before), also with the
    # characters the Wi-Fi format escapes.
    assume(password not in ssid and password.strip() == password)
    fields = {"ssid": ssid, "password": password, "security": "WPA"}
    data = build_payload("wifi", fields)
    kind, given_fields = ("text", {"text": data}) if as_text else ("wifi", fields)
    shown = shown_payload(kind, given_fields, data)
    escaped = "".join("\\" + c if c in '\\;,:"' else c for c in password)  # as the Wi-Fi format writes it
    assert password not in shown and escaped not in shown
    assert shown == data.replace(escaped, HIDDEN) or shown == item_name(kind, given_fields)
    assert shown_payload("url", {"url": "https://a.example/x"}, "https://a.example/x") == "https://a.example/x"


@settings(max_examples=150, deadline=None)
@given(token=_secret_text, where=st.sampled_from(["user", "query", "fragment"]))
def test_url_queries_fragments_and_user_info_never_reach_a_name(token: str, where: str) -> None:
    url = {"user": f"https://bob:{token.replace('#', 'x').replace('%', 'x')}@files.example/doc",
           "query": f"https://files.example/doc?key={token}", "fragment": f"files.example/doc#{token}"}[where]
    assert item_name("url", {"url": url}) == "files.example/doc"


def test_library_add_cli_and_batch_share_the_naming(tmp_path) -> None:
    # The library names an unnamed item; the CLI's `library add` and the batch wizard pass no name.
    from app.cli import main
    from app.core.library import Library

    code = main(["--library", str(tmp_path / "lib"), "library", "add", "--kind", "wifi", "--field", "ssid=Office",
                 "--field", "password=correct-horse"])
    assert code == 0
    with Library.open(tmp_path / "lib") as lib:
        (item,) = lib.list().items
        assert item.name == "Wi-Fi Office"
        assert lib.add(QrSpec("event", {"summary": "Launch", "start": "2026-03-01"})).name == "Launch, 2026-03-01"
