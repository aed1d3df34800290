"""A library bigger than a page scrolls to its last item, and the count under the grid is exact.

The library is a real SQLite file of 1,234 items; the grid is scrolled the way a user does (the scroll bar to
the bottom, again and again) until it stops growing. The old grid stopped at 500 items.
"""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtWidgets import QApplication

from app.core.library import query as library_query
from app.core.spec import QrSpec
from app.ui.library_store import open_store

BIG = 1234


def _count(panel) -> str:
    """The number under the grid, without the locale's digit grouping ("1234", "100+")."""
    return re.sub(r"[^\d+]", "", panel.count.text())


@pytest.fixture(scope="module")
def big_library_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big") / "library"
    store = open_store(str(folder))
    with store.core.transaction():
        for i in range(BIG):
            store.core.add(QrSpec.text(f"code {i:04d}"), name=f"Item {i:04d}", tags=("even",) if i % 2 == 0 else (),
                           created_at=1_700_000_000 + i)
    store.close()
    return folder


@pytest.fixture
def big_library(big_library_folder, tmp_path):
    folder = tmp_path / "library"
    shutil.copytree(big_library_folder, folder)  # each test changes its own copy
    store = open_store(str(folder))
    yield store
    store.close()


def _scroll_to_the_end(qtbot, panel) -> int:
    """Drag the scroll bar to the bottom until no more rows arrive; returns how many scrolls that took."""
    bar = panel.view.verticalScrollBar()
    scrolls, rows = 0, -1
    while rows != panel.model.rowCount():
        rows = panel.model.rowCount()
        panel.view.doItemsLayout()  # the grid lays out lazily; the scroll bar's range must be current
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        scrolls += 1
        assert scrolls < 100, "the grid keeps growing"
    return scrolls


def test_scrolling_reaches_every_item_of_a_big_library(make_window, big_library, qtbot):
    window = make_window(library=big_library)
    panel = window.library_panel
    assert panel.model.rowCount() < BIG  # a page is loaded at start, not the whole library
    assert _count(panel) == "1234"  # ... and the count is exact from the start

    scrolls = _scroll_to_the_end(qtbot, panel)
    assert panel.model.rowCount() == BIG and scrolls > 2
    names = [panel.model.items[row].name for row in range(BIG)]
    assert len(set(names)) == BIG  # every item once
    panel.sort.setCurrentIndex(panel.sort.findData("name"))
    _scroll_to_the_end(qtbot, panel)
    assert panel.model.items[-1].name == "Item 1233"
    panel.open_row(BIG - 1)  # the very last one opens like any other
    assert window.model.spec.data() == "code 1233"


def test_a_filter_counts_exactly_and_pages_too(make_window, big_library, qtbot):
    window = make_window(library=big_library)
    panel = window.library_panel
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("even"))
    assert _count(panel) == "617"
    _scroll_to_the_end(qtbot, panel)
    assert panel.model.rowCount() == 617


def test_a_broad_search_is_counted_exactly_in_the_background(make_window, big_library, qtbot, monkeypatch):
    # The core counts a search only up to a cap while the user types (1,000 in the app; 100 here to keep the
    # library small); the grid shows "100+" and then the exact number.
    monkeypatch.setattr(library_query, "SEARCH_COUNT_CAP", 100)
    window = make_window(library=big_library)
    panel = window.library_panel
    panel.search.setText("code")
    qtbot.waitUntil(lambda: _count(panel) == "1234")
    assert panel.model.total_is_exact


def test_a_reload_after_a_change_keeps_the_rows_scrolled_through(make_window, big_library, qtbot):
    window = make_window(library=big_library)
    panel = window.library_panel
    _scroll_to_the_end(qtbot, panel)
    panel.select_item(panel.model.items[-1].id)
    panel.trash_selected()
    assert panel.model.rowCount() == BIG - 1 and _count(panel) == "1233"
