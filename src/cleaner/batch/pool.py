"""Worker processes with a per-document time limit, replaced when they die.

Each worker has its own pipe and holds one task at a time, so the parent always knows
which document a worker is on and since when. A worker past its deadline is killed
(the only reliable way to stop a regex or parser stuck in C code) and replaced; the
document fails with ``DocumentTimeoutError``. A worker that dies (killed by the OOM
killer, a crash in an extension) is replaced and its document tried once more on a
fresh worker, since the death may have had nothing to do with the document.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..pipeline import Cleaner
from .worker import (
    DocumentTimeoutError,
    Outcome,
    Task,
    WorkerCrashError,
    WorkerSettings,
    failed,
    process,
    worker_main,
)

#: How many times a document is given to a worker that then dies.
MAX_ATTEMPTS = 2


def _context() -> Any:
    # fork on Linux: a worker starts in milliseconds, with cleaner already imported. The
    # parent runs no threads (the progress bar's monitor thread is switched off) and
    # its open files are flushed before forking, so a child inherits nothing half-done.
    # forkserver or spawn elsewhere (fork is unsafe on macOS).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["cleaner.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass
class _Slot:
    process: Any
    conn: Connection
    #: False until the worker has built its Cleaner and said so: the time limit of a
    #: document must not include a worker's start-up.
    ready: bool = False
    seq: int = -1
    task: Task | None = None
    attempt: int = 0
    started: float = 0.0


class WorkerStartError(RuntimeError):
    """Workers die before they are ready, again and again: nothing can be cleaned."""


#: Workers that may die in a row before being ready before the pool gives up.
MAX_START_FAILURES = 5


class WorkerPool:
    """``jobs`` worker processes; ``submit`` to an idle one, ``collect`` outcomes."""

    def __init__(self, jobs: int, settings: WorkerSettings, timeout: float | None) -> None:
        self._ctx = _context()
        self._settings = settings
        self._timeout = timeout
        self._retry: deque[tuple[int, Task, int]] = deque()
        self._done: list[tuple[int, Outcome]] = []
        self._start_failures = 0
        # A forked worker inherits a Cleaner built here once (compiling the phrase
        # patterns is most of a Cleaner's start-up); other workers build their own.
        forked = self._ctx.get_start_method() == "fork"
        self._cleaner = _warmed(settings.build_cleaner()) if forked else None
        self._slots: list[_Slot] = [self._spawn() for _ in range(max(1, jobs))]

    def _spawn(self) -> _Slot:
        parent_end, child_end = self._ctx.Pipe(duplex=True)
        args = (child_end, self._settings, self._cleaner)
        proc = self._ctx.Process(target=worker_main, args=args, daemon=True)
        # Buffered output would be inherited by a forked child: write it out first.
        sys.stdout.flush()
        sys.stderr.flush()
        proc.start()
        child_end.close()
        return _Slot(proc, parent_end)

    def _replace(self, slot: _Slot) -> None:
        self._stop(slot, kill=True)
        self._slots[self._slots.index(slot)] = self._spawn()

    def _free(self) -> list[_Slot]:
        return [s for s in self._slots if s.ready and s.task is None]

    @property
    def idle(self) -> int:
        """Workers ready for a new document (retries waiting come first)."""
        return len(self._free()) - len(self._retry)

    @property
    def busy(self) -> int:
        return sum(slot.task is not None for slot in self._slots) + len(self._retry)

    def submit(self, seq: int, task: Task) -> None:
        self._dispatch(seq, task, 1)

    def _dispatch(self, seq: int, task: Task, attempt: int) -> None:
        slot = self._free()[0]
        slot.seq, slot.task, slot.attempt = seq, task, attempt
        slot.started = time.monotonic()
        try:
            slot.conn.send(task)
        except OSError:
            # Died while idle: a fresh worker, and the document goes again.
            self._died(slot)

    def collect(self, timeout: float) -> list[tuple[int, Outcome]]:
        """Outcomes finished within ``timeout`` seconds (timeouts and crashes included)."""
        self._drain_retries()
        watched = [s for s in self._slots if s.task is not None or not s.ready]
        if watched and not self._done:
            wait_for = timeout
            busy = [s for s in watched if s.task is not None]
            if self._timeout and busy:
                first_deadline = min(s.started for s in busy) + self._timeout
                wait_for = max(0.0, min(timeout, first_deadline - time.monotonic()))
            handles = [s.conn for s in watched] + [s.process.sentinel for s in watched]
            ready = set(wait(handles, wait_for))
            now = time.monotonic()
            for slot in watched:
                if slot.conn in ready or slot.process.sentinel in ready:
                    self._receive(slot)
                elif (
                    slot.task is not None and self._timeout and now - slot.started >= self._timeout
                ):
                    self._timed_out(slot)
        self._drain_retries()
        done, self._done = self._done, []
        return done

    def _receive(self, slot: _Slot) -> None:
        try:
            if slot.conn.poll():
                message = slot.conn.recv()
                if not slot.ready:  # the start-up message
                    slot.ready = True
                    self._start_failures = 0
                    return
                self._done.append((slot.seq, message))
                slot.task = None
                return
        except (EOFError, OSError):
            pass
        if slot.task is None:
            self._start_failures += 1
            if self._start_failures > MAX_START_FAILURES:
                raise WorkerStartError(
                    f"worker processes die on start-up ({slot.process.exitcode})"
                )
            self._replace(slot)
            return
        self._died(slot)

    def _died(self, slot: _Slot) -> None:
        seq, task, attempt = slot.seq, slot.task, slot.attempt
        slot.process.join(0.5)
        code = slot.process.exitcode
        slot.task = None
        self._replace(slot)
        assert task is not None
        if attempt < MAX_ATTEMPTS:
            self._retry.append((seq, task, attempt + 1))
            return
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        crash = WorkerCrashError(f"the worker died ({how}) on this document, {attempt} times")
        self._done.append((seq, failed(crash)))

    def _timed_out(self, slot: _Slot) -> None:
        seq = slot.seq
        slot.task = None
        self._replace(slot)
        limit = f"{self._timeout:g}"
        self._done.append((seq, failed(DocumentTimeoutError(f"cleaning took over {limit} s"))))

    def _drain_retries(self) -> None:
        while self._retry and self._free():
            seq, task, attempt = self._retry.popleft()
            self._dispatch(seq, task, attempt)

    def _stop(self, slot: _Slot, kill: bool) -> None:
        if kill:
            slot.process.kill()
        slot.process.join(2)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join()
        slot.conn.close()

    def close(self) -> None:
        """Stop every worker: idle ones are asked, busy or starting ones are killed."""
        for slot in self._slots:
            idle = slot.ready and slot.task is None
            if idle:
                with suppress(OSError):  # already gone: nothing to ask
                    slot.conn.send(None)
            self._stop(slot, kill=not idle)
        self._slots = []


def _warmed(cleaner: Cleaner) -> Cleaner:
    """Clean two tiny pages so that late imports (the HTML front-end) happen once, here."""
    for kind in ("text", "html"):
        with suppress(Exception):  # a front-end that is missing fails later, per page
            cleaner.explain("<html><body><p>Warm-up.</p></body></html>", kind=kind)
    return cleaner


class InlinePool:
    """The same interface, cleaning in this process: for one page, where starting a
    worker would cost more than the cleaning. The time limit uses SIGALRM."""

    def __init__(self, settings: WorkerSettings, timeout: float | None) -> None:
        self._settings = settings
        self._timeout = timeout
        self._cleaner = settings.build_cleaner()
        self._done: list[tuple[int, Outcome]] = []

    @property
    def idle(self) -> int:
        return 0 if self._done else 1

    @property
    def busy(self) -> int:
        return len(self._done)

    def submit(self, seq: int, task: Task) -> None:
        with _alarm(self._timeout):
            try:
                outcome = process(task, self._cleaner, self._settings)
            except DocumentTimeoutError as exc:
                outcome = failed(exc)
        self._done.append((seq, outcome))

    def collect(self, timeout: float) -> list[tuple[int, Outcome]]:
        done, self._done = self._done, []
        return done

    def close(self) -> None:
        pass


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeoutError(f"cleaning took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
