"""The ``qrdesk`` command: no arguments opens the GUI; subcommands run headless on the same core.

Each subcommand lives in its own module with ``register(parser)``, which adds its options and sets its
handler. Only the module of the command being run is imported (:data:`COMMANDS`), so ``qrdesk make``
never loads the PDF library or the sync client, and works without the ``sync`` extra installed.
Handlers return an :class:`~app.cli.exit_codes.ExitCode` and raise :class:`~app.core.errors.QrDeskError`
for anything the user did wrong, which ``main`` prints as one line. A traceback never reaches the user:
unexpected errors are summarised the same way and kept in a crash log.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

# QRDesk does no linear algebra; OpenBLAS would otherwise start one spinning thread per CPU when numpy is
# first imported, which costs a one-code command (and each batch worker) more than its work on a busy machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from app import __version__
from app.cli.exit_codes import ExitCode, exit_code_for
from app.core.errors import QrDeskError

# command -> (module that registers and runs it, one line for `qrdesk --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "make": ("app.cli.make", "make one code and write it to a file"),
    "verify": ("app.cli.verify", "check that files hold a scannable code"),
    "decode": ("app.cli.decode", "read the QR codes in pictures, PDFs and SVGs"),
    "batch": ("app.cli.batch", "make one code per row of a CSV or text file"),
    "library": ("app.cli.library", "list, search, add and archive the codes kept in the library"),
    "sync": ("app.cli.sync", "sync the library with your other machines through a QRDesk sync server"),
}
_GLOBAL_OPTIONS_WITH_VALUE = ("--library",)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]  # argparse says NoReturn; exit() raises
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line (the first word that is not a global option or its value)."""
    words = iter(argv)
    for word in words:
        if word in _GLOBAL_OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser, with the options of the command named in ``argv`` (only that command's module is imported)."""
    parser = _Parser(
        prog="qrdesk", allow_abbrev=False,
        description="QRDesk: make, preview, check and export QR codes offline. "
                    "Without a command, opens the desktop app.",
        epilog="Exit codes: 0 done, 1 the result is a failure, 2 bad input or options, 3 try again later "
               "(server down, library locked, disk full).",
    )
    parser.add_argument("--version", action="version", version=f"QRDesk {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None,
                        help="library folder to use (default: $QRDESK_HOME or the user data folder)")
    parser.add_argument("--self-test", action="store_true",
                        help="make, export and decode one code per format, open the library, and exit 0/1")
    subparsers = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND",
                                       parser_class=_Parser)
    chosen = _command_in(argv)
    for name, (module, summary) in COMMANDS.items():
        command = subparsers.add_parser(name, help=summary, description=summary)
        if name == chosen:
            importlib.import_module(module).register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(args_list).parse_args(args_list)
        if args.self_test:
            from app.selftest import run_self_test

            return run_self_test(args)
        if args.command is None:
            from app.ui.app import run_gui

            return run_gui(args)
        code = int(args.handler(args) or ExitCode.OK)
        sys.stdout.flush()  # a reader that went away shows here, not as a message at interpreter exit
        return code
    except BrokenPipeError:
        return _quiet_after_broken_pipe()
    except (QrDeskError, OSError) as exc:
        return _report(_one_line(exc), exit_code_for(exc))
    except KeyboardInterrupt as exc:
        return _report("interrupted", exit_code_for(exc))
    except Exception as exc:  # a bug: keep the traceback for the report, not for the user's terminal
        log = write_crash_log()
        return _report(f"internal error: {type(exc).__name__}: {exc} (details in {log})", exit_code_for(exc))


def _one_line(exc: QrDeskError | OSError) -> str:
    if isinstance(exc, QrDeskError):
        return f"error: {exc}"
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    return f"error: {exc.strerror or exc}{where}"


def _report(message: str, code: ExitCode) -> int:
    retry = "; try again later" if code == ExitCode.TRY_AGAIN and "try again" not in message else ""
    with contextlib.suppress(OSError, ValueError):  # stderr is gone too; the exit code still says what happened
        print(f"qrdesk: {message}{retry}", file=sys.stderr)
    return code


def _quiet_after_broken_pipe() -> int:
    # Python's documented recipe: point stdout at devnull so the interpreter's last flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return ExitCode.BROKEN_PIPE


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
