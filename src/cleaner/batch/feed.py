"""Feeding documents to workers: the document stream, tasks, pools and progress bars,
and the first pass of a batch, which counts site templates."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .inputs import DocRef, Namer, iter_documents, iter_inputs, iter_sources
from .ledger import Ledger
from .options import BatchOptions
from .pool import InlinePool, WorkerPool
from .templates import TemplateCounter
from .worker import Task, WorkerSettings


class Feed:
    """Where a run's work comes from: its documents, their tasks, the pool, the bars."""

    def __init__(self, options: BatchOptions, stderr: TextIO) -> None:
        self.options = options
        self.stderr = stderr

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
        return Task(path=doc.path, payload=doc.payload, url=url, encoding=doc.encoding)

    def new_bar(self, description: str, initial: int = 0) -> Any:
        if not self.options.progress:
            return None
        from tqdm import tqdm

        # No monitor thread: workers are forked, and a fork should not copy threads.
        tqdm.monitor_interval = 0
        return tqdm(
            desc=description,
            initial=initial,
            total=self.options.total,
            unit=" docs",
            file=self.stderr,
            dynamic_ncols=True,
            mininterval=0.2,
        )

    def count_templates(self, ledger: Ledger) -> frozenset[str]:
        """The first pass: every page fingerprinted, the site templates counted."""
        o = self.options
        if ledger.resumed and ledger.state is not None:
            saved = ledger.state.load_templates()
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
        if ledger.state is not None:
            ledger.state.save_templates(templates)
        return templates
