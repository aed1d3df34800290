"""What a sync tells its caller: progress while it runs, a report when it ends, and a way to cancel it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cloud_sync.errors import SyncCancelled

# (stage, done, total): stage is "push" or "pull"; total is 0 while the pull does not know it yet.
SyncProgress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    """What one sync did, for a status line."""

    pushed: int = 0
    pulled: int = 0
    deleted: int = 0
    merged: int = 0
    conflicts: int = 0  # conflict copies made: the user should review these
    blobs_up: int = 0
    blobs_down: int = 0
    resynced: bool = False
    pending: int = 0  # local changes still waiting (e.g. a blob the server keeps asking for)
    quarantined: int = 0  # server records this library could not apply: set aside with the reason
    rejected: list[str] = field(default_factory=list)  # the server's reasons for local changes it refused

    def summary(self) -> str:
        parts = [f"pushed {self.pushed}", f"pulled {self.pulled}"]
        if self.deleted:
            parts.append(f"deleted {self.deleted}")
        if self.merged:
            parts.append(f"merged {self.merged}")
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict cop{'y' if self.conflicts == 1 else 'ies'} to review")
        if self.resynced:
            parts.append("full resync")
        if self.pending:
            parts.append(f"{self.pending} change(s) still pending")
        if self.rejected:
            parts.append(f"{len(self.rejected)} change(s) refused by the server ({self.rejected[0]})")
        if self.quarantined:
            parts.append(f"{self.quarantined} server record(s) not applied (see qrdesk sync --status)")
        return ", ".join(parts)


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


@dataclass
class SyncRun:
    """One call of ``SyncEngine.sync``: the report its steps fill in, and the caller's callbacks."""

    report: SyncReport
    progress: SyncProgress = _no_progress
    cancel: Callable[[], bool] = _never
    refused: set[str] = field(default_factory=set)  # ids the server refused: not sent again in this run

    def check_cancel(self) -> None:
        if self.cancel():
            raise SyncCancelled("sync cancelled; what was done so far is kept")
