"""Export/import a whole library as one ZIP: ``manifest.json`` plus ``files/sha256/<hex>``.

Import is idempotent: items are matched by id, so importing the same archive twice adds nothing the second
time. An item already here with different content is updated only when the archive's copy is newer.
"""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import QrDeskError
from app.core.library.errors import ArchiveError, ItemNotFoundError
from app.core.library.library import Library
from app.core.library.logos import portable_spec
from app.core.library.models import Item, ItemFile, clean_tags
from app.core.library.store import is_sha256
from app.core.spec import QrSpec

FORMAT = "qrdesk-library"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0  # here and newer than the archive's copy


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
        parsed = [_parse_entry(raw, n, zf, source) for n, raw in enumerate(manifest["items"], start=1)]
        report = ImportReport()
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
    where = f"{source}: item {n}"
    if not isinstance(raw, dict):
        raise ArchiveError(f"{where} is not an object")
    try:
        item_id = str(raw["id"])
        spec = QrSpec.from_dict(raw.get("spec"))
        files, blobs = [], []
        for f in raw.get("files", []):
            if not is_sha256(f.get("sha256")):
                raise ArchiveError(f"{where}: a file has no valid sha256")
            try:
                data = zf.read(f"files/sha256/{f['sha256']}")
            except KeyError:
                raise ArchiveError(f"{where}: file {f['sha256'][:12]}… is missing from the archive") from None
            ref = ItemFile(str(f.get("kind", "file")), f["sha256"], len(data))
            if hashlib.sha256(data).hexdigest() != ref.sha256:
                raise ArchiveError(f"{where}: file {ref.sha256[:12]}… is damaged in the archive")
            files.append(ref)
            blobs.append(data)
        trashed_at = raw.get("trashed_at")
        item = Item(id=item_id, name=str(raw.get("name", "")), spec=spec, tags=clean_tags(raw.get("tags", [])),
                    notes=str(raw.get("notes", "")), created_at=float(raw.get("created_at", 0)),
                    updated_at=float(raw.get("updated_at", 0)),
                    trashed_at=None if trashed_at is None else float(trashed_at), files=tuple(files))
    except ArchiveError:
        raise
    except QrDeskError as exc:
        raise ArchiveError(f"{where} (id {raw.get('id')}): {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ArchiveError(f"{where}: missing or invalid field ({exc})") from None
    return item, blobs
