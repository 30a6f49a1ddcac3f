"""Paragraphs printed as hard-wrapped lines, on the text path.

A plain-text page (a <pre> block, a mail archive, a log) breaks its paragraphs into lines
of a fixed width: each line alone reads as no prose (no sentence end, a dozen words), so
the main content run (``quality.MainContentRun``) would cut the page down to the few lines
that happen to end a sentence. The run scores such lines as the paragraph they make.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..blocks import Block
from .base import Document
from .params import Param
from .run_scores import compiled_twins

__all__ = ["WrappedHeading", "WrappedRun", "breaks_off_sentence", "rescore_wrapped", "wrapped_runs"]


#: A line opening with a lower-case word: it goes on with the sentence before it. (A
#: word of at most 40 letters: bounded, so that no search of it backtracks far.)
_LOWER_WORD = re.compile(r"[^\W\d_]{1,40}[\s,]")


def wrapped_runs(
    blocks: Sequence[Block], min_lines: int, min_chars: int, max_chars: int
) -> list[tuple[int, int]]:
    """Stretches ``[lo, hi)`` of at least ``min_lines`` lines each continuing the one
    before: a hard-wrapped paragraph (a <pre> page). A line is continued when it ends no
    sentence, is ``min_chars`` to ``max_chars`` long (a wrapping width), and the next
    line opens with a lower-case word or it ends with a comma, a semicolon or a hyphen."""
    twins = compiled_twins()
    if twins is not None:  # (its twin, ``_crunscore.pxi``)
        listed = blocks if type(blocks) is list else list(blocks)
        return twins.rs_wrapped_runs(  # type: ignore[no-any-return]
            listed, min_lines, min_chars, max_chars, _LOWER_WORD.match
        )
    return _py_wrapped_runs(blocks, min_lines, min_chars, max_chars)


def _py_wrapped_runs(
    blocks: Sequence[Block], min_lines: int, min_chars: int, max_chars: int
) -> list[tuple[int, int]]:
    """``wrapped_runs`` in Python (the reference of its compiled twin)."""
    runs: list[tuple[int, int]] = []
    lo, n = 0, len(blocks)
    for i in range(1, n):
        prev = blocks[i - 1]
        # (The previous line's own tests first: most lines end a sentence or are short.)
        if not prev.features.ends_sentence and min_chars <= len(line := prev.text) <= max_chars:
            text = blocks[i].text
            if (text[:1].islower() and _LOWER_WORD.match(text)) or line[-1:] in ",;-":
                continue
        if i - lo >= min_lines:
            runs.append((lo, i))
        lo = i
    if n and n - lo >= min_lines:
        runs.append((lo, n))
    return runs


def breaks_off_sentence(line: Block, nxt: Block, min_chars: int, max_chars: int) -> bool:
    """Whether ``nxt`` goes on with a sentence that the hard-wrapped ``line`` breaks off:
    ``line`` is ``min_chars`` to ``max_chars`` long (a wrapping width), ends no sentence
    and on a lower-case word, and ``nxt`` opens with one. (A line ending on an upper-case
    word, a byline or a label in capitals, breaks off nothing.)"""
    text = line.text
    if line.features.ends_sentence or not min_chars <= len(text) <= max_chars:
        return False
    last = text.rsplit(None, 1)[-1:]
    opening = nxt.text
    return bool(
        last and last[0][:1].islower() and opening[:1].islower() and _LOWER_WORD.match(opening)
    )


def rescore_wrapped(
    kept: Sequence[Block], scores: list[float], lo: int, hi: int, doc: Document
) -> None:
    """When the lines ``kept[lo:hi]`` read as prose together (as ``Document.is_prose``
    reads one block), give each its share, by words, of the paragraph's run score."""
    cfg = doc.config
    lines = kept[lo:hi]
    tokens = sum(b.features.n_tokens for b in lines)
    if not tokens:
        return
    stop = sum(b.features.stopword_ratio * b.features.n_tokens for b in lines) / tokens
    ends = lines[-1].features.ends_sentence
    least = cfg.prose_min_stopword_ratio * (cfg.sentence_stopword_share if ends else 1.0)
    if (
        tokens < cfg.prose_min_words
        or (not ends and tokens < cfg.prose_long_words)
        or (doc.language is not None and stop < least)
    ):
        return
    total = float(tokens * cfg.run_chars_per_word - cfg.run_block_cost)
    for k, block in enumerate(lines, lo):
        scores[k] = total * block.features.n_tokens / tokens


class WrappedRun:
    """The main content run's parameters for hard-wrapped paragraphs (a mixin of
    ``quality.MainContentRun``: the rule declares these thresholds)."""

    wrap_min_lines = Param(
        3,
        "This many lines or more, each continuing the one before it (see wrap_min_chars), "
        "are one hard-wrapped paragraph and score as one (fewer: a standfirst and its "
        "'by ...' line).",
    )
    wrap_min_chars = Param(
        40,
        "A line is continued by the next when it ends no sentence, is this many characters "
        "long or more ...",
    )
    wrap_max_chars = Param(
        100,
        "... and at most this many (a wrapping width), and the next line opens with a "
        "lower-case word, or it ends with a comma, a semicolon or a hyphen.",
    )

    def score_wrapped(self, kept: Sequence[Block], scores: list[float], doc: Document) -> None:
        """Each hard-wrapped paragraph of ``kept`` scores as one (``rescore_wrapped``)."""
        for lo, hi in wrapped_runs(
            kept, self.wrap_min_lines, self.wrap_min_chars, self.wrap_max_chars
        ):
            rescore_wrapped(kept, scores, lo, hi, doc)


class WrappedHeading:
    """Which of a hard-wrapped page's lines head nothing, for ``trailers.TrailerZone`` (a
    mixin: the rule declares these thresholds)."""

    wrapped_min_chars = Param(
        40,
        "On text, a heading's phrase that opens a line going on with the sentence the "
        "line above breaks off (a hard-wrapped page's '... accumulate' / 'more ne and') "
        "heads nothing: the line above ends no sentence, on a lower-case word, and is "
        "this many characters long or more ...",
    )
    wrapped_max_chars = Param(
        100, "... and at most this many (a wrapping width; longer is a paragraph)."
    )
    #: Whether a line going on with a wrapped sentence is told (text: a <pre> page's
    #: lines; on HTML a wrapped paragraph is one block: the rule's ``for_kind`` says).
    wrapped_lines = True

    def goes_on_with_sentence(self, blocks: Sequence[Block], i: int) -> bool:
        """Whether block ``i`` goes on with the sentence the block before it breaks off."""
        return (
            self.wrapped_lines
            and i > 0
            and breaks_off_sentence(
                blocks[i - 1], blocks[i], self.wrapped_min_chars, self.wrapped_max_chars
            )
        )
