"""``qrdesk sync``: sign in to a sync server and sync the library with the user's other machines.

The token is read from stdin (when piped) or a hidden prompt, never from the command line, where it would
end up in shell history and process listings; it is kept in the OS keyring.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.core.library import Library, resolve_library_dir
from cloud_sync.account import Account
from cloud_sync.client import SyncClient
from cloud_sync.engine import SyncEngine, conflict_copies
from cloud_sync.errors import AccountError, MassDeleteError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync", help="sync the library with your other machines through a QRDesk sync server",
        description="Sync the library. Without options, runs one sync with the configured server.")
    parser.add_argument("--server", metavar="URL", help="set the sync server (kept in the library folder)")
    parser.add_argument("--login", action="store_true",
                        help="sign in: read the token from stdin or a hidden prompt and keep it in the OS keyring")
    parser.add_argument("--logout", action="store_true", help="sign out: remove the token from the OS keyring")
    parser.add_argument("--status", action="store_true", help="show the account and pending changes; do not sync")
    parser.add_argument("--yes", action="store_true",
                        help="apply a large deletion from the server without asking (see the mass-delete guard)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    folder = resolve_library_dir(getattr(args, "library", None))
    account = Account.load(folder)
    if args.server:
        account.set_server(args.server)
        print(f"sync server: {account.server}")
    if args.logout:
        print("signed out" if account.sign_out() else "was not signed in")
        return 0
    if args.login:
        account.sign_in(_read_token())
        print(f"signed in to {account.server} (token kept in the OS keyring)")
    if args.status:
        return _status(folder, account)
    if args.server or args.login:
        return 0  # configuring is its own step; the next plain `qrdesk sync` syncs
    token = account.token()
    with Library.open(folder) as lib:
        client = SyncClient(account.server or "", token)
        try:
            engine = SyncEngine(lib, client)
            try:
                report = engine.sync(progress=_progress, confirm_mass_delete=args.yes)
            except MassDeleteError as exc:
                if not sys.stdin.isatty():
                    raise
                print(f"qrdesk: {exc}", file=sys.stderr)
                if input("Delete them? [y/N] ").strip().lower() not in ("y", "yes"):
                    print("nothing was deleted")
                    return 1
                report = engine.sync(progress=_progress, confirm_mass_delete=True)
        finally:
            client.close()
    print(f"synced: {report.summary()}")
    return 0


def _status(folder: Path, account: Account) -> int:
    print(f"library: {folder}")
    print(f"server: {account.server or 'not set'}")
    print(f"signed in: {'yes' if account.signed_in() else 'no'}")
    with Library.open(folder, read_only=True) as lib:
        state = lib.sync_state()
        print(f"device id (for `sync-service token create --device`): {lib.device_id}")
        print(f"pending changes: {len(lib.dirty_items(limit=1_000_000))}")
        copies = conflict_copies(lib)
        print(f"conflict copies to review: {len(copies)}")
        for item in copies[:20]:
            print(f"  {item.id[:8]}  {item.name}")
        print(f"last pulled: {'never' if state['cursor'] is None else 'yes'}")
    return 0


def _read_token() -> str:
    token = (getpass.getpass("Sync token: ") if sys.stdin.isatty() else sys.stdin.readline()).strip()
    if not token:
        raise AccountError("no token given (pipe it on stdin or type it at the prompt)")
    return token


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)
