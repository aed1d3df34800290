"""The ``qrdesk`` command: no arguments opens the GUI; subcommands run headless on the same core.

Each subcommand lives in its own module with ``register(subparsers)``; handlers return the exit code
and raise :class:`~app.core.errors.QrDeskError` for anything the user did wrong, which ``main`` prints
as one line. A traceback never reaches the user: unexpected errors are summarised the same way.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__
from app.core.errors import QrDeskError

# Modules that contribute subcommands; ones not yet present in a build are skipped.
SUBCOMMAND_MODULES = ("app.cli.make", "app.cli.verify", "app.cli.decode", "app.cli.batch", "app.cli.library",
                      "app.cli.sync")

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but its result is a failure (e.g. a code does not scan)
EXIT_USAGE = 2  # bad input or options


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="qrdesk",
        description="QRDesk: make, preview, check and export QR codes offline. "
                    "Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"QRDesk {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None,
                        help="library folder to use (default: $QRDESK_HOME or the user data folder)")
    parser.add_argument("--self-test", action="store_true",
                        help="make, export and decode one code per format, open the library, and exit 0/1")
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND",
                                       parser_class=_Parser)
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.self_test:
            from app.selftest import run_self_test

            return run_self_test(args)
        if args.command is None:
            from app.ui.app import run_gui

            return run_gui(args)
        return int(args.handler(args) or EXIT_OK)
    except QrDeskError as exc:
        print(f"qrdesk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("qrdesk: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"qrdesk: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: keep the traceback for the report, not for the user's terminal
        log = write_crash_log()
        print(f"qrdesk: internal error: {type(exc).__name__}: {exc} (details in {log})", file=sys.stderr)
        return EXIT_FAILED


def write_crash_log() -> str:
    """Append the current exception's traceback to the user's log folder and return the file path."""
    import traceback
    from datetime import UTC, datetime

    from app.core.profile import Profile

    path = Profile.current().log_dir / "crash.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now(UTC).isoformat()} QRDesk {__version__}\n")
            fh.write(traceback.format_exc())
    except OSError:
        return "stderr (log folder not writable)"
    return str(path)


if __name__ == "__main__":
    sys.exit(main())
