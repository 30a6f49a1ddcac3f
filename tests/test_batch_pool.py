"""The worker pool: outcomes, time limits, dead workers replaced."""

from __future__ import annotations

import os
import time
from pathlib import Path

from cleaner.batch.pool import InlinePool, WorkerPool
from cleaner.batch.worker import Task, WorkerSettings

ARTICLE = (
    "The council said on Monday that the new bridge would open in the spring, after "
    "two years of work and a long debate about its cost to the town.\n\n"
) * 3


class _Unpickles:
    """A payload whose unpickling, in the worker, calls ``func(*args)``."""

    def __init__(self, func: object, *args: object) -> None:
        self.call = (func, args)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.call


def _run(pool: WorkerPool | InlinePool, tasks: list[Task], limit: float = 30.0) -> dict:
    outcomes: dict[int, object] = {}
    pending = list(enumerate(tasks))
    deadline = time.monotonic() + limit
    while (pending or pool.busy) and time.monotonic() < deadline:
        while pending and pool.idle > 0:
            seq, task = pending.pop(0)
            pool.submit(seq, task)
        for seq, outcome in pool.collect(0.1):
            outcomes[seq] = outcome
    return outcomes


def test_pool_cleans_every_document() -> None:
    pool = WorkerPool(2, WorkerSettings(), timeout=None)
    try:
        outcomes = _run(pool, [Task(path=f"doc{i}", payload=ARTICLE) for i in range(6)])
    finally:
        pool.close()
    assert sorted(outcomes) == list(range(6))
    assert all(o.status == "ok" and "new bridge" in o.text for o in outcomes.values())


def test_worker_dying_on_a_document_is_replaced_and_the_batch_goes_on() -> None:
    # The payload kills the worker as it arrives, on every attempt.
    crash = Task(path="crash", payload=_Unpickles(os._exit, 3))  # type: ignore[arg-type]
    tasks = [Task(path="a", payload=ARTICLE), crash, Task(path="b", payload=ARTICLE)]
    pool = WorkerPool(1, WorkerSettings(), timeout=None)
    try:
        outcomes = _run(pool, tasks)
    finally:
        pool.close()
    assert outcomes[0].status == "ok"
    assert outcomes[1].status == "failed"
    assert outcomes[1].error == "WorkerCrashError"
    assert "exit code 3" in outcomes[1].message and "2 times" in outcomes[1].message
    assert outcomes[2].status == "ok"  # served by a fresh worker


def test_document_over_the_time_limit_fails_and_the_worker_is_replaced() -> None:
    slow = Task(path="slow", payload=_Unpickles(time.sleep, 30))  # type: ignore[arg-type]
    pool = WorkerPool(1, WorkerSettings(), timeout=0.5)
    started = time.monotonic()
    try:
        outcomes = _run(pool, [slow, Task(path="after", payload=ARTICLE)])
    finally:
        pool.close()
    assert outcomes[0].status == "failed"
    assert outcomes[0].error == "DocumentTimeoutError"
    assert outcomes[1].status == "ok"
    assert time.monotonic() - started < 15


def test_inline_pool_reports_failures_as_outcomes(tmp_path: Path) -> None:
    pool = InlinePool(WorkerSettings(), timeout=None)
    outcomes = _run(pool, [Task(path=str(tmp_path) + "/missing.html"), Task("x", ARTICLE)])
    assert outcomes[0].status == "failed" and outcomes[0].error == "FileNotFoundError"
    assert outcomes[1].status == "ok"
