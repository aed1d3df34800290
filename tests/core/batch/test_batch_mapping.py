"""Columns → payload fields, header detection, file name templates."""

from __future__ import annotations

import pytest

from app.core.batch.mapping import check_template, file_stem, plan_columns
from app.core.batch.read import parse_bytes
from app.core.errors import SpecError


def table(text: str):
    return parse_bytes(text.encode(), csv_format=True)


def test_wifi_columns_map_by_header_name_in_any_order_and_case() -> None:
    t = table("Password,Filename,SSID,Security,Notes\nhunter2,home,Home,WPA,x\n")
    plan = plan_columns(t, "wifi")
    assert t.header == ("Password", "Filename", "SSID", "Security", "Notes")
    assert plan.fields["ssid"] == 2 and plan.fields["password"] == 0 and plan.fields["security"] == 3
    assert plan.name == 1
    assert plan.unused == ("Notes",)
    assert plan.row_fields(t.rows[0]) == {"ssid": "Home", "password": "hunter2", "security": "WPA"}


def test_explicit_mapping_overrides_and_accepts_column_numbers() -> None:
    t = table("Network,Key,Label\nHome,pw,Kitchen\n")
    plan = plan_columns(t, "wifi", explicit={"Network": "ssid", "2": "password"}, caption_column="Label")
    assert plan.fields == {"ssid": 0, "password": 1}
    assert plan.caption == 2


def test_without_header_columns_follow_the_field_order() -> None:
    t = table("Home,pw1\nOffice,pw2\n")
    plan = plan_columns(t, "wifi")
    assert t.header is None and len(t.rows) == 2
    assert plan.fields == {"ssid": 0, "password": 1}


def test_text_kind_uses_the_only_or_first_free_column() -> None:
    t = table("url,name\nhttps://a.example,a\n")
    plan = plan_columns(t, "text")
    assert plan.fields == {"text": 0} and plan.name == 1


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"explicit": {"Nope": "ssid"}}, "no column 'Nope'"),
    ({"explicit": {"Network": "colour"}}, "'colour' is not a field of wifi"),
    ({"name_column": "7"}, "--name-column"),
])
def test_bad_mapping_names_the_option(kwargs: dict, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        plan_columns(table("Network,Key\nHome,pw\n"), "wifi", **kwargs)


def test_missing_required_field_is_named() -> None:
    with pytest.raises(SpecError, match="ssid"):
        plan_columns(table("password,notes\npw,x\n"), "wifi")


def test_unknown_kind() -> None:
    with pytest.raises(SpecError, match="not a payload type"):
        plan_columns(table("a\nb\n"), "fax")


def test_template() -> None:
    t = table("ssid,password,name\nHome,pw,Kitchen/Left\n")
    plan = plan_columns(t, "wifi", name_column="name")
    check_template("{row:05d}-{name}-{ssid}", plan)
    assert file_stem("{row:05d}-{name}-{ssid}", t.rows[0], "Kitchen/Left", plan.row_fields(t.rows[0])) \
        == "00002-Kitchen_Left-Home"
    with pytest.raises(SpecError, match=r"\{colour\} is not known"):
        check_template("{colour}", plan)
    with pytest.raises(SpecError, match="not a valid template"):
        check_template("{row:zz}", plan)


def test_a_txt_file_has_no_header_even_if_its_first_line_reads_like_one() -> None:
    t = parse_bytes(b"Text\nhello\n", csv_format=False)
    plan_columns(t, "text")
    assert t.header is None and [r.cells for r in t.rows] == [("Text",), ("hello",)]
