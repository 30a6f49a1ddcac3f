"""A specification list printed as term and value lines, on the text path.

A description list (``<dl>``: 'Weight' then '4.9 kg', 'Material' then 'Cast iron,
steel knob') or a two-column table without tabs comes out of innerText as one line for
the term and one for its value. Neither line has the ``Label: value`` shape of
``lists.line_shape``; together they are one field. A menu's entries alternate too, but
an entry is no value of the one before: a value holds a number ('24 cm') or says more
than its term ('Fonte émaillée, bouton en inox' under 'Matériau').
"""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from .run_scores import compiled_twins

__all__ = ["pair_lines"]


def pair_lines(
    blocks: Sequence[Block],
    min_pairs: int,
    term_max_words: int,
    value_max_words: int,
    min_number_share: float,
) -> set[int]:
    """Positions of the lines of term/value pairs, in stretches of at least
    ``min_pairs`` pairs one after the other, at least ``min_number_share`` of whose
    values hold a number (a specification's sizes and weights: a menu's entries hold
    none).

    A term opens with a letter and has at most ``term_max_words`` words, no digit and
    no colon ('Weight', not 'Weight:' nor 'Sort: date'); its value, the next line, has at
    most ``value_max_words`` words, no sentence end, and a number or more words than
    the term."""
    found: set[int] = set()
    twins = compiled_twins()  # (``_crunscore.pxi``)
    if twins is None:
        starts = _pair_starts(blocks, term_max_words, value_max_words)
    else:
        listed = blocks if type(blocks) is list else list(blocks)
        starts = twins.rs_pair_starts(listed, term_max_words, value_max_words)
    if len(starts) < min_pairs:
        return found
    for i in sorted(starts):
        if i - 2 in starts:
            continue  # (inside a stretch already looked at)
        j = i
        while j in starts:
            j += 2
        pairs = (j - i) // 2
        if pairs < min_pairs:
            continue
        numbers = sum(blocks[k].features.digit_ratio > 0 for k in range(i + 1, j, 2))
        if numbers >= min_number_share * pairs:
            found.update(range(i, j))
    return found


def _pair_starts(blocks: Sequence[Block], term_max_words: int, value_max_words: int) -> set[int]:
    """Where a pair opens: a term line and its value line (see ``pair_lines``)."""
    starts: set[int] = set()
    # (Inline: most lines of a page are short, a call each costs.)
    for i in range(len(blocks) - 1):
        f = blocks[i].features
        words = f.n_words
        if not 0 < words <= term_max_words or f.digit_ratio:
            continue
        v = blocks[i + 1].features
        if (
            0 < v.n_words <= value_max_words
            and not v.ends_sentence
            and (v.n_words > words or v.digit_ratio)
            and blocks[i].text[:1].isalpha()
            and ":" not in blocks[i].text
        ):
            starts.add(i)
    return starts
