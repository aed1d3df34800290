"""Export/import a whole library as one ZIP: ``manifest.json`` plus ``files/sha256/<hex>``.

Import is idempotent: items are matched by id, so importing the same archive twice adds nothing the second
time. An item already here with different content is updated only when the archive's copy is newer.

An archive comes from outside (another QRDesk, another program, an attacker), so every item is checked by
:mod:`app.core.validate` like a pulled sync record: a canonical UUID (ids compare case-insensitively), valid
Unicode, times between 1970 and 9999, a spec of a known kind with a valid style, files that are in the archive
and match their hash. A bad item is refused with its reason (``ImportReport.refused``) and the good ones are
imported, so one bad entry can never make the library unreadable.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import validate
from app.core.library.errors import ArchiveError, ItemNotFoundError
from app.core.library.library import Library
from app.core.library.logos import portable_spec
from app.core.library.models import Item, ItemFile, clean_tags
from app.core.library.store import is_sha256

FORMAT = "qrdesk-library"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_FILES = 32  # files per item, as on the sync wire
FILE_KIND = re.compile(r"[a-z0-9_-]{1,32}")


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0  # here and newer than the archive's copy
    refused: list[str] = field(default_factory=list)  # one line per item not imported: which one and why


def export_archive(library: Library, target: str | Path) -> int:
    """Write every item (trash included) and its files to ``target``; returns the item count."""
    target = Path(target)
    entries: list[dict[str, Any]] = []
    shas: set[str] = set()
    for item in library.all_items():
        entries.append({"id": item.id, "name": item.name, "spec": portable_spec(item.spec).to_dict(),
                        "tags": list(item.tags), "notes": item.notes, "created_at": item.created_at,
                        "updated_at": item.updated_at, "trashed_at": item.trashed_at,
                        "files": [f.to_dict() for f in item.files]})
        shas.update(f.sha256 for f in item.files)
    manifest = {"format": FORMAT, "version": FORMAT_VERSION, "exported_at": time.time(), "items": entries}
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for sha in sorted(shas):
            zf.writestr(f"files/sha256/{sha}", library.files.read_bytes(sha))
    tmp.replace(target)
    return len(entries)


def import_archive(library: Library, source: str | Path) -> ImportReport:
    """Merge an archive into ``library`` in one transaction (all or nothing)."""
    source = Path(source)
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{source} is not a QRDesk library archive ({exc})") from None
    with zf:
        manifest = _read_manifest(zf, source)
        report = ImportReport()
        parsed: list[tuple[Item, list[bytes]]] = []
        seen: set[str] = set()
        for n, raw in enumerate(manifest["items"], start=1):
            try:
                entry = _parse_entry(raw, n, zf, source)
            except ArchiveError as exc:
                report.refused.append(str(exc))
                continue
            if entry[0].id in seen:
                report.refused.append(f"{source}: item {n} (id {entry[0].id}): the id is already used by an "
                                      "earlier item of the archive")
                continue
            seen.add(entry[0].id)
            parsed.append(entry)
        with library.transaction():
            for item, blobs in parsed:
                for data in blobs:
                    library.files.put_bytes(data)
                try:
                    here = library.get(item.id)
                except ItemNotFoundError:
                    library.add(item.spec, item.name, item.tags, item.notes, item.files, item_id=item.id,
                                created_at=item.created_at, updated_at=item.updated_at, check=False)
                    if item.trashed_at is not None:
                        library.trash([item.id])
                    report.added += 1
                    continue
                if (portable_spec(here.spec), here.name, here.tags, here.notes, set(here.files), here.trashed) == \
                        (portable_spec(item.spec), item.name, item.tags, item.notes, set(item.files), item.trashed):
                    report.unchanged += 1
                elif item.updated_at > here.updated_at:
                    library.update(item.id, name=item.name, tags=item.tags, notes=item.notes, spec=item.spec,
                                   check=False)
                    for ref in item.files:
                        if ref not in here.files:
                            library.attach_file(item.id, ref.kind, library.files.read_bytes(ref.sha256))
                    (library.trash if item.trashed else library.restore)([item.id])
                    report.updated += 1
                else:
                    report.kept_newer += 1
    return report


def _read_manifest(zf: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(zf.read(MANIFEST))
    except KeyError:
        raise ArchiveError(f"{source} has no {MANIFEST}; it is not a QRDesk library archive") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ArchiveError(f"{source}: {MANIFEST} is not valid JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(f"{source}: {MANIFEST} is not a QRDesk library manifest")
    if manifest.get("version") != FORMAT_VERSION:
        raise ArchiveError(f"{source}: archive format version {manifest.get('version')!r} is not supported "
                           f"(this QRDesk reads version {FORMAT_VERSION})")
    if not isinstance(manifest.get("items"), list):
        raise ArchiveError(f"{source}: {MANIFEST} has no item list")
    return manifest


def _parse_entry(raw: Any, n: int, zf: zipfile.ZipFile, source: Path) -> tuple[Item, list[bytes]]:
    """One manifest entry as an item and its files' bytes, or :class:`ArchiveError` naming the item and the
    field (never echoing a bad value)."""
    where = f"{source}: item {n}"
    if not isinstance(raw, dict):
        raise ArchiveError(f"{where} is not an object")
    try:
        item_id = validate.item_id(raw.get("id"))
    except validate.InvalidRecord as exc:
        raise ArchiveError(f"{where}: {exc}") from None
    where = f"{where} (id {item_id})"
    try:
        files, blobs = _entry_files(raw.get("files", []), zf)
        now = time.time()
        created = validate.timestamp(raw.get("created_at", now), "created_at")
        trashed_at = raw.get("trashed_at")
        item = Item(id=item_id, name=validate.text(raw.get("name", ""), "name", 200),
                    spec=validate.spec(raw.get("spec")), tags=clean_tags(validate.tags(raw.get("tags", []))),
                    notes=validate.text(raw.get("notes", ""), "notes"), created_at=created,
                    updated_at=validate.timestamp(raw.get("updated_at", created), "updated_at"),
                    trashed_at=None if trashed_at is None else validate.timestamp(trashed_at, "trashed_at"),
                    files=tuple(files))
    except (validate.InvalidRecord, ArchiveError) as exc:
        raise ArchiveError(f"{where}: {exc}") from None
    return item, blobs


def _entry_files(raw: Any, zf: zipfile.ZipFile) -> tuple[list[ItemFile], list[bytes]]:
    if not isinstance(raw, list) or len(raw) > MAX_FILES:
        raise ArchiveError(f"files: must be a list of at most {MAX_FILES} files")
    files, blobs = [], []
    for k, f in enumerate(raw):
        sha = f.get("sha256") if isinstance(f, dict) else None
        kind = f.get("kind", "file") if isinstance(f, dict) else None
        if not isinstance(sha, str) or not is_sha256(sha):
            raise ArchiveError(f"files[{k}].sha256: must be a lower-case SHA-256")
        if not isinstance(kind, str) or not FILE_KIND.fullmatch(kind):
            raise ArchiveError(f"files[{k}].kind: must be a short lower-case word (export, logo...)")
        try:
            data = zf.read(f"files/sha256/{sha}")
        except KeyError:
            raise ArchiveError(f"file {sha[:12]}… is missing from the archive") from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise ArchiveError(f"file {sha[:12]}… is damaged in the archive")
        files.append(ItemFile(kind, sha, len(data)))
        blobs.append(data)
    return files, blobs
