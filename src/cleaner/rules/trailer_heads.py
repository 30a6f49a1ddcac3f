"""Which blocks ``TrailerZone`` asks whether they head a trailer: on a page of prose,
few lines open as one of its headings' phrases does."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import or_
from typing import TYPE_CHECKING

from ..phrases.compile import LineMatcher
from ..phrases.literals import required_literals
from .base import Document
from .gates import NEVER, Gate, Need, folded_holds, matcher_edge, matcher_opens, opens
from .run_scores import compiled_twins

if TYPE_CHECKING:
    from .trailers import TrailerZone


class HeadingGate:
    """A trailer zone's headings' gates (``gates``), one a matcher: for each strong
    heading's phrases, the trailer heading's and the author heading's lead, an opening
    of them, within the rule's max_comments_heading_words (the strong ones) or
    max_heading_words (the others, which the rule asks no longer line); for a matcher,
    past the edge too, and holding some text each of its phrases holds. Where the
    compiled walk is used they are looked at for every block in one compiled pass
    (``line_gate_masks``, a bit a gate), and the rule asks each matcher only about the
    blocks its own gate admits: a line opening as one section's phrases do is not
    matched against the others'."""

    __slots__ = ("_plan", "bound", "bounds", "gates")

    def __init__(self, rule: TrailerZone) -> None:
        strong = [_matcher_gate(m) for _, m in rule.strong]
        author = None if rule.author_lead is None else opens(rule.author_opens)
        # In ``TrailerZone.apply``'s order: the strong matchers, the trailer, the author.
        found = (*strong, _matcher_gate(rule.trailer), author)
        self.gates: tuple[Gate, ...] = tuple(NEVER if alt is None else (alt,) for alt in found)
        self.bound: int = rule.max_comments_heading_words
        short = min(rule.max_heading_words, self.bound)
        self.bounds: tuple[int, ...] = (self.bound,) * len(strong) + (short, short)
        self._plan: object = None  # (the compiled plan, built by a page)

    @property
    def gate(self) -> Gate:
        """Every heading's gate in one: a block it turns away is no heading of any kind."""
        return tuple(alt for gate in self.gates for alt in gate)

    def order(self, doc: Document, prose: Sequence[int]) -> tuple[Sequence[int], Iterable[int]]:
        """Per block, the matchers that may take it, a bit each in ``gates``' order (on
        the Python path: all of them, for a block within the bound); and the blocks to
        look at, with their positions: those and the prose ones the rule counts, in page
        order (every block in Python), one at a time (a list a page of many short lines
        would hold a number a line)."""
        blocks = doc.blocks
        twins = compiled_twins()
        if twins is None:
            every = (1 << len(self.gates)) - 1
            bound = self.bound
            return [every if b.features.n_words <= bound else 0 for b in blocks], range(len(blocks))
        if self._plan is None:
            self._plan = twins.line_gate_plan(self.gates, self.bounds)
        heads = memoryview(twins.line_gate_masks(self._plan, blocks)).cast("q")
        # (Masks and characters are never negative: either is set where their ``|`` is;
        # picked in C, without a Python step a block.)
        return heads, compress(range(len(blocks)), map(or_, heads, prose))


def _matcher_gate(matcher: LineMatcher | None) -> tuple[Need, ...] | None:
    """What a line ``matcher`` matches shows: its opening, the opening past an edge of
    digits and punctuation, and one of the texts every match holds (a line opening as
    'co' or with a digit, as comment headings do, mostly holds no 'comment'): most of a
    page's short lines pass the openings, few the texts. None: no matcher."""
    found = matcher_opens(matcher)
    if matcher is None or found is None:
        return None
    # (Twins hold the same phrases; each pattern's texts, a match of any holds one.)
    held = [required_literals(p.pattern) for p in matcher.patterns()]
    texts = None if not all(held) else sorted({t for each in held for t in each or ()})
    return found + matcher_edge(matcher) + folded_holds(texts)
