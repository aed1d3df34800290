"""The batch runner end to end: every output is decoded back to the exact payloads."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from conftest import decode_folder, decode_pdf_pages, decode_zip, write

from app.core.batch import BatchOptions, InputError, get_template, preview_batch, run_batch

URLS = [f"https://example.com/item/{i}?ref=batch&n={i * 7}" for i in range(1, 41)]


def url_csv(tmp_path: Path, n: int = 40) -> Path:
    lines = ["url,name"] + [f"{u},item {i}" for i, u in enumerate(URLS[:n], 1)]
    return write(tmp_path / "in.csv", "\n".join(lines) + "\n")


def read_report(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_folder_output_decodes_to_the_exact_payloads(tmp_path: Path, out: Path) -> None:
    result = run_batch(url_csv(tmp_path), BatchOptions(output=out))
    assert result.errors == [] and result.total == 40
    decoded = decode_folder(out)
    assert decoded == {f"item {i}.png": u for i, u in enumerate(URLS, 1)}
    assert sorted(result.written) == sorted(decoded)
    assert read_report(tmp_path / "out-errors.csv") == [["row", "field", "column", "reason"]]


def test_bad_rows_are_reported_with_spreadsheet_row_numbers_and_lose_nothing(tmp_path: Path, out: Path) -> None:
    src = tmp_path / "mixed.csv"
    src.write_bytes(
        b"text,name\n"
        b"first,a\n"
        + b"x" * 3000 + b",too-long\n"
        b",\n"
        b'"with, comma",b\n'
        + "Grüße €,c\n".encode()
        + b"caf\xe9,broken\n"
        + "last ✓,d\n".encode())
    progress: list[tuple[int, int, int]] = []
    result = run_batch(src, BatchOptions(output=out, chunk_size=2), progress=lambda *a: progress.append(a))
    assert [(e.row, e.field) for e in result.errors] == [(3, "data"), (7, "")]
    assert "too long" in result.errors[0].reason
    assert "not valid utf-8" in result.errors[1].reason
    assert result.skipped == [4]  # the blank row: skipped, not failed
    assert decode_folder(out) == {"a.png": "first", "b.png": "with, comma", "c.png": "Grüße €", "d.png": "last ✓"}
    report = read_report(tmp_path / "out-errors.csv")
    assert [r[:3] for r in report] == [["row", "field", "column"], ["3", "data", '"text"'], ["7", "", ""]]
    assert progress[-1] == (7, 7, 2)
    assert [p[0] for p in progress] == sorted(p[0] for p in progress)


def test_hostile_and_duplicate_names_stay_inside_and_never_overwrite(tmp_path: Path) -> None:
    root = tmp_path / "deep" / "er"
    out = root / "out"
    names = ["../../etc/passwd", "con", "a:b*c", "Dup", "dup", "DUP", "", "..", "nul.txt"]
    lines = ["text,name"] + [f"payload {i},{n}" for i, n in enumerate(names)]
    result = run_batch(write(tmp_path / "in.csv", "\n".join(lines)), BatchOptions(output=out))
    assert result.errors == []
    decoded = decode_folder(out)
    assert sorted(decoded.values()) == sorted(f"payload {i}" for i in range(len(names)))
    assert set(decoded) == {"_._etc_passwd.png", "_con.png", "a_b_c.png", "Dup.png", "dup-2.png", "DUP-3.png",
                            "00008.png", "00009.png", "_nul.txt.png"}
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted([*decoded, "in.csv", "out-errors.csv"])


def test_template_with_row_numbers_and_fields(tmp_path: Path, out: Path) -> None:
    from app.core.payloads import build_payload

    src = write(tmp_path / "w.csv", "SSID;Password;Security;Where\nCafé;pass word;WPA;Bar\n")
    result = run_batch(src, BatchOptions(output=out, kind="wifi", name_column="Where",
                                         template="{row:05d}-{name}-{ssid}"))
    assert result.errors == []
    fields = {"ssid": "Café", "password": "pass word", "security": "WPA"}
    assert decode_folder(out) == {"00002-Bar-Café.png": build_payload("wifi", fields)}


def test_wifi_rows_with_special_characters(tmp_path: Path, out: Path) -> None:
    from app.core.payloads import build_payload

    rows = [("Home", 'p;a,s:s\\"w ', "WPA"), ('Gäste "Netz"', "x;y", "WPA"), ("Open;Net", "", "nopass"),
            ("Hidden:1", "  spaced pass  ", "wpa2")]
    lines = ["SSID,Password,Security"] + [",".join('"' + c.replace('"', '""') + '"' for c in r) for r in rows]
    result = run_batch(write(tmp_path / "wifi.csv", "\n".join(lines)),
                       BatchOptions(output=out, kind="wifi", keep_spaces=True))
    # Row 3's password is too short for WPA: reported with its row and field, the others are made.
    assert [(e.row, e.field) for e in result.errors] == [(3, "password")]
    expected = {f"{i:05d}.png": build_payload("wifi", dict(zip(("ssid", "password", "security"), r, strict=True)))
                for i, r in enumerate(rows, 2) if i != 3}
    assert decode_folder(out) == expected
    assert expected["00005.png"] == "WIFI:T:WPA;S:Hidden\\:1;P:  spaced pass  ;;"


def test_vcard_rows(tmp_path: Path, out: Path) -> None:
    from app.core.payloads import PAYLOAD_KINDS, build_payload

    defs = PAYLOAD_KINDS["vcard"].fields
    names = [f.name for f in defs][:4]
    required = {f.name for f in defs if f.required}
    assert required <= set(names), "the test fills the first four fields; a later one is required"
    rows = [["Müller; Jörg", "Äpfel, GmbH", "+49 30 1234", "j@example.com"],
            ["O'Brien", "Line\\Back", "+1 555 0100", "ob@example.com"]]
    with open(tmp_path / "cards.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([names, *rows])
    result = run_batch(tmp_path / "cards.csv", BatchOptions(output=out, kind="vcard"))
    expected = {f"{i:05d}.png": build_payload("vcard", dict(zip(names, r, strict=True))) for i, r in enumerate(rows, 2)}
    assert result.errors == []
    assert decode_folder(out) == expected


def test_zip_output(tmp_path: Path) -> None:
    target = tmp_path / "codes.zip"
    result = run_batch(url_csv(tmp_path, 12), BatchOptions(output=target, fmt="png"))
    assert decode_zip(target) == {f"item {i}.png": u for i, u in enumerate(URLS[:12], 1)}
    assert result.errors_path == tmp_path / "codes-errors.csv"
    assert not list(tmp_path.glob(".*part"))


def test_pdf_label_sheet_pages_decode(tmp_path: Path) -> None:
    target = tmp_path / "labels.pdf"
    lines = ["url,caption"] + [f"{u},Item {i}" for i, u in enumerate(URLS[:30], 1)]
    result = run_batch(write(tmp_path / "in.csv", "\n".join(lines)), BatchOptions(output=target))
    assert result.errors == [] and len(result.written) == 30
    pages = decode_pdf_pages(target)
    assert len(pages) == 2  # a4-3x8: 24 a page
    assert sorted(pages[0]) == sorted(URLS[:24]) and sorted(pages[1]) == sorted(URLS[24:30])
    # Each code sits inside its own label, row by row, at the template's millimetre positions.
    template = get_template("a4-3x8")
    centres = code_centres_mm(target, page=0)
    assert len(centres) == 24
    for text, x_mm, y_mm in centres:
        left, top = template.label_origin(URLS.index(text))
        assert left < x_mm < left + template.label_w and top < y_mm < top + template.label_h


def code_centres_mm(path: Path, page: int) -> list[tuple[str, float, float]]:
    """Text and centre (mm from the page's top-left) of each code zxing-cpp finds on a page."""
    import pypdfium2
    import zxingcpp

    scale = 4.0
    pdf = pypdfium2.PdfDocument(str(path))
    image = pdf[page].render(scale=scale).to_pil().convert("L")
    pdf.close()
    found = zxingcpp.read_barcodes(image)
    px_per_mm = scale * 72 / 25.4
    centres = []
    for r in found:
        p = r.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        centres.append((r.text, sum(xs) / 4 / px_per_mm, sum(ys) / 4 / px_per_mm))
    return centres


def test_letter_3x10_with_custom_margins(tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    template = get_template("letter-3x10").with_changes(margin_top=10.0, gap_x=4.0)
    from app.core.spec import Style

    style = Style(fg="#222244", eye_color="#aa0000", quiet_zone=2)
    run_batch(url_csv(tmp_path, 10), BatchOptions(output=target, labels=template, style=style))
    assert sorted(decode_pdf_pages(target)[0]) == sorted(URLS[:10])


def test_svg_and_pdf_files_in_a_folder(tmp_path: Path) -> None:
    for fmt in ("svg", "pdf"):
        out = tmp_path / fmt
        result = run_batch(url_csv(tmp_path, 2), BatchOptions(output=out, fmt=fmt))
        assert result.written == [f"item 1.{fmt}", f"item 2.{fmt}"]
        assert (out / f"item 1.{fmt}").read_bytes()[:5] in (b"<?xml", b"<svg ", b"%PDF-")


def test_header_only_and_empty_inputs_raise(tmp_path: Path, out: Path) -> None:
    with pytest.raises(InputError, match="header row but no data rows"):
        run_batch(write(tmp_path / "h.csv", "ssid,password\n"), BatchOptions(output=out, kind="wifi"))
    with pytest.raises(InputError, match="empty"):
        run_batch(write(tmp_path / "e.csv", ""), BatchOptions(output=out))


def test_cancel_keeps_only_whole_files_and_reports_them(tmp_path: Path, out: Path) -> None:
    stop = threading.Event()

    def progress(done: int, total: int, errors: int) -> None:
        if done >= 8:
            stop.set()

    result = run_batch(url_csv(tmp_path), BatchOptions(output=out, chunk_size=4), progress=progress, cancel=stop)
    assert result.cancelled
    on_disk = sorted(p.name for p in out.iterdir())
    assert on_disk == sorted(result.written) and len(on_disk) == 8
    assert decode_folder(out) == {f"item {i}.png": URLS[i - 1] for i in range(1, 9)}


def test_cancel_of_a_zip_leaves_no_archive(tmp_path: Path) -> None:
    target = tmp_path / "codes.zip"
    result = run_batch(url_csv(tmp_path), BatchOptions(output=target, chunk_size=4), cancel=lambda: True)
    assert result.cancelled and result.written == []
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_two_jobs_give_the_same_files_as_one(tmp_path: Path) -> None:
    lines = ["text,name"] + [f"row {i} {'é' * (i % 5)},{'same' if i % 3 == 0 else i}" for i in range(60)]
    lines.insert(10, "y" * 3000 + ",big")
    src = write(tmp_path / "in.csv", "\n".join(lines))
    one = run_batch(src, BatchOptions(output=tmp_path / "one", jobs=1, chunk_size=8))
    two = run_batch(src, BatchOptions(output=tmp_path / "two", jobs=2, chunk_size=8))
    assert one.written == two.written and one.errors == two.errors == two.errors[:1]
    assert two.errors[0].row == 11
    for name in one.written:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert len(decode_folder(tmp_path / "two")) == 60


def test_two_jobs_zip_keeps_row_order(tmp_path: Path) -> None:
    target = tmp_path / "codes.zip"
    result = run_batch(url_csv(tmp_path), BatchOptions(output=target, jobs=2, chunk_size=3))
    assert result.written == [f"item {i}.png" for i in range(1, 41)]
    assert decode_zip(target) == {f"item {i}.png": u for i, u in enumerate(URLS, 1)}


def test_a_code_that_does_not_scan_is_not_written(tmp_path: Path, out: Path) -> None:
    from app.core.spec import Style

    result = run_batch(url_csv(tmp_path, 2), BatchOptions(output=out, style=Style(fg="#eeeeee")))
    assert [e.row for e in result.errors] == [2, 3]
    assert "does not scan" in result.errors[0].reason
    assert list(out.iterdir()) == []


def test_parallel_cancel_reports_exactly_the_files_written(tmp_path: Path, out: Path) -> None:
    stop = threading.Event()
    result = run_batch(url_csv(tmp_path), BatchOptions(output=out, jobs=2, chunk_size=4),
                       progress=lambda done, total, errors: done >= 4 and stop.set(), cancel=stop)
    assert result.cancelled
    on_disk = sorted(p.name for p in out.iterdir())
    assert on_disk == sorted(result.written) and 4 <= len(on_disk) < 40
    decoded = decode_folder(out)
    assert all(URLS[int(name.split()[1].split(".")[0]) - 1] == text for name, text in decoded.items())


def test_preview_shows_payloads_names_and_errors_without_writing(tmp_path: Path, out: Path) -> None:
    src = write(tmp_path / "in.csv", "text,name\nhello,a\n,\nworld,a\nmore,b\n")
    plan, rows = preview_batch(src, BatchOptions(output=out), limit=3)
    assert plan.fields == {"text": 0} and plan.name == 1
    assert [(r.row, r.file_name, r.data, r.skipped) for r in rows] == [
        (2, "a.png", "hello", False), (3, "", None, True), (4, "a-2.png", "world", False)]
    assert not out.exists()


def test_labels_keep_shapes_colours_and_logo(tmp_path: Path) -> None:
    from PIL import Image

    from app.core.spec import Style

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "#cc0000").save(logo)
    style = Style(module_shape="rounded", eye_shape="circle", eye_color="#1a237e", fg="#003300", logo=str(logo))
    target = tmp_path / "shaped.pdf"
    result = run_batch(url_csv(tmp_path, 6), BatchOptions(output=target, style=style, labels="a4-3x7"))
    assert result.errors == []
    assert sorted(decode_pdf_pages(target)[0]) == sorted(URLS[:6])


DATA = Path(__file__).parent / "data"


def test_excel_style_cp1252_semicolon_wifi_sheet(tmp_path: Path, out: Path) -> None:
    """Excel on a German Windows saves CSV as cp1252 with ';' and CRLF."""
    from app.core.payloads import build_payload

    result = run_batch(DATA / "wifi_excel_de.csv", BatchOptions(output=out, kind="wifi", name_column="Raum"))
    assert [(e.row, e.field) for e in result.errors] == [(5, "password")]  # "kurz" is too short for WPA
    assert decode_folder(out) == {
        "Erdgeschoß.png": build_payload("wifi", {"ssid": "Büro", "password": "Größe&Maß!", "security": "WPA"}),
        "Café.png": build_payload("wifi", {"ssid": "Gäste", "password": "willkommen 2024", "security": "WPA"}),
        "Keller.png": build_payload("wifi", {"ssid": "Lager", "security": "nopass"}),
    }


def test_excel_unicode_text_contacts_map_by_field_labels(tmp_path: Path, out: Path) -> None:
    """Excel's "Unicode text" export: UTF-16 LE with BOM, tab separated, headers as the app labels them."""
    from app.core.batch.read import read_source
    from app.core.payloads import build_payload

    table = read_source(DATA / "contacts_excel_unicode.txt")
    # A table, not one payload a line (seen on main: every code held "name<TAB>content").
    assert table.rows[0].cells == ("First name", "Last name", "Mobile", "E-mail", "Organisation")
    result = run_batch(DATA / "contacts_excel_unicode.txt", BatchOptions(output=out, kind="vcard",
                                                                         template="{last_name}"))
    assert result.errors == []
    keys = ("first_name", "last_name", "mobile", "email", "org")
    expected = [("Zoë", "van der Berg", "+31 6 12345678", "zoe@example.nl", "Berg & Zonen; B.V."),
                ("Łukasz", "Nowak-Kowalski", "+48 601 234 567", "lukasz@example.pl", '"Fabryka", Sp. z o.o.'),
                ("Σοφία", "Παπαδοπούλου", "+30 69 1234 5678", "sofia@example.gr", "Αθήνα, Α.Ε.")]
    assert decode_folder(out) == {f"{r[1]}.png": build_payload("vcard", dict(zip(keys, r, strict=True)))
                                  for r in expected}
