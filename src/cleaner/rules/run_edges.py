"""The main content run's edges taken back over the article's own lines, on the text path.

The run (``quality.MainContentRun``) is a maximum-sum stretch: a short sentence at its
edge, or a sub-heading with the article's next paragraph past it, costs more than it
scores and is left out. These steps move the edges back over them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import Block
from .base import Document
from .params import Param

if TYPE_CHECKING:
    from .quality import MainContentRun

__all__ = ["RunEdges", "take_back"]


class RunEdges:
    """Mixin of ``MainContentRun``: the parameters of its edges' own steps."""

    edge_loose_min_shared = Param(
        0.2,
        "A sentence at the run's edge that reads as no paragraph (a Title-Case opening "
        "like a teaser's headline, or too few stop words: a long name opens it, a "
        "reference, a list of names) is the article's all the same when at least this "
        "share of its content words are the run's; a teaser for another story or a "
        "copyright line shares few. Above 1: never.",
    )


def take_back(
    rule: MainContentRun, kept: list[Block], doc: Document, start: int, end: int
) -> tuple[int, int]:
    """The run's edges moved over adjacent sentences (one that reads as no paragraph
    too, when it shares the run's words), and over a sub-heading (at most
    ``bridge_max_lines`` heading-like lines) when the article resumes past it."""
    # The run's words, grown with its edges: read by few pages (a loose sentence at an
    # edge, a sub-heading's next paragraph), so gathered when first asked for.
    seen = _RunWords(kept, start, end)
    moved = True
    while moved:
        moved = False
        while start > 0 and _edge(rule, kept[start - 1], doc, seen):
            start -= 1
            seen.grow(start, end)
        while end + 1 < len(kept) and _edge(rule, kept[end + 1], doc, seen):
            end += 1
            seen.grow(start, end)
        before = _bridge(rule, kept, doc, start, -1, seen)
        if before is not None:
            start, moved = before, True
            seen.grow(start, end)
        after = _bridge(rule, kept, doc, end, 1, seen)
        if after is not None:
            end, moved = after, True
            seen.grow(start, end)
    return start, end


class _RunWords:
    """The words of the run's blocks ``kept[start:end + 1]``, as the run grows, gathered
    only once ``words`` is first asked for (each block's words are added once)."""

    def __init__(self, kept: list[Block], start: int, end: int) -> None:
        self.kept, self.start, self.end = kept, start, end
        self._words: set[str] | None = None

    def grow(self, start: int, end: int) -> None:
        """The run is now ``start``..``end`` (wider, never narrower)."""
        if self._words is not None:
            for block in self.kept[start : self.start]:
                self._words.update(block.features.tokens)
            for block in self.kept[self.end + 1 : end + 1]:
                self._words.update(block.features.tokens)
        self.start, self.end = start, end

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = set()
            for block in self.kept[self.start : self.end + 1]:
                self._words.update(block.features.tokens)
        return self._words


def _edge(rule: MainContentRun, block: Block, doc: Document, seen: _RunWords) -> bool:
    """A sentence the edge takes: a short paragraph, or a sentence with a teaser's
    Title-Case opening or few stop words ('The Johns Hopkins University Paul H. Nitze
    School ... co-hosted', 'Doe, Jane. Title. Press, 2001.') that shares at least
    ``edge_loose_min_shared`` of its content words with the run."""
    if rule._sentence(block, doc):
        return True
    return rule._sentence(block, doc, loose=True) and _shares(
        rule, block, doc, seen, rule.edge_loose_min_shared
    )


def _bridge(
    rule: MainContentRun, kept: list[Block], doc: Document, edge: int, way: int, seen: _RunWords
) -> int | None:
    """The position of the sentence past the heading-like lines beside ``edge``
    (``way``: -1 before it, 1 after it), if the article resumes there."""
    for step in range(1, rule.bridge_max_lines + 1):
        line, beyond = edge + way * step, edge + way * (step + 1)
        if not 0 <= beyond < len(kept) or not rule._heading_like(kept[line], question=True):
            return None
        if _resumes(rule, kept[beyond], doc, seen):
            return beyond
    return None


def _resumes(rule: MainContentRun, block: Block, doc: Document, seen: _RunWords) -> bool:
    """Past a sub-heading, the same article: prose that ends a sentence, with at
    least ``bridge_min_shared`` of its content words among the run's words."""
    if not (doc.is_prose(block) and rule._sentence(block, doc)):
        return False
    return _shares(rule, block, doc, seen, rule.bridge_min_shared)


def _shares(
    rule: MainContentRun, block: Block, doc: Document, seen: _RunWords, share: float
) -> bool:
    """At least ``share`` of the block's content words (``bridge_min_letters`` letters
    or more, no stop word) are among the run's words ``seen``."""
    own = {
        w
        for w in block.features.tokens
        if len(w) >= rule.bridge_min_letters and w not in doc.stopwords
    }
    return bool(own) and len(own & seen.words) >= share * len(own)
