"""`sync-service` command: init, serve, user add/passwd/disable, device list/revoke, token create/revoke,
reconcile, promote-replica, fail-back. Passwords are read from a hidden prompt or stdin, never the command line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .settings import ENV_FILE, Settings, new_env_file

if TYPE_CHECKING:
    from .accounts import Accounts
    from .storage import ObjectStore, ReplicatedStore
    from .tokens import TokenService


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from .app import create_app

    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, log_config=None, access_log=False,
        timeout_graceful_shutdown=10, proxy_headers=True,
    )
    return 0


def _store(settings: Settings) -> ObjectStore:
    """The configured store. A replicated one first runs one bounded health round, as a pod does: it acts in the
    generation in force (after a promotion a token belongs on Azure) and confirms it on the fencing witness; a
    store that hangs is skipped at once instead of costing its timeouts on every call."""
    from .health import HealthMonitor
    from .storage import ReplicatedStore, build_store

    store = build_store(settings)
    if isinstance(store, ReplicatedStore):
        store.PRIMARY_BACKOFF_SECONDS = 3600.0
        HealthMonitor.for_store(store, 0, settings.health_timeout_seconds).check_once()
    return store


def _tokens(settings: Settings) -> TokenService:
    from .tokens import TokenService

    return TokenService(_store(settings), settings.token_pepper.get_secret_value(), 0)


def _replicated(settings: Settings, command: str) -> ReplicatedStore | None:
    from .storage import ReplicatedStore, StoreError
    from .storage.replicated import read_generation

    store = _store(settings)
    if not isinstance(store, ReplicatedStore):
        print(f"{command} needs QRDESK_SYNC_STORE=s3+azure", file=sys.stderr)
        return None
    for name, backend in store.stores.items():  # act in the newest generation either store records
        if not store.is_up(name):
            print(f"{name}: not reachable", flush=True)
            continue
        try:
            store.set_generation(read_generation(backend, thorough=True))
        except (StoreError, OSError):
            continue
    return store


def _switch(args: argparse.Namespace, settings: Settings, store: ReplicatedStore) -> int:
    from .failover import fail_back, promote_replica
    from .health import HealthMonitor
    from .log_store import LogStore

    def say(line: str) -> None:
        print(line, flush=True)

    # Checked all along, as on a pod: the generation stays confirmed on the witness through the settle time.
    monitor = HealthMonitor.for_store(store, settings.health_interval_seconds, settings.health_timeout_seconds)
    monitor.start()
    try:
        if args.command == "promote-replica":
            promote_replica(store, args.dry_run, say, args.reason)
        else:
            fail_back(store, LogStore(store, lambda: store.generation.number), args.dry_run, say, args.reason)
    finally:
        monitor.stop()
        store.close()
    return 0


def _accounts(settings: Settings) -> Accounts:
    from .accounts import Accounts

    tokens = _tokens(settings)
    return Accounts(tokens.store, tokens, settings.password_time_cost, settings.password_memory_kib)


def _init(args: argparse.Namespace) -> int:
    target = Path(ENV_FILE)
    if target.exists():
        print(f"{target} exists already; delete it first to start over (old tokens then stop working)",
              file=sys.stderr)
        return 2
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(new_env_file(str(Path(args.data_dir).expanduser().resolve())))
    print(f"wrote {target.resolve()} (data folder {args.data_dir}, fresh secrets; keep it private)")
    print("next: sync-service user add NAME, then sync-service serve")
    return 0


def _read_password(prompt: str, confirm: bool = True) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != password:
        raise ValueError("the two passwords differ")
    return password


def _users(args: argparse.Namespace, settings: Settings) -> int:
    accounts = _accounts(settings)
    if args.user_command == "add":
        if args.enrollment_code:
            code = accounts.add_user(args.name, None, settings.enrollment_code_hours)
            print(f"user {args.name.lower()} added; one-time enrollment code (valid "
                  f"{settings.enrollment_code_hours:g} h): {code}")
        else:
            accounts.add_user(args.name, _read_password(f"Password for {args.name}: "))
            print(f"user {args.name.lower()} added")
        print(f"sign in on each machine: qrdesk sync --server URL --user {args.name.lower()}"
              + (" --enrollment-code" if args.enrollment_code else "") + " (or in the app: Sync → Sync account…)")
    elif args.user_command == "passwd":
        accounts.set_password(args.name, _read_password(f"New password for {args.name}: "))
        print(f"password of {args.name.lower()} changed (signed-in devices stay signed in)")
    else:
        count = accounts.disable(args.name)
        print(f"user {args.name.lower()} disabled; {count} device token(s) revoked")
    return 0


def _devices(args: argparse.Namespace, settings: Settings) -> int:
    accounts = _accounts(settings)
    if args.device_command == "list":
        found = accounts.devices(args.user)
        for d in found:
            state = "revoked" if d.revoked else "signed in"
            print(f"{d.device_id}  {d.name!r}  since {d.signed_in_at[:19]}  {state}")
        if not found:
            print(f"{args.user.lower()} has no devices yet")
        return 0
    count = accounts.revoke_device(args.user, args.device_id)
    print(f"device {args.device_id} signed out ({count} token(s) revoked)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sync-service", description="QRDesk library sync service")
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help=f"write {ENV_FILE} here: a data folder and fresh secrets (once)")
    init.add_argument("--data-dir", default="qrdesk-sync-data", help="where the local store keeps its files")
    user = sub.add_parser("user", help="manage user accounts")
    usub = user.add_subparsers(dest="user_command", required=True)
    add = usub.add_parser("add", help="add a user (password from a hidden prompt or stdin)")
    add.add_argument("name")
    add.add_argument("--enrollment-code", action="store_true",
                     help="no password: print a one-time code the user signs in with and sets a password")
    usub.add_parser("passwd", help="set a user's password (prompt or stdin)").add_argument("name")
    usub.add_parser("disable", help="refuse the user's sign-ins and sign every device out").add_argument("name")
    device = sub.add_parser("device", help="a user's signed-in devices")
    dsub = device.add_subparsers(dest="device_command", required=True)
    dsub.add_parser("list", help="list a user's devices").add_argument("user")
    drevoke = dsub.add_parser("revoke", help="sign a device out (its token stops working)")
    drevoke.add_argument("user")
    drevoke.add_argument("device_id")
    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    token = sub.add_parser("token", help="manage device tokens")
    tsub = token.add_subparsers(dest="token_command", required=True)
    create = tsub.add_parser("create", help="create a token and print it once")
    create.add_argument("--user", required=True)
    create.add_argument("--device", required=True)
    create.add_argument("--ttl-days", type=float, default=None)
    revoke = tsub.add_parser("revoke", help="revoke a token (read from stdin) or all tokens of a user/device")
    revoke.add_argument("--user")
    revoke.add_argument("--device")
    revoke.add_argument("--stdin", action="store_true", help="read the token to revoke from stdin")
    sub.add_parser("reconcile", help="copy every object the replica misses (full sweep) and report the lag")
    promote = sub.add_parser("promote-replica", help="make Azure the commit point (S3 lost); idempotent")
    fail = sub.add_parser("fail-back", help="make S3 the commit point again, merging what each side has; idempotent")
    for p in (promote, fail):
        p.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
        p.add_argument("--reason", default="", help="recorded in the generation document")
    args = parser.parse_args(argv)
    if args.command == "init":
        return _init(args)

    try:
        settings = Settings()
        if args.command != "reconcile":
            settings.check_secrets()
        if args.command == "user":
            return _users(args, settings)
        if args.command == "device":
            return _devices(args, settings)
        if args.command == "serve":
            return _serve(args, settings)
        if args.command == "token" and args.token_command == "create":
            print(_tokens(settings).create(args.user, args.device, args.ttl_days))
            return 0
        if args.command == "token":
            if args.stdin:
                count = _tokens(settings).revoke(token=sys.stdin.readline().strip())
            elif args.user:
                count = _tokens(settings).revoke(user_id=args.user, device_id=args.device)
            else:
                parser.error("token revoke needs --stdin or --user")
            print(f"revoked {count} token(s)")
            return 0 if count else 1
        store = _replicated(settings, args.command)
        if store is None:
            return 2
        if args.command == "reconcile":
            from .reconciler import reconcile

            report = reconcile(store)
            print(f"copied {report.copied} object(s); lag {report.lag_seq} entries, {report.lag_seconds:.1f} s")
            return 0
        return _switch(args, settings, store)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
