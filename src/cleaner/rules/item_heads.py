"""The first item's head taken back into the main run, on the text path.

A listing, a section front, a search result page or a service page prints each item as
a head (a title, an author or a date line: short, no sentence) and then its teaser or
paragraph. The main content run (``quality.MainContentRun``) starts at the first prose
block: the first item's title, a heading costing a penalty, falls just outside it,
while every later item's title is inside. When most of the run's items show heads at
the same depth before their prose, the lines at that depth before the run's first
block are the first item's head and join the run. An article's paragraphs follow each
other, with no head before each: the step does nothing there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..blocks import Block
from .base import Document
from .params import Param

__all__ = ["ItemHeads"]


class ItemHeads:
    """Mixin of ``MainContentRun``: its start moved back over the first item's head."""

    item_head_min_items = Param(
        3,
        "The run's start takes back the first item's head (a listing's first title) only "
        "when at least this many of the run's prose blocks, each after a non-prose line, "
        "open an item ...",
    )
    item_head_share = Param(
        0.8,
        "... and at least this share of those items show a heading-like line at each "
        "depth taken back (a title; a title and an author line), lines of their own: "
        "at least this share distinct ('Reserve' under every item is no head).",
    )
    item_gap_slack = Param(
        1,
        "Items are printed alike when the page lines from one item's prose to the next "
        "differ by at most this many from the most common count (an item without its "
        "date line, a copy removed between two).",
    )
    item_head_max_depth = Param(
        3, "At most this many lines are taken back as the first item's head."
    )

    def take_heads(
        self,
        doc: Document,
        kept: Sequence[Block],
        start: int,
        end: int,
        heading_like: Callable[[Block], bool],
    ) -> int:
        """The run's ``start`` (a position in ``kept``) moved back over the lines that
        hold the first item's head, as the run's other items hold theirs."""
        chars = doc.prose_chars()  # (by block: prose where above 0)
        if not chars[kept[start].index]:
            return start
        # The prose blocks opening an item: after a non-prose line inside the run.
        items = []
        after_prose = True  # (each block asked once)
        for i, block in enumerate(kept[start + 1 : end + 1], start + 1):
            prose = chars[block.index] > 0
            if prose and not after_prose:
                items.append(i)
            after_prose = prose
        if len(items) < self.item_head_min_items or not self._regular(doc, kept, start, end, items):
            return start
        need = self.item_head_share * len(items)
        heads = items
        depth = 0
        while depth < self.item_head_max_depth and start - depth - 1 >= 0:
            d = depth + 1
            # Items whose lines at depths 1..d are heads within the run; deeper than
            # one line, not the line right after the item before (its date or price).
            heads = [
                i
                for i in heads
                if i - d > start
                and not doc.is_prose(kept[i - d])
                and heading_like(kept[i - d])
                and (d == 1 or not doc.is_prose(kept[i - d - 1]))
            ]
            texts = {kept[i - d].text.strip() for i in heads}
            if len(heads) < need or len(texts) < self.item_head_share * len(heads):
                break
            line = kept[start - d]
            if doc.is_prose(line) or not heading_like(line):
                break
            depth = d
        return start - depth

    def _regular(
        self, doc: Document, kept: Sequence[Block], start: int, end: int, items: list[int]
    ) -> bool:
        """Items printed alike, the first block's item among them: the page lines from
        one item's prose to the next are as many, give or take ``item_gap_slack``, for
        at least ``item_head_share`` of them, the first block's item no longer; and
        the first block's prose is no longer than the items' most common (a lead
        paragraph of two blocks before sections of one is no item)."""
        lines = [kept[start].index, *(kept[i].index for i in items)]
        gaps = [b - a for a, b in pairwise(lines)]
        period = Counter(gaps).most_common(1)[0][0]
        slack = self.item_gap_slack
        alike = sum(abs(g - period) <= slack for g in gaps)
        if gaps[0] > period + slack or alike < self.item_head_share * len(gaps):
            return False
        runs = [_prose_stretch(doc, kept, i, end) for i in items]
        return _prose_stretch(doc, kept, start, end) <= Counter(runs).most_common(1)[0][0]


def _prose_stretch(doc: Document, kept: Sequence[Block], at: int, end: int) -> int:
    """How many prose blocks follow each other from ``at`` (up to ``end``)."""
    n = at
    while n <= end and doc.is_prose(kept[n]):
        n += 1
    return n - at
