"""Running a batch: documents in, outcomes committed in input order, a summary out.

Documents stream from ``inputs`` and go to idle workers; outcomes come back in any
order and wait in a small buffer until every earlier document is committed, so the
output never depends on worker scheduling. At most ``window`` documents are between
being read and being committed, which bounds memory whatever the size of the batch.

``_Run`` ties the collaborators together: the ``Ledger`` (counts, checkpoint, state
folder: ``ledger``), the ``Feed`` (documents, tasks, pools, the template pass: ``feed``)
and ``InOrder`` (the cleaning pass: ``commit``); the options are in ``options``.
"""

from __future__ import annotations

import sys
import time
from typing import BinaryIO, TextIO

from .commit import InOrder
from .feed import Feed
from .ledger import Ledger, _Writer
from .options import BatchOptions, Summary
from .output import ErrorLog, ExplainPrinter
from .resume import ResumeError
from .worker import WorkerSettings

__all__ = ["BatchOptions", "ResumeError", "Summary", "run_batch"]


class _Run:
    """One batch: the ledger (counts, checkpoint), the two passes, and the summary."""

    def __init__(self, options: BatchOptions, stdout: BinaryIO, stderr: TextIO) -> None:
        self.options = options
        self.stdout = stdout
        self.stderr = stderr
        self.started = time.monotonic()
        self.ledger = Ledger(options, stdout)
        self.feed = Feed(options, stderr)

    def run(self) -> Summary:
        o = self.options
        ledger = self.ledger
        ledger.open_state()
        if ledger.checkpoint.complete:
            return self.finish(None, None)
        writer = ledger.open_writer()
        errors = ErrorLog(o.errors, ledger.checkpoint.err_bytes if ledger.resumed else None)
        ledger.save_checkpoint(writer, errors, ledger.checkpoint.next_seq)
        options = dict(o.cleaner_options)
        if o.site_templates:
            options["site_templates"] = self.feed.count_templates(ledger)
        settings = WorkerSettings(
            options=options,
            kind=o.kind,
            explain=o.explain,
            max_bytes=o.read.max_bytes,
            output=o.fmt,
        )
        pool = self.feed.make_pool(settings)
        # The explanation goes to stdout unless the results themselves go there.
        results_on_stdout = o.outdir is None and (o.jsonl == "-" or o.print_text)
        explain_stream = self.stderr if results_on_stdout else sys.stdout
        printer = ExplainPrinter(explain_stream, o.colour) if o.explain else None
        bar = self.feed.new_bar("cleaning", initial=ledger.checkpoint.next_seq)
        try:
            InOrder(o, ledger, self.feed, bar, self.stderr).loop(pool, writer, errors, printer)
        except BaseException:
            pool.close()
            writer.flush()
            errors.flush()
            raise
        finally:
            if bar is not None:
                bar.close()
        pool.close()
        return self.finish(writer, errors)

    def finish(self, writer: _Writer | None, errors: ErrorLog | None) -> Summary:
        if writer is not None:
            writer.close()
        if errors is not None:
            errors.close()
        self.ledger.complete()
        c = self.ledger.counts
        return Summary(
            documents=c["documents"],
            ok=c["ok"],
            failed=c["failed"],
            skipped=c["skipped"],
            bytes_in=c["bytes_in"],
            bytes_out=c["bytes_out"],
            processed=c["processed"],
            seconds=time.monotonic() - self.started,
        )


def run_batch(
    options: BatchOptions, stdout: BinaryIO | None = None, stderr: TextIO | None = None
) -> Summary:
    """Run a batch; raises ``ResumeError`` when ``--resume`` cannot apply."""
    run = _Run(options, stdout or sys.stdout.buffer, stderr or sys.stderr)
    return run.run()
