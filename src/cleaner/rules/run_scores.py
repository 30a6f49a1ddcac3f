"""The main content run's two loops a line: each kept line's score, and the stretch of
lines whose scores sum highest (``quality.MainContentRun``).

Both run over every kept line of a page, twice a page (the pipeline's second pass): in
Python they are a good share of the rule's work, so each has a compiled twin
(``frontends/html/_crunscore.pxi``) used where the compiled walk is. The Python
functions here are the reference; the two agree on every page (``benchmarks/hashes.py``
with ``CLEANER_PURE_PYTHON=1`` and without).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from types import ModuleType

from ..blocks import Block
from ..config import Config

__all__ = ["compiled_twins", "max_run", "py_max_run", "py_run_scores", "run_scores"]


def run_scores(
    kept: Sequence[Block],
    prose: Sequence[int],
    cfg: Config,
    item_title: float,
    head_words: int,
    head_letters: float,
) -> list[float]:
    """Each block's score (``py_run_scores``), by the compiled twin where it is used."""
    twins = compiled_twins()
    if twins is None:
        return py_run_scores(kept, prose, cfg, item_title, head_words, head_letters)
    gap = float(cfg.run_gap_penalty)
    return twins.rs_run_scores(  # type: ignore[no-any-return]
        kept if type(kept) is list else list(kept),
        prose if type(prose) is list else list(prose),
        cfg.run_chars_per_word,
        cfg.run_block_cost,
        gap,
        gap * cfg.run_list_item_penalty_share,
        gap * cfg.run_heading_penalty_share,
        cfg.list_item_min_words,
        item_title,
        head_words,
        head_letters,
    )


def py_run_scores(
    kept: Sequence[Block],
    prose: Sequence[int],
    cfg: Config,
    item_title: float,
    head_words: int,
    head_letters: float,
) -> list[float]:
    """Each block's score, its prose flag (or characters) beside it: a prose block's
    word-equivalents less a block's cost, else a penalty, lighter for a list-item-like
    line (``MainContentRun._list_item_like``, whose title-ratio bound is ``item_title``)
    and for a heading-like one (``_heading_like``: ``head_words`` words at most, more
    than ``head_letters`` letters). The tests are inline: a call a line costs."""
    # Word-equivalents, not characters (a CJK paragraph weighs like its translation),
    # minus a fixed cost per block: runs of short prose (teaser summaries between
    # headlines) earn little and long paragraphs a lot.
    per_word, cost = cfg.run_chars_per_word, cfg.run_block_cost
    gap = float(cfg.run_gap_penalty)
    item = gap * cfg.run_list_item_penalty_share
    heading = gap * cfg.run_heading_penalty_share
    item_words = cfg.list_item_min_words
    out = []
    add = out.append
    for b, p in zip(kept, prose, strict=True):
        f = b.features
        if p:
            add(float(f.n_tokens * per_word - cost))
        elif f.n_words >= item_words and f.title_ratio < item_title and f.stopword_ratio > 0:
            add(-item)
        elif 0 < f.n_words <= head_words and not f.ends_sentence and f.letter_ratio > head_letters:
            add(-heading)
        else:
            add(-gap)
    return out


def max_run(scores: list[float]) -> tuple[int, int, float]:
    """``py_max_run``, by the compiled twin where it is used (scores of floats)."""
    twins = compiled_twins()
    if twins is None:
        return py_max_run(scores)
    return twins.rs_max_run(scores)  # type: ignore[no-any-return]


def py_max_run(scores: list[float]) -> tuple[int, int, float]:
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


def compiled_twins() -> ModuleType | None:
    """The compiled twins when the compiled walk is used here, else None."""
    return _compiled_features()()


@functools.cache
def _compiled_features() -> Callable[[], ModuleType | None]:
    """``compiled_features``, imported once (late: the HTML front-end's module imports
    the rules): an import statement a call cost as much as a short page's loop."""
    from ..frontends.html.compiled import compiled_features

    return compiled_features
