"""Short text for labels and tooltips."""

from __future__ import annotations


def elide(text: str, limit: int) -> str:
    """``text`` on one line (runs of whitespace become one space), cut to ``limit`` characters with "…".

    Unlike ``textwrap.shorten`` it cuts inside a word, so a long URL keeps its beginning instead of vanishing.
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
