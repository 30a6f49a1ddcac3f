"""Where the article is: the densest run of prose, and what lies far from it."""

from __future__ import annotations

from ..blocks import Block
from .base import Document, Rule
from .params import Param


class MainContentRun(Rule):
    name = "outside_main_run"
    family = "quality"
    description = (
        "Blocks before or after the main content run: the stretch of the page with the "
        "most prose, where each non-prose block costs a penalty (a maximum-sum run)."
    )
    # On HTML the front-end finds the main container (outside_main_container).
    kinds = frozenset({"text"})

    heading_max_words = Param(
        12, "A heading-like line (a lighter penalty) has at most this many words ..."
    )
    heading_min_letter_ratio = Param(
        0.5, "... no sentence punctuation, and more than this share of letters."
    )
    list_item_max_title_ratio = Param(
        0.5,
        "A list-item-like line (a lighter penalty) has less than this share of capitalised "
        "words: sentence case, not a menu entry or a Title-Case teaser headline.",
    )

    def apply(self, doc: Document) -> None:
        kept = [b for b in doc.kept() if not b.pruned]
        if not kept:
            return
        scores = [self._score(b, doc) for b in kept]
        start, end, best = _max_run(scores)
        if best <= 0:
            return  # no prose anywhere: nothing to anchor on, leave the page alone
        # The per-block cost leaves short paragraphs at the edges outside the run; take
        # back adjacent prose (a teaser list alternates with headlines, so it stays out).
        while start > 0 and self._sentence(kept[start - 1], doc):
            start -= 1
        while end + 1 < len(kept) and self._sentence(kept[end + 1], doc):
            end += 1
        doc.main_run = (kept[start].index, kept[end].index)
        span = f"blocks {kept[start].index}-{kept[end].index}"
        for block in kept[:start]:
            self.remove(block, f"before the main content run ({span})")
        for block in kept[end + 1 :]:
            self.remove(block, f"after the main content run ({span})")

    def _sentence(self, block: Block, doc: Document) -> bool:
        """A short paragraph that still reads as a sentence (extends the run's edges)."""
        f = block.features
        cfg = self.config
        return (
            f.ends_sentence
            and f.n_tokens >= cfg.run_edge_min_words
            and f.headline_prefix < cfg.teaser_min_headline_words
            and (
                doc.language is None
                or f.stopword_ratio >= cfg.prose_min_stopword_ratio * cfg.sentence_stopword_share
            )
        )

    def _score(self, block: Block, doc: Document) -> float:
        cfg = self.config
        if doc.is_prose(block):
            # Word-equivalents, not characters: a CJK paragraph weighs like its
            # translation would.
            # Minus a fixed cost per block, so that runs of short prose (teaser
            # summaries between headlines) earn little and long paragraphs a lot.
            return float(block.features.n_tokens * cfg.run_chars_per_word - cfg.run_block_cost)
        penalty = float(cfg.run_gap_penalty)
        if self._list_item_like(block):
            penalty *= cfg.run_list_item_penalty_share
        elif self._heading_like(block):
            penalty *= cfg.run_heading_penalty_share
        return -penalty

    def _heading_like(self, block: Block) -> bool:
        f = block.features
        return (
            0 < f.n_words <= self.heading_max_words
            and not f.ends_sentence
            and f.letter_ratio > self.heading_min_letter_ratio
        )

    def _list_item_like(self, block: Block) -> bool:
        """A sentence-case phrase with function words: a list item of the article, not a
        menu entry or a Title-Case teaser headline."""
        f = block.features
        return (
            f.n_words >= self.config.list_item_min_words
            and f.title_ratio < self.list_item_max_title_ratio
            and f.stopword_ratio > 0
        )


def _max_run(scores: list[float]) -> tuple[int, int, float]:
    """Start, end (inclusive) and sum of the maximum-sum contiguous run (Kadane)."""
    best, best_start, best_end = float("-inf"), 0, 0
    current, current_start = 0.0, 0
    for i, score in enumerate(scores):
        if current <= 0:
            current, current_start = score, i
        else:
            current += score
        if current > best:
            best, best_start, best_end = current, current_start, i
    return best_start, best_end, best


RULES = (MainContentRun,)
