"""Chunks of work items on a pool of worker processes, with a few chunks in flight per worker.

Cancellation is checked between chunks; chunks not yet started are dropped, running ones finish.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from app.core.batch.model import WorkItem
from app.core.batch.worker import Outcome, WorkerConfig, init_worker, run_chunk
from app.core.errors import QrDeskError

Collect = Callable[[int, list[Outcome]], None]  # (chunk index, its outcomes)


def chunked(items: list[WorkItem], size: int) -> list[list[WorkItem]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_pool(config: WorkerConfig, chunks: list[list[WorkItem]], jobs: int, collect: Collect,
             is_cancelled: Callable[[], bool]) -> bool:
    """Run ``chunks`` on ``jobs`` processes, passing each chunk's outcomes to ``collect``; True if cancelled."""
    # spawn everywhere: fork is unsafe in a process with Qt or other threads, and it is what macOS
    # and Windows do anyway, so all platforms behave alike.
    context = multiprocessing.get_context("spawn")
    cancelled = False
    in_flight: dict[Future[list[Outcome]], int] = {}
    queue = list(enumerate(chunks))
    queue.reverse()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=init_worker,
                             initargs=(config,)) as pool:
        while queue or in_flight:
            if is_cancelled():
                cancelled = True
                queue.clear()
                for fut in list(in_flight):
                    if fut.cancel():
                        del in_flight[fut]
            # A few chunks per worker in flight keeps workers busy and cancellation prompt.
            while queue and len(in_flight) < jobs * 3:
                index, chunk = queue.pop()
                in_flight[pool.submit(run_chunk, chunk)] = index
            if not in_flight:
                break
            finished, _ = wait(in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                index = in_flight.pop(fut)
                if fut.cancelled():
                    continue
                try:
                    outcomes = fut.result()
                except BrokenProcessPool:
                    raise QrDeskError("a batch worker process stopped unexpectedly (out of memory?); "
                                      "try again with --jobs 1") from None
                collect(index, outcomes)
    return cancelled
