"""Running core work off the GUI thread.

A :class:`Task` wraps a plain callable in a ``QRunnable``; its result or error comes back as a queued
signal on the GUI thread. Cancellation is cooperative: the callable receives a :class:`CancelToken`
when it asks for one (``wants_token=True``) and checks it between steps.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class TaskSignals(QObject):
    finished = Signal(object)  # the callable's return value
    failed = Signal(object)  # the exception
    progress = Signal(int, int)  # done, total


class Task(QRunnable):
    """Run ``fn(*args, **kwargs)`` in the pool; ``progress=`` and ``token=`` are injected on request."""

    def __init__(self, fn: Callable[..., Any], *args: Any, wants_progress: bool = False,
                 wants_token: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = TaskSignals()
        self.token = CancelToken()
        if wants_progress:
            self.kwargs["progress"] = lambda done, total: self.signals.progress.emit(done, total)
        if wants_token:
            self.kwargs["token"] = self.token
        # The pool must not delete the runnable while Python still holds its signals object.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # handed to the GUI, which shows a message; the traceback goes to the log
            log.debug("task failed:\n%s", traceback.format_exc())
            self._emit(self.signals.failed, exc)
            return
        self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: SignalInstance, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver side was torn down (app quitting); nobody is waiting
            log.debug("task result dropped: its signals object is gone")


_live: set[Task] = set()


def submit(task: Task, pool: QThreadPool | None = None) -> Task:
    """Start ``task`` and keep it alive until it reports."""
    _live.add(task)
    task.signals.finished.connect(lambda _r: _live.discard(task))
    task.signals.failed.connect(lambda _e: _live.discard(task))
    (pool or QThreadPool.globalInstance()).start(task)
    return task
