"""Columns → payload fields, header detection, file name templates."""

from __future__ import annotations

import pytest

from app.core.batch.mapping import plan_columns
from app.core.batch.names import check_template, file_stem
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
    assert plan.unused == ('"Notes"',)
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
    check_template("{row:05d}-{name}-{ssid}", plan.fields)
    assert file_stem("{row:05d}-{name}-{ssid}", t.rows[0], "Kitchen/Left", plan.row_fields(t.rows[0])) \
        == "00002-Kitchen_Left-Home"
    with pytest.raises(SpecError, match=r"\{colour\} is not known"):
        check_template("{colour}", plan.fields)
    with pytest.raises(SpecError, match="not a valid template"):
        check_template("{row:zz}", plan.fields)


def test_a_txt_file_has_no_header_even_if_its_first_line_reads_like_one() -> None:
    t = parse_bytes(b"Text\nhello\n", csv_format=False)
    plan_columns(t, "text")
    assert t.header is None and [r.cells for r in t.rows] == [("Text",), ("hello",)]


# Header words in the languages spreadsheets are written in; the column they name feeds the field.
@pytest.mark.parametrize(("header", "kind", "field"), [
    ("Name;Inhalt", "text", "text"),  # seen on main: the name column was encoded
    ("Nom;Contenu", "text", "text"),
    ("Nombre;Contenido", "text", "text"),
    ("Nome;Contenuto", "text", "text"),
    ("Naam;Inhoud", "text", "text"),
    ("Nome;Conteúdo", "text", "text"),
    ("Nazwa;Treść", "text", "text"),
    ("Namn;Innehåll", "text", "text"),
    ("Navn;Indhold", "text", "text"),
    ("Bezeichnung;Webseite", "url", "url"),
    ("Nom;Lien", "url", "url"),
    ("Name;Handynummer", "phone", "number"),
    ("Nombre;Correo electrónico", "email", "email"),
    ("Raum;Netzwerkname", "wifi", "ssid"),
])
def test_header_synonyms_pick_the_payload_column(header: str, kind: str, field: str) -> None:
    values = {"text": "hello", "url": "https://a.example", "number": "+49 170 1", "email": "a@b.example",
              "ssid": "Home"}
    t = table(f"{header}\nKitchen;{values[field]}\n")
    plan = plan_columns(t, kind)
    assert plan.fields[field] == 1
    if kind == "text":
        assert plan.name == 0


def test_a_header_that_names_no_field_leaves_the_data_column_as_payload() -> None:
    t = table("Name;Foo\nShop;https://shop.example\nBlog;https://blog.example\n")
    plan = plan_columns(t, "text")
    assert t.header == ("Name", "Foo") and plan.fields == {"text": 1} and plan.name == 0
    assert "holds URLs" in plan.reasons["text"]


def test_content_finds_the_columns_of_a_contact_sheet_without_field_words() -> None:
    t = table("Wer;Kontakt;Ruf\nZoë;zoe@example.nl;+31 6 12345678\n")
    plan = plan_columns(t, "email")
    assert plan.fields["email"] == 1


@pytest.mark.parametrize(("text", "choices"), [
    ("Name;URL;E-Mail\na;https://a.example;a@b.example\n", ['"URL" (URLs)', '"E-Mail" (e-mail addresses)']),
    ("Shop,Blog\nhttps://a.example,https://b.example\n", ['"Shop" (URLs)', '"Blog" (URLs)']),
    ("alpha,beta\ngamma,delta\n", ["column 1 (text)", "column 2 (text)"]),
])
def test_ambiguous_columns_are_refused_with_the_choices(text: str, choices: list[str]) -> None:
    from app.core.batch.mapping import AmbiguousColumns

    with pytest.raises(AmbiguousColumns) as caught:
        plan_columns(table(text), "text")
    message = str(caught.value)
    assert all(choice in message for choice in choices) and "--map" in message
    assert len(caught.value.choices) == len(choices)


def test_style_columns_are_used_only_when_their_cells_are_what_the_header_says() -> None:
    t = table("Name;Link;Farbe;Kopien\na;https://a.example;#1a237e;3\n")
    plan = plan_columns(t, "url")
    assert plan.style == {"fg": 2, "copies": 3}
    product = table("Artikel;Link;Farbe\nHemd;https://a.example;rot\n")
    plan = plan_columns(product, "url")
    assert "fg" not in plan.style and any("Farbe" in n and "--fg-column" in n for n in plan.notes)


def test_cells_are_trimmed_unless_spaces_are_kept() -> None:
    t = table('text\n"  https://a.example  "\n')
    plan = plan_columns(t, "text")
    assert plan.row_fields(t.rows[0]) == {"text": "https://a.example"}
    assert plan.row_fields(t.rows[0], keep_spaces=True) == {"text": "  https://a.example  "}
