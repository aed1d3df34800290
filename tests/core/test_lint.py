"""Payload lint: fixed test vectors per rule (one payload that must trigger it, one close to it that must not),
and every payload QRDesk's own builders make is free of errors."""

from __future__ import annotations

import pytest

from app.core.lint import RULES, lint
from app.core.payloads import build_payload
from tests.core.test_decode import SAMPLES

CRLF = "\r\n"


def card(*lines: str) -> str:
    return CRLF.join(("BEGIN:VCARD", *lines, "END:VCARD")) + CRLF


# rule id -> (payload that triggers it, a near miss that does not)
VECTORS: dict[str, tuple[str, str]] = {
    "wifi.no-ssid": ("WIFI:T:WPA;P:secret12;;", "WIFI:T:WPA;S:Home;P:secret12;;"),
    "wifi.unescaped-semicolon": ("WIFI:T:WPA;S:Cafe;Bar;P:secret12;;", "WIFI:T:WPA;S:Cafe\\;Bar;P:secret12;;"),
    "wifi.unescaped": ('WIFI:T:WPA;S:Home;P:pa:ss,"w";;', 'WIFI:T:WPA;S:Home;P:pa\\:ss\\,\\"w\\";;'),
    "wifi.lost-backslash": ("WIFI:T:WPA;S:Home;P:C:\\temp1234;;", "WIFI:T:WPA;S:Home;P:C\\:\\\\temp1234;;"),
    "wifi.type": ("WIFI:T:wpa;S:Home;P:secret12;;", "WIFI:T:WPA2;S:Home;P:secret12;;"),
    "wifi.password-ignored": ("WIFI:S:Home;P:secret12;;", "WIFI:S:Home;;"),
    "wifi.hex-ssid": ("WIFI:T:nopass;S:CAFE1234;;", 'WIFI:T:nopass;S:\\"CAFE1234\\";;'),
    "wifi.hex-key": ("WIFI:T:WPA;S:Home;P:" + "ab" * 32 + ";;", "WIFI:T:WPA;S:Home;P:" + "ab" * 31 + ";;"),
    "wifi.hidden": ("WIFI:T:WPA;S:Home;P:secret12;H:yes;;", "WIFI:T:WPA;S:Home;P:secret12;H:true;;"),
    "vcard.version-4": (card("VERSION:4.0", "FN:Jane Doe", "KIND:individual"),
                        card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane Doe")),
    "vcard.no-version": (card("N:Doe;Jane;;;", "FN:Jane Doe"), card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane Doe")),
    "vcard.no-name": (card("VERSION:3.0", "FN:Jane Doe"), card("VERSION:4.0", "FN:Jane Doe")),
    "vcard.no-end": ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\n",
                     card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane Doe")),
    "vcard.quoted-printable": (card("VERSION:3.0", "N:Doe;Jane;;;", "FN;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen"),
                               card("VERSION:2.1", "N:Doe;Jane;;;", "FN;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen")),
    "vcard.photo": (card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane", "PHOTO;VALUE=URI:https://example.com/j.jpg"),
                    card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane", "URL:https://example.com/j.jpg")),
    "vcard.unescaped": (card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane", "NOTE:Tea, not coffee; thanks"),
                        card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane", "NOTE:Tea\\, not coffee\\; thanks")),
    "vcard.line-endings": ("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;;\nFN:Jane\nEND:VCARD\n",
                           card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane")),
    "mecard.ios": ("MECARD:N:Doe,Jane;TEL:+15550100;;", card("VERSION:3.0", "N:Doe;Jane;;;", "FN:Jane")),
    "mecard.unescaped-semicolon": ("MECARD:N:Doe,Jane;ADR:Main St 1;Springfield;;",
                                   "MECARD:N:Doe,Jane;ADR:Main St 1\\;Springfield;;"),
    "mecard.unescaped": ("MECARD:N:Doe,Jane;NOTE:Call: after 5;;", "MECARD:N:Doe,Jane;NOTE:Call\\: after 5;;"),
    "url.http": ("http://example.com/menu", "https://example.com/menu"),
    "url.space": ("https://example.com/my menu.pdf", "https://example.com/my%20menu.pdf"),
    "url.blocked-scheme": ("javascript:alert(1)", "https://example.com/alert"),
    "url.one-platform": ("market://details?id=com.example", "https://play.google.com/store/apps/details?id=com.example"),
    "url.idn": ("https://bücher.example/", "https://xn--bcher-kva.example/"),
    "url.non-ascii": ("https://example.com/straße", "https://example.com/stra%C3%9Fe"),
    "url.credentials": ("https://admin:hunter2@example.com/", "https://example.com/admin"),
    "url.no-scheme": ("www.example.com/menu", "Menu at the bar"),
}


def test_every_rule_has_vectors() -> None:
    assert set(VECTORS) == set(RULES)


@pytest.mark.parametrize("rule", sorted(VECTORS))
def test_rule_fires_on_its_vector_and_not_on_the_near_miss(rule: str) -> None:
    hit, miss = VECTORS[rule]
    found = lint(hit)
    assert rule in [f.rule for f in found], found
    assert all(f.severity == RULES[rule].severity for f in found if f.rule == rule)
    assert rule not in [f.rule for f in lint(miss)], lint(miss)


def test_findings_are_sorted_by_severity_and_read_as_sentences() -> None:
    found = lint("WIFI:T:wpa;S:CAFE;P:x,y:z1234;;")
    assert [f.severity for f in found] == ["error", "warning", "warning"]
    assert str(found[0]) == ("error: network type T:wpa is unknown to ZXing-based readers (write WPA); use WPA, WEP "
                             "or nopass [wifi.type]")


@pytest.mark.parametrize("kind", list(SAMPLES))
def test_qrdesks_own_payloads_have_no_errors(kind: str) -> None:
    found = lint(build_payload(kind, SAMPLES[kind]))
    assert [f for f in found if f.severity == "error"] == []
    if kind == "mecard":
        assert [f.rule for f in found] == ["mecard.ios"]
