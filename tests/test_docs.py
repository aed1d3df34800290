"""The project's docs hold together: every relative link and image in the Markdown files resolves inside the
repository (a clone has nothing beside it), and every in-page anchor names a heading that exists."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = ("README.md", "docs/architecture.md", "docs/sync-protocol.md")


def _markdown_files() -> list[Path]:
    tracked = subprocess.run(["git", "ls-files", "*.md"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    files = {ROOT / name for name in tracked if not name.startswith("node_modules/")}
    files |= {ROOT / name for name in REQUIRED} | set((ROOT / "docs").glob("*.md"))  # new, not yet committed
    return sorted(files)


def _targets(markdown: str) -> list[str]:
    """Every link and image target in Markdown text (inline, reference-style and HTML <img>/<a>)."""
    found: list[str] = []

    def walk(tokens) -> None:  # type: ignore[no-untyped-def]
        for token in tokens:
            if token.type == "link_open":
                found.append(str(token.attrGet("href")))
            elif token.type == "image":
                found.append(str(token.attrGet("src")))
            elif token.type in ("html_inline", "html_block"):
                found.extend(re.findall(r'(?:src|href)="([^"]+)"', token.content))
            if token.children:
                walk(token.children)

    walk(MarkdownIt("commonmark").enable("table").parse(markdown))
    return found


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = unicodedata.normalize("NFKC", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    return {_slug(tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"}


def _problems(path: Path, markdown: str) -> list[str]:
    """What is wrong with the links of ``markdown``, read as the file ``path``."""
    problems = []
    for target in _targets(markdown):
        parts = urlsplit(target)
        if parts.scheme or target.startswith("//"):
            continue  # a web address: not this test's business
        if parts.path.startswith("/"):
            problems.append(f"{target}: absolute path (a clone may live anywhere)")
            continue
        resolved = (path.parent / unquote(parts.path)).resolve() if parts.path else path
        if not resolved.is_relative_to(ROOT):
            problems.append(f"{target}: points outside the repository")
        elif not resolved.exists():
            problems.append(f"{target}: {resolved.relative_to(ROOT)} does not exist")
        elif parts.fragment and resolved.suffix == ".md" and parts.fragment not in _anchors(resolved):
            problems.append(f"{target}: no heading #{parts.fragment} in {resolved.relative_to(ROOT)}")
    return problems


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve_inside_the_repository(path: Path) -> None:
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    problems = _problems(path, path.read_text(encoding="utf-8"))
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_readme_links_the_design_docs_and_nothing_outside() -> None:
    targets = _targets((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "docs/architecture.md" in targets and "docs/sync-protocol.md" in targets
    assert "../shared" not in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_checker_catches_what_it_should() -> None:
    page = ROOT / "docs" / "example.md"  # read as if it were a page in docs/
    text = ("# Title\n\n[ok](architecture.md#layers) [gone](missing.md) [up](../../outside.md) ![pic](nope.png) "
            "[anchor](sync-protocol.md#no-such-heading) [web](https://example.com/x) [abs](/etc/passwd)\n\n"
            '<img src="none.svg">\n\n[ref]: ../../shared/DESIGN.md\n\nSee [the design][ref].\n')
    problems = "\n".join(_problems(page, text))
    for expected in ("missing.md", "../../outside.md: points outside", "nope.png", "#no-such-heading",
                     "none.svg", "/etc/passwd: absolute", "../../shared/DESIGN.md: points outside"):
        assert expected in problems
    assert "example.com" not in problems and "#layers" not in problems


PACKAGE_SECTIONS = ("app/core", "app/cli", "app/ui", "cloud_sync", "sync-service/sync_service")


def _sections(markdown: str) -> dict[str, str]:
    """``### `path`…`` sections of docs/architecture.md by the package path their heading names."""
    found = {}
    for chunk in markdown.split("\n### ")[1:]:
        heading = chunk.split("\n", 1)[0]
        for package in PACKAGE_SECTIONS:
            if f"`{package}`" in heading:
                found[package] = chunk
    return found


def test_architecture_names_every_module_in_its_package_section() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    sections = _sections(text)
    missing = []
    for package in PACKAGE_SECTIONS:
        assert package in sections, f"docs/architecture.md has no ### section for `{package}`"
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name in ("__init__.py", "__main__.py") or "__pycache__" in path.parts:
                continue
            module = path.relative_to(ROOT / package).as_posix()
            if f"`{module}`" not in sections[package]:
                missing.append(f"{package}/{module}")
    for path in sorted((ROOT / "app").glob("*.py")):
        if path.name not in ("__init__.py", "__main__.py") and f"`app/{path.name}`" not in text:
            missing.append(f"app/{path.name}")
    assert not missing, "docs/architecture.md does not say what these modules do: " + ", ".join(missing)
