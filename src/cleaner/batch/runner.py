"""Running a batch: documents in, outcomes committed in input order, a summary out.

Documents stream from ``inputs`` and go to idle workers; outcomes come back in any
order and wait in a small buffer until every earlier document is committed, so the
output never depends on worker scheduling. At most ``window`` documents are between
being read and being committed, which bounds memory whatever the size of the batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from .inputs import DocRef, Namer, ReadOptions, iter_documents, iter_inputs, iter_sources
from .output import ErrorLog, ExplainPrinter, StreamWriter, TreeWriter
from .pool import InlinePool, WorkerPool
from .resume import Checkpoint, ResumeError, StateDir
from .templates import DEFAULT_MIN_PAGES, DEFAULT_MIN_SHARE, TemplateCounter
from .worker import Outcome, Task, WorkerSettings, describe

#: Seconds between checkpoints: the most work a killed run can lose.
CHECKPOINT_SECONDS = 0.5
#: Name of the state folder inside an output tree.
TREE_STATE = ".cleaner-resume"

__all__ = ["BatchOptions", "ResumeError", "Summary", "run_batch"]


@dataclass
class BatchOptions:
    inputs: list[str]
    from_list: str | None = None
    #: Output: a tree under ``outdir``, a JSON Lines file ``jsonl`` ("-": stdout), or
    #: neither (stdout: one page's text, or JSON Lines with ``fmt="json"``).
    outdir: Path | None = None
    jsonl: str | None = None
    fmt: str = "text"
    read: ReadOptions = field(default_factory=ReadOptions)
    kind: str | None = None
    cleaner_options: dict[str, Any] = field(default_factory=dict)
    jobs: int = 1
    #: Clean in this process (one page): no worker start-up cost.
    inline: bool = False
    timeout: float | None = None
    errors: Path | None = None
    resume: bool = False
    timing: bool = True
    explain: bool = False
    #: Print the text of each page (stdout mode); off when ``explain`` replaces it.
    print_text: bool = True
    site_templates: bool = False
    template_min_pages: int = DEFAULT_MIN_PAGES
    template_min_share: float = DEFAULT_MIN_SHARE
    progress: bool = False
    #: Report each failure on stderr (when there is no error log).
    report_failures: bool = True
    colour: bool = False


@dataclass
class Summary:
    documents: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    #: Documents cleaned by this run (a resumed run skips the ones done before).
    processed: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def line(self) -> str:
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        return (
            f"cleaner: {self.documents} documents: {self.ok} ok, {self.failed} failed, "
            f"{self.skipped} skipped; {self.bytes_in / 1e6:.1f} MB in, "
            f"{self.bytes_out / 1e6:.1f} MB out; {rate:.1f} docs/s ({self.seconds:.1f} s)"
        )


class _Writer(Protocol):
    def write(self, doc: DocRef, outcome: Outcome) -> int: ...
    def position(self) -> int: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...


class _NullWriter:
    def write(self, doc: DocRef, outcome: Outcome) -> int:
        return 0

    def position(self) -> int:
        return 0

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def signature(options: BatchOptions) -> str:
    """What must not change between a killed run and its ``--resume``."""
    r = options.read
    parts = {
        "inputs": options.inputs,
        "from_list": options.from_list,
        "outdir": str(options.outdir.resolve()) if options.outdir else None,
        "jsonl": os.path.abspath(options.jsonl) if options.jsonl else None,
        "fmt": options.fmt,
        "read": [r.field, r.id_field, r.url_field, r.max_bytes, list(r.globs)],
        "kind": options.kind,
        "cleaner": sorted((k, repr(v)) for k, v in options.cleaner_options.items()),
        "errors": str(options.errors.resolve()) if options.errors else None,
        "timing": options.timing,
        "templates": [
            options.site_templates,
            options.template_min_pages,
            options.template_min_share,
        ],
        "cwd": os.getcwd(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def state_dir(options: BatchOptions) -> StateDir | None:
    if options.outdir is not None:
        return StateDir(options.outdir / TREE_STATE)
    if options.jsonl not in (None, "-"):
        return StateDir(Path(f"{options.jsonl}.resume"))
    return None


class _Run:
    def __init__(self, options: BatchOptions, stdout: BinaryIO, stderr: TextIO) -> None:
        self.options = options
        self.stdout = stdout
        self.stderr = stderr
        self.started = time.monotonic()
        self.state = state_dir(options)
        self.checkpoint = Checkpoint(signature(options))
        self.counts: Counter[str] = Counter()
        self.resumed = False
        self.bar: Any = None

    # -- set-up -----------------------------------------------------------------------

    def open_state(self) -> None:
        if self.state is None:
            return
        saved = self.state.load(self.checkpoint.signature) if self.options.resume else None
        if saved is None:
            self.state.start_fresh()
        else:
            self.state.prepare_resume()
            self.checkpoint = saved
            self.resumed = True
            self.counts.update(saved.counts)

    def open_writer(self) -> _Writer:
        o = self.options
        if o.outdir is not None:
            assert self.state is not None
            return TreeWriter(o.outdir, o.fmt, o.timing, self.state.tmp)
        if o.jsonl == "-":
            return StreamWriter(self.stdout, "json", o.timing)
        if o.jsonl is not None:
            assert self.state is not None
            partial = self.state.partial
            if self.resumed:
                if not partial.exists() and self.checkpoint.out_bytes:
                    raise ResumeError(f"{partial} is missing; run again without --resume")
                stream = open(partial, "r+b" if partial.exists() else "wb")  # noqa: SIM115
                stream.truncate(self.checkpoint.out_bytes)
                stream.seek(self.checkpoint.out_bytes)
            else:
                stream = open(partial, "wb")  # noqa: SIM115
            return StreamWriter(stream, "json", o.timing)
        if not o.print_text:
            return _NullWriter()
        return StreamWriter(self.stdout, o.fmt, o.timing)

    def make_pool(self, settings: WorkerSettings) -> WorkerPool | InlinePool:
        if self.options.inline:
            return InlinePool(settings, self.options.timeout)
        return WorkerPool(self.options.jobs, settings, self.options.timeout)

    def documents(self, namer: Namer | None) -> Iterator[DocRef]:
        o = self.options
        sources = iter_sources(iter_inputs(o.inputs, o.from_list), o.read)
        return iter_documents(sources, o.read, namer)

    def task(self, doc: DocRef) -> Task:
        url = doc.url
        if url is None and self.options.site_templates and doc.path != "-":
            # A folder of saved pages stands for one site: its file: URL names it.
            url = Path(os.path.abspath(doc.path)).as_uri()
        return Task(path=doc.path, payload=doc.payload, url=url)

    def new_bar(self, description: str, initial: int = 0) -> Any:
        if not self.options.progress:
            return None
        from tqdm import tqdm

        # No monitor thread: workers are forked, and a fork should not copy threads.
        tqdm.monitor_interval = 0
        return tqdm(
            desc=description,
            initial=initial,
            unit=" docs",
            file=self.stderr,
            dynamic_ncols=True,
            mininterval=0.2,
        )

    # -- first pass: site templates ------------------------------------------------------

    def count_templates(self) -> frozenset[str]:
        o = self.options
        if self.resumed and self.state is not None:
            saved = self.state.load_templates()
            if saved is not None:
                return saved
        counter = TemplateCounter(o.template_min_pages, o.template_min_share)
        settings = WorkerSettings(kind=o.kind, mode="fingerprint", max_bytes=o.read.max_bytes)
        pool = self.make_pool(settings)
        bar = self.new_bar("counting templates")
        try:
            held: DocRef | None = None
            docs = self.documents(None)
            exhausted = False
            while True:
                while not exhausted and pool.idle > 0:
                    held = next(docs, None)
                    if held is None:
                        exhausted = True
                    elif held.error is None:
                        pool.submit(held.seq, self.task(held))
                if exhausted and pool.busy == 0:
                    break
                for _, outcome in pool.collect(0.2):
                    if outcome.status == "ok":
                        counter.add(outcome.host, outcome.fingerprints)
                    if bar is not None:
                        bar.update(1)
        finally:
            pool.close()
            if bar is not None:
                bar.close()
        templates = counter.templates()
        if self.state is not None:
            self.state.save_templates(templates)
        return templates

    # -- second pass: clean and commit in order -----------------------------------------

    def run(self) -> Summary:
        o = self.options
        self.open_state()
        if self.checkpoint.complete:
            return self.finish(None, None)
        writer = self.open_writer()
        errors = ErrorLog(o.errors, self.checkpoint.err_bytes if self.resumed else None)
        self.save_checkpoint(writer, errors, self.checkpoint.next_seq)
        options = dict(o.cleaner_options)
        if o.site_templates:
            options["site_templates"] = self.count_templates()
        settings = WorkerSettings(
            options=options,
            kind=o.kind,
            explain=o.explain,
            max_bytes=o.read.max_bytes,
            output=o.fmt,
        )
        pool = self.make_pool(settings)
        # The explanation goes to stdout unless the results themselves go there.
        results_on_stdout = o.outdir is None and (o.jsonl == "-" or o.print_text)
        explain_stream = self.stderr if results_on_stdout else sys.stdout
        printer = ExplainPrinter(explain_stream, o.colour) if o.explain else None
        self.bar = self.new_bar("cleaning", initial=self.checkpoint.next_seq)
        try:
            self.loop(pool, writer, errors, printer)
        except BaseException:
            pool.close()
            writer.flush()
            errors.flush()
            raise
        finally:
            if self.bar is not None:
                self.bar.close()
        pool.close()
        return self.finish(writer, errors)

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
        docs = self.documents(namer)
        waiting: dict[int, DocRef] = {}
        finished: dict[int, Outcome] = {}
        next_commit = self.checkpoint.next_seq
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
                pool.submit(held.seq, self.task(held))
                held = None
            # Commit every outcome whose predecessors are all committed.
            while next_commit in finished:
                doc = waiting.pop(next_commit)
                self.commit(doc, finished.pop(next_commit), writer, errors, printer)
                next_commit += 1
            if time.monotonic() - last_save >= CHECKPOINT_SECONDS:
                self.save_checkpoint(writer, errors, next_commit)
                last_save = time.monotonic()
            if exhausted and not waiting:
                break
            for seq, outcome in pool.collect(0.2):
                finished[seq] = outcome
        self.save_checkpoint(writer, errors, next_commit)

    def commit(
        self,
        doc: DocRef,
        outcome: Outcome,
        writer: _Writer,
        errors: ErrorLog,
        printer: ExplainPrinter | None,
    ) -> None:
        counts = self.counts
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

    def save_checkpoint(self, writer: _Writer, errors: ErrorLog, next_seq: int) -> None:
        # Data first, then the checkpoint that vouches for it.
        writer.flush()
        errors.flush()
        if self.state is None:
            return
        cp = self.checkpoint
        cp.next_seq = next_seq
        cp.out_bytes = writer.position()
        cp.err_bytes = errors.position()
        cp.counts = {k: v for k, v in self.counts.items() if k != "processed"}
        self.state.save(cp)

    def finish(self, writer: _Writer | None, errors: ErrorLog | None) -> Summary:
        if writer is not None:
            writer.close()
        if errors is not None:
            errors.close()
        if self.state is not None:
            self.checkpoint.complete = True
            self.state.save(self.checkpoint)
            if self.options.jsonl not in (None, "-") and self.state.partial.exists():
                os.replace(self.state.partial, self.options.jsonl)
            self.state.remove()
        c = self.counts
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
