"""An item's logo is one of its files: stored in the library's file store, named in the spec by its content.

A spec in the database (and in a sync record or an archive) names its logo ``sha256:<hex>``, so it means
the same file on every machine and survives the original file being moved or deleted. The file is listed on
the item as an :class:`ItemFile` of kind ``logo``, which is what the sync client uploads and downloads as a blob.
Items handed out by the library carry the path of that file in *this* machine's store instead, so everything
that draws a spec (preview, export, thumbnails, the CLI) reads an ordinary file.
"""

from __future__ import annotations

from app.core.errors import RenderError
from app.core.library.errors import LibraryError
from app.core.library.models import ItemFile
from app.core.library.store import REF_PREFIX, FileStore, ref_sha, stored_path_sha
from app.core.spec import QrSpec

LOGO = "logo"  # the ItemFile kind of an item's logo


def portable_spec(spec: QrSpec) -> QrSpec:
    """``spec`` as it is stored and synced: a logo inside a file store becomes its ``sha256:`` reference."""
    logo = spec.style.logo
    sha = stored_path_sha(logo) if logo else None
    return spec.with_style(logo=REF_PREFIX + sha) if sha else spec


def local_spec(spec: QrSpec, files: FileStore) -> QrSpec:
    """``spec`` as this machine uses it: a ``sha256:`` logo reference becomes the path of the stored file."""
    sha = ref_sha(spec.style.logo)
    return spec.with_style(logo=str(files.path_of(sha))) if sha else spec


ItemFiles = tuple[ItemFile, ...]


def adopt_logo(spec: QrSpec, files: FileStore, refs: ItemFiles, *, strict: bool) -> tuple[QrSpec, ItemFiles]:
    """Store the spec's logo file in ``files``; returns the portable spec and the item's files with exactly
    that logo among them (a replaced logo's reference is dropped; its blob stays for other items).

    ``strict`` (new and edited items) refuses a logo that cannot be read as an image; otherwise (specs that
    come from another device or an archive) a logo that is not here yet is kept as it is named.
    """
    spec = portable_spec(spec)
    others = tuple(f for f in refs if f.kind != LOGO)
    logo = spec.style.logo
    if not logo:
        return spec, others
    sha = ref_sha(logo)
    if sha is None:  # a file of this machine: copy it into the store
        from app.core.logo import load_logo  # PIL and the SVG reader, only when a logo is set

        try:
            if strict:
                load_logo(logo)  # a picture the renderer can draw, not just any file
            with open(logo, "rb") as fh:
                data = fh.read()
        except (OSError, RenderError) as exc:
            if strict:
                reason = exc if isinstance(exc, RenderError) else f"cannot read the logo {logo}: {exc.strerror}"
                raise RenderError(str(reason)) from None
            return spec, refs
        sha, size = files.put_bytes(data)
        return spec.with_style(logo=REF_PREFIX + sha), (*others, ItemFile(LOGO, sha, size))
    known = next((f for f in refs if f.sha256 == sha), None)
    if known is not None:
        return spec, (*others, ItemFile(LOGO, sha, known.size))
    if files.has(sha):
        return spec, (*others, ItemFile(LOGO, sha, files.path_of(sha).stat().st_size))
    if strict:
        raise LibraryError(f"the logo {sha[:12]}… is not in the library's file store")
    return spec, refs
