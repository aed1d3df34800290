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
    ({"format": "qrdesk-library", "version": 1, "items": [{"id": "x", "spec": {"style": {"fg": "nope"}}}]},
     r"item 1 \(id x\): style.fg"),
    ({"format": "qrdesk-library", "version": 1, "items": [{"spec": {}}]}, "item 1: missing or invalid field"),
    ({"format": "qrdesk-library", "version": 1,
      "items": [{"id": "x", "spec": {}, "files": [{"kind": "export", "sha256": "a" * 64}]}]}, "missing from the"),
])
def test_bad_archives_name_the_problem_and_change_nothing(lib: Library, tmp_path: Path, manifest: object,
                                                          message: str) -> None:
    with pytest.raises(ArchiveError, match=message):
        import_archive(lib, _zip(tmp_path / "bad.zip", manifest))
    assert lib.count() == 0


def test_not_a_zip(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_text("hello")
    with pytest.raises(ArchiveError, match="not a QRDesk library archive"):
        import_archive(lib, tmp_path / "x.zip")
