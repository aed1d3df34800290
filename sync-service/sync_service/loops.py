"""The service's background work: bounded store health checks on every pod, the reconciler on the leader only."""

from __future__ import annotations

import logging
import socket
import threading
import time

from .health import HealthMonitor
from .leader import AlwaysLeader, Elector, KubernetesApi, LeaseElector
from .metrics import RECONCILER_LEADER
from .reconciler import NotLeader, Reconciler
from .settings import Settings
from .storage import ObjectStore, ReplicatedStore, StoreError

log = logging.getLogger(__name__)


def build_elector(settings: Settings) -> Elector:
    if settings.leader_election == "single":
        return AlwaysLeader()
    identity = settings.pod_name or socket.gethostname()
    api = KubernetesApi(settings.kubernetes_api_url)
    return LeaseElector(api, settings.pod_namespace, settings.lease_name, identity, settings.lease_seconds,
                        on_change=lambda leading: RECONCILER_LEADER.set(1 if leading else 0))


class BackgroundLoops:
    def __init__(self, settings: Settings, store: ObjectStore, elector: Elector | None = None) -> None:
        self.settings = settings
        self.health = HealthMonitor.for_store(store, settings.health_interval_seconds,
                                              settings.health_timeout_seconds)
        self.store = store
        self.elector = elector or build_elector(settings)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.health.start()
        if isinstance(self.store, ReplicatedStore) and self.settings.reconcile_interval_seconds > 0:
            self.elector.start()
            self._thread = threading.Thread(target=self._reconcile_forever, args=(self.store,), name="reconciler",
                                            daemon=True)
            self._thread.start()

    def _reconcile_forever(self, store: ReplicatedStore) -> None:
        reconciler: Reconciler | None = None
        last_sweep = time.monotonic()
        while not self._stop.wait(self.settings.reconcile_interval_seconds):
            leading = self.elector.is_leader()
            RECONCILER_LEADER.set(1 if leading else 0)
            if not leading:
                reconciler = None  # a new term starts from the persisted checkpoint
                continue
            # Every step of a pass checks the leadership again: a pass never outlives the term.
            reconciler = reconciler or Reconciler(store, keep_going=self.elector.is_leader)
            try:
                if time.monotonic() - last_sweep > self.settings.full_sweep_hours * 3600:
                    reconciler.full_sweep()
                    last_sweep = time.monotonic()
                report = reconciler.run_pass()
                if report.copied:
                    log.info("reconciler copied %d objects; %d pending", report.copied, report.lag_seq)
            except NotLeader:
                log.warning("reconciler pass stopped: this pod is no longer the leader")
                reconciler = None
            except (StoreError, OSError) as err:
                log.warning("reconciler pass stopped: %s", err)
            except Exception:
                log.exception("reconciler pass crashed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.settings.reconcile_interval_seconds + 30)
            self.elector.stop()  # after the reconciler stopped: then the Lease is released for the next pod
        self.health.stop()
