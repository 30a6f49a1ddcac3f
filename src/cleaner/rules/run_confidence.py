"""How sure the main content run's choice is (``Result.confidence``, ``weak_reasons``).

The text path's main run (``quality.MainContentRun``) is one stretch of the page; the
choice is weak when another stretch competes with it, when it holds little of the page's
prose, when a numbered list lies outside it, or when it keeps a few words of a long page.
"""

from __future__ import annotations

from ..blocks import Block
from .base import Document
from .params import Param
from .run_scores import max_run

__all__ = ["RunConfidence"]


class RunConfidence:
    """The confidence part of ``outside_main_run`` (a mixin: its params are the rule's)."""

    weak_list_items = Param(
        8,
        "The decision is weak too when this many numbered lines or more (see "
        "list_min_items) lie outside the kept run: the page may be the list.",
    )
    weak_rival_share = Param(
        0.5,
        "The decision is weak when another run outside the kept one scores at least this "
        "share of the kept run's score (two stretches of prose compete) ...",
    )
    weak_prose_share = Param(
        0.5,
        "... or when the kept run holds less than this share of the page's prose "
        "characters (Result.confidence, Result.weak_reasons).",
    )

    weak_min_run_words = Param(
        40,
        "The decision is weak too when the kept run holds fewer words than this ...",
    )
    weak_page_words = Param(
        300,
        "... on a page of at least this many words (a paragraph kept from a long page "
        "without prose: a link directory, a listing); the confidence is then at most the "
        "run's share of the page's words.",
    )

    def _confidence(
        self,
        kept: list[Block],
        prose: list[int],
        scores: list[float],
        start: int,
        end: int,
        best: float,
    ) -> tuple[float, tuple[str, ...]]:
        """How sure the choice of the run is, 0 to 1, and why it is weak: the lower of
        one less the best rival run's share of the kept run's score, and the kept run's
        share of the page's prose characters."""
        rival, where = 0.0, ""
        for lo, hi in ((0, start), (end + 1, len(kept))):
            if hi > lo:
                r_start, r_end, r_best = max_run(scores[lo:hi])
                if r_best > rival:
                    rival = r_best
                    where = f"blocks {kept[lo + r_start].index}-{kept[lo + r_end].index}"
        total = sum(prose)
        share = sum(prose[start : end + 1]) / total if total else 1.0
        rival_share = rival / best
        reasons = []
        if rival_share >= self.weak_rival_share:
            reasons.append(
                f"another run ({where}) scores {rival_share:.0%} of the kept run's score"
            )
        if share < self.weak_prose_share:
            reasons.append(f"the kept run holds {share:.0%} of the page's prose")
        value = max(0.0, min(1.0 - rival_share, share))
        return value, tuple(reasons)

    def weaker(
        self,
        doc: Document,
        run: list[Block],
        outside_items: int,
        value: float,
        reasons: tuple[str, ...],
    ) -> tuple[float, tuple[str, ...]]:
        """The confidence lowered by what the kept run (``run``, as widened) leaves out:
        a list of ``outside_items`` numbered lines, most of a long page's words."""
        if outside_items >= self.weak_list_items:
            # A list-shaped page (a calendar, a table) whose prose is elsewhere.
            reasons += (
                f"a numbered list or table of {outside_items} lines lies outside the kept run",
            )
            value = min(value, self.weak_prose_share)
        return self._short_run(doc, run, value, reasons)

    def _short_run(
        self, doc: Document, run: list[Block], value: float, reasons: tuple[str, ...]
    ) -> tuple[float, tuple[str, ...]]:
        """A run of a few words on a long page: the prose share alone says nothing when
        the page has no other prose (its lines may be links, a directory, a listing)."""
        run_words = sum(b.features.n_words for b in run)
        if run_words >= self.weak_min_run_words:
            return value, reasons
        # Counted from the text: lines removed before the features carry none.
        page_words = sum(len(b.text.split()) for b in doc.blocks)
        if page_words < self.weak_page_words:
            return value, reasons
        reason = f"the kept run holds {run_words} of the page's {page_words} words"
        return min(value, run_words / page_words), (*reasons, reason)
