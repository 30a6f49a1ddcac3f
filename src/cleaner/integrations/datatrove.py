"""datatrove pipeline steps that clean documents with cleaner.

``CleanerExtractor`` takes records holding HTML (what ``WarcReader`` yields) and keeps
the article text; ``CleanerFormatter`` takes records that already hold text (WET
files, scraped innerText) and removes the boilerplate lines::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerExtractor

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), CleanerExtractor(), JsonlWriter("clean/")],
        tasks=4,
    ).run()

Both steps add, per document, the number of blocks removed by each rule family to
datatrove's stats (``removed/<family>``) and, unless ``metadata=False``, to the
document's metadata (``cleaner_removed``, with ``cleaner_language``). Options are
``Config`` fields plus ``disable=`` / ``enable=``, as for ``Cleaner``.
"""

from __future__ import annotations

from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from ..config import Config
from ..errors import CleanerError
from ..pipeline import Cleaner
from . import CleanerRecipe

#: Prefix of the per-family stats: ``removed/navigation`` counts removed navigation blocks.
FAMILY_STAT_PREFIX = "removed/"

#: What the sandboxed worker sends back: text, removals per family, language, error.
_Outcome = tuple[str, dict[str, int], str | None, str | None]


class _CleanerStep:
    """What both steps share: a picklable recipe, a lazily built ``Cleaner``, stats."""

    _recipe: CleanerRecipe
    _built: Cleaner | None
    _metadata: bool

    def _setup(self, kind: str, config: Config | None, metadata: bool, options: Any) -> None:
        self._recipe = CleanerRecipe.create(kind, config, **options)
        self._built = None
        self._metadata = metadata

    @property
    def cleaner(self) -> Cleaner:
        """The step's ``Cleaner``, built on first use in the process that runs the step."""
        if self._built is None:
            self._built = self._recipe.build()
        return self._built

    def __getstate__(self) -> dict[str, Any]:
        # Executors pickle the pipeline to ship it to workers (datatrove's local pool,
        # Slurm); a Cleaner does not pickle, and each worker builds its own anyway.
        state = dict(self.__dict__)
        state["_built"] = None
        return state

    def _outcome(self, raw: str, url: str | None = None) -> _Outcome:
        try:
            result = self.cleaner.explain(raw, url=url, kind=self._recipe.kind)
        except CleanerError as error:
            # Returned, not raised: the extractor runs this in a sandbox process, where
            # an exception would kill the process instead of reaching the step.
            return "", {}, None, f"{type(error).__name__}: {error}"
        return result.text, result.counts_by_family(), result.language, None

    def _apply(self, doc: Document, outcome: _Outcome) -> None:
        text, removed, language, _ = outcome
        doc.text = text
        for family, count in removed.items():
            self.stat_update(FAMILY_STAT_PREFIX + family, value=count)  # type: ignore[attr-defined]
        if self._metadata:
            doc.metadata["cleaner_language"] = language
            doc.metadata["cleaner_removed"] = removed


class CleanerExtractor(_CleanerStep, BaseExtractor):
    """Keeps the article text of HTML records, under datatrove's per-document time-out.

    A record that takes longer than ``timeout`` seconds, that cleaner refuses (binary,
    too large), or that keeps no text is dropped, and counted in the stats as
    ``timeout``, ``clean_error`` or ``dropped``.
    """

    name = "🧹 cleaner: article text from HTML"

    def __init__(
        self,
        timeout: float = 1.0,
        *,
        config: Config | None = None,
        metadata: bool = True,
        **options: Any,
    ) -> None:
        super().__init__(timeout)
        self._setup("html", config, metadata, options)

    def extract(self, text: str) -> str:
        """The article text of one HTML page (``CleanerError`` for input it refuses)."""
        return self.cleaner.clean(text, kind="html")

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        # The base run sends back only the text; this one also brings the rule
        # families' counts back from the sandbox process, for the stats.
        self.cleaner  # noqa: B018 -- built before the sandbox forks, so its worker inherits it
        with ExtractorSandbox(timeout=self.timeout, warmup_text="") as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    try:
                        outcome = sandbox.process_document(
                            (doc.text, doc.metadata.get("url")), self._outcome
                        )
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning(f"cleaner timed out on document {doc.id}; dropped")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        logger.warning(f"cleaner's process died on document {doc.id}; dropped")
                        continue
                if outcome[3] is not None:
                    self.stat_update("clean_error")
                    logger.info(f"cleaner refused document {doc.id}: {outcome[3]}")
                    continue
                self._apply(doc, outcome)
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)


class CleanerFormatter(_CleanerStep, BaseFormatter):
    """Removes boilerplate lines from records that already hold page text.

    Records cleaner refuses are dropped and counted as ``clean_error``; records left
    empty are dropped (``dropped``) unless ``drop_empty=False``.
    """

    name = "🧹 cleaner: boilerplate lines out of page text"

    def __init__(
        self,
        *,
        config: Config | None = None,
        metadata: bool = True,
        drop_empty: bool = True,
        **options: Any,
    ) -> None:
        super().__init__()
        self._setup("text", config, metadata, options)
        self._drop_empty = drop_empty

    def format(self, text: str) -> str:
        """The page text without its boilerplate (``CleanerError`` for input it refuses)."""
        return self.cleaner.clean(text, kind="text")

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                outcome = self._outcome(doc.text, doc.metadata.get("url"))
            if outcome[3] is not None:
                self.stat_update("clean_error")
                logger.info(f"cleaner refused document {doc.id}: {outcome[3]}")
                continue
            self._apply(doc, outcome)
            if doc.text or not self._drop_empty:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)


__all__ = ["FAMILY_STAT_PREFIX", "CleanerExtractor", "CleanerFormatter"]
