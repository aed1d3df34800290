from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.library import ItemNotFoundError, Library, LibraryError
from app.core.library.schema import SCHEMA_VERSION
from app.core.spec import QrSpec, Style


def test_items_survive_reopen_with_every_attribute(lib_dir: Path) -> None:
    spec = QrSpec(kind="wifi", fields={"ssid": "Guest", "password": "s3cret-pass"}, style=Style(fg="#112233"))
    with Library.open(lib_dir) as lib:
        item = lib.add(spec, name="  Office   wifi ", tags=["net", "Net", " guest "], notes="2nd floor")
    with Library.open(lib_dir) as lib:
        again = lib.get(item.id)
    assert again.spec == spec
    assert again.name == "Office wifi"
    assert again.tags == ("guest", "net")  # trimmed, de-duplicated case-insensitively, sorted
    assert again.notes == "2nd floor"
    assert again.created_at == again.updated_at > 0


def test_empty_name_comes_from_what_the_payload_means(lib: Library) -> None:
    assert lib.add(QrSpec.text("https://example.com/x")).name == "example.com/x"  # text holding a link
    wifi = QrSpec("wifi", {"ssid": "Guest", "password": "welcome-2026"})
    assert lib.add(wifi).name == "Wi-Fi Guest"
    assert lib.add(QrSpec.text("WIFI:T:WPA;S:Lobby;P:hunter2-secret;;")).name == "Wi-Fi Lobby"


def test_rename_retag_duplicate(lib: Library) -> None:
    item = lib.add(QrSpec.text("a"), name="A", tags=["one", "two"])
    assert lib.rename(item.id, "B").name == "B"
    assert lib.retag(item.id, add=["three"], remove=["ONE"]).tags == ("three", "two")
    copy = lib.duplicate(item.id)
    assert copy.id != item.id and copy.name == "B (copy)" and copy.spec == item.spec
    with pytest.raises(LibraryError, match="cannot be empty"):
        lib.rename(item.id, "   ")


def test_trash_restore_and_empty_trash(lib: Library) -> None:
    keep, bin_ = lib.add(QrSpec.text("keep")), lib.add(QrSpec.text("bin"))
    assert lib.trash([bin_.id]) == 1
    assert [i.id for i in lib.list().items] == [keep.id]
    assert [i.id for i in lib.list(trashed=True).items] == [bin_.id]
    assert lib.restore([bin_.id]) == 1 and lib.count() == 2
    lib.trash([bin_.id])
    assert lib.empty_trash() == 1
    with pytest.raises(ItemNotFoundError):
        lib.get(bin_.id)
    assert lib.count() == 1 and lib.count(trashed=True) == 0


def test_search_filters_and_sorting(lib: Library) -> None:
    a = lib.add(QrSpec.text("Café menu"), name="Menu", tags=["food"])
    b = lib.add(QrSpec(kind="url", fields={"url": "https://shop.example"}), name="shop", tags=["Work"])
    c = lib.add(QrSpec.text("nothing"), name="apple", notes="remember the lobby")
    assert [i.id for i in lib.list("cafe").items] == [a.id]  # diacritics folded, payload searched
    assert [i.id for i in lib.list("sho").items] == [b.id]  # prefix match
    assert [i.id for i in lib.list("lobby").items] == [c.id]  # notes searched
    assert [i.id for i in lib.list("work").items] == [b.id]  # tags searched
    assert lib.list('"-:*').total == 0  # punctuation is no FTS syntax error
    assert [i.id for i in lib.list(tag="work").items] == [b.id]  # tag filter ignores case
    assert [i.id for i in lib.list(kind="url").items] == [b.id]
    assert [i.name for i in lib.list(sort="name").items] == ["apple", "Menu", "shop"]
    assert [i.id for i in lib.list(sort="created").items] == [c.id, b.id, a.id]
    lib.rename(a.id, "Menu 2")
    assert lib.list().items[0].id == a.id  # most recently updated first
    assert lib.list("menu").items[0].name == "Menu 2"  # index follows edits
    page = lib.list(limit=2, offset=1)
    assert page.total == 3 and len(page.items) == 2
    assert dict(lib.tags()) == {"food": 1, "Work": 1}


def test_resolve_by_id_prefix(lib: Library) -> None:
    item = lib.add(QrSpec.text("x"))
    assert lib.resolve(item.id[:8]).id == item.id
    with pytest.raises(LibraryError, match="too short"):
        lib.resolve("ab")
    with pytest.raises(ItemNotFoundError, match="no item"):
        lib.resolve("ffffffff-0000")


def test_attached_files_are_content_addressed_and_deduplicated(lib: Library) -> None:
    a, b = lib.add(QrSpec.text("a")), lib.add(QrSpec.text("b"))
    ref = lib.attach_file(a.id, "export", b"\x89PNG fake")
    assert lib.attach_file(b.id, "export", b"\x89PNG fake") == ref
    path = lib.files.path_of(ref.sha256)
    assert path == lib.folder / "files" / "sha256" / ref.sha256[:2] / ref.sha256
    assert path.read_bytes() == b"\x89PNG fake"
    assert list(path.parent.iterdir()) == [path]  # stored once, no temp files left behind
    assert lib.get(a.id).files == (ref,)
    path.write_bytes(b"tampered")
    with pytest.raises(LibraryError, match="damaged"):
        lib.files.read_bytes(ref.sha256)


