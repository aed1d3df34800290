"""``qrdesk library ...``: list, show, add, remove, restore and archive the items of the local library."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable

from app.cli.exit_codes import ExitCode
from app.core.errors import SpecError
from app.core.library import Item, Library, resolve_library_dir, restore_backup
from app.core.library.archive import export_archive, import_archive
from app.core.library.errors import LibraryError
from app.core.payloads import PAYLOAD_KINDS
from app.core.spec import QrSpec


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Work with the local library of codes."
    parser.add_argument("--read-only", action="store_true",
                        help="open without taking the writer lock (works while another QRDesk has it open)")
    sub = parser.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="list or search items")
    p.add_argument("query", nargs="?", default="", help="words to search in names, tags, notes and payloads")
    p.add_argument("--kind", help="only items of this payload kind")
    p.add_argument("--tag", help="only items with this tag")
    p.add_argument("--sort", choices=("updated", "created", "name"), default="updated")
    p.add_argument("--trash", action="store_true", help="list the trash instead")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.set_defaults(handler=_list)

    p = sub.add_parser("show", help="show one item")
    p.add_argument("id", help="item id or its first characters")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)

    p = sub.add_parser("add", help="keep a new code")
    p.add_argument("data", nargs="?", help="the payload text; fills the kind's first field (text, url, ssid, ...)")
    p.add_argument("--kind", default="text", help="payload kind (default: text)")
    p.add_argument("--field", action="append", default=[], metavar="KEY=VALUE", help="a payload field; repeatable")
    p.add_argument("--name", default="")
    p.add_argument("--tag", action="append", default=[], help="repeatable")
    p.add_argument("--notes", default="")
    p.set_defaults(handler=_add)

    p = sub.add_parser("rm", help="move items to the trash (--purge: delete for good)")
    p.add_argument("ids", nargs="+")
    p.add_argument("--purge", action="store_true")
    p.set_defaults(handler=_rm)

    p = sub.add_parser("restore", help="take items back out of the trash")
    p.add_argument("ids", nargs="+")
    p.set_defaults(handler=_restore)

    p = sub.add_parser("empty-trash", help="delete everything in the trash for good")
    p.set_defaults(handler=_empty_trash)

    p = sub.add_parser("rename", help="rename an item")
    p.add_argument("id")
    p.add_argument("name")
    p.set_defaults(handler=_rename)

    p = sub.add_parser("tag", help="add or remove tags")
    p.add_argument("id")
    p.add_argument("--add", action="append", default=[])
    p.add_argument("--remove", action="append", default=[])
    p.set_defaults(handler=_tag)

    p = sub.add_parser("export", help="write the whole library to one ZIP archive")
    p.add_argument("file")
    p.set_defaults(handler=_export)

    p = sub.add_parser("import", help="merge a library archive (importing it again adds no duplicates)")
    p.add_argument("file")
    p.set_defaults(handler=_import)

    p = sub.add_parser("recover", help="replace a damaged database with the newest automatic backup")
    p.add_argument("--backup", help="a specific backup file to restore")
    p.set_defaults(handler=_recover)


def _open(args: argparse.Namespace, write: bool = True) -> Library:
    read_only = bool(getattr(args, "read_only", False))
    if write and read_only:
        raise LibraryError("this action changes the library; run it without --read-only")
    return Library.open(resolve_library_dir(getattr(args, "library", None)), read_only=read_only)


def _with(write: bool) -> Callable[[Callable[[Library, argparse.Namespace], int]], Callable[..., int]]:
    def wrap(fn: Callable[[Library, argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        def handler(args: argparse.Namespace) -> int:
            with _open(args, write) as lib:
                return fn(lib, args)
        return handler
    return wrap


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def _as_dict(item: Item) -> dict[str, object]:
    return {"id": item.id, "name": item.name, "kind": item.kind, "spec": item.spec.to_dict(), "tags": list(item.tags),
            "notes": item.notes, "created_at": item.created_at, "updated_at": item.updated_at,
            "trashed": item.trashed, "files": [f.to_dict() for f in item.files]}


@_with(write=False)
def _list(lib: Library, args: argparse.Namespace) -> int:
    page = lib.list(args.query, kind=args.kind, tag=args.tag, trashed=args.trash, sort=args.sort,
                    limit=args.limit, offset=args.offset)
    for item in page.items:
        if args.json:
            print(json.dumps(_as_dict(item), ensure_ascii=False))
        else:
            tags = f"  [{', '.join(item.tags)}]" if item.tags else ""
            print(f"{item.id[:8]}  {_when(item.updated_at)}  {item.kind:<8} {item.name}{tags}")
    if not args.json:
        shown = f"{args.offset + 1}–{args.offset + len(page.items)} of " if page.items else "0 of "
        more = "" if page.total_is_exact else "+"
        print(f"({shown}{page.total:,}{more} item{'s' if page.total != 1 or more else ''})")
    return ExitCode.OK


@_with(write=False)
def _show(lib: Library, args: argparse.Namespace) -> int:
    item = lib.resolve(args.id)
    if args.json:
        print(json.dumps(_as_dict(item), ensure_ascii=False, indent=2))
        return ExitCode.OK
    print(f"id:       {item.id}")
    print(f"name:     {item.name}")
    print(f"kind:     {item.kind}")
    for key, value in item.spec.fields.items():
        print(f"  {key}: {value}")
    print(f"tags:     {', '.join(item.tags) or '-'}")
    if item.notes:
        print(f"notes:    {item.notes}")
    print(f"created:  {_when(item.created_at)}")
    print(f"updated:  {_when(item.updated_at)}")
    if item.trashed:
        print("state:    in the trash")
    for ref in item.files:
        print(f"file:     {ref.kind} {ref.size} bytes {lib.files.path_of(ref.sha256)}")
    return ExitCode.OK


@_with(write=True)
def _add(lib: Library, args: argparse.Namespace) -> int:
    fields: dict[str, str] = {}
    for raw in args.field:
        key, sep, value = raw.partition("=")
        if not sep or not key.strip():
            raise SpecError("--field", f"{raw!r} is not KEY=VALUE")
        fields[key.strip()] = value
    if args.kind not in PAYLOAD_KINDS:
        raise SpecError("--kind", f"{args.kind!r} is not a payload type; use one of {', '.join(PAYLOAD_KINDS)}")
    if args.data is not None:
        fields.setdefault(PAYLOAD_KINDS[args.kind].fields[0].name, args.data)
    if not fields:
        raise SpecError("data", "nothing to encode; give the payload text or --field KEY=VALUE")
    spec = QrSpec(kind=args.kind, fields=fields)
    spec.data()  # the payload builders name a missing or invalid field
    item = lib.add(spec, name=args.name, tags=args.tag, notes=args.notes)
    print(f"added {item.id}  {item.name}")
    return ExitCode.OK


@_with(write=True)
def _rm(lib: Library, args: argparse.Namespace) -> int:
    ids = [lib.resolve(i).id for i in args.ids]
    if args.purge:
        print(f"deleted {lib.delete_forever(ids)} item(s) for good")
    else:
        print(f"moved {lib.trash(ids)} item(s) to the trash (undo: qrdesk library restore ID)")
    return ExitCode.OK


@_with(write=True)
def _restore(lib: Library, args: argparse.Namespace) -> int:
    print(f"restored {lib.restore([lib.resolve(i).id for i in args.ids])} item(s)")
    return ExitCode.OK


@_with(write=True)
def _empty_trash(lib: Library, args: argparse.Namespace) -> int:
    print(f"deleted {lib.empty_trash()} item(s) for good")
    return ExitCode.OK


@_with(write=True)
def _rename(lib: Library, args: argparse.Namespace) -> int:
    item = lib.rename(lib.resolve(args.id).id, args.name)
    print(f"renamed {item.id[:8]} to {item.name}")
    return ExitCode.OK


@_with(write=True)
def _tag(lib: Library, args: argparse.Namespace) -> int:
    item = lib.retag(lib.resolve(args.id).id, add=args.add, remove=args.remove)
    print(f"{item.id[:8]} tags: {', '.join(item.tags) or '-'}")
    return ExitCode.OK


@_with(write=False)
def _export(lib: Library, args: argparse.Namespace) -> int:
    print(f"exported {export_archive(lib, args.file)} item(s) to {args.file}")
    return ExitCode.OK


@_with(write=True)
def _import(lib: Library, args: argparse.Namespace) -> int:
    r = import_archive(lib, args.file)
    for reason in r.refused:
        print(f"qrdesk: refused {reason}", file=sys.stderr)
    print(f"imported {args.file}: {r.added} added, {r.updated} updated, {r.unchanged} already here, "
          f"{r.kept_newer} kept (newer here)" + (f", {len(r.refused)} refused" if r.refused else ""))
    # As for a batch: some bad items are reported and the rest imported; nothing imported at all is a failure.
    imported = r.added + r.updated + r.unchanged + r.kept_newer
    return ExitCode.FAILED if r.refused and not imported else ExitCode.OK


def _recover(args: argparse.Namespace) -> int:
    folder = resolve_library_dir(getattr(args, "library", None))
    used = restore_backup(folder, args.backup)
    print(f"restored {folder} from {used}; the damaged database was kept beside it as library.db.damaged-*")
    return ExitCode.OK
