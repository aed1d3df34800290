"""File names from user data: no traversal, no reserved or forbidden names, no overwrites."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.batch.names import MAX_NAME_BYTES, UniqueNames, sanitize_stem

FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


@pytest.mark.parametrize(("raw", "expected"), [
    ("../../etc/passwd", "_._etc_passwd"),
    ("..\\..\\windows\\system32", "_._windows_system32"),
    ("con", "_con"),
    ("CON", "_CON"),
    ("aux.txt", "_aux.txt"),
    ("lpt1", "_lpt1"),
    ("com9 ", "_com9"),
    ("console", "console"),
    ("a:b*c", "a_b_c"),
    ('x<y>z|"q"?', "x_y_z_q_"),
    ("tab\there\nnew\x00line", "tab here new_line"),
    ("  .hidden. ", "hidden"),
    ("...", ""),
    ("Café ☕ 東京", "Café ☕ 東京"),
])
def test_sanitize(raw: str, expected: str) -> None:
    assert sanitize_stem(raw) == expected


def test_long_names_are_cut_to_a_safe_byte_length() -> None:
    name = sanitize_stem("東" * 500)
    assert 0 < len(name.encode()) <= MAX_NAME_BYTES


def test_duplicates_are_numbered_case_insensitively() -> None:
    names = UniqueNames()
    got = [names.claim(s, ".png") for s in ("report", "Report", "report-2", "REPORT", "report")]
    assert got == ["report.png", "Report-2.png", "report-2-2.png", "REPORT-3.png", "report-4.png"]


@given(st.lists(st.text(max_size=300), min_size=1, max_size=40))
def test_any_names_are_safe_and_unique(raws: list[str]) -> None:
    names = UniqueNames()
    claimed = []
    for raw in raws:
        stem = sanitize_stem(raw) or "x"
        claimed.append(names.claim(stem, ".png"))
    assert len({c.casefold() for c in claimed}) == len(claimed)
    for name in claimed:
        assert not FORBIDDEN.search(name), name
        assert not RESERVED.match(name), name
        assert not name.startswith(".") and ".." not in name
        assert len(name.encode()) <= MAX_NAME_BYTES + 20
