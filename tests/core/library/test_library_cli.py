"""``qrdesk library ...`` end to end through ``app.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp
from procs import read_until, start_python, stop

from app.cli import main
from app.core.encode import encode_spec
from app.core.library import Library, list_backups
from app.core.render import png
from app.core.spec import QrSpec


def run(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(folder), "library", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_show_rename_tag_rm_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, out, _ = run(capsys, lib, "add", "https://example.com/menu", "--kind", "url", "--name", "Menu",
                       "--tag", "food")
    assert code == 0 and out.startswith("added ")
    item_id = out.split()[1]
    assert run(capsys, lib, "add", "--kind", "wifi", "--field", "ssid=Guest", "--field", "password=pw-secret-1")[0] == 0

    code, out, _ = run(capsys, lib, "list", "menu")
    assert code == 0 and item_id[:8] in out and "Menu  [food]" in out and "(1–1 of 1 item)" in out
    code, out, _ = run(capsys, lib, "list", "--kind", "wifi", "--json")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["spec"]["fields"] == {"ssid": "Guest", "password": "pw-secret-1"}

    code, out, _ = run(capsys, lib, "show", item_id[:8])
    assert code == 0 and "url: https://example.com/menu" in out and "tags:     food" in out
    assert run(capsys, lib, "rename", item_id[:8], "Lunch menu")[0] == 0
    assert run(capsys, lib, "tag", item_id[:8], "--add", "lunch", "--remove", "food")[1].endswith("tags: lunch\n")
    assert "moved 1 item(s) to the trash" in run(capsys, lib, "rm", item_id[:8])[1]
    assert "(0 of 0 items)" in run(capsys, lib, "list", "lunch")[1]
    assert "Lunch menu" in run(capsys, lib, "list", "--trash")[1]
    assert run(capsys, lib, "restore", item_id[:8])[0] == 0
    with Library.open(lib) as opened:
        item = opened.get(item_id)
    assert (item.name, item.tags, item.trashed) == ("Lunch menu", ("lunch",), False)
    # What the library kept is a working code: render it and decode it back.
    [decoded] = zxingcpp.read_barcodes(png.render_image(encode_spec(item.spec), item.spec.style))
    assert decoded.text == "https://example.com/menu"


@pytest.mark.parametrize(("argv", "message"), [
    (("add", "not a url", "--kind", "url"), "qrdesk: error: url: "),
    (("add", "--kind", "nope", "x"), "qrdesk: error: --kind: 'nope' is not a payload type"),
    (("add", "--field", "oops"), "qrdesk: error: --field: 'oops' is not KEY=VALUE"),
    (("show", "abcdef12"), "qrdesk: error: no item with id abcdef12 in the library"),
    (("import", "missing.zip"), "qrdesk: error: missing.zip is not a QRDesk library archive"),
])
def test_user_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...],
                                  message: str) -> None:
    code, _, err = run(capsys, tmp_path / "lib", *argv)
    assert code == 2 and err.startswith(message) and err.count("\n") == 1


def test_export_then_import_twice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src, dst, archive = tmp_path / "src", tmp_path / "dst", tmp_path / "all.zip"
    for text in ("one", "two", "three"):
        run(capsys, src, "add", text, "--tag", "x")
    assert run(capsys, src, "export", str(archive)) == (0, f"exported 3 item(s) to {archive}\n", "")
    assert "3 added, 0 updated, 0 already here" in run(capsys, dst, "import", str(archive))[1]
    assert "0 added, 0 updated, 3 already here" in run(capsys, dst, "import", str(archive))[1]
    assert "(1–3 of 3 items)" in run(capsys, dst, "list", "--tag", "x")[1]


def test_empty_trash_and_purge(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    ids = [run(capsys, lib, "add", t)[1].split()[1] for t in ("a", "b")]
    run(capsys, lib, "rm", ids[0][:8])
    assert run(capsys, lib, "empty-trash")[1] == "deleted 1 item(s) for good\n"
    assert run(capsys, lib, "rm", "--purge", ids[1][:8])[1] == "deleted 1 item(s) for good\n"
    assert "(0 of 0 items)" in run(capsys, lib, "list")[1]


def test_locked_library_message_and_read_only_listing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run(capsys, lib, "add", "kept")
    proc = start_python(f"""
        import time
        from app.core.library import Library
        lib = Library.open({str(lib)!r})
        print("READY", flush=True)
        time.sleep(120)
    """)
    try:
        read_until(proc, "READY")
        code, _, err = run(capsys, lib, "add", "more")
        assert code == 3  # try again: the other instance will let go
        assert err.startswith(f"qrdesk: error: the library at {lib} is open in another QRDesk instance "
                              f"(process {proc.pid} ")
        code, out, _ = main(["--library", str(lib), "library", "--read-only", "list"]), *capsys.readouterr()
        assert code == 0 and "kept" in out
    finally:
        stop(proc)


def test_recover_command_restores_the_backup(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run(capsys, lib, "add", "precious")
    assert list_backups(lib)
    (lib / "library.db").write_bytes(b"\0garbage" * 512)
    code, _, err = run(capsys, lib, "list")
    assert code == 2 and "is damaged" in err and "qrdesk library recover" in err
    code, out, _ = run(capsys, lib, "recover")
    assert code == 0 and "restored" in out
    assert "precious" in run(capsys, lib, "list")[1]


def test_qrdesk_home_picks_the_default_library(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path / "home"))
    assert main(["library", "add", "via env"]) == 0
    capsys.readouterr()
    with Library.open(tmp_path / "home") as lib:
        assert [i.spec for i in lib.list().items] == [QrSpec.text("via env")]


def test_import_refuses_crafted_items_by_reason_and_the_library_stays_readable(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An archive made by hand, as an attacker would: a path for an id, a NaN and a year-5000000 timestamp,
    an id that differs from another only in case. The good items import; every later command still works."""
    import zipfile

    good = {"id": "6F9619FF-8B86-D011-B42D-00C04FC964FF", "name": "Good one",
            "spec": {"kind": "url", "fields": {"url": "https://example.com/good"}}, "created_at": 1.7e9,
            "updated_at": 1.7e9}
    items = [
        good,
        {**good, "id": "../../etc/passwd", "name": "Path"},
        {**good, "id": "3e1b9e1c-6a4d-4c47-9d0b-3f6a2b1c0d9e", "updated_at": float("nan")},
        {**good, "id": "a4c6ef1e-5f4b-4a8e-9d5f-0c3b2a1d9e8f", "created_at": 1.6e14},
        {**good, "id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "name": "Same id, other case"},
        {**good, "id": "0f8fad5b-d9cb-469f-a165-70867728950e", "name": "Second good one", "tags": ["ok"]},
    ]
    archive = tmp_path / "crafted.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "qrdesk-library", "version": 1, "items": items}))

    code, out, err = run(capsys, tmp_path / "lib", "import", str(archive))
    assert code == 0 and "2 added" in out and "4 refused" in out
    refused = err.splitlines()
    assert len(refused) == 4 and all(line.startswith(f"qrdesk: refused {archive}: item ") for line in refused)
    assert "item 2: id: must be a UUID" in refused[0] and "passwd" not in err  # named, never echoed
    assert "item 3 (id 3e1b9e1c-6a4d-4c47-9d0b-3f6a2b1c0d9e): updated_at: is not a date" in refused[1]
    assert "item 4 (id a4c6ef1e-5f4b-4a8e-9d5f-0c3b2a1d9e8f): created_at: is not a date" in refused[2]
    assert "item 5 (id 6f9619ff-8b86-d011-b42d-00c04fc964ff): the id is already used" in refused[3]

    code, out, err = run(capsys, tmp_path / "lib", "list", "--json")
    assert code == 0 and err == ""
    rows = {row["id"]: row["name"] for row in map(json.loads, out.splitlines())}
    assert rows == {"6f9619ff-8b86-d011-b42d-00c04fc964ff": "Good one",
                    "0f8fad5b-d9cb-469f-a165-70867728950e": "Second good one"}
    assert run(capsys, tmp_path / "lib", "show", "6F9619FF")[0] == 0
    # Importing again matches the items by id whatever its case: nothing is added twice.
    code, out, _ = run(capsys, tmp_path / "lib", "import", str(archive))
    assert code == 0 and "0 added" in out and "2 already here" in out

    # An archive whose every item is refused imported nothing: that is a failure (exit 1), as for a batch.
    with zipfile.ZipFile(tmp_path / "all-bad.zip", "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "qrdesk-library", "version": 1, "items": items[1:2]}))
    assert run(capsys, tmp_path / "lib", "import", str(tmp_path / "all-bad.zip"))[0] == 1
