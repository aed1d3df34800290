"""The wire checks (cloud_sync.checks) the service, the client and archive import share."""

from __future__ import annotations

import pytest

from app.core import validate
from app.core.payloads import PAYLOAD_KINDS
from cloud_sync import checks


def test_the_protocol_knows_exactly_the_payload_kinds_of_the_app() -> None:
    # The service cannot import the registry (it ships without the app), so the protocol keeps the kinds as data;
    # a kind added to one and not the other would be refused by the service or break the client.
    assert set(PAYLOAD_KINDS) == checks.KINDS


@pytest.mark.parametrize(("spec", "wire", "full"), [
    ({"kind": "text", "fields": {"text": "hi"}, "style": {"fg": "#112233"}}, None, None),
    ({"kind": "text"}, None, None),
    ([], "spec: must be an object", None),
    ({"fields": {}}, "spec.kind: is not a payload type", None),
    ({"kind": "hologram"}, "spec.kind: is not a payload type", None),
    ({"kind": "text", "fields": {"text": 5}}, "spec.fields.text: must be text", None),
    ({"kind": "text", "fields": {"text": "\ud800"}}, "spec.fields.text: is not valid Unicode", None),
    ({"kind": "text", "style": [1]}, "spec.style: must be an object", None),
    ({"kind": "text", "style": {"size": float("nan")}}, "spec.style.size: must be a finite number", None),
    ({"kind": "text", "extra": 1}, "spec.extra: is not a field of a spec", None),
    # The shape is sound; what only the app's registry and style parser know is checked on the desktop side.
    ({"kind": "text", "style": {"fg": "not a colour"}}, None, "spec.style.fg"),
    ({"kind": "text", "fields": {"ssid": "x"}}, None, "spec.fields.ssid: is not a field of text"),
])
def test_spec_shape_on_the_wire_and_the_full_parse_on_the_desktop(spec: object, wire: str | None,
                                                                   full: str | None) -> None:
    for check, expected in ((checks.spec, wire), (validate.spec, wire or full)):
        if expected is None:
            check(spec)
        else:
            with pytest.raises(checks.InvalidRecord, match=expected.replace("(", r"\(")):
                check(spec)
