"""Which blocks ``TrailerZone`` asks whether they head a trailer: on a page of prose,
few lines open as one of its headings' phrases does."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .base import Document
from .gates import Gate, matcher_opens, opens

if TYPE_CHECKING:
    from .trailers import TrailerZone


class HeadingGate:
    """A trailer zone's headings' gate (``gates``): an opening of a strong or trailer
    heading's phrases, or of the author heading's lead, within the rule's
    max_comments_heading_words. Where the compiled walk is used it is looked at for
    every block in one compiled pass (``line_gate_masks``), and the rule asks its
    matchers about no other block."""

    __slots__ = ("_plan", "bound", "gate")

    def __init__(self, rule: TrailerZone) -> None:
        found = [matcher_opens(m) for m in (rule.trailer, *(m for _, m in rule.strong))]
        if rule.author_lead is not None:
            found.append(opens(rule.author_opens))
        self.gate: Gate = tuple(alt for alt in found if alt is not None)
        self.bound: int = rule.max_comments_heading_words
        self._plan: object = None  # (the compiled plan, built by a page)

    def order(self, doc: Document, prose: Sequence[int]) -> tuple[Sequence[int], Iterable[int]]:
        """Per block, whether it may be a heading (non-zero; on the Python path: whether
        it is within the bound); and the blocks to look at, with their positions: those
        and the prose ones the rule counts, in page order (every block in Python), one
        at a time (a list a page of many short lines would hold a number a line)."""
        from ..frontends.html.compiled import compiled_features  # (it imports rules)

        blocks = doc.blocks
        twins = compiled_features()
        if twins is None:
            return [b.features.n_words <= self.bound for b in blocks], range(len(blocks))
        if self._plan is None:
            self._plan = twins.line_gate_plan((self.gate,), (self.bound,))
        heads = memoryview(twins.line_gate_masks(self._plan, blocks)).cast("q")
        both = zip(heads, prose, strict=True)
        return heads, (i for i, (head, chars) in enumerate(both) if head or chars)
