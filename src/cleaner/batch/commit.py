"""The second pass of a batch: documents cleaned by the workers, committed in input order.

Outcomes come back in any order and wait until every earlier document is committed;
at most ``window`` documents are between being read and being committed.
"""

from __future__ import annotations

import time
from typing import Any, TextIO

from .feed import Feed
from .inputs import DocRef, Namer
from .ledger import CHECKPOINT_SECONDS, Ledger, _Writer
from .options import BatchOptions
from .output import ErrorLog, ExplainPrinter, TreeWriter
from .pool import InlinePool, WorkerPool
from .worker import Outcome, describe


class InOrder:
    """Feeds the workers and commits their outcomes in input order, with checkpoints."""

    def __init__(
        self, options: BatchOptions, ledger: Ledger, feed: Feed, bar: Any, stderr: TextIO
    ) -> None:
        self.options = options
        self.ledger = ledger
        self.feed = feed
        self.bar = bar
        self.stderr = stderr

    def loop(
        self,
        pool: WorkerPool | InlinePool,
        writer: _Writer,
        errors: ErrorLog,
        printer: ExplainPrinter | None,
    ) -> None:
        o = self.options
        window = max(8, 4 * o.jobs)
        namer = Namer() if o.outdir is not None else None
        docs = self.feed.documents(namer)
        waiting: dict[int, DocRef] = {}
        finished: dict[int, Outcome] = {}
        next_commit = self.ledger.checkpoint.next_seq
        last_save = time.monotonic()
        held: DocRef | None = None
        exhausted = False
        while True:
            # Feed idle workers, never reading further ahead than the window.
            while not exhausted:
                if held is None:
                    held = next(docs, None)
                    if held is None:
                        exhausted = True
                        break
                    if held.seq < next_commit:  # committed before the run was killed
                        held = None
                        continue
                if held.seq - next_commit >= window:
                    break
                if held.error is not None:
                    waiting[held.seq] = held
                    finished[held.seq] = Outcome("failed", *held.error)
                    held = None
                    continue
                if pool.idle <= 0:
                    break
                waiting[held.seq] = held
                pool.submit(held.seq, self.feed.task(held))
                held = None
            # Commit every outcome whose predecessors are all committed.
            while next_commit in finished:
                doc = waiting.pop(next_commit)
                self.commit(doc, finished.pop(next_commit), writer, errors, printer)
                next_commit += 1
            if time.monotonic() - last_save >= CHECKPOINT_SECONDS:
                self.ledger.save_checkpoint(writer, errors, next_commit)
                last_save = time.monotonic()
            if exhausted and not waiting:
                break
            for seq, outcome in pool.collect(0.2):
                finished[seq] = outcome
        self.ledger.save_checkpoint(writer, errors, next_commit)

    def commit(
        self,
        doc: DocRef,
        outcome: Outcome,
        writer: _Writer,
        errors: ErrorLog,
        printer: ExplainPrinter | None,
    ) -> None:
        counts = self.ledger.counts
        counts["documents"] += 1
        counts["processed"] += 1
        counts["bytes_in"] += outcome.bytes_in
        if outcome.status == "ok":
            try:
                counts["bytes_out"] += writer.write(doc, outcome)
            except OSError as exc:
                if not isinstance(writer, TreeWriter):
                    raise  # the one output file is broken: nothing more can be written
                outcome = Outcome("failed", type(exc).__name__, f"writing output: {describe(exc)}")
        counts[outcome.status] += 1
        if outcome.status != "ok":
            errors.write(doc, outcome)
            if (
                outcome.status == "failed"
                and errors.stream is None
                and self.options.report_failures
            ):
                which = doc.path if doc.doc_id == doc.path else f"{doc.path} [{doc.doc_id}]"
                self.say(f"cleaner: {which}: {outcome.error}: {outcome.message}")
        elif printer is not None:
            if self.bar is not None:
                self.bar.clear()
            printer.write(doc, outcome)
            printer.stream.flush()
        if self.bar is not None:
            self.bar.update(1)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stderr)
        else:
            print(message, file=self.stderr)
