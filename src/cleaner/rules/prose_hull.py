"""A weak main run widened to the page's prose, on the text path.

The main content run (``quality.MainContentRun``) is the densest stretch of prose. On a
page whose prose is scattered (a home page of several short sections, a forum thread
broken by signatures and buttons, a 2005-era page of paragraphs between link lists) that
stretch holds only a small part of the prose, and cutting everything around it loses
most of what the page says. When the run holds less than a set share of the page's prose
characters, the rule keeps instead everything from the first prose block to the last;
the page-chrome rules that ran before it (menus, share bars, footers) still apply, and
``Result.confidence`` still says the choice was weak.

A page without prose, or whose densest run holds only a few words (a page of links or a
listing with one sentence of help in it), has no article: the rule cuts nothing there.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from .params import Param

__all__ = ["ProseHull"]


class ProseHull:
    """Mixin of ``MainContentRun``: its run widened to the prose hull when it holds
    too little of the page's prose."""

    hull_below_share = Param(
        0.4,
        "When the main run holds less than this share of the page's prose characters, "
        "everything from the first prose block to the last is kept instead (prose "
        "scattered over the page: no run is the article). 0 turns it off. Below "
        "weak_prose_share: the choice is then weak as well.",
    )

    min_run_words = Param(
        25,
        "A run whose blocks hold fewer words than this is no article (a page of links, a "
        "listing, a form with one sentence of help): nothing is cut, as on a page without "
        "prose, and the line rules alone clean the page.",
    )

    def no_article(self, kept: Sequence[Block], start: int, end: int, best: float) -> str | None:
        """Why the run ``start``..``end`` (positions in ``kept``, its score ``best``)
        anchors nothing, or None: no prose on the page, or too few words in the run."""
        if best <= 0:
            return "no prose on the page: nothing was cut as outside it"
        words = sum(b.features.n_tokens for b in kept[start : end + 1])
        if words < self.min_run_words:
            return f"the densest run holds {words} words: no article, nothing was cut"
        return None

    def prose_hull(
        self,
        kept: Sequence[Block],
        prose: Sequence[int],
        start: int,
        end: int,
        reasons: tuple[str, ...],
    ) -> tuple[int, int, tuple[str, ...]]:
        """The run ``start``..``end`` (positions in ``kept``; ``prose``: each one's
        characters when it is prose, else 0) and the reasons its choice is weak, widened
        to the page's first and last prose blocks when it holds less than
        ``hull_below_share`` of their characters and they reach past it."""
        share = self.hull_below_share
        if share <= 0:
            return start, end, reasons
        # The first and last prose blocks outside the run, from each end.
        first = next((i for i in range(start) if prose[i]), None)
        last = next((i for i in range(len(prose) - 1, end, -1) if prose[i]), None)
        if first is None and last is None:
            return start, end, reasons
        if sum(prose[start : end + 1]) >= share * sum(prose):
            return start, end, reasons
        # (One of them lies outside the run: the other side's is found from it.)
        if first is None:
            first = next(i for i in range(start, len(prose)) if prose[i])
        if last is None:
            last = next(i for i in range(end, -1, -1) if prose[i])
        why = f"the prose lies scattered: kept blocks {kept[first].index}-{kept[last].index}"
        return min(start, first), max(end, last), (*reasons, why)
