"""The exit codes of every ``qrdesk`` command, decided in one place (the README's "Exit codes" lists them).

Scripts can tell "do not retry this" (1, 2) from "try again later" (3): a sync server that is down, a
library another QRDesk holds for writing or a full disk are not the user's mistake and nothing was lost.
"""

from __future__ import annotations

from enum import IntEnum

from app.core.errors import QrDeskError, ScanError, is_transient


class ExitCode(IntEnum):
    OK = 0  # done
    FAILED = 1  # the command ran but its result is a failure: a code does not scan, every batch row failed
    USAGE = 2  # bad input or options: a field, a file, a flag; the message names it
    TRY_AGAIN = 3  # a transient failure: server down, library locked by another QRDesk, disk full
    INTERRUPTED = 130  # Ctrl+C (128 + SIGINT, as shells report it)
    BROKEN_PIPE = 141  # the reader of the output went away, e.g. `| head -1` (128 + SIGPIPE, as shells report it)


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code for an error that ended a command."""
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        return ExitCode.BROKEN_PIPE
    if is_transient(exc):
        return ExitCode.TRY_AGAIN
    if isinstance(exc, ScanError):
        return ExitCode.FAILED
    if isinstance(exc, QrDeskError | OSError):
        return ExitCode.USAGE
    return ExitCode.FAILED  # a bug: the command did not do its job
