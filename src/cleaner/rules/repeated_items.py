"""More of the page's items beside the main run, on the text path.

A blog's front page, a listing, a forum thread, a FAQ or a directory of links prints
several items of one kind (posts, entries, answers), each a short stretch of prose
between non-prose lines (its title, its date, its links). A box between two stretches of
such items costs the main content run (``quality.MainContentRun``) more than the items
past it bring, so the run keeps one stretch of them. When the best run on one side of
the kept run is made of items too, as many as ``item_rival_min_items`` or more, of about
the same size as the kept run's, it holds more of the page's items: the run widens to
it. An article is one stretch of paragraphs, not items: the step does nothing there.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from ..blocks import Block
from .base import Document
from .params import Param
from .run_scores import max_run

__all__ = ["RepeatedItems", "item_sizes"]


def item_sizes(chars: Sequence[int], kept: Sequence[Block], lo: int, hi: int) -> list[int]:
    """The prose characters of each item in ``kept[lo..hi]``: each stretch of prose
    blocks between non-prose lines (``chars``: prose characters by block index)."""
    sizes: list[int] = []
    size = 0
    for block in kept[lo : hi + 1]:
        c = chars[block.index]
        if c:
            size += c
        elif size:
            sizes.append(size)
            size = 0
    if size:
        sizes.append(size)
    return sizes


class RepeatedItems:
    """Mixin of ``MainContentRun``: its run widened to a rival run of the same items."""

    item_rival_min_items = Param(
        3,
        "The run widens to the best run on one side of it when both hold at least this "
        "many items (stretches of prose between non-prose lines; 0: never) ...",
    )
    item_rival_share = Param(0.1, "... the rival scores at least this share of the run's score ...")
    item_size_ratio = Param(
        3.0,
        "... and the median prose characters of its items is within this factor of the "
        "run's (posts of a thread, entries of a listing; not a cookie notice's paragraphs "
        "beside an article's).",
    )

    def take_rivals(
        self, doc: Document, kept: Sequence[Block], scores: list[float], start: int, end: int
    ) -> tuple[int, int]:
        """The run ``start``..``end`` (positions in ``kept``) widened to the best run on
        either side made of items like its own, with the lines between."""
        least = self.item_rival_min_items
        if least <= 0:
            return start, end
        chars = doc.prose_chars()
        own = item_sizes(chars, kept, start, end)
        if len(own) < least:
            return start, end
        size = median(own)
        ratio = self.item_size_ratio
        floor = self.item_rival_share * sum(scores[start : end + 1])
        widened = start, end
        for lo, hi in ((0, start), (end + 1, len(kept))):
            if hi - lo < least:
                continue
            r_start, r_end, r_best = max_run(scores[lo:hi])
            if r_best < floor:
                continue
            theirs = item_sizes(chars, kept, lo + r_start, lo + r_end)
            if len(theirs) >= least and size / ratio <= median(theirs) <= size * ratio:
                widened = (lo + r_start, widened[1]) if lo == 0 else (widened[0], lo + r_end)
        return widened
