"""Lines that make a list or a table of the article, on the text path.

An innerText dump prints a list or a table as short lines that read as no prose: a
listicle's numbered items, a recipe's ingredients, a product's specifications, a table's
rows (cells joined by tabs), a calendar or a standings table. The main content run
(``quality.MainContentRun``) lets such lines cost nothing, so that a list between two
stretches of the article, or next to it, stays with it, and a page that is only a list
is not cut down to its one paragraph of prose.

A line counts only inside a stretch of lines of the same shape: a menu line that happens
to open with a number, a single 'Tags: ...' line, are no list. The shapes (see
``line_shape``):

- ``numbered``: opening with numbers that count up by one (1, 2, 3 ...);
- ``table``: cells joined by tabs (how innerText prints a table row);
- ``date``: opening with a date in digits, after a weekday's short name at most
  ('THU 1/18/2007 New York', '2024-05-03 Choir', '03.05.2024 Probe');
- ``bullet``: opening with a bullet sign (``•``, ``▪``, ``*`` or a dash and a space);
- ``quantity``: opening with an amount and a word ('200 g flour', '2 cups milk',
  '½ Zitrone');
- ``field``: a short label, a colon and a value ('Weight: 1.2 kg', 'Prep time: 20 min').

A description list prints its term and its value on lines of their own ('Weight', then
'1.2 kg'): ``list_pairs.pair_lines`` finds those pairs, counted as shaped lines too.

The functions take their thresholds as arguments; the rule that calls them declares
them as its parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..blocks import Block
from .base import Document
from .list_pairs import pair_lines
from .list_shapes import (
    SHAPES,
    filled,
    line_shape,
    list_scan,
    numbered_lines,
    record_lines,
    shaped_lines,
)
from .params import Param

__all__ = [
    "LIST_LINES",
    "SHAPES",
    "ListRun",
    "Listed",
    "filled",
    "line_shape",
    "list_step",
    "numbered_lines",
    "record_lines",
    "shaped_lines",
]

#: ``Document.notes`` key: the indices of the shaped list lines (not the numbered ones:
#: a 'most read' box is numbered too) the main run took in (a frozenset), which the
#: menu rule leaves alone: a specification list or a table's rows read like a menu's
#: short Title-Case lines.
LIST_LINES = "list_lines"


#: Removals that head a page's box (a menu or chrome heading, a trailer, an ad label): a
#: list after one is the box's, not the article's.
_BOX_HEAD_FAMILIES = frozenset({"navigation", "trailers", "ads"})


def list_step(
    doc: Document,
    kept: Sequence[Block],
    listed: set[int],
    edge: int,
    way: int,
    bridge: int,
    heading_like: Callable[[Block], bool],
    items: int = 0,
    item_like: Callable[[Block], bool] | None = None,
) -> int:
    """How many lines from the run's ``edge`` (``way``: 1 after it, -1 before it) the run
    may reach to take in the next list line of ``listed``: over at most ``bridge``
    heading-like lines ('Ingredients') and at most ``items`` item-like ones (a bullet
    list innerText printed without its bullets), never over a line a page-box rule
    removed ('Contact', 'Most read'); 0: none."""
    headings = crossed = 0
    for n in range(1, bridge + items + 2):
        at = edge + way * n
        if not 0 <= at < len(kept):
            return 0
        if at in listed:
            lo, hi = sorted((kept[edge].index, kept[at].index))
            boxed = any(
                b.removal is not None and b.removal.family in _BOX_HEAD_FAMILIES
                for b in doc.blocks[lo + 1 : hi]
            )
            return 0 if boxed else n
        if item_like is not None and crossed < items and item_like(kept[at]):
            crossed += 1
        elif headings < bridge and heading_like(kept[at]):
            headings += 1
        else:
            return 0
    return 0


class Listed(NamedTuple):
    """The list lines of a page's kept lines (positions in them)."""

    items: set[int]  # every item: numbered and shaped
    counted: set[int]  # the numbered items
    shaped: set[int]  # the items of the other shapes
    free: set[int]  # what costs nothing: items, the lines between them, records


