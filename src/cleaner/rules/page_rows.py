"""A section front: a listing whose teaser items come in several groups.

A news section's front or a magazine's home page shows its stories as a row of cards,
then a list of the latest headlines, then another row: each group of items holds too
little of the page's text to make it a listing alone (``GuessPageType.items_min_share``),
all of them together do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..blocks import Block
from .page_items import at_least, blocks_by_item
from .params import Param

if TYPE_CHECKING:
    from .tree import Elements

__all__ = ["SectionFront"]


class SectionFront:
    """Mixin of ``GuessPageType``: its listing found in several groups of items."""

    # (Read from GuessPageType: the items' bounds and signs.)
    min_items: int
    items_min_share: float
    item_share: float
    max_post_share: float
    teaser_max_chars: int
    _titled: Callable[[list[Block]], bool]

    min_rows = Param(
        2,
        "A page whose teaser items come in groups (a row of cards, a list of the latest "
        "headlines) is a listing when at least this many groups together hold "
        "``items_min_share`` of its text.",
    )

    def _rows(
        self,
        el: Elements,
        blocks: list[Block],
        total: int,
        chars: list[int],
        groups: Iterable[list[int]],
    ) -> tuple[int, str]:
        """A section front: ``min_rows`` groups of listing items or more (a row of
        cards, a list of the latest headlines), none holding ``items_min_share`` of the
        page's text alone but all of them together. The items' element is the nearest
        one holding every group."""
        alone = self.items_min_share * total
        rows = []
        for g in groups:
            if len(g) < self.min_items:
                continue
            held = sum(chars[e] for e in g)
            # (A group holding the share alone was judged as the page's items already:
            # an article's paragraphs are one.)
            if not 0 < held < alone:
                continue
            longest = max(chars[e] for e in g)
            if longest < self.teaser_max_chars and longest <= self.max_post_share * held:
                rows.append(g)
        if sum(chars[e] for g in rows for e in g) < alone:
            return 0, ""  # (the cheap bound first: most pages stop here)
        found: list[list[int]] = []
        for g in rows:
            if any(_nested(el, e, f) for e in g for other in found for f in other):
                continue
            if at_least(blocks_by_item(el, blocks, g), self._titled, self.item_share * len(g)):
                found.append(g)
        held = sum(chars[e] for g in found for e in g)
        if len(found) < self.min_rows or held < self.items_min_share * total:
            return 0, ""
        up = el.parent[found[0][0]]
        while any(not up < g[0] < el.end[up] for g in found):
            up = el.parent[up]
        return up, "listing"


def _nested(el: Elements, a: int, b: int) -> bool:
    """Whether element ``a`` or ``b`` holds the other (or they are one)."""
    return a <= b < el.end[a] or b <= a < el.end[b]
