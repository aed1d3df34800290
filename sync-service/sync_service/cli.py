"""`sync-service` command: serve, token create/revoke, reconcile."""

from __future__ import annotations

import argparse
import sys

from .settings import Settings


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from .app import create_app

    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, log_config=None, access_log=False,
        timeout_graceful_shutdown=10, proxy_headers=True,
    )
    return 0


def _tokens(settings: Settings):
    from .storage import build_store
    from .tokens import TokenService

    return TokenService(build_store(settings), settings.token_pepper.get_secret_value(), 0)


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
    sub.add_parser("reconcile", help="copy objects missing on the Azure replica once and report the lag")
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
        from .reconciler import reconcile
        from .storage import ReplicatedStore, build_store

        store = build_store(settings)
        if not isinstance(store, ReplicatedStore):
            print("reconcile needs QRDESK_SYNC_STORE=s3+azure", file=sys.stderr)
            return 2
        report = reconcile(store)
        print(f"copied {report.copied} object(s); lag {report.lag_seq} entries, {report.lag_seconds:.1f} s")
        return 0
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
