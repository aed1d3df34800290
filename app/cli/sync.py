"""``qrdesk sync``: sign in to a sync server and sync the library with the user's other machines.

Passwords, codes and tokens are read from stdin (when piped) or a hidden prompt, never from the command line,
where they would end up in shell history and process listings; the device's token is kept in the OS keyring.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.exit_codes import ExitCode
from app.core.errors import QrDeskError

if TYPE_CHECKING:
    from cloud_sync.account import Account

# What the `sync` extra installs; without it every other command still works (the sync client loads here only).
_SYNC_EXTRA = ("httpx", "keyring")


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Sync the library. Without options, runs one sync with the configured server. "
                          "Needs the sync extra (pip install 'qrdesk[sync]').")
    parser.add_argument("--server", metavar="URL", help="set the sync server (kept in the library folder)")
    parser.add_argument("--insecure", action="store_true",
                        help="allow a plain http:// server that is not on this machine (password in clear text)")
    parser.add_argument("--user", metavar="NAME",
                        help="sign in as NAME: asks for the password (or reads it from stdin) and keeps this "
                             "device's token in the OS keyring")
    parser.add_argument("--enrollment-code", action="store_true",
                        help="with --user: sign in with the one-time code from `sync-service user add "
                             "--enrollment-code` instead of a password, then choose a password")
    parser.add_argument("--pairing-code", action="store_true",
                        help="with --user: sign in with a code shown by `qrdesk sync --pair` on a signed-in device")
    parser.add_argument("--device-name", metavar="NAME", help="how this device is listed (default: host name)")
    parser.add_argument("--login", action="store_true",
                        help="sign in with a token made on the server: read it from stdin or a hidden prompt")
    parser.add_argument("--logout", action="store_true",
                        help="sign out: revoke this device's token on the server and remove it from the keyring")
    parser.add_argument("--devices", action="store_true", help="list the devices signed in to this account")
    parser.add_argument("--revoke-device", metavar="DEVICE_ID", help="sign another device of this account out")
    parser.add_argument("--pair", action="store_true",
                        help="show a one-time code another device signs in with (qrdesk sync --user NAME "
                             "--pairing-code)")
    parser.add_argument("--status", action="store_true", help="show the account and pending changes; do not sync")
    parser.add_argument("--yes", action="store_true",
                        help="apply a large deletion from the server without asking (see the mass-delete guard)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ModuleNotFoundError as exc:
        if exc.name not in _SYNC_EXTRA:
            raise
        raise QrDeskError(f"syncing needs the sync extra, and {exc.name} is not installed: "
                          "pip install 'qrdesk[sync]'") from None


def _run(args: argparse.Namespace) -> int:
    from app.core.library import Library, resolve_library_dir
    from cloud_sync.account import Account
    from cloud_sync.engine import SyncEngine
    from cloud_sync.errors import MassDeleteError

    folder = resolve_library_dir(getattr(args, "library", None))
    account = Account.load(folder)
    if args.server:
        account.set_server(args.server, insecure=args.insecure)
        print(f"sync server: {account.server}")
    if args.logout:
        print("signed out; this device's token was revoked" if account.sign_out() else "was not signed in")
        return ExitCode.OK
    if args.user:
        _sign_in(folder, account, args)
    elif args.login:
        account.sign_in(_read_secret("Sync token: "))
        print(f"signed in to {account.server} (token kept in the OS keyring)")
    if args.devices or args.revoke_device or args.pair:
        return _devices(account, args)
    if args.status:
        return _status(folder, account)
    if args.server and not (args.user or args.login):
        print("next: sign in with `qrdesk sync --user NAME` (asks for your password); then `qrdesk sync` syncs")
        return ExitCode.OK
    if args.user or args.login:
        print("next: `qrdesk sync` syncs now (and whenever you run it)")
        return ExitCode.OK
    account.token()  # not signed in: say how, before opening anything
    with Library.open(folder) as lib:
        client = account.client()
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
                    return ExitCode.FAILED
                report = engine.sync(progress=_progress, confirm_mass_delete=True)
        finally:
            client.close()
    print(f"synced: {report.summary()}")
    return ExitCode.OK


def _sign_in(folder: Path, account: Account, args: argparse.Namespace) -> None:
    from app.core.library import Library

    with Library.open(folder) as lib:  # the token is bound to this library's device id
        device_id = lib.device_id
    if args.enrollment_code:
        code = _read_secret("One-time enrollment code: ")
        account.sign_in_with_password(args.user, device_id, enrollment_code=code, device_name=args.device_name,
                                      new_password=_read_secret("Choose a password: ", confirm=True))
    elif args.pairing_code:
        account.sign_in_with_password(args.user, device_id, pairing_code=_read_secret("Pairing code: "),
                                      device_name=args.device_name)
    else:
        account.sign_in_with_password(args.user, device_id, password=_read_secret(f"Password for {args.user}: "),
                                      device_name=args.device_name)
    print(f"signed in to {account.server} as {account.user} on device {account.device_name!r} "
          "(token kept in the OS keyring)")


def _devices(account: Account, args: argparse.Namespace) -> int:
    with account.client() as client:
        if args.revoke_device:
            client.revoke_device(args.revoke_device)
            print(f"device {args.revoke_device} signed out")
        if args.pair:
            made = client.pairing_code()
            print(f"pairing code: {made.code} (one-time, valid {made.expires_in // 60} min); on the new device: "
                  f"qrdesk sync --server {account.server} --user {account.user or 'NAME'} --pairing-code")
        if args.devices:
            listed = client.devices()
            for d in listed.devices:
                state = "this device" if d.current else ("signed out" if d.revoked else "signed in")
                print(f"{d.device_id}  {d.name}  since {d.signed_in_at[:19]}  {state}")
    return ExitCode.OK


def _status(folder: Path, account: Account) -> int:
    from app.core.library import Library, LibraryLockedError
    from app.core.library.paths import DB_NAME
    from cloud_sync.engine import conflict_copies

    print(f"library: {folder}")
    print(f"server: {account.server or 'not set'}")
    signed_in = account.signed_in()
    print(f"signed in: {'yes' if signed_in else 'no'}" + (f" as {account.user}" if signed_in and account.user else ""))
    if not (folder / DB_NAME).is_file():
        print("items: none yet; pending changes: 0")
        if not signed_in:
            print("next: " + ("qrdesk sync --server URL" if not account.server else "qrdesk sync --user NAME"))
        return ExitCode.OK
    try:  # writable when free, so an older library is upgraded; read-only while another QRDesk writes to it
        lib = Library.open(folder)
    except LibraryLockedError:
        lib = Library.open(folder, read_only=True)
    with lib:
        state = lib.sync_state()
        print(f"device id: {lib.device_id}")
        print(f"pending changes: {len(lib.dirty_items(limit=1_000_000))}")
        copies = conflict_copies(lib)
        print(f"conflict copies to review: {len(copies)}")
        for item in copies[:20]:
            print(f"  {item.id[:8]}  {item.name}")
        aside = lib.quarantined()
        print(f"records from the server not applied: {len(aside)}" + (
            " (set aside with the reason; a later version of the item that applies replaces them)" if aside else ""))
        for q in aside[:20]:
            print(f"  {q.record_id[:8] or '(no id)':8}  rev {q.rev if q.rev is not None else '?'}  {q.reason}")
        print(f"last pulled: {'never' if state['cursor'] is None else 'yes'}")
    return ExitCode.OK


def _read_secret(prompt: str, confirm: bool = False) -> str:
    """One line from stdin when piped, else a hidden prompt; never echoed or logged."""
    from cloud_sync.errors import AccountError

    if not sys.stdin.isatty():
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        secret = getpass.getpass(prompt)
        if confirm and getpass.getpass("Again: ") != secret:
            raise AccountError("the two entries differ")
    if not secret.strip():
        raise AccountError(f"nothing given for {prompt.rstrip(': ').lower()} (pipe it on stdin or type it at "
                           "the prompt)")
    return secret


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)
