"""The library grid over a real SQLite library: lazy thumbnails, search, open into the editor, edits saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from uihelpers import decode, wait_preview

from app.ui.library_view import ItemIdRole


def _wait_thumbnails(qtbot, panel) -> None:
    for row in range(panel.model.rowCount()):
        panel.model.data(panel.model.index(row), Qt.ItemDataRole.DecorationRole)  # as painting would
    qtbot.waitUntil(lambda: all(panel.model.thumbnail_ready(r) for r in range(panel.model.rowCount())))


def test_opening_an_item_loads_it_into_the_editor_and_preview(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    assert panel.model.rowCount() == 5
    row = next(r for r in range(5) if panel.model.items[r].name == "Menu — Café Nord")
    index = panel.model.index(row)
    panel.view.setCurrentIndex(index)
    panel.view.activated.emit(index)  # what Enter / double-click emit

    assert window.model.spec.fields["url"] == "https://cafe-nord.example/menu"
    assert window.form.editor("url").text() == "https://cafe-nord.example/menu"
    assert window.style_panel.module_shape.currentData() == "rounded"
    wait_preview(qtbot, window, "https://cafe-nord.example/menu")
    assert decode(window.preview.image()) == ["https://cafe-nord.example/menu"]


def test_edits_to_an_opened_item_are_saved_to_the_library(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    row = next(r for r in range(5) if panel.model.items[r].name == "Product sheet")
    item_id = panel.model.index(row).data(ItemIdRole)
    panel.open_row(row)
    qtbot.keyClicks(window.form.editor("url"), "?v=2")
    window.main_actions.save.trigger()
    assert library.get(item_id).spec.fields["url"] == "https://qrdesk.app/p/4711?v=2"
    assert panel.model.rowCount() == 5  # updated, not added


def test_thumbnails_render_off_the_gui_thread_and_decode(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    _wait_thumbnails(qtbot, panel)
    for row, item in enumerate(panel.model.items):
        icon = panel.model.data(panel.model.index(row), Qt.ItemDataRole.DecorationRole)
        image = icon.pixmap(96, 96).toImage()
        assert decode(image.scaled(image.width() * 3, image.height() * 3)) == [item.spec.data()]


def test_search_tag_filter_trash_and_restore(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    panel.search.setText("café")
    assert [i.name for i in panel.model.items] == ["Menu — Café Nord"]
    panel.search.clear()
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("office"))
    assert sorted(i.name for i in panel.model.items) == ["Guest Wi-Fi card", "Support line"]
    panel.tag_filter.setCurrentIndex(0)

    panel.view.selectAll()
    panel.trash_selected()
    assert panel.model.rowCount() == 0
    panel.show_trash.setChecked(True)
    assert panel.model.rowCount() == 5
    panel.view.selectAll()
    panel.restore_selected()
    panel.show_trash.setChecked(False)
    assert panel.model.rowCount() == 5


def test_duplicate_adds_a_copy(make_window, library, qtbot):
    window = make_window(library=library)
    panel = window.library_panel
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.duplicate_selected()
    assert panel.model.rowCount() == 6
    assert any(i.name.endswith("(copy)") for i in panel.model.items)


def test_a_wifi_password_is_never_on_screen_in_the_grid_or_under_the_preview(make_window, library, qtbot):
    # Seen before: the grid's tooltip and the line under the preview showed "WIFI:T:WPA;S:Guest;P:welcome-2026;;".
    window = make_window(library=library)
    panel = window.library_panel
    row = next(r for r, item in enumerate(panel.model.items) if item.name == "Guest Wi-Fi card")
    tooltip = panel.model.data(panel.model.index(row), Qt.ItemDataRole.ToolTipRole)
    assert "welcome-2026" not in tooltip and "S:Guest" in tooltip
    panel.open_row(row)
    wait_preview(qtbot, window, "WIFI:T:WPA;S:Guest;P:welcome-2026;;")  # the code itself holds it, of course
    summary = window.preview_status.summary.text()
    assert "welcome-2026" not in summary and "S:Guest" in summary
