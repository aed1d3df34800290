from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.core.library import ArchiveError, Library
from app.core.library.archive import export_archive, import_archive
from app.core.spec import QrSpec


def _fill(lib: Library) -> None:
    a = lib.add(QrSpec.text("alpha"), name="A", tags=["t"], notes="n")
    lib.attach_file(a.id, "export", b"png bytes")
    b = lib.add(QrSpec(kind="url", fields={"url": "https://b.example"}), name="B")
    lib.trash([b.id])


def test_import_twice_creates_no_duplicates(tmp_path: Path) -> None:
    archive = tmp_path / "lib.zip"
    with Library.open(tmp_path / "src") as src:
        _fill(src)
        assert export_archive(src, archive) == 2
        originals = {i.id: i for i in src.all_items()}
    with Library.open(tmp_path / "dst") as dst:
        first = import_archive(dst, archive)
        second = import_archive(dst, archive)
        assert (first.added, first.unchanged) == (2, 0)
        assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
        copies = {i.id: i for i in dst.all_items()}
        assert copies.keys() == originals.keys() and dst.count() == 1 and dst.count(trashed=True) == 1
        for item_id, original in originals.items():
            copy = copies[item_id]
            assert (copy.spec, copy.name, copy.tags, copy.notes, copy.files) == \
                (original.spec, original.name, original.tags, original.notes, original.files)
        [ref] = next(i for i in copies.values() if i.files).files
        assert dst.files.read_bytes(ref.sha256) == b"png bytes"


def test_newer_archive_copy_updates_older_does_not(tmp_path: Path) -> None:
    with Library.open(tmp_path / "src") as src:
        item = src.add(QrSpec.text("v1"), name="old")
        export_archive(src, tmp_path / "v1.zip")
        src.rename(item.id, "new")
        export_archive(src, tmp_path / "v2.zip")
    with Library.open(tmp_path / "dst") as dst:
        import_archive(dst, tmp_path / "v1.zip")
        assert import_archive(dst, tmp_path / "v2.zip").updated == 1
        assert dst.get(item.id).name == "new"
        dst.rename(item.id, "local edit")
        assert import_archive(dst, tmp_path / "v2.zip").kept_newer == 1
        assert dst.get(item.id).name == "local edit"


def _zip(path: Path, manifest: object, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(("manifest", "message"), [
    ({"format": "other"}, "not a QRDesk library manifest"),
    ({"format": "qrdesk-library", "version": 99, "items": []}, "version 99 is not supported"),
    ({"format": "qrdesk-library", "version": 1, "items": {}}, "has no item list"),
])
def test_bad_archives_name_the_problem_and_change_nothing(lib: Library, tmp_path: Path, manifest: object,
                                                          message: str) -> None:
    with pytest.raises(ArchiveError, match=message):
        import_archive(lib, _zip(tmp_path / "bad.zip", manifest))
    assert lib.count() == 0


GOOD_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"
TEXT = {"kind": "text", "fields": {"text": "hello"}}


@pytest.mark.parametrize(("entry", "reason"), [
    ({"id": "x", "spec": TEXT}, "item 1: id: must be a UUID"),
    ({"id": GOOD_ID, "spec": {}}, "spec.kind: is not a payload type"),
    ({"spec": TEXT}, "item 1: id: must be a UUID"),
    ({"id": GOOD_ID, "spec": {"kind": "text", "style": {"fg": "nope"}}}, f"item 1 (id {GOOD_ID}): spec.style.fg"),
    ({"id": GOOD_ID, "spec": {"kind": "no-such-kind"}}, "spec.kind: is not a payload type"),
    ({"id": GOOD_ID, "spec": TEXT, "files": [{"kind": "export", "sha256": "a" * 64}]}, "missing from the archive"),
    ({"id": GOOD_ID, "spec": TEXT, "files": "all"}, "files: must be a list"),
    ({"id": GOOD_ID, "spec": TEXT, "updated_at": 1e20}, "updated_at: is not a date between 1970 and 9999"),
    ({"id": GOOD_ID, "spec": TEXT, "created_at": -1}, "created_at: is not a date"),
    ({"id": GOOD_ID, "spec": TEXT, "trashed_at": "soon"}, "trashed_at: must be a time"),
    ({"id": GOOD_ID, "spec": TEXT, "name": "\ud800"}, "name: is not valid Unicode"),
    ({"id": GOOD_ID, "spec": TEXT, "tags": [1]}, "tags[0]: must be text"),
    ([], "item 1 is not an object"),
])
def test_a_bad_item_is_refused_with_its_reason_and_the_good_ones_import(lib: Library, tmp_path: Path, entry: object,
                                                                        reason: str) -> None:
    good = {"id": "6F9619FF-8B86-D011-B42D-00C04FC964FF", "name": "Good", "spec": {"kind": "text", "fields":
                                                                                 {"text": "hello"}}}
    report = import_archive(lib, _zip(tmp_path / "mixed.zip", {"format": "qrdesk-library", "version": 1,
                                                               "items": [entry, good]}))
    [refused] = report.refused
    assert reason in refused and refused.startswith(str(tmp_path / "mixed.zip"))
    assert report.added == 1 and [i.name for i in lib.all_items()] == ["Good"]
    assert lib.get("6f9619ff-8b86-d011-b42d-00c04fc964ff").name == "Good"  # ids are kept in lower case


def test_not_a_zip(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_text("hello")
    with pytest.raises(ArchiveError, match="not a QRDesk library archive"):
        import_archive(lib, tmp_path / "x.zip")