class ListRun:
    """The main content run's parameters and steps for lists and tables (a mixin of
    ``quality.MainContentRun``: the rule declares these thresholds)."""

    list_min_items = Param(
        4,
        "Lines opening with numbers that count up by one (1, 2, 3 ...: a numbered list, "
        "a table's rows, a calendar), or lines of one list shape (table rows, bullets, "
        "amounts, 'Label: value' fields; see rules/lists.py) cost nothing in the run "
        "(their prose still counts) from this many on ...",
    )
    list_max_gap = Param(
        3, "... with at most this many other lines between two of them (an item's text)."
    )
    list_item_score = Param(
        6.0,
        "A line of a numbered list scores this much (a word of prose) rather than nothing: "
        "a long chart, league table or listicle weighs like prose and draws the run to "
        "itself over a line or two of page chrome. Lines of the other shapes only cost "
        "nothing (a bullet menu is shaped like a list).",
    )
    shape_max_gap = Param(
        1,
        "Lines of one list shape (not numbered) make a list only with at most this many "
        "other lines between two of them: items follow each other (a wrapped item takes "
        "two lines), a teaser list's '3 comments' lines come every few lines.",
    )
    list_min_distinct_share = Param(
        0.5,
        "Lines of one list shape make a list only when at least this share of them open "
        "with words of their own (not '- Select a link -' printed under each heading).",
    )
    record_max_period = Param(
        8,
        "A field label ('Location:', 'Fee:') opening list_min_items lines or more, at most "
        "this many lines apart, makes repeated records (a directory, a course list): the "
        "lines from the first record to the last cost nothing.",
    )
    field_max_words = Param(
        3,
        "A 'Label: value' line is a field of a specification list when its label has at "
        "most this many words (a longer one is a sentence with a colon).",
    )
    pair_value_max_words = Param(
        12,
        "A term line (at most field_max_words words, no digit, no sentence end) and the "
        "line after it make a pair of a specification list when that line has at most "
        "this many words, and a number or more words than the term (list_min_items pairs "
        "one after the other: see rules/list_pairs.py).",
    )
    pair_min_number_share = Param(
        0.5,
        "... and when at least this share of the pairs' values hold a number (sizes, "
        "weights, years: a menu's alternating entries hold none).",
    )
    list_bridge_lines = Param(
        1,
        "A list or table this many short lines away from the run's edge is still the "
        "article's: its heading ('Ingredients', 'Specifications') sits between them.",
    )

    list_bridge_items = Param(
        6,
        "... and over at most this many item-like lines as well (sentence-case phrases "
        "with function words, no sentence end: a product's feature bullets, which "
        "innerText prints without their bullets, between its description and its "
        "specification table).",
    )

    def list_lines(self, kept: Sequence[Block]) -> Listed:
        texts = [b.text for b in kept]
        # Each line's shape, and where a number or a field may open, in one pass.
        shapes, numbers, colons = list_scan(texts, self.field_max_words)
        shaped = shaped_lines(
            texts,
            self.list_min_items,
            self.shape_max_gap,
            self.field_max_words,
            self.list_min_distinct_share,
            shapes=shapes,
        )
        # A description list's term and value lines, as many pairs as items.
        shaped |= pair_lines(
            kept,
            self.list_min_items,
            self.field_max_words,
            self.pair_value_max_words,
            self.pair_min_number_share,
        )
        counted = numbered_lines(texts, self.list_min_items, self.list_max_gap, numbers)
        # The items and the lines between them (an item's text, its link) cost nothing.
        n = len(kept)
        free = filled(counted, self.list_max_gap, n) | filled(shaped, self.shape_max_gap, n)
        free |= record_lines(
            texts, self.list_min_items, self.record_max_period, self.field_max_words, colons
        )
        return Listed(shaped | counted, counted, shaped, free)

    def score_lists(self, scores: list[float], listed: Listed) -> None:
        """Lines of lists cost nothing in the run; a numbered item scores a little."""
        for i in listed.free:
            scores[i] = max(scores[i], self.list_item_score if i in listed.counted else 0.0)

    def take_lists(
        self,
        doc: Document,
        kept: Sequence[Block],
        free: set[int],
        start: int,
        end: int,
        heading_like: Callable[[Block], bool],
        item_like: Callable[[Block], bool] | None = None,
    ) -> tuple[int, int]:
        """The run's edges moved over the list lines next to them (see ``list_step``)."""
        bridge, items = self.list_bridge_lines, self.list_bridge_items
        while (
            step := list_step(doc, kept, free, end, 1, bridge, heading_like, items, item_like)
        ) > 0:
            end += step
        # Back over headings only: item-like lines before the run are a home page's
        # teaser headlines more often than the article's list.
        while (step := list_step(doc, kept, free, start, -1, bridge, heading_like)) > 0:
            start -= step
        return start, end
