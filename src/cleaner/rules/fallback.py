"""The last word on an HTML page the other rules left empty: its densest region of text.

The main container (``container.py``) and the trailer zone (``trailers.py``) remove
blocks for where they stand, not for what they are. When they chose wrong (the
container around a copyright line that a notice rule then removed, an article that is
only a list while the footer holds the one sentence), nothing is left; a page with main
text must not come out empty. This rule runs after every other: on such a page it takes
back, from the blocks removed only for where they stand, the densest run of text in page
order, and gives the others its own reason.
"""

from __future__ import annotations

from typing import ClassVar

from ..blocks import Block
from ..features import unspaced_tokens, words_of
from .base import Document, Rule
from .container import OutsideMainContainer
from .params import Param
from .quality import _max_run
from .trailers import TrailerZone


class DensestText(Rule):
    name = "densest_text"
    family = "structure"
    description = (
        "On an HTML page the other rules left empty, the blocks removed only for where "
        "they stand (outside the main container, after a trailer heading) outside the "
        "densest run of text: that run is kept instead, so a page with main text never "
        "comes out empty."
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"html"})
    requires = (OutsideMainContainer, TrailerZone)

    block_cost_words = Param(
        2,
        "Each block of the run costs this many words: a column of one-word lines (a menu, "
        "a tag list, table headings) earns nothing.",
    )
    gap_cost_words = Param(
        8,
        "A block between them that a rule removed for what it is (a notice, a menu, a "
        "share bar) costs this many words: the run is one stretch of the page.",
    )
    min_words = Param(
        4,
        "A run earning fewer words than this (after the costs) is no main text: the page "
        "stays empty ('Page not found').",
    )

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        if not blocks or any(b.removal is None for b in blocks):
            return
        # Removed only for where they stand: what this rule may take back.
        movable = [b.removal is not None and b.removal.rule in _WHERE for b in blocks]
        scores = [
            self._words(b) - self.block_cost_words if m else -float(self.gap_cost_words)
            for b, m in zip(blocks, movable, strict=True)
        ]
        start, end, best = _max_run(scores)
        if best < self.min_words:
            return
        span = f"blocks {blocks[start].index}-{blocks[end].index}"
        reason = f"outside the densest run of text ({span}), kept as nothing else was left"
        for i, block in enumerate(blocks):
            if not movable[i]:
                continue
            # The only rule taking a decision back: the page would be empty.
            block.removal = None
            if start <= i <= end:
                block.pruned = False  # (as the container marked its removals)
            else:
                self.remove(block, reason)

    def _words(self, block: Block) -> float:
        """Words (and word-equivalents in scripts without spaces) that are not link
        text. (Blocks removed before features were computed have none: counted here.)"""
        text = block.text
        n = len(words_of(text)) + unspaced_tokens(text, self.config.unspaced_chars_per_word)
        return n * (1.0 - block.link_density)


#: The rules removing blocks for where they stand, not for what they are.
_WHERE = frozenset({OutsideMainContainer.name, TrailerZone.name})

RULES = (DensestText,)
