"""`sync-service promote-replica` and `sync-service fail-back`: switch the commit point between the clouds.

Both are idempotent (a second run finds the switch done and only finishes what an interrupted run left) and have
a dry run that writes nothing. Neither needs a restart or a config change: every pod reads the generation in
its health check and follows within one check interval (generations.py). Library epochs are bumped by the
service on each library's first access in the new generation, and by `fail-back` for every library, because
fail-back also merges what S3 committed and never copied before it was lost (nothing acknowledged is lost).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import keys
from .generations import CONTROL_PREFIX, POINTER_KEY, Generation, control_key
from .log_store import LogStore
from .reconciler import Reconciler
from .storage import ObjectStore, ReplicatedStore, StoreError
from .storage.replicated import WITNESS, read_generation

Say = Callable[[str], None]


@dataclass
class SwitchReport:
    before: Generation
    after: Generation
    changed: bool
    copied: int = 0
    libraries: int = 0
    unreachable: list[str] = field(default_factory=list)


def _reachable(store: ObjectStore) -> str | None:
    try:
        store.list(CONTROL_PREFIX)
        return None
    except (StoreError, OSError) as err:
        return str(err) or type(err).__name__


def current_generation(store: ReplicatedStore) -> tuple[Generation, list[str]]:
    """The newest generation either store knows, and the stores that could not be read."""
    seen, unreachable = [], []
    for name, backend in store.stores.items():
        if not store.is_up(name):
            unreachable.append(name)
            continue
        try:
            seen.append(read_generation(backend, thorough=True))
        except (StoreError, OSError):
            unreachable.append(name)
    if not seen:
        raise StoreError("neither store answers: nothing can be switched")
    return max(seen, key=lambda g: g.number), unreachable


def _publish(store: ReplicatedStore, generation: Generation, reason: str, required: tuple[str, ...],
             say: Say) -> list[str]:
    """Write the generation document and pointer: on `required` (must succeed; always the fencing witness, so a
    fenced pod that cannot read it has stopped committing before the settle time ends) and, best effort, on the
    other."""
    assert WITNESS in required
    missed = []
    for name in (*required, *[n for n in store.stores if n not in required]):
        backend = store.stores[name]
        if name not in required and not store.is_up(name):
            missed.append(name)
            say(f"{name}: not reachable, not recorded there; pods read it from {required[0]}")
            continue
        try:
            backend.put_if_absent(control_key(generation.number), generation.doc(reason))
            written = Generation.parse(backend.get(control_key(generation.number)))
            if written != generation:
                raise StoreError(f"generation {generation.number} was started by someone else as {written}")
            backend.put(POINTER_KEY, generation.doc(reason))
            say(f"{name}: generation {generation.number} ({generation.primary} commits) recorded")
        except (StoreError, OSError) as err:
            if name in required:
                raise
            missed.append(name)
            say(f"{name}: not reachable, not recorded there ({err}); pods read it from {required[0]}")
    store.set_generation(generation)
    return missed


def _settle(store: ReplicatedStore, say: Say) -> None:
    """Wait until every pod's health check can have seen the switch (no pod writes before that either)."""
    wait = store.settling()
    if wait:
        say(f"waiting {wait:.0f} s for every pod to see the switch")
        time.sleep(wait)


def promote_replica(store: ReplicatedStore, dry_run: bool, say: Say, reason: str = "") -> SwitchReport:
    """Make Azure the commit point. S3 may be unreachable (that is why one promotes)."""
    before, unreachable = current_generation(store)
    if before.primary == "azure":
        say(f"already promoted: generation {before.number}, azure commits. Nothing to do.")
        return SwitchReport(before, before, False, unreachable=unreachable)
    problem = _reachable(store.stores["azure"])
    if problem:
        raise StoreError(f"azure is not reachable, it cannot become the commit point: {problem}")
    after = Generation(before.number + 1, "azure", time.time())
    say(f"generation {before.number} (s3 commits) -> {after.number} (azure commits)")
    say("pods switch within one health-check interval; each library's epoch goes up on its next access "
        "(clients resync once and keep their local changes)")
    if dry_run:
        say("dry run: nothing written")
        return SwitchReport(before, after, False, unreachable=unreachable)
    missed = _publish(store, after, reason or "promote-replica", ("azure",), say)
    _settle(store, say)
    say(f"azure commits (generation {after.number})")
    return SwitchReport(before, after, True, unreachable=missed)


def fail_back(store: ReplicatedStore, logs: LogStore, dry_run: bool, say: Say, reason: str = "") -> SwitchReport:
    """Make S3 the commit point again: copy what Azure committed meanwhile, switch, move every library on S3
    (merging S3 entries that never reached Azure). Needs both stores."""
    for name, backend in store.stores.items():
        problem = _reachable(backend)
        if problem:
            raise StoreError(f"{name} is not reachable; fail-back needs both stores: {problem}")
    before, _ = current_generation(store)
    after = before if before.primary == "s3" else Generation(before.number + 1, "s3", time.time())
    s3, azure = store.stores["s3"], store.stores["azure"]
    users = sorted({k.split("/")[1] for k in azure.list("u/") + s3.list("u/") if k.endswith("/meta.json")})
    if dry_run:
        missing = len(set(azure.list("u/")) - set(s3.list("u/")))
        say(f"generation {before.number} ({before.primary} commits) -> {after.number} (s3 commits)")
        say(f"would copy {missing} object(s) azure -> s3 and move {len(users)} librar(y/ies) to generation "
            f"{after.number}; dry run: nothing written")
        return SwitchReport(before, after, False, libraries=len(users))
    if before.primary == "azure":
        _publish(store, after, reason or "fail-back", ("s3", "azure"), say)
    else:
        say(f"s3 already commits (generation {after.number}); finishing the library moves")
        store.set_generation(after)
    _settle(store, say)  # from here on no pod commits to azure
    copied = Reconciler(store).full_sweep(azure, s3).copied
    say(f"copied {copied} object(s) azure -> s3")
    for uid in users:
        keys.user_prefix(uid)
        logs.ensure_generation(uid, after.number)
    say(f"{len(users)} librar(y/ies) in generation {after.number}")
    copied += Reconciler(store).full_sweep(s3, azure).copied
    return SwitchReport(before, after, before != after, copied=copied, libraries=len(users))
