"""Bounded, cached store health: what /readyz answers and how each pod learns the failover generation.

A background thread checks every backend every `interval` seconds; each check reads the generation pointer (one
small GET, which also proves reachability and read permission) and is bounded by `timeout` (at most 1 s): a store
that accepts connections and never answers is "down" after one timeout, not after the SDK's retries. A check that
has not returned yet is not started again, so a hanging store costs one thread, not one per interval. /readyz
only reads the cached result, so it answers in microseconds whatever the stores do.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from .generations import INITIAL, Generation
from .metrics import STORE_UP
from .storage import ObjectStore, ReplicatedStore, StoreError
from .storage.replicated import read_generation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreStatus:
    up: bool
    detail: str
    checked_at: float  # time.monotonic()
    generation: Generation | None = None


class HealthMonitor:
    def __init__(self, stores: dict[str, ObjectStore], interval: float, timeout: float,
                 replicated: ReplicatedStore | None = None) -> None:
        self.stores = stores
        self.interval = interval
        self.timeout = min(timeout, 1.0)
        self.replicated = replicated
        self.status: dict[str, StoreStatus] = {}
        self._inflight: dict[str, Future[Generation]] = {}
        self._started: dict[str, float] = {}  # when the check in flight began (a generation read is true as of then)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def for_store(cls, store: ObjectStore, interval: float, timeout: float) -> HealthMonitor:
        if isinstance(store, ReplicatedStore):
            return cls(dict(store.stores), interval, timeout, store)
        return cls({store.name: store}, interval, timeout)

    def _check(self, store: ObjectStore) -> Generation:
        if self.replicated is None:
            store.ping()
            return INITIAL
        return read_generation(store)

    def check_once(self) -> None:
        """One bounded round over every store (at most `timeout` seconds in total)."""
        started = time.monotonic()
        for name, store in self.stores.items():
            if name not in self._inflight or self._inflight[name].done():
                self._started[name] = time.monotonic()
                self._inflight[name] = self._submit(name, store)
        for name, future in self._inflight.items():
            remaining = max(0.0, self.timeout - (time.monotonic() - started))
            try:
                status = StoreStatus(True, "ok", time.monotonic(), future.result(timeout=remaining))
                if self.replicated is not None:
                    self.replicated.confirm(name, self._started[name])
            except FutureTimeout:
                status = StoreStatus(False, f"no answer within {self.timeout:g} s", time.monotonic())
            except (StoreError, OSError, ValueError) as err:
                status = StoreStatus(False, str(err) or type(err).__name__, time.monotonic())
            self._record(name, status)
        self._apply()

    def _submit(self, name: str, store: ObjectStore) -> Future[Generation]:
        """Run one check in a daemon thread: a store that hangs must not hold up the process's exit either."""
        future: Future[Generation] = Future()

        def run() -> None:
            try:
                future.set_result(self._check(store))
            except BaseException as err:  # handed to the waiting side, which decides what it means
                future.set_exception(err)

        threading.Thread(target=run, name=f"health-{name}", daemon=True).start()
        return future

    def _record(self, name: str, status: StoreStatus) -> None:
        previous = self.status.get(name)
        if previous is None or previous.up != status.up:
            log.warning("store %s is %s: %s", name, "up" if status.up else "DOWN", status.detail)
        self.status[name] = status
        STORE_UP.labels(name).set(1 if status.up else 0)

    def _apply(self) -> None:
        if self.replicated is None:
            return
        known = [s.generation for s in self.status.values() if s.generation is not None]
        if known:
            self.replicated.set_generation(max(known, key=lambda g: g.number))
        for name, status in self.status.items():
            self.replicated.mark(name, status.up)

    def ready(self) -> bool:
        return bool(self.status) and any(s.up for s in self.status.values())

    def start(self) -> None:
        self.check_once()  # bounded: the first answer of /readyz is a real one
        self._thread = threading.Thread(target=self._run, name="health-monitor", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check_once()
            except Exception:  # the monitor must outlive any surprise; readiness then goes stale, not wrong
                log.exception("health check round failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.interval + self.timeout + 1)