def test_wal_mode_and_schema_version(lib: Library, lib_dir: Path) -> None:
    conn = sqlite3.connect(lib_dir / "library.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_library_from_a_newer_version_is_refused_not_damaged(lib_dir: Path) -> None:
    Library.open(lib_dir).close()
    conn = sqlite3.connect(lib_dir / "library.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer QRDesk"):
        Library.open(lib_dir)


def test_broad_search_counts_up_to_the_cap(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.library import query as library_module

    monkeypatch.setattr(library_module, "SEARCH_COUNT_CAP", 3)
    with lib.transaction():
        for i in range(5):
            lib.add(QrSpec.text(f"common {i}"))
    page = lib.list("common", limit=2)
    assert (len(page.items), page.total, page.total_is_exact) == (2, 3, False)
    assert lib.list("common 4").total_is_exact
    assert (lib.list().total, lib.list().total_is_exact) == (5, True)  # plain listings count exactly
    assert lib.count("common") == 5  # what the views show once the count is in: exact, past the cap


@pytest.mark.parametrize("sort", ["updated", "created", "name"])
def test_both_search_plans_return_the_same_page(lib: Library, monkeypatch: pytest.MonkeyPatch, sort: str) -> None:
    from app.core.library import query as library_module

    with lib.transaction():
        ids = [lib.add(QrSpec.text(f"shared word {i % 7}"), name=f"n{(i * 37) % 50:02d}").id for i in range(50)]
        lib.add(QrSpec(kind="url", fields={"url": "https://shared.example"}), name="url one")
    lib.trash(ids[:5])
    lib.rename(ids[20], "renamed")

    def pages() -> list[list[str]]:
        return [[i.id for i in lib.list(q, sort=sort, kind=kind, limit=10, offset=off, descending=d).items]
                for q in ("shared", "shared 3", "sha") for kind in (None, "text", "url") for off in (0, 10)
                for d in (True, False)]

    def counts() -> list[int]:
        return [lib.count(q, kind=kind, trashed=t) for q in ("", "shared", "shared 3", "sha", "-")
                for kind in (None, "text", "url") for t in (False, True)]

    monkeypatch.setattr(library_module, "WALK_THRESHOLD", 10**9)
    joined, joined_counts = pages(), counts()
    monkeypatch.setattr(library_module, "WALK_THRESHOLD", 0)
    assert pages() == joined and counts() == joined_counts
    # From how the items were made: 50 texts (i % 7 == 3 for seven of them, one of those trashed), 1 URL.
    assert (lib.count(), lib.count(trashed=True), lib.count(kind="url"), lib.count("sha")) == (46, 5, 1, 46)
    assert (lib.count("shared 3"), lib.count("shared 3", trashed=True), lib.count("-")) == (6, 1, 0)
    assert any(len(p) == 10 for p in joined) and not any(set(p) & set(ids[:5]) for p in joined)


def test_library_folder_comes_from_option_env_or_user_data_dir(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    import platformdirs

    from app.core.library import default_library_dir, resolve_library_dir

    monkeypatch.setenv("QRDESK_HOME", str(tmp_path / "home"))
    assert default_library_dir() == tmp_path / "home"
    assert resolve_library_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert resolve_library_dir(None) == tmp_path / "home"
    monkeypatch.delenv("QRDESK_HOME")
    assert default_library_dir() == Path(platformdirs.user_data_dir("QRDesk", appauthor=False))


def test_workers_on_other_threads_share_one_library(lib: Library) -> None:
    import threading

    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                item = lib.add(QrSpec.text(f"thread {n} item {i}"), tags=[f"t{n}"])
                lib.rename(item.id, f"thread {n} renamed {i}")
                lib.list("thread")
        except BaseException as exc:  # collected: an exception in a thread would otherwise be lost
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert lib.count() == 100 and lib.list("renamed").total == 100
    assert dict(lib.tags()) == {f"t{n}": 25 for n in range(4)}


def test_tag_names_are_the_counted_tags_in_the_same_order(lib: Library) -> None:
    # The library panel lists names only (counting took 1 s on 100,000 items); they must be the same tags.
    kept = lib.add(QrSpec.text("a"), tags=["Work", "food", "zebra"])
    lib.add(QrSpec.text("b"), tags=["work", "Alpha"])
    trashed = lib.add(QrSpec.text("c"), tags=["only-in-trash", "food"])
    gone = lib.add(QrSpec.text("d"), tags=["deleted-for-good"])
    lib.trash([trashed.id])
    lib.delete_forever([gone.id])
    lib.retag(kept.id, remove=["zebra"])
    assert lib.tag_names() == [tag for tag, _count in lib.tags()]
    assert [t.casefold() for t in lib.tag_names()] == ["alpha", "food", "work"]


@pytest.mark.parametrize(("tags", "said"), [
    ([f"tag {i}" for i in range(201)], "at most 200 tags"),
    (["x" * 201], "longer than 200 characters"),
])
def test_tags_the_sync_could_not_carry_are_refused_with_the_reason(lib: Library, tags: list[str],
                                                                    said: str) -> None:
    """Every door into the library takes only what the sync protocol carries: an item with 201 tags would be
    refused by the server on every sync."""
    item = lib.add(QrSpec.text("tagged"), tags=["kept"])
    with pytest.raises(LibraryError, match=said):
        lib.add(QrSpec.text("new"), tags=tags)
    with pytest.raises(LibraryError, match=said):
        lib.retag(item.id, add=tags)
    assert lib.get(item.id).tags == ("kept",) and lib.count() == 1
    assert len(lib.retag(item.id, add=[f"t{i}" for i in range(199)]).tags) == 200  # the limit itself is fine
