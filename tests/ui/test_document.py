"""The editor's document: which library item it shows, whether it changed, saving new and opened items."""

from __future__ import annotations

from app.core.spec import QrSpec
from app.ui.document import Document, save_document


def test_a_new_document_is_modified_only_by_a_change() -> None:
    spec = QrSpec("url", {})
    document = Document(spec)
    assert not document.in_library and not document.is_modified(spec)
    assert document.is_modified(QrSpec("url", {"url": "https://example.org"}))


def test_saving_a_new_code_adds_one_item_and_saving_again_updates_it(library) -> None:
    before = len(library.items())
    first = QrSpec("url", {"url": "https://example.org/a"})
    saved = save_document(library, Document(QrSpec("url", {})), first)
    assert saved.in_library and saved.name and not saved.is_modified(first)
    assert len(library.items()) == before + 1
    second = QrSpec("url", {"url": "https://example.org/b"})
    assert saved.is_modified(second)
    again = save_document(library, saved, second)
    assert again.item_id == saved.item_id
    assert library.get(saved.item_id).spec == second
    assert len(library.items()) == before + 1


def test_the_window_tracks_what_it_opened_and_saved(make_window, library, qtbot) -> None:
    window = make_window(library=library)
    panel = window.library_panel
    row = next(r for r in range(panel.model.rowCount()) if panel.model.items[r].name == "Support line")
    panel.open_row(row)
    assert window.document.name == "Support line" and window.current_item_id == panel.model.items[row].id
    assert not window.document.is_modified(window.model.spec)
    window.model.set_field("text", "tel:+4930999")
    assert window.document.is_modified(window.model.spec)
    window.model.undo_stack.undo()  # back to what was opened: unmodified again
    assert not window.document.is_modified(window.model.spec)

    window.new_code()
    assert window.current_item_id is None and not window.document.is_modified(window.model.spec)
    window.model.set_field("text", "a new one")
    window.main_actions.save.trigger()
    assert window.current_item_id is not None and not window.document.is_modified(window.model.spec)
    assert library.get(window.current_item_id).spec.fields["text"] == "a new one"
