"""`sync-service` command: serve, token create/revoke, reconcile, promote-replica, fail-back."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:
    from .storage import ReplicatedStore
    from .tokens import TokenService


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from .app import create_app

    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, log_config=None, access_log=False,
        timeout_graceful_shutdown=10, proxy_headers=True,
    )
    return 0


def _tokens(settings: Settings) -> TokenService:
    from .storage import build_store
    from .tokens import TokenService

    return TokenService(build_store(settings), settings.token_pepper.get_secret_value(), 0)


def _replicated(settings: Settings, command: str) -> ReplicatedStore | None:
    from .health import HealthMonitor
    from .storage import ReplicatedStore, StoreError, build_store
    from .storage.replicated import read_generation

    store = build_store(settings)
    if not isinstance(store, ReplicatedStore):
        print(f"{command} needs QRDESK_SYNC_STORE=s3+azure", file=sys.stderr)
        return None
    # One bounded health round: a store that hangs is skipped at once instead of costing its timeouts on every
    # call of the command (a lost S3 is the reason to promote).
    store.PRIMARY_BACKOFF_SECONDS = 3600.0
    HealthMonitor.for_store(store, 0, settings.health_timeout_seconds).check_once()
    for name, backend in store.stores.items():  # act in the generation in force, as the pods do
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
    from .library import Library

    def say(line: str) -> None:
        print(line, flush=True)

    if args.command == "promote-replica":
        promote_replica(store, args.dry_run, say, args.reason)
    else:
        fail_back(store, Library(store, lambda: store.generation.number), args.dry_run, say, args.reason)
    store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sync-service", description="QRDesk library sync service")
    sub = parser.add_subparsers(dest="command", required=True)
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
    settings = Settings()

    try:
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
